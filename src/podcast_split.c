#include "podcast_split.h"
#include "podcast_mp3_join.h"

#include <errno.h>
#include <unistd.h>

#define SCAN_CHUNK 8192
/* Silence around a cut, at the output rate: an encoder's delay (1105) and a
 * frame's windows before it, a frame and a granule after; plus the
 * resampler's filter at the input rate. */
#define QUIET_BEFORE_OUT 4096
#define QUIET_AFTER_OUT 2048
#define RESAMPLER_REACH 256

struct scan {
    uint64_t step, before, after;
};

static uint64_t gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

/* The first start at or after `from` inside a zero run that has `before`
 * zeros ahead of it and `after` zeros from it; 0 when there is none. */
static uint64_t next_cut(int fd, uint64_t from, uint64_t samples, const struct scan *s)
{
    int16_t buf[SCAN_CHUNK];
    uint64_t at = from > s->before ? from - s->before : 0, run = UINT64_MAX;
    while (at < samples) {
        size_t want = samples - at < SCAN_CHUNK ? (size_t)(samples - at) : SCAN_CHUNK;
        ssize_t got = pread(fd, buf, want * sizeof buf[0], (off_t)(at * sizeof buf[0]));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return 0;
        for (size_t i = 0; i < (size_t)got / sizeof buf[0]; i++, at++) {
            if (buf[i] == 0) {
                if (run == UINT64_MAX)
                    run = at;
                continue;
            }
            if (run != UINT64_MAX) {
                uint64_t cut = (run + s->before + s->step - 1) / s->step * s->step;
                if (cut >= from && cut + s->after <= at)
                    return cut;
            }
            run = UINT64_MAX;
        }
    }
    return 0;
}

size_t podcast_split(int fd, uint64_t samples, int in_rate, int out_rate, uint64_t min_samples,
                     uint64_t *starts, size_t max)
{
    size_t n = 1;
    starts[0] = 0;
    if (in_rate <= 0 || out_rate % in_rate != 0 || min_samples == 0)
        return 1;
    uint64_t ratio = (uint64_t)(out_rate / in_rate);
    /* Cuts fall where an input sample starts an output frame. */
    uint64_t step = MP3_FRAME_SAMPLES / gcd(MP3_FRAME_SAMPLES, ratio);
    struct scan s = {step, (QUIET_BEFORE_OUT + ratio - 1) / ratio + RESAMPLER_REACH,
                     (QUIET_AFTER_OUT + ratio - 1) / ratio + RESAMPLER_REACH};
    if (max > samples / min_samples)
        max = (size_t)(samples / min_samples);
    for (size_t k = 1; k < max; k++) {
        uint64_t target = samples / max * k;
        if (target < starts[n - 1] + min_samples)
            target = starts[n - 1] + min_samples;
        uint64_t cut = next_cut(fd, target, samples, &s);
        if (cut == 0 || cut + min_samples > samples)
            break;
        starts[n++] = cut;
    }
    return n;
}
