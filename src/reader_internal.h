/* Shared by the readers (reader*.c); not part of the library's API.
 *
 * A block_builder accumulates one block's text with the document offset of
 * every byte; a block_sink delivers finished blocks to the caller's emit
 * function, cutting them to READER_MAX_BLOCK_BYTES.  Readers append what the
 * document says and let the builder keep the block-text promises of reader.h:
 * valid UTF-8, no control characters, collapsed whitespace, offsets that never
 * decrease. */
#ifndef NARRATE_READER_INTERNAL_H
#define NARRATE_READER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "reader_hints.h"

typedef struct block_builder {
    char *text;          /* len bytes, room for a NUL */
    uint64_t *source;    /* len + 1 entries */
    size_t len, cap;
    uint64_t end;        /* document offset just past what was appended */
    int space_pending;   /* whitespace seen since the last text byte */
    uint64_t space_at;
    const char *separator; /* static string written before the next text, if any */
    int failed;          /* an allocation failed; bb_emit reports ENOMEM */
} block_builder;

void bb_init(block_builder *b);
/* Frees the buffers; b may be reused after bb_init. */
void bb_free(block_builder *b);
/* Forgets the text, keeps the buffers. */
void bb_clear(block_builder *b);
int bb_is_empty(const block_builder *b);

/* Appends s[0..n), a verbatim copy of the document's bytes starting at src. */
void bb_text(block_builder *b, const char *s, size_t n, uint64_t src);
/* Appends s[0..n), which stands as a whole for the document bytes [src, end):
 * an entity, a transcoded character, narrate's own words. */
void bb_span(block_builder *b, const char *s, size_t n, uint64_t src, uint64_t end);
/* A word break at src; collapses with other whitespace, vanishes at the edges. */
void bb_space(block_builder *b, uint64_t src);
/* Writes the static string sep (e.g. ", ") before the next text, if any
 * follows and the block is not empty; it maps to that text's first byte. */
void bb_separator(block_builder *b, const char *sep);
/* Appends another builder's text and offsets (a table cell into its row). */
void bb_append(block_builder *b, const block_builder *from);
/* Keeps the first n bytes (n <= len), trailing spaces dropped. */
void bb_truncate(block_builder *b, size_t n);

typedef struct block_sink {
    reader_emit_fn emit;
    void *userdata;
    /* Offsets in blocks are into a transcoded copy of the document when remap
     * is set: remap[i] is the original offset of copy byte i, remap_end the
     * original document's length. */
    const uint32_t *remap;
    size_t remap_len;
    uint64_t remap_end;
    uint64_t doc_len;    /* when set, offsets are clamped into the document */
    const reader_markup *markup; /* given to every block emitted (SSML), or NULL */
    uint64_t *scratch;   /* owned: remapped offsets */
    size_t scratch_cap;
    narrate_error err;   /* sticky: the first error */
} block_sink;

void block_sink_init(block_sink *s, reader_emit_fn emit, void *userdata);
void block_sink_free(block_sink *s);

/* Emits b's text as blocks of that type (each at most READER_MAX_BLOCK_BYTES)
 * and clears b.  Returns the sink's sticky error. */
narrate_error bb_emit(block_builder *b, block_type type, int level, block_sink *sink);
/* Emits only the pieces that are already READER_MAX_BLOCK_BYTES long, keeping
 * the rest in b: bounded memory for streaming. */
narrate_error bb_emit_full(block_builder *b, block_type type, int level, block_sink *sink);
/* The note spoken in place of a code block. */
#define READER_CODE_NOTE "A code sample is left out."

/* Emits a BLOCK_NOTE of narrate's own words standing for document bytes
 * [src, end). */
narrate_error block_note(block_sink *sink, const char *words, uint64_t src, uint64_t end);

/* A table read row by row: cells joined with ", ", each body cell prefixed with
 * its column's header when the table starts with a header row. */
typedef struct table_reader {
    block_builder row, cell;
    char **headers;      /* owned, NUL-terminated; NULL for a column without one */
    size_t nheaders, column;
    int in_header_row;
} table_reader;

void reader_table_init(table_reader *t);
void reader_table_free(table_reader *t);
void reader_table_row_begin(table_reader *t, int header_row);
/* The cell's text goes into t->cell between begin and end. */
void reader_table_cell_begin(table_reader *t);
void reader_table_cell_end(table_reader *t);
/* Emits the row (a header row is kept, not spoken). */
narrate_error reader_table_row_end(table_reader *t, block_sink *sink);

/* Block quotes and list items open around the text, innermost last: what
 * kind of block a paragraph inside them is. */
typedef struct block_nesting {
    char *kinds;         /* 'q' quote, 'l' list item */
    size_t depth, cap, quotes, items;
} block_nesting;

/* Returns 0 on allocation failure. */
int nesting_push(block_nesting *n, char kind);
void nesting_pop(block_nesting *n);
void nesting_free(block_nesting *n);
/* BLOCK_LIST_ITEM or BLOCK_QUOTE (innermost wins) with its depth, else
 * BLOCK_PARAGRAPH with level 0. */
block_type nesting_block_type(const block_nesting *n, int *level);

/* The reader object shared by all formats. */
typedef struct text_state text_state;

struct reader {
    reader_format format;
    reader_options options;
    reader_hints hints;
    reader_meta meta;      /* points into the owned strings below */
    char *title, *byline, *date;
    int finished;
    narrate_error sticky;  /* a stop or failure ends the reader */
    uint64_t fed;
    char *doc;             /* HTML, Markdown: the whole document */
    size_t doc_len, doc_cap;
    text_state *text;
};

/* Copies s[0..n) with whitespace collapsed into the meta field (NULL or empty
 * leaves it unset).  Returns 0 on allocation failure. */
int reader_set_meta(char **field, const char *s, size_t n);

/* Each format's work.  Text streams; HTML and Markdown read the whole doc. */
narrate_error reader_text_state_new(text_state **out);
void reader_text_state_free(text_state *t);
narrate_error reader_text_feed(reader *r, const char *bytes, size_t len, block_sink *sink);
narrate_error reader_text_finish(reader *r, block_sink *sink);
narrate_error reader_markdown_read(reader *r, block_sink *sink, char *errmsg, size_t errmsg_size);
narrate_error reader_html_read(reader *r, block_sink *sink, char *errmsg, size_t errmsg_size);
/* Possible errors: ENOMEM, ESTOPPED; malformed SSML never fails. */
narrate_error reader_ssml_read(reader *r, block_sink *sink);

/* Strips a site-name suffix (" – Site", " | Site", " - Site Name") from a
 * title of n bytes; returns the length to keep. */
size_t title_without_site(const char *s, size_t n);

#endif
