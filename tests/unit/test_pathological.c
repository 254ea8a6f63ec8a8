/* Pathological inputs: each must be split and normalized in well under 5 s, in
 * linear time, and give valid output: UTF-8, no control characters, no period
 * inside a sentence, no "[[", no runs of s' or of dotted single letters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <valgrind/valgrind.h>

#include "norm_unicode.h"
#include "helper_norm.h"
#include "normalize.h"

/* A guard against hangs and quadratic blow-ups, not a speed test (make bench
 * measures speed): valgrind (make leakcheck) runs this code 30-50 times slower. */
#define TIME_LIMIT (RUNNING_ON_VALGRIND ? 60.0 : 5.0)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check_output(const norm_sentence *s)
{
    const unsigned char *t = (const unsigned char *)s->text;
    for (size_t i = 0; i < s->len;) {
        uint32_t cp;
        size_t n = utf8_decode(t + i, s->len - i, &cp);
        assert_true(n > 0);
        assert_false(cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0));
        if (cp == '.')
            assert_true(i + 1 == s->len);
        i += n;
    }
    assert_null(strstr(s->text, "[["));
    assert_null(strstr(s->text, "s's's'"));
    for (size_t i = 0; i < s->nwords; i++)
        assert_true(s->words[i].out_off + s->words[i].out_len <= s->len);
}

/* Splits and normalizes text as the library does; returns the seconds taken. */
static double run(const norm_data *d, const char *text, size_t len)
{
    norm_sentence s = {0};
    double t0 = now();
    for (size_t off = 0; off < len;) {
        size_t n = norm_split(d, text + off, len - off, 1);
        assert_true(n > 0 && n <= len - off);
        assert_int_equal(norm_sentence_run(d, text + off, n, &s), NARRATE_OK);
        check_output(&s);
        off += n;
    }
    double t = now() - t0;
    norm_sentence_free(&s);
    return t;
}

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t u = strlen(unit);
    char *p = malloc(u * times + 1);
    assert_non_null(p);
    for (size_t i = 0; i < times; i++)
        memcpy(p + i * u, unit, u);
    p[u * times] = '\0';
    *len = u * times;
    return p;
}

static void check_repeat(void **state, const char *unit, size_t times)
{
    size_t len;
    char *p = repeat(unit, times, &len);
    double t = run(*state, p, len);
    free(p);
    if (t >= TIME_LIMIT)
        fail_msg("%zu x \"%s\": %.2f s", times, unit, t);
}

static void test_single_word(void **state) { check_repeat(state, "a", 1 << 20); }
static void test_digits(void **state) { check_repeat(state, "7", 1 << 20); }
static void test_periods(void **state) { check_repeat(state, ".", 100000); }
static void test_invisible_marks(void **state) { check_repeat(state, "\xE2\x80\x8B\xE2\x80\x8F", 50000); }
static void test_nested_quotes(void **state) { check_repeat(state, "\"([\xE2\x80\x9C'", 10000); }
static void test_no_punctuation(void **state) { check_repeat(state, "word ", (1 << 20) / 5); }
static void test_espeak_crashers(void **state)
{
    check_repeat(state, "s'", 500);
    check_repeat(state, "a . ", 500);
    check_repeat(state, "a.", 500);
    check_repeat(state, "A.B.", 300);
    check_repeat(state, "[[a]] ", 100);
    check_repeat(state, "1,", 100000);
    check_repeat(state, "1-", 100000);
    check_repeat(state, "$1.", 50000);
}

static void test_invalid_utf8(void **state)
{
    char buf[4096];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)(i * 37 + 11);
    run(*state, buf, sizeof buf);
}

/* Ten times the input takes at most about ten times as long. */
static void test_linear(void **state)
{
    size_t small_len, big_len;
    char *small = repeat("Mr. Xi met 5 people at 10:30 a.m. in the U.S. ", 2000, &small_len);
    char *big = repeat("Mr. Xi met 5 people at 10:30 a.m. in the U.S. ", 20000, &big_len);
    double ts = 1e9, tb = 1e9;
    for (int k = 0; k < 3; k++) {
        double a = run(*state, small, small_len), b = run(*state, big, big_len);
        ts = a < ts ? a : ts;
        tb = b < tb ? b : tb;
    }
    free(small);
    free(big);
    if (tb > 15 * ts + 0.05)
        fail_msg("not linear: %.3f s for 1x, %.3f s for 10x", ts, tb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_word),    cmocka_unit_test(test_digits),
        cmocka_unit_test(test_periods),        cmocka_unit_test(test_invisible_marks),
        cmocka_unit_test(test_nested_quotes),  cmocka_unit_test(test_no_punctuation),
        cmocka_unit_test(test_espeak_crashers), cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_linear),
    };
    return cmocka_run_group_tests(tests, norm_setup, norm_teardown);
}
