/* The rule order.  Earlier rules are more specific: whole-token lexicon entries,
 * then web and IP addresses, codes after "ZIP code" or "ISSN", money, times, dates and version numbers (which
 * contain numbers), then states, arithmetic, phone numbers, measures (and sizes to
 * choose from: "128/256GB"), ratios, ranges,
 * house numbers and other numbers, then words, symbols and punctuation.  `word`
 * and `punct` match any single token, so every token is consumed.  Each rule
 * says at which kinds of token it can start, and whether only where another
 * token follows without a space; the others never try it. */
#include "norm_rules.h"

#define R(n, at) {#n, match_##n, expand_##n, at}

static const nrule rules[] = {
    R(lexicon, AT_WORD | AT_NUM),
    R(url, AT_WORD | NEEDS_NEXT),
    R(email, AT_WORD | AT_NUM | NEEDS_NEXT),
    R(tag, AT_PUNCT),
    R(ip, AT_NUM | NEEDS_NEXT),
    R(digit_code, AT_NUM),
    R(money, AT_ANY),
    R(count, AT_NUM),
    R(race_time, AT_NUM | NEEDS_NEXT),
    R(time, AT_NUM),
    R(clock, AT_NUM),
    R(date_iso, AT_NUM | NEEDS_NEXT),
    R(date_mdy, AT_WORD),
    R(date_dmy, AT_NUM),
    R(date_numeric, AT_NUM | NEEDS_NEXT),
    R(month_abbrev, AT_CAP | NEEDS_NEXT),
    R(version, AT_NUM | NEEDS_NEXT),
    R(model, AT_NUM),
    R(decade, AT_NUM | AT_PUNCT),
    R(short_year, AT_PUNCT),
    R(era, AT_NUM),
    R(weekday_range, AT_CAP),
    R(weekday, AT_CAP),
    R(party, AT_CAP),
    R(state, AT_CAP),
    R(math, AT_NUM),
    R(multiple, AT_NUM),
    R(phone, AT_NUM | AT_PUNCT),
    R(feet, AT_NUM),
    R(average, AT_PUNCT),
    R(percent, AT_NUM | AT_PUNCT),
    R(choices, AT_NUM | NEEDS_NEXT),
    R(measure, AT_NUM | AT_PUNCT),
    R(ratio, AT_NUM),
    R(range, AT_NUM | AT_PUNCT),
    R(house, AT_NUM),
    R(fraction, AT_NUM),
    R(ordinal, AT_NUM),
    R(alnum, AT_WORD | NEEDS_NEXT),
    R(number, AT_NUM | AT_PUNCT),
    R(roman, AT_CAP),
    R(dotted, AT_WORD | NEEDS_NEXT),
    R(abbrev, AT_WORD),
    R(caps, AT_CAP),
    R(greek, AT_LOWER_INTL), /* Greek letters count as lower case */
    R(symbol, AT_PUNCT),
    R(word, AT_WORD),
    R(punct, AT_ANY),
};

#define NRULES (sizeof rules / sizeof rules[0])

_Static_assert(NRULES <= NORM_MAX_RULES, "rule_index too small");

void norm_rules_index(rule_index *ix)
{
    for (int alone = 0; alone < 2; alone++)
        for (int kind = 0; kind < RULE_CLASSES; kind++) {
            ix->n[alone][kind] = 0;
            for (size_t k = 0; k < NRULES; k++)
                if ((rules[k].starts & (1u << kind)) && !(alone && (rules[k].starts & NEEDS_NEXT)))
                    ix->k[alone][kind][ix->n[alone][kind]++] = (unsigned char)k;
        }
}

/* At NONE and SOME, a rule's reading stands for the symbols it covers ("$4"
 * four dollars); at ALL every mark is named, so a rule that would swallow one
 * gives way, down to `punct`, which names it ("$4" dollar four). */
static int hides_named_symbol(const nctx *c, const nrule *rule, size_t i, const nmatch *m)
{
    return c->reading.punctuation == NARRATE_PUNCT_ALL && rule->expand != expand_punct &&
           norm_names_symbol_in(c, i, m->end);
}

/* The first rule that matches at token i, or NULL; fills m. */
static const nrule *first_match(const nctx *c, size_t i, nmatch *m)
{
    const rule_index *ix = &c->d->rules;
    int kind = c->tok[i].kind;
    if (kind == TK_WORD && c->tok[i].cased == CASE_LOWER)
        kind = (unsigned char)tk_p(c, i)[0] < 0x80 ? RULE_AT_LOWER : RULE_AT_LOWER_INTL;
    int alone = i + 1 >= c->n || tk_space(c, i + 1);
    for (size_t r = 0; r < ix->n[alone][kind]; r++) {
        const nrule *rule = &rules[ix->k[alone][kind][r]];
        m->end = 0;
        m->row = m->row2 = NULL;
        m->kind = 0;
        m->a = m->b = 0;
        m->unit = NULL;
        if (rule->match(c, i, m) && m->end > i && !hides_named_symbol(c, rule, i, m))
            return rule;
    }
    return NULL;
}

void norm_apply_rules(nctx *c)
{
    nmatch m;
    size_t i = 0;
    while (i < c->n && !c->oom) {
        const nrule *rule = tk_space(c, i) ? NULL : first_match(c, i, &m);
        if (!rule) {
            i++;
            continue;
        }
        c->rule = rule->name;
        rule->expand(c, i, &m);
        i = m.end;
    }
}
