/* The espeak-ng mnemonics a pronunciation may use (pronunciations/
 * espeak-phonemes.tsv), checking pronunciations against them, and the
 * possessive form of a pronunciation. */
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "lexicon_internal.h"

#define MAX_MNEMONICS 128
#define MAX_MNEMONIC_LEN 4

typedef struct mnemonic {
    char text[MAX_MNEMONIC_LEN + 1];
    unsigned char len, vowel;
} mnemonic;

struct lex_inventory {
    mnemonic items[MAX_MNEMONICS]; /* longest first, so the first match is the longest */
    size_t count;
};

static int add_row(void *ctx, char **fields, size_t nfields, unsigned line)
{
    (void)line;
    lex_inventory *inv = ctx;
    size_t len = strlen(fields[0]);
    if (nfields < 2 || !len || len > MAX_MNEMONIC_LEN || inv->count == MAX_MNEMONICS)
        return -1;
    mnemonic *m = &inv->items[inv->count++];
    memcpy(m->text, fields[0], len + 1);
    m->len = (unsigned char)len;
    m->vowel = strcmp(fields[1], "vowel") == 0;
    return 0;
}

static int longer_first(const void *a, const void *b)
{
    return (int)((const mnemonic *)b)->len - (int)((const mnemonic *)a)->len;
}

int lex_inventory_load(lex_inventory **out)
{
    const embedded_file *f = embedded_find("espeak-phonemes.tsv");
    lex_inventory *inv = calloc(1, sizeof *inv);
    if (!inv)
        return NARRATE_ENOMEM;
    if (!f || lex_tsv_each(f->data, f->size, add_row, inv) != 0 || !inv->count) {
        free(inv);
        return NARRATE_EDATA;
    }
    qsort(inv->items, inv->count, sizeof inv->items[0], longer_first);
    *out = inv;
    return 0;
}

void lex_inventory_free(lex_inventory *inv)
{
    free(inv);
}

size_t lex_inventory_match(const lex_inventory *inv, const char *s, int *is_vowel)
{
    for (size_t i = 0; i < inv->count; i++) {
        const mnemonic *m = &inv->items[i];
        if (strncmp(s, m->text, m->len) == 0) {
            if (is_vowel)
                *is_vowel = m->vowel;
            return m->len;
        }
    }
    return 0;
}

int lex_phonemes_valid(const lex_inventory *inv, const char *phonemes, char *bad, size_t bad_size)
{
    for (const char *p = phonemes; *p;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t len = lex_inventory_match(inv, p, NULL);
        if (!len) {
            size_t n = strcspn(p, " ");
            if (n >= bad_size)
                n = bad_size - 1;
            memcpy(bad, p, n);
            bad[n] = '\0';
            return 0;
        }
        p += len;
    }
    return 1;
}

static int ends_with(const char *s, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    return n >= t && memcmp(s + n - t, tail, t) == 0;
}

int lex_phonemes_possessive(const char *phonemes, char *out, size_t cap)
{
    size_t n = strlen(phonemes);
    while (n && phonemes[n - 1] == ' ')
        n--;
    const char *suffix = "z";
    static const char *const sibilants[] = {"tS", "dZ", "ts", "dz", "s", "z", "S", "Z"};
    static const char *const voiceless[] = {"p", "t", "k", "f", "T", "x"};
    for (size_t i = 0; i < sizeof sibilants / sizeof *sibilants; i++)
        if (ends_with(phonemes, n, sibilants[i]))
            suffix = "I#z";
    if (strcmp(suffix, "z") == 0)
        for (size_t i = 0; i < sizeof voiceless / sizeof *voiceless; i++)
            if (ends_with(phonemes, n, voiceless[i]))
                suffix = "s";
    size_t slen = strlen(suffix);
    if (n + slen >= cap)
        return -1;
    memcpy(out, phonemes, n);
    memcpy(out + n, suffix, slen + 1);
    return 0;
}
