/* Internals of the lexicon module (src/lexicon*.c, src/ipa.c, src/rules_*.c).
 * Owned by the lexicon module; nothing outside it includes this header. */
#ifndef NARRATE_LEXICON_INTERNAL_H
#define NARRATE_LEXICON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* lexicon.h has "pronunciations/" "*.lex" inside a comment, which -Wcomment
 * rejects; silenced here until the header is fixed by its owner. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcomment"
#include "lexicon.h"
#pragma GCC diagnostic pop

#define LEX_MAX_PHONEMES 256   /* bytes of one pronunciation, the contract's limit */
#define LEX_MAX_KEY 512        /* bytes of a folded phrase */
#define LEX_MAX_WORDS 8        /* words in one phrase */

/* ---- arena: every string and entry of a lexicon lives in one ---- */

typedef struct lex_block lex_block;
typedef struct lex_arena {
    lex_block *blocks;
} lex_arena;

void *lex_arena_alloc(lex_arena *a, size_t size); /* NULL on ENOMEM; aligned for pointers */
char *lex_arena_strndup(lex_arena *a, const char *s, size_t n);
char *lex_arena_strdup(lex_arena *a, const char *s);
void lex_arena_splice(lex_arena *into, lex_arena *from); /* moves every block of `from` */
void lex_arena_free(lex_arena *a);

/* ---- entries ---- */

enum {
    LEX_FLAG_CASE = 1u << 0,   /* words must match as written, case included */
    LEX_FLAG_MIDCAP = 1u << 1, /* first word capitalized and not opening the sentence */
    LEX_FLAG_WHOLE = 1u << 2,  /* no possessive 's form */
};

typedef struct lex_entry lex_entry;
struct lex_entry {
    const char *key;          /* folded words joined by one space */
    const char *first_key;    /* folded first word (== key for one word) */
    const char *written;      /* words as written, joined by one space */
    const char *phonemes;     /* espeak-ng mnemonics, or NULL */
    const char *respelling;   /* or plain words */
    const char *phonemes_possessive;   /* the same with 's, or NULL (flag whole) */
    const char *respelling_possessive;
    const char *source;       /* "file:line" */
    unsigned flags;
    unsigned nwords;
    unsigned layer;
    unsigned file_seq;        /* order in which files were added */
    unsigned line;
    lex_entry *next_in_file;  /* parse order */
    lex_entry *next_variant;  /* same key, outranked by this one */
};

/* ---- hash table of folded keys ---- */

typedef struct lex_slot {
    const char *key;
    uint32_t hash;
    unsigned max_words;  /* longest phrase whose first word is this key */
    lex_entry *variants; /* best first */
} lex_slot;

typedef struct lex_table {
    lex_slot *slots;
    size_t cap, used;
} lex_table;

uint32_t lex_hash(const char *s, size_t n);
const lex_slot *lex_table_find(const lex_table *t, const char *key, size_t n);
/* Grows so that `more` new keys fit without allocating.  0 or -1 (ENOMEM). */
int lex_table_reserve(lex_table *t, size_t more);
/* Never allocates after a successful reserve covering it.  The first word's
 * slot (created when missing) learns the phrase length. */
void lex_table_insert(lex_table *t, lex_entry *e);
void lex_table_free(lex_table *t);

/* ---- text ---- */

/* Folds one word (UTF-8) to the lookup key form: ASCII, Latin-1 and Cyrillic
 * capitals lowered.  Writes at most cap-1 bytes and a NUL; returns the length,
 * or (size_t)-1 when it does not fit. */
size_t lex_fold(const char *s, size_t n, char *out, size_t cap);
int lex_utf8_valid(const char *s, size_t n);
/* 1 when the text is valid UTF-8 with no control characters. */
int lex_utf8_clean(const char *s, size_t n);
/* Length of a trailing possessive ('s or U+2019 s) of the word, or 0. */
size_t lex_possessive_len(const char *w, size_t n);
int lex_is_capitalized(const char *w);

/* ---- tab-separated data tables (the .tsv files of pronunciations/) ---- */

/* Calls row() for each non-comment, non-empty line with its fields split on
 * tabs (at most 4; a line's text is copied into a scratch buffer). */
typedef int (*lex_tsv_row_fn)(void *ctx, char **fields, size_t nfields, unsigned line);
int lex_tsv_each(const char *data, size_t size, lex_tsv_row_fn row, void *ctx);

/* ---- phoneme inventory (pronunciations/espeak-phonemes.tsv) ---- */

typedef struct lex_inventory lex_inventory;
int lex_inventory_load(lex_inventory **out);
void lex_inventory_free(lex_inventory *inv);
/* Length of the longest mnemonic at s (a phoneme or a mark), 0 when none. */
size_t lex_inventory_match(const lex_inventory *inv, const char *s, int *is_vowel);
/* 1 when every byte of phonemes is a known mnemonic, a stress mark or a space;
 * else 0 with the offending text copied into bad. */
int lex_phonemes_valid(const lex_inventory *inv, const char *phonemes, char *bad, size_t bad_size);
/* The phonemes with a possessive 's appended (s, z or I#z by the last sound). */
int lex_phonemes_possessive(const char *phonemes, char *out, size_t cap);

/* ---- file parsers: build a file's entries in a private arena ---- */

typedef struct lex_parse {
    const char *name;            /* file name used in messages and sources */
    const lex_inventory *inv;
    const struct ipa_table *ipa; /* for PLS alphabet="ipa" */
    lex_arena arena;             /* entries and strings of this file */
    lex_entry *first, *last;     /* parse order */
    size_t count;
    lex_table seen;              /* this file's keys, for duplicate checks */
    unsigned layer, file_seq;
    char *errmsg;
    size_t errmsg_size;
} lex_parse;

/* Records an entry; validates and derives the possessive forms.  Returns 0,
 * or a narrate_error with errmsg set to "name:line: message". */
narrate_error lex_parse_add(lex_parse *p, unsigned line, const char *const *words, size_t nwords,
                            const char *phonemes, const char *respelling, unsigned flags);
/* 1 when this file already has an entry for exactly these words (any flags). */
int lex_parse_seen(const lex_parse *p, const char *const *words, size_t nwords);
narrate_error lex_parse_error(lex_parse *p, unsigned line, narrate_error err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

narrate_error lex_parse_lines(lex_parse *p, const char *data, size_t size);
narrate_error lex_parse_pls(lex_parse *p, const char *data, size_t size);
int lex_looks_like_xml(const char *data, size_t size);

/* ---- rule cache: rule readings interned so that they live as long as the lexicon ---- */

typedef struct lex_cache lex_cache;
int lex_cache_new(lex_cache **out);
void lex_cache_free(lex_cache *c);
/* A stable copy of s, or NULL when memory or the cache's bound runs out. */
const char *lex_cache_intern(lex_cache *c, const char *s);

/* ---- the lexicon as the other files of the module see it ---- */

typedef struct pinyin_rules pinyin_rules;
typedef struct russian_rules russian_rules;

/* Parses one file's text and, when all of it is good, adds it as a layer. */
narrate_error lex_add_data(lexicon *lex, const char *name, const char *data, size_t size,
                           lexicon_layer layer, char *errmsg, size_t errmsg_size);
const lex_inventory *lex_inventory_of(const lexicon *lex);
const lex_table *lex_table_of(const lexicon *lex);
const pinyin_rules *lex_pinyin_of(const lexicon *lex);
const russian_rules *lex_russian_of(const lexicon *lex);
lex_cache *lex_cache_of(const lexicon *lex);

/* errmsg gets the formatted message (when errmsg is not NULL). */
void lex_set_error(char *errmsg, size_t errmsg_size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
