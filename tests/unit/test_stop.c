/* Stop and restart as a screen reader uses them: narrate_cancel() mid-text,
 * narrate_reset(), the next text at once.  Nothing of the cancelled text may
 * be heard after the reset: the next text's sentences are its own and its
 * audio is as long as on a fresh handle.  (Not sample for sample: espeak-ng
 * carries a little state from one request to the next, so the same sentence
 * on a worker with another history differs by some tens of ms.) */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "helpers.h"

static const char next_text[] = "Menu bar. File, Edit, View. Press Enter to open.";

typedef struct listener {
    uint64_t samples, hash;
    atomic_int heard;       /* audio has arrived */
    size_t sentences, ends;
    char spoken[512];
} listener;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int on_audio(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)rate;
    listener *l = userdata;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < count * sizeof *s; i++)
        l->hash = (l->hash ^ p[i]) * 1099511628211u;
    l->samples += count;
    atomic_store(&l->heard, 1);
    struct timespec t = {0, 1000000}; /* a little device-like pacing */
    nanosleep(&t, NULL);
    return NARRATE_CONTINUE;
}

static int on_event(void *userdata, const narrate_event *ev)
{
    listener *l = userdata;
    if (ev->type == NARRATE_EVENT_SENTENCE) {
        l->sentences++;
        strncat(l->spoken, ev->text, sizeof l->spoken - strlen(l->spoken) - 2);
        strcat(l->spoken, "|");
    }
    l->ends += ev->type == NARRATE_EVENT_END;
    return NARRATE_CONTINUE;
}

static narrate *new_handle(listener *l)
{
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 2;
    c.on_audio = on_audio;
    c.on_event = on_event;
    c.userdata = l;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    return n;
}

static void speak(narrate *n, listener *l, const char *text)
{
    memset(l, 0, sizeof *l);
    l->hash = 14695981039346656037u;
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
}

typedef struct long_read {
    narrate *n;
    char *text;
    narrate_error err;
    double returned;
    atomic_int done;
} long_read;

static void *read_long(void *arg)
{
    long_read *r = arg;
    r->err = narrate_feed(r->n, r->text, strlen(r->text));
    if (r->err == NARRATE_OK)
        r->err = narrate_finish(r->n);
    r->returned = now_s();
    atomic_store(&r->done, 1);
    return NULL;
}

static char *long_text(void)
{
    size_t len;
    char *article = test_read_file("examples/harbor-accord.txt", &len);
    assert_non_null(article);
    return article;
}

static void test_nothing_of_a_cancelled_text_after_reset(void **state)
{
    (void)state;
    listener fresh, after;
    narrate *clean = new_handle(&fresh);
    speak(clean, &fresh, next_text);
    narrate_free(clean);
    assert_true(fresh.samples > 0);

    narrate *n = new_handle(&after);
    for (int round = 0; round < 3; round++) {
        memset(&after, 0, sizeof after);
        long_read r = {n, long_text(), NARRATE_OK, 0, 0};
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, read_long, &r), 0);
        while (!atomic_load(&after.heard) && !atomic_load(&r.done))
            nanosleep(&(struct timespec){0, 1000000}, NULL);
        if (atomic_load(&r.done))
            fail_msg("round %d: the long text ended before any audio: %s", round,
                     narrate_strerror(r.err));
        nanosleep(&(struct timespec){0, (20 + 40 * round) * 1000000L}, NULL);
        double canceled = now_s();
        narrate_cancel(n);
        pthread_join(t, NULL);
        assert_int_equal(r.err, NARRATE_ECANCELED);
        assert_true(r.returned - canceled < 0.2); /* the bench measures it: well under 20 ms */
        free(r.text);
        assert_int_equal(narrate_reset(n), NARRATE_OK);
        speak(n, &after, next_text);
        assert_string_equal(after.spoken, fresh.spoken);
        assert_int_equal(after.ends, 1);
        /* any sentence of the long text is over a second: 0.15 s catches one */
        int64_t diff = (int64_t)after.samples - (int64_t)fresh.samples;
        assert_true(diff < 3300 && diff > -3300);
        assert_int_equal(narrate_reset(n), NARRATE_OK);
    }
    narrate_free(n);
}

typedef struct onset {
    uint64_t seen, first_sound; /* samples; first_sound: index of the first |x| > 64 */
    int found, rate;
} onset;

static int find_onset(void *userdata, const int16_t *s, size_t count, int rate)
{
    onset *o = userdata;
    o->rate = rate;
    for (size_t i = 0; i < count && !o->found; i++)
        if (s[i] > 64 || s[i] < -64) {
            o->found = 1;
            o->first_sound = o->seen + i;
        }
    o->seen += count;
    return NARRATE_CONTINUE;
}

/* espeak-ng starts "Press Enter." with 49 ms of silence (the closure of the
 * p); a screen reader wants the sound at once. */
static void test_leading_silence_is_trimmed(void **state)
{
    (void)state;
    onset o = {0};
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 1;
    c.on_audio = find_onset;
    c.userdata = &o;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    for (int text = 0; text < 2; text++) {
        memset(&o, 0, sizeof o);
        assert_int_equal(narrate_feed(n, "Press Enter.", 12), NARRATE_OK);
        assert_int_equal(narrate_finish(n), NARRATE_OK);
        assert_true(o.found);
        assert_true(o.first_sound * 1000 <= 6 * (uint64_t)o.rate); /* the 5 ms margin kept */
        assert_int_equal(narrate_reset(n), NARRATE_OK);
    }
    narrate_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nothing_of_a_cancelled_text_after_reset),
        cmocka_unit_test(test_leading_silence_is_trimmed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
