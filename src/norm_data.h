/* The normalizer's tables, read from the TSV files of pronunciations/ (see its
 * README.md for the columns of each).  Rows point into the embedded file data,
 * which lives as long as the program, so loading copies nothing but an index. */
#ifndef NARRATE_NORM_DATA_H
#define NARRATE_NORM_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "normalize.h"
#include "norm_symbols.h"

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

/* Whether a months.tsv or weekdays.tsv row (written, spoken, ...) is an
 * abbreviation: written shorter than spoken ("Jan" January, "Wed" Wednesday). */
static inline int nrow_abbreviates(const nrow *r) { return r->col[0].len < r->col[1].len; }

#define NTABLE_SIG_BITS 4096

typedef struct ntable {
    nrow *rows;
    uint32_t nrows;
    uint32_t *slots; /* open addressing: row index + 1, 0 = empty */
    uint32_t nslots;
    int fold; /* keys compare ASCII-case-insensitively */
    char *wheres; /* storage of the rows' `where` strings */
    /* A quick filter: bit ntable_sig() of every key is set, so a string
     * whose bit is clear is no key. */
    uint64_t sig[NTABLE_SIG_BITS / 64];
} ntable;

/* For each class of token, the indexes of the rules that can start at it, in
 * priority order; filled by norm_rules_index() (norm_rules.c).  The classes are
 * the token kinds (enum tok_kind), with words in lower case apart (those that
 * begin with a non-ASCII letter apart again), each once
 * followed by another token (k[0]) and once standing before a space or the
 * end (k[1]). */
#define NORM_MAX_RULES 48
#define RULE_AT_LOWER 4
#define RULE_AT_LOWER_INTL 5
#define RULE_CLASSES 6
typedef struct rule_index {
    unsigned char k[2][RULE_CLASSES][NORM_MAX_RULES];
    unsigned char n[2][RULE_CLASSES];
} rule_index;
void norm_rules_index(rule_index *ix);

struct norm_data {
    rule_index rules;
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
    ntable greek;     /* greek.tsv: letter, name */
    ntable elisions;  /* elisions.tsv: words written after an apostrophe ('em, 'n') */
    ntable streets;   /* street_types.tsv: words that end a street name (Ave, Road), kind */
    ntable digit_words; /* digit_contexts.tsv: words before a number read digit by digit */
    ntable counted;   /* counted_nouns.tsv: nouns after which "1.2m" is a count */
    ntable weekday_words; /* weekday_contexts.tsv: words before a day name alone ("on Wed.") */
    ntable amount_words; /* amount_nouns.tsv: determiners and nouns around an amount used as a modifier, kind */
    ntable clock_words; /* clock_contexts.tsv: words around a dotted 24-hour time ("at 18.45"), kind */
    ntable record_words; /* record_contexts.tsv: words around a win-loss record ("went 12-4"), kind */
    ntable models;    /* model_contexts.tsv: words around a model number (Boeing 737), position */
    ntable averages;  /* average_contexts.tsv: words around a batting average (.312), position */
    nsymbols symbols; /* symbols.tsv: punctuation and symbol names by level */
};

/* The first row whose key is s[0..n), or NULL; ntable_get() runs the quick
 * filter first. */
const nrow *ntable_find(const ntable *t, const char *s, size_t n);

static inline unsigned ntable_fold_byte(const ntable *t, unsigned char b)
{
    return t->fold && b >= 'A' && b <= 'Z' ? b + 32u : b;
}

/* The filter bit of s[0..n), n > 0: from its length and its first, second
 * and last bytes. */
static inline unsigned ntable_sig(const ntable *t, const char *s, size_t n)
{
    uint32_t h = (uint32_t)(n < 255 ? n : 255);
    h = h * 257 + ntable_fold_byte(t, (unsigned char)s[0]);
    h = h * 257 + (n >= 2 ? ntable_fold_byte(t, (unsigned char)s[1]) : 0);
    h = h * 257 + ntable_fold_byte(t, (unsigned char)s[n - 1]);
    return (h * 2654435761u) >> 20; /* 12 bits: NTABLE_SIG_BITS */
}

static inline const nrow *ntable_get(const ntable *t, const char *s, size_t n)
{
    if (n == 0)
        return NULL;
    unsigned bit = ntable_sig(t, s, n);
    if (!((t->sig[bit >> 6] >> (bit & 63)) & 1))
        return NULL;
    return ntable_find(t, s, n);
}
/* The next row with the same key as r, or NULL. */
const nrow *ntable_next(const ntable *t, const nrow *r);
/* Whether the slice equals the NUL-terminated string s. */
int nslice_is(nslice a, const char *s);

#endif
