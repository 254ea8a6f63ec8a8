/* Measures and percentages: 5 km, 30°C, 65 mph, 10-km, 587.2/km2, 93%,
 * heights in feet and inches (6'2"). */
#include <strings.h>

#include "norm_numbers.h"
#include "norm_rules.h"

/* Whether a straight double quote at j would close a quotation: an odd
 * number of them stand before it in the sentence ("he said \"I was 2\""),
 * not counting inch marks right after a number ("6\"-12\""). */
static int closes_quote(const nctx *c, size_t j)
{
    size_t marks = 0;
    for (size_t k = 0; k < j; k++)
        marks += tk_punct(c, k, '"') && !(k > 0 && tk_num(c, k - 1));
    return marks % 2;
}

/* The longest unit (up to four tokens, no spaces) starting at j; sets *end. */
static const nrow *unit_at(const nctx *c, size_t j, size_t *end)
{
    const nrow *best = NULL;
    if (j >= c->n || tk_space(c, j) || tk_num(c, j) || (tk_punct(c, j, '"') && closes_quote(c, j)))
        return NULL;
    size_t start = c->tok[j].off;
    for (size_t k = j; k < c->n && k < j + 4; k++) {
        if (tk_space(c, k))
            continue;
        size_t e = c->tok[k].off + c->tok[k].len;
        const nrow *r = ntable_get(&c->d->units, c->t + start, e - start);
        if (r && !tk_word(c, k + 1) && !tk_num(c, k + 1)) {
            best = r;
            *end = k + 1;
        }
    }
    return best;
}

/* Whether unit row r, ending before token end, may stand where it is after
 * number n (NULL when unknown): an `attached` unit only right after the
 * number, a `dotted` one also after a space when an abbreviation dot follows
 * it ("8 in."), a `decimal` one only right after a number with decimals
 * ("43.03s", but "the 20s"), a `lower` one also after a space before a word
 * in lower case or a pause ("a 450 W charger", but "108 W 55th Street"). */
static int unit_spacing_ok(const nctx *c, const nrow *r, const nnum *n, int spaced, size_t end)
{
    if (nslice_is(r->col[3], "decimal"))
        return !spaced && n && n->fp;
    if (!spaced || r->col[3].len == 0)
        return 1;
    if (nslice_is(r->col[3], "lower")) {
        size_t nx = tk_next(c, end - 1);
        return nx >= c->n || nx == c->final || tk_cased(c, nx) == CASE_LOWER || tk_punct(c, nx, ',') ||
               tk_punct(c, nx, ';') || tk_punct(c, nx, ')');
    }
    return nslice_is(r->col[3], "dotted") && tk_punct(c, end, '.');
}

size_t match_unit_after(const nctx *c, size_t e, nmatch *m)
{
    size_t at = tk_space(c, e) ? e + 1 : e, end;
    const nrow *r = unit_at(c, at, &end);
    if (!r || !unit_spacing_ok(c, r, NULL, at != e, end))
        return e;
    m->unit = r;
    m->unit_at = at;
    return end;
}

void expand_unit_after(nctx *c, const nmatch *m)
{
    if (!m->unit)
        return;
    tmp_slice(c, m->unit->col[2]);
    emit_tmp(c, m->unit_at, m->end);
}

int amount_before_noun(const nctx *c, size_t i, size_t end)
{
    size_t pv = tk_prev(c, i);
    if (pv == SIZE_MAX || !tk_space(c, i - 1) || !tk_space(c, end))
        return 0;
    int possessive = tk_word(c, pv) && tk_stem_len(c, pv) < tk_len(c, pv); /* "the phone's" */
    if (possessive || tk_table_word(c, &c->d->amount_words, pv, "determiner"))
        return tk_table_word(c, &c->d->amount_words, end + 1, "noun"); /* "the £250m scheme" */
    if (!(tk_ieq(c, pv, "a") || tk_ieq(c, pv, "an")))
        return 0;
    int noun = tk_cased(c, end + 1) == CASE_LOWER || tk_cased(c, end + 1) == CASE_UPPER; /* "a 256GB SSD" */
    return tk_word(c, end + 1) && noun && !tk_lookup(c, &c->d->starters, end + 1, "");
}

int match_percent(const nctx *c, size_t i, nmatch *m)
{
    if (!parse_number(c, i, &m->num))
        return 0;
    size_t j = m->num.end;
    if (tk_space(c, j) && tk_punct(c, j + 1, '%'))
        j++;
    if (!tk_punct(c, j, '%'))
        return 0;
    m->end = j + 1;
    return 1;
}

void expand_percent(nctx *c, size_t i, const nmatch *m)
{
    tmp_number(c, &m->num);
    tmp_words(c, "percent");
    emit_tmp(c, i, m->end);
}

/* Whether the word at j is the ordinal suffix of the whole number n: "1st",
 * "22nd", but "14st" is fourteen stone. */
static int own_ordinal_suffix(const nctx *c, const nnum *n, size_t j)
{
    if (n->fp || n->in == 0 || tk_len(c, j) != 2)
        return 0;
    int last = n->ip[n->in - 1] - '0', teen = n->in > 1 && n->ip[n->in - 2] == '1';
    const char *suffix = teen || last > 3 || last == 0 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : "rd";
    return strncasecmp(tk_p(c, j), suffix, 2) == 0;
}

/* Whether the meter row r, after the number at i, follows a count of hours
 * and so is minutes: "3h 42m", "2 hrs 15m". */
static int minutes_after_hours(const nctx *c, size_t i, const nrow *r)
{
    size_t u = tk_prev(c, i);
    if (!nslice_is(r->col[0], "m") || u == SIZE_MAX || u == 0 || !tk_word(c, u))
        return 0;
    size_t n = tk_space(c, u - 1) && u >= 2 ? u - 2 : u - 1;
    const nrow *before = tk_num(c, n) ? tk_lookup(c, &c->d->units, u, "") : NULL;
    return before && nslice_is(before->col[2], "hours");
}

int match_measure(const nctx *c, size_t i, nmatch *m)
{
    if (!parse_number(c, i, &m->num))
        return 0;
    size_t j = m->num.end, at = j;
    m->kind = 0;
    m->row2 = NULL;
    if (tk_space(c, j) && tk_word(c, j + 1) && tk_space(c, j + 2)) {
        const nrow *scale = tk_lookup(c, &c->d->scales, j + 1, "");
        if (scale && nslice_is(scale->col[2], "spaced")) { /* "100 million kg" */
            m->row2 = scale;
            j += 2;
        }
    }
    if (tk_space(c, j))
        at = j + 1;
    else if (tk_punct(c, j, '/'))
        at = j + 1, m->kind = '/';
    else if (tk_punct(c, j, '-'))
        at = j + 1, m->kind = '-';
    m->row = unit_at(c, at, &m->end);
    if (!m->row)
        return 0;
    if (!unit_spacing_ok(c, m->row, &m->num, at != j, m->end) || (at == j && own_ordinal_suffix(c, &m->num, at)))
        return 0;
    if (at == j && i > 0 && tk_word(c, i - 1) && !(tk_is(c, i - 1, "x") && i > 1 && tk_num(c, i - 2)))
        return 0; /* letters on both sides make a code: "W3C", "B2A23C"; not "4x100m" */
    m->a = at;
    if (minutes_after_hours(c, i, m->row))
        m->row = ntable_get(&c->d->units, "min", 3); /* "3h 42m" */
    size_t e;
    if (tk_punct(c, m->end, '/') && (m->unit = unit_at(c, m->end + 1, &e)) != NULL) {
        m->unit_at = m->end + 1; /* "5 mg/kg" per kilogram */
        m->end = e;
    }
    return 1;
}

void expand_measure(nctx *c, size_t i, const nmatch *m)
{
    tmp_number(c, &m->num);
    emit_tmp(c, i, m->num.end);
    if (m->row2) {
        tmp_slice(c, m->row2->col[1]);
        emit_tmp(c, m->num.end + 1, m->num.end + 2);
    }
    if (m->kind == '/')
        tmp_words(c, "per");
    int one = (num_is_one(&m->num) && !m->row2) || m->kind || amount_before_noun(c, i, m->end);
    tmp_slice(c, m->row->col[one ? 1 : 2]);
    if (!m->unit) {
        emit_tmp(c, m->a, m->end);
        return;
    }
    emit_tmp(c, m->a, m->unit_at - 1);
    tmp_words(c, "per");
    tmp_slice(c, m->unit->col[1]);
    emit_tmp(c, m->unit_at - 1, m->end);
}

/* ---- sizes to choose from: "128/256/512GB", "8/16GB RAM" ---- */

/* Numbers joined by slashes before a unit, each larger than the one before:
 * three or more, or two where the second is a multiple of the first, two or
 * more, and the unit follows without a space ("3/4in" is a fraction, and so
 * is "2/4 mi"). */
int match_choices(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_punct(c, i + 1, '/') || !tk_num(c, i + 2) || (i > 0 && !tk_space(c, i - 1)))
        return 0;
    long first = num_value(tk_p(c, i), tk_len(c, i)), prev = 0;
    int items = 0, multiples = first >= 2;
    size_t j = i;
    for (;; j += 2) {
        long v = tk_len(c, j) <= 6 ? num_value(tk_p(c, j), tk_len(c, j)) : 0;
        if (v <= prev)
            return 0;
        multiples &= prev == 0 || v % prev == 0;
        prev = v;
        items++;
        if (!tk_punct(c, j + 1, '/') || !tk_num(c, j + 2))
            break;
    }
    size_t at = tk_space(c, j + 1) ? j + 2 : j + 1;
    if (items < 3 && !(multiples && at == j + 1))
        return 0;
    m->row = unit_at(c, at, &m->end);
    if (!m->row || !unit_spacing_ok(c, m->row, NULL, at != j + 1, m->end))
        return 0;
    m->a = j;
    return 1;
}

/* "one hundred twenty eight, two hundred fifty six or five hundred twelve
 * gigabytes" */
void expand_choices(nctx *c, size_t i, const nmatch *m)
{
    for (size_t j = i; j < m->a; j += 2) {
        num_cardinal(&c->tmp, tk_p(c, j), tk_len(c, j));
        emit_tmp(c, j, j + 2);
        if (j + 2 < m->a)
            emit_pause(c, ',');
    }
    tmp_words(c, "or");
    num_cardinal(&c->tmp, tk_p(c, m->a), tk_len(c, m->a));
    tmp_slice(c, m->row->col[2]);
    emit_tmp(c, m->a, m->end);
}

/* ---- feet and inches: 6'2", 5' 10", 6′1″ ---- */

static int foot_mark(const nctx *c, size_t j) { return tk_punct(c, j, '\'') || tk_punct(c, j, 0x2032); }
static int inch_mark(const nctx *c, size_t j) { return tk_punct(c, j, '"') || tk_punct(c, j, 0x2033); }

int match_feet(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_num(c, i) || tk_len(c, i) > 1 || !foot_mark(c, i + 1))
        return 0;
    size_t j = tk_space(c, i + 2) && tk_len(c, i + 2) == 1 ? i + 3 : i + 2;
    if (!tk_num(c, j) || tk_len(c, j) > 2 || num_value(tk_p(c, j), tk_len(c, j)) > 11 || !inch_mark(c, j + 1))
        return 0;
    m->a = j;
    m->end = j + 2;
    return 1;
}

void expand_feet(nctx *c, size_t i, const nmatch *m)
{
    num_cardinal(&c->tmp, tk_p(c, i), 1);
    tmp_words(c, "foot");
    emit_tmp(c, i, i + 2);
    num_cardinal(&c->tmp, tk_p(c, m->a), tk_len(c, m->a));
    emit_tmp(c, m->a, m->end);
}
