/* State of one norm_sentence_run() call, shared by the rules: the folded text,
 * its tokens, and the spoken output being built with its word provenance. */
#ifndef NARRATE_NORM_CTX_H
#define NARRATE_NORM_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "norm_buf.h"
#include "norm_data.h"
#include "norm_tokens.h"
#include "norm_unicode.h"
#include "normalize.h"

typedef struct nctx {
    const norm_data *d;
    const char *t; /* folded text */
    size_t tlen;
    const fold_map *map;
    const ntok *tok;
    size_t n;
    size_t final; /* token index of the sentence's final . ? !, or SIZE_MAX */
    int headline; /* most words are in capitals: read them as words */
    nbuf *out;
    norm_word *words;
    size_t nwords, wcap;
    int oom;
    char pending;  /* pause punctuation to put before the next word, or 0 */
    const char *rule; /* norm_word.rule of what emit() emits next; never NULL */
    uint32_t flags;   /* NORM_WORD_* added to what emit() emits next, then cleared */
    norm_reading reading;
    const char *src; /* the source that t was folded from (see map) */
    nbuf tmp;      /* scratch for expanders */
} nctx;

/* Token access; indexes out of range read as nothing. */
static inline int tk_kind(const nctx *c, size_t i) { return i < c->n ? c->tok[i].kind : -1; }
static inline const char *tk_p(const nctx *c, size_t i) { return i < c->n ? c->t + c->tok[i].off : ""; }
static inline size_t tk_len(const nctx *c, size_t i) { return i < c->n ? c->tok[i].len : 0; }
static inline int tk_word(const nctx *c, size_t i) { return tk_kind(c, i) == TK_WORD; }
static inline int tk_num(const nctx *c, size_t i) { return tk_kind(c, i) == TK_NUM; }
static inline int tk_space(const nctx *c, size_t i) { return tk_kind(c, i) == TK_SPACE; }
static inline int tk_cased(const nctx *c, size_t i) { return i < c->n ? c->tok[i].cased : CASE_NONE; }
static inline int tk_punct(const nctx *c, size_t i, uint32_t cp)
{
    return tk_kind(c, i) == TK_PUNCT && c->tok[i].cp == cp;
}
int tk_is(const nctx *c, size_t i, const char *s);   /* exact text */
int tk_ieq(const nctx *c, size_t i, const char *s);  /* ASCII case-insensitive */
/* Whether token i is an ordinal suffix: st, nd, rd, th, in any case. */
int tk_ordinal_suffix(const nctx *c, size_t i);
/* The length of token i without a possessive "'s" ("NATO's", "Boeing's"). */
size_t tk_stem_len(const nctx *c, size_t i);
/* Whether token i is a dash-like joiner: '-', U+2013. */
int tk_dash(const nctx *c, size_t i);
/* i + 1 when token i+1 is a single space, else SIZE_MAX-safe i + 1 as well:
 * the index of the next non-space token after i. */
size_t tk_next(const nctx *c, size_t i);
/* The index of the previous non-space token before i, or SIZE_MAX. */
size_t tk_prev(const nctx *c, size_t i);
/* Looks up token i (plus `suffix`, e.g. ".") in t. */
const nrow *tk_lookup(const nctx *c, const ntable *t, size_t i, const char *suffix);
/* Whether token i is a word that t lists with `kind` in its second column
 * (the context tables: "before", "after", "noun", ...). */
int tk_table_word(const nctx *c, const ntable *t, size_t i, const char *kind);
/* Whether token i is a mark that stands for a unit after a number: the inch
 * or second marks '"' and U+2033, the degree sign. */
int tk_unit_mark(const nctx *c, size_t i);

/* Emits s[0..n) as one spoken unit made from tokens [first, end), with
 * c->rule as its provenance; quoted when any of the tokens is. */
void emit(nctx *c, const char *s, size_t n, size_t first, size_t end);
/* Emits s[0..n) as one spoken unit made from folded text [off, off + len),
 * with c->rule as its provenance and `flags` (NORM_WORD_*). */
void emit_text_span(nctx *c, const char *s, size_t n, size_t off, size_t len, uint32_t flags);
/* Emits c->tmp and clears it. */
void emit_tmp(nctx *c, size_t first, size_t end);
void emit_slice(nctx *c, nslice s, size_t first, size_t end);
/* Emits token i as it is written, with rule "". */
void emit_tok(nctx *c, size_t i);
/* Makes room for n words in c->words; sets c->oom on failure. */
void norm_words_reserve(nctx *c, size_t n);
/* Sets the provenance of what follows to a table row. */
void rule_row(nctx *c, const nrow *r);
/* Asks for a pause (',' ';' ':') before the next word. */
void emit_pause(nctx *c, char p);

/* Appends a word to c->tmp, space-separated. */
void tmp_word(nctx *c, const char *s, size_t n);
void tmp_words(nctx *c, const char *s);
void tmp_slice(nctx *c, nslice s);

#endif
