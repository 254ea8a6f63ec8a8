/* The normalizer's rules.  Each rule is {name, match, expand}: match looks at the
 * tokens from index i on, without side effects, and on success fills m (at least
 * m->end, one past the last token it covers); expand then emits the spoken words
 * for tokens [i, m->end).  norm_rules.c holds the order, which is the priority:
 * the first rule that matches at a token wins. */
#ifndef NARRATE_NORM_RULES_H
#define NARRATE_NORM_RULES_H

#include <stddef.h>

#include "norm_ctx.h"

/* A number as written: integer digits (commas removed), optional fraction. */
typedef struct nnum {
    const char *ip; /* integer digits; may point into buf */
    size_t in;
    const char *fp; /* fraction digits, or NULL */
    size_t fn;
    int neg;
    int plus;       /* written with a leading '+' */
    int commas;     /* written with thousands separators */
    size_t end;     /* one past the last token */
    char buf[40];
} nnum;

typedef struct nmatch {
    size_t end;
    size_t a, b;        /* rule-specific token indexes */
    const nrow *row, *row2;
    int kind;
    nnum num, num2;
    const nrow *unit; /* a unit after the number (match_unit_after) */
    size_t unit_at;
} nmatch;

typedef int (*rule_match_fn)(const nctx *c, size_t i, nmatch *m);
typedef void (*rule_expand_fn)(nctx *c, size_t i, const nmatch *m);

/* The kinds of token a rule can start at, as a mask of 1 << rule class (see
 * rule_index in norm_data.h): words in lower case (those that begin outside
 * ASCII apart, AT_LOWER_INTL), other words, numbers, punctuation. */
#define AT_LOWER_INTL (1u << RULE_AT_LOWER_INTL)
#define AT_LOWER ((1u << RULE_AT_LOWER) | AT_LOWER_INTL)
#define AT_CAP (1u << TK_WORD)
#define AT_WORD (AT_LOWER | AT_CAP)
#define AT_NUM (1u << TK_NUM)
#define AT_PUNCT (1u << TK_PUNCT)
#define AT_ANY (AT_WORD | AT_NUM | AT_PUNCT)
/* With an AT_* mask: the rule never matches a token that stands before a
 * space or the end of the sentence ("U.S.", "F-16", "example.com"). */
#define NEEDS_NEXT (1u << 8)

typedef struct nrule {
    const char *name;
    rule_match_fn match;
    rule_expand_fn expand;
    unsigned starts; /* AT_*: match is never called at other tokens */
} nrule;

#define NORM_RULE(name)                                      \
    int match_##name(const nctx *c, size_t i, nmatch *m);    \
    void expand_##name(nctx *c, size_t i, const nmatch *m);

/* norm_web.c */
NORM_RULE(lexicon)
NORM_RULE(url)
NORM_RULE(email)
NORM_RULE(tag)
/* norm_money.c */
NORM_RULE(money)
NORM_RULE(count)
/* norm_dates.c */
NORM_RULE(race_time)
NORM_RULE(time)
NORM_RULE(clock)
NORM_RULE(date_iso)
NORM_RULE(date_mdy)
NORM_RULE(month_abbrev)
NORM_RULE(date_dmy)
NORM_RULE(date_numeric)
NORM_RULE(decade)
NORM_RULE(short_year)
NORM_RULE(era)
NORM_RULE(weekday)
NORM_RULE(weekday_range)
/* norm_address.c */
NORM_RULE(house)
/* norm_math.c */
NORM_RULE(math)
NORM_RULE(multiple)
/* norm_dotted.c */
NORM_RULE(ip)
NORM_RULE(version)
/* norm_average.c */
NORM_RULE(average)
/* norm_units.c */
NORM_RULE(percent)
NORM_RULE(measure)
NORM_RULE(choices)
NORM_RULE(feet)
/* norm_numeric.c */
NORM_RULE(phone)
NORM_RULE(digit_code)
NORM_RULE(ratio)
NORM_RULE(range)
NORM_RULE(fraction)
NORM_RULE(ordinal)
NORM_RULE(alnum)
NORM_RULE(model)
NORM_RULE(number)
/* norm_words.c */
NORM_RULE(party)
NORM_RULE(state)
NORM_RULE(roman)
NORM_RULE(dotted)
NORM_RULE(abbrev)
NORM_RULE(caps)
NORM_RULE(greek)
NORM_RULE(word)
/* norm_punct.c */
NORM_RULE(symbol)
NORM_RULE(punct)
/* Whether tokens [i, end) hold a mark or symbol that the reading's punctuation
 * level names (a decimal point or thousands separator inside a number is no
 * such mark). */
int norm_names_symbol_in(const nctx *c, size_t i, size_t end);

/* Parses a number at token i: [-]digits[,ddd...][.digits].  Returns 0 if there
 * is none. */
int parse_number(const nctx *c, size_t i, nnum *out);
/* Appends the reading of n to c->tmp: cardinal, or "point ..." with fraction. */
void tmp_number(nctx *c, const nnum *n);
/* Whether n is exactly "1". */
int num_is_one(const nnum *n);
/* A unit right after a number expression that ends at token e ("2-5lb",
 * "4 1/2 lbs"): sets m->unit and m->unit_at and returns the end past it, or
 * returns e.  expand_unit_after() emits it, plural, as tokens [unit_at, end). */
size_t match_unit_after(const nctx *c, size_t e, nmatch *m);
void expand_unit_after(nctx *c, const nmatch *m);
/* Whether an amount spanning tokens [i, end) modifies the noun after it, so
 * that its unit is singular: the indefinite article before it and a word in
 * lower case or capitals after it that is no sentence_starters.tsv word ("a
 * $25m deal" dollar, "a 10 km run" kilometer, "a 256GB SSD"; not "a $5
 * million or more"), or a determiner of amount_nouns.tsv or a possessive
 * before it and one of its nouns after it ("the £250m scheme", "the phone's
 * 5,000mAh battery").  Money uses it with a scale word or a whole price of
 * four digits or fewer ("a $20 fine"): the Google test set reads "a $133,000
 * grant" with "dollars". */
int amount_before_noun(const nctx *c, size_t i, size_t end);
/* Applies every rule from token 0 to the end. */
void norm_apply_rules(nctx *c);

/* norm_spell.c */
/* Appends one ASCII letter read as a letter to c->tmp ("b", "capital B" with
 * NARRATE_CAPS_WORD) and sets the flags of the next emit. */
void tmp_letter(nctx *c, char letter);
/* Reads the whole folded text character by character; src is the source it
 * was folded from. */
void norm_spell(nctx *c, const char *src);

#endif
