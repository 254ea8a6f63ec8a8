/* Index marks waiting for their audio: SSML <mark> names in text order, each
 * with the sample position (counted from the start of the utterance) where it
 * falls.  Used by the speaking thread only. */
#ifndef SD_MARKS_H
#define SD_MARKS_H

#include <stddef.h>
#include <stdint.h>

typedef struct sd_mark {
    uint64_t sample;
    char *name;
} sd_mark;

typedef struct sd_marks {
    sd_mark *items;
    size_t head, count, cap;
} sd_marks;

/* Appends a copy of name; returns -1 when memory runs out (the mark is lost). */
int sd_marks_push(sd_marks *q, uint64_t sample, const char *name);

/* The oldest mark, or NULL; it stays queued. */
const sd_mark *sd_marks_first(const sd_marks *q);

/* Drops the oldest mark. */
void sd_marks_pop(sd_marks *q);

/* Drops every mark; the queue stays usable. */
void sd_marks_clear(sd_marks *q);

/* Frees the storage too. */
void sd_marks_free(sd_marks *q);

#endif
