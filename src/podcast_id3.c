/* The ID3v2.4 writer: a growable byte buffer and one function per frame kind.
 * Frame sizes are back-patched once a frame's body is complete. */
#include "podcast_id3.h"
#include "podcast_buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID3_HEADER 10
#define FRAME_HEADER 10
#define SYNCSAFE_MAX 0x0FFFFFFFu
#define ENC_UTF8 3

static void put_byte(struct pbuf *b, unsigned char c)
{
    pbuf_put(b, &c, 1);
}

static void put_be32(struct pbuf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    pbuf_put(b, c, 4);
}

/* A string with its terminating NUL. */
static void put_cstr(struct pbuf *b, const char *s)
{
    pbuf_put(b, s, strlen(s) + 1);
}

static void syncsafe_at(struct pbuf *b, size_t at, size_t v)
{
    if (b->failed)
        return;
    if (v > SYNCSAFE_MAX) {
        b->failed = EINVAL;
        return;
    }
    for (int i = 0; i < 4; i++)
        b->data[at + i] = (unsigned char)((v >> (7 * (3 - i))) & 0x7F);
}

/* Starts a frame; returns where its header is, for end_frame(). */
static size_t begin_frame(struct pbuf *b, const char id[4])
{
    size_t at = b->len;
    static const unsigned char zero[FRAME_HEADER - 4];
    pbuf_put(b, id, 4);
    pbuf_put(b, zero, sizeof zero);
    return at;
}

static void end_frame(struct pbuf *b, size_t at)
{
    syncsafe_at(b, at + 4, b->len - at - FRAME_HEADER);
}

static void text_frame(struct pbuf *b, const char id[4], const char *text)
{
    if (!text || !*text)
        return;
    size_t at = begin_frame(b, id);
    put_byte(b, ENC_UTF8);
    pbuf_put(b, text, strlen(text));
    end_frame(b, at);
}

static void comment_frame(struct pbuf *b, const char *text)
{
    if (!text || !*text)
        return;
    size_t at = begin_frame(b, "COMM");
    put_byte(b, ENC_UTF8);
    pbuf_put(b, "eng", 3);
    put_byte(b, 0); /* empty content descriptor */
    pbuf_put(b, text, strlen(text));
    end_frame(b, at);
}

static void picture_frame(struct pbuf *b, const struct id3_info *info)
{
    if (!info->cover || info->cover_len == 0 || !info->cover_mime)
        return;
    size_t at = begin_frame(b, "APIC");
    put_byte(b, ENC_UTF8);
    put_cstr(b, info->cover_mime);
    put_byte(b, 0x03); /* front cover */
    put_byte(b, 0);    /* empty description */
    pbuf_put(b, info->cover, info->cover_len);
    end_frame(b, at);
}

static void chapter_id(char *buf, size_t size, size_t i)
{
    snprintf(buf, size, "chp%zu", i);
}

static void chapter_frame(struct pbuf *b, const struct id3_chapter *c, size_t i)
{
    char id[24];
    chapter_id(id, sizeof id, i);
    size_t at = begin_frame(b, "CHAP");
    put_cstr(b, id);
    put_be32(b, c->start_ms);
    put_be32(b, c->end_ms);
    put_be32(b, 0xFFFFFFFFu); /* no byte offsets: times are authoritative */
    put_be32(b, 0xFFFFFFFFu);
    text_frame(b, "TIT2", c->title && *c->title ? c->title : id);
    end_frame(b, at);
}

static void toc_frame(struct pbuf *b, size_t n)
{
    char id[24];
    size_t at = begin_frame(b, "CTOC");
    put_cstr(b, "toc");
    put_byte(b, 0x03); /* top-level, ordered */
    put_byte(b, (unsigned char)n);
    for (size_t i = 0; i < n; i++) {
        chapter_id(id, sizeof id, i);
        put_cstr(b, id);
    }
    end_frame(b, at);
}

static void length_frame(struct pbuf *b, uint64_t ms)
{
    char text[32];
    if (ms == 0)
        return;
    snprintf(text, sizeof text, "%llu", (unsigned long long)ms);
    text_frame(b, "TLEN", text);
}

int id3_build(const struct id3_info *info, unsigned char **out, size_t *len)
{
    static const unsigned char header[ID3_HEADER] = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
    struct pbuf b = {0};
    *out = NULL;
    *len = 0;
    if (info->nchapters > ID3_MAX_CHAPTERS)
        return EINVAL;
    pbuf_put(&b, header, sizeof header);
    text_frame(&b, "TIT2", info->title);
    text_frame(&b, "TPE1", info->artist);
    text_frame(&b, "TALB", info->album);
    text_frame(&b, "TDRC", info->date);
    length_frame(&b, info->length_ms);
    comment_frame(&b, info->description);
    picture_frame(&b, info);
    if (info->nchapters > 0)
        toc_frame(&b, info->nchapters);
    for (size_t i = 0; i < info->nchapters; i++)
        chapter_frame(&b, &info->chapters[i], i);
    syncsafe_at(&b, 6, b.len - ID3_HEADER);
    if (b.failed) {
        free(b.data);
        return b.failed;
    }
    *out = b.data;
    *len = b.len;
    return 0;
}

const char *id3_image_mime(const unsigned char *data, size_t len)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return "image/jpeg";
    if (len >= 8 && memcmp(data, png, 8) == 0)
        return "image/png";
    return NULL;
}
