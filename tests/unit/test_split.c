/* norm_split(): input -> expected sentences, and the same cuts however the
 * input is chunked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helper_norm.h"
#include "normalize.h"

typedef struct split_case {
    const char *input;
    const char *sentences; /* expected source of each sentence, trimmed, joined by '|' */
} split_case;

static const split_case cases[] = {
    {"Mr. Xi met Mr. Putin. They talked.", "Mr. Xi met Mr. Putin.|They talked."},
    {"He fought in World War I. London was bombed later.",
     "He fought in World War I.|London was bombed later."},
    {"The rules are in Part C. Officials said so.", "The rules are in Part C.|Officials said so."},
    {"Ulysses S. Grant and John F. Kennedy.", "Ulysses S. Grant and John F. Kennedy."},
    {"Dr. Smith, Prof. Jones and Gen. Lee came.", "Dr. Smith, Prof. Jones and Gen. Lee came."},
    {"Lt. Col. Vindman and Sgt. York spoke.", "Lt. Col. Vindman and Sgt. York spoke."},
    {"Gov. Newsom, Sen. Padilla and Rep. Lee met Rev. Sharpton.",
     "Gov. Newsom, Sen. Padilla and Rep. Lee met Rev. Sharpton."},
    {"St. Louis won. Martin Luther King Jr. spoke.", "St. Louis won.|Martin Luther King Jr. spoke."},
    {"Apple Inc. said so. Acme Corp. and Ford Motor Co. agreed.",
     "Apple Inc. said so.|Acme Corp. and Ford Motor Co. agreed."},
    {"He wore No. 5 vs. them, e.g. in games, i.e. often, etc. and more.",
     "He wore No. 5 vs. them, e.g. in games, i.e. often, etc. and more."},
    {"President Vladimir V. Putin spoke.", "President Vladimir V. Putin spoke."},
    {"Rep. Romney voted no. Gov. Newsom did not.", "Rep. Romney voted no.|Gov. Newsom did not."},
    {"He collects modern art. The rest is lost.", "He collects modern art.|The rest is lost."},
    {"She lives on Elm Dr. The storm hit it.", "She lives on Elm Dr.|The storm hit it."},
    {"She met Prof. Dr. Schmidt on Elm Dr. in May.", "She met Prof. Dr. Schmidt on Elm Dr. in May."},
    {"The loan was Rs. 45 lakh. It was repaid.", "The loan was Rs. 45 lakh.|It was repaid."},
    {"J.R.R. Tolkien wrote it.", "J.R.R. Tolkien wrote it."},
    {"It was held in the U.S. The next round is in the U.K.",
     "It was held in the U.S.|The next round is in the U.K."},
    {"XI WARNS U.S. OVER TAIWAN TIES", "XI WARNS U.S. OVER TAIWAN TIES"},
    {"U.S. officials and U.N. staff met in D.C. on Monday.",
     "U.S. officials and U.N. staff met in D.C. on Monday."},
    {"The E.U. agreed at 10 a.m. Monday and at 4 p.m. The talks ended.",
     "The E.U. agreed at 10 a.m. Monday and at 4 p.m.|The talks ended."},
    {"It began Jan. 5 and ended Sept. 19, 2022. Then peace.",
     "It began Jan. 5 and ended Sept. 19, 2022.|Then peace."},
    {"He lives in Fresno, Calif. and works in Tampa, Fla. now.",
     "He lives in Fresno, Calif. and works in Tampa, Fla. now."},
    {"It moved from Erie, Pa. to Albany, N.Y. in May.", "It moved from Erie, Pa. to Albany, N.Y. in May."},
    {"It grew 3.5 percent. Good.", "It grew 3.5 percent.|Good."},
    {"Wait... what? Yes!", "Wait... what?|Yes!"},
    {"Visit example.com or mail news@example.org today. Thanks.",
     "Visit example.com or mail news@example.org today.|Thanks."},
    {"Mail tips@paper.co.uk. See you.", "Mail tips@paper.co.uk.|See you."},
    {"Go to www.cdc.gov. See the map.", "Go to www.cdc.gov.|See the map."},
    {"He said, \"Go.\" Then he left.", "He said, \"Go.\"|Then he left."},
    {"\xE2\x80\x9CWhy?\xE2\x80\x9D she asked. \xE2\x80\x9CNo.\xE2\x80\x9D",
     "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked.|\xE2\x80\x9CNo.\xE2\x80\x9D"},
    {"(It ended.) Then more.", "(It ended.)|Then more."},
    {"Headline without period\n\nFirst paragraph.", "Headline without period|First paragraph."},
    {"A line\nwrapped here. Next.", "A line\nwrapped here.|Next."},
    {"Credit\xE2\x80\xA6Pool photo. Next one.", "Credit\xE2\x80\xA6Pool photo.|Next one."},
    {"It was 2022. 15 people came.", "It was 2022.|15 people came."},
    {"No period at the end", "No period at the end"},
    {"It was built ca. 1920 by monks. Then more.", "It was built ca. 1920 by monks.|Then more."},
    {"He got his Ph. D. from Yale. Then more.", "He got his Ph. D. from Yale.|Then more."},
    {"Samsung Electronics Co. Ltd. said so. It grew.", "Samsung Electronics Co. Ltd. said so.|It grew."},
    {"Shares of Nvidia Corp. (NVDA) jumped. Then more.", "Shares of Nvidia Corp. (NVDA) jumped.|Then more."},
    {"It sued Apple Inc. [AAPL] today. Then more.", "It sued Apple Inc. [AAPL] today.|Then more."},
    {"It was Apple Inc. \"We lost,\" he said.", "It was Apple Inc.|\"We lost,\" he said."},
    {"Approx. 200 people came. Then more.", "Approx. 200 people came.|Then more."},
    {"The home sold for $1.2m. Oil rose.", "The home sold for $1.2m.|Oil rose."},
    {"He lives in Apartment 4B. Officials said so.", "He lives in Apartment 4B.|Officials said so."},
    {"The film runs 2 hrs. 15 min. Critics loved it.", "The film runs 2 hrs. 15 min.|Critics loved it."},
    {"He is 5 ft. 10 in. tall. Then more.", "He is 5 ft. 10 in. tall.|Then more."},
    {"He ran it in 29 sec. Traffic stopped.", "He ran it in 29 sec.|Traffic stopped."},
    {"See sec. 5 of the act. Then more.", "See sec. 5 of the act.|Then more."},
    {"It spent $5bn on R&D. Send tips.", "It spent $5bn on R&D.|Send tips."},
    {"It reads at 7,000 MB/s. AMD said so.", "It reads at 7,000 MB/s.|AMD said so."},
    {"It was announced on 30 Oct. Take two.", "It was announced on 30 Oct.|Take two."},
    {"Sales fell in 2025. iPhone sales rose.", "Sales fell in 2025.|iPhone sales rose."},
    {"The U.S. iPhone market grew. Then more.", "The U.S. iPhone market grew.|Then more."},
    {"The deal closed Oct. 30, 2023. Then more.", "The deal closed Oct. 30, 2023.|Then more."},
    {"The meeting ended at 4 p.m. Officials said nothing.", "The meeting ended at 4 p.m.|Officials said nothing."},
    {"The deadline is 5 p.m. Friday. Then more.", "The deadline is 5 p.m. Friday.|Then more."},
    {"Polls close at 8 p.m. Eastern time. Then more.", "Polls close at 8 p.m. Eastern time.|Then more."},
    {"It opens at 9 a.m. Jan. 5 in Paris.", "It opens at 9 a.m. Jan. 5 in Paris."},
    {"It starts at 5 p.m. ET on Monday.", "It starts at 5 p.m. ET on Monday."},
    {"It began at 7 a.m. (0500 GMT) on Friday. Then more.", "It began at 7 a.m. (0500 GMT) on Friday.|Then more."},
    {"He is from St. Petersburg, Fla. Officials said so.", "He is from St. Petersburg, Fla.|Officials said so."},
    {"Officials in St. Paul, Minn., said so. Then more.", "Officials in St. Paul, Minn., said so.|Then more."},
    {"The Calif. Supreme Court ruled. Then more.", "The Calif. Supreme Court ruled.|Then more."},
    {"It happened in Tallahassee, Fla. Officials said so.", "It happened in Tallahassee, Fla.|Officials said so."},
    {"Fla. Gov. Ron DeSantis and N.Y. Gov. Kathy Hochul spoke.",
     "Fla. Gov. Ron DeSantis and N.Y. Gov. Kathy Hochul spoke."},
    {"The game is on Sat. Highs will reach 90.", "The game is on Sat.|Highs will reach 90."},
    {"Rain is due by Fri. The storm moves east.", "Rain is due by Fri.|The storm moves east."},
    {"It opens on Sat. Jan. 5 at noon.", "It opens on Sat. Jan. 5 at noon."},
    {"The panel makes 450 W. The price fell.", "The panel makes 450 W.|The price fell."},
    {"It is at 1101 W. McKinley Ave.", "It is at 1101 W. McKinley Ave."},
    {"Warner Bros. Discovery said so. He bought it from Warner Bros. The deal closed.",
     "Warner Bros. Discovery said so.|He bought it from Warner Bros.|The deal closed."},
    {"Asst. Coach Jones met Ofc. Smith in Rm. 210 of Bldg. 7 on Rte. 66. Then more.",
     "Asst. Coach Jones met Ofc. Smith in Rm. 210 of Bldg. 7 on Rte. 66.|Then more."},
    {"She was treated at M.D. Anderson Cancer Center. He earned his M.D. The next year he moved.",
     "She was treated at M.D. Anderson Cancer Center.|He earned his M.D.|The next year he moved."},
    {"Drs. Smith and Jones wrote it. Then more.", "Drs. Smith and Jones wrote it.|Then more."},
    {"He left at 6 a.m. \"We won,\" he said.", "He left at 6 a.m.|\"We won,\" he said."},
    {"Over 2,000 people, incl. 500 children, fled. Then more.", "Over 2,000 people, incl. 500 children, fled.|Then more."},
};

/* Splits text as a streaming caller does, feeding `chunk` bytes at a time
 * (0: all at once); writes the trimmed sentences joined by '|' into out. */
static void split_all(const norm_data *d, const char *text, size_t chunk, char *out, size_t outsz)
{
    size_t len = strlen(text), have = 0, start = 0, o = 0;
    out[0] = '\0';
    for (int at_end = 0; at_end < 2;) {
        size_t n = start < have ? norm_split(d, text + start, have - start, at_end && have == len) : 0;
        if (n == 0) {
            if (have < len)
                have = chunk && have + chunk < len ? have + chunk : len;
            else
                at_end++;
            continue;
        }
        assert_true(n <= have - start);
        const char *s = text + start;
        size_t e = n;
        while (e > 0 && strchr(" \n\t\r", s[e - 1]))
            e--;
        size_t b = 0;
        while (b < e && strchr(" \n\t\r", s[b]))
            b++;
        if (e > b && o + (e - b) + 2 < outsz) {
            if (o)
                out[o++] = '|';
            memcpy(out + o, s + b, e - b);
            o += e - b;
            out[o] = '\0';
        }
        start += n;
        if (start == len)
            break;
    }
}

static void test_cases(void **state)
{
    const norm_data *d = *state;
    char got[2048];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        split_all(d, cases[i].input, 0, got, sizeof got);
        if (strcmp(got, cases[i].sentences) != 0)
            fail_msg("case %zu: %s\n  expected: %s\n  got:      %s", i, cases[i].input,
                     cases[i].sentences, got);
    }
}

static void test_chunking_invariant(void **state)
{
    const norm_data *d = *state;
    char whole[2048], chunked[2048];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        split_all(d, cases[i].input, 0, whole, sizeof whole);
        for (size_t chunk = 1; chunk <= 7; chunk++) {
            split_all(d, cases[i].input, chunk, chunked, sizeof chunked);
            if (strcmp(whole, chunked) != 0)
                fail_msg("case %zu chunk %zu: %s\n  whole:   %s\n  chunked: %s", i, chunk,
                         cases[i].input, whole, chunked);
        }
    }
}

static void test_overlong_cut(void **state)
{
    const norm_data *d = *state;
    char text[3000];
    size_t n = 0;
    while (n + 20 < sizeof text - 1) {
        memcpy(text + n, "word word, word word ", 21);
        n += 21;
    }
    text[n] = '\0';
    size_t cut = norm_split(d, text, n, 0);
    assert_true(cut > 0 && cut <= NORM_SENTENCE_MAX_BYTES + 64);
    assert_true(text[cut - 1] == ' ' && text[cut - 2] == ',');
    /* no break at all: cut on a UTF-8 boundary */
    for (size_t k = 0; k + 2 <= 2000; k += 2)
        memcpy(text + k, "\xC3\xA9", 2);
    cut = norm_split(d, text, 2000, 0);
    assert_true(cut > 0 && cut <= NORM_SENTENCE_MAX_BYTES);
    assert_true(((unsigned char)text[cut] & 0xC0) != 0x80);
}

static void test_needs_more(void **state)
{
    const norm_data *d = *state;
    assert_int_equal(norm_split(d, "Hello there", 11, 0), 0);
    assert_int_equal(norm_split(d, "Hello there.", 12, 0), 0);
    assert_int_equal(norm_split(d, "Hello there. ", 13, 0), 0);
    assert_int_equal(norm_split(d, "Hello there. T", 14, 0), 13);
    assert_int_equal(norm_split(d, "In the U.S. Th", 14, 0), 0);
    assert_int_equal(norm_split(d, "Hello there", 11, 1), 11);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_chunking_invariant),
        cmocka_unit_test(test_overlong_cut),
        cmocka_unit_test(test_needs_more),
    };
    return cmocka_run_group_tests(tests, norm_setup, norm_teardown);
}
