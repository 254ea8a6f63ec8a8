/* A growable byte buffer for the normalizer.  Allocation failure is sticky:
 * after it, appends are no-ops and `oom` stays set, so callers check once. */
#ifndef NARRATE_NORM_BUF_H
#define NARRATE_NORM_BUF_H

#include <stddef.h>

typedef struct nbuf {
    char *p;     /* NUL-terminated when cap > 0 */
    size_t len, cap;
    int oom;
} nbuf;

/* Ensures room for `extra` more bytes plus a NUL; returns 0 on failure. */
int nbuf_reserve(nbuf *b, size_t extra);
void nbuf_put(nbuf *b, const char *s, size_t n);
void nbuf_puts(nbuf *b, const char *s);
void nbuf_putc(nbuf *b, char c);
void nbuf_free(nbuf *b);

#endif
