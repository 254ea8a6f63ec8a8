/* A FIFO of marks in one growable array. */
#include "sd_marks.h"

#include <stdlib.h>
#include <string.h>

int sd_marks_push(sd_marks *q, uint64_t sample, const char *name)
{
    if (q->head > 0 && q->head + q->count == q->cap) {
        memmove(q->items, q->items + q->head, q->count * sizeof *q->items);
        q->head = 0;
    }
    if (q->count == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 16;
        sd_mark *grown = realloc(q->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        q->items = grown;
        q->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -1;
    q->items[q->head + q->count++] = (sd_mark){sample, copy};
    return 0;
}

const sd_mark *sd_marks_first(const sd_marks *q) { return q->count ? &q->items[q->head] : NULL; }

void sd_marks_pop(sd_marks *q)
{
    if (!q->count)
        return;
    free(q->items[q->head].name);
    q->head++;
    if (--q->count == 0)
        q->head = 0;
}

void sd_marks_clear(sd_marks *q)
{
    while (q->count)
        sd_marks_pop(q);
}

void sd_marks_free(sd_marks *q)
{
    sd_marks_clear(q);
    free(q->items);
    q->items = NULL;
    q->cap = 0;
}
