/* Times and dates: 10:30 a.m., 14:05 GMT, Feb. 24, 2022, 24 February 2022,
 * 2023-03-15, 3/15/2023, the 1990s and '90s. */
#include <string.h>

#include "norm_numbers.h"
#include "norm_rules.h"

static long tk_value(const nctx *c, size_t i) { return tk_num(c, i) ? num_value(tk_p(c, i), tk_len(c, i)) : -1; }

/* "am"/"pm" or "a.m."/"p.m." at j: returns 'a', 'p' or 0 and sets *end. */
static int meridiem_at(const nctx *c, size_t j, size_t *end)
{
    if (tk_ieq(c, j, "am") || tk_ieq(c, j, "pm")) {
        *end = j + 1;
        return tk_p(c, j)[0] | 32;
    }
    if ((tk_ieq(c, j, "a") || tk_ieq(c, j, "p")) && tk_punct(c, j + 1, '.') && tk_ieq(c, j + 2, "m")) {
        *end = tk_punct(c, j + 3, '.') && j + 3 != c->final ? j + 4 : j + 3;
        return tk_p(c, j)[0] | 32;
    }
    return 0;
}

/* ---- times ---- */

/* A time zone after token j (with one space): its row, and *end past it. */
static const nrow *zone_after(const nctx *c, size_t j, size_t *end)
{
    size_t z = tk_space(c, j) ? j + 1 : j;
    const nrow *r = tk_word(c, z) ? tk_lookup(c, &c->d->zones, z, "") : NULL;
    if (r)
        *end = z + 1;
    return r;
}

/* ---- 24-hour times before a zone: 0117 GMT, 1400 UTC ---- */

int match_clock(const nctx *c, size_t i, nmatch *m)
{
    long v = tk_value(c, i);
    if (tk_len(c, i) != 4 || v / 100 > 23 || v % 100 > 59 || (i > 0 && !tk_space(c, i - 1) &&
                                                              !tk_punct(c, i - 1, '(')))
        return 0;
    m->row = zone_after(c, i + 1, &m->end);
    return m->row != NULL;
}

/* "oh one seventeen", "fourteen hundred", "oh nine oh five" */
void expand_clock(nctx *c, size_t i, const nmatch *m)
{
    const char *d = tk_p(c, i);
    num_pair(&c->tmp, d);
    if (d[2] == '0' && d[3] == '0')
        tmp_words(c, "hundred");
    else
        num_pair(&c->tmp, d + 2);
    tmp_slice(c, m->row->col[1]);
    emit_tmp(c, i, m->end);
}

/* Whether token k is one of the ASCII marks in list. */
static int clause_mark(const nctx *c, size_t k, const char *list)
{
    return tk_kind(c, k) == TK_PUNCT && c->tok[k].cp > 0 && c->tok[k].cp < 0x80 &&
           strchr(list, (int)c->tok[k].cp) != NULL;
}

/* Whether the `before` word at p follows a market's verb ("stood at",
 * "traded at") or a market's noun a few words back ("Shares closed at"), so
 * that the number after it is a price or a level. */
static int quoted_level(const nctx *c, size_t p)
{
    const ntable *t = &c->d->clock_words;
    if (tk_table_word(c, t, tk_prev(c, p), "level"))
        return 1;
    for (size_t k = p, words = 0; k-- > 0 && words < 8;) {
        if (!tk_word(c, k))
            continue;
        words++;
        if (tk_table_word(c, t, k, "market"))
            return 1;
    }
    return 0;
}

/* Whether p is "to" or a dash after a time written with a dot whose hour has
 * a leading zero or follows a `before` word: "from 06.15 to 23.30". */
static int range_end(const nctx *c, size_t p)
{
    if (!tk_ieq(c, p, "to") && !tk_dash(c, p))
        return 0;
    size_t q = tk_prev(c, p);
    if (q == SIZE_MAX || q < 2 || !tk_num(c, q) || tk_len(c, q) != 2 || !tk_punct(c, q - 1, '.') ||
        !tk_num(c, q - 2) || tk_len(c, q - 2) != 2 || tk_value(c, q - 2) > 23)
        return 0;
    size_t h = q - 2, b = tk_prev(c, h);
    return tk_p(c, h)[0] == '0' ||
           (b != SIZE_MAX && tk_table_word(c, &c->d->clock_words, b, "before") && !quoted_level(c, b));
}

/* Whether i..j is a time written with a dot: "at 18.45", "07.30", "at 7.45
 * tonight", not "at 18.45%", "at 13.50 pence", "closed at 18.45" nor "at
 * 10.30" (a price or a level). */
static int dotted_clock(const nctx *c, size_t i, size_t j)
{
    long h = tk_value(c, i);
    int zero = tk_p(c, i)[0] == '0';
    size_t p = tk_prev(c, i), k = tk_space(c, j) ? j + 1 : j;
    int before = p != SIZE_MAX && (tk_table_word(c, &c->d->clock_words, p, "before") || range_end(c, p));
    int day_hour = h >= 1 && h <= 12 && !zero && before && k > j &&
                   tk_table_word(c, &c->d->clock_words, k, "after"); /* "at 7.45 tonight" */
    if (!tk_punct(c, i + 1, '.') || (tk_len(c, i) != 2 && !day_hour) || (h < 13 && !zero && !day_hour) || h > 23)
        return 0;
    if (!zero && !before)
        return 0;
    if (before && quoted_level(c, p))
        return 0; /* "Shares closed at 18.45" */
    if (k == j && j < c->n && !clause_mark(c, j, ",.;:)!?"))
        return 0; /* "at 17.08°C", "at 18.45%" */
    if (tk_kind(c, k) == TK_PUNCT && !clause_mark(c, k, ",.;:)!?(-"))
        return 0; /* "at 18.45 %" */
    if (tk_num(c, k) || tk_table_word(c, &c->d->clock_words, k, "not_after"))
        return 0;
    return !(tk_word(c, k) && (tk_lookup(c, &c->d->units, k, "") || tk_lookup(c, &c->d->scales, k, "")));
}

int match_time(const nctx *c, size_t i, nmatch *m)
{
    long h = tk_value(c, i);
    if (h < 0 || h > 24 || tk_len(c, i) > 2)
        return 0;
    size_t j = i + 1;
    m->a = m->b = 0;
    if ((tk_punct(c, j, ':') || tk_punct(c, j, '.')) && tk_num(c, j + 1) && tk_len(c, j + 1) == 2 &&
        tk_value(c, j + 1) < 60) {
        m->a = j + 1;
        j += 2;
        if (tk_punct(c, i + 1, ':') && tk_punct(c, j, ':') && tk_num(c, j + 1) && tk_len(c, j + 1) == 2) {
            m->b = j + 1;
            j += 2;
        }
    }
    size_t e = j;
    size_t k = tk_space(c, j) ? j + 1 : j;
    m->kind = meridiem_at(c, k, &e);
    int glued_zone = tk_word(c, j) && tk_lookup(c, &c->d->zones, j, ""); /* "18:00:00Z" */
    int clock = m->a && !m->b && dotted_clock(c, i, j);
    if (!m->kind && !clock && (!m->a || !tk_punct(c, i + 1, ':') || (tk_word(c, j) && !glued_zone) || tk_num(c, j + 1)))
        return 0;
    if (m->kind && h > 12)
        return 0;
    m->row = zone_after(c, e, &e);
    m->end = e;
    return 1;
}

/* A count of token j's digits and its unit, singular for one. */
static void tmp_count(nctx *c, size_t j, const char *one, const char *many)
{
    num_cardinal(&c->tmp, tk_p(c, j), tk_len(c, j));
    tmp_words(c, tk_value(c, j) == 1 ? one : many);
}

/* Hours, minutes and seconds ("1:01:01") are a duration; hours and minutes
 * a time of day: "ten oh five", "one o'clock", "fourteen hundred"; with a
 * leading zero and a time zone, the hour too is read as digits ("06:00 GMT"
 * oh six hundred, "08:30 UTC" oh eight thirty). */
void expand_time(nctx *c, size_t i, const nmatch *m)
{
    /* "06:00 GMT" oh six hundred, as "0500 GMT" is oh five hundred */
    int zoned_24h = m->row && m->a && !m->kind && tk_len(c, i) == 2 && tk_p(c, i)[0] == '0';
    if (m->b) {
        tmp_count(c, i, "hour", "hours");
        tmp_count(c, m->a, "minute", "minutes and");
        if (tk_value(c, m->a) == 1)
            tmp_words(c, "and");
        tmp_count(c, m->b, "second", "seconds");
    } else if (zoned_24h) {
        num_pair(&c->tmp, tk_p(c, i));
    } else {
        num_cardinal(&c->tmp, tk_p(c, i), tk_len(c, i));
    }
    if (m->b) {
    } else if (m->a && !tk_is(c, m->a, "00")) {
        num_pair(&c->tmp, tk_p(c, m->a));
    } else if (m->a && !m->kind) {
        tmp_words(c, tk_value(c, i) <= 12 && !zoned_24h ? "o'clock" : "hundred");
    }
    if (m->kind)
        tmp_words(c, m->kind == 'a' ? "A-M" : "P-M");
    if (m->row)
        tmp_slice(c, m->row->col[1]);
    emit_tmp(c, i, m->end);
}

/* ---- race times with fractions of a second: 1:12.909, 2:03:45.5 ---- */

/* [h:]m:ss.f to ss.fff, not followed by a word or another number. */
int match_race_time(const nctx *c, size_t i, nmatch *m)
{
    size_t j = i;
    m->a = SIZE_MAX;
    if (tk_len(c, i) > 2 || !tk_punct(c, i + 1, ':') || (i > 0 && (tk_word(c, i - 1) || tk_num(c, i - 1))))
        return 0;
    if (tk_num(c, i + 2) && tk_len(c, i + 2) == 2 && tk_punct(c, i + 3, ':')) {
        m->a = i; /* hours */
        j = i + 2;
    }
    size_t sec = j + 2, frac = j + 4;
    if (!tk_num(c, sec) || tk_len(c, sec) != 2 || tk_value(c, sec) > 59 || !tk_punct(c, sec + 1, '.') ||
        !tk_num(c, frac) || tk_len(c, frac) > 3 || tk_word(c, frac + 1) || tk_num(c, frac + 2))
        return 0;
    m->b = j;
    m->end = frac + 1;
    return 1;
}

/* "one minute twelve point nine oh nine seconds" */
void expand_race_time(nctx *c, size_t i, const nmatch *m)
{
    if (m->a != SIZE_MAX)
        tmp_count(c, m->a, "hour", "hours");
    tmp_count(c, m->b, "minute", "minutes");
    size_t sec = m->b + 2;
    const char *d = tk_p(c, sec);
    int lead = d[0] == '0';
    num_decimal(&c->tmp, d + lead, 2 - (size_t)lead, tk_p(c, sec + 2), tk_len(c, sec + 2));
    tmp_words(c, "seconds");
    emit_tmp(c, i, m->end);
}

/* ---- dates ---- */

static const nrow *month_number(const nctx *c, long v)
{
    static const char *const names[] = {"January", "February", "March", "April", "May",
                                        "June", "July", "August", "September",
                                        "October", "November", "December"};
    if (v < 1 || v > 12)
        return NULL;
    return ntable_get(&c->d->months, names[v - 1], strlen(names[v - 1]));
}


/* A month name or abbreviation at j (with its optional dot): the row, *end.
 * Names that are also words ("may", "march") count in lower case only when
 * `loose`. */
static const nrow *month_at_case(const nctx *c, size_t j, size_t *end, int loose)
{
    if (!tk_word(c, j) || tk_cased(c, j) == CASE_MIXED)
        return NULL;
    const nrow *r = tk_lookup(c, &c->d->months, j, "");
    if (!r || (!loose && tk_cased(c, j) == CASE_LOWER && nslice_is(r->col[3], "cap")))
        return NULL;
    *end = tk_punct(c, j + 1, '.') && j + 1 != c->final ? j + 2 : j + 1;
    return r;
}

static const nrow *month_at(const nctx *c, size_t j, size_t *end) { return month_at_case(c, j, end, 0); }

static void tmp_day(nctx *c, size_t j) { num_ordinal(&c->tmp, tk_p(c, j), tk_len(c, j)); }

/* A day of the month at j, with an optional suffix; sets *end. */
static int day_at(const nctx *c, size_t j, size_t *end)
{
    long d = tk_value(c, j);
    if (d < 1 || d > 31 || tk_len(c, j) > 2)
        return 0;
    *end = tk_ordinal_suffix(c, j + 1) ? j + 2 : j + 1;
    return !tk_word(c, *end) && !tk_num(c, *end) && !(tk_punct(c, *end, ':') && tk_num(c, *end + 1)) &&
           !(tk_punct(c, *end, '.') && tk_num(c, *end + 1));
}

/* A four-digit year at j that ends its token run. */
static int year_at(const nctx *c, size_t j)
{
    long y = tk_value(c, j);
    return tk_len(c, j) == 4 && y >= 1000 && y <= 2199 && !tk_word(c, j + 1) &&
           !(tk_punct(c, j + 1, ',') && tk_num(c, j + 2));
}

int match_date_mdy(const nctx *c, size_t i, nmatch *m)
{
    size_t j, e;
    size_t after = tk_punct(c, i + 1, '.') ? i + 2 : i + 1;
    if (!tk_num(c, after + 1))
        return 0; /* no day or year follows */
    m->row = month_at(c, i, &j);
    if (!m->row && after == i + 2 && (m->row = month_at_case(c, i, &j, 1)) != NULL &&
        !nrow_abbreviates(m->row))
        m->row = NULL; /* in lower case, only an abbreviation with its dot: "jan. 15" */
    if (!m->row || !(tk_space(c, j) || (tk_punct(c, j, '-') && tk_num(c, j + 1))))
        return 0;
    m->a = m->b = 0;
    m->kind = (int)j;
    if (year_at(c, j + 1)) {
        m->b = j + 1;
        m->end = j + 2;
        return 1;
    }
    if (!day_at(c, j + 1, &e))
        return 0;
    m->a = j + 1;
    m->unit_at = 0;
    size_t e2;
    if (tk_dash(c, e) && day_at(c, e + 1, &e2) && tk_value(c, e + 1) > tk_value(c, m->a)) {
        m->unit_at = e + 1; /* "June 5-6": a range of days */
        e = e2;
    }
    m->end = e;
    if (tk_punct(c, e, ',') && tk_space(c, e + 1) && year_at(c, e + 2)) {
        m->b = e + 2;
        m->end = e + 3;
    } else if ((tk_space(c, e) || tk_punct(c, e, '-')) && year_at(c, e + 1)) {
        m->b = e + 1;
        m->end = e + 2;
    }
    return 1;
}

/* ---- a month's abbreviation with its dot, alone: "in Feb. and March" ---- */

int match_month_abbrev(const nctx *c, size_t i, nmatch *m)
{
    if (tk_cased(c, i) != CASE_TITLE || !tk_punct(c, i + 1, '.'))
        return 0;
    m->row = month_at(c, i, &m->end);
    return m->row && nrow_abbreviates(m->row);
}

void expand_month_abbrev(nctx *c, size_t i, const nmatch *m)
{
    rule_row(c, m->row);
    emit_slice(c, m->row->col[1], i, m->end);
}

void expand_date_mdy(nctx *c, size_t i, const nmatch *m)
{
    tmp_slice(c, m->row->col[1]);
    emit_tmp(c, i, (size_t)m->kind);
    if (m->a) {
        tmp_day(c, m->a);
        size_t e = m->a + 1;
        if (tk_ordinal_suffix(c, e))
            e++;
        emit_tmp(c, m->a, e);
        if (m->unit_at) {
            tmp_words(c, "to");
            tmp_day(c, m->unit_at);
            e = m->unit_at + 1;
            if (tk_ordinal_suffix(c, e))
                e++;
            emit_tmp(c, m->unit_at - 1, e);
        }
        if (m->b)
            emit_pause(c, ',');
    }
    if (m->b) {
        num_year(&c->tmp, tk_p(c, m->b), 4);
        emit_tmp(c, m->b, m->end);
    }
}

/* The second number of a range of days before a month, "1 to 5 May",
 * "10-14 July", "between 1 and 3 June": its token, or 0 (the caller checks
 * that it is a day before a month). */
static size_t second_day(const nctx *c, size_t i)
{
    size_t e;
    if (!day_at(c, i, &e))
        return 0;
    if (tk_dash(c, e) && tk_num(c, e + 1))
        return e + 1;
    if (tk_space(c, e) && (tk_ieq(c, e + 1, "to") || tk_ieq(c, e + 1, "and")) && tk_space(c, e + 2) &&
        tk_num(c, e + 3))
        return e + 3;
    return 0;
}

int match_date_dmy(const nctx *c, size_t i, nmatch *m)
{
    size_t e, j;
    m->unit_at = second_day(c, i);
    if (!day_at(c, m->unit_at ? m->unit_at : i, &e) || !tk_space(c, e))
        return 0;
    m->row = month_at(c, e + 1, &j);
    if (!m->row && (m->row = month_at_case(c, e + 1, &j, 1)) != NULL &&
        !(tk_space(c, j) && year_at(c, j + 1)))
        m->row = NULL; /* "17 may 2010", but "5 may go" */
    if (!m->row)
        return 0;
    m->a = e + 1;
    m->b = 0;
    m->end = j;
    if (tk_space(c, j) && year_at(c, j + 1)) {
        m->b = j + 1;
        m->end = j + 2;
    } else if (tk_punct(c, j, ',') && tk_space(c, j + 1) && year_at(c, j + 2)) {
        m->b = j + 2;
        m->end = j + 3;
    }
    return 1;
}

/* "the" before a day, unless the text already has it ("the 15 May"). */
static void tmp_the(nctx *c, size_t i)
{
    size_t pv = tk_prev(c, i);
    if (pv == SIZE_MAX || !tk_ieq(c, pv, "the"))
        tmp_words(c, "the");
}

void expand_date_dmy(nctx *c, size_t i, const nmatch *m)
{
    tmp_the(c, i);
    tmp_day(c, i);
    if (m->unit_at) { /* "the first to the fifth of May" */
        size_t to = tk_next(c, i + (tk_ordinal_suffix(c, i + 1) ? 1 : 0));
        tmp_words(c, tk_ieq(c, to, "and") ? "and" : "to");
        emit_tmp(c, i, m->unit_at);
        tmp_words(c, "the");
        i = m->unit_at;
        tmp_day(c, i);
    }
    tmp_words(c, "of");
    tmp_slice(c, m->row->col[1]);
    emit_tmp(c, i, m->b ? m->b : m->end);
    if (m->b) {
        num_year(&c->tmp, tk_p(c, m->b), 4);
        emit_tmp(c, m->b, m->end);
    }
}

/* 2023-03-15 and 2007-6-18, or 15-12-2011 (day first). */
int match_date_iso(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_num(c, i) || !tk_punct(c, i + 1, '-') || !tk_num(c, i + 2) || !tk_punct(c, i + 3, '-') ||
        !tk_num(c, i + 4) || tk_num(c, i + 5) || tk_word(c, i + 5) || tk_dash(c, i + 5))
        return 0;
    size_t y = i, d = i + 4;
    if (tk_len(c, i + 4) == 4 && tk_len(c, i) <= 2)
        y = i + 4, d = i;
    if (tk_len(c, y) != 4 || tk_len(c, d) > 2 || tk_len(c, i + 2) > 2)
        return 0;
    long day = tk_value(c, d);
    m->row = month_number(c, tk_value(c, i + 2));
    if (!m->row || day < 1 || day > 31)
        return 0;
    m->a = d;
    m->b = y;
    m->end = i + 5;
    return 1;
}

void expand_date_iso(nctx *c, size_t i, const nmatch *m)
{
    tmp_the(c, i);
    tmp_day(c, m->a);
    tmp_words(c, "of");
    tmp_slice(c, m->row->col[1]);
    num_year(&c->tmp, tk_p(c, m->b), 4);
    emit_tmp(c, i, m->end);
}

static int after_weekday_word(const nctx *c, size_t i);

/* 2/24 without a year, after a word of weekday_contexts.tsv ("on 2/24",
 * "since 10/7"): month first, as the American news that writes it means.  A
 * part of something ("on 2/3 of the days") stays a fraction.  Sets kind 1:
 * no year. */
static int month_day_date(const nctx *c, size_t i, nmatch *m)
{
    if (tk_len(c, i) > 2 || tk_len(c, i + 2) > 2 || tk_punct(c, i + 3, '/') || tk_num(c, i + 3) ||
        tk_word(c, i + 3) || !after_weekday_word(c, i) || tk_is(c, tk_next(c, i + 2), "of"))
        return 0;
    m->row = month_number(c, tk_value(c, i));
    long d = tk_value(c, i + 2);
    if (!m->row || d < 1 || d > 31)
        return 0;
    m->a = i + 2;
    m->kind = 1;
    m->end = i + 3;
    return 1;
}

/* 3/15/2023 (month first unless the first number cannot be a month), 2016/07/03
 * (year first), 15.01.2020 and 01.10.2010 (dots: day first unless it cannot be),
 * and month_day_date(). */
int match_date_numeric(const nctx *c, size_t i, nmatch *m)
{
    uint32_t sep = tk_punct(c, i + 1, '.') ? '.' : '/';
    if (sep == '/' && tk_num(c, i) && tk_punct(c, i + 1, '/') && tk_num(c, i + 2) && !tk_punct(c, i + 3, '/'))
        return month_day_date(c, i, m);
    if (!tk_num(c, i) || !tk_punct(c, i + 1, sep) || !tk_num(c, i + 2) || !tk_punct(c, i + 3, sep) ||
        !tk_num(c, i + 4) || tk_len(c, i + 2) > 2 || tk_num(c, i + 5) || tk_word(c, i + 5) ||
        (tk_punct(c, i + 5, sep) && sep == '/') || (tk_punct(c, i + 5, '.') && tk_num(c, i + 6)))
        return 0;
    long a = tk_value(c, i), b = tk_value(c, i + 2);
    size_t month;
    if (tk_len(c, i) == 4 && tk_len(c, i + 4) <= 2)
        m->a = i + 4, m->b = i, month = i + 2;
    else if (tk_len(c, i) <= 2 && (tk_len(c, i + 4) == 4 || (sep == '/' && tk_len(c, i + 4) == 2)))
        m->b = i + 4, m->a = (a > 12 || (sep == '.' && b <= 12)) ? i : i + 2, month = m->a == i ? i + 2 : i;
    else
        return 0;
    (void)b;
    m->row = month_number(c, tk_value(c, month));
    long d = tk_value(c, m->a);
    if (!m->row || d < 1 || d > 31)
        return 0;
    m->end = i + 5;
    return 1;
}

void expand_date_numeric(nctx *c, size_t i, const nmatch *m)
{
    tmp_slice(c, m->row->col[1]);
    tmp_day(c, m->a);
    if (m->kind != 1)
        num_year(&c->tmp, tk_p(c, m->b), tk_len(c, m->b));
    emit_tmp(c, i, m->end);
}

/* ---- abbreviated day names before a date: "Sun. 17 May", "Thu., Jan. 5",
 * "Sat 14 Oct"; or alone with their period after a word of
 * weekday_contexts.tsv: "on Wed.", or after a word in lower case and
 * before one or the sentence's end: "officials said Sat.", "said Thurs. it
 * would", "9:30 a.m. Tues." ---- */

static int after_weekday_word(const nctx *c, size_t i)
{
    size_t p = tk_prev(c, i);
    return p != SIZE_MAX && tk_word(c, p) && tk_lookup(c, &c->d->weekday_words, p, "");
}

/* Whether a day of the month and a month follow at j: "14 Oct", "3rd June". */
static int day_month_at(const nctx *c, size_t j)
{
    size_t e;
    if (!tk_num(c, j) || tk_len(c, j) > 2)
        return 0;
    if (tk_word(c, j + 1) && tk_ordinal_suffix(c, j + 1))
        j++;
    return tk_space(c, j + 1) && month_at(c, j + 2, &e) != NULL;
}

int match_weekday(const nctx *c, size_t i, nmatch *m)
{
    int dot = tk_punct(c, i + 1, '.');
    if (!tk_word(c, i) || tk_cased(c, i) != CASE_TITLE)
        return 0;
    if (!(dot || tk_punct(c, i + 1, ',') || (tk_space(c, i + 1) && day_month_at(c, i + 2))))
        return 0;
    m->row = tk_lookup(c, &c->d->weekdays, i, "");
    if (!m->row || !nrow_abbreviates(m->row))
        return 0;
    if (tk_space(c, i + 1)) {
        size_t p = tk_prev(c, i);
        if (p != SIZE_MAX && tk_ieq(c, p, "the"))
            return 0; /* a name: "The Sun 14 May edition" */
        m->end = i + 1; /* British style, no dot: "Sat 14 Oct" */
        return 1;
    }
    if (dot && after_weekday_word(c, i)) {
        m->end = i + 1 == c->final ? i + 1 : i + 2; /* the sentence's own period stays */
        return 1;
    }
    size_t p = tk_prev(c, i);
    int after_lower = p != SIZE_MAX && ((tk_word(c, p) && tk_cased(c, p) == CASE_LOWER && !tk_ieq(c, p, "the")) ||
                                        (tk_punct(c, p, '.') && p > 0 && tk_ieq(c, p - 1, "m"))); /* "9:30 a.m. Tues." */
    if (i + 1 == c->final) { /* "officials said Sat." a day; "the Sun." a name */
        m->end = i + 1;
        return after_lower;
    }
    if (dot && after_lower && tk_cased(c, tk_next(c, i + 1)) == CASE_LOWER) {
        m->end = i + 2; /* "said Thurs. it would" */
        return 1;
    }
    size_t j = dot && tk_punct(c, i + 2, ',') ? tk_next(c, i + 2) : tk_next(c, i + 1);
    size_t e;
    if (!month_at(c, j, &e) && !(dot && tk_num(c, j)))
        return 0; /* without its dot, only before a month: "Sun, April 9" */
    m->end = dot ? i + 2 : i + 1;
    return 1;
}

void expand_weekday(nctx *c, size_t i, const nmatch *m)
{
    rule_row(c, m->row);
    emit_slice(c, m->row->col[1], i, m->end);
}

/* ---- ranges of days: Monday-Friday, Mon.-Fri., Mon–Sat ---- */

/* The weekdays.tsv row of a capitalized word at i, or NULL; *next is the token
 * after it and its abbreviation's dot, when the dot does not end the sentence. */
static const nrow *weekday_at(const nctx *c, size_t i, size_t *next)
{
    if (!tk_word(c, i) || tk_cased(c, i) != CASE_TITLE)
        return NULL;
    const nrow *r = tk_lookup(c, &c->d->weekdays, i, "");
    *next = i + 1;
    if (r && nrow_abbreviates(r) && tk_punct(c, i + 1, '.') && i + 1 != c->final)
        *next = i + 2;
    return r;
}

int match_weekday_range(const nctx *c, size_t i, nmatch *m)
{
    size_t dash, end;
    m->row = weekday_at(c, i, &dash);
    if (!m->row || !tk_dash(c, dash))
        return 0;
    m->row2 = weekday_at(c, dash + 1, &end);
    if (!m->row2 || tk_word(c, end) || tk_num(c, end))
        return 0;
    m->a = dash;
    m->end = end;
    return 1;
}

void expand_weekday_range(nctx *c, size_t i, const nmatch *m)
{
    rule_row(c, m->row);
    emit_slice(c, m->row->col[1], i, m->a);
    tmp_words(c, "to");
    tmp_slice(c, m->row2->col[1]);
    emit_tmp(c, m->a, m->end);
}

/* ---- years before an era: 340 AD, 500 B.C., 1200 BCE ---- */

/* Whether an era marker starts at j: AD, BC, BCE, CE, with or without dots. */
static int era_at(const nctx *c, size_t j)
{
    static const char *const eras[] = {"AD", "BC", "BCE", "CE"};
    char key[4];
    size_t k = 0;
    for (; tk_word(c, j) && tk_len(c, j) == 1 && k < 3; j += tk_punct(c, j + 1, '.') ? 2 : 1)
        key[k++] = tk_p(c, j)[0];
    if (k < 2) {
        if (!tk_word(c, j) || tk_len(c, j) > 3 || tk_cased(c, j) != CASE_UPPER)
            return 0;
        k = tk_len(c, j);
        memcpy(key, tk_p(c, j), k);
    }
    key[k] = '\0';
    for (size_t e = 0; e < sizeof eras / sizeof eras[0]; e++)
        if (strcmp(key, eras[e]) == 0)
            return 1;
    return 0;
}

int match_era(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_num(c, i) || tk_len(c, i) > 4 || !tk_space(c, i + 1) || !era_at(c, i + 2) ||
        (i > 0 && !tk_space(c, i - 1) && tk_kind(c, i - 1) != TK_PUNCT))
        return 0;
    m->end = i + 1;
    return 1;
}

void expand_era(nctx *c, size_t i, const nmatch *m)
{
    num_year(&c->tmp, tk_p(c, i), tk_len(c, i));
    emit_tmp(c, i, m->end);
}

/* ---- decades: 1990s, 1990's, '90s, 90s ---- */

int match_decade(const nctx *c, size_t i, nmatch *m)
{
    size_t j = tk_punct(c, i, '\'') && tk_num(c, i + 1) ? i + 1 : i;
    size_t n = tk_len(c, j);
    if (!tk_num(c, j) || (n != 2 && n != 4) || tk_p(c, j)[n - 1] != '0')
        return 0;
    size_t e = j + 1;
    if (tk_punct(c, e, '\'') && tk_is(c, e + 1, "s"))
        e++;
    if (!tk_is(c, e, "s"))
        return 0;
    m->a = j;
    m->end = e + 1;
    return 1;
}

void expand_decade(nctx *c, size_t i, const nmatch *m)
{
    num_year(&c->tmp, tk_p(c, m->a), tk_len(c, m->a));
    words_make_plural(&c->tmp, 0);
    emit_tmp(c, i, m->end);
}

/* ---- a year by its last two digits: "in '08" oh eight, "the '92 team" ---- */

int match_short_year(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_punct(c, i, '\'') || (i > 0 && !tk_space(c, i - 1)) || !tk_num(c, i + 1) ||
        tk_len(c, i + 1) != 2 || tk_word(c, i + 2) || tk_num(c, i + 2) || tk_punct(c, i + 2, '\'') ||
        ((tk_punct(c, i + 2, '.') || tk_punct(c, i + 2, ',')) && tk_num(c, i + 3)))
        return 0;
    m->end = i + 2;
    return 1;
}

void expand_short_year(nctx *c, size_t i, const nmatch *m)
{
    num_year(&c->tmp, tk_p(c, i + 1), 2);
    emit_tmp(c, i, m->end);
}
