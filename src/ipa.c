/* IPA to espeak-ng mnemonics (see ipa.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "ipa.h"

#define MAX_ROWS 256

typedef enum ipa_kind { IPA_VOWEL, IPA_CONSONANT, IPA_PRIMARY, IPA_SECONDARY, IPA_SKIP, IPA_SPACE } ipa_kind;

typedef struct ipa_row {
    char ipa[16];
    char espeak[8];
    unsigned char len;
    ipa_kind kind;
} ipa_row;

struct ipa_table {
    ipa_row rows[MAX_ROWS]; /* longest IPA first */
    size_t count;
};

static int kind_of(const char *name, ipa_kind *kind)
{
    static const char *const names[] = {"vowel", "consonant", "primary", "secondary", "skip", "space"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *kind = (ipa_kind)i;
            return 0;
        }
    return -1;
}

static int add_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)line;
    ipa_table *t = ctx;
    if (n < 3 || t->count == MAX_ROWS || strlen(f[0]) >= sizeof t->rows[0].ipa ||
        strlen(f[1]) >= sizeof t->rows[0].espeak || !f[0][0])
        return -1;
    ipa_row *r = &t->rows[t->count];
    if (kind_of(f[2], &r->kind) != 0)
        return -1;
    strcpy(r->ipa, f[0]);
    strcpy(r->espeak, f[1]);
    r->len = (unsigned char)strlen(f[0]);
    t->count++;
    return 0;
}

static int longer_first(const void *a, const void *b)
{
    return (int)((const ipa_row *)b)->len - (int)((const ipa_row *)a)->len;
}

narrate_error ipa_table_load(ipa_table **out)
{
    const embedded_file *f = embedded_find("ipa-espeak.tsv");
    ipa_table *t = calloc(1, sizeof *t);
    if (!t)
        return NARRATE_ENOMEM;
    if (!f || lex_tsv_each(f->data, f->size, add_row, t) != 0) {
        free(t);
        return NARRATE_EDATA;
    }
    qsort(t->rows, t->count, sizeof t->rows[0], longer_first);
    *out = t;
    return 0;
}

void ipa_table_free(ipa_table *t)
{
    free(t);
}

static const ipa_row *match_any(const ipa_table *t, const char *s)
{
    for (size_t i = 0; i < t->count; i++)
        if (strncmp(s, t->rows[i].ipa, t->rows[i].len) == 0)
            return &t->rows[i];
    return NULL;
}

static int ends_in_r(const ipa_row *row)
{
    size_t n = row->len;
    return (n >= 1 && row->ipa[n - 1] == 'r') || (n >= 2 && strcmp(row->ipa + n - 2, "\xC9\xB9") == 0);
}

/* A vowel comes next, past marks such as ʲ and ˈ. */
static int vowel_follows(const ipa_table *t, const char *s)
{
    for (;;) {
        const ipa_row *next = match_any(t, s);
        if (!next || next->len == 0)
            return 0;
        if (next->kind == IPA_VOWEL)
            return 1;
        if (next->kind != IPA_SKIP && next->kind != IPA_PRIMARY && next->kind != IPA_SECONDARY)
            return 0;
        s += next->len;
    }
}

/* The longest row at s; an r-coloured vowel only when no vowel follows. */
static const ipa_row *match_at(const ipa_table *t, const char *s)
{
    for (size_t i = 0; i < t->count; i++) {
        const ipa_row *row = &t->rows[i];
        if (strncmp(s, row->ipa, row->len) != 0)
            continue;
        if (row->kind == IPA_VOWEL && ends_in_r(row) && vowel_follows(t, s + row->len))
            continue;
        return row;
    }
    return NULL;
}

static void describe_unknown(const char *s, char *bad, size_t bad_size)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned cp = u[0];
    size_t len = 1;
    if (u[0] >= 0xC0 && u[0] < 0xE0 && u[1])
        cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu), len = 2;
    else if (u[0] >= 0xE0 && u[0] < 0xF0 && u[1] && u[2])
        cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu), len = 3;
    snprintf(bad, bad_size, "'%.*s' (U+%04X)", (int)len, s, cp);
}

static int append(char *out, size_t cap, size_t *o, const char *s)
{
    size_t n = strlen(s);
    if (*o + n >= cap)
        return -1;
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = '\0';
    return 0;
}

int ipa_to_espeak(const ipa_table *t, const char *ipa, char *out, size_t cap, char *bad, size_t bad_size)
{
    size_t o = 0;
    char pending = 0;
    out[0] = '\0';
    for (const char *s = ipa; *s;) {
        const ipa_row *row = match_at(t, s);
        if (!row) {
            describe_unknown(s, bad, bad_size);
            return -1;
        }
        s += row->len;
        int rc = 0;
        switch (row->kind) {
        case IPA_PRIMARY:
        case IPA_SECONDARY:
            pending = row->espeak[0];
            break;
        case IPA_VOWEL:
            if (pending)
                rc = append(out, cap, &o, pending == '\'' ? "'" : ",");
            pending = 0;
            if (!rc)
                rc = append(out, cap, &o, row->espeak);
            break;
        case IPA_CONSONANT:
            rc = append(out, cap, &o, row->espeak);
            break;
        case IPA_SPACE:
            pending = 0;
            if (o && out[o - 1] != ' ')
                rc = append(out, cap, &o, " ");
            break;
        case IPA_SKIP:
            break;
        }
        if (rc) {
            snprintf(bad, bad_size, "too long");
            return -1;
        }
    }
    while (o && out[o - 1] == ' ')
        out[--o] = '\0';
    return 0;
}
