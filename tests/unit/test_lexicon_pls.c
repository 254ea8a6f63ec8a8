/* PLS 1.0 lexicons (aliases, IPA, x-espeak, errors, hostile XML) and the
 * IPA-to-espeak-ng conversion over the whole English phoneme inventory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "helper_lexicon.h"
#include "ipa.h"

static lexicon *new_lexicon(void)
{
    lexicon *lex = NULL;
    char err[256];
    assert_int_equal(lexicon_new(&lex, err, sizeof err), 0);
    return lex;
}

static void expect(const lexicon *lex, const char *text, const char *want)
{
    const char *source = NULL;
    const char *got = lexicon_test_lookup(lex, text, 0, NULL, &source);
    if (!got || strcmp(got, want) != 0)
        fail_msg("'%s': expected %s, got %s", text, want, got ? got : "no match");
}

static void test_sample_pls(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256] = "";
    assert_int_equal(lexicon_add_file(lex, "tests/lexicon/sample.pls", LEXICON_USER, err, sizeof err), 0);
    expect(lex, "Zelenskyy", "z,El@nsk'i:");
    expect(lex, "Zelensky", "z,El@nsk'i:"); /* the first lexeme's pronunciation */
    expect(lex, "Nguyen", "w'In");
    expect(lex, "W3C", "=World Wide Web Consortium");
    expect(lex, "Kyiv", "k'i:v");
    expect(lex, "Merriam Webster", "m'Eri@m w'Ebst3");
    const char *source = NULL;
    assert_non_null(lexicon_test_lookup(lex, "Nguyen", 0, NULL, &source));
    assert_string_equal(source, "tests/lexicon/sample.pls:15");
    lexicon_free(lex);
}

static void test_pls_by_content(void **state)
{
    (void)state;
    lexicon *lex = new_lexicon();
    char err[256] = "";
    const char *xml = "<?xml version=\"1.0\"?>\n<lexicon version=\"1.0\" alphabet=\"x-espeak\">"
                      "<lexeme><grapheme>Lviv</grapheme><phoneme>l@v'i:f</phoneme></lexeme></lexicon>\n";
    const char *path = lexicon_test_file("user.lex", xml, strlen(xml));
    assert_int_equal(lexicon_add_file(lex, path, LEXICON_USER, err, sizeof err), 0);
    expect(lex, "Lviv", "l@v'i:f");
    lexicon_free(lex);
}

typedef struct bad_pls {
    const char *body;    /* inside <lexicon alphabet="ipa"> unless it starts with '<?' */
    const char *message; /* after "path:" */
} bad_pls;

static void test_pls_errors(void **state)
{
    (void)state;
    static const bad_pls cases[] = {
        {"<lexeme><grapheme>a</grapheme></lexeme>", "2: <lexeme> without <phoneme> or <alias>"},
        {"<lexeme><phoneme>a</phoneme></lexeme>", "2: <lexeme> without <grapheme>"},
        {"<lexeme><grapheme>a</grapheme><phoneme>\xca\x95\x61</phoneme></lexeme>",
         "2: IPA symbol '\xca\x95' (U+0295) not supported"},
        {"<lexeme><grapheme>a</grapheme><phoneme alphabet=\"x-sampa\">a</phoneme></lexeme>",
         "2: unsupported alphabet 'x-sampa' (use ipa or x-espeak)"},
        {"<lexeme><grapheme>a</grapheme><phoneme alphabet=\"x-espeak\">yy</phoneme></lexeme>",
         "2: unknown espeak-ng phoneme at 'yy'"},
        {"<lexeme><grapheme>a</grapheme>\n<phoneme>a</phoneme>\n</lexeme\n", "5: XML: expected '>'"},
        {"<?xml version=\"1.0\"?>\n<lexicon>\n</lexicon>\n", "2: <lexicon> without alphabet attribute"},
        {"<?xml version=\"1.0\"?>\n<speak alphabet=\"ipa\"/>\n", "2: root element is not <lexicon>"},
        {"<?xml version=\"1.0\"?>\n<lexicon alphabet=\"arpabet\"/>\n", "2: unsupported alphabet 'arpabet' (use ipa or x-espeak)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[1024];
        if (strncmp(cases[i].body, "<?", 2) == 0)
            snprintf(doc, sizeof doc, "%s", cases[i].body);
        else
            snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n<lexicon version=\"1.0\" alphabet=\"ipa\">%s</lexicon>\n",
                     cases[i].body);
        lexicon *lex = new_lexicon();
        char err[256] = "", want[512];
        const char *path = lexicon_test_file("bad.pls", doc, strlen(doc));
        snprintf(want, sizeof want, "%s:%s", path, cases[i].message);
        assert_int_equal(lexicon_add_file(lex, path, LEXICON_USER, err, sizeof err), NARRATE_EDATA);
        if (strcmp(err, want) != 0)
            fail_msg("case %zu: expected '%s', got '%s'", i, want, err);
        lexicon_free(lex);
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Loads path, expects EDATA with `message` in errmsg within a second. */
static void expect_refused(const char *path, const char *message)
{
    lexicon *lex = new_lexicon();
    char err[256] = "";
    double t0 = now();
    assert_int_equal(lexicon_add_file(lex, path, LEXICON_COMMAND_LINE, err, sizeof err), NARRATE_EDATA);
    double took = now() - t0;
    if (!strstr(err, message))
        fail_msg("expected '%s' in '%s'", message, err);
    assert_true(took < 1.0);
    lexicon_free(lex);
}

static void test_hostile_pls(void **state)
{
    (void)state;
    expect_refused("tests/lexicon/billion_laughs.pls",
                   "billion_laughs.pls:3: entity declarations are refused (DOCTYPE with <!ENTITY>)");
    expect_refused("tests/lexicon/external_entity.pls",
                   "external_entity.pls:2: entity declarations are refused");
    size_t depth = 10000, cap = depth * 7 + 256, o = 0;
    char *doc = malloc(cap);
    o += (size_t)snprintf(doc, cap, "<?xml version=\"1.0\"?>\n<lexicon alphabet=\"ipa\">\n");
    for (size_t i = 0; i < depth; i++)
        o += (size_t)snprintf(doc + o, cap - o, "<a>");
    for (size_t i = 0; i < depth; i++)
        o += (size_t)snprintf(doc + o, cap - o, "</a>");
    snprintf(doc + o, cap - o, "</lexicon>\n");
    const char *path = lexicon_test_file("deep.pls", doc, strlen(doc));
    free(doc);
    expect_refused(path, "deep.pls:3: elements nested deeper than 64 levels are refused");
}

/* Nothing the PLS parser meets is printed: stderr stays empty. */
static void test_pls_prints_nothing(void **state)
{
    (void)state;
    fflush(stderr);
    const char *capture = lexicon_test_file("stderr.txt", "", 0);
    char capture_path[512];
    snprintf(capture_path, sizeof capture_path, "%s", capture);
    int saved = dup(2);
    FILE *f = freopen(capture_path, "w", stderr);
    assert_non_null(f);
    const char *docs[] = {"<lexicon alphabet=\"ipa\"><lexeme>", "<?xml version=\"1.0\"?><lexicon alphabet=\"ipa\">&undefined;</lexicon>",
                          "<?xml version=\"1.0\" encoding=\"bogus\"?><lexicon/>", "<lexicon alphabet=\"ipa\"></lexiconx>"};
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        lexicon *lex = new_lexicon();
        char err[256];
        const char *path = lexicon_test_file("noisy.pls", docs[i], strlen(docs[i]));
        assert_int_equal(lexicon_add_file(lex, path, LEXICON_USER, err, sizeof err), NARRATE_EDATA);
        lexicon_free(lex);
    }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    FILE *check = fopen(capture_path, "r");
    assert_non_null(check);
    fseek(check, 0, SEEK_END);
    long size = ftell(check);
    fclose(check);
    assert_int_equal(size, 0);
}

typedef struct ipa_case {
    const char *ipa, *espeak;
} ipa_case;

/* Every English phoneme (GA and RP), stress, length, syllable dots and ties. */
static void test_ipa_english_inventory(void **state)
{
    (void)state;
    static const ipa_case cases[] = {
        /* monophthongs */
        {"fliːs", "fli:s"}, {"ˈhæpi", "h'api"}, {"kɪt", "kIt"}, {"drɛs", "drEs"}, {"dres", "drEs"},
        {"træp", "trap"}, {"trap", "trap"}, {"bɑːθ", "bA:T"}, {"pɑm", "pA:m"}, {"lɒt", "l0t"},
        {"θɔːt", "TO:t"}, {"klɔθ", "klO:T"}, {"fʊt", "fUt"}, {"ɡuːs", "gu:s"}, {"stɹʌt", "strVt"},
        {"nɜːs", "n3:s"}, {"nɝs", "n3:s"}, {"ˈkɒmə", "k'0m@"}, {"əˈbaʊt", "@b'aUt"}, {"ɐˈbaʊt", "a#b'aUt"},
        {"ˈrəʊzᵻz", "r'oUzI#z"}, {"ˈrɪðm̩", "r'IDm-"}, {"ˈbʌtn̩", "b'Vtn-"}, {"ˈbɒtl̩", "b'0t@L"},
        /* diphthongs */
        {"feɪs", "feIs"}, {"praɪs", "praIs"}, {"tʃɔɪs", "tSOIs"}, {"maʊθ", "maUT"}, {"ɡoʊt", "goUt"},
        {"ɡəʊt", "goUt"},
        /* r-coloured, GA and RP */
        {"nɪər", "ni@3"}, {"nɪɚ", "ni@3"}, {"nɪə", "ni@"}, {"skwɛər", "skwe@"}, {"skwɛə", "skwe@"},
        {"skwɛɚ", "skwe@"}, {"stɑːrt", "stA@t"}, {"stɑɹt", "stA@t"}, {"nɔːrθ", "nO@T"}, {"nɔɹθ", "nO@T"},
        {"fɔːrs", "fO@s"}, {"foʊrs", "fo@s"}, {"kjʊər", "kjU@"}, {"kjʊə", "kjU@"}, {"ˈlɛtər", "l'Et3"},
        {"ˈlɛɾɚ", "l'Er3"}, {"faɪər", "faI3"}, {"faɪə", "faI@"}, {"aʊər", "aU3"}, {"aʊə", "aU@"},
        /* r before a vowel stays a consonant */
        {"əˈmɛrɪkə", "@m'ErIk@"}, {"ˈɛvəri", "'Ev@ri"}, {"ˈstɔːri", "st'O:ri"},
        /* consonants */
        {"pbtdkɡ", "pbtdkg"}, {"fvθðszʃʒh", "fvTDszSZh"}, {"mnŋ", "mnN"}, {"lɹrwj", "lrrwj"},
        {"tʃ", "tS"}, {"t͡ʃ", "tS"}, {"dʒ", "dZ"}, {"d͡ʒ", "dZ"}, {"lɒx", "l0x"}, {"ʌʔoʊ", "V?oU"},
        /* stress moves to the vowel; length marks, dots, ties, brackets */
        {"/ˌʃiː dʒɪnˈpɪŋ/", "S,i: dZInp'IN"}, {"[lɐˈvrof]", "la#vr'oUf"}, {"ˈmɒs.kaʊ", "m'0skaU"},
        {"ɪˈ.kɒn", "Ik'0n"}, {"pʊˈtʲin", "pUt'in"}, {"ˈsɛrɡʲɪj", "s'e@gIj"}, {"(ə)", "@"},
    };
    ipa_table *t;
    assert_int_equal(ipa_table_load(&t), 0);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[256], bad[64] = "";
        if (ipa_to_espeak(t, cases[i].ipa, out, sizeof out, bad, sizeof bad) != 0)
            fail_msg("%s: refused at %s", cases[i].ipa, bad);
        if (strcmp(out, cases[i].espeak) != 0)
            fail_msg("%s: expected %s, got %s", cases[i].ipa, cases[i].espeak, out);
    }
    char out[8], bad[64];
    assert_int_equal(ipa_to_espeak(t, "ʕa", out, sizeof out, bad, sizeof bad), -1);
    assert_string_equal(bad, "'\xca\x95' (U+0295)");
    assert_int_equal(ipa_to_espeak(t, "ˈaɪaɪaɪaɪaɪ", out, sizeof out, bad, sizeof bad), -1);
    assert_string_equal(bad, "too long");
    ipa_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_pls),
        cmocka_unit_test(test_pls_by_content),
        cmocka_unit_test(test_pls_errors),
        cmocka_unit_test(test_hostile_pls),
        cmocka_unit_test(test_pls_prints_nothing),
        cmocka_unit_test(test_ipa_english_inventory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
