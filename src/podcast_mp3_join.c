#include "podcast_mp3_join.h"
#include "podcast_file.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define COPY_CHUNK 65536
/* Offsets from the "Info" mark, per the LAME tag specification (rev 1). */
#define INFO_FRAMES 8
#define INFO_BYTES 12
#define INFO_TOC 16
#define LAME_DELAY_PADDING 141
#define LAME_MUSIC_LENGTH 148
#define LAME_MUSIC_CRC 152
#define LAME_TAG_CRC 154

/* The length of the frame whose 4-byte header is h, or 0 when h is none. */
static size_t frame_length(const unsigned char *h)
{
    static const int kbps[2][16] = {{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},
                                    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0}};
    static const int rates[3] = {44100, 48000, 32000};
    if (h[0] != 0xff || (h[1] & 0xe0) != 0xe0 || (h[1] & 0x06) != 0x02)
        return 0; /* no sync, or not Layer III */
    int mpeg1 = (h[1] & 0x18) == 0x18, lsf = !mpeg1;
    int rate_index = (h[2] >> 2) & 3, kb = kbps[lsf][h[2] >> 4];
    if (rate_index == 3 || kb == 0 || (h[1] & 0x18) == 0x08)
        return 0;
    int rate = rates[rate_index] >> (lsf ? ((h[1] & 0x18) == 0 ? 2 : 1) : 0);
    return (size_t)((mpeg1 ? 144000 : 72000) * kb / rate + ((h[2] >> 1) & 1));
}

int mp3_frames_span(int fd, off_t start, uint64_t *frames, off_t *bytes)
{
    off_t at = start;
    unsigned char h[4];
    uint64_t i = 0;
    for (; i < *frames; i++) {
        ssize_t got = pread(fd, h, sizeof h, at);
        if (got < 0)
            return errno;
        if (got == 0 && *frames == UINT64_MAX)
            break;
        size_t len = got == (ssize_t)sizeof h ? frame_length(h) : 0;
        if (len == 0)
            return EINVAL;
        at += (off_t)len;
    }
    *frames = i;
    *bytes = at - start;
    return 0;
}

uint16_t mp3_crc16(uint16_t crc, const unsigned char *data, size_t len)
{
    static uint16_t table[256];
    if (!table[1])  /* idempotent: racing threads write the same values */
        for (unsigned i = 0; i < 256; i++) {
            unsigned c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? (c >> 1) ^ 0xa001 : c >> 1;
            table[i] = (uint16_t)c;
        }
    for (size_t i = 0; i < len; i++)
        crc = (uint16_t)((crc >> 8) ^ table[(crc ^ data[i]) & 0xff]);
    return crc;
}

int mp3_copy_frames(int in, off_t from, off_t len, int out, uint16_t *crc)
{
    unsigned char buf[COPY_CHUNK];
    while (len > 0) {
        size_t want = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;
        ssize_t got = pread(in, buf, want, from);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return got < 0 ? errno : EINVAL;
        *crc = mp3_crc16(*crc, buf, (size_t)got);
        int rc = out < 0 ? 0 : podcast_write_all(out, buf, (size_t)got);
        if (rc)
            return rc;
        from += got;
        len -= got;
    }
    return 0;
}

static void put_be(unsigned char *p, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--, v >>= 8)
        p[i] = (unsigned char)(v & 0xff);
}

int mp3_info_rewrite(unsigned char *tag, size_t len, uint64_t frames, uint64_t bytes,
                     uint64_t samples, uint16_t music_crc)
{
    size_t x = 0;
    while (x + 4 <= len && x < 48 && memcmp(tag + x, "Info", 4) != 0)
        x++;
    if (x + LAME_TAG_CRC + 2 > len || memcmp(tag + x, "Info", 4) != 0 ||
        frames > UINT32_MAX || bytes > UINT32_MAX)
        return EINVAL;
    unsigned char *dp = tag + x + LAME_DELAY_PADDING;
    uint64_t delay = ((uint64_t)dp[0] << 4) | (dp[1] >> 4), span = frames * MP3_FRAME_SAMPLES;
    if (span < delay + samples || span - delay - samples > 0xfff)
        return EINVAL;
    unsigned padding = (unsigned)(span - delay - samples);
    put_be(tag + x + INFO_FRAMES, frames, 4);
    put_be(tag + x + INFO_BYTES, bytes, 4);
    for (int i = 0; i < 100; i++)  /* CBR: byte position grows with time */
        tag[x + INFO_TOC + i] = (unsigned char)((i * 256 + 50) / 100);
    dp[1] = (unsigned char)((dp[1] & 0xf0) | (padding >> 8));
    dp[2] = (unsigned char)(padding & 0xff);
    put_be(tag + x + LAME_MUSIC_LENGTH, bytes, 4);
    put_be(tag + x + LAME_MUSIC_CRC, music_crc, 2);
    put_be(tag + x + LAME_TAG_CRC, mp3_crc16(0, tag, x + LAME_TAG_CRC), 2);
    return 0;
}
