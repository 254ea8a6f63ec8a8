/* Streaming WAV writer; see wav_stream.h. */
#include "wav_stream.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static void put_le(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* Writes all of buf, retrying on EINTR and short writes. */
static int write_all(int fd, const unsigned char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int wav_stream_header(int fd, int sample_rate)
{
    unsigned char h[44];
    memcpy(h, "RIFF", 4);
    put_le(h + 4, 0xFFFFFFFFu, 4);
    memcpy(h + 8, "WAVEfmt ", 8);
    put_le(h + 16, 16, 4);                      /* fmt chunk size */
    put_le(h + 20, 1, 2);                       /* PCM */
    put_le(h + 22, 1, 2);                       /* mono */
    put_le(h + 24, (uint32_t)sample_rate, 4);
    put_le(h + 28, (uint32_t)sample_rate * 2, 4); /* bytes per second */
    put_le(h + 32, 2, 2);                       /* block align */
    put_le(h + 34, 16, 2);                      /* bits per sample */
    memcpy(h + 36, "data", 4);
    put_le(h + 40, 0xFFFFFFFFu, 4);
    return write_all(fd, h, sizeof h);
}

int wav_stream_samples(int fd, const int16_t *samples, size_t count)
{
    unsigned char buf[4096];
    while (count > 0) {
        size_t n = count < sizeof buf / 2 ? count : sizeof buf / 2;
        for (size_t i = 0; i < n; i++)
            put_le(buf + 2 * i, (uint16_t)samples[i], 2);
        int err = write_all(fd, buf, 2 * n);
        if (err)
            return err;
        samples += n;
        count -= n;
    }
    return 0;
}
