/* The true peak of a finished file, for the check after encoding.
 *
 * libebur128's true-peak meter oversamples every sample four times, which
 * costs more than decoding the MP3.  A point between samples exceeds the
 * largest of the 12 samples either side by at most the interpolator's gain,
 * which for its 12-tap phases is below that of an unwindowed sinc, 2.4
 * (+7.6 dB).  So the meter is given only the stretches around samples at or
 * above TP_FLOOR_DB, with TP_CONTEXT samples either side and a run of zeros
 * after each, which empties its filter before the next stretch: every point
 * left out is below -6.4 dBTP, and a peak below that is reported as the
 * sample peak, a lower bound. */
#include "podcast_loudness.h"

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>

#define TP_FLOOR_DB (-14.0)
#define TP_CONTEXT 32 /* samples: more than the meter's filter reaches */
#define CHUNK 8192

struct peak_scan {
    ebur128_state *st;
    float floor;
    float history[TP_CONTEXT]; /* the last TP_CONTEXT samples, oldest at `next` */
    size_t next;
    size_t after;              /* samples still to give the meter after a loud one */
    float in[CHUNK];
    float out[CHUNK + 2 * TP_CONTEXT];
    size_t nout;
    float sample_peak;
    int failed;
};

static void give(struct peak_scan *s, const float *x, size_t n)
{
    if (s->nout + n > sizeof s->out / sizeof s->out[0]) {
        s->failed |= ebur128_add_frames_float(s->st, s->out, s->nout) != EBUR128_SUCCESS;
        s->nout = 0;
    }
    memcpy(s->out + s->nout, x, n * sizeof *x);
    s->nout += n;
}

/* A loud sample opens a stretch with the samples before it. */
static void open_stretch(struct peak_scan *s)
{
    give(s, s->history + s->next, TP_CONTEXT - s->next);
    give(s, s->history, s->next);
}

static void close_stretch(struct peak_scan *s)
{
    static const float zeros[TP_CONTEXT];
    give(s, zeros, TP_CONTEXT);
}

static void scan(struct peak_scan *s, const float *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        float a = fabsf(x[i]);
        if (a > s->sample_peak)
            s->sample_peak = a;
        if (a >= s->floor) {
            if (!s->after)
                open_stretch(s);
            s->after = TP_CONTEXT + 1;
        }
        if (s->after) {
            give(s, x + i, 1);
            if (--s->after == 0)
                close_stretch(s);
        }
        s->history[s->next] = x[i];
        s->next = (s->next + 1) % TP_CONTEXT;
    }
}

int loudness_file_true_peak(const char *path, double *true_peak_db)
{
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(path, SFM_READ, &info);
    struct peak_scan *s = calloc(1, sizeof *s);
    sf_count_t n;
    int rc = -1;
    if (!snd || !s || info.channels != 1 ||
        !(s->st = ebur128_init(1, (unsigned long)info.samplerate, EBUR128_MODE_TRUE_PEAK)))
        goto out;
    s->floor = (float)pow(10.0, TP_FLOOR_DB / 20.0);
    while ((n = sf_read_float(snd, s->in, CHUNK)) > 0 && !s->failed)
        scan(s, s->in, (size_t)n);
    double peak = 0;
    s->failed |= s->nout && ebur128_add_frames_float(s->st, s->out, s->nout) != EBUR128_SUCCESS;
    if (!s->failed && sf_error(snd) == SF_ERR_NO_ERROR &&
        ebur128_true_peak(s->st, 0, &peak) == EBUR128_SUCCESS) {
        peak = fmax(peak, s->sample_peak);
        *true_peak_db = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
        rc = 0;
    }
out:
    if (s && s->st)
        ebur128_destroy(&s->st);
    free(s);
    if (snd)
        sf_close(snd);
    return rc;
}
