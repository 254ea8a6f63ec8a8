/* The last guard before espeak-ng: whatever comes in, what goes out is safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "norm_unicode.h"
#include "sanitize.h"

typedef size_t (*sanitizer)(const char *, size_t, char *, uint32_t *);

static char *run(sanitizer f, const char *in, size_t len, uint32_t **origin_out)
{
    char *out = malloc(2 * len + 1);
    uint32_t *origin = malloc((2 * len + 1) * sizeof *origin);
    size_t n = f(in, len, out, origin);
    assert_true(n <= 2 * len);
    assert_int_equal(strlen(out), n);
    for (size_t i = 0; i < n; i++)
        assert_true(origin[i] < len || len == 0);
    if (origin_out)
        *origin_out = origin;
    else
        free(origin);
    return out;
}

/* Checks every promise of sanitize_for_engine on its output. */
static void assert_engine_safe(const char *s)
{
    size_t len = strlen(s), word = 0;
    assert_null(strstr(s, "[["));
    assert_null(strchr(s, '<'));
    assert_null(strchr(s, '>'));
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        assert_true(n > 0); /* valid UTF-8 */
        assert_true(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0));
        word = cp == ' ' ? 0 : word + n;
        assert_true(word <= SANITIZE_MAX_WORD_BYTES);
        i += n;
    }
    const char *dot = strstr(s, ". ");
    if (dot) /* only a final period may be followed by a space */
        assert_true(strspn(dot + 1, " .\"')") == strlen(dot + 1));
}

static void test_control_characters_become_spaces(void **state)
{
    (void)state;
    static const char in[] = "alpha\0beta \x01" "40S gamma\x7f\xc2\x85";
    char *out = run(sanitize_for_engine, in, sizeof in - 1, NULL);
    assert_string_equal(out, "alpha beta  40S gamma  ");
    free(out);
}

static void test_markup_and_phoneme_input_are_defused(void **state)
{
    (void)state;
    const char *in = "[[h@l'oU]] <audio src=\"x\"/> done.";
    char *out = run(sanitize_for_engine, in, strlen(in), NULL);
    assert_engine_safe(out);
    assert_non_null(strstr(out, "done."));
    free(out);
}

static void test_crash_runs_are_broken(void **state)
{
    (void)state;
    char in[1000] = "";
    for (int i = 0; i < 70; i++)
        strcat(in, "s'");
    strcat(in, " ");
    for (int i = 0; i < 85; i++)
        strcat(in, "a . ");
    char *out = run(sanitize_for_engine, in, strlen(in), NULL);
    assert_engine_safe(out);
    free(out);
}

static void test_ordinary_text_passes_unchanged(void **state)
{
    (void)state;
    const char *in = "Mister Xi met Vladimir V Putin, who said: \xe2\x80\x9cno limits.\xe2\x80\x9d";
    uint32_t *origin;
    char *out = run(sanitize_for_engine, in, strlen(in), &origin);
    assert_string_equal(out, in);
    for (size_t i = 0; i < strlen(in); i++)
        assert_int_equal(origin[i], i);
    free(out);
    free(origin);
}

static void test_origin_tracks_cut_words(void **state)
{
    (void)state;
    char in[80];
    memset(in, 'x', 70);
    strcpy(in + 70, " end");
    uint32_t *origin;
    char *out = run(sanitize_for_engine, in, strlen(in), &origin);
    assert_engine_safe(out);
    const char *end = strstr(out, "end");
    assert_non_null(end);
    assert_int_equal(origin[end - out], 71);
    free(out);
    free(origin);
}

static void test_random_bytes_always_come_out_safe(void **state)
{
    (void)state;
    srand(12345);
    for (int round = 0; round < 2000; round++) {
        char in[256];
        size_t len = (size_t)(rand() % 255);
        for (size_t i = 0; i < len; i++)
            in[i] = (char)(rand() % 4 == 0 ? " .s'a[<"[rand() % 7] : rand() % 256);
        char *out = run(sanitize_for_engine, in, len, NULL);
        assert_engine_safe(out);
        free(out);
        out = run(sanitize_simplified, in, len, NULL);
        assert_engine_safe(out);
        free(out);
    }
}

static void test_simplified_keeps_letters_and_digits(void **state)
{
    (void)state;
    const char *in = "s's's' -- 4.5% \xc3\xa9t\xc3\xa9!";
    char *out = run(sanitize_simplified, in, strlen(in), NULL);
    assert_string_equal(out, "s s s 4 5 \xc3\xa9t\xc3\xa9 ");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_control_characters_become_spaces),
        cmocka_unit_test(test_markup_and_phoneme_input_are_defused),
        cmocka_unit_test(test_crash_runs_are_broken),
        cmocka_unit_test(test_ordinary_text_passes_unchanged),
        cmocka_unit_test(test_origin_tracks_cut_words),
        cmocka_unit_test(test_random_bytes_always_come_out_safe),
        cmocka_unit_test(test_simplified_keeps_letters_and_digits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
