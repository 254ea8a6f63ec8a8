/* Runs every case of the golden files (tests/golden, *.tsv: written TAB spoken,
 * one per line, # comments) through norm_split() and norm_sentence_read() as the library does,
 * joins the spoken sentences with spaces and compares.  A line
 * "# reading: punctuation=some|all capitals=pitch|word spell" sets the reading
 * of the cases after it in that file (default: none of these).  Run from the
 * repository root.  Each mismatch is reported as file:line. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "normalize.h"

#define GOLDEN_DIR "tests/golden"

/* One scratch serves every case, as the library's does every sentence, so that
 * a reading that depended on what an earlier sentence left in it would show. */
static norm_scratch *scratch;

/* Speaks `written` into out (NUL-terminated, sentences joined by a space). */
static void speak(const norm_data *d, const norm_reading *reading, const char *written, char *out,
                  size_t outsz)
{
    size_t len = strlen(written), off = 0, o = 0;
    norm_sentence s = {0};
    out[0] = '\0';
    while (off < len) {
        size_t n = norm_split(d, written + off, len - off, 1);
        assert_true(n > 0 && n <= len - off);
        assert_int_equal(norm_sentence_read(d, reading, scratch, written + off, n, &s), NARRATE_OK);
        if (s.len && o + s.len + 2 < outsz) {
            if (o)
                out[o++] = ' ';
            memcpy(out + o, s.text, s.len);
            o += s.len;
            out[o] = '\0';
        }
        off += n;
    }
    norm_sentence_free(&s);
}

/* The value of `key=` among the words of a "# reading:" line, or NULL. */
static const char *setting(const char *line, const char *key)
{
    const char *p = strstr(line, key);
    return p ? p + strlen(key) : NULL;
}

/* Parses a "# reading: ..." line into *r. */
static void parse_reading(const char *line, norm_reading *r)
{
    const char *p = setting(line, "punctuation="), *c = setting(line, "capitals=");
    *r = (norm_reading){0};
    if (p)
        r->punctuation = strncmp(p, "all", 3) == 0    ? NARRATE_PUNCT_ALL
                         : strncmp(p, "some", 4) == 0 ? NARRATE_PUNCT_SOME
                                                      : NARRATE_PUNCT_NONE;
    if (c)
        r->capitals = strncmp(c, "word", 4) == 0    ? NARRATE_CAPS_WORD
                      : strncmp(c, "pitch", 5) == 0 ? NARRATE_CAPS_PITCH
                                                    : NARRATE_CAPS_NONE;
    r->spell = strstr(line, " spell") != NULL;
}

/* Checks one file; returns the number of cases and adds mismatches to *failed. */
static int run_file(const norm_data *d, const char *path, int *failed)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[4096], got[8192];
    int cases = 0;
    norm_reading reading = {0};
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "# reading:", 10) == 0)
            parse_reading(line, &reading);
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        speak(d, &reading, line, got, sizeof got);
        cases++;
        if (strcmp(got, tab + 1) != 0) {
            print_error("%s:%d: %s\n  expected: %s\n  got:      %s\n", path, lineno, line, tab + 1, got);
            (*failed)++;
        }
    }
    fclose(f);
    return cases;
}

static int is_tsv(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".tsv") == 0;
}

static void test_golden_files(void **state)
{
    (void)state;
    norm_data *d = NULL;
    char err[256];
    assert_int_equal(norm_data_load(&d, err, sizeof err), NARRATE_OK);
    DIR *dir = opendir(GOLDEN_DIR);
    if (!dir) {
        norm_data_free(d);
        skip();
    }
    scratch = norm_scratch_new();
    assert_non_null(scratch);
    int cases = 0, failed = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (!is_tsv(e->d_name))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, e->d_name);
        cases += run_file(d, path, &failed);
    }
    closedir(dir);
    norm_scratch_free(scratch);
    norm_data_free(d);
    print_message("golden: %d cases, %d failed\n", cases, failed);
    assert_true(cases >= 300);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
