/* Internal: a growable byte buffer for the podcast writers (ID3, transcripts,
 * feeds).  A failed allocation is sticky: later appends do nothing and
 * `failed` says ENOMEM, so that builders check once at the end. */
#ifndef NARRATE_PODCAST_BUF_H
#define NARRATE_PODCAST_BUF_H

#include <stddef.h>

struct pbuf {
    unsigned char *data; /* owned; NUL-terminated after pbuf_text() */
    size_t len, cap;
    int failed;          /* 0, ENOMEM, or what the builder set */
};

void pbuf_put(struct pbuf *b, const void *src, size_t n);
void pbuf_puts(struct pbuf *b, const char *s);
void pbuf_printf(struct pbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as a JSON string, quotes included. */
void pbuf_json(struct pbuf *b, const char *s);
/* s with &, <, >, " and ' escaped for XML text and attributes. */
void pbuf_xml(struct pbuf *b, const char *s);
/* The contents as a NUL-terminated string the caller frees, or NULL (and the
 * buffer freed) when anything failed. */
char *pbuf_text(struct pbuf *b);

#endif
