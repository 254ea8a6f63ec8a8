/* Loading the embedded TSV tables into hash indexes. */
#include "norm_data.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"

typedef struct table_spec {
    const char *file;
    size_t field; /* offset of the ntable in norm_data */
    uint32_t mincols;
    int fold;
} table_spec;

static const table_spec specs[] = {
    {"abbreviations.tsv", offsetof(norm_data, abbrev), 4, 0},
    {"titles.tsv", offsetof(norm_data, titles), 1, 1},
    {"months.tsv", offsetof(norm_data, months), 3, 1},
    {"weekdays.tsv", offsetof(norm_data, weekdays), 2, 1},
    {"states.tsv", offsetof(norm_data, states), 2, 0},
    {"units.tsv", offsetof(norm_data, units), 3, 0},
    {"currencies.tsv", offsetof(norm_data, currency), 3, 0},
    {"scales.tsv", offsetof(norm_data, scales), 2, 1},
    {"acronyms.tsv", offsetof(norm_data, acronyms), 2, 0},
    {"sentence_starters.tsv", offsetof(norm_data, starters), 1, 1},
    {"parties.tsv", offsetof(norm_data, parties), 2, 0},
    {"roman_contexts.tsv", offsetof(norm_data, roman), 2, 1},
    {"lexicon.tsv", offsetof(norm_data, lexicon), 2, 0},
    {"web_words.tsv", offsetof(norm_data, web), 2, 1},
    {"time_zones.tsv", offsetof(norm_data, zones), 2, 0},
    {"spellings.tsv", offsetof(norm_data, spellings), 2, 1},
    {"elisions.tsv", offsetof(norm_data, elisions), 1, 1},
    {"greek.tsv", offsetof(norm_data, greek), 2, 0},
    {"street_types.tsv", offsetof(norm_data, streets), 2, 1},
    {"digit_contexts.tsv", offsetof(norm_data, digit_words), 1, 1},
    {"model_contexts.tsv", offsetof(norm_data, models), 2, 0},
    {"average_contexts.tsv", offsetof(norm_data, averages), 2, 1},
    {"counted_nouns.tsv", offsetof(norm_data, counted), 1, 1},
    {"weekday_contexts.tsv", offsetof(norm_data, weekday_words), 1, 1},
    {"amount_nouns.tsv", offsetof(norm_data, amount_words), 2, 1},
    {"clock_contexts.tsv", offsetof(norm_data, clock_words), 2, 1},
    {"record_contexts.tsv", offsetof(norm_data, record_words), 2, 1},
};

/* Room for one row's "file:line" string. */
#define WHERE_EXTRA 12

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static uint32_t hash(const char *s, size_t n, int fold)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (fold ? lower((unsigned char)s[i]) : (unsigned char)s[i])) * 16777619u;
    return h;
}

static int key_eq(nslice k, const char *s, size_t n, int fold)
{
    if (k.len != n)
        return 0;
    if (!fold)
        return memcmp(k.p, s, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)k.p[i]) != lower((unsigned char)s[i]))
            return 0;
    return 1;
}

int nslice_is(nslice a, const char *s)
{
    return strlen(s) == a.len && memcmp(a.p, s, a.len) == 0;
}

const nrow *ntable_find(const ntable *t, const char *s, size_t n)
{
    if (!t->nslots)
        return NULL;
    uint32_t i = hash(s, n, t->fold) & (t->nslots - 1);
    for (; t->slots[i]; i = (i + 1) & (t->nslots - 1)) {
        const nrow *r = &t->rows[t->slots[i] - 1];
        if (key_eq(r->col[0], s, n, t->fold))
            return r;
    }
    return NULL;
}

const nrow *ntable_next(const ntable *t, const nrow *r)
{
    return r->next == UINT32_MAX ? NULL : &t->rows[r->next];
}

/* Splits one line into r's columns; returns the number of columns. */
static uint32_t split_line(const char *p, const char *end, nrow *r)
{
    memset(r, 0, sizeof *r);
    r->where = "";
    r->next = UINT32_MAX;
    uint32_t n = 0;
    while (n < NT_MAXCOLS) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *e = tab ? tab : end;
        r->col[n].p = p;
        r->col[n].len = (uint32_t)(e - p);
        n++;
        if (!tab)
            break;
        p = tab + 1;
    }
    r->ncols = n;
    return n;
}

static void index_row(ntable *t, uint32_t ri)
{
    nrow *r = &t->rows[ri];
    nslice k = r->col[0];
    unsigned bit = ntable_sig(t, k.p, k.len);
    t->sig[bit >> 6] |= (uint64_t)1 << (bit & 63);
    uint32_t i = hash(r->col[0].p, r->col[0].len, t->fold) & (t->nslots - 1);
    for (; t->slots[i]; i = (i + 1) & (t->nslots - 1)) {
        nrow *o = &t->rows[t->slots[i] - 1];
        if (key_eq(o->col[0], r->col[0].p, r->col[0].len, t->fold)) {
            while (o->next != UINT32_MAX)
                o = &t->rows[o->next];
            o->next = ri;
            return;
        }
    }
    t->slots[i] = ri + 1;
}

static narrate_error load_table(ntable *t, const table_spec *sp, char *err, size_t errsz)
{
    const embedded_file *f = embedded_find(sp->file);
    if (!f) {
        snprintf(err, errsz, "%s: missing data file", sp->file);
        return NARRATE_EDATA;
    }
    size_t lines = 1;
    for (size_t i = 0; i < f->size; i++)
        lines += f->data[i] == '\n';
    t->fold = sp->fold;
    t->rows = calloc(lines, sizeof *t->rows);
    for (t->nslots = 16; t->nslots < lines * 2; t->nslots *= 2)
        ;
    t->slots = calloc(t->nslots, sizeof *t->slots);
    size_t where_size = strlen(sp->file) + WHERE_EXTRA;
    t->wheres = malloc(lines * where_size);
    if (!t->rows || !t->slots || !t->wheres) {
        snprintf(err, errsz, "%s: out of memory", sp->file);
        return NARRATE_ENOMEM;
    }
    const char *p = f->data, *end = f->data + f->size;
    for (size_t line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        if (e > p && e[-1] == '\r')
            e--;
        if (e > p && *p != '#') {
            nrow *r = &t->rows[t->nrows];
            if (split_line(p, e, r) < sp->mincols || r->col[0].len == 0) {
                snprintf(err, errsz, "%s:%zu: expected %u tab-separated columns", sp->file,
                         line, (unsigned)sp->mincols);
                return NARRATE_EDATA;
            }
            char *w = t->wheres + (size_t)t->nrows * where_size;
            snprintf(w, where_size, "%s:%zu", sp->file, line);
            r->where = w;
            index_row(t, t->nrows++);
        }
        p = next;
    }
    return NARRATE_OK;
}

static void free_table(ntable *t)
{
    free(t->rows);
    free(t->slots);
    free(t->wheres);
}

narrate_error norm_data_load(norm_data **out, char *errmsg, size_t errmsg_size)
{
    char dummy[8];
    if (!errmsg || !errmsg_size) {
        errmsg = dummy;
        errmsg_size = sizeof dummy;
    }
    errmsg[0] = '\0';
    *out = NULL;
    norm_data *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(errmsg, errmsg_size, "out of memory");
        return NARRATE_ENOMEM;
    }
    norm_rules_index(&d->rules);
    narrate_error err = nsymbols_load(&d->symbols, errmsg, errmsg_size);
    if (err != NARRATE_OK) {
        norm_data_free(d);
        return err;
    }
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        ntable *t = (ntable *)((char *)d + specs[i].field);
        narrate_error e = load_table(t, &specs[i], errmsg, errmsg_size);
        if (e != NARRATE_OK) {
            norm_data_free(d);
            return e;
        }
    }
    *out = d;
    return NARRATE_OK;
}

void norm_data_free(norm_data *data)
{
    if (!data)
        return;
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        free_table((ntable *)((char *)data + specs[i].field));
    nsymbols_free(&data->symbols);
    free(data);
}
