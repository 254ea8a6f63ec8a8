/* Rules for the written web and whole-token lexicon entries: URLs, e-mail
 * addresses, #hashtags and @handles are read out part by part. */
#include <string.h>

#include "norm_numbers.h"
#include "norm_rules.h"

/* ---- lexicon: exact written tokens with a fixed reading (24/7, 9/11) ---- */

int match_lexicon(const nctx *c, size_t i, nmatch *m)
{
    if (tk_space(c, i) || tk_kind(c, i) == TK_PUNCT)
        return 0;
    size_t start = c->tok[i].off, best = 0;
    for (size_t j = i; j < c->n && j < i + 6 && !tk_space(c, j); j++) {
        size_t end = c->tok[j].off + c->tok[j].len;
        const nrow *r = ntable_get(&c->d->lexicon, c->t + start, end - start);
        int k = tk_kind(c, j + 1);
        if (r && k != TK_WORD && k != TK_NUM && !tk_punct(c, j + 1, '/')) {
            m->row = r;
            best = j + 1;
        }
    }
    m->end = best;
    return best > 0;
}

void expand_lexicon(nctx *c, size_t i, const nmatch *m)
{
    rule_row(c, m->row);
    emit_slice(c, m->row->col[1], i, m->end);
}

/* ---- URLs and e-mail addresses ---- */

static const char *sep_word(uint32_t cp)
{
    switch (cp) {
    case '.': return "dot";
    case '/': return "slash";
    case ':': return "colon";
    case '-': return "dash";
    case '_': return "underscore";
    case '@': return "at";
    case '?': return "question mark";
    case '=': return "equals";
    case '&': return "and";
    case '~': return "tilde";
    case '#': return "hash";
    case '%': return "percent";
    case '+': return "plus";
    default: return NULL;
    }
}

/* End of the run of non-space tokens from i, without trailing punctuation. */
static size_t run_end(const nctx *c, size_t i)
{
    size_t j = i;
    while (j < c->n && !tk_space(c, j))
        j++;
    while (j > i && tk_kind(c, j - 1) == TK_PUNCT && !tk_punct(c, j - 1, '/'))
        j--;
    return j;
}

static int is_tld(const nctx *c, size_t j)
{
    if (tk_len(c, j) == 2 && tk_cased(c, j) == CASE_LOWER)
        return 1;
    const nrow *r = tk_lookup(c, &c->d->web, j, "");
    return r && nslice_is(r->col[2], "tld");
}

int match_url(const nctx *c, size_t i, nmatch *m)
{
    if (!tk_word(c, i) || i + 1 >= c->n || tk_space(c, i + 1) ||
        (i > 0 && !tk_space(c, i - 1) && tk_kind(c, i - 1) != TK_PUNCT))
        return 0;
    size_t e = run_end(c, i);
    int scheme = tk_punct(c, i + 1, ':') && tk_punct(c, i + 2, '/') && tk_punct(c, i + 3, '/');
    int www = tk_ieq(c, i, "www") && tk_punct(c, i + 1, '.');
    int domain = 0;
    for (size_t j = i + 1; j + 1 < e + 1 && j < e; j++) {
        if (tk_punct(c, j, '@'))
            return 0;
        if (tk_punct(c, j, '.') && tk_word(c, j + 1) && is_tld(c, j + 1) &&
            (j + 2 >= e || !tk_word(c, j + 2)))
            domain = 1;
    }
    if (!scheme && !www && !domain)
        return 0;
    m->end = e;
    return e > i + 1;
}

static int strpbrk_n(const char *p, size_t n, const char *set)
{
    for (size_t k = 0; k < n; k++)
        if (strchr(set, p[k]))
            return 1;
    return 0;
}

static int ascii(const char *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)p[k] >= 0x80)
            return 0;
    return 1;
}

/* Whether token j of an address [.., end) is a two-letter top-level domain:
 * after a dot, before the end, a '/' or a ':' ("hotmail.it", "bbc.co.uk/news"). */
static int country_tld(const nctx *c, size_t j, size_t end)
{
    return tk_word(c, j) && tk_len(c, j) == 2 && tk_punct(c, j - 1, '.') &&
           (j + 1 >= end || tk_punct(c, j + 1, '/') || tk_punct(c, j + 1, ':'));
}

static void tmp_url_part(nctx *c, size_t j, size_t end)
{
    const nrow *r = tk_lookup(c, &c->d->web, j, "");
    size_t n = tk_len(c, j);
    const char *p = tk_p(c, j);
    if (r) {
        tmp_slice(c, r->col[1]);
    } else if (j > 0 && country_tld(c, j, end) && ascii(p, 2)) {
        char spelled[3] = {(char)(p[0] & ~0x20), '-', (char)(p[1] & ~0x20)}; /* "I-T" */
        tmp_word(c, spelled, 3);
    } else if (tk_num(c, j)) {
        num_digits(&c->tmp, p, n);
    } else if (tk_word(c, j) && n <= 3 && ascii(p, n) && !strpbrk_n(p, n, "aeiouyAEIOUY")) {
        for (size_t k = 0; k < n; k++)
            tmp_word(c, p + k, 1);
    } else if (tk_word(c, j)) {
        tmp_word(c, p, n);
    } else {
        const char *w = sep_word(c->tok[j].cp);
        if (w)
            tmp_words(c, w);
    }
}

void expand_url(nctx *c, size_t i, const nmatch *m)
{
    for (size_t j = i; j < m->end; j++)
        tmp_url_part(c, j, m->end);
    emit_tmp(c, i, m->end);
}

int match_email(const nctx *c, size_t i, nmatch *m)
{
    if ((!tk_word(c, i) && !tk_num(c, i)) || i + 1 >= c->n || tk_space(c, i + 1))
        return 0;
    size_t e = run_end(c, i), at = 0, dot = 0;
    for (size_t j = i; j < e; j++) {
        if (tk_punct(c, j, '@'))
            at = j;
        if (at && tk_punct(c, j, '.'))
            dot = j;
    }
    if (!at || !dot || !tk_word(c, e - 1))
        return 0;
    m->end = e;
    return 1;
}

void expand_email(nctx *c, size_t i, const nmatch *m) { expand_url(c, i, m); }

/* ---- #hashtags and @handles ---- */

int match_tag(const nctx *c, size_t i, nmatch *m)
{
    if (!(tk_punct(c, i, '#') || tk_punct(c, i, '@')) || !tk_word(c, i + 1))
        return 0;
    if (i > 0 && !tk_space(c, i - 1) && tk_kind(c, i - 1) != TK_PUNCT)
        return 0;
    m->end = i + 2;
    return 1;
}

void expand_tag(nctx *c, size_t i, const nmatch *m)
{
    size_t pv = tk_prev(c, i);
    int named = pv != SIZE_MAX && tk_ieq(c, pv, "hashtag"); /* "the hashtag #MeToo" */
    if (!(named && tk_punct(c, i, '#')))
        tmp_words(c, tk_punct(c, i, '#') ? "hashtag" : "at");
    tmp_word(c, tk_p(c, i + 1), tk_len(c, i + 1));
    emit_tmp(c, i, m->end);
}
