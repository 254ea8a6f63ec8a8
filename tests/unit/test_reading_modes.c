/* Reading modes (issue 8): punctuation levels, capitals by pitch or word, spell
 * mode and narrate_set_reading(), checked on the spoken text the library
 * reports, on the engine text, and on the pitch of synthesized audio. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine_text.h"
#include "helpers.h"
#include "normalize.h"

/* A handle that only normalizes, and what it reported. */
typedef struct reader_fixture {
    narrate *n;
    recording r;
    char spoken[4096];
} reader_fixture;

static int fixture_setup(void **state)
{
    reader_fixture *f = calloc(1, sizeof *f);
    narrate_config c;
    test_config(&c, &f->r, 1);
    c.synthesize = 0;
    if (!f || narrate_new(&c, &f->n, NULL, 0) != NARRATE_OK)
        return -1;
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    reader_fixture *f = *state;
    narrate_free(f->n);
    test_recording_free(&f->r);
    free(f);
    return 0;
}

/* Reads text as a whole text and returns its sentences joined by spaces. */
static const char *spoken(reader_fixture *f, const char *text)
{
    test_recording_free(&f->r);
    memset(&f->r, 0, sizeof f->r);
    assert_int_equal(narrate_reset(f->n), NARRATE_OK);
    assert_int_equal(narrate_feed(f->n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(f->n), NARRATE_OK);
    size_t o = 0;
    f->spoken[0] = '\0';
    for (size_t k = 0; k < f->r.nsentences; k++)
        o += (size_t)snprintf(f->spoken + o, sizeof f->spoken - o, "%s%s", k ? " " : "",
                              f->r.sentences[k]);
    return f->spoken;
}

static const char *spoken_as(reader_fixture *f, narrate_punctuation p, narrate_capitals caps,
                             int spell, const char *text)
{
    assert_int_equal(narrate_set_reading(f->n, p, caps, spell), NARRATE_OK);
    return spoken(f, text);
}

static void test_punctuation_levels(void **state)
{
    reader_fixture *f = *state;
    static const char text[] = "Write to user@example.com: it costs $4 (50% off) for A/B, ok?";
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 0, text),
                        "Write to user at example dot com: it costs four dollars, fifty percent "
                        "off, for A B, ok?");
    /* SOME names the slash, which no rule reads; money and percent keep their reading */
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_SOME, NARRATE_CAPS_NONE, 0, text),
                        "Write to user at example dot com: it costs four dollars, fifty percent "
                        "off, for A slash B, ok?");
    /* ALL names every mark in place, the dollar sign where it is written */
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_ALL, NARRATE_CAPS_NONE, 0, text),
                        "Write to user at example dot com colon: it costs dollar four left paren "
                        "fifty percent off right paren, for A slash B comma, ok question mark?");
}

static void test_numbers_keep_their_separators_at_all(void **state)
{
    reader_fixture *f = *state;
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_ALL, NARRATE_CAPS_NONE, 0,
                                  "It weighs 3.5 kg; 1,000 of them at 3:30."),
                        "It weighs three point five kilograms semicolon; one thousand of them "
                        "at three colon thirty dot.");
}

static void test_spell_mode_names_every_character(void **state)
{
    reader_fixture *f = *state;
    static const char text[] = "Ab 1,é…";
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 1, text),
                        "A, b, space, one, comma, é, ellipsis");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_PITCH, 1, text),
                        "A, b, space, one, comma, é, ellipsis");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_WORD, 1, text),
                        "capital A, b, space, one, comma, é, ellipsis");
    /* typographic quotes by their own names, Greek letters by name */
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 1, "“α”"),
                        "left quote, alpha, right quote");
}

static void test_capitals_mark_letters_read_as_letters(void **state)
{
    reader_fixture *f = *state;
    static const char text[] = "The FBI met Anna.";
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 0, text),
                        "The F-B-I met Anna.");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_PITCH, 0, text),
                        "The F-B-I met Anna.");
    /* a capitalized word is no letter: only the spelled acronym is marked */
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_WORD, 0, text),
                        "The capital F capital B capital I met Anna.");
}

/* A screen reader's reading (punctuation or capitals asked for) spells a text
 * of one character; the default news reading does not. */
static void test_one_character_text_is_spelled(void **state)
{
    reader_fixture *f = *state;
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_WORD, 0, "B"), "capital B");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_WORD, 0, " b\n"), "b");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_SOME, NARRATE_CAPS_NONE, 0, ","), "comma");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_SOME, NARRATE_CAPS_NONE, 0, "#"), "hash");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 0, "-"), "");
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 0, "B"), "B");
    /* a lone letter inside a longer text is read as usual */
    assert_string_equal(spoken_as(f, NARRATE_PUNCT_NONE, NARRATE_CAPS_WORD, 0, "Plan B"),
                        "Plan B");
}

/* Fed in pieces, a one-character text is still one character. */
static void test_one_character_text_fed_in_pieces(void **state)
{
    reader_fixture *f = *state;
    assert_int_equal(narrate_set_reading(f->n, NARRATE_PUNCT_NONE, NARRATE_CAPS_WORD, 0),
                     NARRATE_OK);
    test_recording_free(&f->r);
    memset(&f->r, 0, sizeof f->r);
    assert_int_equal(narrate_reset(f->n), NARRATE_OK);
    assert_int_equal(narrate_feed(f->n, " ", 1), NARRATE_OK);
    assert_int_equal(narrate_feed(f->n, "Q", 1), NARRATE_OK);
    assert_int_equal(narrate_finish(f->n), NARRATE_OK);
    assert_int_equal(f->r.nsentences, 1);
    assert_string_equal(f->r.sentences[0], "capital Q");
}

static void test_set_reading_checks_its_arguments(void **state)
{
    reader_fixture *f = *state;
    assert_int_equal(narrate_set_reading(f->n, NARRATE_PUNCT_ALL, NARRATE_CAPS_WORD, 0),
                     NARRATE_OK);
    assert_int_equal(narrate_set_reading(NULL, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 0),
                     NARRATE_EINVAL);
    assert_int_equal(narrate_set_reading(f->n, (narrate_punctuation)3, NARRATE_CAPS_NONE, 1),
                     NARRATE_EINVAL);
    assert_int_equal(narrate_set_reading(f->n, NARRATE_PUNCT_NONE, (narrate_capitals)-1, 1),
                     NARRATE_EINVAL);
    /* on error nothing changed: still ALL and WORD, not spelling */
    assert_string_equal(spoken(f, "Hi, CIA."), "Hi comma, capital C capital I capital A dot.");
    /* any nonzero spell value means spell */
    assert_int_equal(narrate_set_reading(f->n, NARRATE_PUNCT_NONE, NARRATE_CAPS_NONE, 7),
                     NARRATE_OK);
    assert_string_equal(spoken(f, "Hi"), "H, i");
}

static void test_config_reading_is_checked_and_used(void **state)
{
    (void)state;
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 1);
    c.synthesize = 0;
    narrate *n = NULL;
    c.punctuation = (narrate_punctuation)7;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_EINVAL);
    c.punctuation = NARRATE_PUNCT_NONE;
    c.capitals = (narrate_capitals)3;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_EINVAL);
    assert_null(n);
    c.capitals = NARRATE_CAPS_NONE;
    c.spell = 1;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, "ok", 2), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    assert_int_equal(r.nsentences, 1);
    assert_string_equal(r.sentences[0], "o, k");
    narrate_free(n);
    test_recording_free(&r);
}

/* The engine text says a capital letter at a raised pitch and returns to the
 * voice's pitch after it; a small letter is left alone. */
static void test_engine_text_raises_capitals(void **state)
{
    (void)state;
    norm_data *d = NULL;
    assert_int_equal(norm_data_load(&d, NULL, 0), NARRATE_OK);
    norm_reading reading = {NARRATE_PUNCT_NONE, NARRATE_CAPS_PITCH, 1};
    norm_sentence s = {0};
    assert_int_equal(norm_sentence_read(d, &reading, NULL, "Ab", 2, &s), NARRATE_OK);
    assert_string_equal(s.text, "A, b");
    engine_style style = {NULL, QUOTE_PLAIN, 50, 50, NULL, 0, 0};
    engine_text t = {0};
    assert_int_equal(engine_text_build(&s, &style, 0, &t), NARRATE_OK);
    assert_string_equal(t.text, " \00180P  [['eI]]  \00150P ,  [[b'i:]] ");
    /* with the letters spelled as a run */
    reading.spell = 0;
    assert_int_equal(norm_sentence_read(d, &reading, NULL, "The CIA.", 8, &s), NARRATE_OK);
    assert_int_equal(engine_text_build(&s, &style, 0, &t), NARRATE_OK);
    assert_non_null(strstr(t.text, "\00180P  [[s,i:,aI'eI]]  \00150P ."));
    /* at NONE, no pitch command */
    reading.capitals = NARRATE_CAPS_NONE;
    assert_int_equal(norm_sentence_read(d, &reading, NULL, "The CIA.", 8, &s), NARRATE_OK);
    assert_int_equal(engine_text_build(&s, &style, 0, &t), NARRATE_OK);
    assert_null(strchr(t.text, '\001'));
    engine_text_free(&t);
    norm_sentence_free(&s);
    norm_data_free(d);
}

/* ---- synthesis: the raised pitch is heard ---- */

typedef struct audio_capture {
    int16_t *v;
    size_t n, cap;
    int rate;
} audio_capture;

static int capture_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    audio_capture *a = userdata;
    if (a->n + count > a->cap) {
        a->cap = (a->n + count) * 2;
        a->v = realloc(a->v, a->cap * sizeof *a->v);
        if (!a->v)
            return NARRATE_STOP;
    }
    memcpy(a->v + a->n, samples, count * sizeof *samples);
    a->n += count;
    a->rate = rate;
    return NARRATE_CONTINUE;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median fundamental frequency of the voiced frames, by normalized
 * autocorrelation over 60..500 Hz; 0 when nothing is voiced. */
static double median_f0(const audio_capture *a)
{
    enum { FRAME = 1024, HOP = 256 };
    size_t lo = (size_t)(a->rate / 500), hi = (size_t)(a->rate / 60), nf = 0;
    double *f0 = calloc(a->n / HOP + 1, sizeof *f0);
    for (size_t at = 0; f0 && at + FRAME + hi < a->n; at += HOP) {
        const int16_t *x = a->v + at;
        double energy = 0, best = 0;
        size_t best_lag = 0;
        for (size_t k = 0; k < FRAME; k++)
            energy += (double)x[k] * x[k];
        if (energy < FRAME * 1000.0 * 1000.0)
            continue;
        for (size_t lag = lo; lag <= hi; lag++) {
            double r = 0, e2 = 0;
            for (size_t k = 0; k < FRAME; k++) {
                r += (double)x[k] * x[k + lag];
                e2 += (double)x[k + lag] * x[k + lag];
            }
            r /= sqrt(energy * e2) + 1e-9;
            if (r > best) {
                best = r;
                best_lag = lag;
            }
        }
        if (best > 0.6)
            f0[nf++] = (double)a->rate / (double)best_lag;
    }
    qsort(f0, nf, sizeof *f0, cmp_double);
    double median = nf ? f0[nf / 2] : 0;
    free(f0);
    return median;
}

static double pitch_of_letter(narrate_capitals caps, const char *text)
{
    audio_capture a = {0};
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 1;
    c.capitals = caps;
    c.on_audio = capture_audio;
    c.userdata = &a;
    narrate *n = NULL;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_free(n);
    double f0 = median_f0(&a);
    free(a.v);
    return f0;
}

static void test_pitch_capital_is_heard_higher(void **state)
{
    (void)state;
    double plain = pitch_of_letter(NARRATE_CAPS_NONE, "B");
    double raised = pitch_of_letter(NARRATE_CAPS_PITCH, "B");
    double small = pitch_of_letter(NARRATE_CAPS_PITCH, "b");
    print_message("median F0: B %.0f Hz, B raised %.0f Hz, b %.0f Hz\n", plain, raised, small);
    assert_true(plain > 60 && small > 60);
    assert_true(raised > plain * 1.2);
    assert_true(fabs(small - plain) < plain * 0.08);
}

typedef struct in_flight {
    narrate *n;
    recording r;
    narrate_error during; /* what narrate_set_reading() said from the first SENTENCE */
    int tried;
} in_flight;

static int set_reading_from_event(void *userdata, const narrate_event *ev)
{
    in_flight *t = userdata;
    if (ev->type == NARRATE_EVENT_SENTENCE && !t->tried) {
        t->tried = 1;
        t->during = narrate_set_reading(t->n, NARRATE_PUNCT_ALL, NARRATE_CAPS_NONE, 0);
    }
    return test_record_event(&t->r, ev);
}

/* Sentences in flight keep the reading they were read with. */
static void test_set_reading_refused_while_speaking(void **state)
{
    (void)state;
    in_flight t = {0};
    narrate_config c;
    test_config(&c, &t.r, 1);
    c.on_event = set_reading_from_event;
    c.userdata = &t;
    assert_int_equal(narrate_new(&c, &t.n, NULL, 0), NARRATE_OK);
    static const char text[] = "One, two. Three, four.";
    assert_int_equal(narrate_feed(t.n, text, sizeof text - 1), NARRATE_OK);
    assert_int_equal(narrate_finish(t.n), NARRATE_OK);
    assert_int_equal(t.during, NARRATE_ESTATE);
    assert_int_equal(t.r.nsentences, 2);
    assert_string_equal(t.r.sentences[1], "Three, four.");
    assert_int_equal(narrate_set_reading(t.n, NARRATE_PUNCT_ALL, NARRATE_CAPS_NONE, 0),
                     NARRATE_OK);
    narrate_free(t.n);
    test_recording_free(&t.r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_punctuation_levels, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_numbers_keep_their_separators_at_all, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_spell_mode_names_every_character, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_capitals_mark_letters_read_as_letters, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_one_character_text_is_spelled, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_one_character_text_fed_in_pieces, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_set_reading_checks_its_arguments, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test(test_config_reading_is_checked_and_used),
        cmocka_unit_test(test_engine_text_raises_capitals),
        cmocka_unit_test(test_pitch_capital_is_heard_higher),
        cmocka_unit_test(test_set_reading_refused_while_speaking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
