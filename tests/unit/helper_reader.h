/* Shared by the reader tests: runs a reader over a document, checks every
 * block's source map, and renders the blocks one a line for golden files. */
#ifndef NARRATE_TEST_HELPER_READER_H
#define NARRATE_TEST_HELPER_READER_H

#include <stddef.h>

#include "reader.h"

/* How to feed the document: whole, or in chunks of 1..max_chunk bytes drawn
 * from seed. */
typedef struct feed_plan {
    size_t max_chunk;  /* 0: one call */
    unsigned seed;
} feed_plan;

typedef struct reader_run {
    char *rendered;    /* "type: text\n" a block; the caller frees */
    size_t blocks;
    int map_errors;    /* blocks whose source map broke a promise */
    int word_errors;   /* words whose first byte maps elsewhere (exact maps only) */
    char first_error[256];
    narrate_error err; /* from feed or finish */
    char errmsg[256];
    char *title, *byline, *date; /* copies of the metadata; the caller frees */
} reader_run;

/* Reads doc[0..len) as fmt.  With exact_words, each word's first byte must map
 * to that byte in doc (or to the '&' of a reference; a non-ASCII byte may map
 * to another non-ASCII byte, for transcoded pages). */
void reader_run_doc(reader_format fmt, const reader_options *opts, const char *doc, size_t len,
                    feed_plan plan, int exact_words, reader_run *out);
void reader_run_free(reader_run *run);

/* Compares rendered with the golden file at path; with READER_GOLDEN_UPDATE=1
 * in the environment writes it instead.  Returns 1 when they agree. */
int reader_golden_matches(const char *path, const char *rendered);

/* Reads the page at path whole and in random chunks; returns 1 when every run
 * gives the golden file's blocks with sound source maps, else 0 with why. */
int reader_page_matches(reader_format fmt, const reader_options *opts, const char *page,
                        const char *golden, int exact_words, char *why, size_t why_size);

/* Seconds on the monotonic clock. */
double reader_now(void);

#endif
