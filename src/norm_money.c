/* Money: a currency (symbol before or code after), an amount, and an optional
 * scale ("$1.2 trillion", "$25m", "£20bn", "$0.99", "88.5 million HRK"); counts
 * with an attached scale ("1.2m people"). */
#include <string.h>

#include "norm_numbers.h"
#include "norm_rules.h"

/* A scale word after an amount at j: attached abbreviations (25m, 20bn) or
 * spaced or hyphenated words (1.2 trillion, 5-million).  Returns the row and
 * sets *end. */
static const nrow *scale_at(const nctx *c, size_t j, size_t *end)
{
    const nrow *r;
    if (tk_word(c, j)) {
        r = tk_lookup(c, &c->d->scales, j, "");
        if (r && !tk_word(c, j + 1) && !tk_num(c, j + 1)) {
            *end = j + 1;
            return r;
        }
        return NULL;
    }
    if ((tk_space(c, j) || tk_punct(c, j, '-')) && tk_word(c, j + 1)) {
        r = tk_lookup(c, &c->d->scales, j + 1, "");
        if (r && nslice_is(r->col[2], "spaced")) {
            *end = j + 2;
            return r;
        }
    }
    return NULL;
}

/* A currency symbol or prefix code made of the tokens [i, j) before a number;
 * the longest wins ("Rs.10" is Rs. and 10, not Rs and .10). */
static const nrow *prefix_currency(const nctx *c, size_t i, size_t *num_at)
{
    for (size_t j = i + 2; j > i; j--) {
        if (j > c->n)
            continue;
        size_t start = c->tok[i].off, end = c->tok[j - 1].off + c->tok[j - 1].len;
        size_t at = tk_space(c, j) && tk_word(c, i) ? j + 1 : j;
        if (!(tk_num(c, at) || (tk_punct(c, at, '.') && tk_num(c, at + 1))))
            continue;
        const nrow *r = ntable_get(&c->d->currency, c->t + start, end - start);
        if (r) {
            *num_at = at;
            return r;
        }
    }
    return NULL;
}

int match_money(const nctx *c, size_t i, nmatch *m)
{
    size_t at = i;
    m->row = NULL;
    if (!tk_num(c, i) && !tk_num(c, i + 1) && !tk_num(c, i + 2) && !tk_num(c, i + 3))
        return 0; /* no amount near */
    if (tk_kind(c, i) == TK_PUNCT || tk_word(c, i))
        m->row = prefix_currency(c, i, &at);
    if (!m->row && !tk_num(c, i))
        return 0;
    if (!parse_number(c, at, &m->num))
        return 0;
    size_t e = m->num.end;
    m->row2 = scale_at(c, e, &e);
    m->kind = 0;
    if (m->row && !m->row2 && tk_dash(c, e) && parse_number(c, e + 1, &m->num2) && !m->num2.neg) {
        /* "$5-10 million", "$5-10": the scale and currency belong to both */
        size_t e2 = m->num2.end;
        m->row2 = scale_at(c, e2, &e2);
        m->kind = m->row2 || (!m->num.fp && !m->num2.fp && !tk_word(c, e2) && !tk_num(c, e2));
        if (m->kind)
            e = e2;
    }
    if (!m->row) {
        if (!tk_space(c, e) || !tk_word(c, e + 1))
            return 0;
        const nrow *r = tk_lookup(c, &c->d->currency, e + 1, "");
        if (!r || !nslice_is(r->col[5], "code"))
            return 0;
        m->row = r;
        e += 2;
    } else if (tk_word(c, e) || tk_num(c, e)) {
        return 0;
    }
    m->a = 0;
    if (tk_punct(c, e, '/') && tk_word(c, e + 1) && !tk_word(c, e + 2) && !tk_num(c, e + 2) &&
        (m->num2.ip = NULL, tk_lookup(c, &c->d->units, e + 1, ""))) {
        m->a = e + 1;
        e += 2;
    }
    m->end = e;
    return 1;
}

/* The minor unit when the amount has one or two decimals and no scale
 * ("$0.99", "$20.5" twenty dollars fifty cents). */
static int has_cents(const nmatch *m)
{
    return !m->row2 && m->num.fp && (m->num.fn == 1 || m->num.fn == 2) && m->row->col[3].len;
}

/* A whole amount of four digits or fewer without a scale: a price, fee or
 * fine, which describes a noun after it in the singular ("a $20 fine" twenty
 * dollar fine); longer figures keep the plural ("a $133,000 grant"). */
static int price(const nmatch *m) { return !m->row2 && !m->kind && !m->num.fp && m->num.in <= 4; }

/* Whether the amount describes the noun after it: by the words around it
 * (amount_before_noun), or by a hyphen before its scale ("the $1.2-trillion
 * infrastructure bill"). */
static int describes_noun(const nctx *c, size_t i, const nmatch *m)
{
    if (m->row2 && !m->kind && tk_punct(c, m->num.end, '-') && tk_space(c, m->end) && tk_word(c, m->end + 1))
        return 1;
    return amount_before_noun(c, i, m->end);
}

static void tmp_unit(nctx *c, const nrow *cur, int one, int minor)
{
    tmp_slice(c, cur->col[minor ? (one ? 3 : 4) : (one ? 1 : 2)]);
}

void expand_money(nctx *c, size_t i, const nmatch *m)
{
    const nnum *n = &m->num;
    if (has_cents(m)) {
        int whole = !(n->in == 0 || (n->in == 1 && n->ip[0] == '0'));
        if (whole) {
            num_cardinal(&c->tmp, n->ip, n->in);
            tmp_unit(c, m->row, n->in == 1 && n->ip[0] == '1', 0);
        }
        char cents[2] = {n->fp[0], n->fn == 2 ? n->fp[1] : '0'};
        if (!(cents[0] == '0' && cents[1] == '0')) {
            num_cardinal(&c->tmp, cents, 2);
            tmp_unit(c, m->row, cents[0] == '0' && cents[1] == '1', 1);
        } else if (!whole) {
            tmp_words(c, "zero");
            tmp_unit(c, m->row, 0, 0);
        }
    } else {
        tmp_number(c, n);
        if (m->kind) {
            tmp_words(c, "to");
            tmp_number(c, &m->num2);
        }
        if (m->row2)
            tmp_slice(c, m->row2->col[1]);
        int singular = (!m->row2 && num_is_one(n)) || ((m->row2 || price(m)) && describes_noun(c, i, m));
        tmp_unit(c, m->row, singular, 0);
    }
    if (m->a) {
        tmp_words(c, "per");
        tmp_slice(c, tk_lookup(c, &c->d->units, m->a, "")->col[1]);
    }
    emit_tmp(c, i, m->end);
}

/* ---- counts with an attached scale: "1.2m people", "2bn users" ---- */

/* A number and an attached scale abbreviation: before a counted_nouns.tsv
 * word, or alone when the abbreviation has two letters or more and is no
 * unit ("12.5bn yuan"; "3m" alone is meters, "5b" a label). */
int match_count(const nctx *c, size_t i, nmatch *m)
{
    if (!parse_number(c, i, &m->num) || m->num.neg)
        return 0;
    size_t e = m->num.end;
    if (!tk_word(c, e) || tk_num(c, e + 1) || tk_word(c, e + 1))
        return 0;
    m->row2 = tk_lookup(c, &c->d->scales, e, "");
    if (!m->row2 || nslice_is(m->row2->col[2], "spaced"))
        return 0;
    const nrow *noun = (tk_space(c, e + 1) || tk_punct(c, e + 1, '-')) && tk_word(c, e + 2)
                           ? tk_lookup(c, &c->d->counted, e + 2, "") /* "2bn users", "a 7B-parameter model" */
                           : NULL;
    int unit = tk_lookup(c, &c->d->units, e, "") != NULL;
    if (noun && unit && nslice_is(noun->col[1], "no_unit"))
        noun = NULL; /* "a 3m model" is meters */
    if (!noun && (tk_len(c, e) < 2 || unit))
        return 0;
    m->end = e + 1;
    return 1;
}

void expand_count(nctx *c, size_t i, const nmatch *m)
{
    tmp_number(c, &m->num);
    tmp_slice(c, m->row2->col[1]);
    emit_tmp(c, i, m->end);
}
