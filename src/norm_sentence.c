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

narrate_error norm_sentence_run(const norm_data *data, const char *src, size_t len,
                                norm_sentence *out)
{
    return norm_sentence_read(data, NULL, src, len, out);
}

narrate_error norm_sentence_read(const norm_data *data, const norm_reading *reading,
                                 const char *src, size_t len, norm_sentence *out)
{
    nbuf folded = {0};
    fold_map map = {0};
    ntoks toks = {0};
    nbuf text = {out->text, 0, 0, 0};
    nctx c = {0};
    c.words = out->words;
    /* Room for most sentences at once: the buffers' sizes are not kept in out. */
    nbuf_reserve(&text, SPOKEN_PER_BYTE * len + 64);
    norm_words_reserve(&c, len / 2 + 16);
    int ok = norm_fold(src, len, &folded, &map) && norm_tokenize(folded.p, folded.len, &toks);
    if (ok) {
        norm_mark_quotes(data, &toks, folded.p, src, len, &map);
        c.d = data;
        c.t = folded.p;
        c.tlen = folded.len;
        c.map = &map;
        c.tok = toks.v;
        c.n = toks.n;
        c.final = final_punct(&toks);
        c.headline = is_headline(&toks, folded.p);
        c.out = &text;
        c.src = src;
        if (reading)
            c.reading = *reading;
        if (c.reading.spell)
            norm_spell(&c, src);
        else
            norm_apply_rules(&c);
        char f = c.reading.spell ? 0 : final_char(&c);
        if (f && text.len)
            nbuf_putc(&text, f);
        nbuf_reserve(&text, 1);
        ok = !c.oom && !text.oom && !c.tmp.oom;
        if (ok)
            text.p[text.len] = '\0';
    }
    nbuf_free(&folded);
    fold_map_free(&map);
    ntoks_free(&toks);
    nbuf_free(&c.tmp);
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
