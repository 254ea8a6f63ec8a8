/* Voice presets: parsing, validation with file:line, user overrides, and the
 * effect of their keys on the audio. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "helpers.h"
#include "presets.h"

static void test_builtin_presets_parse(void **state)
{
    (void)state;
    static const char *const names[] = {"news", "podcast", "fast", "screenreader"};
    for (int i = 0; i < 4; i++) {
        voice_preset p;
        char msg[256] = "";
        assert_int_equal(preset_find(names[i], &p, msg, sizeof msg), NARRATE_OK);
        assert_string_equal(p.name, names[i]);
    }
    voice_preset fast, news;
    preset_find("fast", &fast, NULL, 0);
    preset_find("news", &news, NULL, 0);
    assert_true(fast.rate >= 1.5 * news.rate);
}

static void expect_error(const char *text, const char *message)
{
    voice_preset p;
    preset_defaults(&p, "t");
    char msg[256] = "";
    assert_int_equal(preset_parse(text, "t.ini", &p, msg, sizeof msg), NARRATE_EDATA);
    if (!strstr(msg, message))
        fail_msg("got \"%s\", expected it to contain \"%s\"", msg, message);
}

static void test_errors_name_file_and_line(void **state)
{
    (void)state;
    expect_error("[voice]\nrate = 175\nspeed = 2\n", "t.ini:3: unknown key 'speed' in section [voice]");
    expect_error("[voice]\nrate = 40\n", "t.ini:2: rate takes a whole number in 80..450");
    expect_error("[voice]\npitch = high\n", "t.ini:2: pitch takes a whole number");
    expect_error("[quotes]\nstyle = sing\n", "t.ini:2: quotes style is pitch, announce or plain");
    expect_error("[headings]\nrate = 50\n", "t.ini:2: rate takes a whole number in 0 or 80..450");
    expect_error("[voice]\nvoice = en;rm\n", "t.ini:2: voice 'en;rm' is not an espeak-ng voice name");
    expect_error("[voice\nrate = 100\n", "t.ini:1:");
    expect_error("[pauses]\nparagraph = 9000\n", "t.ini:2: paragraph takes a whole number in 0..5000");
}

static void test_user_preset_wins(void **state)
{
    (void)state;
    char dir[] = "/tmp/narrate-presets-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/narrate", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/narrate/voices", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/narrate/voices/news.ini", dir);
    FILE *f = fopen(path, "w");
    fputs("[voice]\nrate = 222\n", f);
    fclose(f);
    setenv("XDG_CONFIG_HOME", dir, 1);
    voice_preset p;
    assert_int_equal(preset_find("news", &p, NULL, 0), NARRATE_OK);
    assert_int_equal(p.rate, 222);
    fputs("", stdout);
    f = fopen(path, "w");
    fputs("[voice]\nrate = 2222\n", f);
    fclose(f);
    char msg[512] = "";
    assert_int_equal(preset_find("news", &p, msg, sizeof msg), NARRATE_EDATA);
    assert_non_null(strstr(msg, "news.ini:2: rate"));
    unlink(path);
    unsetenv("XDG_CONFIG_HOME");
    snprintf(path, sizeof path, "%s/narrate/voices", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/narrate", dir);
    rmdir(path);
    rmdir(dir);
    assert_int_equal(preset_find("no-such-preset", &p, NULL, 0), NARRATE_EVOICE);
}

static uint64_t samples_for(const char *voice, const char *text)
{
    recording r = {0};
    narrate_config c;
    test_config(&c, &r, 2);
    c.voice = voice;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_free(n);
    uint64_t samples = r.samples;
    test_recording_free(&r);
    return samples;
}

static void test_rate_and_pauses_change_the_audio(void **state)
{
    (void)state;
    const char *text = "The harbor opened at dawn. The ships waited for the tide.\n\n"
                       "By noon the cranes were moving. Nobody went home early.";
    uint64_t news = samples_for("news", text), fast = samples_for("fast", text);
    uint64_t reader = samples_for("screenreader", text);
    assert_true(fast < news * 0.75);
    /* screenreader adds no paragraph pause; news adds 400 ms after each paragraph. */
    const char *one_paragraph = "The harbor opened at dawn. The ships waited for the tide. "
                                "By noon the cranes were moving. Nobody went home early.";
    uint64_t news_one = samples_for("news", one_paragraph);
    assert_true(news > news_one + 22050 * 0.3);
    assert_true(reader < news);
}

static int hash_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    (void)rate;
    uint64_t *h = userdata;
    for (size_t i = 0; i < count; i++)
        *h = (*h ^ (uint16_t)samples[i]) * 1099511628211u;
    return NARRATE_CONTINUE;
}

static uint64_t audio_hash(const char *voice, const char *text)
{
    uint64_t h = 1469598103934665603u;
    narrate_config c;
    narrate_config_init(&c);
    c.worker_path = test_worker_path();
    c.workers = 1;
    c.voice = voice;
    c.on_audio = hash_audio;
    c.userdata = &h;
    narrate *n;
    assert_int_equal(narrate_new(&c, &n, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_feed(n, text, strlen(text)), NARRATE_OK);
    assert_int_equal(narrate_finish(n), NARRATE_OK);
    narrate_free(n);
    return h;
}

static void write_preset(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/narrate/voices/%s.ini", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_quote_style_changes_only_quoted_speech(void **state)
{
    (void)state;
    char dir[] = "/tmp/narrate-quotes-XXXXXX", sub[512];
    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/narrate", dir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/narrate/voices", dir);
    mkdir(sub, 0700);
    write_preset(dir, "qpitch", "[quotes]\nstyle = pitch\npitch = 90\n");
    write_preset(dir, "qplain", "[quotes]\nstyle = plain\n");
    setenv("XDG_CONFIG_HOME", dir, 1);
    const char *quoted = "He said, \xe2\x80\x9cWe agree,\xe2\x80\x9d and left.";
    const char *unquoted = "He said that they agree, and left.";
    assert_true(audio_hash("qpitch", quoted) != audio_hash("qplain", quoted));
    assert_true(audio_hash("qpitch", unquoted) == audio_hash("qplain", unquoted));
    unsetenv("XDG_CONFIG_HOME");
    char path[600];
    snprintf(path, sizeof path, "%s/narrate/voices/qpitch.ini", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/narrate/voices/qplain.ini", dir);
    unlink(path);
    rmdir(sub);
    snprintf(sub, sizeof sub, "%s/narrate", dir);
    rmdir(sub);
    rmdir(dir);
}

static int note_voice(void *userdata, const char *name, const char *language)
{
    if (strcmp(language, "preset") == 0 && strcmp(name, "podcast") == 0)
        ++*(int *)userdata;
    return NARRATE_CONTINUE;
}

static void test_presets_are_listed(void **state)
{
    (void)state;
    int found = 0;
    preset_list(note_voice, &found);
    assert_int_equal(found, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_presets_parse),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_user_preset_wins),
        cmocka_unit_test(test_rate_and_pauses_change_the_audio),
        cmocka_unit_test(test_presets_are_listed),
        cmocka_unit_test(test_quote_style_changes_only_quoted_speech),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
