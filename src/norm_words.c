/* Rules for words: party-state tags, states after a city, Roman numerals,
 * dotted initials and acronyms, abbreviations in context, words in capitals,
 * and plain words. */
#include <string.h>

#include "norm_numbers.h"
#include "norm_rules.h"

#define KEY_MAX 48

static int is_upper(char ch) { return ch >= 'A' && ch <= 'Z'; }

/* Collects "U.S." style tokens (word '.' word '.' ...) from i into key; returns
 * the number of word parts and sets *end.  A missing final dot is allowed when
 * there are several parts. */
static size_t dotted_parts(const nctx *c, size_t i, char *key, size_t *klen, size_t *end)
{
    size_t parts = 0, k = 0, j = i;
    while (tk_word(c, j) && k + tk_len(c, j) + 1 < KEY_MAX) {
        memcpy(key + k, tk_p(c, j), tk_len(c, j));
        k += tk_len(c, j);
        parts++;
        if (!tk_punct(c, j + 1, '.')) {
            j++;
            break;
        }
        key[k++] = '.';
        j += 2;
        if (!tk_word(c, j) || tk_len(c, j) > 2)
            break;
    }
    if (parts == 1 && key[k - 1] != '.')
        return 0;
    *klen = k;
    *end = j;
    return parts;
}

/* Appends letters to spell, as a run "F-B-I" (which engine_text says by the
 * letters' names), or with NARRATE_CAPS_WORD one by one ("capital F ..."). */
static void tmp_letters(nctx *c, const char *s, size_t n)
{
    char out[2 * KEY_MAX];
    size_t k = 0;
    int capitals = 1;
    for (size_t j = 0; j < n && k + 2 < sizeof out; j++) {
        if (s[j] == '.' || s[j] == '\'' || s[j] == '-')
            continue;
        if (c->reading.capitals == NARRATE_CAPS_WORD) {
            tmp_letter(c, s[j]);
            continue;
        }
        capitals &= is_upper(s[j]);
        if (k)
            out[k++] = '-';
        out[k++] = s[j] >= 'a' && s[j] <= 'z' ? (char)(s[j] - 32) : s[j];
    }
    if (k == 0)
        return;
    tmp_word(c, out, k);
    if (capitals && c->reading.capitals == NARRATE_CAPS_PITCH)
        c->flags |= NORM_WORD_LETTERS | NORM_WORD_RAISED;
}

/* Whether the word s[0..n) is a spelled run of capitals: "F-B-I", "U-S". */
static int is_spelled_run(const char *s, size_t n)
{
    if (n < 3 || n % 2 == 0)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (k % 2 ? s[k] != '-' : !is_upper(s[k]))
            return 0;
    return 1;
}

/* Appends a table's reading: as written, except that its spelled runs follow
 * the reading's capitals mode. */
static void tmp_table_reading(nctx *c, nslice s)
{
    if (c->reading.capitals == NARRATE_CAPS_NONE) {
        tmp_slice(c, s);
        return;
    }
    for (size_t k = 0; k < s.len;) {
        size_t e = k;
        while (e < s.len && s.p[e] != ' ')
            e++;
        if (is_spelled_run(s.p + k, e - k))
            tmp_letters(c, s.p + k, e - k);
        else
            tmp_word(c, s.p + k, e - k);
        k = e + 1;
    }
}

/* ---- abbreviations in context ---- */

/* Whether token i is the first in brackets, or follows a , ; or dash there:
 * "(b. 1931", "(b. 1931, d. 2001". */
static int bracket_opens(const nctx *c, size_t i)
{
    size_t pv = tk_prev(c, i);
    if (pv == SIZE_MAX)
        return 0;
    if (tk_punct(c, pv, '(') || tk_punct(c, pv, '['))
        return 1;
    if (!tk_punct(c, pv, ',') && !tk_punct(c, pv, ';') && !tk_dash(c, pv))
        return 0;
    for (size_t j = pv; j-- > 0 && pv - j < 16;)
        if (tk_punct(c, j, '(') || tk_punct(c, j, '['))
            return 1;
        else if (tk_punct(c, j, ')') || tk_punct(c, j, ']'))
            return 0;
    return 0;
}

static int context_holds(const nctx *c, size_t i, size_t end, nslice ctx)
{
    size_t nx = tk_next(c, end - 1), pv = tk_prev(c, i);
    int next_cap = tk_word(c, nx) && (tk_cased(c, nx) == CASE_TITLE || tk_cased(c, nx) == CASE_UPPER);
    int prev_cap = pv != SIZE_MAX && tk_word(c, pv) && tk_cased(c, pv) != CASE_LOWER;
    if (nslice_is(ctx, "any"))
        return 1;
    if (nslice_is(ctx, "before_cap"))
        return next_cap;
    if (nslice_is(ctx, "before_num"))
        return tk_num(c, nx) || tk_punct(c, nx, '#');
    if (nslice_is(ctx, "after_num")) /* "6 Ft.", "1st St" */
        return pv != SIZE_MAX && (tk_num(c, pv) || (pv > 0 && tk_word(c, pv) && tk_num(c, pv - 1)));
    if (nslice_is(ctx, "after_cap"))
        return prev_cap && !next_cap;
    if (nslice_is(ctx, "street")) /* "708 N 1st St", "1211 E Arques Ave" */
        return pv != SIZE_MAX && tk_num(c, pv) && (next_cap || (tk_num(c, nx) && tk_word(c, nx + 1)));
    if (nslice_is(ctx, "before_ord")) /* "W. 42nd St.", "Sgt. 1st Class" */
        return tk_num(c, nx) && tk_word(c, nx + 1) && tk_ordinal_suffix(c, nx + 1);
    if (nslice_is(ctx, "after_street")) /* "Pennsylvania Ave. NW", "K Street NW" */
        return pv != SIZE_MAX && (tk_punct(c, pv, '.') && pv > 0 ? tk_word(c, pv - 1) && tk_lookup(c, &c->d->streets, pv - 1, "")
                                                                 : tk_word(c, pv) && tk_lookup(c, &c->d->streets, pv, ""));
    if (nslice_is(ctx, "bracket_date")) /* "(b. 1931)", "(b. March 3, 1931; d. 2001)" */
        return bracket_opens(c, i) && (tk_num(c, nx) || tk_lookup(c, &c->d->months, nx, ""));
    if (nslice_is(ctx, "end"))
        return end - 1 == c->final || nx >= c->n;
    return 0;
}

static const nrow *abbrev_row(const nctx *c, const char *key, size_t klen, size_t i, size_t end)
{
    const ntable *t = &c->d->abbrev;
    for (const nrow *r = ntable_get(t, key, klen); r; r = ntable_next(t, r))
        if (context_holds(c, i, end, r->col[1]))
            return r;
    return NULL;
}

int match_abbrev(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i) || tk_len(c, i) + 2 > KEY_MAX)
        return 0;
    char key[KEY_MAX];
    size_t n = tk_len(c, i);
    if (tk_punct(c, i + 1, '.')) {
        memcpy(key, tk_p(c, i), n);
        key[n] = '.';
        m->row = abbrev_row(c, key, n + 1, i, i + 2);
        m->end = i + 2;
    }
    if (!m->row) {
        m->row = abbrev_row(c, tk_p(c, i), n, i, i + 1);
        m->end = i + 1;
    }
    return m->row != NULL;
}

void expand_abbrev(nctx *c, size_t i, const nmatch *m)
{
    rule_row(c, m->row);
    tmp_table_reading(c, m->row->col[2]);
    emit_tmp(c, i, m->end);
}

/* ---- dotted initials and acronyms: V., U.S., a.m., e.g. ---- */

int match_dotted(const nctx *c, size_t i, nmatch *m)
{
    char key[KEY_MAX];
    size_t klen, end;
    if (!tk_punct(c, i + 1, '.'))
        return 0;
    size_t parts = dotted_parts(c, i, key, &klen, &end);
    if (parts == 0 || (parts == 1 && tk_len(c, i) > 1))
        return 0;
    m->row = abbrev_row(c, key, klen, i, end);
    m->kind = (int)parts;
    m->end = end;
    if (tk_punct(c, end - 1, '.') && tk_punct(c, end, '\'') && tk_is(c, end + 1, "s") && !tk_word(c, end + 2)) {
        m->b = 1; /* "U.K.'s" */
        m->end = end + 2;
    }
    return 1;
}

void expand_dotted(nctx *c, size_t i, const nmatch *m)
{
    if (m->row) {
        rule_row(c, m->row);
        tmp_table_reading(c, m->row->col[2]);
        if (m->b)
            nbuf_puts(&c->tmp, "'s");
        emit_tmp(c, i, m->end);
        return;
    }
    int single = 1;
    for (size_t j = i; j < m->end; j++)
        single &= !tk_word(c, j) || tk_len(c, j) == 1;
    for (size_t j = i; j < m->end; j++) {
        if (!tk_word(c, j))
            continue;
        if (single)
            tmp_letters(c, tk_p(c, j), 1);
        else
            tmp_word(c, tk_p(c, j), tk_len(c, j));
    }
    if (single && m->kind > 1 && c->reading.capitals != NARRATE_CAPS_WORD) {
        /* join the letters so espeak-ng spells them: U-S */
        for (size_t k = 0; k < c->tmp.len; k++)
            if (c->tmp.p[k] == ' ')
                c->tmp.p[k] = '-';
    }
    if (m->b)
        nbuf_puts(&c->tmp, "'s");
    emit_tmp(c, i, m->end);
}

/* ---- party tags: D-N.Y., R-Utah ---- */

/* Matches a state name or abbreviation at j whose kind column is one of `kinds`
 * (space-separated); sets *end. */
static const nrow *state_at(const nctx *c, size_t j, const char *kinds, size_t *end)
{
    char key[KEY_MAX];
    size_t klen, e;
    const nrow *r = NULL;
    if (dotted_parts(c, j, key, &klen, &e) > 0)
        r = ntable_get(&c->d->states, key, klen);
    if (!r && tk_word(c, j)) {
        r = tk_lookup(c, &c->d->states, j, "");
        e = j + 1;
    }
    if (!r || r->col[2].len == 0)
        return NULL;
    char kind[16] = {0};
    memcpy(kind, r->col[2].p, r->col[2].len < 15 ? r->col[2].len : 15);
    if (!strstr(kinds, kind))
        return NULL;
    *end = e;
    return r;
}

/* Whether token j is a capitalized word. */
static int title_word(const nctx *c, size_t j)
{
    return j != SIZE_MAX && tk_word(c, j) && tk_cased(c, j) == CASE_TITLE;
}

/* A party letter alone in brackets after a first and last name: "Gavin
 * Newsom (D)", not "Group (D)" or "In Group (D)". */
static int bare_party(const nctx *c, size_t i)
{
    size_t last = i >= 3 ? tk_prev(c, i - 1) : SIZE_MAX, first = title_word(c, last) ? tk_prev(c, last) : SIZE_MAX;
    return tk_punct(c, i - 1, '(') && tk_punct(c, i + 1, ')') && tk_space(c, i - 2) && title_word(c, first) &&
           !tk_lookup(c, &c->d->starters, first, "");
}

int match_party(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i) || tk_len(c, i) != 1 || i == 0)
        return 0;
    m->row = tk_lookup(c, &c->d->parties, i, "");
    if (!m->row)
        return 0;
    if (bare_party(c, i)) {
        m->end = i + 1;
        return 1;
    }
    if (!tk_punct(c, i + 1, '-'))
        return 0;
    m->row2 = state_at(c, i + 2, "ap name postal", &m->end);
    return m->row2 != NULL;
}

void expand_party(nctx *c, size_t i, const nmatch *m)
{
    tmp_slice(c, m->row->col[1]);
    if (m->row2) {
        rule_row(c, m->row2);
        tmp_words(c, "of");
        tmp_slice(c, m->row2->col[1]);
    }
    emit_tmp(c, i, m->end);
}

/* ---- a state after a city: Springfield, Ill.; Santa Clara, CA 95051 ---- */

/* A ZIP code at j: five digits, optionally -four more; returns its end or 0. */
static size_t zip_at(const nctx *c, size_t j)
{
    if (!tk_num(c, j) || tk_len(c, j) != 5 || tk_word(c, j + 1))
        return 0;
    if (tk_punct(c, j + 1, '-') && tk_num(c, j + 2) && tk_len(c, j + 2) == 4)
        return j + 3;
    return tk_num(c, j + 1) || (tk_punct(c, j + 1, '.') && tk_num(c, j + 2)) ? 0 : j + 1;
}

/* AP abbreviations after "City," (or anywhere, when marked so: "of Calif.");
 * postal codes ("CA") too before a ZIP code (after a space or a comma) or the
 * end of the sentence. */
/* The state's possessive: "'s" after its final dot ("D.C.'s"); returns the
 * end past it, or e. */
static size_t possessive_after(const nctx *c, size_t e, int *kind)
{
    *kind = tk_punct(c, e - 1, '.') && tk_punct(c, e, '\'') && tk_is(c, e + 1, "s") && !tk_word(c, e + 2);
    return *kind ? e + 2 : e;
}

int match_state(const nctx *c, size_t i, nmatch *m)
{
    size_t pv = tk_prev(c, i);
    m->a = 0;
    if (pv == SIZE_MAX || !tk_punct(c, pv, ',') || pv == 0 || !tk_word(c, pv - 1) ||
        tk_cased(c, pv - 1) != CASE_TITLE) {
        m->row = tk_punct(c, i + 1, '.') ? state_at(c, i, "ap", &m->end) : NULL;
        if (m->row && !nslice_is(m->row->col[3], "anywhere"))
            m->row = NULL;
        m->b = m->end = possessive_after(c, m->end, &m->kind);
        return m->row != NULL;
    }
    m->row = state_at(c, i, "ap", &m->end);
    if (!m->row && tk_cased(c, i) == CASE_UPPER && tk_len(c, i) == 2 &&
        (m->row = state_at(c, i, "postal", &m->end)) != NULL) {
        size_t nx = tk_next(c, i);
        int comma = tk_punct(c, i + 1, ','); /* "Santa Clara, CA, 95051" */
        m->a = tk_space(c, i + 1) || comma ? zip_at(c, comma ? tk_next(c, i + 1) : nx) : 0;
        if (!m->a && i + 1 != c->final && nx < c->n)
            m->row = NULL; /* "Chan, CT; Wen, GH" are initials */
    }
    m->b = m->end = m->a ? m->end : possessive_after(c, m->end, &m->kind);
    if (m->a)
        m->end = m->a;
    return m->row != NULL;
}

void expand_state(nctx *c, size_t i, const nmatch *m)
{
    rule_row(c, m->row);
    tmp_slice(c, m->row->col[1]);
    if (m->kind)
        nbuf_puts(&c->tmp, "'s");
    emit_tmp(c, i, m->b);
    if (!m->a)
        return;
    size_t z = tk_next(c, m->b - 1);
    if (tk_punct(c, z, ',')) {
        emit_pause(c, ',');
        z = tk_next(c, z);
    }
    c->rule = "zip";
    for (size_t j = z; j < m->a; j += 2)
        num_digits(&c->tmp, tk_p(c, j), tk_len(c, j));
    emit_tmp(c, z, m->a);
}

/* ---- Roman numerals where they are numerals ---- */

static int roman_value(const char *s, size_t n)
{
    static const char *const sym[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL",
                                      "X", "IX", "V", "IV", "I"};
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    int v = 0;
    size_t k = 0;
    for (size_t j = 0; j < 13 && k < n; j++) {
        size_t l = strlen(sym[j]);
        int reps = 0;
        while (k + l <= n && memcmp(s + k, sym[j], l) == 0 && reps < (l == 1 ? 3 : 1)) {
            v += val[j];
            k += l;
            reps++;
        }
    }
    return k == n ? v : 0;
}

int match_roman(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i) || tk_cased(c, i) == CASE_LOWER || tk_cased(c, i) == CASE_TITLE)
        return 0;
    size_t n = tk_stem_len(c, i);
    const char *p = tk_p(c, i);
    for (size_t k = 0; k < n; k++)
        if (!strchr("IVXLCDM", p[k]))
            return 0;
    int v = roman_value(p, n);
    if (v == 0)
        return 0;
    if (n == 1 && v > 10)
        return 0; /* a lone L, C, D or M is a letter: "Medicare Part D", "Appendix C" */
    size_t pv = tk_prev(c, i);
    const nrow *ctx = pv == SIZE_MAX ? NULL : tk_lookup(c, &c->d->roman, pv, "");
    if (!ctx && ntable_get(&c->d->acronyms, p, n))
        return 0; /* "Pixel 9 Pro XL", but "Part XL" */
    m->kind = v;
    m->end = i + 1;
    if (c->headline) { /* "KING CHARLES III CROWNED", never "PRESIDENT XI" or "WAR I FOUGHT" */
        m->row = ctx;
        return ctx && n > 1;
    }
    if (n == 1 && tk_punct(c, i + 1, '.') && i + 1 != c->final && !(ctx && nslice_is(ctx->col[1], "cardinal")))
        return 0; /* an initial: "Vladimir V. Putin"; "World War I. Then" is none */
    if (ctx) {
        m->row = ctx;
        return 1;
    }
    size_t title = tk_prev(c, pv);
    const nrow *t = title == SIZE_MAX ? NULL : tk_lookup(c, &c->d->roman, title, "");
    if (t && nslice_is(t->col[1], "regnal_title") && tk_cased(c, pv) == CASE_TITLE) {
        m->row = t;
        return 1;
    }
    if (n == 1)
        return 0;
    if (pv == SIZE_MAX || !tk_word(c, pv))
        return tk_next(c, i) >= c->n && n > 1 && strspn(p, "IVX") >= n &&
               (memchr(p, 'I', n) || memchr(p, 'V', n));
    if (tk_cased(c, pv) == CASE_UPPER || v < 2 || v > 40 || tk_lookup(c, &c->d->titles, pv, "") ||
        !tk_space(c, pv + 1))
        return 0;
    return 1;
}

void expand_roman(nctx *c, size_t i, const nmatch *m)
{
    char d[8];
    int len = 0;
    for (int v = m->kind; v; v /= 10)
        len++;
    for (int v = m->kind, k = len - 1; k >= 0; v /= 10, k--)
        d[k] = (char)('0' + v % 10);
    int ordinal = m->row && !nslice_is(m->row->col[1], "cardinal");
    if (ordinal) {
        tmp_words(c, "the");
        num_ordinal(&c->tmp, d, (size_t)len);
    } else {
        num_cardinal(&c->tmp, d, (size_t)len);
    }
    if (tk_stem_len(c, i) < tk_len(c, i))
        nbuf_puts(&c->tmp, "'s");
    emit_tmp(c, i, m->end);
}

/* ---- words in capitals ---- */

static int is_vowel(char ch) { return ch && strchr("AEIOUY", ch) != NULL; }

static int triple_in(const char *p, const char *list)
{
    for (; *list; list += 4)
        if (list[0] == p[0] && list[1] == p[1] && list[2] == p[2])
            return 1;
    return 0;
}

static int pair_in(const char *p, const char *list)
{
    for (; *list; list += 3)
        if (list[0] == p[0] && list[1] == p[1])
            return 1;
    return 0;
}

/* Whether letters in capitals (four or more) look like an English word that
 * espeak-ng can say ("CARE", "BANYU", "INSIGHT") rather than initials
 * ("CPUSA", "UNHCR", "AKDTYK"): a vowel, no run of three
 * consonants but the usual English clusters, and in short words a usual first
 * and last pair. */
static int pronounceable(const char *p, size_t n)
{
    static const char onsets[] = "BL BR CH CL CR DR FL FR GL GR PH PL PR SC SH SK SL SM SN SP ST "
                                 "SW TH TR TW WH WR KN QU AI AU EA EU OA OI OU ";
    static const char codas[] = "CH CK CT FF FT GH LD LF LK LL LM LP LT MB MP ND NG NK NS NT PH PT "
                                "RB RC RD RK RL RM RN RP RS RT SH SK SP SS ST TH WN ZZ ";
    static const char clusters[] = "GHT NST NCH STR SCH SPR SPL SCR THR CHR NGS RST NTS NDS LTS RTS "
                                   "MPT NCT RTH NTH TCH NGL NKL NTR NDR MBL MPL RCH ";
    int vowels = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        int v = is_vowel(p[k]) && !(p[k] == 'Y' && k == 0);
        vowels += v;
        run = v ? 0 : run + 1;
        if (run > 3 || (run == 3 && !triple_in(p + k - 2, clusters)))
            return 0;
    }
    if (n > 5)
        return vowels > 0;
    int first_pair = is_vowel(p[0]) == is_vowel(p[1]);
    int last_pair = !is_vowel(p[n - 1]) && !is_vowel(p[n - 2]);
    return vowels > 0 && (!first_pair || pair_in(p, onsets)) && (!last_pair || pair_in(p + n - 2, codas));
}

static int all_upper(const char *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!is_upper(p[k]))
            return 0;
    return 1;
}

/* Appends the reading of the word at i, which is in capitals: the acronyms
 * table, else as a word in a headline or when it looks like one, else
 * spelled. */
void tmp_caps_word(nctx *c, size_t i)
{
    size_t n = tk_stem_len(c, i);
    const char *p = tk_p(c, i);
    const nrow *r = ntable_get(&c->d->acronyms, p, n);
    int upper = tk_cased(c, i) == CASE_UPPER || (n < tk_len(c, i) && all_upper(p, n)); /* "AFI's" */
    if (r && !(c->headline && nslice_is(r->col[2], "headline_word"))) {
        rule_row(c, r);
        tmp_table_reading(c, r->col[1]);
    } else if (!upper || n < 2) {
        tmp_word(c, p, n);
    } else if (c->headline || (n > 3 && pronounceable(p, n))) {
        tmp_word(c, p, 1);
        for (size_t k = 1; k < n; k++)
            nbuf_putc(&c->tmp, is_upper(p[k]) ? (char)(p[k] + 32) : p[k]);
    } else {
        tmp_letters(c, p, n);
    }
    if (n < tk_len(c, i))
        nbuf_puts(&c->tmp, "'s");
}

int match_caps(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i) || tk_cased(c, i) == CASE_LOWER || tk_cased(c, i) == CASE_TITLE)
        return 0;
    size_t n = tk_stem_len(c, i);
    const char *p = tk_p(c, i);
    int upper = 1;
    for (size_t k = 0; k < n; k++)
        upper &= is_upper(p[k]) || (k == n - 1 && p[k] == 's' && n > 2);
    if (!upper || n < 2 || n > 16)
        return 0;
    m->end = i + 1;
    return 1;
}

void expand_caps(nctx *c, size_t i, const nmatch *m)
{
    size_t n = tk_stem_len(c, i);
    const char *p = tk_p(c, i);
    if (p[n - 1] == 's' && ntable_get(&c->d->acronyms, p, n) == NULL) {
        tmp_letters(c, p, n - 1);
        nbuf_puts(&c->tmp, "'s");
    } else {
        tmp_caps_word(c, i);
    }
    emit_tmp(c, i, m->end);
}

/* ---- words in Greek letters: read letter by letter, by name ---- */

/* The greek.tsv row of the two-byte letter at p, or NULL. */
static const nrow *greek_at(const nctx *c, const char *p, size_t left)
{
    unsigned char b = (unsigned char)p[0];
    if (left < 2 || (b != 0xCE && b != 0xCF))
        return NULL;
    return ntable_get(&c->d->greek, p, 2);
}

int match_greek(const nctx *c, size_t i, nmatch *m)
{
    const char *p = tk_p(c, i);
    size_t n = tk_len(c, i);
    if ((unsigned char)p[0] < 0x80 || !tk_word(c, i) || n % 2 || n > 32)
        return 0;
    for (size_t k = 0; k < n; k += 2)
        if (!greek_at(c, p + k, n - k))
            return 0;
    m->end = i + 1;
    return 1;
}

void expand_greek(nctx *c, size_t i, const nmatch *m)
{
    const char *p = tk_p(c, i);
    size_t n = tk_len(c, i);
    for (size_t k = 0; k < n; k += 2) {
        const nrow *r = greek_at(c, p + k, n - k);
        if (n == 2)
            rule_row(c, r);
        tmp_slice(c, r->col[1]);
    }
    emit_tmp(c, i, m->end);
}

/* ---- plain words ---- */

int match_word(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i))
        return 0;
    m->end = i + 1;
    return 1;
}

/* Whether the word at i is capitalized where a sentence does not start, so
 * perhaps a name ("Sadaise"), whose -ise ending is no British spelling. */
static int proper_name(const nctx *c, size_t i)
{
    if (tk_cased(c, i) != CASE_TITLE)
        return 0;
    for (size_t j = i; j-- > 0;)
        if (tk_word(c, j) || tk_num(c, j))
            return 1;
    return 0;
}

/* The American spelling of a British word into c->tmp, or 0: a `suffix` row
 * at the end of a longer word ("organisation") unless its stem is kept
 * ("promise") or the word is a name, or an `ending` row as the whole word or
 * the end of a compound ("centre", "kilometres"). */
static int respell(nctx *c, size_t i, const char *p, size_t n)
{
    const ntable *t = &c->d->spellings;
    size_t e = n >= 3 && (p[n - 1] == 's' || p[n - 1] == 'd') ? n - 1 : n;
    int ends_re = e >= 3 && p[e - 2] == 'r' && p[e - 1] == 'e' && strchr("bcdfghjklmnpqstvwxz", p[e - 3]);
    size_t max = ends_re ? n : n > 4 ? n - 4 : 0; /* suffixes leave four letters */
    for (size_t s = 3; s <= 11 && s <= max; s++) {
        if (!ends_re && !((p[n - s] == 'i' || p[n - s] == 'y') && p[n - s + 1] == 's'))
            continue; /* suffixes start with "is" or "ys", endings end in a consonant and -re(s|d) */
        const nrow *r = ntable_get(t, p + n - s, s);
        if (!r)
            continue;
        if (nslice_is(r->col[1], "suffix")) {
            if (s + 4 > n || (r->col[0].p[s - 1] == 'e' && proper_name(c, i)))
                continue; /* "Sadaise" is a name, "Organisation" is not */
            const nrow *keep = ntable_get(t, p, n - s + 2);
            if (keep && nslice_is(keep->col[1], "keep"))
                return 0;
        } else if (!nslice_is(r->col[1], "ending")) {
            continue;
        }
        size_t at = c->tmp.len;
        nbuf_put(&c->tmp, p, n - s);
        nbuf_put(&c->tmp, r->col[2].p, r->col[2].len);
        if (s == n && is_upper(p[0]) && at < c->tmp.len)
            c->tmp.p[at] = p[0]; /* "Centre" Center */
        rule_row(c, r);
        return 1;
    }
    return 0;
}

/* Words are passed on as written, British -ise endings respelled; very long
 * words are cut into pieces. */
void expand_word(nctx *c, size_t i, const nmatch *m)
{
    const char *p = tk_p(c, i);
    size_t n = tk_len(c, i);
    if (n <= 64) {
        if (tk_cased(c, i) != CASE_UPPER && respell(c, i, p, n))
            emit_tmp(c, i, m->end);
        else
            emit_tok(c, i);
        return;
    }
    size_t piece = 0;
    for (size_t k = 0; k < n; k++) {
        int boundary = ((unsigned char)p[k] & 0xC0) != 0x80;
        if (boundary && piece >= 40) {
            emit_tmp(c, i, m->end);
            piece = 0;
        }
        nbuf_putc(&c->tmp, p[k]);
        piece++;
    }
    emit_tmp(c, i, m->end);
}
