/* The plain-text reader: paragraphs, headline, furniture, streaming. */
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

static const feed_plan whole = {0, 0};

static char *read_text(const char *doc, size_t len, const reader_options *opts)
{
    reader_run run;
    reader_run_doc(READER_TEXT, opts, doc, len, whole, 1, &run);
    assert_int_equal(run.err, NARRATE_OK);
    if (run.map_errors || run.word_errors)
        fail_msg("%s", run.first_error);
    char *out = run.rendered;
    run.rendered = NULL;
    reader_run_free(&run);
    return out;
}

static void assert_golden(const char *page, const char *golden, const reader_options *opts)
{
    char why[512];
    if (!reader_page_matches(READER_TEXT, opts, page, golden, 1, why, sizeof why))
        fail_msg("%s", why);
}

static void test_scraped_article_golden(void **state)
{
    (void)state;
    assert_golden("tests/reader/scraped.txt", "tests/reader/scraped.txt.golden", NULL);
}

static void test_scraped_article_with_captions(void **state)
{
    (void)state;
    reader_options opts = {1, 0};
    assert_golden("tests/reader/scraped.txt", "tests/reader/scraped.captions.golden", &opts);
}

static void assert_reads(const char *doc, const char *want)
{
    char *out = read_text(doc, strlen(doc), NULL);
    assert_string_equal(out, want);
    free(out);
}

static void test_headline_rules(void **state)
{
    (void)state;
    assert_reads("Talks stall - but hope remains\n\nBody text.\n",
                 "title: Talks stall - but hope remains\np: Body text.\n");
    assert_reads("Budget Passes – Daily Ledger\n\nBody.\n", "title: Budget Passes\np: Body.\n");
    assert_reads("The vote was close.\n\nBody.\n", "p: The vote was close.\np: Body.\n");
    assert_reads("Two line\nopening\n\nBody.\n", "p: Two line opening\np: Body.\n");
    assert_reads("Only a headline", "title: Only a headline\n");
    assert_reads("Seats 12 - 13", "title: Seats 12 - 13\n");
    assert_reads("Kyiv Talks Resume \xE2\x80\x94 1994 - 2024", "title: Kyiv Talks Resume \xE2\x80\x94 1994 - 2024\n");
}

static void test_short_body_lines_survive(void **state)
{
    (void)state;
    assert_reads("Lead.\n\nAdvertisement revenue fell.\n\nSource close to the mayor\n\nShare\n\nYes.\n",
                 "p: Lead.\np: Advertisement revenue fell.\np: Source close to the mayor\np: Yes.\n");
}

static void test_whitespace_crlf_bom_and_bad_bytes(void **state)
{
    (void)state;
    assert_reads("\xEF\xBB\xBF" "First.\r\nsame   para\tgoes on.\r\n\r\nNext\x01 one\xFF.\n",
                 "p: First. same para goes on.\np: Next one\xEF\xBF\xBD.\n");
}

static void test_random_chunks_match_one_shot(void **state)
{
    (void)state;
    size_t len;
    char *doc = test_read_file("tests/reader/scraped.txt", &len);
    assert_non_null(doc);
    char *once = read_text(doc, len, NULL);
    for (unsigned seed = 1; seed <= 40; seed++) {
        reader_run run;
        feed_plan plan = {seed % 7 == 0 ? 2 : 1 + seed * 3, seed};
        reader_run_doc(READER_TEXT, NULL, doc, len, plan, 1, &run);
        assert_int_equal(run.err, NARRATE_OK);
        assert_string_equal(run.rendered, once);
        assert_int_equal(run.map_errors + run.word_errors, 0);
        reader_run_free(&run);
    }
    free(once);
    free(doc);
}

/* Joins the blocks' texts (after "p: ") with single spaces. */
static char *join_blocks(const char *rendered)
{
    char *out = malloc(strlen(rendered) + 1);
    size_t n = 0;
    for (const char *line = rendered; *line;) {
        const char *nl = strchr(line, '\n');
        const char *text = strchr(line, ' ') + 1;
        if (n)
            out[n++] = ' ';
        memcpy(out + n, text, (size_t)(nl - text));
        n += (size_t)(nl - text);
        line = nl + 1;
    }
    out[n] = '\0';
    return out;
}

static void assert_cut_blocks(const char *rendered)
{
    for (const char *line = rendered; *line;) {
        const char *nl = strchr(line, '\n');
        assert_true((size_t)(nl - line) - 3 <= READER_MAX_BLOCK_BYTES);
        line = nl + 1;
    }
}

static void test_long_paragraph_is_cut_at_spaces(void **state)
{
    (void)state;
    size_t words = 40000, len = 0;
    char *doc = malloc(words * 8 + 2);
    for (size_t i = 0; i < words; i++)
        len += (size_t)sprintf(doc + len, "%s%zu", i ? " w" : "W", i % 1000);
    doc[len++] = '.';
    doc[len] = '\0';
    char *out = read_text(doc, len, NULL);
    assert_cut_blocks(out);
    char *joined = join_blocks(out);
    assert_string_equal(joined, doc);
    free(joined);
    free(out);
    free(doc);
}

static void test_long_unbroken_text_is_cut_on_utf8_boundaries(void **state)
{
    (void)state;
    size_t len = 3 * 100000;
    char *doc = malloc(len + 2);
    for (size_t i = 0; i < len; i += 3)
        memcpy(doc + i, "\xE2\x82\xAC", 3); /* euro signs */
    doc[len] = '\0';
    reader_run run;
    feed_plan plan = {4097, 7};
    reader_run_doc(READER_TEXT, NULL, doc, len, plan, 1, &run);
    assert_int_equal(run.err, NARRATE_OK);
    assert_int_equal(run.map_errors, 0);
    assert_cut_blocks(run.rendered);
    assert_null(strstr(run.rendered, "\xEF\xBF\xBD"));
    assert_true(run.blocks >= 5);
    reader_run_free(&run);
    free(doc);
}

typedef struct stream_count {
    size_t blocks;
} stream_count;

static int count_block(void *userdata, const reader_block *b)
{
    (void)b;
    ((stream_count *)userdata)->blocks++;
    return 0;
}

/* Blocks come out while the document is still being fed, so a huge input is
 * never held whole: 64 MiB of paragraphs and one 16 MiB line. */
static void test_streams_with_bounded_memory(void **state)
{
    (void)state;
    static char chunk[1 << 16];
    for (size_t i = 0; i < sizeof chunk; i++)
        chunk[i] = (i % 200 >= 198) ? '\n' : (i % 7 == 6) ? ' ' : 'a';
    reader *r;
    assert_int_equal(reader_new(READER_TEXT, NULL, &r), NARRATE_OK);
    stream_count count = {0};
    for (int i = 0; i < 1024; i++)
        assert_int_equal(reader_feed(r, chunk, sizeof chunk, count_block, &count), NARRATE_OK);
    assert_true(count.blocks > 100000);
    memset(chunk, 'b', sizeof chunk);
    size_t before = count.blocks;
    for (int i = 0; i < 256; i++)
        assert_int_equal(reader_feed(r, chunk, sizeof chunk, count_block, &count), NARRATE_OK);
    assert_true(count.blocks >= before + 250);
    assert_int_equal(reader_finish(r, count_block, &count, NULL, 0), NARRATE_OK);
    reader_free(r);
}

static int stop_now(void *userdata, const reader_block *b)
{
    (void)userdata;
    (void)b;
    return 1;
}

static void test_stop_and_call_order(void **state)
{
    (void)state;
    reader *r;
    assert_int_equal(reader_new(READER_TEXT, NULL, &r), NARRATE_OK);
    assert_int_equal(reader_feed(r, "One.\n\nTwo.\n\n", 12, stop_now, NULL), NARRATE_ESTOPPED);
    assert_int_equal(reader_feed(r, "x", 1, stop_now, NULL), NARRATE_ESTOPPED);
    reader_free(r);
    assert_int_equal(reader_new(READER_TEXT, NULL, &r), NARRATE_OK);
    assert_int_equal(reader_finish(r, NULL, NULL, NULL, 0), NARRATE_OK);
    assert_int_equal(reader_feed(r, "x", 1, NULL, NULL), NARRATE_ESTATE);
    reader_free(r);
    assert_int_equal(reader_new((reader_format)99, NULL, &r), NARRATE_EINVAL);
}

/* The seed article, when ../shared is there: no furniture, every paragraph. */
static void test_seed_article(void **state)
{
    (void)state;
    if (!test_shared_dir())
        skip();
    size_t len;
    char *doc = test_read_file("../shared/seed/article.txt", &len);
    if (!doc)
        skip();
    char *out = read_text(doc, len, NULL);
    static const char *const furniture[] = {"Skip to main content", "Credit", "Source link",
                                            "Leave a Reply", "New York Times", NULL};
    for (size_t i = 0; furniture[i]; i++)
        assert_null(strstr(out, furniture[i]));
    assert_true(strncmp(out, "title: Russia-Ukraine War: Live Updates\n", 40) == 0);
    size_t paragraphs = 0;
    for (char *para = doc; para && *para;) {
        char *end = strstr(para, "\n\n");
        size_t n = end ? (size_t)(end - para) : strlen(para);
        if (n > 120) { /* a body paragraph, not furniture */
            char *want = malloc(n + 5);
            sprintf(want, "p: %.*s\n", (int)n, para);
            assert_non_null(strstr(out, want));
            free(want);
            paragraphs++;
        }
        para = end ? end + 2 : NULL;
    }
    assert_true(paragraphs >= 10);
    free(out);
    free(doc);
}

static void test_detect(void **state)
{
    (void)state;
    assert_int_equal(reader_detect("a.HTML", NULL, 0), READER_HTML);
    assert_int_equal(reader_detect("post.md", "hello", 5), READER_MARKDOWN);
    assert_int_equal(reader_detect("notes.markdown", NULL, 0), READER_MARKDOWN);
    assert_int_equal(reader_detect("-", "  <!DOCTYPE html>", 17), READER_HTML);
    assert_int_equal(reader_detect(NULL, "<html lang=en>", 14), READER_HTML);
    assert_int_equal(reader_detect("x.txt", "---\ntitle: a\n", 13), READER_MARKDOWN);
    assert_int_equal(reader_detect(NULL, "# Heading\n", 10), READER_MARKDOWN);
    assert_int_equal(reader_detect("dir.d/file", "Plain words", 11), READER_TEXT);
    assert_int_equal(reader_detect(NULL, NULL, 0), READER_TEXT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scraped_article_golden),
        cmocka_unit_test(test_scraped_article_with_captions),
        cmocka_unit_test(test_headline_rules),
        cmocka_unit_test(test_short_body_lines_survive),
        cmocka_unit_test(test_whitespace_crlf_bom_and_bad_bytes),
        cmocka_unit_test(test_random_chunks_match_one_shot),
        cmocka_unit_test(test_long_paragraph_is_cut_at_spaces),
        cmocka_unit_test(test_long_unbroken_text_is_cut_on_utf8_boundaries),
        cmocka_unit_test(test_streams_with_bounded_memory),
        cmocka_unit_test(test_stop_and_call_order),
        cmocka_unit_test(test_seed_article),
        cmocka_unit_test(test_detect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
