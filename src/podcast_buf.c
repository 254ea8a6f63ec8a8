#include "podcast_buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pbuf_put(struct pbuf *b, const void *src, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        unsigned char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = ENOMEM;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
}

void pbuf_puts(struct pbuf *b, const char *s)
{
    pbuf_put(b, s, strlen(s));
}

void pbuf_printf(struct pbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = b->failed ? b->failed : EINVAL;
        return;
    }
    if ((size_t)n < sizeof small) {
        pbuf_put(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = ENOMEM;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    pbuf_put(b, big, (size_t)n);
    free(big);
}

void pbuf_json(struct pbuf *b, const char *s)
{
    pbuf_put(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            pbuf_printf(b, "\\%c", *p);
        else if (*p < 0x20)
            pbuf_printf(b, "\\u%04x", *p);
        else
            pbuf_put(b, p, 1);
    }
    pbuf_put(b, "\"", 1);
}

void pbuf_xml(struct pbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': pbuf_puts(b, "&amp;"); break;
        case '<': pbuf_puts(b, "&lt;"); break;
        case '>': pbuf_puts(b, "&gt;"); break;
        case '"': pbuf_puts(b, "&quot;"); break;
        case '\'': pbuf_puts(b, "&apos;"); break;
        default:
            /* XML 1.0 allows no control characters but tab, CR and LF. */
            if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
                pbuf_put(b, p, 1);
        }
    }
}

char *pbuf_text(struct pbuf *b)
{
    pbuf_put(b, "", 0);
    if (b->failed || !b->data) {
        free(b->data);
        b->data = NULL;
        return NULL;
    }
    b->data[b->len] = '\0';
    return (char *)b->data;
}
