/* Several handles in one process, on different threads at once: each renders
 * exactly what it renders alone (the header's thread-safety contract).  Run it
 * under ASan, and once built with -fsanitize=thread. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"

#define HANDLES 4

static char worker_path[4096]; /* test_worker_path() is not thread-safe: read once */

typedef struct rendering {
    uint64_t samples, audio_hash, event_hash;
    size_t events, marks;
    uint64_t sample_of[64]; /* the first events' samples, to say what differs */
    int type_of[64];
} rendering;

typedef struct job {
    const char *text;
    narrate_input_format format;
    const char *lexicon;     /* a PLS lexicon (libxml2 while creating), or NULL */
    rendering out;
    narrate_error err;
} job;

static uint64_t mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u;
    return h;
}

static int on_audio(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)rate;
    rendering *r = userdata;
    r->audio_hash = mix(r->audio_hash, s, count * sizeof *s);
    r->samples += count;
    return NARRATE_CONTINUE;
}

static int on_event(void *userdata, const narrate_event *ev)
{
    rendering *r = userdata;
    uint64_t fields[4] = {(uint64_t)ev->type, ev->offset, ev->length, ev->sample};
    r->event_hash = mix(mix(r->event_hash, fields, sizeof fields), ev->text, strlen(ev->text));
    if (r->events < 64) {
        r->sample_of[r->events] = ev->sample;
        r->type_of[r->events] = ev->type;
    }
    r->events++;
    r->marks += ev->type == NARRATE_EVENT_MARK;
    return NARRATE_CONTINUE;
}

static void *render(void *arg)
{
    job *j = arg;
    memset(&j->out, 0, sizeof j->out);
    j->out.audio_hash = j->out.event_hash = 14695981039346656037u;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = worker_path;
    c.workers = 1;
    c.input_format = j->format;
    c.on_audio = on_audio;
    c.on_event = on_event;
    c.userdata = &j->out;
    const char *lexicons[] = {j->lexicon, NULL};
    c.lexicons = j->lexicon ? lexicons : NULL;
    narrate *n;
    j->err = narrate_new(&c, &n, NULL, 0);
    if (j->err != NARRATE_OK)
        return NULL;
    j->err = narrate_feed(n, j->text, strlen(j->text));
    if (j->err == NARRATE_OK)
        j->err = narrate_finish(n);
    narrate_free(n);
    return NULL;
}

static job jobs[HANDLES] = {
    {"The harbor accord was signed on March 5, 2024. It cost $1.2 billion.\n\n"
     "Officials said the talks would resume in May.", NARRATE_INPUT_TEXT, NULL, {0}, 0},
    {"<html><body><article><h1>Storm warning</h1><p>Winds of 90 km/h are expected "
     "tonight.</p><p>Schools will close at noon.</p></article></body></html>",
     NARRATE_INPUT_HTML, "tests/lexicon/sample.pls", {0}, 0},
    {"# Results\n\nThe team won *three* games in a row, 4-2 in the final.\n\n"
     "- Goals: 11\n- Fans: 40,000\n", NARRATE_INPUT_MARKDOWN, NULL, {0}, 0},
    {"<speak><p>Hello <mark name=\"a\"/>world.</p><break time=\"300ms\"/>"
     "<prosody rate=\"80%\">Slowly <mark name=\"b\"/>now.</prosody> "
     "<say-as interpret-as=\"characters\">abc</say-as></speak>",
     NARRATE_INPUT_SSML, "tests/lexicon/sample.pls", {0}, 0},
};

static void test_handles_on_threads_render_as_alone(void **state)
{
    (void)state;
    rendering alone[HANDLES];
    for (int i = 0; i < HANDLES; i++) {
        render(&jobs[i]);
        assert_int_equal(jobs[i].err, NARRATE_OK);
        assert_true(jobs[i].out.samples > 0);
        alone[i] = jobs[i].out;
    }
    assert_int_equal(alone[3].marks, 2);
    for (int round = 0; round < 3; round++) {
        pthread_t threads[HANDLES];
        for (int i = 0; i < HANDLES; i++)
            assert_int_equal(pthread_create(&threads[i], NULL, render, &jobs[i]), 0);
        for (int i = 0; i < HANDLES; i++)
            pthread_join(threads[i], NULL);
        for (int i = 0; i < HANDLES; i++) {
            assert_int_equal(jobs[i].err, NARRATE_OK);
            assert_int_equal(jobs[i].out.samples, alone[i].samples);
            assert_int_equal(jobs[i].out.events, alone[i].events);
            assert_true(jobs[i].out.audio_hash == alone[i].audio_hash);
            for (size_t e = 0; e < 64 && e < alone[i].events; e++)
                if (jobs[i].out.sample_of[e] != alone[i].sample_of[e])
                    fail_msg("handle %d: event %zu (type %d) at sample %llu, alone %llu", i, e,
                             alone[i].type_of[e], (unsigned long long)jobs[i].out.sample_of[e],
                             (unsigned long long)alone[i].sample_of[e]);
            assert_true(jobs[i].out.event_hash == alone[i].event_hash);
        }
    }
}

typedef struct canceler {
    narrate *n;
} canceler;

static void *cancel_later(void *arg)
{
    canceler *k = arg;
    struct timespec t = {0, 30 * 1000000};
    nanosleep(&t, NULL);
    narrate_cancel(k->n);
    return NULL;
}

/* One handle cancelled from another thread while others narrate: the others
 * are untouched. */
static void test_cancel_touches_one_handle_only(void **state)
{
    (void)state;
    rendering alone = jobs[0].out;
    render(&jobs[0]);
    alone = jobs[0].out;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 1;
    narrate *victim;
    assert_int_equal(narrate_new(&c, &victim, NULL, 0), NARRATE_OK);
    pthread_t other, killer;
    canceler k = {victim};
    assert_int_equal(pthread_create(&other, NULL, render, &jobs[0]), 0);
    assert_int_equal(pthread_create(&killer, NULL, cancel_later, &k), 0);
    narrate_error err = NARRATE_OK;
    for (int i = 0; i < 2000 && err == NARRATE_OK; i++)
        err = narrate_feed(victim, "A sentence that keeps coming. ", 30);
    pthread_join(killer, NULL);
    pthread_join(other, NULL);
    if (err == NARRATE_OK)
        err = narrate_finish(victim);
    assert_int_equal(err, NARRATE_ECANCELED);
    narrate_free(victim);
    assert_int_equal(jobs[0].err, NARRATE_OK);
    assert_true(jobs[0].out.audio_hash == alone.audio_hash);
}

int main(void)
{
    snprintf(worker_path, sizeof worker_path, "%s", test_worker_path());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_handles_on_threads_render_as_alone),
        cmocka_unit_test(test_cancel_touches_one_handle_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
