/* The loudness meter: a thin owner of one ebur128_state. */
#include "podcast_loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>

struct loudness_meter {
    ebur128_state *st;
};

struct loudness_meter *loudness_meter_new(int rate, int true_peak)
{
    struct loudness_meter *m;
    if (rate <= 0 || !(m = malloc(sizeof *m)))
        return NULL;
    m->st = ebur128_init(1, (unsigned long)rate,
                         EBUR128_MODE_I | (true_peak ? EBUR128_MODE_TRUE_PEAK : 0));
    if (!m->st) {
        free(m);
        return NULL;
    }
    return m;
}

void loudness_meter_free(struct loudness_meter *m)
{
    if (!m)
        return;
    ebur128_destroy(&m->st);
    free(m);
}

int loudness_meter_add(struct loudness_meter *m, const int16_t *samples, size_t count)
{
    return ebur128_add_frames_short(m->st, samples, count) == EBUR128_SUCCESS ? 0 : -1;
}

int loudness_meter_result(struct loudness_meter *m, double *lufs, double *true_peak_db)
{
    double peak = 0;
    if (ebur128_loudness_global(m->st, lufs) != EBUR128_SUCCESS)
        return -1;
    if ((m->st->mode & EBUR128_MODE_TRUE_PEAK) == EBUR128_MODE_TRUE_PEAK &&
        ebur128_true_peak(m->st, 0, &peak) != EBUR128_SUCCESS)
        return -1;
    *true_peak_db = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
    return 0;
}

int loudness_meters_result(struct loudness_meter *const *m, size_t n, double *lufs)
{
    ebur128_state *states[16];
    if (n == 0 || n > sizeof states / sizeof states[0])
        return -1;
    for (size_t i = 0; i < n; i++)
        states[i] = m[i]->st;
    return ebur128_loudness_global_multiple(states, n, lufs) == EBUR128_SUCCESS ? 0 : -1;
}

double loudness_gain(double measured_lufs, double target_lufs)
{
    if (!isfinite(measured_lufs))
        return 1.0;
    double db = target_lufs - measured_lufs;
    if (db > LOUDNESS_MAX_GAIN_DB)
        db = LOUDNESS_MAX_GAIN_DB;
    return pow(10.0, db / 20.0);
}
