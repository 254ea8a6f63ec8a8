/* A lock-free single-producer/single-consumer ring of int16 samples.
 *
 * One thread (the producer) calls ring_write, one other thread (the consumer)
 * calls ring_read; each may also call ring_used/ring_free.  Neither call blocks,
 * allocates or locks, so ring_read is safe in a real-time audio callback.
 * ring_init/ring_destroy must not race with anything else. */
#ifndef NARRATE_RING_H
#define NARRATE_RING_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct ring {
    int16_t *buf;          /* owned; capacity samples */
    size_t capacity;       /* a power of two */
    _Atomic size_t head;   /* samples ever written; only the producer stores it */
    _Atomic size_t tail;   /* samples ever read; only the consumer stores it */
};

/* Allocates room for at least min_capacity samples (rounded up to a power of two).
 * Returns 0, or -1 when memory is short or min_capacity is 0 or absurd. */
int ring_init(struct ring *r, size_t min_capacity);
void ring_destroy(struct ring *r);

/* Producer: copies up to count samples in; returns how many fitted. */
size_t ring_write(struct ring *r, const int16_t *samples, size_t count);
/* Consumer: copies up to count samples out; returns how many there were. */
size_t ring_read(struct ring *r, int16_t *out, size_t count);
/* Consumer: forgets the samples before position `mark` (a value head once had),
 * as if they had been read; returns how many were dropped.  A mark at or behind
 * the tail drops nothing. */
size_t ring_discard_to(struct ring *r, size_t mark);
/* Either side: the producer's position (samples ever written). */
size_t ring_head(struct ring *r);
/* Either side: samples waiting to be read, and room left. */
size_t ring_used(struct ring *r);
size_t ring_free(struct ring *r);

#endif
