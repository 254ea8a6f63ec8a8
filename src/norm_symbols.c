/* Loading pronunciations/symbols.tsv: symbol TAB name TAB level. */
#include "norm_symbols.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "norm_unicode.h"

#define SYMBOLS_FILE "symbols.tsv"
#define WHERE_SIZE 24

/* The character of a symbol column: one UTF-8 character, or U+XXXX.
 * Returns 0 when it is neither. */
static int parse_symbol(const char *p, size_t n, uint32_t *cp)
{
    if (n > 2 && p[0] == 'U' && p[1] == '+') {
        char hex[9] = {0};
        if (n - 2 > 8)
            return 0;
        memcpy(hex, p + 2, n - 2);
        char *end;
        unsigned long v = strtoul(hex, &end, 16);
        *cp = (uint32_t)v;
        return *end == '\0' && v > 0 && v <= 0x10FFFF;
    }
    return n > 0 && utf8_decode((const unsigned char *)p, n, cp) == n;
}

static int parse_level(const char *p, size_t n)
{
    static const struct { const char *name; int level; } levels[] = {
        {"some", NARRATE_PUNCT_SOME}, {"all", NARRATE_PUNCT_ALL}, {"spell", SYMBOL_SPELL_ONLY}};
    for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++)
        if (strlen(levels[k].name) == n && memcmp(levels[k].name, p, n) == 0)
            return levels[k].level;
    return 0;
}

/* Fills r from the line p[0..n); returns 0 when it is malformed. */
static int parse_row(const char *p, size_t n, nsymbol *r)
{
    const char *tab1 = memchr(p, '\t', n);
    const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', (size_t)(p + n - tab1 - 1)) : NULL;
    if (!tab2 || tab2 == tab1 + 1)
        return 0;
    r->name = tab1 + 1;
    r->name_len = (uint32_t)(tab2 - tab1 - 1);
    r->level = parse_level(tab2 + 1, (size_t)(p + n - tab2 - 1));
    return parse_symbol(p, (size_t)(tab1 - p), &r->cp) && r->level != 0;
}

static int by_cp(const void *a, const void *b)
{
    uint32_t x = ((const nsymbol *)a)->cp, y = ((const nsymbol *)b)->cp;
    return (x > y) - (x < y);
}

narrate_error nsymbols_load(nsymbols *out, char *errmsg, size_t errmsg_size)
{
    memset(out, 0, sizeof *out);
    const embedded_file *f = embedded_find(SYMBOLS_FILE);
    if (!f) {
        snprintf(errmsg, errmsg_size, "%s: missing data file", SYMBOLS_FILE);
        return NARRATE_EDATA;
    }
    size_t lines = 1;
    for (size_t i = 0; i < f->size; i++)
        lines += f->data[i] == '\n';
    out->v = calloc(lines, sizeof *out->v);
    out->wheres = malloc(lines * WHERE_SIZE);
    if (!out->v || !out->wheres) {
        nsymbols_free(out);
        snprintf(errmsg, errmsg_size, "%s: out of memory", SYMBOLS_FILE);
        return NARRATE_ENOMEM;
    }
    const char *p = f->data, *end = f->data + f->size;
    for (size_t line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if (e > p && e[-1] == '\r')
            e--;
        if (e > p && *p != '#') {
            nsymbol *r = &out->v[out->n];
            if (!parse_row(p, (size_t)(e - p), r)) {
                nsymbols_free(out);
                snprintf(errmsg, errmsg_size, "%s:%zu: expected symbol, name, some|all|spell",
                         SYMBOLS_FILE, line);
                return NARRATE_EDATA;
            }
            char *w = out->wheres + out->n * WHERE_SIZE;
            snprintf(w, WHERE_SIZE, "%s:%zu", SYMBOLS_FILE, line);
            r->where = w;
            out->n++;
        }
        p = nl ? nl + 1 : end;
    }
    qsort(out->v, out->n, sizeof *out->v, by_cp);
    return NARRATE_OK;
}

void nsymbols_free(nsymbols *s)
{
    free(s->v);
    free(s->wheres);
    memset(s, 0, sizeof *s);
}

const nsymbol *nsymbols_find(const nsymbols *s, uint32_t cp)
{
    nsymbol key = {.cp = cp};
    return s->n ? bsearch(&key, s->v, s->n, sizeof *s->v, by_cp) : NULL;
}

const nsymbol *nsymbols_named_at(const nsymbols *s, uint32_t cp, narrate_punctuation level)
{
    const nsymbol *r = level == NARRATE_PUNCT_NONE ? NULL : nsymbols_find(s, cp);
    return r && r->level <= (int)level ? r : NULL;
}
