/* Shared by the unit tests (linked into every tests/unit/test_*.c binary). */
#ifndef NARRATE_TEST_HELPERS_H
#define NARRATE_TEST_HELPERS_H

#include <stddef.h>
#include <stdint.h>

#include "narrate.h"

/* $BUILD/narrate-worker, BUILD defaulting to "build" (tests run from the repo root). */
const char *test_worker_path(void);

/* ../shared when present, else NULL (tests that need it skip). */
const char *test_shared_dir(void);

/* Reads a whole file into a NUL-terminated buffer the caller frees; NULL on error. */
char *test_read_file(const char *path, size_t *len);

/* What a narration delivered, recorded by test_record_audio/test_record_event. */
typedef struct recording {
    char **sentences;        /* spoken text of each SENTENCE event */
    uint64_t *sentence_offsets, *sentence_samples;
    size_t nsentences;
    char **words;            /* source text of each WORD event */
    uint64_t *word_samples, *word_offsets;
    size_t nwords;
    size_t warnings, ends, headings, marks;
    uint64_t samples, loud_samples; /* total, and |x| > 500 */
    int sample_rate;
    const char *source;      /* the text fed, for quoting WORD offsets; may be NULL */
    int order_errors;        /* events whose sample went backwards */
} recording;

int test_record_audio(void *userdata, const int16_t *samples, size_t count, int rate);
int test_record_event(void *userdata, const narrate_event *ev);
void test_recording_free(recording *r);

/* A config with the recorders, the build's worker and `workers` processes. */
void test_config(narrate_config *c, recording *r, int workers);

#endif
