/* Readers: an article as people have it (plain text, HTML, Markdown) -> the
 * blocks a person would read, in order, each with the source bytes it came from.
 *
 * Contract shared by the library core and the readers:
 * - A reader is fed the document's bytes in chunks cut anywhere.  Plain text
 *   emits blocks as soon as they are settled (streaming, bounded memory);
 *   HTML and Markdown keep the document and emit everything at finish.
 * - Block text is UTF-8 with no control characters, ready for the normalizer.
 *   Sentences never cross blocks.
 * - Every byte of block text knows the byte offset in the original document
 *   that it came from, so word events can point into the HTML or Markdown.
 * - Readers never print, exit or abort, and free everything on error paths.
 */
#ifndef NARRATE_READER_H
#define NARRATE_READER_H

#include <stddef.h>
#include <stdint.h>

#include "narrate.h"

/* Longest block a reader emits; a longer paragraph is cut at a space (or, with
 * none, on a UTF-8 boundary) into several blocks of the same type. */
#define READER_MAX_BLOCK_BYTES 65536

typedef enum reader_format {
    READER_TEXT = 1,
    READER_HTML,
    READER_MARKDOWN,
    READER_SSML,
} reader_format;

typedef enum block_type {
    BLOCK_TITLE = 1,  /* the article's headline */
    BLOCK_HEADING,    /* a section heading; level 1..6 */
    BLOCK_PARAGRAPH,
    BLOCK_QUOTE,      /* a block quote's paragraph */
    BLOCK_LIST_ITEM,
    BLOCK_TABLE_ROW,  /* one row, cells joined sensibly */
    BLOCK_NOTE,       /* narrate's own words, e.g. "A code sample is left out." */
} block_type;

/* What SSML says about a block beyond its words.  Positions are block bytes. */
typedef enum reader_span_kind {
    SPAN_PROSODY = 1, /* words starting in [from, to) take rate/pitch/volume */
    SPAN_PHONEMES,    /* words starting in [from, to) are said as `text` */
    SPAN_SPELL,       /* words starting in [from, to) are letters read by name */
    SPAN_MARK,        /* a <mark>: before block byte `from` (== to); `text` is its name */
} reader_span_kind;

typedef struct reader_span {
    reader_span_kind kind;
    size_t from, to;
    int rate, pitch, volume; /* PROSODY: percent of the voice's own, 100 unchanged */
    const char *text;        /* PHONEMES: espeak-ng mnemonics; MARK: the name */
    uint64_t src, src_len;   /* MARK: the tag in the document */
} reader_span;

typedef enum reader_pause {
    PAUSE_PARAGRAPH = 0, /* the voice's pauses after a paragraph */
    PAUSE_SENTENCE,      /* only the voice's pause after a sentence */
    PAUSE_EXACT,         /* pause_after_ms, whatever the voice says */
} reader_pause;

typedef struct reader_markup {
    int pause_before_ms;     /* silence before the block's first sentence */
    reader_pause pause;      /* after its last sentence */
    int pause_after_ms;      /* PAUSE_EXACT only */
    const reader_span *spans; /* in order of `from` within each kind */
    size_t nspans;
    const char *voice;       /* an SSML <voice name>: the block is read in it; NULL: the handle's */
} reader_markup;

typedef struct reader_block {
    block_type type;
    int level;              /* heading level, list or quote depth; 0 otherwise */
    const char *text;       /* UTF-8, NUL-terminated, len bytes */
    size_t len;
    /* source[i] is the document offset of the byte text[i] came from, for i in
     * [0, len]; source[len] is the offset just past the block.  Offsets never
     * decrease.  A NOTE maps every byte to the start of what it stands for. */
    const uint64_t *source;
    /* SSML only, else NULL.  An SSML block may be empty (len 0) when it carries
     * marks alone. */
    const reader_markup *markup;
} reader_block;

/* Receives each block; the block is valid only during the call.  Returning
 * nonzero stops the reader, which then returns NARRATE_ESTOPPED. */
typedef int (*reader_emit_fn)(void *userdata, const reader_block *block);

typedef struct reader_options {
    int read_captions;   /* figure captions and photo credits (default: skipped) */
    int read_image_alt;  /* an image's alt text (default: nothing) */
} reader_options;

/* What the document says about itself; any field may be NULL. */
typedef struct reader_meta {
    const char *title;   /* without a site-name suffix */
    const char *byline;
    const char *date;
} reader_meta;

typedef struct reader reader;

/* Possible errors: ENOMEM. */
narrate_error reader_new(reader_format format, const reader_options *options, reader **out);
void reader_free(reader *r);

/* Gives the next len bytes of the document; settled blocks go to emit.
 * Possible errors: ENOMEM, ESTOPPED, EINVAL (document over 4 GiB). */
narrate_error reader_feed(reader *r, const char *bytes, size_t len, reader_emit_fn emit,
                          void *userdata);

/* Emits every block left.  On error, errmsg (when not NULL) says why in one
 * line, e.g. a refused hostile document.  Possible errors: ENOMEM, ESTOPPED,
 * EINVAL (a document the parser refuses). */
narrate_error reader_finish(reader *r, reader_emit_fn emit, void *userdata, char *errmsg,
                            size_t errmsg_size);

/* Valid after reader_finish until reader_free. */
const reader_meta *reader_metadata(const reader *r);

/* Guesses the format from a file name (may be NULL or "-") and the first bytes
 * of the document: .html/.htm/.xhtml, .md/.markdown, else sniffing ("<!doctype
 * html", "<html", a leading "---" front matter or "# " heading, "<speak"
 * or .ssml for SSML), else TEXT. */
reader_format reader_detect(const char *filename, const char *head, size_t len);

#endif
