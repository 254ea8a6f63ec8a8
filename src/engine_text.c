#include "engine_text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "sanitize.h"

#define LOOKAHEAD_WORDS 6
#define LOOKUP_WORD_MAX 64
/* How much higher than the voice (espeak-ng's 0..100 pitch) a capital letter
 * is said with NARRATE_CAPS_PITCH. */
#define CAPITAL_PITCH_RAISE 30

static int reserve(engine_text *t, size_t more)
{
    if (t->len + more + 1 <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + more + 1)
        cap *= 2;
    char *text = realloc(t->text, cap);
    if (text)
        t->text = text;
    uint32_t *origin = realloc(t->origin, cap * sizeof *origin);
    if (origin)
        t->origin = origin;
    if (!text || !origin)
        return -1;
    t->cap = cap;
    return 0;
}

/* Appends n bytes that all trace back to spoken byte `from`. */
static int put_from(engine_text *t, const char *s, size_t n, uint32_t from)
{
    if (reserve(t, n))
        return -1;
    memcpy(t->text + t->len, s, n);
    for (size_t i = 0; i < n; i++)
        t->origin[t->len + i] = from;
    t->len += n;
    return 0;
}

/* Appends n bytes with their own origins. */
static int put_mapped(engine_text *t, const char *s, const uint32_t *origin, size_t n)
{
    if (reserve(t, n))
        return -1;
    memcpy(t->text + t->len, s, n);
    memcpy(t->origin + t->len, origin, n * sizeof *origin);
    t->len += n;
    return 0;
}

/* The sanitized sentence that the markup is laid over. */
typedef struct clean_text {
    char *text;
    uint32_t *origin;
    size_t len;
} clean_text;

static int is_word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

static size_t word_end(const clean_text *c, size_t at)
{
    while (at < c->len && c->text[at] != ' ')
        at++;
    return at;
}

/* The bytes of the word [at, end) between its leading and trailing punctuation. */
static void word_core(const clean_text *c, size_t at, size_t end, size_t *from, size_t *to)
{
    *from = at;
    *to = end;
    while (*from < *to && !is_word_byte((unsigned char)c->text[*from]))
        (*from)++;
    while (*to > *from && !is_word_byte((unsigned char)c->text[*to - 1]))
        (*to)--;
}

static int norm_word_flags(const norm_sentence *s, uint32_t spoken)
{
    for (size_t k = 0; k < s->nwords; k++)
        if (spoken >= s->words[k].out_off && spoken < s->words[k].out_off + s->words[k].out_len)
            return (int)s->words[k].flags;
    return 0;
}

/* Up to LOOKAHEAD_WORDS word cores from `at`, stopping after a word that ends in
 * punctuation and before one that starts with it (a phrase never spans a comma
 * or a bracket).  Returns how many, and each
 * word's extent in ends[]. */
static size_t gather_words(const clean_text *c, size_t at, char cores[][LOOKUP_WORD_MAX],
                           size_t *ends)
{
    size_t n = 0;
    while (n < LOOKAHEAD_WORDS && at < c->len) {
        size_t end = word_end(c, at), from, to;
        word_core(c, at, end, &from, &to);
        if (to <= from || to - from >= LOOKUP_WORD_MAX || (n > 0 && from != at))
            break;
        memcpy(cores[n], c->text + from, to - from);
        cores[n][to - from] = '\0';
        ends[n++] = end;
        if (to != end)
            break;
        at = end;
        while (at < c->len && c->text[at] == ' ')
            at++;
    }
    return n;
}

/* Writes the lexicon's reading of the words from `at`, if it has one, and
 * returns where the text goes on; returns `at` when the lexicon has none. */
static size_t put_lexicon_reading(const clean_text *c, size_t at, int sentence_start,
                                  const lexicon *lex, engine_text *out, int *failed)
{
    char cores[LOOKAHEAD_WORDS][LOOKUP_WORD_MAX];
    size_t ends[LOOKAHEAD_WORDS];
    size_t n = gather_words(c, at, cores, ends);
    const char *words[LOOKAHEAD_WORDS];
    for (size_t i = 0; i < n; i++)
        words[i] = cores[i];
    lexicon_match m;
    if (n == 0 || !lexicon_lookup(lex, words, n, sentence_start, &m) || m.words > n)
        return at;
    size_t end = ends[m.words - 1], from, to;
    word_core(c, at, end, &from, &to);
    uint32_t origin = c->origin[from];
    int rc = put_mapped(out, c->text + at, c->origin + at, from - at);
    if (m.phonemes) {
        rc |= put_from(out, " [[", 3, origin);
        rc |= put_from(out, m.phonemes, strlen(m.phonemes), origin);
        rc |= put_from(out, "]] ", 3, origin);
    } else {
        rc |= put_from(out, m.respelling, strlen(m.respelling), origin);
    }
    rc |= put_mapped(out, c->text + to, c->origin + to, end - to);
    *failed |= rc;
    return end;
}

/* The phonemes of letter c from pronunciations/letters.tsv with the stress mark
 * `stress` in its place; 0 when the table has no such letter. */
static size_t letter_phonemes(char c, char stress, char *out, size_t size)
{
    const embedded_file *table = embedded_find("letters.tsv");
    char key[3] = {c, '\t', '\0'};
    const char *line = table ? table->data : NULL;
    while (line && strncmp(line, key, 2) != 0) {
        line = strchr(line, '\n');
        line = line ? line + 1 : NULL;
    }
    if (!line)
        return 0;
    size_t n = 0;
    for (const char *p = line + 2; *p && *p != '\n' && n + 2 < size; p++)
        out[n++] = *p == '|' ? stress : *p;
    out[n] = '\0';
    return n;
}

/* Whether core[0..len) is a run of spelled capitals like "C-I-A", or, with
 * `single`, one letter of either case. */
static int is_spelled_letters(const char *core, size_t len, int single)
{
    if (single && len == 1)
        return isascii((unsigned char)core[0]) && isalpha((unsigned char)core[0]);
    if (len < 3 || len % 2 == 0)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (i % 2 ? core[i] != '-' : !(core[i] >= 'A' && core[i] <= 'Z'))
            return 0;
    return 1;
}

/* Writes spelled capitals as letter names in phonemes (espeak-ng would read a
 * lone A in mid-sentence as "uh"), stressed as espeak-ng stresses FBI; with
 * `single`, a one-letter word too (a letter read as a letter), and between
 * pitch[0] and pitch[1] when pitch is not NULL.  Returns where the text goes
 * on, or `at` when the word is no spelled run. */
static size_t put_spelled_letters(const clean_text *c, size_t at, int single,
                                  const char *const *pitch, engine_text *out, int *failed)
{
    size_t end = word_end(c, at), from, to;
    word_core(c, at, end, &from, &to);
    if (!is_spelled_letters(c->text + from, to - from, single))
        return at;
    char phonemes[256] = "";
    size_t n = 0;
    for (size_t i = from; i < to; i += 2) {
        char stress = i + 1 >= to ? '\'' : ',';
        char letter = (char)toupper((unsigned char)c->text[i]);
        size_t got = letter_phonemes(letter, stress, phonemes + n, sizeof phonemes - n);
        if (got == 0)
            return at;
        n += got;
    }
    uint32_t origin = c->origin[from];
    *failed |= put_mapped(out, c->text + at, c->origin + at, from - at);
    if (pitch)
        *failed |= put_from(out, pitch[0], strlen(pitch[0]), origin);
    *failed |= put_from(out, " [[", 3, origin);
    *failed |= put_from(out, phonemes, n, origin);
    *failed |= put_from(out, "]] ", 3, origin);
    if (pitch)
        *failed |= put_from(out, pitch[1], strlen(pitch[1]), origin);
    *failed |= put_mapped(out, c->text + to, c->origin + to, end - to);
    return end;
}

/* The markup that opens (entering) or closes quoted speech. */
static int put_quote_mark(const engine_style *st, int entering, uint32_t origin, engine_text *out)
{
    char mark[32];
    if (st->quotes == QUOTE_PITCH)
        snprintf(mark, sizeof mark, " \001%dP ", entering ? st->quote_pitch : st->pitch);
    else if (st->quotes == QUOTE_ANNOUNCE)
        snprintf(mark, sizeof mark, "%s", entering ? " quote, " : ", end quote, ");
    else
        return 0;
    return put_from(out, mark, strlen(mark), origin);
}

/* Writes a word of letters read as letters (NORM_WORD_LETTERS) by the
 * letters' names, for NORM_WORD_RAISED at a raised pitch and then back to the
 * voice's (or quoted speech's); returns where the text goes on, or `at` when
 * the word holds no letter to name. */
static size_t put_letter_word(const clean_text *c, size_t at, int flags, int quoted,
                              const engine_style *st, engine_text *out, int *failed)
{
    int base = quoted && st->quotes == QUOTE_PITCH ? st->quote_pitch : st->pitch;
    int raised = base + CAPITAL_PITCH_RAISE;
    char up[32], back[32];
    snprintf(up, sizeof up, " \001%dP ", raised > 100 ? 100 : raised);
    snprintf(back, sizeof back, " \001%dP ", base);
    const char *const pitch[2] = {up, back};
    return put_spelled_letters(c, at, 1, flags & NORM_WORD_RAISED ? pitch : NULL, out, failed);
}

/* ---- SSML markup (job_markup.h) ---- */

static long norm_word_index(const norm_sentence *s, uint32_t spoken)
{
    for (size_t k = 0; k < s->nwords; k++)
        if (spoken >= s->words[k].out_off && spoken < s->words[k].out_off + s->words[k].out_len)
            return (long)k;
    return -1;
}

static int clamped(long v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : (int)v;
}

/* espeak-ng's embedded commands for the prosody of w where `now` differs;
 * `now` becomes w's.  The numbers are narrate's own, never the user's text. */
static int put_prosody(const engine_style *st, const word_markup *w, word_markup *now,
                       uint32_t origin, engine_text *out)
{
    char cmd[64];
    int n = 0;
    int volume = st->volume > 0 ? st->volume : 100;
    if (w->rate != now->rate)
        n += snprintf(cmd + n, sizeof cmd - (size_t)n, " \001%dS",
                      clamped((long)st->rate * w->rate / 100, 80, 450));
    if (w->pitch != now->pitch)
        n += snprintf(cmd + n, sizeof cmd - (size_t)n, " \001%dP",
                      clamped((long)st->pitch * w->pitch / 100, 0, 100));
    if (w->volume != now->volume)
        n += snprintf(cmd + n, sizeof cmd - (size_t)n, " \001%dA",
                      clamped((long)volume * w->volume / 100, 0, 200));
    now->rate = w->rate;
    now->pitch = w->pitch;
    now->volume = w->volume;
    if (n == 0)
        return 0;
    n += snprintf(cmd + n, sizeof cmd - (size_t)n, " ");
    return put_from(out, cmd, (size_t)n, origin);
}

/* Writes phonemes as narrate's [[...]] markup standing for spoken byte origin. */
static int put_phonemes(const char *phonemes, size_t n, uint32_t origin, engine_text *out)
{
    return put_from(out, " [[", 3, origin) | put_from(out, phonemes, n, origin) |
           put_from(out, "]] ", 3, origin);
}

/* What SSML says of the word at `at`: its prosody, then phonemes in its place,
 * nothing (swallowed by an earlier word's phonemes), or a spelled letter's
 * name.  Returns where the text goes on, or `at` when the word is read as usual. */
static size_t put_word_markup(const norm_sentence *s, const clean_text *c, size_t at,
                              const engine_style *st, word_markup *now, engine_text *out,
                              int *failed)
{
    long k = norm_word_index(s, c->origin[at]);
    if (k < 0)
        return at;
    const word_markup *w = &st->markup[k];
    *failed |= put_prosody(st, w, now, c->origin[at], out);
    size_t end = word_end(c, at);
    if (w->swallowed)
        return end;
    if (w->phonemes) {
        *failed |= put_phonemes(w->phonemes, strlen(w->phonemes), c->origin[at], out);
        return end;
    }
    return w->spell ? put_spelled_letters(c, at, 1, NULL, out, failed) : at;
}

static int lay_markup(const norm_sentence *s, const clean_text *c, const engine_style *st,
                      engine_text *out)
{
    int failed = 0, quoted = 0;
    word_markup now = {100, 100, 100, NULL, 0, 0};
    size_t at = 0;
    while (at < c->len && !failed) {
        if (c->text[at] == ' ') {
            failed |= put_mapped(out, c->text + at, c->origin + at, 1);
            at++;
            continue;
        }
        int flags = norm_word_flags(s, c->origin[at]);
        int q = flags & NORM_WORD_QUOTED;
        if (q != quoted)
            failed |= put_quote_mark(st, q, c->origin[at], out);
        quoted = q;
        size_t next = st->markup ? put_word_markup(s, c, at, st, &now, out, &failed) : at;
        if (next == at && (flags & NORM_WORD_LETTERS))
            next = put_letter_word(c, at, flags, quoted, st, out, &failed);
        if (next == at && st->lex)
            next = put_lexicon_reading(c, at, at == 0, st->lex, out, &failed);
        if (next == at)
            next = put_spelled_letters(c, at, 0, NULL, out, &failed);
        if (next == at) {
            next = word_end(c, at);
            failed |= put_mapped(out, c->text + at, c->origin + at, next - at);
        }
        at = next;
    }
    if (quoted && !failed)
        failed |= put_quote_mark(st, 0, c->len ? c->origin[c->len - 1] : 0, out);
    static const word_markup plain = {100, 100, 100, NULL, 0, 0};
    if (st->markup && !failed)
        failed |= put_prosody(st, &plain, &now, c->len ? c->origin[c->len - 1] : 0, out);
    return failed;
}

narrate_error engine_text_build(const norm_sentence *s, const engine_style *style, int plain,
                                engine_text *out)
{
    out->len = 0;
    size_t cap = 2 * s->len + 1;
    clean_text c = {malloc(cap), malloc(cap * sizeof(uint32_t)), 0};
    int failed = !c.text || !c.origin;
    if (!failed) {
        c.len = plain ? sanitize_simplified(s->text, s->len, c.text, c.origin)
                      : sanitize_for_engine(s->text, s->len, c.text, c.origin);
        failed = plain ? put_mapped(out, c.text, c.origin, c.len) : lay_markup(s, &c, style, out);
    }
    if (!failed)
        failed = reserve(out, 0);
    if (!failed)
        out->text[out->len] = '\0';
    free(c.text);
    free(c.origin);
    return failed ? NARRATE_ENOMEM : NARRATE_OK;
}

void engine_text_free(engine_text *t)
{
    free(t->text);
    free(t->origin);
    memset(t, 0, sizeof *t);
}
