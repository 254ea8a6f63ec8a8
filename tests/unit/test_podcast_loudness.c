/* The loudness pieces on synthetic signals, measured back with libebur128:
 * the limiter keeps true peaks (inter-sample ones included) at its ceiling,
 * keeps the sample count and delays nothing; the gain meets a target. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <unistd.h>

#include "podcast_loudness.h"

#define RATE 44100

struct collected {
    int16_t *samples;
    size_t n, cap;
};

static int collect(void *ctx, const int16_t *samples, size_t count)
{
    struct collected *c = ctx;
    if (c->n + count > c->cap)
        return 1;
    for (size_t i = 0; i < count; i++)
        c->samples[c->n++] = samples[i];
    return 0;
}

/* Runs `in` through a limiter in uneven chunks; the output has as many samples. */
static struct collected limit(const int16_t *in, size_t n, double gain, double ceiling_db)
{
    struct collected out = {malloc(n * sizeof(int16_t)), 0, n};
    struct tp_limiter *l = tp_limiter_new(RATE, gain, ceiling_db);
    assert_non_null(l);
    for (size_t at = 0, step = 1; at < n; at += step, step = step * 3 % 4097 + 1)
        assert_int_equal(tp_limiter_push(l, in + at, at + step > n ? n - at : step, collect, &out), 0);
    assert_int_equal(tp_limiter_push(l, NULL, 0, collect, &out), 0);
    assert_int_equal(out.n, n);
    tp_limiter_free(l);
    return out;
}

static double true_peak_db(const int16_t *s, size_t n)
{
    ebur128_state *st = ebur128_init(1, RATE, EBUR128_MODE_TRUE_PEAK);
    double peak;
    assert_non_null(st);
    assert_int_equal(ebur128_add_frames_short(st, s, n), EBUR128_SUCCESS);
    assert_int_equal(ebur128_true_peak(st, 0, &peak), EBUR128_SUCCESS);
    ebur128_destroy(&st);
    return 20 * log10(peak);
}

static double loudness_of(const int16_t *s, size_t n)
{
    struct loudness_meter *m = loudness_meter_new(RATE, 1);
    double lufs, peak;
    assert_non_null(m);
    assert_int_equal(loudness_meter_add(m, s, n), 0);
    assert_int_equal(loudness_meter_result(m, &lufs, &peak), 0);
    loudness_meter_free(m);
    return lufs;
}

static int16_t *sine(size_t n, double freq, double phase, double amplitude)
{
    int16_t *s = malloc(n * sizeof *s);
    for (size_t i = 0; i < n; i++)
        s[i] = (int16_t)lrint(amplitude * sin(2 * M_PI * freq * i / RATE + phase));
    return s;
}

/* fs/4 at 45 degrees: every sample is at 0.707 of the peak between them, the
 * classic inter-sample overshoot of 3 dB that a sample-peak limiter misses. */
static void test_intersample_peaks(void **state)
{
    (void)state;
    size_t n = RATE;
    int16_t *in = sine(n, RATE / 4.0, M_PI / 4, 32767); /* samples at +-23170 */
    struct collected out = limit(in, n, 1.0, -1.0);
    double tp = true_peak_db(out.samples, n);
    assert_true(true_peak_db(in, n) > -0.5);
    assert_true(tp <= -1.0 + 0.1);
    assert_true(tp > -3.0); /* limited, not crushed */
    free(in);
    free(out.samples);
}

/* Bursts of loud noise after silence, with 12 dB of gain: the look-ahead
 * catches each onset. */
static void test_bursts_with_gain(void **state)
{
    (void)state;
    size_t n = 2 * RATE;
    int16_t *in = calloc(n, sizeof *in);
    unsigned seed = 12345;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        int burst = (i / 2205) % 3 == 0;
        in[i] = burst ? (int16_t)((int)(seed >> 16 & 0xFFFF) - 32768) / 3 : 0;
    }
    struct collected out = limit(in, n, pow(10, 12 / 20.0), -1.0);
    assert_true(true_peak_db(out.samples, n) <= -1.0 + 0.1);
    free(in);
    free(out.samples);
}

/* Quiet audio passes unchanged but for the gain, and on time. */
static void test_transparent_below_ceiling(void **state)
{
    (void)state;
    size_t n = RATE / 2;
    int16_t *in = sine(n, 440, 0, 3000);
    struct collected out = limit(in, n, 2.0, -1.0);
    for (size_t i = 0; i < n; i++)
        assert_true(abs(out.samples[i] - 2 * in[i]) <= 1);
    free(in);
    free(out.samples);
}

static void test_gain_meets_target(void **state)
{
    (void)state;
    size_t n = 10 * RATE;
    int16_t *in = sine(n, 1000, 0, 1500);
    double measured = loudness_of(in, n);
    double gain = loudness_gain(measured, -16.0);
    struct collected out = limit(in, n, gain, -1.0);
    assert_true(fabs(loudness_of(out.samples, n) - -16.0) < 0.2);
    assert_true(true_peak_db(out.samples, n) <= -1.0 + 0.1);
    assert_true(loudness_gain(-HUGE_VAL, -16) == 1.0); /* silence is left alone */
    assert_true(fabs(20 * log10(loudness_gain(-100, -16)) - LOUDNESS_MAX_GAIN_DB) < 1e-9);
    free(in);
    free(out.samples);
}

/* The file check's true peak equals libebur128's over the whole signal,
 * though it oversamples only near loud samples: a 3 dB inter-sample peak after
 * a second of quiet speech-like tone; and a quiet file gives its sample peak. */
static double file_peak(const int16_t *s, size_t n)
{
    char path[] = "/tmp/narrate-peak-XXXXXX";
    int fd = mkstemp(path);
    SF_INFO info = {.samplerate = RATE, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    assert_true(fd >= 0);
    SNDFILE *f = sf_open_fd(fd, SFM_WRITE, &info, 1);
    assert_non_null(f);
    assert_int_equal(sf_write_short(f, s, (sf_count_t)n), (sf_count_t)n);
    sf_close(f);
    double db;
    assert_int_equal(loudness_file_true_peak(path, &db), 0);
    unlink(path);
    return db;
}

static void test_file_true_peak(void **state)
{
    (void)state;
    size_t n = 2 * RATE;
    int16_t *s = sine(n, 440, 0, 3000);
    int16_t *peak = sine(RATE / 10, RATE / 4.0, M_PI / 4, 23170); /* true peak -0.0 dB */
    for (size_t i = 0; i < RATE / 10; i++)
        s[RATE + i] = peak[i];
    assert_true(fabs(file_peak(s, n) - true_peak_db(s, n)) < 0.01);
    for (size_t i = 0; i < RATE / 10; i++)
        s[RATE + i] = (int16_t)(peak[i] / 8); /* all below the floor: the sample peak */
    double quiet = file_peak(s, n);
    assert_true(quiet <= true_peak_db(s, n) + 0.01);
    assert_true(quiet >= 20 * log10(3000 / 32768.0) - 0.01);
    free(s);
    free(peak);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    assert_null(tp_limiter_new(0, 1.0, -1.0));
    assert_null(tp_limiter_new(RATE, 0.0, -1.0));
    assert_null(tp_limiter_new(RATE, 1.0, 1.0));
    assert_null(loudness_meter_new(0, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_intersample_peaks),
        cmocka_unit_test(test_bursts_with_gain),
        cmocka_unit_test(test_transparent_below_ceiling),
        cmocka_unit_test(test_gain_meets_target),
        cmocka_unit_test(test_file_true_peak),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
