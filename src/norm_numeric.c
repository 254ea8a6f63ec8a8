/* Rules for bare numbers: phone numbers and serials, ranges and scores,
 * fractions, ordinals, letter-number names and plain cardinals and years. */
#include <string.h>
#include <strings.h>

#include "norm_numbers.h"
#include "norm_rules.h"

static int starts_token(const nctx *c, size_t i)
{
    if (i == 0)
        return 1;
    int k = tk_kind(c, i - 1);
    int unit_mark = i >= 2 && tk_num(c, i - 2) && tk_unit_mark(c, i - 1);
    return k == TK_SPACE || (k == TK_PUNCT && !tk_punct(c, i - 1, '.') && !tk_punct(c, i - 1, '-') &&
                             !tk_punct(c, i - 1, '/') && !tk_punct(c, i - 1, '%') && !unit_mark); /* "6\"-12\"" */
}

int parse_number(const nctx *c, size_t i, nnum *o)
{
    memset(o, 0, sizeof *o);
    if ((tk_punct(c, i, '-') || tk_punct(c, i, '+')) && tk_num(c, i + 1) && starts_token(c, i)) {
        o->neg = tk_punct(c, i, '-');
        o->plus = !o->neg;
        i++;
    }
    if (tk_punct(c, i, '.') && tk_num(c, i + 1) && starts_token(c, i)) {
        o->fp = tk_p(c, i + 1);
        o->fn = tk_len(c, i + 1);
        o->end = i + 2;
        return 1;
    }
    if (!tk_num(c, i))
        return 0;
    o->ip = tk_p(c, i);
    o->in = tk_len(c, i);
    o->end = i + 1;
    if (o->in <= 3 && tk_punct(c, i + 1, ',') && tk_num(c, i + 2) && tk_len(c, i + 2) == 3) {
        memcpy(o->buf, o->ip, o->in);
        o->in = o->in;
        size_t j = i + 1;
        while (tk_punct(c, j, ',') && tk_num(c, j + 1) && tk_len(c, j + 1) == 3 &&
               o->in + 3 < sizeof o->buf && !tk_num(c, j + 2)) {
            memcpy(o->buf + o->in, tk_p(c, j + 1), 3);
            o->in += 3;
            j += 2;
        }
        o->ip = o->buf;
        o->commas = 1;
        o->end = j;
    }
    size_t j = o->end;
    if (tk_punct(c, j, '.') && tk_num(c, j + 1) && !(tk_punct(c, j + 2, '.') && tk_num(c, j + 3))) {
        o->fp = tk_p(c, j + 1);
        o->fn = tk_len(c, j + 1);
        o->end = j + 2;
    }
    return 1;
}

int num_is_one(const nnum *n) { return !n->fp && n->in == 1 && n->ip[0] == '1'; }

void tmp_number(nctx *c, const nnum *n)
{
    if (n->neg || n->plus)
        tmp_words(c, n->neg ? "minus" : "plus");
    if (n->fp) {
        num_decimal(&c->tmp, n->ip, n->in, n->fp, n->fn);
        return;
    }
    if (n->in > 1 && n->ip[0] == '0')
        num_digits(&c->tmp, n->ip, n->in);
    else
        num_cardinal(&c->tmp, n->ip, n->in);
}

/* ---- phone numbers and serials: digit groups joined by '-' or '.' ---- */

static size_t digit_groups(const nctx *c, size_t i, uint32_t sep, size_t *ngroups, size_t *ndigits)
{
    *ngroups = *ndigits = 0;
    while (tk_num(c, i)) {
        (*ngroups)++;
        *ndigits += tk_len(c, i);
        if (!(tk_punct(c, i + 1, sep) && tk_num(c, i + 2)))
            return i + 1;
        i += 2;
    }
    return i;
}

/* A toll-free prefix without a full number after it: "1-800" before letters
 * ("1-800-FLOWERS") or alone ("the 1-800 line"), never a range. */
static int toll_free(const nctx *c, size_t i, nmatch *m)
{
    const char *d = tk_p(c, i + 2);
    if (!tk_is(c, i, "1") || !tk_punct(c, i + 1, '-') || !tk_num(c, i + 2) || tk_len(c, i + 2) != 3 ||
        d[0] != '8' || d[1] != d[2] || (tk_dash(c, i + 3) && tk_num(c, i + 4)) || tk_num(c, i + 3))
        return 0;
    m->kind = 1;
    m->end = i + 3;
    return 1;
}

/* A phone number after a country code ("+1 212-555-0100", "+44 (20) 7946 0000"
 * is not read as one: only the North American forms follow the code). */
static int phone_body(const nctx *c, size_t i, nmatch *m);

/* The rest of an international number after its country code: two or more
 * groups of up to four digits, six to twelve digits in all, joined by single
 * spaces or dashes ("+44 20 7946 0958"). */
static int intl_body(const nctx *c, size_t i, nmatch *m)
{
    size_t j = i, groups = 0, digits = 0;
    while (tk_num(c, j) && tk_len(c, j) <= 4) {
        groups++;
        digits += tk_len(c, j);
        m->end = j + 1;
        int sep = tk_punct(c, j + 1, '-') || (tk_space(c, j + 1) && tk_len(c, j + 1) == 1);
        if (!sep || !tk_num(c, j + 2))
            break;
        j += 2;
    }
    return groups >= 2 && digits >= 6 && digits <= 12 && !tk_word(c, m->end) && !tk_num(c, m->end);
}

/* A national number written with a trunk zero, in groups of three to six
 * digits joined by single spaces, ten or eleven digits in all, as in Britain
 * ("020 7946 0958", "0161 496 0000", "07700 900123"). */
static int national_body(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_num(c, i) || tk_p(c, i)[0] != '0' || tk_len(c, i) < 3 || tk_len(c, i) > 5)
        return 0;
    size_t j = i, groups = 0, digits = 0;
    while (tk_num(c, j) && tk_len(c, j) >= 3 && tk_len(c, j) <= 6) {
        groups++;
        digits += tk_len(c, j);
        m->end = j + 1;
        if (!(tk_space(c, j + 1) && tk_len(c, j + 1) == 1 && tk_num(c, j + 2)))
            break;
        j += 2;
    }
    return groups >= 2 && groups <= 3 && (digits == 10 || digits == 11) && !tk_word(c, m->end) &&
           !tk_num(c, m->end) && !(tk_punct(c, m->end, '.') && tk_num(c, m->end + 1));
}

int match_phone(const nctx *c, size_t i, nmatch *m)
{
    if (tk_punct(c, i, '+')) {
        if (!tk_num(c, i + 1) || tk_len(c, i + 1) > 3 || !starts_token(c, i))
            return 0;
        size_t j = i + 2;
        if (tk_space(c, j) || tk_punct(c, j, '-'))
            j++;
        if (j > i + 2 || tk_punct(c, j, '('))
            return phone_body(c, j, m) || intl_body(c, j, m);
        return 0;
    }
    if (!tk_punct(c, i, '(') && !starts_token(c, i))
        return 0;
    return phone_body(c, i, m) || toll_free(c, i, m) || (starts_token(c, i) && national_body(c, i, m));
}

static int phone_body(const nctx *c, size_t i, nmatch *m)
{
    size_t j = i, groups, digits;
    if (tk_punct(c, i, '(') && tk_num(c, i + 1) && tk_len(c, i + 1) == 3 && tk_punct(c, i + 2, ')')) {
        j = tk_punct(c, i + 3, '-') ? i + 4 : tk_next(c, i + 2);
        size_t e = digit_groups(c, j, '-', &groups, &digits);
        if (groups != 2 || digits != 7)
            return 0;
        m->end = e;
        return 1;
    }
    if (!tk_num(c, i))
        return 0;
    uint32_t sep = tk_punct(c, i + 1, '.') ? '.' : '-';
    size_t e = digit_groups(c, i, sep, &groups, &digits);
    int ok = groups >= 3 || (groups == 2 && tk_len(c, i) == 3 && tk_len(c, i + 2) == 4);
    if (sep == '.')
        ok = groups == 3 && digits == 10;
    if (!ok || tk_num(c, e) || tk_word(c, e))
        return 0;
    m->end = e;
    return 1;
}

void expand_phone(nctx *c, size_t i, const nmatch *m)
{
    if (tk_punct(c, i, '+'))
        tmp_words(c, "plus");
    for (size_t j = i; j < m->end; j++) {
        if (!tk_num(c, j))
            continue;
        if (m->kind && j > i && tk_is(c, j, "800")) /* "one, eight hundred" */
            tmp_words(c, "eight hundred");
        else
            num_digits(&c->tmp, tk_p(c, j), tk_len(c, j));
        emit_tmp(c, j, j + 1);
        emit_pause(c, ',');
    }
    c->pending = 0;
}

/* ---- ratios: 1:1, 3:2, 1:250,000 (the time rule has taken 3:16 and 10:30) ---- */

/* Minutes and seconds past any hour of the clock ("won in 27:43"): read
 * "twenty seven forty three", not as a ratio. */
static int race_time(const nnum *a, const nnum *b)
{
    return !a->commas && a->in == 2 && num_value(a->ip, a->in) >= 25 && !b->commas && b->in == 2 &&
           num_value(b->ip, b->in) < 60;
}

int match_ratio(const nctx *c, size_t i, nmatch *m)
{
    if (!parse_number(c, i, &m->num) || m->num.neg || m->num.plus || m->num.fp ||
        !tk_punct(c, m->num.end, ':') || !tk_num(c, m->num.end + 1) ||
        !parse_number(c, m->num.end + 1, &m->num2) || m->num2.fp)
        return 0;
    size_t e = m->num2.end;
    if (tk_punct(c, e, ':') || tk_word(c, e) || tk_num(c, e))
        return 0; /* "2:03:23", "12:30AB" */
    m->end = e;
    m->kind = race_time(&m->num, &m->num2);
    return 1;
}

void expand_ratio(nctx *c, size_t i, const nmatch *m)
{
    tmp_number(c, &m->num);
    emit_tmp(c, i, m->num.end);
    if (m->kind) {
        num_pair(&c->tmp, m->num2.ip); /* race_time: two digits */
    } else {
        tmp_words(c, "to");
        tmp_number(c, &m->num2);
    }
    emit_tmp(c, m->num.end, m->end);
}

/* ---- codes after words of digit_contexts.tsv: ZIP code 26278, ISSN 0891-1851 ---- */

/* The row of digit_contexts.tsv for the word (or two words) before token i,
 * a period or colon after them allowed ("ZIP code 26278", "ext. 4410"), or
 * NULL. */
static const nrow *after_digit_words(const nctx *c, size_t i)
{
    size_t w = tk_prev(c, i);
    if (w != SIZE_MAX && w > 0 && (tk_punct(c, w, '.') || tk_punct(c, w, ':')) && tk_word(c, w - 1))
        w--;
    if (w == SIZE_MAX || !tk_word(c, w))
        return NULL;
    const ntable *t = &c->d->digit_words;
    const nrow *r = tk_lookup(c, t, w, "");
    if (r)
        return r;
    size_t v = tk_prev(c, w);
    char key[64];
    if (v == SIZE_MAX || !tk_word(c, v) || tk_len(c, v) + 1 + tk_len(c, w) > sizeof key)
        return NULL;
    memcpy(key, tk_p(c, v), tk_len(c, v));
    key[tk_len(c, v)] = ' ';
    memcpy(key + tk_len(c, v) + 1, tk_p(c, w), tk_len(c, w));
    return ntable_get(t, key, tk_len(c, v) + 1 + tk_len(c, w));
}

/* After a `service` word of digit_contexts.tsv ("call 999", "dial 112") the
 * code has three digits at least and ends at punctuation, the end or a word
 * of sentence_starters.tsv ("call 999 in an emergency"), so that "a call 20
 * minutes later" and "call 100 people" stay amounts. */
static int service_code(const nctx *c, const nrow *r, size_t e, size_t digits)
{
    if (!nslice_is(r->col[1], "service"))
        return 1;
    if (digits < 3)
        return 0;
    return !tk_space(c, e) || !tk_word(c, e + 1) || tk_lookup(c, &c->d->starters, e + 1, "");
}

/* After a `docket` word of digit_contexts.tsv ("No. 22-451", "No.
 * 2023-1101") the code has two groups or more, the first of two or four
 * digits (a year) and the last of three or more, so that "No. 1" and "No.
 * 3-5" stay a number and a range. */
static int docket_code(const nctx *c, size_t i, size_t e, size_t groups)
{
    return groups >= 2 && (tk_len(c, i) == 2 || tk_len(c, i) == 4) && tk_len(c, e - 1) >= 3;
}

int match_digit_code(const nctx *c, size_t i, nmatch *m)
{
    size_t groups, digits;
    if (!tk_num(c, i) || !starts_token(c, i) || national_body(c, i, m))
        return 0; /* a national number is the phone rule's */
    size_t e = digit_groups(c, i, '-', &groups, &digits);
    const nrow *r;
    if (tk_word(c, e) || ((tk_punct(c, e, ',') || tk_punct(c, e, '.')) && tk_num(c, e + 1)) ||
        !(r = after_digit_words(c, i)) || digits < 2 || !service_code(c, r, e, digits))
        return 0;
    m->kind = nslice_is(r->col[1], "docket");
    if (m->kind && !docket_code(c, i, e, groups))
        return 0;
    m->end = e;
    return 1;
}

static void model_number(nctx *c, const char *d, size_t n);

/* A docket number group by group, each as a model number ("twenty two, four
 * fifty one"); any other code digit by digit. */
void expand_digit_code(nctx *c, size_t i, const nmatch *m)
{
    if (!m->kind) {
        expand_phone(c, i, m);
        return;
    }
    for (size_t j = i; j < m->end; j += 2) {
        model_number(c, tk_p(c, j), tk_len(c, j));
        emit_tmp(c, j, j + 1 < m->end ? j + 2 : j + 1);
        emit_pause(c, ',');
    }
    c->pending = 0;
}

/* ---- ranges and scores: 10-15, 2020-22, 6-3 ---- */

static int is_year(const nnum *n)
{
    long v = num_value(n->ip, n->in);
    return !n->fp && !n->neg && !n->commas && n->in == 4 && v >= 1000 && v <= 2099;
}

/* Five digits or more without commas: a serial or a code, not an amount. */
static int code_part(const nnum *n) { return n->in >= 5 && !n->commas && !n->fp; }
/* Seven digits or more without commas: never an amount in a range. */
static int long_code(const nnum *n) { return n->in >= 7 && !n->commas && !n->fp; }

int match_range(const nctx *c, size_t i, nmatch *m)
{
    if (!parse_number(c, i, &m->num) || m->num.neg)
        return 0;
    size_t d = m->num.end, after;
    if (tk_space(c, d) && tk_dash(c, d + 1) && tk_space(c, d + 2))
        d++, after = d + 2;
    else
        after = d + 1;
    if (!tk_dash(c, d) || !parse_number(c, after, &m->num2) || m->num2.neg)
        return 0;
    size_t e = m->num2.end;
    if (tk_dash(c, e) || tk_num(c, e) || tk_punct(c, e, '/') || tk_ordinal_suffix(c, e) || long_code(&m->num) ||
        long_code(&m->num2) || (m->num2.in > 1 && m->num2.ip[0] == '0' && !is_year(&m->num)))
        return 0; /* "978-0816648368" is a code */
    m->kind = tk_punct(c, e, '%'); /* "2-3%" */
    m->end = m->kind ? e + 1 : match_unit_after(c, e, m);
    return 1;
}

/* Whether the range at i is a win-loss record, by the words around it
 * (record_contexts.tsv): "went 12-4", "improved to 3-0", "a 10-6 record"; or
 * in brackets after a name: "The Ravens (10-3)". */
static int win_loss(const nctx *c, size_t i, const nmatch *m)
{
    const ntable *t = &c->d->record_words;
    if (m->num.fp || m->num2.fp || m->num.in > 3 || m->num2.in > 3 || m->unit || m->kind)
        return 0;
    size_t pv = tk_prev(c, i), nx = tk_next(c, m->end - 1);
    if (tk_word(c, nx) && (tk_ieq(c, nx, "percent") || tk_lookup(c, &c->d->units, nx, "") ||
                           tk_lookup(c, &c->d->scales, nx, "")))
        return 0; /* "went 5-10 percent" */
    if (tk_punct(c, pv, '(') && tk_punct(c, nx, ')') && pv > 0 && tk_cased(c, tk_prev(c, pv)) == CASE_TITLE)
        return 1; /* "The Ravens (10-3) host" */
    if (tk_table_word(c, t, pv, "before") ||
        (pv != SIZE_MAX && tk_ieq(c, pv, "to") && tk_table_word(c, t, tk_prev(c, pv), "before_to")))
        return 1;
    return tk_space(c, m->end) && tk_table_word(c, t, nx, "after");
}

static void range_words(nctx *c, size_t i, const nmatch *m)
{
    if (!m->num.fp && !m->num2.fp && m->num.in == m->num2.in &&
        memcmp(m->num.ip, m->num2.ip, m->num.in) == 0) {
        tmp_number(c, &m->num);
        emit_tmp(c, i, m->num.end);
        tmp_number(c, &m->num2);
        emit_tmp(c, m->num.end, m->num2.end);
        return;
    }
    if (is_year(&m->num) && (m->num2.in == 2 || is_year(&m->num2)) && !m->num2.fp && !m->unit) {
        num_year(&c->tmp, m->num.ip, m->num.in);
        emit_tmp(c, i, m->num.end);
        tmp_words(c, "to");
        if (m->num.ip[2] == '0' && m->num.ip[0] == '2' && m->num2.in == 2) {
            /* "2008-09": two thousand nine, not "oh nine" */
            char full[4] = {m->num.ip[0], m->num.ip[1], m->num2.ip[0], m->num2.ip[1]};
            num_year(&c->tmp, full, 4);
        } else {
            num_year(&c->tmp, m->num2.ip, m->num2.in);
        }
        emit_tmp(c, m->num.end, m->num2.end);
        return;
    }
    int record = win_loss(c, i, m);
    tmp_number(c, &m->num);
    emit_tmp(c, i, m->num.end);
    tmp_words(c, record ? "and" : "to");
    if (record && m->num2.in == 1 && m->num2.ip[0] == '0')
        tmp_words(c, "oh"); /* "went 12-0" twelve and oh */
    else
        tmp_number(c, &m->num2);
    emit_tmp(c, m->num.end, m->num2.end);
}

void expand_range(nctx *c, size_t i, const nmatch *m)
{
    range_words(c, i, m);
    if (m->kind)
        emit(c, "percent", 7, m->end - 1, m->end);
    expand_unit_after(c, m);
}

/* Replaces "one" at c->tmp[at..den) by "a" or "an", as the word after it wants. */
static void tmp_article(nctx *c, size_t at, size_t den)
{
    char *p = c->tmp.p;
    size_t tail = c->tmp.len - den;
    char next = den + 1 < c->tmp.len ? p[den + 1] : 0;
    const char *art = next && strchr("aeiou", next) ? "an" : "a";
    size_t an = strlen(art);
    while (at < den && p[at] == ' ')
        at++;
    memmove(p + at + an, p + den, tail);
    memcpy(p + at, art, an);
    c->tmp.len = at + an + tail;
    p[c->tmp.len] = '\0';
}

/* ---- fractions: 3/4, 2 1/2 ---- */

int match_fraction(const nctx *c, size_t i, nmatch *m)
{
    size_t j = i;
    m->kind = 0;
    if (tk_num(c, i) && tk_space(c, i + 1) && tk_num(c, i + 2) && tk_punct(c, i + 3, '/')) {
        m->kind = 1;
        j = i + 2;
    }
    if (!tk_num(c, j) || !tk_punct(c, j + 1, '/') || !tk_num(c, j + 2) || !starts_token(c, i))
        return 0;
    if (tk_punct(c, j + 3, '/') || tk_num(c, j + 3) || tk_word(c, j + 3) || tk_len(c, j + 2) >= 5)
        return 0; /* "88/412907" is a file number */
    if (tk_punct(c, j + 3, ',') && tk_num(c, j + 4) && tk_len(c, j + 4) == 3)
        return 0; /* "10/618,543": a serial number with thousands separators */
    if (m->kind && num_value(tk_p(c, j), tk_len(c, j)) >= num_value(tk_p(c, j + 2), tk_len(c, j + 2)))
        return 0;
    long first = num_value(tk_p(c, j), tk_len(c, j));
    if (tk_len(c, j) == 4 && first >= 1000 && first <= 2099 && tk_len(c, j + 2) == 2)
        return 0; /* "2023/24" is a season, not a fraction */
    m->a = j;
    m->end = match_unit_after(c, j + 3, m);
    return 1;
}


/* Whether the fraction at j is a pair of readings rather than a part of a
 * whole: two numbers of two digits or more, the first larger ("blood
 * pressure of 130/80" one hundred thirty over eighty); a sign before it
 * keeps it a fraction ("-133/94"). */
static int reading_pair(const nctx *c, size_t i, size_t j)
{
    if (tk_len(c, j) < 2 || tk_len(c, j + 2) < 2 || (i > 0 && tk_punct(c, i - 1, '-')))
        return 0;
    return num_value(tk_p(c, j), tk_len(c, j)) > num_value(tk_p(c, j + 2), tk_len(c, j + 2));
}

/* Whether a hyphen at j joins the number before it to a word that describes
 * the noun after it: "a 3/4-inch pipe" three quarter inch (quarters alone are
 * said in the singular there: "a 3/8-inch bit" three eighths inch, "a
 * 2/3-majority" two thirds). */
static int modifies_noun(const nctx *c, size_t j)
{
    return tk_punct(c, j, '-') && tk_word(c, j + 1) && tk_space(c, j + 2) && tk_word(c, j + 3);
}

void expand_fraction(nctx *c, size_t i, const nmatch *m)
{
    size_t j = m->a;
    if (!m->kind && reading_pair(c, i, j)) {
        num_cardinal(&c->tmp, tk_p(c, j), tk_len(c, j));
        tmp_words(c, "over");
        num_cardinal(&c->tmp, tk_p(c, j + 2), tk_len(c, j + 2));
        emit_tmp(c, i, m->a + 3);
        expand_unit_after(c, m);
        return;
    }
    if (m->kind) {
        num_cardinal(&c->tmp, tk_p(c, i), tk_len(c, i));
        tmp_words(c, "and");
    }
    int one = tk_is(c, j, "1");
    size_t num_at = c->tmp.len;
    if (!m->kind && one && modifies_noun(c, j + 3)) { /* "a ½-mile stretch" a half mile */
        num_denominator(&c->tmp, tk_p(c, j + 2), tk_len(c, j + 2), 0);
        emit_tmp(c, i, m->a + 3);
        expand_unit_after(c, m);
        return;
    }
    num_cardinal(&c->tmp, tk_p(c, j), tk_len(c, j));
    size_t den_at = c->tmp.len;
    int quarter_modifier = tk_is(c, j + 2, "4") && modifies_noun(c, j + 3);
    num_denominator(&c->tmp, tk_p(c, j + 2), tk_len(c, j + 2), !one && !quarter_modifier);
    if (m->kind && one) /* "two and a half", "an eighth" */
        tmp_article(c, num_at, den_at);
    emit_tmp(c, i, m->a + 3);
    expand_unit_after(c, m);
}

/* ---- ordinals: 1st, 22nd, 100th ---- */

int match_ordinal(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_num(c, i) || !parse_number(c, i, &m->num) || m->num.fp)
        return 0;
    size_t j = m->num.end;
    static const char *const suffixes[] = {"st", "nd", "rd", "th"};
    for (size_t k = 0; k < 4; k++) {
        m->kind = tk_len(c, j) == 4 && tk_p(c, j)[2] == '\'' && (tk_p(c, j)[3] | 32) == 's';
        if (tk_word(c, j) && (tk_len(c, j) == 2 || m->kind) &&
            strncasecmp(tk_p(c, j), suffixes[k], 2) == 0) {
            m->end = j + 1;
            return 1;
        }
    }
    return 0;
}

/* "22nd", and "29th's" twenty ninth's. */
void expand_ordinal(nctx *c, size_t i, const nmatch *m)
{
    num_ordinal(&c->tmp, m->num.ip, m->num.in);
    if (m->kind)
        nbuf_puts(&c->tmp, "'s");
    emit_tmp(c, i, m->end);
}

/* ---- letter-number names: COVID-19, F-16s, G7, MH17, I-95, 5G ---- */

/* Reads a model number: up to two digits as a cardinal, three or four in pairs
 * ("737" seven thirty seven, "370" three seventy). */
static void model_number(nctx *c, const char *d, size_t n)
{
    if (n == 3 && d[0] != '0' && (d[1] != '0' || d[2] != '0')) { /* "seven thirty seven", "seven oh seven" */
        num_cardinal(&c->tmp, d, 1);
        num_pair(&c->tmp, d + 1);
    } else if (n == 4 && d[0] != '0') {
        num_year(&c->tmp, d, n);
    } else if (n > 1 && d[0] == '0') {
        num_digits(&c->tmp, d, n);
    } else {
        num_cardinal(&c->tmp, d, n);
    }
}

void tmp_caps_word(nctx *c, size_t i);

int match_alnum(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i) || tk_len(c, i) > 6)
        return 0;
    size_t j = i + 1;
    if (tk_punct(c, j, '-') && tk_cased(c, i) == CASE_UPPER)
        j++;
    if (!tk_num(c, j) || tk_len(c, j) > 4 || tk_punct(c, j + 1, '.') || tk_punct(c, j + 1, ','))
        return 0;
    if (tk_cased(c, i) != CASE_UPPER && j == i + 1 && tk_len(c, i) > 2)
        return 0;
    m->a = j;
    m->end = j + 1;
    m->kind = tk_is(c, j + 1, "s");
    if (m->kind)
        m->end++;
    else if (tk_word(c, j + 1) && !(tk_len(c, j + 1) >= 3 && tk_cased(c, j + 1) == CASE_LOWER))
        return 0; /* a variant in lower case is read as a word: "A320neo" */
    while (!m->kind && tk_cased(c, i) == CASE_UPPER && tk_dash(c, m->end) && tk_num(c, m->end + 1) &&
           tk_len(c, m->end + 1) <= 4 && !tk_word(c, m->end + 2) && !tk_punct(c, m->end + 2, '.'))
        m->end += 2; /* more groups of a code: "CVE-2024-3094", not a range */
    return 1;
}

void expand_alnum(nctx *c, size_t i, const nmatch *m)
{
    tmp_caps_word(c, i);
    emit_tmp(c, i, i + 1);
    size_t from = c->tmp.len;
    model_number(c, tk_p(c, m->a), tk_len(c, m->a));
    if (m->kind)
        words_make_plural(&c->tmp, from);
    if (m->kind || m->end == m->a + 1) {
        emit_tmp(c, m->a, m->end);
        return;
    }
    emit_tmp(c, m->a, m->a + 1);
    for (size_t g = m->a + 2; g < m->end; g += 2) {
        model_number(c, tk_p(c, g), tk_len(c, g));
        emit_tmp(c, g - 1, g + 1);
    }
}

/* ---- model numbers: Boeing 737, 737-800s, the 787 Dreamliner ---- */

/* Whether the word at i (a possessive "'s" dropped) is a model_contexts.tsv
 * word at the given position. */
static int model_word(const nctx *c, size_t i, const char *position)
{
    const nrow *r = tk_word(c, i) ? ntable_get(&c->d->models, tk_p(c, i), tk_stem_len(c, i)) : NULL;
    if (!r && tk_punct(c, i, '.')) { /* a dotted abbreviation: "H.R.", "S." */
        size_t start = i + 1;
        while (start >= 2 && tk_punct(c, start - 1, '.') && tk_word(c, start - 2) && tk_len(c, start - 2) <= 2)
            start -= 2;
        if (start <= i && (start == 0 || tk_space(c, start - 1)))
            r = ntable_get(&c->d->models, tk_p(c, start), c->tok[i].off + 1 - c->tok[start].off);
    }
    return r && nslice_is(r->col[1], position);
}

static int three_digits(const nctx *c, size_t i) { return tk_num(c, i) && tk_len(c, i) == 3; }

/* A three- or four-digit whole number after a `before` word, with an optional
 * "-800" variant, or between a `determiner` and an `after` word, or after a
 * `determiner` with a one-digit variant ("the 787-9"); an optional plural
 * "s", which alone makes a three-digit number a model ("235s" two thirty
 * fives).  Four digits too after a `before` word or before an `after` one. */
int match_model(const nctx *c, size_t i, nmatch *m)
{
    size_t pv = tk_prev(c, i);
    int before = pv != SIZE_MAX && i > 0 && tk_space(c, i - 1) && model_word(c, pv, "before");
    int determiner = pv != SIZE_MAX && model_word(c, pv, "determiner");
    int after = determiner && tk_space(c, i + 1) && model_word(c, i + 2, "after");
    int four = (before || after) && tk_num(c, i) && tk_len(c, i) == 4; /* "Flight 1549", "the 2100 block" */
    if (!(three_digits(c, i) || four) || !starts_token(c, i) || tk_p(c, i)[0] == '0')
        return 0;
    size_t e = i + 1;
    int one_digit = tk_num(c, e + 1) && tk_len(c, e + 1) == 1 && tk_p(c, e + 1)[0] > '1' && three_digits(c, i) &&
                    num_value(tk_p(c, i), 3) % 10 != 0; /* "the 787-9", but "the 200-1", "the 125-1 odds" */
    if (tk_punct(c, e, '-') && ((before && three_digits(c, e + 1)) || ((before || determiner) && one_digit)))
        e += 2;
    m->a = e;
    m->kind = tk_is(c, e, "s");
    m->b = 0;
    if (m->kind)
        e++;
    else if (before && tk_len(c, e) == 1 && tk_cased(c, e) == CASE_UPPER && !tk_word(c, e + 1) && !tk_num(c, e + 1))
        m->b = e++; /* a variant letter: "Boeing 777X" */
    if (tk_word(c, e) || tk_num(c, e) || ((tk_punct(c, e, '.') || tk_punct(c, e, ',')) && tk_num(c, e + 1)))
        return 0;
    if (!before && m->a == i + 1 && !m->kind && !(tk_space(c, e) && model_word(c, e + 1, "after") && determiner))
        return 0; /* a plural is read in pairs anywhere: "the 737s", "in the 120s" */
    m->end = e;
    return 1;
}

void expand_model(nctx *c, size_t i, const nmatch *m)
{
    size_t from = c->tmp.len;
    model_number(c, tk_p(c, i), tk_len(c, i));
    if (m->a > i + 1)
        num_cardinal(&c->tmp, tk_p(c, i + 2), tk_len(c, i + 2));
    if (m->kind)
        words_make_plural(&c->tmp, from);
    if (m->b)
        tmp_word(c, tk_p(c, m->b), 1);
    emit_tmp(c, i, m->end);
}

/* ---- plain numbers ---- */

/* A number, with an optional plural "s" or "'s" ("the 21s"). */
int match_number(const nctx *c, size_t i, nmatch *m)
{
    if (!parse_number(c, i, &m->num))
        return 0;
    size_t e = m->num.end;
    if (tk_punct(c, e, '\'') && tk_is(c, e + 1, "s"))
        e++;
    m->kind = tk_is(c, e, "s") && !m->num.fp;
    m->end = m->kind ? e + 1 : m->num.end;
    return 1;
}

/* A bare four-digit number from 1000 to 2099 is read as a year, except before
 * "people" (counts of things are written with a comma: "1,500 copies"). */
static int reads_as_year(const nctx *c, const nnum *n)
{
    if (!is_year(n))
        return 0;
    size_t j = n->end + 1;
    if (!tk_space(c, n->end) || !tk_word(c, j) || tk_cased(c, j) != CASE_LOWER)
        return 1;
    return !tk_ieq(c, j, "people");
}

/* Five digits or more glued to letters or after a slash ("ab94531",
 * "MIG-25/235212-x", "123/261788") are a code, read digit by digit. */
static int in_code(const nctx *c, size_t i, const nnum *n)
{
    if (!code_part(n) || n->neg || n->plus)
        return 0;
    if (tk_word(c, n->end) || (i > 0 && tk_word(c, i - 1)))
        return 1;
    if (i > 1 && tk_punct(c, i - 1, '/'))
        return tk_word(c, i - 2) || tk_num(c, i - 2);
    return i > 1 && tk_punct(c, i - 1, '-') && tk_word(c, i - 2);
}

void expand_number(nctx *c, size_t i, const nmatch *m)
{
    const nnum *n = &m->num;
    size_t from = c->tmp.len;
    if (reads_as_year(c, n)) {
        c->rule = "year";
        num_year(&c->tmp, n->ip, n->in);
    } else if (in_code(c, i, n)) {
        c->rule = "serial";
        num_digits(&c->tmp, n->ip, n->in);
    } else
        tmp_number(c, n);
    if (m->kind)
        words_make_plural(&c->tmp, from);
    emit_tmp(c, i, m->end);
}
