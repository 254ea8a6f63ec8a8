/* norm_sentence_run(): fold, tokenize, apply the rules, end the sentence. */
#include <stdlib.h>
#include <string.h>

#include "norm_quotes.h"
#include "norm_rules.h"

/* What a sentence's spoken text usually takes per source byte, at most. */
#define SPOKEN_PER_BYTE 4

/* Most words of two letters or more are in capitals: a headline. */
static int is_headline(const ntoks *t, const char *text)
{
    size_t words = 0, upper = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->v[i].kind != TK_WORD || t->v[i].len < 2)
            continue;
        words++;
        upper += t->v[i].cased == CASE_UPPER;
    }
    (void)text;
    return upper >= 2 && upper * 10 >= words * 7 && (upper >= 3 || upper == words);
}

/* The index of the sentence's final . ? ! or ellipsis, behind any closing
 * quotes and brackets, or SIZE_MAX. */
static size_t final_punct(const ntoks *t)
{
    for (size_t i = t->n; i-- > 0;) {
        const ntok *k = &t->v[i];
        if (k->kind == TK_SPACE)
            continue;
        if (k->kind != TK_PUNCT)
            return SIZE_MAX;
        if (k->cp == '.' || k->cp == '?' || k->cp == '!' || k->cp == 0x2026)
            return i;
        if (k->cp >= 128 || k->cp == 0 || !strchr("\"')]", (int)k->cp))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

static char final_char(const nctx *c)
{
    if (c->final == SIZE_MAX)
        return 0;
    uint32_t cp = c->tok[c->final].cp;
    return cp == '?' || cp == '!' ? (char)cp : '.';
}

struct norm_scratch {
    nbuf folded;
    fold_map map;
    ntoks toks;
    nbuf tmp;
};

norm_scratch *norm_scratch_new(void) { return calloc(1, sizeof(norm_scratch)); }

static void scratch_release(norm_scratch *w)
{
    nbuf_free(&w->folded);
    fold_map_free(&w->map);
    ntoks_free(&w->toks);
    nbuf_free(&w->tmp);
    memset(w, 0, sizeof *w);
}

void norm_scratch_free(norm_scratch *scratch)
{
    if (!scratch)
        return;
    scratch_release(scratch);
    free(scratch);
}

narrate_error norm_sentence_run(const norm_data *data, const char *src, size_t len,
                                norm_sentence *out)
{
    return norm_sentence_read(data, NULL, NULL, src, len, out);
}

/* Folds, tokenizes and reads src into c->out; 0 when out of memory. */
static int read_into(nctx *c, norm_scratch *w, const char *src, size_t len)
{
    if (!norm_fold(src, len, &w->folded, &w->map) || !norm_tokenize(w->folded.p, w->folded.len, &w->toks))
        return 0;
    norm_mark_quotes(c->d, &w->toks, w->folded.p, src, len, &w->map);
    c->t = w->folded.p;
    c->tlen = w->folded.len;
    c->map = &w->map;
    c->tok = w->toks.v;
    c->n = w->toks.n;
    c->final = final_punct(&w->toks);
    c->headline = is_headline(&w->toks, w->folded.p);
    c->src = src;
    if (c->reading.spell)
        norm_spell(c, src);
    else
        norm_apply_rules(c);
    char f = c->reading.spell ? 0 : final_char(c);
    if (f && c->out->len)
        nbuf_putc(c->out, f);
    nbuf_reserve(c->out, 1);
    return !c->oom && !c->out->oom && !c->tmp.oom;
}

narrate_error norm_sentence_read(const norm_data *data, const norm_reading *reading,
                                 norm_scratch *scratch, const char *src, size_t len,
                                 norm_sentence *out)
{
    norm_scratch own = {0};
    norm_scratch *w = scratch ? scratch : &own;
    nbuf text = {out->text, 0, 0, 0};
    nctx c = {0};
    c.d = data;
    c.out = &text;
    c.words = out->words;
    c.tmp = (nbuf){w->tmp.p, 0, w->tmp.cap, 0};
    if (reading)
        c.reading = *reading;
    /* Room for most sentences at once: the buffers' sizes are not kept in out. */
    nbuf_reserve(&text, SPOKEN_PER_BYTE * len + 64);
    norm_words_reserve(&c, len / 2 + 16);
    int ok = read_into(&c, w, src, len);
    if (ok)
        text.p[text.len] = '\0';
    w->tmp = c.tmp;
    if (!scratch || !ok)
        scratch_release(w); /* after a failure, its buffers are in an unknown state */
    out->words = c.words;
    out->nwords = ok ? c.nwords : 0;
    out->text = text.p;
    out->len = ok ? text.len : 0;
    if (!ok) {
        if (out->text)
            out->text[0] = '\0';
        return NARRATE_ENOMEM;
    }
    return NARRATE_OK;
}

void norm_sentence_free(norm_sentence *s)
{
    if (!s)
        return;
    free(s->text);
    free(s->words);
    memset(s, 0, sizeof *s);
}
