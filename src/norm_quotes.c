#include "norm_quotes.h"

#include <stdint.h>

enum qrole { Q_NONE, Q_OPEN, Q_CLOSE, Q_EITHER };

typedef struct qscan {
    const norm_data *d;
    ntoks *t;
    const char *folded, *src;
    size_t srclen;
    const fold_map *map;
} qscan;

static int is_mark(const ntok *k, uint32_t q) { return k->kind == TK_PUNCT && k->cp == q; }

/* The character in the source that token k was folded from. */
static uint32_t source_cp(const qscan *s, const ntok *k)
{
    uint32_t at = s->map->start[k->off], cp = 0;
    if (at >= s->srclen || utf8_decode((const unsigned char *)s->src + at, s->srclen - at, &cp) == 0)
        return 0;
    return cp;
}

/* Whether the token before i leaves room for an opening mark: the start, a
 * space, an opening bracket, a dash or another quotation mark. */
static int open_side(const ntoks *t, size_t i)
{
    if (i == 0)
        return 1;
    const ntok *p = &t->v[i - 1];
    if (p->kind == TK_SPACE)
        return 1;
    if (p->kind != TK_PUNCT)
        return 0;
    uint32_t c = p->cp;
    return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == 0x2014 ||
           c == 0x2013 || c == '-' || c == '/';
}

/* Whether the token after i leaves room for a closing mark: the end, a space or
 * punctuation. */
static int close_side(const ntoks *t, size_t i)
{
    return i + 1 >= t->n || t->v[i + 1].kind == TK_SPACE || t->v[i + 1].kind == TK_PUNCT;
}

static enum qrole flanking(const ntoks *t, size_t i)
{
    int o = open_side(t, i) && !close_side(t, i);
    int c = close_side(t, i) && !open_side(t, i);
    return o ? Q_OPEN : c ? Q_CLOSE : Q_EITHER;
}

static enum qrole double_role(const qscan *s, size_t i)
{
    switch (source_cp(s, &s->t->v[i])) {
    case 0x201C: case 0x201E: case 0x201F: case 0xAB: case 0x300C:
        return Q_OPEN;
    case 0x201D: case 0xBB: case 0x300D:
        return Q_CLOSE;
    case 0x2033: /* double prime: inches, seconds */
        return Q_NONE;
    default:
        break;
    }
    enum qrole r = flanking(s->t, i);
    if (r == Q_CLOSE && i > 0 && s->t->v[i - 1].kind == TK_NUM)
        return Q_NONE; /* 6'2" */
    return r;
}

/* An apostrophe that stands for missing letters at the start of a word. */
static int elision_after(const qscan *s, size_t i)
{
    if (i + 1 >= s->t->n)
        return 0;
    const ntok *n = &s->t->v[i + 1];
    if (n->kind == TK_NUM)
        return 1;
    return n->kind == TK_WORD && ntable_get(&s->d->elisions, s->folded + n->off, n->len) != NULL;
}

static enum qrole single_role(const qscan *s, size_t i)
{
    uint32_t cp = source_cp(s, &s->t->v[i]);
    if (cp != 0x2018 && cp != 0x2019 && cp != '\'')
        return Q_NONE; /* primes and accents */
    enum qrole r = flanking(s->t, i);
    if (r == Q_OPEN && (cp == 0x2019 || elision_after(s, i)))
        return Q_NONE;
    if (r == Q_EITHER)
        return Q_NONE;
    return r;
}

/* Whether a closing single mark follows i before the end or a closing double. */
static int single_closes_later(const qscan *s, size_t i)
{
    for (size_t k = i + 1; k < s->t->n; k++)
        if (is_mark(&s->t->v[k], '\'') && single_role(s, k) == Q_CLOSE)
            return 1;
    return 0;
}

static void mark_range(ntoks *t, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        t->v[k].quoted = 1;
}

void norm_mark_quotes(const norm_data *d, ntoks *t, const char *folded, const char *src,
                      size_t srclen, const fold_map *map)
{
    qscan s = {d, t, folded, src, srclen, map};
    size_t dbl = SIZE_MAX, sgl = SIZE_MAX; /* token after the open mark, or SIZE_MAX */
    int seen_double = 0, single_checked = 0, single_later = 0;
    for (size_t i = 0; i < t->n; i++) {
        const ntok *k = &t->v[i];
        if (is_mark(k, '"')) {
            enum qrole r = double_role(&s, i);
            if (r == Q_EITHER)
                r = dbl == SIZE_MAX ? Q_OPEN : Q_CLOSE;
            if (r == Q_OPEN && dbl == SIZE_MAX) {
                dbl = i + 1;
            } else if (r == Q_CLOSE && dbl != SIZE_MAX) {
                mark_range(t, dbl, i);
                dbl = SIZE_MAX;
            } else if (r == Q_CLOSE && !seen_double) {
                mark_range(t, 0, i);
            }
            seen_double |= r != Q_NONE;
        } else if (is_mark(k, '\'')) {
            enum qrole r = single_role(&s, i);
            if (r == Q_OPEN && sgl == SIZE_MAX) {
                if (!single_checked)
                    single_later = single_closes_later(&s, i);
                single_checked = 1;
                if (single_later)
                    sgl = i + 1;
            } else if (r == Q_CLOSE && sgl != SIZE_MAX) {
                mark_range(t, sgl, i);
                sgl = SIZE_MAX;
                single_checked = 0;
            }
        }
    }
    if (dbl != SIZE_MAX)
        mark_range(t, dbl, t->n);
}
