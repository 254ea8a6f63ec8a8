/* The tokenizer: folded text -> words, numbers, single punctuation characters and
 * runs of space, each keeping its byte span in the folded text. */
#ifndef NARRATE_NORM_TOKENS_H
#define NARRATE_NORM_TOKENS_H

#include <stddef.h>
#include <stdint.h>

enum tok_kind { TK_SPACE, TK_WORD, TK_NUM, TK_PUNCT };
enum tok_case { CASE_LOWER, CASE_TITLE, CASE_UPPER, CASE_MIXED, CASE_NONE };

typedef struct ntok {
    uint32_t off, len; /* bytes of the folded text */
    uint8_t kind;      /* enum tok_kind */
    uint8_t cased;     /* enum tok_case, for words */
    uint8_t quoted;    /* inside quotation marks (see norm_mark_quotes()) */
    uint32_t cp;       /* the character, for TK_PUNCT */
} ntok;

typedef struct ntoks {
    ntok *v;
    size_t n, cap;
} ntoks;

/* Tokenizes t[0..len) into out (cleared first).  A word is a run of letters that
 * may hold apostrophes between letters ("China's"); a number is a run of ASCII
 * digits.  Returns 0 on allocation failure. */
int norm_tokenize(const char *t, size_t len, ntoks *out);
void ntoks_free(ntoks *t);

#endif
