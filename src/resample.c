/* The soxr wrapper: one soxr_t, and a fixed output buffer that is handed to the
 * caller's function whenever soxr has filled any of it. */
#include "resample.h"

#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>

#define RESAMPLE_OUT_CHUNK 4096

struct resampler {
    soxr_t soxr;
    const char *error;  /* static soxr text of the last error, or NULL */
    int16_t out[RESAMPLE_OUT_CHUNK];
};

struct resampler *resampler_new(double in_rate, double out_rate, char *err,
                                size_t err_size)
{
    soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
    /* soxr seeds its dither from the clock: without it, the same text gives the same samples */
    io.flags |= SOXR_NO_DITHER;
    soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
    soxr_error_t e = NULL;
    struct resampler *r;

    if (!(in_rate > 0) || !(out_rate > 0)) {
        if (err && err_size)
            snprintf(err, err_size, "invalid resampling rates %g -> %g Hz", in_rate, out_rate);
        return NULL;
    }
    r = malloc(sizeof *r);
    if (!r) {
        if (err && err_size)
            snprintf(err, err_size, "out of memory");
        return NULL;
    }
    r->error = NULL;
    r->soxr = soxr_create(in_rate, out_rate, 1, &e, &io, &q, NULL);
    if (!r->soxr) {
        if (err && err_size)
            snprintf(err, err_size, "resampler: %s", e ? e : "cannot create");
        free(r);
        return NULL;
    }
    return r;
}

void resampler_free(struct resampler *r)
{
    if (!r)
        return;
    soxr_delete(r->soxr);
    free(r);
}

const char *resampler_error(const struct resampler *r)
{
    return r->error ? r->error : "";
}

int resampler_push(struct resampler *r, const int16_t *samples, size_t count,
                   resample_out_fn out, void *ctx)
{
    int flushing = samples == NULL;
    for (;;) {
        size_t idone = 0, odone = 0;
        soxr_error_t e = soxr_process(r->soxr, samples, flushing ? 0 : count, &idone,
                                      r->out, RESAMPLE_OUT_CHUNK, &odone);
        if (e) {
            r->error = e;
            return -1;
        }
        if (odone > 0) {
            int stop = out(ctx, r->out, odone);
            if (stop)
                return stop;
        }
        if (!flushing) {
            samples += idone;
            count -= idone;
            if (count == 0 && odone < RESAMPLE_OUT_CHUNK)
                return 0;
        } else if (odone == 0) {
            return 0;
        }
    }
}
