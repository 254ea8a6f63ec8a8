/* House numbers: "2788 San Tomas Expy" twenty seven eighty eight, "123 Elm
 * St" one twenty three, "708 N 1st St" seven oh eight.  Only the number is
 * read here; the street's words are left to the word rules. */
#include "norm_numbers.h"
#include "norm_rules.h"

/* A word in capitals or title case, or an ordinal street number ("1st"), at j;
 * returns the index after it or 0. */
static size_t name_part(const nctx *c, size_t j)
{
    if (tk_num(c, j) && tk_word(c, j + 1) && tk_len(c, j + 1) == 2)
        return j + 2; /* "1st", "42nd" */
    if (tk_word(c, j) && tk_cased(c, j) != CASE_LOWER)
        return j + 1;
    return 0;
}

/* Whether a street name ending in a street type (street_types.tsv) starts at
 * j: one to four name words, the last of them the type; a type that is also
 * an ordinary word ("Court") not followed by a lower-case word. */
static int street_at(const nctx *c, size_t j)
{
    for (int words = 0; words < 5; words++) {
        size_t e = name_part(c, j);
        if (!e)
            return 0;
        const nrow *type = words > 0 && e == j + 1 ? tk_lookup(c, &c->d->streets, j, "") : NULL;
        if (type) {
            size_t nx = tk_next(c, j);
            if (tk_word(c, e) || tk_num(c, e))
                return 0;
            return nslice_is(type->col[1], "abbr") || nx >= c->n || !tk_word(c, nx) ||
                   tk_cased(c, nx) != CASE_LOWER;
        }
        if (!tk_space(c, e) || tk_len(c, e) != 1)
            return 0;
        j = e + 1;
    }
    return 0;
}

int match_house(const nctx *c, size_t i, nmatch *m)
{
    size_t n = tk_len(c, i);
    if (!tk_num(c, i) || n < 3 || n > 4 || tk_p(c, i)[0] == '0' || !tk_space(c, i + 1) ||
        (i > 0 && !tk_space(c, i - 1)))
        return 0;
    if (!street_at(c, i + 2))
        return 0;
    m->end = i + 1;
    return 1;
}

void expand_house(nctx *c, size_t i, const nmatch *m)
{
    num_year(&c->tmp, tk_p(c, i), tk_len(c, i));
    emit_tmp(c, i, m->end);
}
