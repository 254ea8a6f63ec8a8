/* rule:pinyin — Chinese names and places in Hanyu Pinyin, read by pinyin's
 * rules (x as sh, q as ch, zh as j, c as ts, -ian as yen, ...).
 *
 * A run of capitalized words is read as pinyin only with evidence, because
 * English has many pinyin-shaped words ("Chang", "Long", "She", "Men"):
 * every word must split fully into pinyin syllables and must not be an
 * English word (pinyin-english.tsv); and then the
 * first word holds a pinyin-only syllable (column 3 of pinyin.tsv: x, q, zh,
 * ji-, -ian, ...), or the run has two or three words and either one of them
 * holds such a syllable or the first is a common surname (pinyin-surnames.tsv).
 * A surname that is also an English word counts only in that last case, and
 * only as the first word; an English word may follow as a given name only a first word with a cue
 * ("Qin Gang").  Names that no evidence reaches ("Yi Gang", "Lin Dan") belong
 * in a shipped lexicon. */
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "lexicon_rules.h"

#define MAX_WORD 48
#define MAX_SYLLABLE 6
#define MAX_RUN 3
#define SYLLABLE_COST 10u
#define VOWEL_START_COST 3u

struct pinyin_rules {
    const lex_inventory *inv;
    lex_arena arena;
    lex_table syllables; /* phonemes; flags 1 = pinyin-only cue */
    lex_table english, surnames;
};

typedef struct word_reading {
    int cue, surname;
    int english;      /* an English word, unless it is a surname too */
    int english_word; /* listed in pinyin-english.tsv */
    char phonemes[LEX_MAX_PHONEMES];
} word_reading;

static int add_key(pinyin_rules *r, lex_table *t, const char *key, const char *phonemes, unsigned flags)
{
    lex_entry *e = lex_arena_alloc(&r->arena, sizeof *e);
    if (!e || lex_table_reserve(t, 1) != 0)
        return -1;
    memset(e, 0, sizeof *e);
    e->key = e->first_key = lex_arena_strdup(&r->arena, key);
    e->phonemes = phonemes ? lex_arena_strdup(&r->arena, phonemes) : NULL;
    if (!e->key || (phonemes && !e->phonemes))
        return -1;
    e->nwords = 1;
    e->flags = flags;
    lex_table_insert(t, e);
    return 0;
}

static int syllable_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)line;
    pinyin_rules *r = ctx;
    if (n < 3 || strlen(f[0]) > MAX_SYLLABLE)
        return -2;
    return add_key(r, &r->syllables, f[0], f[1], f[2][0] == '1');
}

static int english_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)n, (void)line;
    pinyin_rules *r = ctx;
    return add_key(r, &r->english, f[0], NULL, 0);
}

static int surname_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)n, (void)line;
    pinyin_rules *r = ctx;
    return add_key(r, &r->surnames, f[0], NULL, 0);
}

static int load_table(pinyin_rules *r, const char *name, lex_tsv_row_fn row)
{
    const embedded_file *f = embedded_find(name);
    return f ? lex_tsv_each(f->data, f->size, row, r) : -2;
}

narrate_error pinyin_rules_new(pinyin_rules **out, const lex_inventory *inv)
{
    pinyin_rules *r = calloc(1, sizeof *r);
    if (!r)
        return NARRATE_ENOMEM;
    r->inv = inv;
    int rc = load_table(r, "pinyin.tsv", syllable_row);
    if (!rc)
        rc = load_table(r, "pinyin-english.tsv", english_row);
    if (!rc)
        rc = load_table(r, "pinyin-surnames.tsv", surname_row);
    if (rc) {
        pinyin_rules_free(r);
        return rc == -1 ? NARRATE_ENOMEM : NARRATE_EDATA;
    }
    *out = r;
    return 0;
}

void pinyin_rules_free(pinyin_rules *r)
{
    if (!r)
        return;
    lex_table_free(&r->syllables);
    lex_table_free(&r->english);
    lex_table_free(&r->surnames);
    lex_arena_free(&r->arena);
    free(r);
}

static const lex_entry *syllable(const pinyin_rules *r, const char *s, size_t n)
{
    const lex_slot *slot = lex_table_find(&r->syllables, s, n);
    return slot ? slot->variants : NULL;
}

/* Splits part[0..n) into the fewest syllables, avoiding a syllable after the
 * first that starts with a vowel (pinyin writes an apostrophe there, but news
 * text drops it: "Tiananmen"); ends[] gets each syllable's end.  Returns the
 * count, 0 when it does not split. */
static size_t split_part(const pinyin_rules *r, const char *part, size_t n, size_t *ends)
{
    unsigned best[MAX_WORD + 1];
    size_t from[MAX_WORD + 1];
    best[0] = 0;
    for (size_t i = 1; i <= n; i++)
        best[i] = ~0u;
    for (size_t i = 0; i < n; i++) {
        if (best[i] == ~0u)
            continue;
        unsigned cost = best[i] + SYLLABLE_COST + (i > 0 && strchr("aoe", part[i]) ? VOWEL_START_COST : 0);
        for (size_t j = i + 1; j <= n && j - i <= MAX_SYLLABLE; j++)
            if (cost < best[j] && syllable(r, part + i, j - i)) {
                best[j] = cost;
                from[j] = i;
            }
    }
    if (best[n] == ~0u)
        return 0;
    size_t count = 0;
    for (size_t at = n; at > 0; at = from[at])
        count++;
    for (size_t k = count, at = n; k > 0; k--) {
        ends[k - 1] = at;
        at = from[at];
    }
    return count;
}

/* Splits a lowercase word (parts joined by ' or -) into syllables, recorded as
 * start/end offsets.  Returns the count, 0 when it is not pinyin. */
static size_t split_word(const pinyin_rules *r, const char *w, size_t *starts, size_t *ends)
{
    size_t count = 0, len = strlen(w);
    for (size_t pos = 0; pos <= len;) {
        size_t n = strcspn(w + pos, "'-");
        size_t part_ends[MAX_WORD];
        size_t k = n ? split_part(r, w + pos, n, part_ends) : 0;
        if (!k)
            return 0;
        for (size_t i = 0; i < k; i++) {
            starts[count] = i ? pos + part_ends[i - 1] : pos;
            ends[count++] = pos + part_ends[i];
        }
        pos += n + 1;
    }
    return count;
}

/* Appends src to out with a stress mark before its first vowel. */
static int append_stressed(const lex_inventory *inv, const char *src, char mark, char *out, size_t cap)
{
    size_t o = strlen(out), n = strlen(src);
    if (o + n + 2 >= cap)
        return -1;
    int marked = 0;
    for (const char *p = src; *p;) {
        int vowel = 0;
        size_t len = lex_inventory_match(inv, p, &vowel);
        if (!len)
            len = 1;
        if (vowel && !marked) {
            if (mark)
                out[o++] = mark;
            marked = 1;
        }
        memcpy(out + o, p, len);
        o += len;
        p += len;
    }
    out[o] = '\0';
    return 0;
}

/* English listeners hear Mandarin's even syllables best as a light first
 * stress and the main stress last: "shyaow-HONG", "tyen-an-MEN". */
static char stress_mark(size_t i, size_t count)
{
    return i + 1 == count ? '\'' : i == 0 ? ',' : '\0';
}

/* Lowercase copy of a Title-case ASCII word; -1 when it is not one. */
static int title_case_lower(const char *w, char *out)
{
    size_t n = strlen(w);
    if (n == 0 || n > MAX_WORD || !(w[0] >= 'A' && w[0] <= 'Z'))
        return -1;
    for (size_t i = 0; i <= n; i++) {
        char c = w[i];
        if (i > 0 && c && !((c >= 'a' && c <= 'z') || ((c == '\'' || c == '-') && w[i + 1] && w[i - 1] != '\'' && w[i - 1] != '-')))
            return -1;
        out[i] = i == 0 ? (char)(c + 32) : c;
    }
    return 0;
}

/* Reads one word; 0 with *rd filled, -1 when it is not pinyin-shaped. */
static int read_word(const pinyin_rules *r, const char *w, word_reading *rd)
{
    char lower[MAX_WORD + 1];
    size_t starts[MAX_WORD], ends[MAX_WORD];
    if (title_case_lower(w, lower) != 0)
        return -1;
    size_t count = split_word(r, lower, starts, ends);
    if (!count)
        return -1;
    size_t n = strlen(lower);
    rd->surname = lex_table_find(&r->surnames, lower, n) != NULL;
    rd->english_word = lex_table_find(&r->english, lower, n) != NULL;
    rd->english = rd->english_word && !rd->surname;
    rd->cue = 0;
    rd->phonemes[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        const lex_entry *s = syllable(r, lower + starts[i], ends[i] - starts[i]);
        rd->cue |= s->flags & 1;
        if (append_stressed(r->inv, s->phonemes, stress_mark(i, count), rd->phonemes,
                            sizeof rd->phonemes) != 0)
            return -1;
    }
    return 0;
}

/* An English-looking word right after a first word holding a pinyin-only cue
 * is still read as a given name: "Qin Gang", "Zhu Ting". */
static int given_name_after_cue(const word_reading *run, size_t k)
{
    return k == 1 && run[0].cue;
}

size_t pinyin_read(const pinyin_rules *r, const char *const *words, size_t nwords, char *out, size_t cap)
{
    word_reading run[MAX_RUN];
    size_t k = 0;
    while (k < nwords && k < MAX_RUN && read_word(r, words[k], &run[k]) == 0 &&
           (k == 0 ? !run[0].english : !run[k].english_word || given_name_after_cue(run, k)))
        k++;
    if (!k)
        return 0;
    int later_cue = 0;
    for (size_t i = 1; i < k; i++)
        later_cue |= run[i].cue;
    if (!run[0].cue && !(k >= 2 && (later_cue || run[0].surname)))
        return 0;
    size_t o = 0;
    for (size_t i = 0; i < k; i++) {
        size_t n = strlen(run[i].phonemes);
        if (o + n + 2 > cap)
            return 0;
        if (i)
            out[o++] = ' ';
        memcpy(out + o, run[i].phonemes, n);
        o += n;
    }
    out[o] = '\0';
    return k;
}

int pinyin_segment(const pinyin_rules *r, const char *word, char *out, size_t cap)
{
    size_t starts[MAX_WORD], ends[MAX_WORD];
    if (strlen(word) > MAX_WORD)
        return -1;
    size_t count = split_word(r, word, starts, ends);
    if (!count)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < count; i++) {
        size_t n = ends[i] - starts[i];
        if (o + n + 2 > cap)
            return -1;
        if (i)
            out[o++] = '-';
        memcpy(out + o, word + starts[i], n);
        o += n;
    }
    out[o] = '\0';
    return 0;
}
