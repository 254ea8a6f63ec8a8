/* The public API of libnarrate: lifecycle, errors, streaming, events, cancel. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "helpers.h"

static const char article[] =
    "Mr. Smith met the press on Monday. He spoke for 5 minutes about the harbor.\n\n"
    "Dr. Helena M. Ortiz said the talks would go on.";

static void test_version(void **state)
{
    (void)state;
    assert_int_equal(narrate_version(), NARRATE_VERSION);
    assert_string_equal(narrate_version_string(), NARRATE_VERSION_STRING);
}

static void test_strerror_covers_every_code(void **state)
{
    (void)state;
    for (int e = NARRATE_OK; e <= NARRATE_EDATA; e++)
        assert_true(strlen(narrate_strerror((narrate_error)e)) > 0);
    assert_string_equal(narrate_strerror((narrate_error)999), "unknown error");
}

static void test_invalid_config_is_refused(void **state)
{
    (void)state;
    narrate_config c;
    narrate_config_init(&c);
    c.rate = 10;
    narrate *n = (narrate *)&c;
    char msg[128] = "";
    assert_int_equal(narrate_new(&c, &n, msg, sizeof msg), NARRATE_EINVAL);
    assert_null(n);
    assert_true(strlen(msg) > 0);
}

static void test_missing_worker_is_an_error(void **state)
{
    (void)state;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = "/nonexistent/narrate-worker";
    narrate *n;
    char msg[256] = "";
    assert_int_equal(narrate_new(&c, &n, msg, sizeof msg), NARRATE_EWORKER);
    assert_null(n);
    assert_non_null(strstr(msg, "/nonexistent/narrate-worker"));
}

static void test_unknown_voice_is_an_error(void **state)
{
    (void)state;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.voice = "no-such-voice-xyz";
    narrate *n;
    char msg[256] = "";
    assert_int_equal(narrate_new(&c, &n, msg, sizeof msg), NARRATE_EVOICE);
    assert_null(n);
}

static void narrate_text(narrate_config *c, const char *text, size_t chunk)
{
    narrate *n;
    assert_int_equal(narrate_new(c, &n, NULL, 0), NARRATE_OK);
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i += chunk)
        assert_int_equal(narrate_feed(n, text + i, len - i < chunk ? len - i : chunk), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    assert_int_equal(narrate_feed(n, "x", 1), NARRATE_ESTATE);
    narrate_free(n);
}

static void test_speaks_sentences_in_order_with_offsets(void **state)
{
    (void)state;
    recording r = {0};
    r.source = article;
    narrate_config c;
    test_config(&c, &r, 2);
    narrate_text(&c, article, sizeof article);
    assert_int_equal(r.nsentences, 3);
    assert_int_equal(r.ends, 1);
    assert_int_equal(r.order_errors, 0);
    assert_int_equal(r.sample_rate, 22050);
    assert_true(r.samples > 22050 * 5);
    assert_true(r.loud_samples > 22050);
    assert_int_equal(r.sentence_offsets[1], strstr(article, "He spoke") - article);
    assert_int_equal(r.sentence_offsets[2], strstr(article, "Dr. Helena") - article);
    /* Word events point at the caller's own bytes. */
    int saw_smith = 0, saw_harbor = 0;
    for (size_t i = 0; i < r.nwords; i++) {
        saw_smith |= strcmp(r.words[i], "Smith") == 0;
        saw_harbor |= strncmp(r.words[i], "harbor", 6) == 0;
    }
    assert_true(saw_smith);
    assert_true(saw_harbor);
    test_recording_free(&r);
}

static void test_html_word_offsets_point_into_the_markup(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>Harbor | The Ledger</title></head><body>"
        "<nav><a href=\"/\">Home</a></nav><article><h1>Harbor opens</h1>"
        "<p>The <b>harbor</b> opened at dawn &amp; the ships waited.</p></article>"
        "<footer>Share this</footer></body></html>";
    recording r = {0};
    r.source = page;
    narrate_config c;
    test_config(&c, &r, 1);
    c.input_format = NARRATE_INPUT_HTML;
    narrate_text(&c, page, 7);
    int harbor = 0, waited = 0;
    for (size_t i = 0; i < r.nwords; i++) {
        harbor |= strcmp(r.words[i], "harbor") == 0;
        waited |= strcmp(r.words[i], "waited") == 0;
        assert_null(strstr(r.words[i], "Home"));
        assert_null(strstr(r.words[i], "Share"));
    }
    assert_true(harbor && waited);
    test_recording_free(&r);
}

typedef struct heading_log {
    int levels[8];
    char texts[8][64];
    uint64_t samples[8];
    int count;
    uint64_t audio;
    const char *source;
    int word_mismatches, words;
} heading_log;

static int log_heading(void *userdata, const narrate_event *ev)
{
    heading_log *h = userdata;
    if (ev->type == NARRATE_EVENT_HEADING && h->count < 8) {
        h->levels[h->count] = ev->level;
        snprintf(h->texts[h->count], 64, "%s", ev->text);
        h->samples[h->count++] = ev->sample;
    }
    if (ev->type == NARRATE_EVENT_WORD) {
        h->words++;
        /* The spoken word is the written one here: no numbers or abbreviations. */
        if (strncmp(h->source + ev->offset, ev->text, ev->length) != 0)
            h->word_mismatches++;
    }
    return NARRATE_CONTINUE;
}

static int count_audio(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)s, (void)rate;
    ((heading_log *)userdata)->audio += count;
    return NARRATE_CONTINUE;
}

static void test_markdown_headings_and_offsets(void **state)
{
    (void)state;
    static const char post[] = "---\ntitle: Harbor notes\nauthor: Ana Ferreira\n---\n\n"
                               "Intro words come first.\n\n## The *second* part\n\n"
                               "Ships [waited](https://example.org/x) there.\n";
    heading_log h = {0};
    h.source = post;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.input_format = NARRATE_INPUT_MARKDOWN;
    c.on_event = log_heading;
    c.on_audio = count_audio;
    c.userdata = &h;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, post, sizeof post - 1), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_document doc;
    narrate_document_info(n, &doc);
    assert_non_null(doc.title);
    assert_string_equal(doc.title, "Harbor notes");
    narrate_free(n);
    assert_int_equal(h.count, 2);
    assert_int_equal(h.levels[0], 0);
    assert_int_equal(h.levels[1], 2);
    assert_non_null(strstr(h.texts[1], "second part"));
    assert_true(h.samples[1] > h.samples[0] && h.samples[1] < h.audio);
    assert_true(h.words >= 8);
    assert_int_equal(h.word_mismatches, 0);
}

static void test_skip_and_set_voice_between_texts(void **state)
{
    (void)state;
    static const char text[] = "First one is here. Second one is here. Third one is here.";
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 1);
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_skip_sentences(n, 2), NARRATE_OK);
    assert_int_equal(narrate_feed(n, text, sizeof text - 1), NARRATE_OK);
    assert_int_equal(narrate_skip_sentences(n, 1), NARRATE_ESTATE);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    assert_int_equal(r.nsentences, 1);
    assert_non_null(strstr(r.sentences[0], "Third"));
    assert_int_equal(r.sentence_offsets[0], strstr(text, "Third") - text);
    uint64_t normal = r.samples;

    assert_int_equal(narrate_reset(n), NARRATE_OK);
    assert_int_equal(narrate_set_voice(n, "no-such-voice-xyz", 0, -1, -1), NARRATE_EVOICE);
    /* asked again, with the refusing worker stopped, the voice is still refused */
    assert_int_equal(narrate_set_voice(n, "no-such-voice-xyz", 0, -1, -1), NARRATE_EVOICE);
    assert_int_equal(narrate_set_voice(n, NULL, 400, -1, -1), NARRATE_OK);
    assert_int_equal(narrate_skip_sentences(n, 2), NARRATE_OK);
    uint64_t before = r.samples;
    assert_int_equal(narrate_feed(n, text, sizeof text - 1), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    assert_true(r.samples - before < normal * 0.7); /* the new rate is heard */
    narrate_free(n);
    test_recording_free(&r);
}

/* The first "rate = N" of voices/NAME.ini, the [voice] section's. */
static int preset_file_rate(const char *name)
{
    char path[256], line[256];
    int rate = -1;
    snprintf(path, sizeof path, "voices/%s.ini", name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    while (rate < 0 && fgets(line, sizeof line, f))
        if (sscanf(line, "rate = %d", &rate) != 1)
            rate = -1;
    fclose(f);
    return rate;
}

/* narrate_current_rate tells the rate of the preset, or the one given. */
static void test_current_rate(void **state)
{
    (void)state;
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 1);
    narrate *n;
    int rate = 0;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_current_rate(n, &rate), NARRATE_OK);
    assert_int_equal(rate, preset_file_rate("news"));
    assert_int_equal(narrate_set_voice(n, "fast", 0, -1, -1), NARRATE_OK);
    assert_int_equal(narrate_current_rate(n, &rate), NARRATE_OK);
    assert_int_equal(rate, preset_file_rate("fast"));
    assert_int_equal(narrate_set_voice(n, "podcast", 212, -1, -1), NARRATE_OK);
    assert_int_equal(narrate_current_rate(n, &rate), NARRATE_OK);
    assert_int_equal(rate, 212);
    assert_int_equal(narrate_current_rate(n, NULL), NARRATE_EINVAL);
    assert_int_equal(narrate_current_rate(NULL, &rate), NARRATE_EINVAL);
    narrate_free(n);
    test_recording_free(&r);
}

/* Word events come once per word and in the order of the text, also through
 * quotes, clause breaks and lexicon phonemes. */
static void test_word_events_follow_the_text(void **state)
{
    (void)state;
    size_t len;
    char *text = test_read_file("examples/harbor-accord.txt", &len);
    assert_non_null(text);
    recording r = {0};
    r.source = text;
    narrate_config c;
    test_config(&c, &r, 2);
    narrate_text(&c, text, 4096);
    assert_true(r.nwords > 250);
    for (size_t i = 1; i < r.nwords; i++)
        if (r.word_offsets[i] <= r.word_offsets[i - 1])
            fail_msg("word %zu \"%s\" at %llu comes after \"%s\" at %llu", i, r.words[i],
                     (unsigned long long)r.word_offsets[i], r.words[i - 1],
                     (unsigned long long)r.word_offsets[i - 1]);
    assert_int_equal(r.order_errors, 0);
    test_recording_free(&r);
    free(text);
}

static void test_chunking_does_not_change_sentences(void **state)
{
    (void)state;
    recording whole = {0}, bytewise = {0};
    narrate_config c;
    test_config(&c, &whole, 1);
    c.synthesize = 0;
    narrate_text(&c, article, sizeof article);
    test_config(&c, &bytewise, 1);
    c.synthesize = 0;
    narrate_text(&c, article, 1);
    assert_int_equal(whole.nsentences, bytewise.nsentences);
    for (size_t i = 0; i < whole.nsentences; i++) {
        assert_string_equal(whole.sentences[i], bytewise.sentences[i]);
        assert_int_equal(whole.sentence_offsets[i], bytewise.sentence_offsets[i]);
    }
    assert_int_equal(bytewise.samples, 0);
    test_recording_free(&whole);
    test_recording_free(&bytewise);
}

static int keep_phonemes(void *userdata, const narrate_event *ev)
{
    if (ev->type == NARRATE_EVENT_SENTENCE && ev->phonemes)
        snprintf(userdata, 256, "%s", ev->phonemes);
    return NARRATE_CONTINUE;
}

/* Collapses runs of white space to one space and trims the ends. */
static void squeeze(char *s)
{
    char *out = s;
    for (char *p = s; *p; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t')
            *out++ = *p;
        else if (out > s && out[-1] != ' ')
            *out++ = ' ';
    while (out > s && out[-1] == ' ')
        out--;
    *out = '\0';
}

static void test_phonemes_match_espeak_x(void **state)
{
    (void)state;
    char got[256] = "", expected[256] = "";
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.synthesize = 0;
    c.phonemes = 1;
    c.on_event = keep_phonemes;
    c.userdata = got;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, "the harbor opened today", 23), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_free(n);
    FILE *p = popen("espeak-ng -q -x -v en-us 'the harbor opened today'", "r");
    assert_non_null(p);
    assert_non_null(fgets(expected, sizeof expected, p));
    pclose(p);
    squeeze(got);
    squeeze(expected);
    assert_true(strlen(expected) > 5);
    assert_string_equal(got, expected);
}

typedef struct canceler {
    narrate *n;
    atomic_int canceled;
    atomic_ulong samples_after;
    atomic_ulong samples;
} canceler;

static int count_after_cancel(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)s;
    (void)rate;
    canceler *k = userdata;
    atomic_fetch_add(&k->samples, count);
    if (atomic_load(&k->canceled))
        atomic_fetch_add(&k->samples_after, count);
    return NARRATE_CONTINUE;
}

static void *cancel_soon(void *arg)
{
    canceler *k = arg;
    while (atomic_load(&k->samples) < 22050)
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    narrate_cancel(k->n);
    atomic_store(&k->canceled, 1);
    return NULL;
}

static void test_cancel_from_another_thread(void **state)
{
    (void)state;
    canceler k = {0};
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.on_audio = count_after_cancel;
    c.userdata = &k;
    assert_int_equal(narrate_new(&c, &k.n, NULL, 0), NARRATE_OK);
    pthread_t t;
    pthread_create(&t, NULL, cancel_soon, &k);
    narrate_error err = NARRATE_OK;
    for (int i = 0; i < 200 && err == NARRATE_OK; i++)
        err = narrate_feed(k.n, article, sizeof article - 1);
    pthread_join(t, NULL);
    assert_int_equal(err, NARRATE_ECANCELED);
    assert_true(atomic_load(&k.samples_after) <= 1024); /* within one audio chunk */
    assert_int_equal(narrate_finish(k.n), NARRATE_ECANCELED);
    assert_int_equal(narrate_reset(k.n), NARRATE_OK);
    assert_int_equal(narrate_feed(k.n, "Back again.", 11), NARRATE_OK);
    assert_int_equal(narrate_finish(k.n), NARRATE_OK);
    narrate_free(k.n);
}

static int stop_at_once(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)userdata, (void)s, (void)count, (void)rate;
    return NARRATE_STOP;
}

static void test_callback_can_stop(void **state)
{
    (void)state;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.on_audio = stop_at_once;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    narrate_error err = narrate_feed(n, article, sizeof article - 1);
    if (err == NARRATE_OK)
        err = narrate_finish(n);
    assert_int_equal(err, NARRATE_ESTOPPED);
    assert_true(strlen(narrate_errmsg(n)) > 0);
    narrate_free(n);
}

static int count_voice(void *userdata, const char *name, const char *language)
{
    (void)language;
    if (strcmp(name, "English_(America)") == 0 || strstr(language, "en-us"))
        ++*(int *)userdata;
    return NARRATE_CONTINUE;
}

static void test_lists_voices(void **state)
{
    (void)state;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.synthesize = 0;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    int english = 0;
    assert_int_equal(narrate_list_voices(n, count_voice, &english), NARRATE_OK);
    assert_true(english >= 1);
    narrate_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_strerror_covers_every_code),
        cmocka_unit_test(test_invalid_config_is_refused),
        cmocka_unit_test(test_missing_worker_is_an_error),
        cmocka_unit_test(test_unknown_voice_is_an_error),
        cmocka_unit_test(test_speaks_sentences_in_order_with_offsets),
        cmocka_unit_test(test_chunking_does_not_change_sentences),
        cmocka_unit_test(test_html_word_offsets_point_into_the_markup),
        cmocka_unit_test(test_markdown_headings_and_offsets),
        cmocka_unit_test(test_skip_and_set_voice_between_texts),
        cmocka_unit_test(test_current_rate),
        cmocka_unit_test(test_word_events_follow_the_text),
        cmocka_unit_test(test_phonemes_match_espeak_x),
        cmocka_unit_test(test_cancel_from_another_thread),
        cmocka_unit_test(test_callback_can_stop),
        cmocka_unit_test(test_lists_voices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
