#include "norm_ctx.h"

#include <stdlib.h>
#include <string.h>


int tk_is(const nctx *c, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < c->n && c->tok[i].len == n && memcmp(tk_p(c, i), s, n) == 0;
}

int tk_ieq(const nctx *c, size_t i, const char *s)
{
    size_t n = strlen(s);
    if (i >= c->n || c->tok[i].len != n)
        return 0;
    const char *p = tk_p(c, i);
    for (size_t k = 0; k < n; k++) {
        char a = p[k], b = s[k];
        if (a >= 'A' && a <= 'Z')
            a += 32;
        if (b >= 'A' && b <= 'Z')
            b += 32;
        if (a != b)
            return 0;
    }
    return 1;
}

int tk_ordinal_suffix(const nctx *c, size_t i)
{
    return tk_ieq(c, i, "st") || tk_ieq(c, i, "nd") || tk_ieq(c, i, "rd") || tk_ieq(c, i, "th");
}

size_t tk_stem_len(const nctx *c, size_t i)
{
    size_t n = tk_len(c, i);
    const char *p = tk_p(c, i);
    return n > 2 && p[n - 2] == '\'' && p[n - 1] == 's' ? n - 2 : n;
}

int tk_dash(const nctx *c, size_t i) { return tk_punct(c, i, '-') || tk_punct(c, i, 0x2013); }

size_t tk_next(const nctx *c, size_t i)
{
    i++;
    return tk_space(c, i) ? i + 1 : i;
}

size_t tk_prev(const nctx *c, size_t i)
{
    if (i == 0 || i > c->n)
        return SIZE_MAX;
    i--;
    if (tk_space(c, i)) {
        if (i == 0)
            return SIZE_MAX;
        i--;
    }
    return i;
}

const nrow *tk_lookup(const nctx *c, const ntable *t, size_t i, const char *suffix)
{
    char key[64];
    size_t n = tk_len(c, i), s = strlen(suffix);
    if (s == 0)
        return n ? ntable_get(t, tk_p(c, i), n) : NULL;
    if (n == 0 || n + s > sizeof key)
        return NULL;
    memcpy(key, tk_p(c, i), n);
    memcpy(key + n, suffix, s);
    return ntable_get(t, key, n + s);
}

int tk_table_word(const nctx *c, const ntable *t, size_t i, const char *kind)
{
    const nrow *r = tk_word(c, i) ? tk_lookup(c, t, i, "") : NULL;
    return r && nslice_is(r->col[1], kind);
}

int tk_unit_mark(const nctx *c, size_t i)
{
    return tk_punct(c, i, '"') || tk_punct(c, i, 0x2033) || tk_punct(c, i, 0xB0);
}

void norm_words_reserve(nctx *c, size_t n)
{
    if (n <= c->wcap)
        return;
    norm_word *v = realloc(c->words, n * sizeof *v);
    if (!v) {
        c->oom = 1;
        return;
    }
    c->words = v;
    c->wcap = n;
}

static int push_word(nctx *c, norm_word w)
{
    if (c->nwords == c->wcap)
        norm_words_reserve(c, c->wcap ? c->wcap * 2 : 32);
    if (c->nwords == c->wcap)
        return 0;
    c->words[c->nwords++] = w;
    return 1;
}

/* Appends s, dropping its apostrophes when it has more than two: espeak-ng
 * overflows a buffer on long runs of s'. */
static void put_sanitized(nbuf *o, const char *s, size_t n)
{
    const char *first = memchr(s, '\'', n);
    size_t apos = 0;
    for (size_t k = first ? (size_t)(first - s) : n; k < n; k++)
        apos += s[k] == '\'';
    if (apos <= 2) {
        nbuf_put(o, s, n);
        return;
    }
    for (size_t k = 0; k < n; k++)
        if (s[k] != '\'')
            nbuf_putc(o, s[k]);
}

void emit_text_span(nctx *c, const char *s, size_t n, size_t off, size_t len, uint32_t flags)
{
    flags |= c->flags;
    c->flags = 0;
    while (n && s[0] == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n == 0 || len == 0 || off + len > c->tlen)
        return;
    nbuf *o = c->out;
    if (o->len) {
        if (c->pending)
            nbuf_putc(o, c->pending);
        nbuf_putc(o, ' ');
    }
    c->pending = 0;
    norm_word w;
    w.flags = flags;
    w.rule = c->rule ? c->rule : "";
    w.out_off = (uint32_t)o->len;
    w.src_off = c->map->start[off];
    w.src_len = c->map->end[off + len - 1] - w.src_off;
    put_sanitized(o, s, n);
    w.out_len = (uint32_t)(o->len - w.out_off);
    if (!push_word(c, w))
        c->oom = 1;
}

void emit(nctx *c, const char *s, size_t n, size_t first, size_t end)
{
    if (first >= end || end > c->n) {
        c->flags = 0;
        return;
    }
    uint32_t quoted = 0;
    for (size_t k = first; k < end; k++)
        if (c->tok[k].quoted)
            quoted = NORM_WORD_QUOTED;
    const ntok *a = &c->tok[first], *z = &c->tok[end - 1];
    emit_text_span(c, s, n, a->off, z->off + z->len - a->off, quoted);
}

void emit_tmp(nctx *c, size_t first, size_t end)
{
    emit(c, c->tmp.p ? c->tmp.p : "", c->tmp.len, first, end);
    c->tmp.len = 0;
}

void emit_slice(nctx *c, nslice s, size_t first, size_t end) { emit(c, s.p, s.len, first, end); }

void emit_tok(nctx *c, size_t i)
{
    c->rule = "";
    emit(c, tk_p(c, i), tk_len(c, i), i, i + 1);
}

void rule_row(nctx *c, const nrow *r) { c->rule = r->where; }

void emit_pause(nctx *c, char p)
{
    if (c->out->len == 0)
        return;
    if (!c->pending || (c->pending == ',' && p != ','))
        c->pending = p;
}

void tmp_word(nctx *c, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (c->tmp.len && c->tmp.p[c->tmp.len - 1] != ' ')
        nbuf_putc(&c->tmp, ' ');
    nbuf_put(&c->tmp, s, n);
}

void tmp_words(nctx *c, const char *s) { tmp_word(c, s, strlen(s)); }

void tmp_slice(nctx *c, nslice s) { tmp_word(c, s.p, s.len); }
