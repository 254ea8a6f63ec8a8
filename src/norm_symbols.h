/* The names of punctuation marks and symbols (pronunciations/symbols.tsv) and
 * the punctuation level from which each is said. */
#ifndef NARRATE_NORM_SYMBOLS_H
#define NARRATE_NORM_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

#include "narrate.h"

/* A row's level: named when the punctuation level is at least this
 * (NARRATE_PUNCT_SOME, NARRATE_PUNCT_ALL), or SYMBOL_SPELL_ONLY. */
#define SYMBOL_SPELL_ONLY 3

typedef struct nsymbol {
    uint32_t cp;
    const char *name;  /* points into the embedded file; name_len bytes */
    uint32_t name_len;
    int level;
    const char *where; /* "symbols.tsv:LINE" */
} nsymbol;

/* Sorted by cp; owned by norm_data. */
typedef struct nsymbols {
    nsymbol *v;
    size_t n;
    char *wheres;
} nsymbols;

/* Reads the embedded symbols.tsv.  On failure errmsg names the line.
 * Possible errors: ENOMEM, EDATA. */
narrate_error nsymbols_load(nsymbols *out, char *errmsg, size_t errmsg_size);
void nsymbols_free(nsymbols *s);

/* The row of cp, or NULL. */
const nsymbol *nsymbols_find(const nsymbols *s, uint32_t cp);

/* The row of cp when it is named at punctuation level `level`, else NULL. */
const nsymbol *nsymbols_named_at(const nsymbols *s, uint32_t cp, narrate_punctuation level);

#endif
