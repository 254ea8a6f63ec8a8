/* rule:russian — Russian and Ukrainian surnames in English transliteration
 * (Ivanov, Medvedeva, Dostoyevsky, Tymoshenko, Kravchuk).
 *
 * A capitalized ASCII word is read when it ends as russian-endings.tsv lists,
 * has a vowel before the ending and is not in russian-english.tsv.  The
 * stress comes from russian-stress.tsv (feminine -a forms take their
 * masculine stress), else from the ending's column.  Letters are read by
 * Russian values: kh as in loch, zh as in measure, unstressed o as schwa
 * (but a final o, as in -enko, stays o), ya/yu/ye/yo as y plus the vowel,
 * final v as f, final -y as in happy. */
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "lexicon_rules.h"

#define MAX_WORD 40
#define MAX_UNITS 48

typedef enum stress_rule { STRESS_ENDING, STRESS_STEM, STRESS_AUTO } stress_rule;

typedef struct ending {
    char text[8];
    size_t len;
    stress_rule stress;
} ending;

struct russian_rules {
    lex_arena arena;
    lex_table stress;  /* plain name -> entry whose flags hold the stressed vowel's ordinal */
    lex_table english;
    ending endings[32];
    size_t nendings;
};

/* One sound unit of a transliterated word. */
typedef struct unit {
    const char *stressed, *unstressed; /* phonemes; unstressed == NULL for a consonant */
    size_t letters;                    /* how many letters spell it */
} unit;

static int add_key(russian_rules *r, lex_table *t, const char *key, unsigned flags)
{
    lex_entry *e = lex_arena_alloc(&r->arena, sizeof *e);
    if (!e || lex_table_reserve(t, 1) != 0)
        return -1;
    memset(e, 0, sizeof *e);
    e->key = e->first_key = lex_arena_strdup(&r->arena, key);
    if (!e->key)
        return -1;
    e->nwords = 1;
    e->flags = flags;
    lex_table_insert(t, e);
    return 0;
}

static int is_vowel_letter(char c) { return c && strchr("aeiouy", c) != NULL; }

/* The ordinal (1-based) of the vowel marked with ' in a stress row. */
static unsigned marked_vowel(const char *marked, char *plain, size_t cap);

static int stress_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)n, (void)line;
    russian_rules *r = ctx;
    char plain[MAX_WORD + 1];
    unsigned ordinal = marked_vowel(f[0], plain, sizeof plain);
    return ordinal ? add_key(r, &r->stress, plain, ordinal) : -2;
}

static int english_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)n, (void)line;
    russian_rules *r = ctx;
    return add_key(r, &r->english, f[0], 0);
}

static int ending_row(void *ctx, char **f, size_t n, unsigned line)
{
    (void)line;
    russian_rules *r = ctx;
    if (n < 2 || strlen(f[0]) >= sizeof r->endings[0].text || r->nendings == sizeof r->endings / sizeof *r->endings)
        return -2;
    ending *e = &r->endings[r->nendings];
    static const char *const names[] = {"ending", "stem", "auto"};
    size_t k = 0;
    while (k < 3 && strcmp(f[1], names[k]) != 0)
        k++;
    if (k == 3)
        return -2;
    strcpy(e->text, f[0]);
    e->len = strlen(f[0]);
    e->stress = (stress_rule)k;
    r->nendings++;
    return 0;
}

static int load_table(russian_rules *r, const char *name, lex_tsv_row_fn row)
{
    const embedded_file *f = embedded_find(name);
    return f ? lex_tsv_each(f->data, f->size, row, r) : -2;
}

narrate_error russian_rules_new(russian_rules **out, const lex_inventory *inv)
{
    (void)inv;
    russian_rules *r = calloc(1, sizeof *r);
    if (!r)
        return NARRATE_ENOMEM;
    int rc = load_table(r, "russian-endings.tsv", ending_row);
    if (!rc)
        rc = load_table(r, "russian-stress.tsv", stress_row);
    if (!rc)
        rc = load_table(r, "russian-english.tsv", english_row);
    if (rc) {
        russian_rules_free(r);
        return rc == -1 ? NARRATE_ENOMEM : NARRATE_EDATA;
    }
    *out = r;
    return 0;
}

void russian_rules_free(russian_rules *r)
{
    if (!r)
        return;
    lex_table_free(&r->stress);
    lex_table_free(&r->english);
    lex_arena_free(&r->arena);
    free(r);
}

/* ---- letters to sound units ---- */

static const struct { const char *letters; unit sound; } table[] = {
    {"shch", {"StS", NULL, 0}}, {"tch", {"tS", NULL, 0}}, {"zh", {"Z", NULL, 0}}, {"kh", {"x", NULL, 0}}, {"ch", {"tS", NULL, 0}},
    {"sh", {"S", NULL, 0}},     {"ts", {"ts", NULL, 0}}, {"ya", {"jA:", "j@", 0}}, {"yu", {"ju:", "jU", 0}},
    {"ye", {"jE", "jI", 0}},    {"yo", {"jO:", "jO:", 0}}, {"yi", {"ji:", "jI", 0}}, {"a", {"A:", "@", 0}},
    {"o", {"O:", "@", 0}},      {"e", {"E", "I", 0}},    {"i", {"i:", "I", 0}},   {"u", {"u:", "U", 0}},
    {"y", {"I", "I", 0}},       {"b", {"b", NULL, 0}},   {"d", {"d", NULL, 0}},   {"f", {"f", NULL, 0}},
    {"g", {"g", NULL, 0}},      {"h", {"h", NULL, 0}},   {"j", {"j", NULL, 0}},   {"k", {"k", NULL, 0}},
    {"l", {"l", NULL, 0}},      {"m", {"m", NULL, 0}},   {"n", {"n", NULL, 0}},   {"p", {"p", NULL, 0}},
    {"r", {"r", NULL, 0}},      {"s", {"s", NULL, 0}},   {"t", {"t", NULL, 0}},   {"v", {"v", NULL, 0}},
    {"w", {"v", NULL, 0}},      {"z", {"z", NULL, 0}},   {"x", {"ks", NULL, 0}},  {"c", {"k", NULL, 0}},
    {"q", {"k", NULL, 0}},
};

/* y is a consonant (j) before a vowel letter unless a ya/yu/ye/yo/yi unit
 * took it; after a vowel at the end, or before a consonant, ay/ey/oy/iy/uy
 * glide. */
static size_t split_units(const char *w, unit *units, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; w[i] && n < max;) {
        size_t k = 0, len = 0;
        for (; k < sizeof table / sizeof *table; k++) {
            len = strlen(table[k].letters);
            if (strncmp(w + i, table[k].letters, len) == 0)
                break;
        }
        if (k == sizeof table / sizeof *table)
            return 0;
        unit u = table[k].sound;
        if (w[i] == 'y' && len == 1 && i > 0 && is_vowel_letter(w[i - 1]))
            u = (unit){w[i + 1] ? "j" : "i", NULL, 1}; /* glide, or final -iy/-yy read as i */
        else if (w[i] == 'i' && len == 1 && i > 0 && is_vowel_letter(w[i - 1]) && w[i + 1] &&
                 !is_vowel_letter(w[i + 1]))
            u = (unit){"j", NULL, 1}; /* -oi-, -ai- before a consonant: Kolomoisky, Zaitsev */
        else if (w[i] == 'y' && len == 1 && !w[i + 1])
            u = (unit){"i", "i", 1}; /* final -y after a consonant: -sky */
        else if (w[i] == 'o' && len == 1 && !w[i + 1])
            u = (unit){"oU", "oU", 1}; /* final -o keeps its quality: -enko */
        u.letters = len;
        units[n++] = u;
        i += len;
    }
    return n;
}

static unsigned marked_vowel(const char *marked, char *plain, size_t cap)
{
    size_t o = 0;
    long mark_at = -1;
    for (const char *p = marked; *p && o + 1 < cap; p++) {
        if (*p == '\'')
            mark_at = (long)o;
        else
            plain[o++] = *p;
    }
    plain[o] = '\0';
    if (mark_at < 0)
        return 0;
    unit units[MAX_UNITS];
    size_t n = split_units(plain, units, MAX_UNITS);
    /* The first vowel unit that does not end before the mark. */
    unsigned ordinal = 0;
    size_t letter = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = units[i].letters;
        if (units[i].unstressed) {
            ordinal++;
            if (mark_at < (long)(letter + len))
                return ordinal;
        }
        letter += len;
    }
    return 0;
}

static size_t vowel_count(const unit *units, size_t n)
{
    size_t v = 0;
    for (size_t i = 0; i < n; i++)
        v += units[i].unstressed != NULL;
    return v;
}

/* ---- deciding ---- */

static const ending *ending_of(const russian_rules *r, const char *w, size_t n)
{
    for (size_t i = 0; i < r->nendings; i++) {
        const ending *e = &r->endings[i];
        if (n > e->len + 1 && strcmp(w + n - e->len, e->text) == 0)
            return e;
    }
    return NULL;
}

static unsigned listed_stress(const russian_rules *r, const char *w, size_t n)
{
    const lex_slot *slot = lex_table_find(&r->stress, w, n);
    if (!slot && n > 1 && w[n - 1] == 'a') /* feminine: Ivanova -> ivanov */
        slot = lex_table_find(&r->stress, w, n - 1);
    return slot && slot->variants ? slot->variants->flags : 0;
}

/* The stressed vowel's ordinal by the ending's rule: the stem's vowels are
 * those spelt before the ending. */
static unsigned default_stress(const ending *e, const unit *units, size_t nunits, size_t n)
{
    size_t letter = 0, stem_vowels = 0;
    for (size_t i = 0; i < nunits && letter < n - e->len; i++) {
        stem_vowels += units[i].unstressed != NULL;
        letter += units[i].letters;
    }
    if (e->stress == STRESS_ENDING || (e->stress == STRESS_AUTO && stem_vowels == 1))
        return (unsigned)stem_vowels + 1;
    return (unsigned)stem_vowels;
}

static int append(char *out, size_t cap, size_t *o, const char *s)
{
    size_t n = strlen(s);
    if (*o + n + 1 > cap)
        return -1;
    memcpy(out + *o, s, n + 1);
    *o += n;
    return 0;
}

static int compose(const unit *units, size_t n, unsigned stressed, char *out, size_t cap)
{
    size_t o = 0;
    unsigned vowel = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const unit *u = &units[i];
        const char *sound = u->stressed;
        if (u->unstressed) {
            vowel++;
            sound = vowel == stressed ? u->stressed : u->unstressed;
            if (vowel == stressed) {
                /* the mark goes before the vowel, after a j glide */
                if (sound[0] == 'j' && append(out, cap, &o, "j"))
                    return -1;
                if (append(out, cap, &o, "'") || append(out, cap, &o, sound + (sound[0] == 'j')))
                    return -1;
                continue;
            }
        } else if (i + 1 == n && strcmp(sound, "v") == 0) {
            sound = "f";
        } else if (strcmp(sound, "n") == 0 && i + 1 < n && (strcmp(units[i + 1].stressed, "k") == 0 || strcmp(units[i + 1].stressed, "g") == 0)) {
            sound = "N";
        }
        if (append(out, cap, &o, sound))
            return -1;
    }
    return 0;
}

/* Lowercase copy of a Title-case ASCII word of letters; -1 otherwise. */
static int title_case_lower(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n < 4 || n >= cap || !(w[0] >= 'A' && w[0] <= 'Z'))
        return -1;
    out[0] = (char)(w[0] + 32);
    for (size_t i = 1; i < n; i++) {
        if (!(w[i] >= 'a' && w[i] <= 'z'))
            return -1;
        out[i] = w[i];
    }
    out[n] = '\0';
    return 0;
}

size_t russian_read(const russian_rules *r, const char *const *words, size_t nwords, char *out, size_t cap)
{
    char w[MAX_WORD + 1];
    if (!r || !nwords || title_case_lower(words[0], w, sizeof w) != 0)
        return 0;
    size_t n = strlen(w);
    const ending *e = ending_of(r, w, n);
    if (!e || lex_table_find(&r->english, w, n))
        return 0;
    unit units[MAX_UNITS];
    size_t nunits = split_units(w, units, MAX_UNITS);
    size_t vowels = vowel_count(units, nunits);
    if (!nunits || vowels < 2)
        return 0;
    unsigned stressed = listed_stress(r, w, n);
    if (!stressed || stressed > vowels)
        stressed = default_stress(e, units, nunits, n);
    if (!stressed || stressed > vowels || compose(units, nunits, stressed, out, cap) != 0)
        return 0;
    return 1;
}
