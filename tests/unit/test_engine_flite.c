/* The Flite engine behind the same pipeline: audio at the library's one rate,
 * word events in order and inside the audio, lexicon readings reaching Flite
 * as CMU phones, crash and hang isolation, and switching engines between
 * texts in one session. */
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "helpers.h"
#include "narrate_internal.h"

static const char text[] =
    "The harbor opened at dawn on Tuesday. Dr. Ortiz said the ships would wait. "
    "Three carriers arrived before noon, and the cranes began to move.";

static narrate *flite_narrator(recording *r, const char *voice)
{
    narrate_config c;
    test_config(&c, r, 1);
    c.voice = voice;
    c.sentence_timeout = 2.0;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    return n;
}

static void speak(narrate *n, const char *t)
{
    assert_int_equal(narrate_feed(n, t, strlen(t)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
}

static void test_words_in_order_inside_the_audio(void **state)
{
    (void)state;
    static const char *const voices[] = {"flite:rms", "flite:kal", "flite:kal16", "flite:slt"};
    for (size_t v = 0; v < sizeof voices / sizeof voices[0]; v++) {
        recording r = {0};
        r.source = text;
        narrate *n = flite_narrator(&r, voices[v]);
        speak(n, text);
        assert_int_equal(r.sample_rate, 22050);
        assert_int_equal(r.nsentences, 3);
        assert_int_equal(r.order_errors, 0);
        assert_true(r.nwords >= 20);
        assert_string_equal(r.words[0], "The");
        for (size_t i = 1; i < r.nwords; i++)
            assert_true(r.word_samples[i] > r.word_samples[i - 1]);
        assert_true(r.word_samples[r.nwords - 1] < r.samples);
        /* about 28 words at 175 wpm: between 4 and 20 seconds */
        assert_true(r.samples > 4 * 22050 && r.samples < 20 * 22050);
        assert_true(r.loud_samples > r.samples / 10);
        narrate_free(n);
        test_recording_free(&r);
    }
}

/* The SENTENCE event carries the phonemes; the recorder keeps the text, so
 * this collects them itself. */
typedef struct phoneme_log {
    char buf[4096];
} phoneme_log;

static int log_phonemes(void *userdata, const narrate_event *ev)
{
    phoneme_log *log = userdata;
    if (ev->type == NARRATE_EVENT_SENTENCE && ev->phonemes)
        strncat(log->buf, ev->phonemes, sizeof log->buf - strlen(log->buf) - 1);
    return NARRATE_CONTINUE;
}

static void flite_phonemes(const char *lexicon_file, const char *t, phoneme_log *log)
{
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 1;
    c.voice = "flite:rms";
    c.synthesize = 0;
    c.phonemes = 1;
    c.on_event = log_phonemes;
    c.userdata = log;
    const char *lexicons[] = {lexicon_file, NULL};
    c.lexicons = lexicon_file ? lexicons : NULL;
    narrate *n;
    memset(log, 0, sizeof *log);
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    speak(n, t);
    narrate_free(n);
}

static void test_lexicon_changes_the_reading(void **state)
{
    (void)state;
    char path[] = "/tmp/narrate-flite-lexXXXXXX.lex";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    static const char entry[] = "tomato = [[t@m'A:toU]]\n";
    assert_int_equal(write(fd, entry, sizeof entry - 1), (ssize_t)(sizeof entry - 1));
    close(fd);
    phoneme_log plain, ours;
    flite_phonemes(NULL, "I like a tomato.", &plain);
    flite_phonemes(path, "I like a tomato.", &ours);
    unlink(path);
    assert_non_null(strstr(plain.buf, "t ax0 m ey1 t ow")); /* Flite's own */
    assert_non_null(strstr(ours.buf, "t ax0 m aa1 t ow0"));  /* the lexicon's */
}

/* Kills or stops the worker when the first sentence's audio arrives. */
typedef struct saboteur {
    recording r;
    narrate *n;
    int sig, done;
} saboteur;

static int sabotage_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    saboteur *s = userdata;
    if (!s->done && s->n && s->n->workers[0].pid > 0) {
        kill(s->n->workers[0].pid, s->sig);
        s->done = 1;
    }
    return test_record_audio(&s->r, samples, count, rate);
}

static int sabotage_event(void *userdata, const narrate_event *ev)
{
    return test_record_event(&((saboteur *)userdata)->r, ev);
}

static void survives(int sig)
{
    saboteur s = {0};
    s.sig = sig;
    narrate_config c;
    test_config(&c, &s.r, 1);
    c.voice = "flite:rms";
    c.sentence_timeout = 2.0;
    c.on_audio = sabotage_audio;
    c.on_event = sabotage_event;
    c.userdata = &s;
    assert_int_equal(narrate_new(&c, &s.n, NULL, 0), NARRATE_OK);
    pid_t before = s.n->workers[0].pid;
    speak(s.n, text);
    assert_true(s.done);
    assert_int_not_equal(s.n->workers[0].pid, before); /* replaced */
    assert_int_equal(s.r.nsentences, 3);
    assert_true(s.r.samples > s.r.sentence_samples[2] + 11025); /* the last one was heard */
    narrate_free(s.n);
    test_recording_free(&s.r);
}

static void test_killed_worker_costs_at_most_a_sentence(void **state)
{
    (void)state;
    survives(SIGKILL);
}

static void test_hung_worker_costs_at_most_a_sentence(void **state)
{
    (void)state;
    survives(SIGSTOP);
}

static void test_switch_engines_between_texts(void **state)
{
    (void)state;
    recording r = {0};
    narrate *n = flite_narrator(&r, "news");
    speak(n, "Espeak reads this one.");
    uint64_t first = r.samples;
    assert_true(first > 0);
    assert_int_equal(narrate_reset(n), NARRATE_OK);
    assert_int_equal(narrate_set_voice(n, "flite:slt", 0, -1, -1), NARRATE_OK);
    speak(n, "Flite reads this one.");
    assert_true(r.samples > first + 11025);
    assert_int_equal(narrate_reset(n), NARRATE_OK);
    assert_int_equal(narrate_set_voice(n, "flite:no-such-voice", 0, -1, -1), NARRATE_EVOICE);
    assert_int_equal(narrate_set_voice(n, "espeak-ng:en-us", 0, -1, -1), NARRATE_OK);
    uint64_t before = r.samples;
    speak(n, "And espeak again.");
    assert_true(r.samples > before + 11025);
    assert_int_equal(r.sample_rate, 22050);
    narrate_free(n);
    test_recording_free(&r);
}

/* A sentence's audio kept whole, to measure its pitch. */
typedef struct clip {
    int16_t samples[22050 * 8];
    size_t n;
} clip;

static int keep_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    clip *c = userdata;
    (void)rate;
    for (size_t i = 0; i < count && c->n < sizeof c->samples / sizeof c->samples[0]; i++)
        c->samples[c->n++] = samples[i];
    return NARRATE_CONTINUE;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The lag, within 50-400 Hz at 22050 Hz, where x[0..n) best matches itself. */
static size_t best_lag(const int16_t *x, size_t n)
{
    size_t best = 0;
    double best_score = 0.5; /* weaker correlation: not voiced */
    for (size_t lag = 22050 / 400; lag <= 22050 / 50; lag++) {
        double xy = 0, xx = 0, yy = 0;
        for (size_t i = 0; i + lag < n; i++) {
            xy += (double)x[i] * x[i + lag];
            xx += (double)x[i] * x[i];
            yy += (double)x[i + lag] * x[i + lag];
        }
        double score = xx > 0 && yy > 0 ? xy / sqrt(xx * yy) : 0;
        if (score > best_score) {
            best_score = score;
            best = lag;
        }
    }
    return best;
}

/* The median pitch in Hz of the clip's voiced 40 ms frames, 0 when none. */
static double median_pitch(const clip *c)
{
    enum { FRAME = 882 };
    static double hz[22050 * 8 / FRAME];
    size_t count = 0;
    for (size_t at = 0; at + FRAME <= c->n; at += FRAME) {
        size_t lag = best_lag(c->samples + at, FRAME);
        if (lag)
            hz[count++] = 22050.0 / (double)lag;
    }
    qsort(hz, count, sizeof hz[0], by_value);
    return count ? hz[count / 2] : 0;
}

static double pitch_of(const char *voice, int pitch)
{
    static clip c;
    narrate_config config;
    narrate_config_init(&config);
    config.worker_path = test_worker_path();
    config.workers = 1;
    config.voice = voice;
    config.pitch = pitch;
    config.on_audio = keep_audio;
    config.userdata = &c;
    c.n = 0;
    narrate *n;
    assert_int_equal(narrate_new(&config, &n, NULL, 0), NARRATE_OK);
    speak(n, "We were away all day in the warm rain.");
    narrate_free(n);
    return median_pitch(&c);
}

/* Pitch moves the F0 of the voices whose F0 Flite lets us shift, by half an
 * octave for each 50; rms sets its F0 with its own intonation model, which
 * Flite does not shift, and voices/README.md says so. */
static void test_pitch_moves_the_voice(void **state)
{
    (void)state;
    static const char *const shifted[] = {"flite:slt", "flite:awb", "flite:kal16"};
    for (size_t v = 0; v < sizeof shifted / sizeof shifted[0]; v++) {
        double low = pitch_of(shifted[v], 25), high = pitch_of(shifted[v], 75);
        assert_true(low > 50 && high > low * 1.3 && high < low * 1.55); /* 2^0.5 */
    }
    double low = pitch_of("flite:rms", 25), high = pitch_of("flite:rms", 75);
    assert_true(low > 50 && high > low * 0.98 && high < low * 1.02);
}

static void test_missing_and_corrupt_voice_files(void **state)
{
    (void)state;
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 1);
    char message[256] = "";
    narrate *n;
    c.voice = "flite:/nonexistent/voice.flitevox";
    assert_int_equal(narrate_new(&c, &n, message, sizeof message), NARRATE_EVOICE);
    char path[] = "/tmp/narrate-corruptXXXXXX.flitevox";
    int fd = mkstemps(path, 9);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "not a voice at all\n", 19), 19);
    close(fd);
    char spec[64];
    snprintf(spec, sizeof spec, "flite:%s", path);
    c.voice = spec;
    narrate_error err = narrate_new(&c, &n, message, sizeof message);
    unlink(path);
    assert_int_equal(err, NARRATE_EVOICE);
    assert_non_null(strstr(message, "not a Flite voice file"));
    test_recording_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_in_order_inside_the_audio),
        cmocka_unit_test(test_lexicon_changes_the_reading),
        cmocka_unit_test(test_killed_worker_costs_at_most_a_sentence),
        cmocka_unit_test(test_hung_worker_costs_at_most_a_sentence),
        cmocka_unit_test(test_switch_engines_between_texts),
        cmocka_unit_test(test_pitch_moves_the_voice),
        cmocka_unit_test(test_missing_and_corrupt_voice_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
