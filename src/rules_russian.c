/* rule:russian — placeholder until the transliteration rules land. */
#include <stdlib.h>

#include "lexicon_rules.h"

struct russian_rules {
    const lex_inventory *inv;
};

narrate_error russian_rules_new(russian_rules **out, const lex_inventory *inv)
{
    russian_rules *r = calloc(1, sizeof *r);
    if (!r)
        return NARRATE_ENOMEM;
    r->inv = inv;
    *out = r;
    return 0;
}

void russian_rules_free(russian_rules *r)
{
    free(r);
}

size_t russian_read(const russian_rules *r, const char *const *words, size_t nwords, char *out, size_t cap)
{
    (void)r, (void)words, (void)nwords, (void)out, (void)cap;
    return 0;
}
