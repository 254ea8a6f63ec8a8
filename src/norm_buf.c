#include "norm_buf.h"

#include <stdlib.h>
#include <string.h>

int nbuf_reserve(nbuf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

void nbuf_puts(nbuf *b, const char *s) { nbuf_put(b, s, strlen(s)); }

void nbuf_free(nbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
