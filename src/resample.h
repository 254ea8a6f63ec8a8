/* A streaming mono int16 resampler (libsoxr, high quality), for sinks whose format
 * or device needs another rate than the one the audio comes at. */
#ifndef NARRATE_RESAMPLE_H
#define NARRATE_RESAMPLE_H

#include <stddef.h>
#include <stdint.h>

struct resampler;

/* Receives converted samples, valid only during the call.  Returns 0 to go on,
 * nonzero to stop: resampler_push then returns that value. */
typedef int (*resample_out_fn)(void *ctx, const int16_t *samples, size_t count);

/* Returns NULL when memory is short or the rates are invalid; then, when err is
 * not NULL, a message goes to err[0..err_size). */
struct resampler *resampler_new(double in_rate, double out_rate, char *err,
                                size_t err_size);
void resampler_free(struct resampler *r);

/* Feeds count input samples; converted output goes to out(ctx, ...) as it is ready.
 * samples == NULL flushes: the remaining output is delivered and the stream ends.
 * Returns 0; the nonzero value of `out` that stopped it; or -1 on a soxr error,
 * whose text resampler_error() gives. */
int resampler_push(struct resampler *r, const int16_t *samples, size_t count,
                   resample_out_fn out, void *ctx);
const char *resampler_error(const struct resampler *r);

#endif
