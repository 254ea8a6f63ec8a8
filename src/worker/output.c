#include "output.h"

#include <stdlib.h>
#include <unistd.h>

#define RESAMPLE_BLOCK 4096 /* input samples per soxr_process call */

volatile sig_atomic_t output_abandoned;

int output_begin(engine_output *o, int in_rate)
{
    o->in_rate = in_rate;
    o->resampler = NULL;
    o->samples_sent = 0;
    o->failed = 0;
    if (in_rate == WORKER_SAMPLE_RATE)
        return 0;
    soxr_error_t e;
    soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
    /* soxr seeds its dither from the clock: without it, the same text gives the same samples */
    io.flags |= SOXR_NO_DITHER;
    soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
    o->resampler = soxr_create(in_rate, WORKER_SAMPLE_RATE, 1, &e, &io, &q, NULL);
    return e ? -1 : 0;
}

static int send_samples(engine_output *o, const int16_t *samples, size_t count)
{
    if (count == 0)
        return 0;
    if (proto_send(STDOUT_FILENO, RSP_AUDIO, samples, count * sizeof *samples) != 0)
        o->failed = 1;
    o->samples_sent += count;
    return o->failed ? -1 : 0;
}

/* Feeds count samples (NULL: the end) through the resampler and sends its output. */
static int resample(engine_output *o, const int16_t *samples, size_t count)
{
    int16_t out[RESAMPLE_BLOCK * 2 + 64];
    size_t room = sizeof out / sizeof out[0];
    do {
        size_t take = count < RESAMPLE_BLOCK ? count : RESAMPLE_BLOCK, used = 0, made = 0;
        if (soxr_process(o->resampler, samples, take, &used, out, room, &made) != 0)
            o->failed = 1;
        if (o->failed || send_samples(o, out, made) != 0)
            return -1;
        if (!samples && made == 0)
            return 0; /* flushed */
        if (samples) {
            samples += used;
            count -= used;
        }
    } while (count > 0 || !samples);
    return 0;
}

int output_audio(engine_output *o, const int16_t *samples, size_t count)
{
    if (o->failed || output_abandoned)
        return -1;
    if (!o->resampler)
        return send_samples(o, samples, count);
    return count ? resample(o, samples, count) : 0;
}

int output_word(engine_output *o, size_t offset, size_t length, uint64_t sample)
{
    if (o->failed || output_abandoned)
        return -1;
    proto_word w;
    w.offset = (uint32_t)offset;
    w.length = (uint32_t)length;
    w.sample = sample * (uint64_t)WORKER_SAMPLE_RATE / (uint64_t)o->in_rate;
    if (proto_send(STDOUT_FILENO, RSP_WORD, &w, sizeof w) != 0)
        o->failed = 1;
    return o->failed ? -1 : 0;
}

int output_end(engine_output *o)
{
    if (o->resampler && !o->failed)
        resample(o, NULL, 0);
    soxr_delete(o->resampler);
    o->resampler = NULL;
    return o->failed ? -1 : 0;
}
