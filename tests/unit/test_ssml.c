/* narrate's SSML subset: the reader (blocks, markup, hostile input), the spoken
 * text it becomes, and what reaches the audio: breaks, prosody, marks at their
 * exact samples. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_reader.h"
#include "helpers.h"
#include "reader.h"

/* ---- the reader ---- */

typedef struct seen_block {
    char *text;
    reader_markup markup;
    reader_span spans[32];
    char span_text[32][64];
    uint64_t first_source;
} seen_block;

typedef struct seen {
    seen_block blocks[64];
    size_t count, total_blocks;
} seen;

static int keep_block(void *userdata, const reader_block *b)
{
    seen *s = userdata;
    s->total_blocks++;
    if (s->count == 64)
        return 0;
    seen_block *sb = &s->blocks[s->count++];
    sb->text = strndup(b->text, b->len);
    sb->first_source = b->source[0];
    assert_non_null(b->markup);
    sb->markup = *b->markup;
    for (size_t i = 0; i < b->markup->nspans && i < 32; i++) {
        sb->spans[i] = b->markup->spans[i];
        snprintf(sb->span_text[i], sizeof sb->span_text[i], "%s",
                 b->markup->spans[i].text ? b->markup->spans[i].text : "");
        assert_true(sb->spans[i].from <= sb->spans[i].to);
        assert_true(sb->spans[i].kind == SPAN_MARK || sb->spans[i].to <= b->len);
    }
    return 0;
}

static void read_ssml(const char *doc, size_t len, seen *out)
{
    memset(out, 0, sizeof *out);
    reader *r;
    assert_int_equal(reader_new(READER_SSML, NULL, &r), NARRATE_OK);
    assert_int_equal(reader_feed(r, doc, len, keep_block, out), NARRATE_OK);
    assert_int_equal(reader_finish(r, keep_block, out, NULL, 0), NARRATE_OK);
    reader_free(r);
}

static void seen_free(seen *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->blocks[i].text);
}

static const reader_span *span_of(const seen_block *b, reader_span_kind kind, size_t nth)
{
    for (size_t i = 0; i < b->markup.nspans && i < 32; i++)
        if (b->spans[i].kind == kind && nth-- == 0)
            return &b->spans[i];
    return NULL;
}

static void test_paragraphs_sentences_and_breaks(void **state)
{
    (void)state;
    const char *doc = "<speak><p>One.</p><p><s>Two.</s><s>Three.</s></p>"
                      "Four<break time=\"750ms\"/>five<break strength=\"strong\"/>six"
                      "<break time=\"1.5s\"/><break time=\"100000s\"/></speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 6);
    assert_string_equal(s.blocks[0].text, "One.");
    assert_int_equal(s.blocks[0].markup.pause, PAUSE_PARAGRAPH);
    assert_string_equal(s.blocks[1].text, "Two.");
    assert_int_equal(s.blocks[1].markup.pause, PAUSE_SENTENCE);
    assert_string_equal(s.blocks[2].text, "Three.");
    assert_int_equal(s.blocks[2].markup.pause, PAUSE_PARAGRAPH); /* </s> then </p> */
    assert_string_equal(s.blocks[3].text, "Four");
    assert_int_equal(s.blocks[3].markup.pause, PAUSE_EXACT);
    assert_int_equal(s.blocks[3].markup.pause_after_ms, 750);
    assert_string_equal(s.blocks[4].text, "five");
    assert_int_equal(s.blocks[4].markup.pause_after_ms, 700);
    assert_string_equal(s.blocks[5].text, "six");
    assert_int_equal(s.blocks[5].markup.pause, PAUSE_EXACT);
    assert_int_equal(s.blocks[5].markup.pause_after_ms, 5000); /* 1.5 s + capped: 5 s in all */
    seen_free(&s);
}

static void test_leading_break_is_a_pause_before(void **state)
{
    (void)state;
    const char *doc = "<speak><break time=\"300ms\"/>Hello.</speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 1);
    assert_int_equal(s.blocks[0].markup.pause_before_ms, 300);
    seen_free(&s);
}

static void test_prosody_and_emphasis_spans(void **state)
{
    (void)state;
    const char *doc = "<speak>Plain <prosody rate=\"50%\" pitch=\"+20%\" volume=\"loud\">slow "
                      "<emphasis level=\"strong\">very</emphasis></prosody> plain again.</speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 1);
    assert_string_equal(s.blocks[0].text, "Plain slow very plain again.");
    const reader_span *slow = span_of(&s.blocks[0], SPAN_PROSODY, 0);
    const reader_span *very = span_of(&s.blocks[0], SPAN_PROSODY, 1);
    assert_non_null(slow);
    assert_non_null(very);
    assert_int_equal(slow->from, 6);
    assert_int_equal(slow->rate, 50);
    assert_int_equal(slow->pitch, 120);
    assert_int_equal(slow->volume, 130);
    assert_int_equal(very->from, 11);
    assert_true(very->rate < 50 && very->pitch > 120 && very->volume > 130); /* nested: scaled */
    assert_null(span_of(&s.blocks[0], SPAN_PROSODY, 2));
    seen_free(&s);
}

static void test_say_as_sub_and_phoneme(void **state)
{
    (void)state;
    const char *doc = "<speak><say-as interpret-as=\"characters\">nasa</say-as> "
                      "<say-as interpret-as=\"digits\">2024</say-as> "
                      "<say-as interpret-as=\"date\">2024-03-05</say-as> "
                      "<sub alias=\"World Wide Web Consortium\">W3C</sub> "
                      "<phoneme alphabet=\"x-espeak\" ph=\"t@m'A:toU\">tomato</phoneme> "
                      "<phoneme alphabet=\"ipa\" ph=\"t&#601;&#712;me&#618;to&#650;\">tomato</phoneme> "
                      "<phoneme alphabet=\"x-espeak\" ph=\"]] \x01 5S\">bad</phoneme></speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 1);
    assert_string_equal(s.blocks[0].text,
                        "N A S A 2 0 2 4 2024-03-05 World Wide Web Consortium tomato tomato bad");
    const reader_span *spell = span_of(&s.blocks[0], SPAN_SPELL, 0);
    assert_non_null(spell);
    assert_int_equal(spell->from, 0);
    assert_int_equal(spell->to, 7);
    const reader_span *x = span_of(&s.blocks[0], SPAN_PHONEMES, 0);
    const reader_span *ipa = span_of(&s.blocks[0], SPAN_PHONEMES, 1);
    assert_non_null(x);
    assert_non_null(ipa);
    assert_string_equal(s.blocks[0].span_text[x - s.blocks[0].spans], "t@m'A:toU");
    assert_int_equal(strncmp(s.blocks[0].text + x->from, "tomato", 6), 0);
    assert_true(strlen(s.blocks[0].span_text[ipa - s.blocks[0].spans]) > 3);
    assert_null(strchr(s.blocks[0].span_text[ipa - s.blocks[0].spans], '['));
    assert_null(span_of(&s.blocks[0], SPAN_PHONEMES, 2)); /* "]] \x01" is refused: read as text */
    seen_free(&s);
}

static void test_marks_know_their_tag(void **state)
{
    (void)state;
    const char *doc = "<speak>Hello <mark name=\"m1\"/>world.<mark name='end'/></speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 1);
    const reader_span *m1 = span_of(&s.blocks[0], SPAN_MARK, 0);
    const reader_span *end = span_of(&s.blocks[0], SPAN_MARK, 1);
    assert_non_null(m1);
    assert_non_null(end);
    assert_string_equal(s.blocks[0].span_text[m1 - s.blocks[0].spans], "m1");
    assert_int_equal(m1->from, 6); /* before "world" */
    assert_int_equal(m1->src, strstr(doc, "<mark") - doc);
    assert_int_equal(m1->src_len, strlen("<mark name=\"m1\"/>"));
    assert_string_equal(s.blocks[0].span_text[end - s.blocks[0].spans], "end");
    assert_true(end->from >= strlen("Hello world."));
    seen_free(&s);
}

static void test_marks_alone_still_come_out(void **state)
{
    (void)state;
    const char *doc = "<speak><mark name=\"only\"/></speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 1);
    assert_string_equal(s.blocks[0].text, "");
    assert_non_null(span_of(&s.blocks[0], SPAN_MARK, 0));
    seen_free(&s);
}

static void test_entities(void **state)
{
    (void)state;
    const char *doc = "<speak>a &lt; b &gt; c &amp; &quot;d&quot; &apos;e&apos; &#65;&#x42; "
                      "x&#1;y &unknown; &#0;z</speak>";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 1);
    assert_non_null(strstr(s.blocks[0].text, "a < b > c & \"d\" 'e' AB x y &unknown;"));
    for (const char *p = s.blocks[0].text; *p; p++)
        assert_true((unsigned char)*p >= 0x20);
    seen_free(&s);
}

static void test_hostile_markup_is_read_as_text(void **state)
{
    (void)state;
    const char *doc = "<speak><audio src=\"file:///etc/passwd\">fallback</audio> "
                      "<script>x</script><p>unclosed <emphasis>em <prosody rate=\"x\">p "
                      "3 < 5 and <b";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_true(s.count >= 1);
    char all[512] = "";
    for (size_t i = 0; i < s.count; i++)
        strncat(all, s.blocks[i].text, sizeof all - strlen(all) - 2), strcat(all, "|");
    assert_non_null(strstr(all, "fallback"));
    assert_null(strstr(all, "passwd"));
    assert_non_null(strstr(all, "unclosed em p 3 < 5 and <b"));
    seen_free(&s);
}

static void test_without_speak_root(void **state)
{
    (void)state;
    const char *doc = "Just text with a <break time=\"1s\"/> pause.";
    seen s;
    read_ssml(doc, strlen(doc), &s);
    assert_int_equal(s.count, 2);
    assert_string_equal(s.blocks[0].text, "Just text with a");
    assert_int_equal(s.blocks[0].markup.pause_after_ms, 1000);
    assert_string_equal(s.blocks[1].text, "pause.");
    seen_free(&s);
}

/* Builds `unit` repeated `times` times between head and tail. */
static char *repeated(const char *head, const char *unit, size_t times, const char *tail,
                      size_t *len)
{
    size_t ul = strlen(unit), hl = strlen(head), tl = strlen(tail);
    char *doc = malloc(hl + ul * times + tl + 1);
    assert_non_null(doc);
    memcpy(doc, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(doc + hl + i * ul, unit, ul);
    memcpy(doc + hl + ul * times, tail, tl + 1);
    *len = hl + ul * times + tl;
    return doc;
}

static void read_quickly(const char *head, const char *unit, size_t times, const char *tail)
{
    size_t len;
    char *doc = repeated(head, unit, times, tail, &len);
    seen s;
    double t0 = reader_now();
    read_ssml(doc, len, &s);
    assert_true(reader_now() - t0 < 5.0);
    seen_free(&s);
    free(doc);
}

static void test_pathological_inputs_stay_linear(void **state)
{
    (void)state;
    read_quickly("<speak>", "<prosody rate=\"90%\">a ", 100000, "</speak>");  /* deep nesting */
    read_quickly("<speak>", "</prosody></emphasis></voice>", 100000, "x");
    read_quickly("<speak><mark name=\"", "n", 1000000, "\"/>end</speak>");  /* huge attribute */
    read_quickly("<speak><sub alias=\"", "alias ", 200000, "\">x</sub></speak>");
    read_quickly("", "<p", 200000, "");                                       /* no '>' at all */
    read_quickly("", "<sub>", 100000, "");                                    /* unclosed, each */
    read_quickly("", "<!--", 100000, "");
    read_quickly("", "a&#1", 200000, ";");
    read_quickly("", "<break time=\"100000s\"/>", 50000, "end");
    read_quickly("<speak>", "word ", 200000, "</speak>");                   /* one huge block */
}

static void test_detection(void **state)
{
    (void)state;
    assert_int_equal(reader_detect("a.ssml", "hello", 5), READER_SSML);
    assert_int_equal(reader_detect(NULL, "  <speak>x</speak>", 18), READER_SSML);
    const char *xml = "<?xml version=\"1.0\"?>\n<speak version=\"1.0\">x</speak>";
    assert_int_equal(reader_detect(NULL, xml, strlen(xml)), READER_SSML);
    assert_int_equal(reader_detect(NULL, "<?xml version=\"1.0\"?><html>", 27), READER_HTML);
    assert_int_equal(narrate_input_format_from_name("SSML"), NARRATE_INPUT_SSML);
}

static int stop_at_once(void *userdata, const reader_block *b)
{
    (void)b;
    ++*(int *)userdata;
    return 1;
}

/* A stop mid-document frees what the markup holds (ASan and valgrind watch). */
static void test_stopped_reader_frees_its_markup(void **state)
{
    (void)state;
    const char *doc = "<speak>A <mark name=\"m\"/><phoneme alphabet=\"ipa\" ph=\"t&#601;\">to</phoneme>"
                      "<prosody rate=\"50%\">b</prosody><break time=\"1s\"/>second block</speak>";
    reader *r;
    int calls = 0;
    assert_int_equal(reader_new(READER_SSML, NULL, &r), NARRATE_OK);
    assert_int_equal(reader_feed(r, doc, strlen(doc), stop_at_once, &calls), NARRATE_OK);
    assert_int_equal(reader_finish(r, stop_at_once, &calls, NULL, 0), NARRATE_ESTOPPED);
    assert_int_equal(calls, 1);
    reader_free(r);
}

/* ---- through the library ---- */

typedef struct heard {
    char sentences[2048];
    uint64_t samples, loud; /* loud: |x| > 500, pauses aside */
    struct {
        narrate_event_type type;
        uint64_t sample, offset, length;
        char text[64];
    } events[256];
    size_t nevents;
} heard;

static int on_audio(void *userdata, const int16_t *s, size_t count, int rate)
{
    (void)rate;
    heard *h = userdata;
    h->samples += count;
    for (size_t i = 0; i < count; i++)
        h->loud += s[i] > 500 || s[i] < -500;
    return NARRATE_CONTINUE;
}

static int on_event(void *userdata, const narrate_event *ev)
{
    heard *h = userdata;
    if (ev->type == NARRATE_EVENT_SENTENCE) {
        strncat(h->sentences, ev->text, sizeof h->sentences - strlen(h->sentences) - 2);
        strcat(h->sentences, "\n");
    }
    if (h->nevents < 256) {
        h->events[h->nevents].type = ev->type;
        h->events[h->nevents].sample = ev->sample;
        h->events[h->nevents].offset = ev->offset;
        h->events[h->nevents].length = ev->length;
        snprintf(h->events[h->nevents].text, sizeof h->events[0].text, "%s", ev->text);
        h->nevents++;
    }
    return NARRATE_CONTINUE;
}

static int stop_at_mark(void *userdata, const narrate_event *ev)
{
    (void)userdata;
    return ev->type == NARRATE_EVENT_MARK ? NARRATE_STOP : NARRATE_CONTINUE;
}

/* A caller that stops at a mark: queued sentences with their markup are freed. */
static void test_stop_at_a_mark(void **state)
{
    (void)state;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 2;
    c.input_format = NARRATE_INPUT_SSML;
    c.on_event = stop_at_mark;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    const char *doc = "<speak><s>One <mark name=\"a\"/>two.</s><s>Three <mark name=\"b\"/>four.</s>"
                      "<s><prosody pitch=\"+50%\">Five</prosody> <phoneme ph=\"s&#618;ks\">six</phoneme>.</s></speak>";
    narrate_error err = narrate_feed(n, doc, strlen(doc));
    if (err == NARRATE_OK)
        err = narrate_finish(n);
    assert_int_equal(err, NARRATE_ESTOPPED);
    assert_int_equal(narrate_reset(n), NARRATE_OK);
    narrate_free(n);
}

static void narrate_ssml(const char *doc, int synthesize, heard *h)
{
    memset(h, 0, sizeof *h);
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 2;
    c.synthesize = synthesize;
    c.input_format = NARRATE_INPUT_SSML;
    c.on_audio = on_audio;
    c.on_event = on_event;
    c.userdata = h;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, doc, strlen(doc)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_free(n);
}

/* Golden-style: SSML in, the spoken text (one sentence a line) out. */
static void test_spoken_text(void **state)
{
    (void)state;
    static const struct { const char *ssml, *spoken; } cases[] = {
        {"<speak>Hello <mark name=\"a\"/>world.</speak>", "Hello world.\n"},
        {"<speak><p>It cost $5.</p><p>Call <say-as interpret-as=\"telephone\">555-123-4567</say-as>.</p></speak>",
         "It cost five dollars.\nCall five five five, one two three, four five six seven.\n"},
        {"<speak>On <say-as interpret-as=\"date\">2024-03-05</say-as> we met.</speak>",
         "On the fifth of March twenty twenty four we met.\n"},
        {"<speak>Code <say-as interpret-as=\"digits\">451</say-as>.</speak>",
         "Code four five one.\n"},
        {"<speak>The <sub alias=\"World Wide Web Consortium\">W3C</sub> met.</speak>",
         "The World Wide Web Consortium met.\n"},
        {"<speak>Stop<break time=\"1s\"/>and go.</speak>", "Stop\nand go.\n"},
        {"<speak><audio src=\"http://example.com/a.wav\">The fallback</audio> text&#1;here.</speak>",
         "The fallback text here.\n"},
        {"No root, &lt;just&gt; text.", "No root, just text.\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        heard h;
        narrate_ssml(cases[i].ssml, 0, &h);
        if (strcmp(h.sentences, cases[i].spoken) != 0)
            fail_msg("%s\n  gave: %s  want: %s", cases[i].ssml, h.sentences, cases[i].spoken);
    }
}

static size_t find_event(const heard *h, narrate_event_type type, const char *text, size_t from)
{
    for (size_t i = from; i < h->nevents; i++)
        if (h->events[i].type == type && (!text || strcmp(h->events[i].text, text) == 0))
            return i;
    return SIZE_MAX;
}

static void test_marks_fall_on_the_next_word(void **state)
{
    (void)state;
    const char *doc = "<speak><mark name=\"start\"/>The quick <mark name=\"m1\"/>brown fox "
                      "<mark name=\"m2\"/>jumps.<mark name=\"after\"/> Over the "
                      "<mark name=\"m3\"/>lazy dog.<mark name=\"end\"/></speak>";
    heard h;
    narrate_ssml(doc, 1, &h);
    static const char *const names[] = {"start", "m1", "m2", "after", "m3", "end"};
    static const char *const next_word[] = {"The", "brown", "jumps", "Over", "lazy", NULL};
    size_t last = 0;
    uint64_t last_sample = 0;
    for (size_t i = 0; i < 6; i++) {
        size_t m = find_event(&h, NARRATE_EVENT_MARK, names[i], 0);
        assert_true(m != SIZE_MAX);
        assert_true(m >= last); /* in document order */
        assert_true(h.events[m].sample >= last_sample);
        last = m;
        last_sample = h.events[m].sample;
        assert_int_equal(h.events[m].offset, strstr(doc, names[i]) - doc - 12);
        assert_memory_equal(doc + h.events[m].offset, "<mark", 5);
        assert_int_equal(doc[h.events[m].offset + h.events[m].length - 1], '>');
        if (!next_word[i])
            continue;
        size_t w = find_event(&h, NARRATE_EVENT_WORD, NULL, m);
        assert_true(w != SIZE_MAX);
        assert_memory_equal(doc + h.events[w].offset, next_word[i], strlen(next_word[i]));
        assert_int_equal(h.events[m].sample, h.events[w].sample); /* the exact sample */
    }
    size_t end = find_event(&h, NARRATE_EVENT_MARK, "end", 0);
    /* after the last word, at the end of its sentence's audio: past every word */
    size_t lazy = find_event(&h, NARRATE_EVENT_WORD, NULL, find_event(&h, NARRATE_EVENT_MARK, "m3", 0));
    assert_true(h.events[end].sample > h.events[lazy].sample);
    assert_true(h.events[end].sample <= h.samples);
}

static void test_breaks_and_prosody_reach_the_audio(void **state)
{
    (void)state;
    heard plain, paused, capped, slow;
    narrate_ssml("<speak>One two three four.</speak>", 1, &plain);
    narrate_ssml("<speak>One two<break time=\"2s\"/>three four.</speak>", 1, &paused);
    narrate_ssml("<speak>One two<break time=\"100000s\"/>three four.</speak>", 1, &capped);
    narrate_ssml("<speak><prosody rate=\"50%\">One two three four.</prosody></speak>", 1, &slow);
    int rate = 22050;
    double extra = ((double)paused.samples - (double)plain.samples) / rate;
    assert_true(extra > 1.7 && extra < 2.6);
    double extra_capped = ((double)capped.samples - (double)plain.samples) / rate;
    assert_true(extra_capped > 4.7 && extra_capped < 5.6);
    assert_true(slow.samples > plain.samples * 1.4);
}

static void test_phonemes_and_letters_reach_the_engine(void **state)
{
    (void)state;
    heard as_phonemes, as_word;
    narrate_ssml("<speak>Say <phoneme alphabet=\"x-espeak\" ph=\"p'oUt@\">tomato</phoneme>.</speak>", 1,
                 &as_phonemes);
    narrate_ssml("<speak>Say tomato.</speak>", 1, &as_word);
    assert_int_not_equal(as_phonemes.samples, as_word.samples);
    assert_non_null(strstr(as_phonemes.sentences, "tomato")); /* events still show the text */
}

/* The loud samples of text read by a handle with that voice. */
static uint64_t loud_with_voice(const char *voice, const char *text)
{
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 1);
    c.voice = voice;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_free(n);
    uint64_t loud = r.loud_samples;
    test_recording_free(&r);
    return loud;
}

/* <voice name> reads its sentences as a handle with that voice would (the
 * pauses stay the handle's); a voice that does not exist falls back to the
 * handle's. */
static void test_voice_element(void **state)
{
    (void)state;
    heard ssml, unknown;
    narrate_ssml("<speak><voice name=\"flite:slt\">And from Flite.</voice></speak>", 1, &ssml);
    uint64_t flite = loud_with_voice("flite:slt", "And from Flite.");
    uint64_t news = loud_with_voice(NULL, "And from Flite.");
    uint64_t off = ssml.loud > flite ? ssml.loud - flite : flite - ssml.loud;
    uint64_t apart = news > flite ? news - flite : flite - news;
    if (!(off * 100 <= flite && apart * 10 > flite)) /* the same voice within 1 %; another is not */
        fail_msg("loud samples: ssml %llu, flite:slt %llu, news %llu", (unsigned long long)ssml.loud,
                 (unsigned long long)flite, (unsigned long long)news);
    narrate_ssml("<speak><voice name=\"no-such-voice\">And from Flite.</voice></speak>", 1, &unknown);
    assert_true(unknown.loud > news / 2);
    assert_null(strstr(unknown.sentences, "voice"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs_sentences_and_breaks),
        cmocka_unit_test(test_leading_break_is_a_pause_before),
        cmocka_unit_test(test_prosody_and_emphasis_spans),
        cmocka_unit_test(test_say_as_sub_and_phoneme),
        cmocka_unit_test(test_marks_know_their_tag),
        cmocka_unit_test(test_marks_alone_still_come_out),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_hostile_markup_is_read_as_text),
        cmocka_unit_test(test_without_speak_root),
        cmocka_unit_test(test_pathological_inputs_stay_linear),
        cmocka_unit_test(test_detection),
        cmocka_unit_test(test_stopped_reader_frees_its_markup),
        cmocka_unit_test(test_stop_at_a_mark),
        cmocka_unit_test(test_spoken_text),
        cmocka_unit_test(test_marks_fall_on_the_next_word),
        cmocka_unit_test(test_breaks_and_prosody_reach_the_audio),
        cmocka_unit_test(test_phonemes_and_letters_reach_the_engine),
        cmocka_unit_test(test_voice_element),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
