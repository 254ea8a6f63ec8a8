/* The speakers sink.  Without a device (CI) only the quiet failure is checked.
 * tests/e2e/playback.sh runs this binary against a private PulseAudio server with
 * NARRATE_TEST_SPEAKERS=play (and NARRATE_TEST_REFERENCE=FILE
 * for the same signal written to FILE, to compare with the capture), with
 * NARRATE_TEST_SPEAKERS=stop (cancel and close without commit), or with
 * NARRATE_TEST_NO_DEVICE=1 where the default ALSA device does not exist.
 * tests/e2e/player_sink.sh adds NARRATE_TEST_SPEAKERS=pause (a 4 s tone paused
 * for 1 s after 2 s; NARRATE_TEST_REFERENCE gets the tone) and
 * NARRATE_TEST_SPEAKERS=flush (1 s of tone written while paused, flushed, then
 * 1 s of another tone: only the second may be heard).  Measured
 * latencies go to stdout as "measure: ..." lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "narrate.h"

#define RATE 22050

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Tone bursts of rising pitch separated by pauses: an envelope easy to match. */
static int16_t *make_signal(size_t n)
{
    int16_t *x = malloc(n * sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / RATE;
        int burst = (int)(t / 0.25);
        double on = fmod(t, 0.25) < 0.15 + 0.02 * (burst % 4) ? 1 : 0;
        x[i] = (int16_t)(on * 9000 * sin(2 * M_PI * (300 + 40 * (burst % 7)) * t));
    }
    return x;
}

static narrate_error write_chunks(narrate_sink *s, const int16_t *x, size_t n)
{
    narrate_error err = NARRATE_OK;
    for (size_t i = 0; i < n && !err; i += 1024)
        err = narrate_sink_write(s, x + i, n - i < 1024 ? n - i : 1024, RATE);
    return err;
}

/* var is set to `value`, e.g. NARRATE_TEST_SPEAKERS=play. */
static int enabled_as(const char *var, const char *value)
{
    const char *v = getenv(var);
    return v && strcmp(v, value) == 0;
}

static int enabled(const char *var)
{
    const char *v = getenv(var);
    return v && *v && strcmp(v, "0") != 0;
}

/* Opening the speakers prints nothing on stderr, whatever the outcome. */
static void test_open_quietly(void **state)
{
    char msg[256] = "unset";
    narrate_sink *s = NULL;
    FILE *capture = tmpfile();
    int saved = dup(2);
    struct stat st;
    (void)state;
    assert_non_null(capture);
    fflush(stderr);
    dup2(fileno(capture), 2);
    narrate_error err = narrate_sink_open_speakers(&s, msg, sizeof msg);
    if (err == NARRATE_OK)
        narrate_sink_close(s, 0, NULL, 0);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(fstat(fileno(capture), &st), 0);
    fclose(capture);
    printf("measure: open speakers -> error %d%s%s\n", (int)err, err ? ": " : "",
           err ? msg : "");
    assert_int_equal(st.st_size, 0);
    if (enabled("NARRATE_TEST_NO_DEVICE")) {
        assert_int_equal(err, NARRATE_ENODEVICE);
        assert_null(s);
        assert_true(msg[0] != '\0');
        assert_null(strchr(msg, '\n'));
    } else if (enabled("NARRATE_TEST_SPEAKERS")) {
        assert_int_equal(err, NARRATE_OK);
    } else {
        assert_true(err == NARRATE_OK || err == NARRATE_ENODEVICE || err == NARRATE_EOPEN);
    }
}

/* Plays 3 s and drains: close(commit) returns only after the audio has played. */
static void test_play(void **state)
{
    narrate_sink *s;
    char msg[256];
    size_t n = 3 * RATE;
    int16_t *x;
    const char *ref = getenv("NARRATE_TEST_REFERENCE");
    (void)state;
    if (!enabled_as("NARRATE_TEST_SPEAKERS", "play"))
        skip();
    x = make_signal(n);
    if (ref) {
        assert_int_equal(narrate_sink_open_file(ref, NARRATE_FORMAT_WAV, &s, msg, sizeof msg),
                         NARRATE_OK);
        assert_int_equal(write_chunks(s, x, n), NARRATE_OK);
        assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_OK);
    }
    double t0 = now();
    assert_int_equal(narrate_sink_open_speakers(&s, msg, sizeof msg), NARRATE_OK);
    double opened = now();
    assert_int_equal(write_chunks(s, x, n), NARRATE_OK);
    double written = now();
    int16_t one = 0;
    assert_int_equal(narrate_sink_write(s, &one, 1, 16000), NARRATE_EFORMAT);
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_EWRITE);
    double took = now() - opened;
    printf("measure: open took %.3f s; writing %.3f s; 3.00 s of audio played and drained "
           "%.3f s after open\n", opened - t0, written - opened, took);
    /* Draining waits for the audio to be heard: 3 s, plus the test stack's own
     * start-up delay, measured at 1.4-1.5 s through ALSA's pulse plugin (aplay
     * shows the same); anything near 5 s would mean audio played twice or a hang. */
    assert_true(took > 2.9);
    assert_true(took < 5.0);
    free(x);
}

struct canceler {
    narrate_sink *sink;
    double delay, at;
};

static void *cancel_later(void *arg)
{
    struct canceler *c = arg;
    struct timespec ts = {0, (long)(c->delay * 1e9)};
    nanosleep(&ts, NULL);
    c->at = now();
    narrate_sink_cancel(c->sink);
    return NULL;
}

/* A writer blocked on a full ring returns ECANCELED promptly after cancel. */
static void test_cancel(void **state)
{
    struct canceler c = {NULL, 2.0, 0};
    pthread_t th;
    char msg[256];
    size_t n = 10 * RATE;
    int16_t *x;
    (void)state;
    if (!enabled_as("NARRATE_TEST_SPEAKERS", "stop"))
        skip();
    x = make_signal(n);
    assert_int_equal(narrate_sink_open_speakers(&c.sink, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(pthread_create(&th, NULL, cancel_later, &c), 0);
    assert_int_equal(write_chunks(c.sink, x, n), NARRATE_ECANCELED);
    double latency = now() - c.at;
    pthread_join(th, NULL);
    double t0 = now();
    assert_int_equal(narrate_sink_close(c.sink, 1, msg, sizeof msg), NARRATE_OK);
    double closing = now() - t0;
    printf("measure: write returned ECANCELED %.1f ms after cancel; close took %.1f ms\n",
           latency * 1e3, closing * 1e3);
    assert_true(latency < 0.020);
    assert_true(closing < 0.5);
    free(x);
}

/* close without commit stops at once, with the ring still full. */
static void test_abort(void **state)
{
    narrate_sink *s;
    char msg[256];
    size_t n = RATE / 2;
    int16_t *x;
    (void)state;
    if (!enabled_as("NARRATE_TEST_SPEAKERS", "stop"))
        skip();
    x = make_signal(n);
    assert_int_equal(narrate_sink_open_speakers(&s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(write_chunks(s, x, n), NARRATE_OK);
    double t0 = now();
    assert_int_equal(narrate_sink_close(s, 0, msg, sizeof msg), NARRATE_OK);
    double took = now() - t0;
    printf("measure: close without commit took %.1f ms\n", took * 1e3);
    assert_true(took < 0.3);
    free(x);
}

/* Pause and flush are for devices: a file sink has nothing to pause, and
 * everything written to it is already part of the file. */
static void test_pause_flush_file(void **state)
{
    char path[] = "/tmp/narrate-pause-XXXXXX.wav";
    narrate_sink *s;
    char msg[256];
    int16_t x[64] = {0};
    (void)state;
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(narrate_sink_pause(NULL, 1), NARRATE_EINVAL);
    assert_int_equal(narrate_sink_flush(NULL), NARRATE_EINVAL);
    assert_int_equal(narrate_sink_open_file(path, NARRATE_FORMAT_WAV, &s, msg, sizeof msg),
                     NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 64, RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_pause(s, 1), NARRATE_EINVAL);
    assert_int_equal(narrate_sink_flush(s), NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 64, RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_OK);
    unlink(path);
}

/* Samples of silence before each glide: the monitor of the test's null sink
 * loses the first tens of ms a stream plays, which must not be tone. */
#define LEAD (RATE / 4)

/* LEAD samples of silence, then a continuous tone of n samples whose pitch
 * glides, so that any lost or repeated stretch shows. */
static int16_t *make_glide(size_t n, double f0)
{
    int16_t *x = calloc(LEAD + n, sizeof *x);
    double phase = 0;
    assert_non_null(x);
    for (size_t i = 0; i < n; i++) {
        phase += 2 * M_PI * (f0 + 200.0 * i / n) / RATE;
        x[LEAD + i] = (int16_t)(8000 * sin(phase));
    }
    return x;
}

struct writer {
    narrate_sink *sink;
    const int16_t *x;
    size_t n;
    _Atomic size_t written;
    narrate_error err;
    double done_at;
};

static void *write_all(void *arg)
{
    struct writer *w = arg;
    for (size_t i = 0; i < w->n && !w->err; i += 1024) {
        size_t k = w->n - i < 1024 ? w->n - i : 1024;
        w->err = narrate_sink_write(w->sink, w->x + i, k, RATE);
        atomic_fetch_add(&w->written, k);
    }
    w->done_at = now();
    return NULL;
}

static void sleep_s(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

/* Paused, the device plays silence and the writer stops once the buffer is
 * full; resumed, it goes on from the next sample (the e2e script checks the
 * capture: one gap, and the tone whole). */
static void test_pause(void **state)
{
    struct writer w = {0};
    pthread_t th;
    char msg[256];
    const char *ref = getenv("NARRATE_TEST_REFERENCE");
    (void)state;
    if (!enabled_as("NARRATE_TEST_SPEAKERS", "pause"))
        skip();
    w.n = LEAD + 4 * RATE;
    int16_t *x = make_glide(4 * RATE, 300);
    w.x = x;
    if (ref) {
        assert_int_equal(narrate_sink_open_file(ref, NARRATE_FORMAT_WAV, &w.sink, msg, sizeof msg),
                         NARRATE_OK);
        assert_int_equal(write_chunks(w.sink, x, w.n), NARRATE_OK);
        assert_int_equal(narrate_sink_close(w.sink, 1, msg, sizeof msg), NARRATE_OK);
    }
    assert_int_equal(narrate_sink_open_speakers(&w.sink, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(pthread_create(&th, NULL, write_all, &w), 0);
    sleep_s(2.0);
    double t0 = now();
    assert_int_equal(narrate_sink_pause(w.sink, 1), NARRATE_OK);
    double took = now() - t0;
    sleep_s(0.5);
    size_t stalled = atomic_load(&w.written);
    sleep_s(0.5);
    assert_int_equal(atomic_load(&w.written), stalled);
    assert_int_equal(narrate_sink_pause(w.sink, 0), NARRATE_OK);
    pthread_join(th, NULL);
    assert_int_equal(w.err, NARRATE_OK);
    assert_int_equal(narrate_sink_close(w.sink, 1, msg, sizeof msg), NARRATE_OK);
    printf("measure: pause call took %.3f ms; the writer stalled while paused\n", took * 1e3);
    free(x);
}

/* A writer blocked on a full buffer while paused wakes up at a flush; after a
 * second flush from the writer, only what is written next is heard. */
static void test_flush(void **state)
{
    struct writer w = {0};
    pthread_t th;
    char msg[256];
    (void)state;
    if (!enabled_as("NARRATE_TEST_SPEAKERS", "flush"))
        skip();
    w.n = LEAD + RATE;
    int16_t *first = make_glide(RATE, 300), *second = make_glide(RATE, 800);
    w.x = first;
    assert_int_equal(narrate_sink_open_speakers(&w.sink, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(narrate_sink_pause(w.sink, 1), NARRATE_OK);
    assert_int_equal(pthread_create(&th, NULL, write_all, &w), 0);
    /* The test's audio stack starts pulling about 1.4 s after the stream starts. */
    sleep_s(2.0);
    assert_true(atomic_load(&w.written) < w.n);
    double t0 = now();
    assert_int_equal(narrate_sink_flush(w.sink), NARRATE_OK);
    pthread_join(th, NULL);
    double woke = w.done_at - t0;
    assert_int_equal(w.err, NARRATE_OK);
    assert_int_equal(narrate_sink_flush(w.sink), NARRATE_OK);
    assert_int_equal(narrate_sink_pause(w.sink, 0), NARRATE_OK);
    assert_int_equal(write_chunks(w.sink, second, LEAD + RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_close(w.sink, 1, msg, sizeof msg), NARRATE_OK);
    printf("measure: a writer blocked while paused finished %.1f ms after flush\n", woke * 1e3);
    assert_true(woke < 0.05);
    free(first);
    free(second);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_quietly),
        cmocka_unit_test(test_play),
        cmocka_unit_test(test_cancel),
        cmocka_unit_test(test_abort),
        cmocka_unit_test(test_pause_flush_file),
        cmocka_unit_test(test_pause),
        cmocka_unit_test(test_flush),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
