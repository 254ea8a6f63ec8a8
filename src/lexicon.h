/* Pronunciation lexicons and name rules: which spoken words get which sound.
 *
 * Contract shared by the library core and the lexicon module:
 * - Layers, lowest to highest: built-in (the .lex files of pronunciations/, embedded in the
 *   library), system-wide, user ($XDG_CONFIG_HOME/narrate/), then files given
 *   with --lexicon.  A higher layer wins; every entry remembers its file:line.
 * - Files are narrate's own line format (*.lex, documented in
 *   pronunciations/README-lexicon.md) or W3C PLS 1.0 (*.pls, parsed with
 *   libxml2: no network, no entity expansion, hostile XML refused quickly).
 * - Rules (Hanyu Pinyin, Russian/Ukrainian transliteration) answer for words
 *   no entry holds; an entry always beats a rule.
 * - A match is espeak-ng phoneme mnemonics (Kirshenbaum-style, as
 *   `espeak-ng -x` prints them), safe to wrap in [[ ]] for the engine: the
 *   module guarantees no "]]", no control characters, and length <= 256.
 * - Lookups are pure and thread-compatible; the lexicon is immutable once built.
 */
#ifndef NARRATE_LEXICON_H
#define NARRATE_LEXICON_H

#include <stddef.h>

#include "narrate.h"

typedef struct lexicon lexicon;

typedef enum lexicon_layer {
    LEXICON_BUILTIN = 0,
    LEXICON_SYSTEM,
    LEXICON_USER,
    LEXICON_COMMAND_LINE,
} lexicon_layer;

/* A lexicon holding the built-in layer.  On failure errmsg says file:line.
 * Possible errors: ENOMEM, EDATA. */
narrate_error lexicon_new(lexicon **out, char *errmsg, size_t errmsg_size);
void lexicon_free(lexicon *lex);

/* Adds a file (.pls by extension or by its XML content, else the line format)
 * as the given layer.  On error nothing of the file is kept and errmsg holds
 * "file:line: message".  Possible errors: ENOMEM, EOPEN (unreadable), EDATA. */
narrate_error lexicon_add_file(lexicon *lex, const char *path, lexicon_layer layer,
                               char *errmsg, size_t errmsg_size);

/* Adds the system and user layers from their standard places when present:
 * NARRATE_SYSCONFDIR/narrate/ and $XDG_CONFIG_HOME/narrate/ (or
 * ~/.config/narrate/), every *.lex and *.pls there in name order.
 * Possible errors: as lexicon_add_file. */
narrate_error lexicon_add_standard_layers(lexicon *lex, char *errmsg, size_t errmsg_size);

/* What decided a reading. */
typedef struct lexicon_match {
    size_t words;           /* how many of the given words it covers (>= 1) */
    const char *phonemes;   /* espeak-ng mnemonics for all of them, or NULL */
    const char *respelling; /* or plain words the engine reads instead */
    const char *source;     /* "file:line" of the entry, or the rule's name,
                               e.g. "rule:pinyin" */
} lexicon_match;

/* Looks for the longest entry (a phrase may span several words) or rule that
 * covers words[0..]; words are the spoken words of one sentence from the
 * current one on, as the normalizer wrote them (case kept, no punctuation).
 * sentence_start tells whether words[0] opens the sentence (capitalization
 * then says less about a proper noun).  Returns 1 and fills *match, or 0 when
 * the engine's own reading stands.  Strings in *match live as long as lex. */
int lexicon_lookup(const lexicon *lex, const char *const *words, size_t nwords,
                   int sentence_start, lexicon_match *match);

#endif
