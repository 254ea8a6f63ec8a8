/* The HTML reader: pages in the styles of real sites against golden files,
 * with source maps checked (exact per word on UTF-8 pages). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_reader.h"
#include "helpers.h"

static void assert_page(const char *name, const reader_options *opts, const char *golden_suffix,
                        int exact)
{
    char page[256], golden[256], why[512];
    snprintf(page, sizeof page, "tests/reader/%s.html", name);
    snprintf(golden, sizeof golden, "tests/reader/%s.%s", name, golden_suffix);
    if (!reader_page_matches(READER_HTML, opts, page, golden, exact, why, sizeof why))
        fail_msg("%s", why);
}

static void test_news_site_with_cookie_banner_ads_and_related(void **state)
{
    (void)state;
    assert_page("news_cookie", NULL, "golden", 1);
}

static void test_news_site_with_captions_and_alt_text(void **state)
{
    (void)state;
    reader_options opts = {1, 1};
    assert_page("news_cookie", &opts, "captions.golden", 0); /* alt text maps to its <img> */
}

static void test_blog(void **state)
{
    (void)state;
    assert_page("blog", NULL, "golden", 1);
}

static void test_body_not_in_article(void **state)
{
    (void)state;
    assert_page("no_article", NULL, "golden", 1);
}

static void test_windows_1252(void **state)
{
    (void)state;
    assert_page("cp1252", NULL, "golden", 1);
}

static void test_iso_8859_1(void **state)
{
    (void)state;
    assert_page("latin1", NULL, "golden", 1);
}

static void test_broken_markup(void **state)
{
    (void)state;
    assert_page("broken", NULL, "golden", 1);
}

static void assert_meta(const char *page, const char *title, const char *byline, const char *date)
{
    size_t len;
    char *doc = test_read_file(page, &len);
    assert_non_null(doc);
    reader_run run;
    feed_plan whole = {0, 0};
    reader_run_doc(READER_HTML, NULL, doc, len, whole, 0, &run);
    assert_int_equal(run.err, NARRATE_OK);
    assert_string_equal(run.title ? run.title : "-", title ? title : "-");
    assert_string_equal(run.byline ? run.byline : "-", byline ? byline : "-");
    assert_string_equal(run.date ? run.date : "-", date ? date : "-");
    reader_run_free(&run);
    free(doc);
}

static void test_metadata(void **state)
{
    (void)state;
    assert_meta("tests/reader/news_cookie.html", "Council Approves Harbor Dredging Plan",
                "Mara Quint", "2023-05-09T14:30:00-04:00");
    assert_meta("tests/reader/blog.html", "Why I Switched My Bakery to Sourdough", "June Okafor",
                "2022-11-03T07:12:00+00:00");
    assert_meta("tests/reader/no_article.html", "Storm Closes Ferry Terminal for Week", NULL, NULL);
    assert_meta("tests/reader/cp1252.html", "Caf\xC3\xA9 Owners Rally Against New Parking Rules",
                "Ren\xC3\xA9" "e Dubois", NULL);
}

static void assert_reads(const char *doc, const char *want)
{
    reader_run run;
    feed_plan whole = {0, 0};
    reader_run_doc(READER_HTML, NULL, doc, strlen(doc), whole, 1, &run);
    assert_int_equal(run.err, NARRATE_OK);
    if (run.map_errors || run.word_errors)
        fail_msg("%s", run.first_error);
    assert_string_equal(run.rendered, want);
    reader_run_free(&run);
}

static void test_small_cases(void **state)
{
    (void)state;
    assert_reads("", "");
    assert_reads("<p>One<br>two<br><br>three</p>", "p: One two\np: three\n");
    assert_reads("<p hidden>no</p><p aria-hidden=true>no</p><p style='display: none'>no</p>"
                 "<p>yes &amp; &copy; &hellip; &#x1F600;</p>",
                 "p: yes & \xC2\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80\n");
    assert_reads("<h3>Sub<em>head</em></h3><p>a <span>b</span>c</p>", "h3: Subhead\np: a bc\n");
    assert_reads("<blockquote><p>q1<blockquote>q2</blockquote></p></blockquote>",
                 "quote: q1\nquote2: q2\n");
    assert_reads("\xEF\xBB\xBF<p>bom\x01\r\nand\xFF</p>", "p: bom and\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_news_site_with_cookie_banner_ads_and_related),
        cmocka_unit_test(test_news_site_with_captions_and_alt_text),
        cmocka_unit_test(test_blog),
        cmocka_unit_test(test_body_not_in_article),
        cmocka_unit_test(test_windows_1252),
        cmocka_unit_test(test_iso_8859_1),
        cmocka_unit_test(test_broken_markup),
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_small_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
