/* The lexicon module: the line format and its errors, lookups, flags,
 * possessives, layering and the built-in layer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cmocka.h>

#include "helper_lexicon.h"

static lexicon *new_lexicon(void)
{
    lexicon *lex = NULL;
    char err[256];
    assert_int_equal(lexicon_new(&lex, err, sizeof err), 0);
    assert_non_null(lex);
    return lex;
}

static narrate_error add_text(lexicon *lex, const char *name, const char *text, lexicon_layer layer,
                              char *err, size_t errsize)
{
    const char *path = lexicon_test_file(name, text, strlen(text));
    assert_non_null(path);
    return lexicon_add_file(lex, path, layer, err, errsize);
}

static void expect(const lexicon *lex, const char *text, int start, const char *want, size_t words)
{
    size_t got_words = 0;
    const char *source = NULL;
    const char *got = lexicon_test_lookup(lex, text, start, &got_words, &source);
    if (!want) {
        if (got)
            fail_msg("'%s': expected no match, got %s from %s", text, got, source);
        return;
    }
    if (!got)
        fail_msg("'%s': expected %s, got no match", text, want);
    if (strcmp(got, want) != 0)
        fail_msg("'%s': expected %s, got %s (from %s)", text, want, got, source);
    assert_int_equal(got_words, words);
}

static void test_line_format_entries(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256];
    const char *text =
        "\xEF\xBB\xBF# a comment line\n"
        "\n"
        "Zelenskyy = [[z,El@nsk'i:]]   # Wikipedia IPA: /zɛlɛnˈskiː/\n"
        "Gdansk    = guh-DANSK          # respelling\n"
        "New York Times = [[nu: j'O@k t'aImz]]\n"
        "  Tab\tword = [[t'ab]]\r\n"
        "US = [[j,u:'Es]] ; case\n"
        "Polish = [[p'oUlIS]] ; midcap, whole\n"
        "C# = [[s'i: S'A@p]] # a '#' inside a word is not a comment\n";
    assert_int_equal(add_text(lex, "good.lex", text, LEXICON_COMMAND_LINE, err, sizeof err), 0);
    expect(lex, "Zelenskyy", 0, "z,El@nsk'i:", 1);
    expect(lex, "ZELENSKYY said", 0, "z,El@nsk'i:", 1);
    expect(lex, "Gdansk", 0, "=guh-DANSK", 1);
    expect(lex, "New York Times reported", 0, "nu: j'O@k t'aImz", 3);
    expect(lex, "new york", 0, NULL, 0);
    expect(lex, "Tab word", 0, "t'ab", 2);
    expect(lex, "US", 0, "j,u:'Es", 1);
    expect(lex, "us", 0, NULL, 0);
    expect(lex, "Us", 0, NULL, 0);
    expect(lex, "Polish", 0, "p'oUlIS", 1);
    expect(lex, "Polish", 1, NULL, 0);
    expect(lex, "polish", 0, NULL, 0);
    expect(lex, "Polish's", 0, NULL, 0);
    expect(lex, "C#", 0, "s'i: S'A@p", 1);
    lexicon_free(lex);
}

static void test_sources_name_file_and_line(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256];
    assert_int_equal(add_text(lex, "src.lex", "# one\n\nQwerty = [[kw'3:ti]]\n", LEXICON_USER, err, sizeof err), 0);
    const char *source = NULL;
    assert_non_null(lexicon_test_lookup(lex, "Qwerty", 0, NULL, &source));
    const char *tail = strstr(source, "src.lex:3");
    assert_non_null(tail);
    assert_string_equal(tail, "src.lex:3");
    assert_non_null(lexicon_test_lookup(lex, "Lavrov", 0, NULL, &source));
    assert_memory_equal(source, "people.lex:", 11);
    lexicon_free(lex);
}

static void test_possessives(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256];
    assert_int_equal(add_text(lex, "poss.lex",
                              "Macron = [[makr'0n]]\nBush = [[b'US]]\nPatek = [[p'atEk]]\nShee = shee\n",
                              LEXICON_USER, err, sizeof err),
                     0);
    expect(lex, "Macron's", 0, "makr'0nz", 1);
    expect(lex, "Bush's", 0, "b'USI#z", 1);
    expect(lex, "Patek's", 0, "p'atEks", 1);
    expect(lex, "Patek\xE2\x80\x99s", 0, "p'atEks", 1);
    expect(lex, "Shee's", 0, "=shee's", 1);
    expect(lex, "Putin's", 0, "p'u:tInz", 1);
    lexicon_free(lex);
}

typedef struct bad_case {
    const char *text;
    const char *message; /* after "path:" */
} bad_case;

static void test_line_format_errors(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"Lavrov [[l@vr'O:f]]\n", "1: missing '=' between word and pronunciation"},
        {"# c\n = [[a]]\n", "2: empty word or phrase"},
        {"Lavrov =\n", "1: empty pronunciation"},
        {"Lavrov = [[]]\n", "1: empty pronunciation"},
        {"Lavrov = [[l@vr'O:f\n", "1: unterminated [[ (no closing ]])"},
        {"Lavrov = [[l@vr'O:f]] extra\n", "1: unexpected text after ]]: 'extra'"},
        {"Lavrov = [[l@vr'O:f]] ; loud\n", "1: unknown flag 'loud' (known: case, midcap, whole)"},
        {"Lavrov = [[l@vr'Oyf]]\n", "1: unknown espeak-ng phoneme at 'yf'"},
        {"Lavrov = [[l@v]r'O:f]]\n", "1: unknown espeak-ng phoneme at ']r'O:f'"},
        {"Lavrov = lav%rof\n", "1: respelling may hold only letters, digits, spaces, hyphens, apostrophes and periods, not '%'"},
        {"Lavrov = [[l@vr'O:f]]\nlavrov = [[l'avr@f]]\n", "2: duplicate entry for 'lavrov' (first at line 1)"},
        {"a b c d e f g h i = [[a]]\n", "1: phrase longer than 8 words"},
        {"ok = [[a]]\nbad\xff = [[a]]\n", "2: invalid UTF-8"},
        {"bad\x01 = [[a]]\n", "1: control character in line"},
        {"x = [[a]]\n\n\nLavrov = [[l@vr'O:f]] ; case whole midcap bogus\n",
         "4: unknown flag 'bogus' (known: case, midcap, whole)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        lexicon *lex = new_lexicon();
        char err[256] = "";
        const char *path = lexicon_test_file("bad.lex", cases[i].text, strlen(cases[i].text));
        char want[512];
        snprintf(want, sizeof want, "%s:%s", path, cases[i].message);
        assert_int_equal(lexicon_add_file(lex, path, LEXICON_COMMAND_LINE, err, sizeof err), NARRATE_EDATA);
        if (strcmp(err, want) != 0)
            fail_msg("case %zu: expected '%s', got '%s'", i, want, err);
        /* Nothing of a failed file is kept. */
        expect(lex, "x", 0, NULL, 0);
        expect(lex, "ok", 0, NULL, 0);
        lexicon_free(lex);
    }
}

static void test_long_and_binary_lines(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256];
    char *text = malloc(6000);
    memset(text, 'a', 5000);
    memcpy(text + 5000, " = [[a]]\n", 10);
    const char *path = lexicon_test_file("long.lex", text, strlen(text));
    assert_int_equal(lexicon_add_file(lex, path, LEXICON_USER, err, sizeof err), NARRATE_EDATA);
    assert_non_null(strstr(err, ":1: line longer than 4096 bytes"));
    static const char nul[] = "x = [[a]]\ny\0 = [[a]]\n";
    path = lexicon_test_file("nul.lex", nul, sizeof nul - 1);
    assert_int_equal(lexicon_add_file(lex, path, LEXICON_USER, err, sizeof err), NARRATE_EDATA);
    assert_non_null(strstr(err, ":2: NUL byte in line"));
    memset(text, 'a', 300);
    memcpy(text, "x = ", 4);
    text[300] = '\0';
    path = lexicon_test_file("resp.lex", text, 300);
    assert_int_equal(lexicon_add_file(lex, path, LEXICON_USER, err, sizeof err), NARRATE_EDATA);
    assert_non_null(strstr(err, ":1: pronunciation longer than 256 bytes"));
    free(text);
    lexicon_free(lex);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256];
    assert_int_equal(lexicon_add_file(lex, "tests/lexicon/does-not-exist.lex", LEXICON_COMMAND_LINE, err, sizeof err),
                     NARRATE_EOPEN);
    assert_string_equal(err, "tests/lexicon/does-not-exist.lex: No such file or directory");
    lexicon_free(lex);
}

static void test_layering(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256];
    expect(lex, "Lavrov", 0, "l@vr'O:f", 1);
    /* command line first, then user: order of adding must not matter */
    assert_int_equal(add_text(lex, "cmd.lex", "Lavrov = [[l'avrOI]]\n", LEXICON_COMMAND_LINE, err, sizeof err), 0);
    assert_int_equal(add_text(lex, "user.lex", "Lavrov = [[l'avr@f]]\nPutin = [[p'u:tin]]\n", LEXICON_USER, err, sizeof err), 0);
    expect(lex, "Lavrov", 0, "l'avrOI", 1);   /* command line beats user */
    expect(lex, "Putin", 0, "p'u:tin", 1);    /* user beats built-in */
    expect(lex, "Xi", 0, "S'i:", 1);          /* built-in stands */
    assert_int_equal(add_text(lex, "sys.lex", "Putin = [[p'Vtin]]\n", LEXICON_SYSTEM, err, sizeof err), 0);
    expect(lex, "Putin", 0, "p'u:tin", 1);    /* system is below user */
    /* a later file of the same layer wins */
    assert_int_equal(add_text(lex, "cmd2.lex", "Lavrov = [[l'avr0f]]\n", LEXICON_COMMAND_LINE, err, sizeof err), 0);
    expect(lex, "Lavrov", 0, "l'avr0f", 1);
    /* an entry beats a rule */
    expect(lex, "Qiang", 0, "tSj'A:N", 1);
    assert_int_equal(add_text(lex, "q.lex", "Qiang = [[tS'i:aN]]\n", LEXICON_USER, err, sizeof err), 0);
    expect(lex, "Qiang", 0, "tS'i:aN", 1);
    lexicon_free(lex);
}

static void test_standard_layers(void **state)
{
    (void)state;
    char err[256];
    const char *path = lexicon_test_file("probe", "", 0);
    char dir[512];
    snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(path, '/') - path), path);
    char narrate_dir[600], file[700];
    snprintf(narrate_dir, sizeof narrate_dir, "%s/narrate", dir);
    mkdir(narrate_dir, 0700);
    snprintf(file, sizeof file, "%s/b.lex", narrate_dir);
    FILE *f = fopen(file, "w");
    fputs("Zorro = [[z'0roU]]\nAlpha = [[a]]\n", f);
    fclose(f);
    snprintf(file, sizeof file, "%s/a.lex", narrate_dir);
    f = fopen(file, "w");
    fputs("Zorro = [[z'O:roU]]\n", f);
    fclose(f);
    snprintf(file, sizeof file, "%s/notes.txt", narrate_dir);
    f = fopen(file, "w");
    fputs("not a lexicon\n", f);
    fclose(f);
    char *old = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
    setenv("XDG_CONFIG_HOME", dir, 1);
    lexicon *lex = new_lexicon();
    assert_int_equal(lexicon_add_standard_layers(lex, err, sizeof err), 0);
    expect(lex, "Zorro", 0, "z'0roU", 1); /* b.lex comes after a.lex */
    expect(lex, "Alpha", 0, "a", 1);
    lexicon_free(lex);
    if (old) {
        setenv("XDG_CONFIG_HOME", old, 1);
        free(old);
    } else {
        unsetenv("XDG_CONFIG_HOME");
    }
}

static void test_seed_article_names(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    expect(lex, "Xi Jinping the Chinese leader", 0, "S'i: dZ,Inp'IN", 2);
    expect(lex, "Xi's", 0, "S'i:z", 1);
    expect(lex, "Jinping", 0, "dZ,Inp'IN", 1);
    expect(lex, "Yang Jiechi held", 0, "j'A:N dZj,EtS'i:", 2);
    expect(lex, "Jiechi", 0, "dZj,EtS'i:", 1);
    expect(lex, "Wang Xiaohong a senior", 0, "w'A:N Sj,aUh'UN", 2);
    expect(lex, "Patrushev", 0, "p@tr'u:SEf", 1);
    expect(lex, "Lavrov", 1, "l@vr'O:f", 1);
    expect(lex, "Putin", 0, "p'u:tIn", 1);
    expect(lex, "Nikolai P Patrushev", 0, "n,Ik@l'aI", 1);
    expect(lex, "Sergey", 0, "s3:g'eI", 1);
    expect(lex, "Fujian", 0, "f,u:dZj'En", 1);
    expect(lex, "Uzbekistan", 0, "Uzb,EkIst'A:n", 1);
    expect(lex, "Interfax", 0, "'Int3faks", 1);
    lexicon_free(lex);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    lexicon_match m;
    const char *words[] = {"Xi", NULL};
    assert_int_equal(lexicon_lookup(lex, words, 0, 0, &m), 0);
    assert_int_equal(lexicon_lookup(NULL, words, 1, 0, &m), 0);
    assert_int_equal(lexicon_lookup(lex, words, 2, 0, &m), 0);
    const char *empty[] = {""};
    assert_int_equal(lexicon_lookup(lex, empty, 1, 0, &m), 0);
    char err[64];
    assert_int_equal(lexicon_add_file(lex, NULL, LEXICON_USER, err, sizeof err), NARRATE_EINVAL);
    lexicon_free(NULL);
    lexicon_free(lex);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_speed(void **state)
{
    (void)state;
    double t0 = now();
    lexicon *lex = new_lexicon();
    double load = now() - t0;
    static const char *const words[] = {"The", "visit", "came", "days", "after", "President", "Vladimir",
                                        "Putin", "met", "in", "Uzbekistan", "with", "Xi", "Jinping"};
    size_t n = sizeof words / sizeof *words;
    lexicon_match m;
    t0 = now();
    size_t hits = 0;
    for (int round = 0; round < 20000; round++)
        for (size_t i = 0; i < n; i++)
            hits += (size_t)lexicon_lookup(lex, words + i, n - i, i == 0, &m);
    double per = (now() - t0) / (20000.0 * n);
    print_message("built-in layer loaded in %.2f ms; %.0f ns per lookup\n", load * 1e3, per * 1e9);
    assert_true(hits > 0);
    assert_true(load < 0.5);   /* generous for valgrind; a few ms natively */
    assert_true(per < 50e-6);
    lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_format_entries),
        cmocka_unit_test(test_sources_name_file_and_line),
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_line_format_errors),
        cmocka_unit_test(test_long_and_binary_lines),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_layering),
        cmocka_unit_test(test_standard_layers),
        cmocka_unit_test(test_seed_article_names),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_speed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
