/* norm_sentence_run()'s words: which are quoted (NORM_WORD_QUOTED) and which
 * rule or table row read each one (norm_word.rule). */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_norm.h"
#include "normalize.h"

typedef struct words_case {
    const char *input;
    /* Each word as spoken, spaces as '_', wrapped in <> when quoted, followed
     * by {rule} unless the rule is "", with a table's line numbers as N. */
    const char *expected;
} words_case;

static const words_case quote_cases[] = {
    {"He said, \xE2\x80\x9CWe will win.\xE2\x80\x9D", "He said <We> <will> <win>"},
    {"He said, \"We will win,\" and left.", "He said <We> <will> <win> and left"},
    {"She called it \xC2\xAB" "absurd" "\xC2\xBB today.", "She called it <absurd> today"},
    {"The \xE2\x80\x98" "deal" "\xE2\x80\x99 failed.", "The <deal> failed"},
    {"He said 'no way' twice.", "He said <no> <way> twice"},
    {"China\xE2\x80\x99s economy grew.", "China's economy grew"},
    {"China's economy grew.", "China's economy grew"},
    {"It was the \xE2\x80\x99" "90s.", "It was the nineties{decade}"},
    {"It was the '90s, he said 'yes' then.", "It was the nineties{decade} he said <yes> then"},
    {"They play rock \xE2\x80\x99n\xE2\x80\x99 roll.", "They play rock n roll"},
    {"They play rock 'n' roll.", "They play rock n roll"},
    {"The workers' union and the \xE2\x80\x98" "boss" "\xE2\x80\x99 met.",
     "The workers union and the <boss> met"},
    {"\xE2\x80\x9CGo home,\xE2\x80\x9D he said.", "<Go> <home> he said"},
    {"and then it ended.\xE2\x80\x9D He left.", "<and> <then> <it> <ended>"},
    {"He said: \xE2\x80\x9CNo surrender", "He said <No> <surrender>"},
    {"He is 6'2\" and \"fit\".", "He is six_foot{feet} two{feet} and <fit>"},
};

static const words_case rule_cases[] = {
    {"Dr. Smith paid $5 in 1999.",
     "Doctor{abbreviations.tsv:N} Smith paid five_dollars{money} in nineteen_ninety_nine{year}"},
    {"The FBI and NATO met.", "The F-B-I{acronyms.tsv:N} and Nato{acronyms.tsv:N} met"},
    {"They organise it on Tue., Oct. 3.", "They organize{spellings.tsv:N} it on Tuesday{weekdays.tsv:N} October{date_mdy} third{date_mdy}"},
    {"It rose 5% to 12 km.", "It rose five_percent{percent} to twelve{measure} kilometers{measure}"},
    {"Sen. Lee, D-N.Y., spoke.",
     "Senator{abbreviations.tsv:N} Lee Democrat_of_New_York{states.tsv:N} spoke"},
    {"Visit example.com & see.", "Visit example_dot_com{url} and{symbol} see"},
};

/* Renders s as described for words_case.expected. */
static void render(const norm_sentence *s, char *out, size_t outsz)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->nwords && o + 256 < outsz; i++) {
        const norm_word *w = &s->words[i];
        int quoted = (w->flags & NORM_WORD_QUOTED) != 0;
        if (o)
            out[o++] = ' ';
        if (quoted)
            out[o++] = '<';
        for (uint32_t k = 0; k < w->out_len && o + 128 < outsz; k++)
            out[o++] = s->text[w->out_off + k] == ' ' ? '_' : s->text[w->out_off + k];
        if (quoted)
            out[o++] = '>';
        if (w->rule[0]) {
            out[o++] = '{';
            for (const char *r = w->rule; *r && o + 8 < outsz; r++) {
                if (r[0] == ':' && isdigit((unsigned char)r[1])) {
                    memcpy(out + o, ":N", 2);
                    o += 2;
                    break;
                }
                out[o++] = *r;
            }
            out[o++] = '}';
        }
        out[o] = '\0';
    }
}

/* Normalizes the first sentence of input and renders its words. */
static void first_sentence(const norm_data *d, const char *input, char *out, size_t outsz,
                           norm_sentence *s)
{
    size_t n = norm_split(d, input, strlen(input), 1);
    assert_true(n > 0);
    assert_int_equal(norm_sentence_run(d, input, n, s), NARRATE_OK);
    render(s, out, outsz);
}

static void check_cases(const norm_data *d, const words_case *cases, size_t n)
{
    norm_sentence s = {0};
    char got[1024];
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        first_sentence(d, cases[i].input, got, sizeof got, &s);
        if (strcmp(got, cases[i].expected) != 0) {
            print_error("%s\n  expected: %s\n  got:      %s\n", cases[i].input, cases[i].expected, got);
            failed++;
        }
    }
    norm_sentence_free(&s);
    assert_int_equal(failed, 0);
}

static void test_quoted(void **state)
{
    check_cases(*state, quote_cases, sizeof quote_cases / sizeof quote_cases[0]);
}

static void test_rules(void **state)
{
    check_cases(*state, rule_cases, sizeof rule_cases / sizeof rule_cases[0]);
}

/* The line a "file:line" rule names, read from pronunciations/. */
static void table_line(const char *rule, char *line, size_t size)
{
    char path[256];
    const char *colon = strchr(rule, ':');
    assert_non_null(colon);
    snprintf(path, sizeof path, "pronunciations/%.*s", (int)(colon - rule), rule);
    long want = strtol(colon + 1, NULL, 10);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    line[0] = '\0';
    for (long k = 1; fgets(line, (int)size, f) && k < want; k++)
        ;
    fclose(f);
}

/* A table rule names the very row that was used. */
static void test_rule_names_row(void **state)
{
    const norm_data *d = *state;
    norm_sentence s = {0};
    char got[512], line[512];
    first_sentence(d, "Gov. Hochul spoke.", got, sizeof got, &s);
    assert_true(s.nwords >= 1);
    table_line(s.words[0].rule, line, sizeof line);
    assert_memory_equal(line, "Gov.\t", 5);
    norm_sentence_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoted),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_rule_names_row),
    };
    return cmocka_run_group_tests(tests, norm_setup, norm_teardown);
}
