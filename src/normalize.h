/* Sentence splitting and text normalization: what is written -> what is said.
 *
 * Contract shared by the library core and the normalizer:
 * - norm_data holds the tables read from pronunciations/ (embedded at build time).
 *   It is immutable once loaded, so one copy may serve any number of sentences.
 * - norm_split() cuts the first sentence off a buffer; norm_sentence() turns one
 *   such sentence into spoken text in which every word keeps the byte span of the
 *   source it came from.
 * - Neither prints, exits or aborts; both run in time linear in their input.
 */
#ifndef NARRATE_NORMALIZE_H
#define NARRATE_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "narrate.h"

/* A sentence longer than this is cut at a clause boundary (or, failing one, at a
 * space, or failing that anywhere on a UTF-8 boundary).  See norm_split(). */
#define NORM_SENTENCE_MAX_BYTES 600

typedef struct norm_data norm_data;

/* Loads the embedded tables.  On failure *out is NULL and errmsg says which file
 * and line is wrong.  Possible errors: ENOMEM, EDATA. */
narrate_error norm_data_load(norm_data **out, char *errmsg, size_t errmsg_size);
void norm_data_free(norm_data *data);

/* Returns the byte length of the first sentence in text[0..len), including the
 * white space after it, or 0 when more text is needed to decide.  Returns 0 only
 * when !at_end and len < NORM_SENTENCE_MAX_BYTES; with at_end and len > 0 it
 * always returns > 0.  Never cuts inside a UTF-8 sequence.  Reads at most
 * NORM_SENTENCE_MAX_BYTES + 64 bytes, so repeated calls stay linear. */
size_t norm_split(const norm_data *data, const char *text, size_t len, int at_end);

/* One spoken word (or a few, e.g. "four point five") and the source bytes it
 * came from.  out_* index norm_sentence.text; src_* are relative to the start of
 * the source given to norm_sentence(). */
typedef struct norm_word {
    uint32_t out_off, out_len;
    uint32_t src_off, src_len;
    uint32_t flags;   /* NORM_WORD_* */
    /* What decided this reading, for --explain: a rule's name ("year",
     * "money", …) or a table entry ("abbreviations.tsv:12"); "" when the word
     * passed through as written.  Lives as long as the norm_data. */
    const char *rule;
} norm_word;

/* The word stands inside quotation marks (quoted speech), so that a voice can
 * read it differently. */
#define NORM_WORD_QUOTED 1u
/* The word holds letters read as letters: each of its one-letter words (and
 * spelled runs like "F-B-I") is said by the letter's name. */
#define NORM_WORD_LETTERS 2u
/* ... and they are capitals to be said at a raised pitch (NARRATE_CAPS_PITCH). */
#define NORM_WORD_RAISED 4u

/* How a sentence is read beyond the defaults (narrate_config's punctuation,
 * capitals and spell).  A zeroed struct is the default reading. */
typedef struct norm_reading {
    narrate_punctuation punctuation;
    narrate_capitals capitals;
    int spell; /* read character by character */
} norm_reading;

/* Output of norm_sentence(); owned by the caller, released by norm_sentence_free().
 * text is one line of UTF-8, NUL-terminated at len, with no control characters, and
 * none of the tokens espeak-ng chokes on; it may keep punctuation that makes
 * pauses (, ; : . ? !).  It is "" (len 0) when the sentence has nothing to say. */
typedef struct norm_sentence {
    char *text;
    size_t len;
    norm_word *words;
    size_t nwords;
} norm_sentence;

/* The working buffers of norm_sentence_read() (the folded text, its map to the
 * source, the tokens), kept by a caller that reads many sentences so that a
 * call allocates only when its sentence outgrows them.  One call at a time may
 * use a scratch.  norm_scratch_new() returns NULL when out of memory. */
typedef struct norm_scratch norm_scratch;
norm_scratch *norm_scratch_new(void);
void norm_scratch_free(norm_scratch *scratch);

/* Normalizes src[0..len), one sentence as cut by norm_split().  src need not be
 * valid UTF-8 or NUL-terminated.  *out must be zeroed or previously filled by this
 * function (its buffers are reused).  Possible errors: ENOMEM. */
narrate_error norm_sentence_run(const norm_data *data, const char *src, size_t len,
                                norm_sentence *out);
/* The same with a reading (NULL means the default one) and a scratch (NULL
 * means buffers of this call's own). */
narrate_error norm_sentence_read(const norm_data *data, const norm_reading *reading,
                                 norm_scratch *scratch, const char *src, size_t len,
                                 norm_sentence *out);
void norm_sentence_free(norm_sentence *s);

#endif
