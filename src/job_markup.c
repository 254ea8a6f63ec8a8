#include "job_markup.h"

#include <stdlib.h>
#include <string.h>

/* Whether the mark at block byte p belongs to the sentence at [at, end). */
static int mark_in(const reader_block *b, const reader_span *sp, size_t at, size_t end)
{
    return sp->kind == SPAN_MARK && sp->from >= at && (sp->from < end || end >= b->len);
}

static narrate_error add_marks(const reader_block *b, size_t at, size_t end,
                               const norm_sentence *s, job_markup *out)
{
    const reader_markup *m = b->markup;
    size_t count = 0;
    for (size_t i = 0; i < m->nspans; i++)
        count += mark_in(b, &m->spans[i], at, end);
    if (!count)
        return NARRATE_OK;
    out->marks = calloc(count, sizeof *out->marks);
    if (!out->marks)
        return NARRATE_ENOMEM;
    for (size_t i = 0; i < m->nspans; i++) {
        const reader_span *sp = &m->spans[i];
        if (!mark_in(b, sp, at, end))
            continue;
        job_mark *jm = &out->marks[out->nmarks++];
        jm->word = s ? s->nwords : 0;
        for (size_t k = 0; s && k < s->nwords; k++)
            if (at + s->words[k].src_off >= sp->from) {
                jm->word = k;
                break;
            }
        jm->offset = sp->src;
        jm->length = sp->src_len;
        jm->name = strdup(sp->text ? sp->text : "");
        if (!jm->name)
            return NARRATE_ENOMEM;
    }
    return NARRATE_OK;
}

/* Applies span sp to word w whose block start is `start`; `first` tells
 * whether w is the first word of sp's phonemes. */
static int apply_span(const reader_span *sp, size_t start, int *phonemes_given, word_markup *w)
{
    if (start < sp->from || start >= sp->to)
        return 0;
    if (sp->kind == SPAN_PROSODY) {
        w->rate = sp->rate;
        w->pitch = sp->pitch;
        w->volume = sp->volume;
    } else if (sp->kind == SPAN_SPELL) {
        w->spell = 1;
    } else if (sp->kind == SPAN_PHONEMES && sp->text) {
        if (*phonemes_given) {
            w->swallowed = 1;
        } else {
            *phonemes_given = 1;
            w->phonemes = strdup(sp->text);
            return w->phonemes ? 0 : -1;
        }
    }
    return 0;
}

static narrate_error add_words(const reader_block *b, size_t at, const norm_sentence *s,
                               job_markup *out)
{
    const reader_markup *m = b->markup;
    int any = 0;
    for (size_t i = 0; i < m->nspans; i++)
        any |= m->spans[i].kind != SPAN_MARK;
    if (!any || s->nwords == 0)
        return NARRATE_OK;
    out->words = calloc(s->nwords, sizeof *out->words);
    if (!out->words)
        return NARRATE_ENOMEM;
    out->nwords = s->nwords;
    for (size_t k = 0; k < s->nwords; k++)
        out->words[k].rate = out->words[k].pitch = out->words[k].volume = 100;
    for (size_t i = 0; i < m->nspans; i++) {
        int phonemes_given = 0;
        for (size_t k = 0; k < s->nwords; k++)
            if (apply_span(&m->spans[i], at + s->words[k].src_off, &phonemes_given, &out->words[k]))
                return NARRATE_ENOMEM;
    }
    return NARRATE_OK;
}

narrate_error job_markup_build(const reader_block *b, size_t at, size_t end,
                               const norm_sentence *s, job_markup *out)
{
    memset(out, 0, sizeof *out);
    if (!b->markup)
        return NARRATE_OK;
    narrate_error err = add_words(b, at, s, out);
    if (err == NARRATE_OK)
        err = add_marks(b, at, end, s, out);
    if (err != NARRATE_OK)
        job_markup_free(out);
    return err;
}

narrate_error job_markup_marks_only(const reader_block *b, size_t at, size_t end,
                                    job_markup *out)
{
    memset(out, 0, sizeof *out);
    if (!b->markup)
        return NARRATE_OK;
    narrate_error err = add_marks(b, at, end, NULL, out);
    if (err != NARRATE_OK)
        job_markup_free(out);
    return err;
}

void job_markup_free(job_markup *m)
{
    for (size_t k = 0; m->words && k < m->nwords; k++)
        free(m->words[k].phonemes);
    for (size_t i = 0; i < m->nmarks; i++)
        free(m->marks[i].name);
    free(m->words);
    free(m->marks);
    memset(m, 0, sizeof *m);
}
