/* rule:pinyin: real Chinese names and places are read by pinyin's rules,
 * English words are never touched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_lexicon.h"
#include "lexicon_rules.h"

typedef struct rules_fixture {
    lex_inventory *inv;
    pinyin_rules *pinyin;
    lexicon *lex;
} rules_fixture;

static int setup(void **state)
{
    rules_fixture *f = calloc(1, sizeof *f);
    char err[256];
    if (!f || lex_inventory_load(&f->inv) || pinyin_rules_new(&f->pinyin, f->inv) ||
        lexicon_new(&f->lex, err, sizeof err))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    rules_fixture *f = *state;
    pinyin_rules_free(f->pinyin);
    lex_inventory_free(f->inv);
    lexicon_free(f->lex);
    free(f);
    return 0;
}

/* Splits a line into words in place. */
static size_t split(char *line, const char **words, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(line, " "); tok && n < max; tok = strtok(NULL, " "))
        words[n++] = tok;
    return n;
}

static void test_real_names_are_read_by_rule(void **state)
{
    rules_fixture *f = *state;
    FILE *in = fopen("tests/lexicon/pinyin_names.txt", "r");
    assert_non_null(in);
    char line[512];
    size_t names = 0, exact = 0, failures = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        const char *want = tab + 1;
        char name[512];
        snprintf(name, sizeof name, "%s", line);
        const char *words[8];
        size_t n = split(line, words, 8);
        char out[300];
        size_t k = pinyin_read(f->pinyin, words, n, out, sizeof out);
        names++;
        if (k != n) {
            print_error("%s: rule:pinyin covered %zu of %zu words\n", name, k, n);
            failures++;
        } else if (strcmp(want, "rule") != 0) {
            exact++;
            if (strcmp(out, want) != 0) {
                print_error("%s: expected %s, got %s\n", name, want, out);
                failures++;
            }
        }
    }
    fclose(in);
    assert_true(names >= 200);
    assert_true(exact >= 30);
    assert_int_equal(failures, 0);
}

static void test_english_words_stay_english(void **state)
{
    rules_fixture *f = *state;
    FILE *in = fopen("tests/lexicon/english_words.txt", "r");
    assert_non_null(in);
    char line[128];
    size_t count = 0, failures = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        count++;
        char lower[128], pair[300];
        snprintf(lower, sizeof lower, "%s", line);
        for (char *c = lower; *c; c++)
            *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
        char before[300];
        snprintf(pair, sizeof pair, "%s Men", line);
        snprintf(before, sizeof before, "Men %s", line);
        const char *texts[] = {line, lower, pair, before};
        for (size_t i = 0; i < 4; i++)
            for (int start = 0; start <= 1; start++) {
                const char *source = NULL;
                const char *got = lexicon_test_lookup(f->lex, texts[i], start, NULL, &source);
                if (got && strncmp(source, "rule:", 5) == 0) {
                    print_error("'%s' matched %s from %s\n", texts[i], got, source);
                    failures++;
                }
            }
    }
    fclose(in);
    assert_true(count >= 100);
    assert_int_equal(failures, 0);
}

static void expect_rule(const lexicon *lex, const char *text, const char *want, size_t words)
{
    size_t got_words = 0;
    const char *source = NULL;
    const char *got = lexicon_test_lookup(lex, text, 0, &got_words, &source);
    if (!got)
        fail_msg("'%s': no match", text);
    if (strcmp(got, want) != 0 || strcmp(source, "rule:pinyin") != 0)
        fail_msg("'%s': expected %s by rule:pinyin, got %s from %s", text, want, got, source);
    assert_int_equal(got_words, words);
}

static void test_lookup_uses_rule_with_evidence(void **state)
{
    rules_fixture *f = *state;
    expect_rule(f->lex, "Qiang said", "tSj'A:N", 1);
    expect_rule(f->lex, "Zhejiang Province", "dZ,VdZj'A:N", 1);
    expect_rule(f->lex, "Guangzhou", "gw,A:NdZ'oU", 1);
    /* never seen before: invented but well-formed pinyin names */
    expect_rule(f->lex, "Xuanqiao", "Sw,EntSj'aU", 1);
    expect_rule(f->lex, "Liu Zhenqiu spoke", "lj'oU dZ,VntSj'oU", 2);
    /* a surname without a cue needs a pinyin neighbour */
    expect_rule(f->lex, "Zhang Wei", "dZ'A:N w'eI", 2);
    expect_rule(f->lex, "Li Peng", "l'i: p'VN", 2);
    expect_rule(f->lex, "Sun Chunlan", "sw'Vn tSw,Vnl'A:n", 2);
    /* possessive */
    expect_rule(f->lex, "Qiang's", "tSj'A:Nz", 1);
    expect_rule(f->lex, "Tiananmen Square", "tj,EnA:nm'Vn", 1);
    /* too little evidence */
    assert_null(lexicon_test_lookup(f->lex, "Yang", 0, NULL, NULL));
    assert_null(lexicon_test_lookup(f->lex, "Wang said", 0, NULL, NULL));
    assert_null(lexicon_test_lookup(f->lex, "Sun Moon", 0, NULL, NULL));
    assert_null(lexicon_test_lookup(f->lex, "Long Men", 0, NULL, NULL));
    assert_null(lexicon_test_lookup(f->lex, "xuanqiao", 0, NULL, NULL)); /* not capitalized */
    assert_null(lexicon_test_lookup(f->lex, "XUANQIAO", 0, NULL, NULL));
}

static void test_segmentation(void **state)
{
    rules_fixture *f = *state;
    static const char *const cases[][2] = {
        {"xiaohong", "xiao-hong"}, {"jinping", "jin-ping"},   {"guangzhou", "guang-zhou"},
        {"zhejiang", "zhe-jiang"}, {"xian", "xian"},          {"xi'an", "xi-an"},
        {"tiananmen", "tian-an-men"}, {"zhongnanhai", "zhong-nan-hai"}, {"heilongjiang", "hei-long-jiang"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[128];
        assert_int_equal(pinyin_segment(f->pinyin, cases[i][0], out, sizeof out), 0);
        assert_string_equal(out, cases[i][1]);
    }
    char out[128];
    assert_int_equal(pinyin_segment(f->pinyin, "patrushev", out, sizeof out), -1);
    assert_int_equal(pinyin_segment(f->pinyin, "bean", out, sizeof out), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_names_are_read_by_rule),
        cmocka_unit_test(test_english_words_stay_english),
        cmocka_unit_test(test_lookup_uses_rule_with_evidence),
        cmocka_unit_test(test_segmentation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
