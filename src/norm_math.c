/* Arithmetic: "1-2=5" one minus two equals five, "y = x + 1", "2*8" two times
 * eight, "25 x 7 m" twenty five by seven meters; multiples: "10x faster" ten
 * times faster. */
#include <string.h>

#include "norm_numbers.h"
#include "norm_rules.h"

/* The word for an operator token, or NULL.  '/' is "divided by" only inside an
 * equation (elsewhere it makes fractions and dates). */
static const char *op_word(const nctx *c, size_t i)
{
    if (tk_kind(c, i) != TK_PUNCT)
        return NULL;
    switch (c->tok[i].cp) {
    case '=': return "equals";
    case '+': return "plus";
    case '-': case 0x2212: return "minus";
    case '*': case 0xD7: return "times";
    case '/': case 0xF7: return "divided by";
    default: return NULL;
    }
}

/* An operand at j: a number, or a single letter ("x", "y"); returns its end. */
static size_t operand_end(const nctx *c, size_t j)
{
    if (tk_word(c, j) && tk_len(c, j) == 1)
        return tk_word(c, j + 1) || tk_num(c, j + 1) ? 0 : j + 1;
    if (!tk_num(c, j))
        return 0;
    nnum n;
    return parse_number(c, j, &n) && !n.neg && !n.plus ? n.end : 0;
}

static size_t skip_space(const nctx *c, size_t j) { return tk_space(c, j) && tk_len(c, j) == 1 ? j + 1 : j; }

/* Whether token o is the letter x between two numbers ("25 x 7", "2x8"). */
static int times_x(const nctx *c, size_t o, size_t before)
{
    return tk_word(c, o) && tk_is(c, o, "x") && tk_num(c, before) && tk_num(c, skip_space(c, o + 1));
}

/* operand (op operand)+ with at least one number, and either '=' or a
 * multiplication sign between numbers; "2-5" alone is a range, "1/2" a
 * fraction.  m->kind is set for dimensions ("25 x 7 m": multiplication signs
 * alone), whose last number is left to the rules after (it may take a unit). */
int match_math(const nctx *c, size_t i, nmatch *m)
{
    size_t e = operand_end(c, i), last = i;
    int nums = tk_num(c, i), eq = 0, mul = 0, ops = 0, dims = 1;
    if (!e || (i > 0 && (tk_word(c, i - 1) || tk_num(c, i - 1) || op_word(c, i - 1))))
        return 0;
    for (;;) {
        size_t o = skip_space(c, e);
        int x = times_x(c, o, e - 1);
        const char *w = x ? "times" : op_word(c, o);
        size_t j = w ? skip_space(c, o + 1) : 0;
        size_t f = w ? operand_end(c, j) : 0;
        if (!f)
            break;
        eq |= !x && c->tok[o].cp == '=';
        mul |= w[0] == 't' && tk_num(c, j) && tk_num(c, e - 1);
        dims &= x || c->tok[o].cp == 0xD7;
        ops++;
        nums += tk_num(c, j);
        last = j;
        e = f;
    }
    int unit = dims && tk_word(c, e) && tk_lookup(c, &c->d->units, e, ""); /* "4x100m" */
    if (!ops || !nums || !(eq || mul) || (tk_word(c, e) && !unit) || tk_num(c, e))
        return 0;
    m->kind = dims;
    m->end = m->kind ? last : e;
    return 1;
}

void expand_math(nctx *c, size_t i, const nmatch *m)
{
    size_t j = i;
    while (j < m->end) {
        if (tk_space(c, j)) {
            j++;
            continue;
        }
        const char *w = times_x(c, j, tk_prev(c, j)) ? "times" : op_word(c, j);
        if (w) {
            if (m->kind)
                w = "by";
            emit(c, w, strlen(w), j, j + 1);
            j++;
            continue;
        }
        size_t e = operand_end(c, j);
        nnum n;
        if (tk_num(c, j) && parse_number(c, j, &n))
            tmp_number(c, &n);
        else
            tmp_word(c, tk_p(c, j), tk_len(c, j));
        emit_tmp(c, j, e);
        j = e;
    }
}

/* A number with an x glued after it and nothing glued after that, outside a
 * formula: "10x faster", "grew 3X", "1.5x", but "y = 2x + 1". */
int match_multiple(const nctx *c, size_t i, nmatch *m)
{
    nnum n;
    if (!parse_number(c, i, &n) || n.neg || n.plus)
        return 0;
    size_t x = n.end;
    if (!tk_word(c, x) || !tk_ieq(c, x, "x") || tk_word(c, x + 1) ||
        tk_num(c, x + 1) || op_word(c, skip_space(c, x + 1)))
        return 0;
    size_t before = tk_prev(c, i);
    if (before != SIZE_MAX && op_word(c, before))
        return 0;
    if (i > 0 && tk_word(c, i - 1))
        return 0; /* a model name: "GDDR6X" */
    if (tk_is(c, x, "X") && !n.fp && !n.commas && n.in >= 3)
        return 0; /* a model: "the 777X", "Ryzen 9 7950X"; but "10X", "1.5X" */
    m->num = n;
    m->end = x + 1;
    return 1;
}

void expand_multiple(nctx *c, size_t i, const nmatch *m)
{
    tmp_number(c, &m->num);
    tmp_words(c, "times");
    emit_tmp(c, i, m->end);
}
