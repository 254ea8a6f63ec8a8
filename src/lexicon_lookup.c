/* lexicon_lookup: the longest phrase entry wins, then a one-word entry, then
 * the rules.  No allocation here except the first time a rule composes a new
 * reading (interned for the lexicon's lifetime). */
#include <string.h>

#include "lexicon_internal.h"
#include "lexicon_rules.h"

/* The words as one key: folded, joined by single spaces; the last word
 * without its possessive when strip is set.  -1 when too long. */
static int build_key(const char *const *words, size_t k, int strip, char *key, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < k; i++) {
        size_t n = strlen(words[i]);
        if (strip && i + 1 == k)
            n -= lex_possessive_len(words[i], n);
        if (i) {
            if (o + 1 >= cap)
                return -1;
            key[o++] = ' ';
        }
        size_t f = lex_fold(words[i], n, key + o, cap - o);
        if (f == (size_t)-1)
            return -1;
        o += f;
    }
    return 0;
}

/* The words match the entry's written form exactly (flag case). */
static int same_case(const lex_entry *e, const char *const *words, size_t k, int strip)
{
    const char *w = e->written;
    for (size_t i = 0; i < k; i++) {
        size_t n = strlen(words[i]);
        if (strip && i + 1 == k)
            n -= lex_possessive_len(words[i], n);
        if (strncmp(w, words[i], n) != 0 || (w[n] != ' ' && w[n] != '\0'))
            return 0;
        w += n + (w[n] == ' ');
    }
    return 1;
}

static int applies(const lex_entry *e, const char *const *words, size_t k, int sentence_start, int strip)
{
    if (strip && (e->flags & LEX_FLAG_WHOLE))
        return 0;
    if ((e->flags & LEX_FLAG_CASE) && !same_case(e, words, k, strip))
        return 0;
    if ((e->flags & LEX_FLAG_MIDCAP) && (sentence_start || !lex_is_capitalized(words[0])))
        return 0;
    return 1;
}

static int fill(const lex_entry *e, size_t k, int strip, lexicon_match *m)
{
    m->words = k;
    m->phonemes = strip ? e->phonemes_possessive : e->phonemes;
    m->respelling = strip ? e->respelling_possessive : e->respelling;
    m->source = e->source;
    return 1;
}

static int match_words(const lex_table *t, const char *const *words, size_t k, int sentence_start,
                       lexicon_match *m)
{
    char key[LEX_MAX_KEY];
    size_t last = strlen(words[k - 1]);
    int forms = lex_possessive_len(words[k - 1], last) ? 2 : 1;
    for (int strip = 0; strip < forms; strip++) {
        if (build_key(words, k, strip, key, sizeof key) != 0)
            continue;
        const lex_slot *slot = lex_table_find(t, key, strlen(key));
        for (const lex_entry *e = slot ? slot->variants : NULL; e; e = e->next_variant)
            if (e->nwords == k && applies(e, words, k, sentence_start, strip))
                return fill(e, k, strip, m);
    }
    return 0;
}

/* The most words an entry starting with this word spans, 0 when none starts so. */
static size_t longest_phrase(const lex_table *t, const char *word)
{
    char key[LEX_MAX_KEY];
    size_t n = strlen(word), longest = 0;
    size_t p = lex_possessive_len(word, n);
    for (int strip = 0; strip <= (p != 0); strip++) {
        size_t f = lex_fold(word, strip ? n - p : n, key, sizeof key);
        const lex_slot *slot = f == (size_t)-1 ? NULL : lex_table_find(t, key, f);
        if (slot && slot->max_words > longest)
            longest = slot->max_words;
    }
    return longest;
}

/* Words for the rules: at most `cap`, the possessive of one ending the run
 * stripped into buf. */
static size_t rule_words(const char *const *words, size_t nwords, const char **out, size_t cap,
                         char *buf, size_t bufcap, int *possessive)
{
    size_t k = 0;
    *possessive = 0;
    while (k < nwords && k < cap) {
        size_t n = strlen(words[k]);
        size_t p = lex_possessive_len(words[k], n);
        if (p) {
            if (n - p >= bufcap)
                break;
            memcpy(buf, words[k], n - p);
            buf[n - p] = '\0';
            out[k++] = buf;
            *possessive = 1;
            break;
        }
        out[k] = words[k];
        k++;
    }
    return k;
}

static int match_rules(const lexicon *lex, const char *const *words, size_t nwords, lexicon_match *m)
{
    const char *w[LEX_MAX_WORDS];
    char stripped[LEX_MAX_KEY];
    int possessive;
    size_t n = rule_words(words, nwords, w, LEX_MAX_WORDS, stripped, sizeof stripped, &possessive);
    char out[LEX_MAX_PHONEMES + 8];
    const char *source = "rule:pinyin";
    size_t k = pinyin_read(lex_pinyin_of(lex), w, n, out, sizeof out);
    if (!k) {
        source = "rule:russian";
        k = russian_read(lex_russian_of(lex), w, n, out, sizeof out);
    }
    if (!k)
        return 0;
    if (possessive && k == n) {
        char with[sizeof out];
        if (lex_phonemes_possessive(out, with, sizeof with) != 0)
            return 0;
        memcpy(out, with, sizeof out);
    } else if (possessive && k < n) {
        possessive = 0;
    }
    if (strlen(out) > LEX_MAX_PHONEMES)
        return 0;
    const char *stable = lex_cache_intern(lex_cache_of(lex), out);
    if (!stable)
        return 0;
    m->words = k;
    m->phonemes = stable;
    m->respelling = NULL;
    m->source = source;
    return 1;
}

int lexicon_lookup(const lexicon *lex, const char *const *words, size_t nwords, int sentence_start,
                   lexicon_match *match)
{
    if (!lex || !words || !nwords || !match || !words[0] || !words[0][0])
        return 0;
    for (size_t i = 0; i < nwords; i++)
        if (!words[i])
            return 0;
    const lex_table *t = lex_table_of(lex);
    size_t longest = longest_phrase(t, words[0]);
    if (longest > nwords)
        longest = nwords;
    for (size_t k = longest; k >= 1; k--)
        if (match_words(t, words, k, sentence_start, match))
            return 1;
    return match_rules(lex, words, nwords, match);
}
