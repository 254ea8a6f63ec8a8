/* Internal: integrated loudness and true peak (ITU-R BS.1770 / EBU R128, through
 * libebur128), and a true-peak limiter, for podcast episodes.
 *
 * The meter is fed while a narration is spooled; the gain it yields and the
 * limiter are applied when the spool is played back into the encoder. */
#ifndef NARRATE_PODCAST_LOUDNESS_H
#define NARRATE_PODCAST_LOUDNESS_H

#include <stddef.h>
#include <stdint.h>

/* The most gain a target may ask for: quieter audio is near silence, and
 * lifting it further would lift noise, not speech. */
#define LOUDNESS_MAX_GAIN_DB 30.0

struct loudness_meter;

/* NULL when memory is short or the rate is invalid.  true_peak zero measures
 * loudness only (faster); the true peak then reads -HUGE_VAL. */
struct loudness_meter *loudness_meter_new(int rate, int true_peak);
void loudness_meter_free(struct loudness_meter *m);
/* Returns 0, or -1 when libebur128 fails (out of memory). */
int loudness_meter_add(struct loudness_meter *m, const int16_t *samples, size_t count);
/* Integrated loudness in LUFS (-HUGE_VAL for silence) and true peak in dBTP
 * of everything added.  Returns 0, or -1 when libebur128 fails. */
int loudness_meter_result(struct loudness_meter *m, double *lufs, double *true_peak_db);

/* The integrated loudness in LUFS of everything n (1..16) meters measured,
 * as one programme: their gating blocks are pooled.  Returns 0 or -1. */
int loudness_meters_result(struct loudness_meter *const *m, size_t n, double *lufs);

/* The true peak in dBTP of the audio file at path, decoded by libsndfile;
 * exact at -6.4 dBTP and above, a lower bound below (see podcast_peak.c).
 * Returns 0, or -1 when it cannot be read or memory is short. */
int loudness_file_true_peak(const char *path, double *true_peak_db);

/* The linear gain that brings `measured` LUFS to `target` LUFS, at most
 * LOUDNESS_MAX_GAIN_DB; 1 for silence. */
double loudness_gain(double measured_lufs, double target_lufs);

struct tp_limiter;

/* Receives limited samples, valid only during the call; nonzero stops. */
typedef int (*limiter_out_fn)(void *ctx, const int16_t *samples, size_t count);

/* A look-ahead limiter: every input sample is multiplied by `gain` and then by
 * a smooth gain of at most 1, chosen so that the signal between samples, as a
 * 4x band-limited interpolation estimates it, stays at or below `ceiling_db`
 * dBFS.  The gain falls over 5 ms before a peak and recovers over ~50 ms.
 * NULL when memory is short or an argument is out of range. */
struct tp_limiter *tp_limiter_new(int rate, double gain, double ceiling_db);
void tp_limiter_free(struct tp_limiter *l);

/* Feeds samples; limited output goes to out(ctx, ...) a fixed delay later.
 * samples == NULL flushes: the rest comes out, so that the output count
 * always equals the input count.  Returns 0 or the nonzero value of out. */
int tp_limiter_push(struct tp_limiter *l, const int16_t *samples, size_t count,
                    limiter_out_fn out, void *ctx);

#endif
