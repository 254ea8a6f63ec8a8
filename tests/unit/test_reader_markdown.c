/* The Markdown reader: every construct against golden files, exact offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_reader.h"
#include "helpers.h"

static void run_md(const char *doc, size_t len, const reader_options *opts, feed_plan plan,
                   reader_run *run)
{
    reader_run_doc(READER_MARKDOWN, opts, doc, len, plan, 1, run);
    assert_int_equal(run->err, NARRATE_OK);
    if (run->map_errors || run->word_errors)
        fail_msg("%s", run->first_error);
}

static void assert_golden(const char *page, const char *golden, const reader_options *opts)
{
    char why[512];
    if (!reader_page_matches(READER_MARKDOWN, opts, page, golden, 1, why, sizeof why))
        fail_msg("%s", why);
}

static void test_post_golden(void **state)
{
    (void)state;
    assert_golden("tests/reader/post.md", "tests/reader/post.md.golden", NULL);
}

static void test_post_with_image_alt(void **state)
{
    (void)state;
    reader_options opts = {0, 1};
    assert_golden("tests/reader/post.md", "tests/reader/post.alt.golden", &opts);
}

static void test_notes_golden(void **state)
{
    (void)state;
    assert_golden("tests/reader/notes.md", "tests/reader/notes.md.golden", NULL);
}

static void test_front_matter_metadata(void **state)
{
    (void)state;
    size_t len;
    char *doc = test_read_file("tests/reader/post.md", &len);
    reader_run run;
    feed_plan whole = {0, 0};
    run_md(doc, len, NULL, whole, &run);
    assert_string_equal(run.title, "Notes From the Harbor: Rebuilding the Pier");
    assert_string_equal(run.byline, "Mara Quint");
    assert_string_equal(run.date, "2023-04-02");
    reader_run_free(&run);
    free(doc);
}

static void assert_reads_n(const char *doc, size_t len, const char *want)
{
    reader_run run;
    feed_plan whole = {0, 0};
    run_md(doc, len, NULL, whole, &run);
    assert_string_equal(run.rendered, want);
    reader_run_free(&run);
}

static void assert_reads(const char *doc, const char *want)
{
    assert_reads_n(doc, strlen(doc), want);
}

static void test_small_cases(void **state)
{
    (void)state;
    assert_reads("", "");
    assert_reads("---\ntitle: never closed\n\nText.\n", "p: title: never closed\np: Text.\n");
    assert_reads("Intro.\n\n# Not a title\n", "p: Intro.\nh1: Not a title\n");
    assert_reads("# Title\n\n# Second\n", "title: Title\nh1: Second\n");
    assert_reads("A [link](http://x.example/a) and ![img](i.png) here.\n",
                 "p: A link and here.\n");
    assert_reads("<p>raw html</p>\n\nText <b>bold</b> &copy; 2024\n", "p: Text bold © 2024\n");
    assert_reads("~~~\n~~~\n", "note: A code sample is left out.\n");
    assert_reads_n("a\0b\n", 4, "p: a\xEF\xBF\xBD" "b\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_post_golden),
        cmocka_unit_test(test_post_with_image_alt),
        cmocka_unit_test(test_notes_golden),
        cmocka_unit_test(test_front_matter_metadata),
        cmocka_unit_test(test_small_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
