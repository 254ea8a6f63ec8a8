/* Baseball averages: a three-digit fraction without its zero, read as the
 * sport reads it ("hitting .312" three twelve, "a .300 hitter" three
 * hundred, a slash line ".289/.370/.512"), where average_contexts.tsv or a
 * slash line says it is one. */
#include "norm_numbers.h"
#include "norm_rules.h"

/* Whether an average starts at token i: ".", then three digits, the first
 * not 0. */
static int average_at(const nctx *c, size_t i)
{
    return tk_punct(c, i, '.') && tk_num(c, i + 1) && tk_len(c, i + 1) == 3 && tk_p(c, i + 1)[0] != '0';
}

/* The end of a slash line of two averages or more starting at i, or i. */
static size_t slash_line_end(const nctx *c, size_t i)
{
    size_t e = i + 2, parts = 1;
    while (tk_punct(c, e, '/') && average_at(c, e + 1)) {
        e += 3;
        parts++;
    }
    return parts > 1 ? e : i;
}

/* m->kind: the number of averages. */
int match_average(const nctx *c, size_t i, nmatch *m)
{
    if (!average_at(c, i) || (i > 0 && !tk_space(c, i - 1) && !tk_punct(c, i - 1, '(')))
        return 0;
    size_t e = slash_line_end(c, i);
    if (e != i) {
        m->kind = (int)((e - i + 1) / 3);
    } else {
        e = i + 2;
        size_t pv = tk_prev(c, i);
        int before = pv != SIZE_MAX && tk_table_word(c, &c->d->averages, pv, "before");
        int after = tk_space(c, e) && tk_table_word(c, &c->d->averages, e + 1, "after");
        if (!(before || after))
            return 0;
        m->kind = 1;
    }
    if (tk_word(c, e) || tk_num(c, e) || (tk_punct(c, e, '.') && tk_num(c, e + 1)))
        return 0;
    m->end = e;
    return 1;
}

/* "312" three twelve, "300" three hundred, "305" three oh five. */
static void tmp_average(nctx *c, const char *d)
{
    num_cardinal(&c->tmp, d, 1);
    if (d[1] == '0' && d[2] == '0')
        tmp_words(c, "hundred");
    else
        num_pair(&c->tmp, d + 1);
}

void expand_average(nctx *c, size_t i, const nmatch *m)
{
    for (int k = 0; k < m->kind; k++) {
        size_t at = i + 3 * (size_t)k;
        if (k)
            emit_pause(c, ',');
        tmp_average(c, tk_p(c, at + 1));
        emit_tmp(c, at, at + 2 + (k + 1 < m->kind));
    }
}
