/* The rule order.  Earlier rules are more specific: whole-token lexicon entries,
 * then web addresses, money, times and dates (which contain numbers), then
 * measures and other numbers, then words, symbols and punctuation.  `word` and
 * `punct` match any single token, so every token is consumed. */
#include "norm_rules.h"

#define R(n) {#n, match_##n, expand_##n}

static const nrule rules[] = {
    R(lexicon), R(url),      R(email),    R(tag),          R(money),
    R(time),    R(date_iso), R(date_mdy), R(date_dmy),     R(date_numeric),
    R(decade),  R(weekday), R(party),    R(state),    R(phone),        R(percent),
    R(measure), R(range),    R(fraction), R(ordinal),      R(alnum),
    R(number),  R(roman),    R(dotted),   R(abbrev),       R(caps),
    R(symbol),  R(word),     R(punct),
};

void norm_apply_rules(nctx *c)
{
    size_t i = 0;
    while (i < c->n && !c->oom) {
        if (tk_space(c, i)) {
            i++;
            continue;
        }
        size_t k;
        nmatch m = {0};
        for (k = 0; k < sizeof rules / sizeof rules[0]; k++) {
            m.end = 0;
            if (rules[k].match(c, i, &m) && m.end > i)
                break;
        }
        if (k == sizeof rules / sizeof rules[0]) {
            i++;
            continue;
        }
        c->rule = rules[k].name;
        rules[k].expand(c, i, &m);
        i = m.end;
    }
}
