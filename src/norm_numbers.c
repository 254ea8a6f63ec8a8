/* Number expanders: cardinals by groups of three, ordinals and plurals by
 * rewriting the last word, years by pairs. */
#include "norm_numbers.h"

#include <string.h>

static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six",
                                   "seven", "eight", "nine", "ten", "eleven", "twelve",
                                   "thirteen", "fourteen", "fifteen", "sixteen",
                                   "seventeen", "eighteen", "nineteen"};
static const char *const tens[] = {"", "", "twenty", "thirty", "forty", "fifty",
                                   "sixty", "seventy", "eighty", "ninety"};
static const char *const scales[] = {"", "thousand", "million", "billion", "trillion",
                                     "quadrillion", "quintillion", "sextillion",
                                     "septillion", "octillion", "nonillion", "decillion"};

static void word(nbuf *b, const char *w)
{
    if (b->len && b->p[b->len - 1] != ' ')
        nbuf_putc(b, ' ');
    nbuf_puts(b, w);
}

/* Appends 1..999; v == 0 appends nothing. */
static void below_thousand(nbuf *b, int v)
{
    if (v >= 100) {
        word(b, ones[v / 100]);
        word(b, "hundred");
        v %= 100;
    }
    if (v >= 20) {
        word(b, tens[v / 10]);
        v %= 10;
    }
    if (v > 0)
        word(b, ones[v]);
}

long num_value(const char *d, size_t n)
{
    if (n == 0 || n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

void num_digits(nbuf *b, const char *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        word(b, ones[d[i] - '0']);
}

void num_cardinal(nbuf *b, const char *d, size_t n)
{
    while (n > 1 && d[0] == '0')
        d++, n--;
    if (n == 0)
        return;
    if (n > 36) {
        num_digits(b, d, n);
        return;
    }
    if (n == 1 && d[0] == '0') {
        word(b, "zero");
        return;
    }
    size_t first = n % 3 ? n % 3 : 3;
    for (size_t i = 0; i < n; i = (i == 0 ? first : i + 3)) {
        size_t glen = i == 0 ? first : 3;
        int v = (int)num_value(d + i, glen);
        size_t scale = (n - i - glen) / 3;
        below_thousand(b, v);
        if (v && scale)
            word(b, scales[scale]);
    }
}

void num_ordinal(nbuf *b, const char *d, size_t n)
{
    size_t from = b->len;
    num_cardinal(b, d, n);
    words_make_ordinal(b, from);
}

static size_t last_word(const nbuf *b, size_t from)
{
    size_t i = b->len;
    while (i > from && b->p[i - 1] != ' ')
        i--;
    return i;
}

static void replace_tail(nbuf *b, size_t at, const char *w)
{
    b->len = at;
    nbuf_puts(b, w);
}

void words_make_ordinal(nbuf *b, size_t from)
{
    static const char *const irregular[][2] = {
        {"one", "first"}, {"two", "second"}, {"three", "third"}, {"five", "fifth"},
        {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"}};
    if (b->oom || b->len == from)
        return;
    size_t at = last_word(b, from);
    const char *w = b->p + at;
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strcmp(w, irregular[i][0]) == 0) {
            replace_tail(b, at, irregular[i][1]);
            return;
        }
    if (b->p[b->len - 1] == 'y') {
        b->len--;
        nbuf_puts(b, "ieth");
    } else {
        nbuf_puts(b, "th");
    }
}

void words_make_plural(nbuf *b, size_t from)
{
    if (b->oom || b->len == from)
        return;
    char last = b->p[b->len - 1];
    if (last == 'y') {
        b->len--;
        nbuf_puts(b, "ies");
    } else if (last == 'x' || last == 's') {
        nbuf_puts(b, "es");
    } else {
        nbuf_putc(b, 's');
    }
}

void num_pair(nbuf *b, const char *d)
{
    if (d[0] == '0') {
        word(b, "oh");
        if (d[1] == '0')
            word(b, "oh");
        else
            num_cardinal(b, d + 1, 1);
    } else {
        num_cardinal(b, d, 2);
    }
}

void num_year(nbuf *b, const char *d, size_t n)
{
    long y = num_value(d, n);
    if (n == 2 && d[0] == '0' && d[1] != '0') { /* "'05", "2004-05": oh five */
        word(b, "oh");
        word(b, ones[y]);
        return;
    }
    if (n == 2 && y == 0) { /* "'00s", "10/10/00", "1999-00": the year 2000 */
        word(b, "two");
        word(b, "thousand");
        return;
    }
    if (n == 3 && y % 100 != 0) { /* "340 AD" three forty, "105 BC" one oh five */
        word(b, ones[d[0] - '0']);
        num_year(b, d + 1, 2);
        return;
    }
    if (n != 4 || d[0] == '0' || y % 1000 == 0 || (y >= 2000 && y <= 2009)) {
        num_cardinal(b, d, n);
        return;
    }
    num_cardinal(b, d, 2);
    if (y % 100 == 0) {
        word(b, "hundred");
    } else if (y % 100 < 10) {
        word(b, "oh");
        word(b, ones[y % 10]);
    } else {
        num_cardinal(b, d + 2, 2);
    }
}

void num_decimal(nbuf *b, const char *ip, size_t in, const char *fp, size_t fn)
{
    if (in)
        num_cardinal(b, ip, in);
    word(b, "point");
    num_digits(b, fp, fn);
}

void num_denominator(nbuf *b, const char *d, size_t n, int plural)
{
    long v = num_value(d, n);
    if (v == 2) {
        word(b, plural ? "halves" : "half");
        return;
    }
    if (v == 4) {
        word(b, plural ? "quarters" : "quarter");
        return;
    }
    size_t from = b->len;
    num_ordinal(b, d, n);
    if (plural)
        words_make_plural(b, from);
}
