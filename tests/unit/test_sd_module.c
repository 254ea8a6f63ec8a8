/* sd_narrate's pieces without a server: speech-dispatcher settings into
 * narrate's ranges and reading modes, the module config file, SSML for CHAR
 * and KEY, the mark queue, and the 705 AUDIO encoding (decoded back). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sd/sd_config.h"
#include "sd/sd_marks.h"
#include "sd/sd_out.h"
#include "sd/sd_settings.h"
#include "sd/sd_text.h"

static void test_rate_pitch_volume_ranges(void **state)
{
    (void)state;
    assert_int_equal(sd_rate_wpm(0, 230), 230);
    assert_int_equal(sd_rate_wpm(-100, 230), 80);
    assert_int_equal(sd_rate_wpm(100, 230), 450);
    assert_int_equal(sd_rate_wpm(-500, 230), 80);
    assert_true(sd_rate_wpm(-50, 230) < 230 && sd_rate_wpm(50, 230) > 230);
    assert_int_equal(sd_pitch(0), 50);
    assert_int_equal(sd_pitch(-100), 0);
    assert_int_equal(sd_pitch(100), 100);
    assert_int_equal(sd_volume(100), 100);
    assert_int_equal(sd_volume(0), 50);
    assert_int_equal(sd_volume(-100), 0);
}

static void test_set_lines(void **state)
{
    (void)state;
    sd_settings s;
    sd_settings_init(&s);
    assert_int_equal(s.volume, 100);
    assert_int_equal(sd_settings_set(&s, "rate=-40"), 0);
    assert_int_equal(s.rate, -40);
    assert_int_equal(sd_settings_set(&s, "rate=fast"), 0);
    assert_int_equal(s.rate, -40);
    assert_int_equal(sd_settings_set(&s, "pitch=900"), 0);
    assert_int_equal(s.pitch, 100);
    sd_settings_set(&s, "punctuation_mode=some");
    assert_int_equal(s.punctuation, NARRATE_PUNCT_SOME);
    sd_settings_set(&s, "punctuation_mode=most");
    assert_int_equal(s.punctuation, NARRATE_PUNCT_ALL);
    sd_settings_set(&s, "punctuation_mode=none");
    assert_int_equal(s.punctuation, NARRATE_PUNCT_NONE);
    sd_settings_set(&s, "cap_let_recogn=spell");
    assert_int_equal(s.capitals, NARRATE_CAPS_WORD);
    sd_settings_set(&s, "cap_let_recogn=icon");
    assert_int_equal(s.capitals, NARRATE_CAPS_PITCH);
    sd_settings_set(&s, "spelling_mode=on");
    assert_int_equal(s.spell, 1);
    sd_settings_set(&s, "spelling_mode=off");
    assert_int_equal(s.spell, 0);
    sd_settings_set(&s, "synthesis_voice=en-gb");
    assert_string_equal(s.synthesis_voice, "en-gb");
    sd_settings_set(&s, "synthesis_voice=NULL");
    assert_string_equal(s.synthesis_voice, "");
    assert_int_equal(sd_settings_set(&s, "pitch_range=20"), 0);
    assert_int_equal(sd_settings_set(&s, "no equals sign"), -1);
    assert_int_equal(sd_settings_set(&s, "colour=blue"), -1);
}

static void test_config_file(void **state)
{
    (void)state;
    char path[] = "/tmp/sd-config-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "# a comment\n\nNarrateVoice \"en-gb\"\n  NarrateRate 200\n"
                       "NarrateAudio server\nSomethingElse 1\n"
                       "NarrateVoiceType female1 \"en-us+f3\"\nNarrateVoiceType MALE2 flite:rms\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    sd_config c;
    char msg[256] = "";
    sd_log_set_level(1); /* the unknown setting's log line is expected */
    sd_config_init(&c);
    assert_int_equal(sd_config_read(&c, path, msg, sizeof msg), 0);
    assert_string_equal(c.voice, "en-gb");
    assert_int_equal(c.normal_rate, 200);
    assert_int_equal(c.audio, SD_AUDIO_SERVER);
    assert_string_equal(sd_config_voice_for_type(&c, "female1"), "en-us+f3");
    assert_string_equal(sd_config_voice_for_type(&c, "male2"), "flite:rms");
    assert_null(sd_config_voice_for_type(&c, "male1"));
    assert_null(sd_config_voice_for_type(&c, "robot"));

    FILE *f = fopen(path, "w");
    fputs("NarrateVoiceType robot en-us\nNarrateAudio speakers\n", f);
    fclose(f);
    sd_config_init(&c);
    assert_int_equal(sd_config_read(&c, path, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "NarrateVoiceType"));
    unlink(path);

    sd_config_init(&c);
    assert_int_equal(sd_config_read(&c, "/nonexistent/narrate.conf", msg, sizeof msg), 0);
    assert_string_equal(c.voice, "screenreader");
    assert_int_equal(c.audio, SD_AUDIO_MODULE);
}

static void test_ssml_for_char_and_key(void **state)
{
    (void)state;
    char *s = sd_text_to_ssml(SD_JOB_CHAR, "<");
    assert_string_equal(s, "<speak><say-as interpret-as=\"characters\">&lt;</say-as></speak>");
    free(s);
    s = sd_text_to_ssml(SD_JOB_KEY, "shift_kp-enter");
    assert_string_equal(s, "<speak>shift kp enter</speak>");
    free(s);
    s = sd_text_to_ssml(SD_JOB_KEY, "-");
    assert_string_equal(s, "<speak>-</speak>");
    free(s);
    s = sd_text_to_ssml(SD_JOB_KEY, "&\"'>");
    assert_string_equal(s, "<speak>&amp;&quot;&apos;&gt;</speak>");
    free(s);
    s = sd_text_to_ssml(SD_JOB_TEXT, "<speak>as is</speak>");
    assert_string_equal(s, "<speak>as is</speak>");
    free(s);
}

static void test_marks_in_order(void **state)
{
    (void)state;
    sd_marks q = {0};
    char name[16];
    int next = 0;
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "m%d", i);
        assert_int_equal(sd_marks_push(&q, (uint64_t)i * 10, name), 0);
        if (i % 3 == 2) { /* pop some as we go, so the storage wraps and compacts */
            snprintf(name, sizeof name, "m%d", next);
            assert_string_equal(sd_marks_first(&q)->name, name);
            assert_int_equal(sd_marks_first(&q)->sample, (uint64_t)next * 10);
            sd_marks_pop(&q);
            next++;
        }
    }
    for (; next < 100; next++) {
        snprintf(name, sizeof name, "m%d", next);
        assert_string_equal(sd_marks_first(&q)->name, name);
        sd_marks_pop(&q);
    }
    assert_null(sd_marks_first(&q));
    sd_marks_push(&q, 1, "left");
    sd_marks_free(&q);
}

/* Captures what sd_out writes on fd 1 while fn runs. */
static size_t capture_stdout(void (*fn)(void), char *buf, size_t size)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    int saved = dup(1);
    dup2(fds[1], 1);
    close(fds[1]);
    fn();
    dup2(saved, 1);
    close(saved);
    size_t n = 0;
    ssize_t r;
    while (n < size && (r = read(fds[0], buf + n, size - n)) > 0)
        n += (size_t)r;
    close(fds[0]);
    return n;
}

/* Every byte value, including '\n' (0x0a) and the escape 0x7d, in both halves. */
static int16_t audio_in[256];

static void send_audio(void) { sd_out_audio(audio_in, 256, 22050); }

static void test_audio_block_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < 256; i++)
        audio_in[i] = (int16_t)(uint16_t)((i << 8) | (255 - i));
    char out[4096];
    size_t n = capture_stdout(send_audio, out, sizeof out - 1);
    out[n] = '\0';
    const char head[] = "705-bits=16\n705-num_channels=1\n705-sample_rate=22050\n"
                        "705-num_samples=256\n705-AUDIO";
    assert_true(n > sizeof head);
    assert_memory_equal(out, head, sizeof head); /* with the NUL after AUDIO */
    const char *p = out + sizeof head, *end = memchr(p, '\n', n - sizeof head);
    assert_non_null(end);
    assert_string_equal(end, "\n705 AUDIO\n");
    unsigned char bytes[512];
    size_t k = 0;
    for (; p < end && k < sizeof bytes; p++)
        bytes[k++] = *p == 0x7d ? (unsigned char)(*++p ^ 0x20) : (unsigned char)*p;
    assert_int_equal(k, 512);
    for (int i = 0; i < 256; i++)
        assert_int_equal((int16_t)(bytes[2 * i] | bytes[2 * i + 1] << 8), audio_in[i]);
}

static void send_mark(void) { sd_out_mark("two\nlines"); }

static void test_mark_stays_one_line(void **state)
{
    (void)state;
    char out[256];
    size_t n = capture_stdout(send_mark, out, sizeof out - 1);
    out[n] = '\0';
    assert_string_equal(out, "700-two lines\n700 INDEX MARK\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_pitch_volume_ranges),
        cmocka_unit_test(test_set_lines),
        cmocka_unit_test(test_config_file),
        cmocka_unit_test(test_ssml_for_char_and_key),
        cmocka_unit_test(test_marks_in_order),
        cmocka_unit_test(test_audio_block_round_trip),
        cmocka_unit_test(test_mark_stays_one_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
