/* Rules for symbols and punctuation.  Pauses (dashes, ellipses, brackets) become
 * commas; quote marks and joiners vanish; no period is left inside a sentence.
 * At the punctuation levels SOME and ALL, the marks and symbols that
 * symbols.tsv names at that level are said by name, in place. */
#include <string.h>

#include "norm_rules.h"

typedef struct symbol_word {
    uint32_t cp;
    const char *spoken;
    const char *doubled; /* the reading of the mark written twice ("§§"), or NULL */
    int before_number;   /* read only when a number follows ("p<0.05", "> 50") */
    const char *formula; /* the reading after a number or a letter ("x > 5"), or NULL */
} symbol_word;

/* Symbols read as words wherever they stand alone, or before a number. */
static const symbol_word symbols[] = {
    {'&', "and", NULL, 0, NULL},     {'+', "plus", NULL, 0, NULL},     {'=', "equals", NULL, 0, NULL},
    {'@', "at", NULL, 0, NULL},      {0xB0, "degrees", NULL, 0, NULL}, {0xD7, "times", NULL, 0, NULL},
    {0xA7, "section", "sections", 0, NULL}, {0xB6, "paragraph", "paragraphs", 0, NULL},
    {'~', "about", NULL, 0, NULL}, {0x2030, "per mille", NULL, 0, NULL}, {0xB1, "plus or minus", NULL, 0, NULL},
    {'<', "less than", NULL, 1, NULL}, {'>', "more than", NULL, 1, "greater than"},
    {0x2264, "at most", NULL, 1, "less than or equal to"}, {0x2265, "at least", NULL, 1, "greater than or equal to"},
};

/* Whether the symbol at i stands in a formula: a number or a single letter
 * before it ("p<0.05", "x > 5"). */
static int in_formula(const nctx *c, size_t i)
{
    size_t p = tk_prev(c, i);
    return p != SIZE_MAX && (tk_num(c, p) || (tk_word(c, p) && tk_len(c, p) == 1));
}

int match_symbol(const nctx *c, size_t i, nmatch *m)
{
    if (tk_kind(c, i) != TK_PUNCT)
        return 0;
    if (tk_punct(c, i, '#') && tk_num(c, tk_next(c, i))) {
        m->kind = -1;
        m->end = i + 1;
        return 1;
    }
    for (size_t k = 0; k < sizeof symbols / sizeof symbols[0]; k++)
        if (c->tok[i].cp == symbols[k].cp && (!symbols[k].before_number || tk_num(c, tk_next(c, i)))) {
            m->kind = (int)k;
            m->end = symbols[k].doubled && tk_punct(c, i + 1, symbols[k].cp) ? i + 2 : i + 1;
            return 1;
        }
    return 0;
}

/* The symbols.tsv row of punctuation token i when the reading's level names
 * it, else NULL.  The character as written counts, before folding: a
 * backtick or a curly quote has its own name. */
static const nsymbol *named_symbol(const nctx *c, size_t i)
{
    if (tk_kind(c, i) != TK_PUNCT || c->reading.punctuation == NARRATE_PUNCT_NONE)
        return NULL;
    uint32_t from = c->map->start[c->tok[i].off], to = c->map->end[c->tok[i].off], cp;
    size_t n = utf8_decode((const unsigned char *)c->src + from, to - from, &cp);
    if (n == 0 || n != to - from || !nsymbols_find(&c->d->symbols, cp))
        cp = c->tok[i].cp;
    return nsymbols_named_at(&c->d->symbols, cp, c->reading.punctuation);
}

static void emit_symbol_name(nctx *c, size_t i, const nsymbol *r)
{
    c->rule = r->where;
    emit(c, r->name, r->name_len, i, i + 1);
}

void expand_symbol(nctx *c, size_t i, const nmatch *m)
{
    const nsymbol *named = m->kind < 0 ? NULL : named_symbol(c, i);
    if (named) {
        emit_symbol_name(c, i, named);
        return;
    }
    const char *w = m->kind < 0                                      ? "number"
                    : m->end > i + 1                                 ? symbols[m->kind].doubled
                    : symbols[m->kind].formula && in_formula(c, i) ? symbols[m->kind].formula
                                                                     : symbols[m->kind].spoken;
    emit(c, w, strlen(w), i, m->end);
}

int norm_names_symbol_in(const nctx *c, size_t i, size_t end)
{
    for (size_t k = i; k < end; k++) {
        int separator = (tk_punct(c, k, '.') || tk_punct(c, k, ',')) && k > 0 &&
                        tk_num(c, k - 1) && tk_num(c, k + 1);
        if (!separator && named_symbol(c, k))
            return 1;
    }
    return 0;
}

int match_punct(const nctx *c, size_t i, nmatch *m)
{
    (void)c;
    m->end = i + 1;
    return 1;
}

/* Whether the token at i stands between spaces (or at an edge). */
static int spaced(const nctx *c, size_t i)
{
    return (i == 0 || tk_space(c, i - 1)) || (i + 1 >= c->n || tk_space(c, i + 1));
}

/* Whether token p ends an amount: a number, a number with a word glued on
 * ("5pm", "1960s", "10km"), "am", "a.m.", a percentage, or a scale word after a
 * number ("$5 million-$10 million"). */
static int ends_amount(const nctx *c, size_t p)
{
    if (p == SIZE_MAX || p == 0)
        return tk_num(c, p);
    if (tk_punct(c, p, '.') && p >= 3)
        return tk_ieq(c, p - 1, "m") && tk_punct(c, p - 2, '.');
    if (tk_punct(c, p, '%') || tk_unit_mark(c, p))
        return tk_num(c, p - 1); /* "2%", "6\"", "5°" */
    return tk_num(c, p) || (tk_word(c, p) && tk_num(c, p - 1)) ||
           ((tk_ieq(c, p, "am") || tk_ieq(c, p, "pm")) && tk_num(c, tk_prev(c, p))) ||
           (tk_word(c, p) && tk_num(c, tk_prev(c, p)) && tk_lookup(c, &c->d->scales, p, ""));
}

/* A dash left between two amounts that no rule read as a range ("5-$10",
 * "2pm-5pm", "4:00 am - 8:12 pm", "1960s-80s") means "to". */
static int dash_is_to(const nctx *c, size_t i)
{
    size_t nx = tk_next(c, i), pv = tk_prev(c, i);
    if (i == 0 || (tk_space(c, i - 1) != tk_space(c, i + 1)))
        return 0;
    if (tk_num(c, i - 1) && tk_kind(c, i + 1) == TK_PUNCT && !tk_dash(c, i + 1))
        return 1;
    int amount = tk_num(c, nx) && tk_len(c, nx) <= 6 && (tk_p(c, nx)[0] != '0' || tk_len(c, nx) == 2);
    const nrow *cur = tk_kind(c, nx) == TK_PUNCT ? tk_lookup(c, &c->d->currency, nx, "") : NULL;
    return ends_amount(c, pv) && (amount || cur || tk_punct(c, nx, '\''));
}

/* The pause that punctuation token i makes, if any. */
static void pause_for(nctx *c, size_t i, uint32_t cp)
{
    switch (cp) {
    case ',': case ';': case ':':
        emit_pause(c, (char)cp);
        break;
    case '?': case '!': case 0x2026: case 0x2014: case '(': case ')': case '[': case ']':
    case '{': case '}': case 0xA1: case 0xBF: case '|': case 0x2022: case 0xB7:
        emit_pause(c, ',');
        break;
    case 0x2013: case '-': case '/':
        if (spaced(c, i))
            emit_pause(c, ',');
        break;
    case '.':
        if (tk_punct(c, i + 1, '.'))
            emit_pause(c, ',');
        break;
    default:
        break;
    }
}

void expand_punct(nctx *c, size_t i, const nmatch *m)
{
    (void)m;
    if (tk_kind(c, i) != TK_PUNCT)
        return;
    const nsymbol *named = named_symbol(c, i);
    if (named)
        emit_symbol_name(c, i, named);
    if (i == c->final || (named && i + 1 < c->n && !tk_space(c, i + 1)))
        return; /* a named mark inside a token ("3:30") makes no pause */
    if (!named && tk_dash(c, i) && dash_is_to(c, i))
        emit(c, "to", 2, i, i + 1);
    else
        pause_for(c, i, c->tok[i].cp);
}
