/* Every pronunciation narrate ships is one espeak-ng accepts unchanged:
 * each [[...]] of the shipped .lex files, each syllable of pinyin.tsv (as the
 * rule stresses it) and each mnemonic of espeak-phonemes.tsv goes through
 * `espeak-ng -q -x -v en-us` and must come back as written.  Skipped when the
 * espeak-ng program is absent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "embedded.h"
#include "helper_lexicon.h"
#include "lexicon_rules.h"

typedef struct batch {
    char **phonemes;
    char **origin; /* "file:line" */
    size_t count, cap;
} batch;

static void batch_add(batch *b, const char *phonemes, size_t n, const char *file, unsigned line)
{
    if (b->count == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->phonemes = realloc(b->phonemes, b->cap * sizeof *b->phonemes);
        b->origin = realloc(b->origin, b->cap * sizeof *b->origin);
        assert_non_null(b->phonemes);
        assert_non_null(b->origin);
    }
    b->phonemes[b->count] = strndup(phonemes, n);
    char where[256];
    snprintf(where, sizeof where, "%s:%u", file, line);
    b->origin[b->count++] = strdup(where);
}

static void batch_free(batch *b)
{
    for (size_t i = 0; i < b->count; i++) {
        free(b->phonemes[i]);
        free(b->origin[i]);
    }
    free(b->phonemes);
    free(b->origin);
}

/* Runs the whole batch through one espeak-ng process, one clause a line. */
static size_t check_batch(const batch *b)
{
    char in_path[] = "/tmp/narrate-espeak-in-XXXXXX";
    int fd = mkstemp(in_path);
    assert_true(fd >= 0);
    FILE *in = fdopen(fd, "w");
    for (size_t i = 0; i < b->count; i++)
        fprintf(in, "[[%s]].\n", b->phonemes[i]);
    fclose(in);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "espeak-ng -q -x -v en-us -f %s 2>/dev/null", in_path);
    FILE *out = popen(cmd, "r");
    assert_non_null(out);
    char line[1024];
    size_t i = 0, bad = 0;
    while (fgets(line, sizeof line, out)) {
        line[strcspn(line, "\n")] = '\0';
        char *text = line + strspn(line, " ");
        if (i < b->count && strcmp(text, b->phonemes[i]) != 0) {
            print_error("%s: [[%s]] came back as [[%s]]\n", b->origin[i], b->phonemes[i], text);
            bad++;
        }
        i++;
    }
    pclose(out);
    remove(in_path);
    if (i != b->count) {
        print_error("espeak-ng printed %zu lines for %zu entries\n", i, b->count);
        bad++;
    }
    return bad;
}

static void collect_lex(batch *b, const embedded_file *f)
{
    unsigned line = 1;
    for (const char *p = f->data; *p; line++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char text[4200];
        assert_true(len < sizeof text);
        memcpy(text, p, len);
        text[len] = '\0';
        const char *open = strstr(text, "[[");
        if (open && text[0] != '#') {
            const char *close = strstr(open, "]]");
            assert_non_null(close);
            batch_add(b, open + 2, (size_t)(close - open - 2), f->name, line);
        }
        p += len + (nl != NULL);
    }
}

static void test_shipped_lexicons(void **state)
{
    (void)state;
    if (!lexicon_test_have_espeak())
        skip();
    batch b = {0};
    size_t files = 0;
    for (const embedded_file *f = embedded_files; f->name; f++) {
        size_t n = strlen(f->name);
        if (n > 4 && strcmp(f->name + n - 4, ".lex") == 0) {
            collect_lex(&b, f);
            files++;
        }
    }
    print_message("%zu entries in %zu files\n", b.count, files);
    assert_true(files > 0);
    assert_int_equal(check_batch(&b), 0);
    batch_free(&b);
}

typedef struct syllable_ctx {
    const pinyin_rules *pinyin;
    batch *b;
} syllable_ctx;

/* Reads each syllable as the given name after "Qin", through the rule itself
 * (after a consonant, so that espeak-ng marks no vowel-to-vowel link). */
static int syllable_row(void *ctx, char **fields, size_t n, unsigned line)
{
    syllable_ctx *c = ctx;
    char word[16];
    if (n < 2 || strlen(fields[0]) >= sizeof word)
        return -1;
    snprintf(word, sizeof word, "%c%s", fields[0][0] - 32, fields[0] + 1);
    const char *words[2] = {"Qin", word};
    char out[300];
    if (pinyin_read(c->pinyin, words, 2, out, sizeof out) == 2)
        batch_add(c->b, out, strlen(out), "pinyin.tsv", line);
    return 0;
}

static void test_pinyin_syllables(void **state)
{
    (void)state;
    if (!lexicon_test_have_espeak())
        skip();
    lex_inventory *inv;
    pinyin_rules *pinyin;
    assert_int_equal(lex_inventory_load(&inv), 0);
    assert_int_equal(pinyin_rules_new(&pinyin, inv), 0);
    batch b = {0};
    syllable_ctx ctx = {pinyin, &b};
    const embedded_file *f = embedded_find("pinyin.tsv");
    assert_non_null(f);
    assert_int_equal(lex_tsv_each(f->data, f->size, syllable_row, &ctx), 0);
    print_message("%zu syllables checked\n", b.count);
    assert_true(b.count > 300);
    assert_int_equal(check_batch(&b), 0);
    batch_free(&b);
    pinyin_rules_free(pinyin);
    lex_inventory_free(inv);
}

/* A mnemonic passes when espeak-ng gives it back unchanged in one of the
 * probes: stressed or unstressed for a vowel; before a consonant, between
 * vowels or before a vowel-initial word for a consonant. */
static int inventory_row(void *ctx, char **fields, size_t n, unsigned line)
{
    size_t *bad = ctx;
    if (n < 2)
        return -1;
    if (strcmp(fields[1], "mark") == 0)
        return 0;
    int vowel = strcmp(fields[1], "vowel") == 0;
    const char *forms[3] = {vowel ? "d'%sd" : "d'a%sd", vowel ? "d'ad%sd" : "d'a%sad", vowel ? "d%s" : "d'a%s 'ad"};
    for (size_t i = 0; i < 3; i++) {
        char probe[32], echo[256];
        snprintf(probe, sizeof probe, forms[i], fields[0]);
        if (lexicon_test_espeak_echo(probe, echo, sizeof echo) == 0 && strcmp(probe, echo) == 0)
            return 0;
    }
    print_error("espeak-phonemes.tsv:%u: '%s' does not come back unchanged\n", line, fields[0]);
    (*bad)++;
    return 0;
}

static void test_inventory(void **state)
{
    (void)state;
    if (!lexicon_test_have_espeak())
        skip();
    size_t bad = 0;
    const embedded_file *f = embedded_find("espeak-phonemes.tsv");
    assert_non_null(f);
    assert_int_equal(lex_tsv_each(f->data, f->size, inventory_row, &bad), 0);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_lexicons),
        cmocka_unit_test(test_pinyin_syllables),
        cmocka_unit_test(test_inventory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
