/* A growable byte buffer for the normalizer.  Allocation failure is sticky:
 * after it `oom` stays set and the content is unspecified, so callers check
 * once at the end. */
#ifndef NARRATE_NORM_BUF_H
#define NARRATE_NORM_BUF_H

#include <stddef.h>
#include <string.h>

typedef struct nbuf {
    char *p;     /* NUL-terminated when cap > 0 */
    size_t len, cap;
    int oom;
} nbuf;

/* Ensures room for `extra` more bytes plus a NUL; returns 0 on failure. */
int nbuf_reserve(nbuf *b, size_t extra);
/* Appends without the room check; the caller reserved it. */
static inline void nbuf_put_fit(nbuf *b, const char *s, size_t n)
{
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline void nbuf_put(nbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 <= b->cap || nbuf_reserve(b, n))
        nbuf_put_fit(b, s, n);
}

static inline void nbuf_putc(nbuf *b, char c)
{
    if (b->len + 2 <= b->cap || nbuf_reserve(b, 1)) {
        b->p[b->len++] = c;
        b->p[b->len] = '\0';
    }
}

void nbuf_puts(nbuf *b, const char *s);
void nbuf_free(nbuf *b);

#endif
