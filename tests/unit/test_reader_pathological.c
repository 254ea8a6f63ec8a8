/* Hostile documents: each is read (or refused with a message) in under 5 s. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_reader.h"

#define TIME_LIMIT 5.0
#define VALGRIND_SLOWDOWN 40 /* make leakcheck runs these under valgrind (VALGRIND=1) */

static char *repeat(const char *head, const char *unit, size_t times, const char *tail,
                    size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *doc = malloc(hl + ul * times + tl + 1);
    memcpy(doc, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(doc + hl + i * ul, unit, ul);
    memcpy(doc + hl + ul * times, tail, tl + 1);
    *len = hl + ul * times + tl;
    return doc;
}

/* Reads doc within the time limit; a refusal must say why.  Returns the run. */
static void read_quickly(reader_format fmt, char *doc, size_t len, reader_run *run)
{
    double start = reader_now();
    feed_plan plan = {0, 0};
    reader_run_doc(fmt, NULL, doc, len, plan, 0, run);
    double took = reader_now() - start;
    const char *valgrind = getenv("VALGRIND");
    double limit = valgrind && strcmp(valgrind, "1") == 0 ? TIME_LIMIT * VALGRIND_SLOWDOWN : TIME_LIMIT;
    if (took > limit)
        fail_msg("took %.2f s", took);
    assert_true(run->err == NARRATE_OK || (run->err == NARRATE_EINVAL && run->errmsg[0]));
    assert_int_equal(run->map_errors, 0);
    free(doc);
}

/* Reads head + times * unit + tail quickly; returns the blocks read. */
static size_t read_repeated(reader_format fmt, const char *head, const char *unit, size_t times,
                            const char *tail)
{
    size_t len;
    char *doc = repeat(head, unit, times, tail, &len);
    reader_run run;
    read_quickly(fmt, doc, len, &run);
    size_t blocks = run.blocks;
    reader_run_free(&run);
    return blocks;
}

static void test_deeply_nested_divs(void **state)
{
    (void)state;
    read_repeated(READER_HTML, "<html><body>", "<div>", 25000, "deep text</body></html>");
}

static void test_many_open_comments(void **state)
{
    (void)state;
    read_repeated(READER_HTML, "<p>before</p>", "<!--", 300000, "<p>after</p>");
}

static void test_billion_laughs_is_not_expanded(void **state)
{
    (void)state;
    static const char doc[] =
        "<!DOCTYPE html [<!ENTITY lol \"lol\">"
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">"
        "]><html><body><p>&lol9;</p></body></html>";
    reader_run run;
    read_quickly(READER_HTML, strdup(doc), sizeof doc - 1, &run);
    assert_true(strlen(run.rendered) < sizeof doc);
    assert_null(strstr(run.rendered, "lollol"));
    reader_run_free(&run);
}

static void test_ten_megabyte_text_node(void **state)
{
    (void)state;
    read_repeated(READER_HTML, "<html><body><p>", "word ", 2 * 1024 * 1024, "</p></body></html>");
}

static void test_ten_megabyte_text_line(void **state)
{
    (void)state;
    assert_true(read_repeated(READER_TEXT, "", "word ", 2 * 1024 * 1024, "") >= 160);
}

static void test_deeply_nested_markdown(void **state)
{
    (void)state;
    static const char *const units[] = {">", "> ", "- ", "1. ", "* > "};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        read_repeated(READER_MARKDOWN, "", units[i], 10000, "text\n");
    }
    read_repeated(READER_MARKDOWN, "", "- item\n  ", 10000, "end\n");
}

static void test_many_markdown_emphasis_and_links(void **state)
{
    (void)state;
    read_repeated(READER_MARKDOWN, "", "*a **b [c](", 50000, "\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deeply_nested_divs),
        cmocka_unit_test(test_many_open_comments),
        cmocka_unit_test(test_billion_laughs_is_not_expanded),
        cmocka_unit_test(test_ten_megabyte_text_node),
        cmocka_unit_test(test_ten_megabyte_text_line),
        cmocka_unit_test(test_deeply_nested_markdown),
        cmocka_unit_test(test_many_markdown_emphasis_and_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
