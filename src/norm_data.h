/* The normalizer's tables, read from the TSV files of pronunciations/ (see its
 * README.md for the columns of each).  Rows point into the embedded file data,
 * which lives as long as the program, so loading copies nothing but an index. */
#ifndef NARRATE_NORM_DATA_H
#define NARRATE_NORM_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "normalize.h"

#define NT_MAXCOLS 6

typedef struct nslice {
    const char *p;
    uint32_t len;
} nslice;

typedef struct nrow {
    nslice col[NT_MAXCOLS]; /* col[0] is the key; missing columns are empty */
    uint32_t ncols;
    uint32_t next; /* index of the next row with the same key, or UINT32_MAX */
    const char *where; /* "file.tsv:line", for norm_word.rule; lives as long as the table */
} nrow;

typedef struct ntable {
    nrow *rows;
    uint32_t nrows;
    uint32_t *slots; /* open addressing: row index + 1, 0 = empty */
    uint32_t nslots;
    int fold; /* keys compare ASCII-case-insensitively */
    char *wheres; /* storage of the rows' `where` strings */
} ntable;

struct norm_data {
    ntable abbrev;    /* abbreviations.tsv: written, context, spoken, split */
    ntable titles;    /* titles.tsv: words that precede a name */
    ntable months;    /* months.tsv: written, spoken, number */
    ntable weekdays;  /* weekdays.tsv: written, spoken */
    ntable states;    /* states.tsv: written, spoken */
    ntable units;     /* units.tsv: written, singular, plural */
    ntable currency;  /* currencies.tsv: written, singular, plural, minor sg, minor pl */
    ntable scales;    /* scales.tsv: written, spoken */
    ntable acronyms;  /* acronyms.tsv: written, spoken */
    ntable starters;  /* sentence_starters.tsv: word */
    ntable parties;   /* parties.tsv: letter, spoken */
    ntable roman;     /* roman_contexts.tsv: preceding word, style */
    ntable lexicon;   /* lexicon.tsv: exact written token, spoken */
    ntable web;       /* web_words.tsv: URL part read as a word, spoken */
    ntable zones;     /* time_zones.tsv: written, spoken */
    ntable spellings; /* spellings.tsv: written, kind, american */
    ntable elisions;  /* elisions.tsv: words written after an apostrophe ('em, 'n') */
};

/* The first row whose key is s[0..n), or NULL. */
const nrow *ntable_get(const ntable *t, const char *s, size_t n);
/* The next row with the same key as r, or NULL. */
const nrow *ntable_next(const ntable *t, const nrow *r);
/* Whether the slice equals the NUL-terminated string s. */
int nslice_is(nslice a, const char *s);

#endif
