/* The SPSC ring: head and tail count samples since init and wrap modulo SIZE_MAX+1,
 * so head - tail is the fill level even after they overflow.  The producer
 * publishes data with a release store of head; the consumer frees room with a
 * release store of tail; each side reads the other's index with acquire. */
#include "ring.h"

#include <stdlib.h>
#include <string.h>

int ring_init(struct ring *r, size_t min_capacity)
{
    size_t cap = 1;
    if (min_capacity == 0 || min_capacity > (SIZE_MAX / 4) / sizeof(int16_t))
        return -1;
    while (cap < min_capacity)
        cap <<= 1;
    r->buf = malloc(cap * sizeof(int16_t));
    if (!r->buf)
        return -1;
    r->capacity = cap;
    atomic_init(&r->head, 0);
    atomic_init(&r->tail, 0);
    return 0;
}

void ring_destroy(struct ring *r)
{
    free(r->buf);
    r->buf = NULL;
    r->capacity = 0;
}

/* Copies n samples between the linear buffer `lin` and the ring at index `at`,
 * in one or two pieces across the wrap. */
static void copy_in(struct ring *r, size_t at, const int16_t *lin, size_t n)
{
    size_t off = at & (r->capacity - 1);
    size_t first = r->capacity - off < n ? r->capacity - off : n;
    memcpy(r->buf + off, lin, first * sizeof(int16_t));
    memcpy(r->buf, lin + first, (n - first) * sizeof(int16_t));
}

static void copy_out(struct ring *r, size_t at, int16_t *lin, size_t n)
{
    size_t off = at & (r->capacity - 1);
    size_t first = r->capacity - off < n ? r->capacity - off : n;
    memcpy(lin, r->buf + off, first * sizeof(int16_t));
    memcpy(lin + first, r->buf, (n - first) * sizeof(int16_t));
}

size_t ring_write(struct ring *r, const int16_t *samples, size_t count)
{
    size_t head = atomic_load_explicit(&r->head, memory_order_relaxed);
    size_t tail = atomic_load_explicit(&r->tail, memory_order_acquire);
    size_t room = r->capacity - (head - tail);
    size_t n = count < room ? count : room;
    if (n == 0)
        return 0;
    copy_in(r, head, samples, n);
    atomic_store_explicit(&r->head, head + n, memory_order_release);
    return n;
}

size_t ring_read(struct ring *r, int16_t *out, size_t count)
{
    size_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    size_t head = atomic_load_explicit(&r->head, memory_order_acquire);
    size_t avail = head - tail;
    size_t n = count < avail ? count : avail;
    if (n == 0)
        return 0;
    copy_out(r, tail, out, n);
    atomic_store_explicit(&r->tail, tail + n, memory_order_release);
    return n;
}

size_t ring_discard_to(struct ring *r, size_t mark)
{
    size_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    size_t head = atomic_load_explicit(&r->head, memory_order_acquire);
    size_t n = mark - tail;
    if (n == 0 || n > head - tail)
        return 0;
    atomic_store_explicit(&r->tail, mark, memory_order_release);
    return n;
}

size_t ring_head(struct ring *r)
{
    return atomic_load_explicit(&r->head, memory_order_acquire);
}

size_t ring_used(struct ring *r)
{
    size_t head = atomic_load_explicit(&r->head, memory_order_acquire);
    size_t tail = atomic_load_explicit(&r->tail, memory_order_acquire);
    return head - tail;
}

size_t ring_free(struct ring *r)
{
    return r->capacity - ring_used(r);
}
