/* The ID3 reader: UTF-8 (3) and Latin-1 (0) text only, which is what narrate
 * writes and what most taggers write; other encodings leave a field NULL. */
#include "podcast_id3_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TAG (16u << 20)

static uint32_t size_at(const unsigned char *p, int syncsafe)
{
    if (syncsafe)
        return ((uint32_t)p[0] << 21) | ((uint32_t)p[1] << 14) | ((uint32_t)p[2] << 7) | p[3];
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Text of encoding enc in p[0..n) as malloc'd UTF-8; NULL if unsupported. */
static char *decode_text(unsigned char enc, const unsigned char *p, size_t n)
{
    char *s, *o;
    if (enc != 0 && enc != 3)
        return NULL;
    if (!(s = o = malloc(2 * n + 1)))
        return NULL;
    for (size_t i = 0; i < n && p[i]; i++) {
        if (enc == 0 && p[i] >= 0x80) {
            *o++ = (char)(0xC0 | (p[i] >> 6));
            *o++ = (char)(0x80 | (p[i] & 0x3F));
        } else {
            *o++ = (char)p[i];
        }
    }
    *o = '\0';
    return s;
}

static void take_frame(struct id3_summary *out, const unsigned char *id, const unsigned char *body,
                       size_t n)
{
    static const char *const ids[] = {"TIT2", "TPE1", "TALB", "TDRC", "TYER"};
    char **fields[] = {&out->title, &out->artist, &out->album, &out->date, &out->date};
    if (n < 2)
        return;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (memcmp(id, ids[i], 4) == 0 && !*fields[i])
            *fields[i] = decode_text(body[0], body + 1, n - 1);
    if (memcmp(id, "TLEN", 4) == 0) {
        char *text = decode_text(body[0], body + 1, n - 1);
        out->length_ms = text ? strtoull(text, NULL, 10) : 0;
        free(text);
    }
    if (memcmp(id, "COMM", 4) == 0 && n > 4 && !out->description) {
        const unsigned char *p = memchr(body + 4, 0, n - 4); /* after the descriptor */
        if (p)
            out->description = decode_text(body[0], p + 1, n - (size_t)(p + 1 - body));
    }
}

static void parse_frames(struct id3_summary *out, const unsigned char *tag, size_t len, int v4)
{
    size_t at = 0;
    while (at + 10 <= len && tag[at]) {
        size_t n = size_at(tag + at + 4, v4);
        if (n > len - at - 10)
            break;
        take_frame(out, tag + at, tag + at + 10, n);
        at += 10 + n;
    }
}

static int read_exact(int fd, unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r < 0 ? errno : EIO;
        got += (size_t)r;
    }
    return 0;
}

int id3_read_file(const char *path, struct id3_summary *out)
{
    unsigned char head[10], *tag = NULL;
    int rc, fd = open(path, O_RDONLY | O_CLOEXEC);
    memset(out, 0, sizeof *out);
    if (fd < 0)
        return errno;
    rc = read_exact(fd, head, sizeof head);
    if (rc == 0 && memcmp(head, "ID3", 3) == 0 && (head[3] == 3 || head[3] == 4)) {
        uint32_t len = size_at(head + 6, 1);
        if (len <= MAX_TAG && !(tag = malloc(len ? len : 1)))
            rc = ENOMEM;
        else if (tag && (rc = read_exact(fd, tag, len)) == 0)
            parse_frames(out, tag, len, head[3] == 4);
    } else if (rc == EIO) {
        rc = 0; /* shorter than a tag header: no tag */
    }
    free(tag);
    close(fd);
    if (rc)
        id3_summary_free(out);
    return rc;
}

void id3_summary_free(struct id3_summary *s)
{
    free(s->title);
    free(s->artist);
    free(s->album);
    free(s->date);
    free(s->description);
    memset(s, 0, sizeof *s);
}
