/* Replies, events and audio on standard output; the log on standard error. */
#include "sd_out.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int log_level = 3;

/* A growable byte buffer; a failed allocation marks it broken and the message
 * is dropped whole rather than sent cut. */
typedef struct out_buf {
    char *data;
    size_t len, cap;
    int broken;
} out_buf;

static void buf_put(out_buf *b, const void *bytes, size_t n)
{
    if (b->broken)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->broken = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static void buf_str(out_buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* A protocol line must stay one line: newlines and carriage returns become spaces. */
static void buf_one_line(out_buf *b, const char *s)
{
    for (; *s; s++) {
        char c = (*s == '\n' || *s == '\r') ? ' ' : *s;
        buf_put(b, &c, 1);
    }
}

static void write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

/* Sends the buffer as one message and frees it. */
static void buf_send(out_buf *b)
{
    if (!b->broken) {
        pthread_mutex_lock(&out_lock);
        write_all(b->data, b->len);
        pthread_mutex_unlock(&out_lock);
    }
    free(b->data);
}

void sd_out_line(const char *line)
{
    out_buf b = {0};
    buf_one_line(&b, line);
    buf_str(&b, "\n");
    buf_send(&b);
}

void sd_out_list(int code, const char *const *items, size_t count, const char *final)
{
    out_buf b = {0};
    char prefix[8];
    for (size_t i = 0; i < count; i++) {
        snprintf(prefix, sizeof prefix, "%03d-", code);
        buf_str(&b, prefix);
        buf_one_line(&b, items[i]);
        buf_str(&b, "\n");
    }
    snprintf(prefix, sizeof prefix, "%03d ", code);
    buf_str(&b, prefix);
    buf_one_line(&b, final);
    buf_str(&b, "\n");
    buf_send(&b);
}

void sd_out_event(int code)
{
    static const struct { int code; const char *line; } events[] = {
        {701, "701 BEGIN"}, {702, "702 END"}, {703, "703 STOP"}, {704, "704 PAUSE"},
    };
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
        if (events[i].code == code)
            sd_out_line(events[i].line);
}

void sd_out_mark(const char *name)
{
    const char *items[] = {name};
    sd_out_list(700, items, 1, "INDEX MARK");
}

/* The samples as little-endian bytes, with '\n' and the escape byte 0x7d sent
 * as 0x7d followed by the byte with bit 5 inverted, so the data is one line. */
static void buf_escaped_samples(out_buf *b, const int16_t *samples, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        unsigned char bytes[2] = {(unsigned char)((uint16_t)samples[i] & 0xff),
                                  (unsigned char)((uint16_t)samples[i] >> 8)};
        for (int k = 0; k < 2; k++) {
            if (bytes[k] == '\n' || bytes[k] == 0x7d) {
                unsigned char esc[2] = {0x7d, (unsigned char)(bytes[k] ^ 0x20)};
                buf_put(b, esc, 2);
            } else {
                buf_put(b, &bytes[k], 1);
            }
        }
    }
}

void sd_out_audio(const int16_t *samples, size_t count, int rate)
{
    out_buf b = {0};
    char head[160];
    snprintf(head, sizeof head,
             "705-bits=16\n705-num_channels=1\n705-sample_rate=%d\n705-num_samples=%zu\n",
             rate, count);
    buf_str(&b, head);
    buf_put(&b, "705-AUDIO", 10); /* with its NUL: the data follows it on the same line */
    buf_escaped_samples(&b, samples, count);
    buf_str(&b, "\n705 AUDIO\n");
    buf_send(&b);
}

void sd_log_set_level(int level) { log_level = level; }

void sd_log(int level, const char *fmt, ...)
{
    if (level > log_level)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("sd_narrate: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
