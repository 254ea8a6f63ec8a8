/* Numbers joined by dots that are neither decimals nor dates: IP addresses
 * ("10.0.0.1" one zero dot zero dot zero dot one) and version numbers ("17.2.1"
 * seventeen point two point one). */
#include "norm_numbers.h"
#include "norm_rules.h"

/* Numbers of at most `maxlen` digits joined by single dots from i; returns how
 * many and sets *end past the last.  Stops before a dot that ends the text. */
static int dotted_numbers(const nctx *c, size_t i, size_t maxlen, size_t *end)
{
    int k = 0;
    size_t j = i;
    while (tk_num(c, j) && tk_len(c, j) <= maxlen) {
        k++;
        *end = j + 1;
        if (!tk_punct(c, j + 1, '.') || !tk_num(c, j + 2))
            break;
        j += 2;
    }
    return k;
}

static int starts_alone(const nctx *c, size_t i)
{
    return i == 0 || tk_space(c, i - 1) || (tk_kind(c, i - 1) == TK_PUNCT && !tk_punct(c, i - 1, '.'));
}

/* Emits the numbers of [i, end) one by one, `dot` between them; each read
 * digit by digit when `digits`, else as a cardinal (leading zeros spelled). */
static void expand_parts(nctx *c, size_t i, size_t end, const char *dot, int digits)
{
    for (size_t j = i; j < end; j += 2) {
        const char *p = tk_p(c, j);
        size_t n = tk_len(c, j);
        if (j > i)
            tmp_words(c, dot);
        if (digits || (n > 1 && p[0] == '0'))
            num_digits(&c->tmp, p, n);
        else
            num_cardinal(&c->tmp, p, n);
        emit_tmp(c, j > i ? j - 1 : j, j + 1);
    }
}

/* ---- IP addresses: four numbers up to 255 joined by dots ---- */

int match_ip(const nctx *c, size_t i, nmatch *m)
{
    size_t e;
    if (!starts_alone(c, i) || dotted_numbers(c, i, 3, &e) != 4 || tk_word(c, e))
        return 0;
    for (size_t j = i; j < e; j += 2)
        if (num_value(tk_p(c, j), tk_len(c, j)) > 255)
            return 0;
    m->end = e;
    return 1;
}

void expand_ip(nctx *c, size_t i, const nmatch *m) { expand_parts(c, i, m->end, "dot", 1); }

/* ---- version numbers: three or four numbers joined by dots ---- */

/* 555.123.4567 is a phone number written with dots, left to the phone rule. */
static int phone_shaped(const nctx *c, size_t i)
{
    return tk_len(c, i) == 3 && tk_len(c, i + 2) == 3 && tk_len(c, i + 4) == 4;
}

int match_version(const nctx *c, size_t i, nmatch *m)
{
    size_t e;
    int k = dotted_numbers(c, i, 4, &e);
    if (!starts_alone(c, i) || k < 3 || k > 4 || tk_word(c, e) || (k == 3 && phone_shaped(c, i)))
        return 0;
    m->end = e;
    return 1;
}

void expand_version(nctx *c, size_t i, const nmatch *m) { expand_parts(c, i, m->end, "point", 0); }
