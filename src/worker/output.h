/* The protocol loop's side of engine_output: one request's audio and word
 * marks on their way to the library, resampled to WORKER_SAMPLE_RATE. */
#ifndef NARRATE_WORKER_OUTPUT_H
#define NARRATE_WORKER_OUTPUT_H

#include <signal.h>

#include <soxr.h>

#include "engine.h"

struct engine_output {
    int in_rate;            /* the engine's rate for this request */
    soxr_t resampler;       /* NULL when in_rate is WORKER_SAMPLE_RATE */
    uint64_t samples_sent;  /* at WORKER_SAMPLE_RATE */
    int failed;             /* the pipe broke, or the resampler failed */
};

/* Set by SIGUSR1: the library no longer wants the request under way.  Audio
 * and word calls then fail, which makes the engine stop early; the request is
 * still answered (DONE or ERROR), so the stream stays in step. */
extern volatile sig_atomic_t output_abandoned;

/* Prepares *o for a request whose engine runs at in_rate.  0 or -1. */
int output_begin(engine_output *o, int in_rate);

/* Sends what the resampler still holds and releases it.  0, or -1 when any
 * part of the request's output failed. */
int output_end(engine_output *o);

#endif
