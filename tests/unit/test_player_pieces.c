/* The player's pure pieces: key decoding, the display's layout and wrapping,
 * outline navigation and search, and the resume store.  The CLI's sources are
 * compiled in here because the test binaries link the library only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/cli/player_display.c"
#include "../../src/cli/player_keys.c"
#include "../../src/cli/player_outline.c"
#include "../../src/cli/resume.c"

static enum player_key decode_one(const char *s, size_t *used)
{
    enum player_key k;
    *used = key_decode(s, strlen(s), &k);
    return k;
}

static void test_keys(void **state)
{
    size_t used;
    (void)state;
    assert_int_equal(decode_one(" ", &used), KEY_PAUSE);
    assert_int_equal(decode_one("\033[C", &used), KEY_NEXT);
    assert_int_equal(used, 3);
    assert_int_equal(decode_one("\033[D", &used), KEY_PREV);
    assert_int_equal(decode_one("\033OA", &used), KEY_PREV_PARAGRAPH);
    assert_int_equal(decode_one("\033[1;5B", &used), KEY_NEXT_PARAGRAPH);
    assert_int_equal(used, 6);
    assert_int_equal(decode_one("+", &used), KEY_FASTER);
    assert_int_equal(decode_one("-", &used), KEY_SLOWER);
    assert_int_equal(decode_one("[", &used), KEY_VOICE_PREV);
    assert_int_equal(decode_one("]", &used), KEY_VOICE_NEXT);
    assert_int_equal(decode_one("r", &used), KEY_REPEAT);
    assert_int_equal(decode_one("q", &used), KEY_QUIT);
    assert_int_equal(decode_one("?", &used), KEY_HELP);
    assert_int_equal(decode_one("x", &used), KEY_OTHER);
    decode_one("\033[", &used);
    assert_int_equal(used, 0); /* wait for the rest */
    decode_one("\033", &used);
    assert_int_equal(used, 0);
    assert_int_equal(decode_one("\033x", &used), KEY_OTHER);
    assert_int_equal(used, 1);
}

/* Every line of a frame fits the width and no escape sequence is cut. */
static void check_frame(const char *frame, int width, int height)
{
    int lines = 1;
    size_t cols = 0;
    for (const char *p = frame; *p; p++) {
        if (*p == '\033') {
            assert_true(p[1] == '[');
            p += 2;
            while (*p && !(*p >= 0x40 && *p <= 0x7e))
                p++;
            assert_true(*p != '\0');
            continue;
        }
        if (*p == '\r')
            continue;
        if (*p == '\n') {
            lines++;
            cols = 0;
            continue;
        }
        assert_true((unsigned char)*p >= 0x20);
        if (((unsigned char)*p & 0xc0) != 0x80)
            cols++;
        assert_true(cols <= (size_t)width);
    }
    assert_true(lines <= height);
}

static void test_display(void **state)
{
    static char frame[65536];
    struct display_state st;
    const char *sentence = "The harbor opened at dawn, and the ships waited for the tide "
                           "while the pilots came aboard one by one — très calme.";
    (void)state;
    memset(&st, 0, sizeof st);
    st.title = "A title with \033[31m an escape";
    st.heading = "Harbor";
    st.sentence = sentence;
    st.word_offset = (size_t)(strstr(sentence, "ships") - sentence);
    st.word_length = 5;
    st.index = 3;
    st.count = 40;
    st.elapsed = 65;
    st.total = 600;
    st.rate = 175;
    st.voice = "news";
    for (int w = 1; w <= 120; w += 3) {
        for (int h = 1; h <= 30; h++) {
            st.width = w;
            st.height = h;
            st.paused = w % 2;
            st.help = h > 20;
            display_render(&st, frame, sizeof frame);
            check_frame(frame, w, h);
            /* However small the window, where it is shows, and the times
             * once there are three lines. */
            if (w >= 8)
                assert_true(strstr(frame, "sentence 3 of 40") || strstr(frame, " 3/40"));
            if (w >= 16)
                assert_non_null(strstr(frame, st.paused ? "PAUSED" : "playing"));
            if (w >= 14 && h >= 3 && !st.help)
                assert_non_null(strstr(frame, "1:05 / 10:00"));
        }
    }
    st.width = 100;
    st.height = 20;
    st.help = 0;
    st.paused = 1;
    display_render(&st, frame, sizeof frame);
    assert_non_null(strstr(frame, "\033[7m[ships]\033[27m"));
    assert_non_null(strstr(frame, "PAUSED"));
    assert_non_null(strstr(frame, "sentence 3 of 40"));
    assert_non_null(strstr(frame, "1:05 / 10:00"));
    assert_null(strstr(frame, "\033[31m"));
    assert_int_equal(display_render(&st, frame, 10) < 10, 1);
}

static void add(struct outline *o, narrate_event_type type, const char *text, size_t len,
                const char *spoken)
{
    const char *at = strstr(text, spoken);
    narrate_event ev = {type, (uint64_t)(at - text), strlen(spoken), 0, spoken, NULL, 1};
    assert_int_equal(outline_add(o, &ev, text, len), 0);
}

static void test_outline(void **state)
{
    const char *text = "Title\n\nOne. Two.\n\nThree. Four.\nFive.\n\nSix.";
    size_t len = strlen(text);
    struct outline o;
    (void)state;
    outline_init(&o);
    add(&o, NARRATE_EVENT_HEADING, text, len, "Title");
    const char *sentences[] = {"Title", "One.", "Two.", "Three.", "Four.", "Five.", "Six."};
    for (size_t i = 0; i < 7; i++)
        add(&o, NARRATE_EVENT_SENTENCE, text, len, sentences[i]);
    assert_int_equal(o.count, 7);
    int starts[] = {1, 1, 0, 1, 0, 0, 1};
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(o.sentences[i].paragraph_start, starts[i]);
    assert_int_equal(o.sentences[5].heading, 0);
    assert_int_equal(outline_next_paragraph(&o, 1), 3);
    assert_int_equal(outline_next_paragraph(&o, 4), 6);
    assert_int_equal(outline_next_paragraph(&o, 6), 6);
    assert_int_equal(outline_prev_paragraph(&o, 4), 3);
    assert_int_equal(outline_prev_paragraph(&o, 3), 1);
    assert_int_equal(outline_prev_paragraph(&o, 0), 0);
    assert_int_equal(outline_find(&o, text, "fOUR"), 4);
    assert_int_equal(outline_find(&o, text, "seven"), -1);
    outline_free(&o);
}

static void test_resume(void **state)
{
    char dir[] = "/tmp/narrate-resume-XXXXXX";
    uint64_t k = 0;
    (void)state;
    assert_non_null(mkdtemp(dir));
    setenv("XDG_STATE_HOME", dir, 1);
    assert_true(resume_hash("abc", 3) != resume_hash("abd", 3));
    assert_true(resume_hash("", 0) == 0xcbf29ce484222325ull);
    uint64_t h = resume_hash("article", 7);
    assert_int_equal(resume_load(h, &k), -1);
    assert_int_equal(resume_save(h, 12), 0);
    assert_int_equal(resume_load(h, &k), 0);
    assert_int_equal(k, 12);
    assert_int_equal(resume_save(h, 13), 0);
    assert_int_equal(resume_load(h, &k), 0);
    assert_int_equal(k, 13);
    resume_forget(h);
    assert_int_equal(resume_load(h, &k), -1);
    char path[4200];
    assert_int_equal(resume_path(h, path, sizeof path), 0);
    char folder[4200];
    snprintf(folder, sizeof folder, "%s/narrate", dir);
    rmdir(folder);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_display),
        cmocka_unit_test(test_outline),
        cmocka_unit_test(test_resume),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
