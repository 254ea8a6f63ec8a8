/* rule:russian: Russian and Ukrainian surnames by their endings, with the
 * stress list and the ending defaults; English words with those endings stay
 * English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "helper_lexicon.h"

static void expect_rule(const lexicon *lex, const char *text, const char *want)
{
    const char *source = NULL;
    const char *got = lexicon_test_lookup(lex, text, 0, NULL, &source);
    if (!got)
        fail_msg("'%s': no match", text);
    if (strcmp(got, want) != 0 || strcmp(source, "rule:russian") != 0)
        fail_msg("'%s': expected %s by rule:russian, got %s from %s", text, want, got, source);
}

static void test_surnames(void **state)
{
    (void)state;
    lexicon *lex;
    char err[256];
    assert_int_equal(lexicon_new(&lex, err, sizeof err), 0);
    /* stress from russian-stress.tsv */
    expect_rule(lex, "Ivanov", "Iv@n'O:f");
    expect_rule(lex, "Ivanova", "Iv@n'O:v@");       /* feminine takes the masculine stress */
    expect_rule(lex, "Smirnov", "smIrn'O:f");
    expect_rule(lex, "Kuznetsov", "kUznIts'O:f");
    expect_rule(lex, "Semyonov", "sImj'O:n@f");
    expect_rule(lex, "Romanov", "r@m'A:n@f");
    expect_rule(lex, "Zakharov", "z@x'A:r@f");
    expect_rule(lex, "Zaitsev", "z'A:jtsIf");
    expect_rule(lex, "Dostoyevsky", "d@st@j'Evski");
    expect_rule(lex, "Tchaikovsky", "tS@jk'O:vski");
    /* defaults by ending */
    expect_rule(lex, "Tkachenko", "tk@tS'ENkoU");     /* -enko: on the ending */
    expect_rule(lex, "Yermolenko", "jIrm@l'ENkoU");
    expect_rule(lex, "Marchuk", "m@rtS'u:k");         /* -chuk: final */
    expect_rule(lex, "Kovalchuk", "k@v@ltS'u:k");
    expect_rule(lex, "Pokrovsky", "p@kr'O:vski");     /* -sky: the stem's last vowel */
    expect_rule(lex, "Lobanovsky", "l@b@n'O:vski");
    expect_rule(lex, "Kaloiskaya", "k@l'O:jsk@j@");
    expect_rule(lex, "Bobrov", "b@br'O:f");           /* two syllables: on -ov */
    expect_rule(lex, "Patrusheva", "p@tr'u:SIv@");     /* longer: on the stem */
    expect_rule(lex, "Lavrova", "l@vr'O:v@");
    expect_rule(lex, "Nalivaichenko", "n@lIv@jtS'ENkoU");
    expect_rule(lex, "Ivanov's", "Iv@n'O:fs");
    /* entries beat the rule */
    const char *source = NULL;
    assert_non_null(lexicon_test_lookup(lex, "Patrushev", 0, NULL, &source));
    assert_memory_equal(source, "people.lex:", 11);
    /* not Russian */
    static const char *const english[] = {"Pesky", "Whisky", "Husky", "Risky", "Geneva", "Nova",
                                          "Supernova", "Casanova", "Moldova", "Improv", "ivanov",
                                          "IVANOV", "Ov", "Sky", "Ski", "Rev"};
    for (size_t i = 0; i < sizeof english / sizeof *english; i++) {
        const char *got = lexicon_test_lookup(lex, english[i], 0, NULL, &source);
        if (got && strcmp(source, "rule:russian") == 0)
            fail_msg("'%s' read by rule:russian as %s", english[i], got);
    }
    lexicon_free(lex);
}

static void test_readings_are_espeak_safe(void **state)
{
    (void)state;
    lexicon *lex;
    char err[256];
    assert_int_equal(lexicon_new(&lex, err, sizeof err), 0);
    static const char *const names[] = {"Shcherbakova", "Khodorkovsky", "Yevtushenko", "Zhdanova",
                                        "Tsvetkova", "Khabibullayev", "Yaroslavsky", "Aivazovsky"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *got = lexicon_test_lookup(lex, names[i], 0, NULL, NULL);
        assert_non_null(got);
        assert_null(strstr(got, "]]"));
        assert_true(strlen(got) <= 256);
        if (lexicon_test_have_espeak()) {
            char echo[512];
            assert_int_equal(lexicon_test_espeak_echo(got, echo, sizeof echo), 0);
            if (strcmp(echo, got) != 0)
                print_message("%s: [[%s]] -> [[%s]] (espeak-ng's own normalization)\n", names[i], got, echo);
            assert_true(echo[0] != '\0');
        }
    }
    lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_surnames),
        cmocka_unit_test(test_readings_are_espeak_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
