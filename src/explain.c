/* narrate_explain: for each written token, the rule that read it, the lexicon
 * entry that pronounces it, and the phonemes the engine gets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrate_internal.h"

#define EXPLAIN_MAX_BYTES 65536

typedef struct explain_run {
    narrate_explain_fn fn;
    void *userdata;
    const char *text;
    uint64_t base;        /* offset of the current sentence in text */
    char phonemes[1024];  /* the last worker answer */
} explain_run;

/* Asks worker w for the phonemes of engine text t. */
static narrate_error ask_phonemes(narrate *n, worker *w, const engine_text *t, char *out,
                                  size_t size)
{
    proto_speak speak = {0, 1, {0, 0}, 0, -1, "", ""};
    if (proto_send2(w->to_fd, REQ_SPEAK, &speak, sizeof speak, t->text, t->len) != 0)
        return narrate_fail(n, NARRATE_EWORKER, "cannot write to the synthesis worker");
    proto_header h;
    const char *payload;
    *out = '\0';
    while (worker_wait_message(w, n->config.sentence_timeout, &h, &payload) == 1) {
        if (h.type == RSP_DONE)
            return NARRATE_OK;
        if (h.type == RSP_PHONEMES) {
            size_t len = h.length < size - 1 ? h.length : size - 1;
            memcpy(out, payload, len);
            out[len] = '\0';
        }
    }
    return narrate_fail(n, NARRATE_EWORKER, "the synthesis worker did not answer");
}

/* The lexicon entry or rule behind the first word(s) of a spoken word group. */
static const char *pronunciation_of(const narrate *n, const char *spoken, int sentence_start)
{
    char copy[256];
    const char *words[8];
    size_t count = 0;
    char *save = NULL;
    snprintf(copy, sizeof copy, "%s", spoken);
    for (char *w = strtok_r(copy, " ,.;:!?\"()", &save); w && count < 8;
         w = strtok_r(NULL, " ,.;:!?\"()", &save))
        words[count++] = w;
    lexicon_match m;
    return count && lexicon_lookup(n->lex, words, count, sentence_start, &m) ? m.source : "";
}

static narrate_error explain_word(narrate *n, worker *w, explain_run *run,
                                  const norm_sentence *s, size_t k)
{
    const norm_word *word = &s->words[k];
    char spoken[256];
    snprintf(spoken, sizeof spoken, "%.*s", (int)word->out_len, s->text + word->out_off);
    norm_word only = *word;
    only.out_off = 0;
    only.out_len = (uint32_t)strlen(spoken);
    norm_sentence alone = {spoken, only.out_len, &only, 1};
    engine_style style = {n->lex, QUOTE_PLAIN, n->preset.pitch, n->preset.pitch, NULL, 0, 0};
    engine_text t = {0};
    narrate_error err = engine_text_build(&alone, &style, 0, &t);
    if (err == NARRATE_OK)
        err = ask_phonemes(n, w, &t, run->phonemes, sizeof run->phonemes);
    engine_text_free(&t);
    if (err != NARRATE_OK)
        return err;
    narrate_explanation ex = {run->base + word->src_off, word->src_len, spoken,
                              word->rule ? word->rule : "", pronunciation_of(n, spoken, k == 0),
                              run->phonemes};
    if (run->fn(run->userdata, &ex) == NARRATE_STOP)
        return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the callback");
    return NARRATE_OK;
}

static narrate_error explain_sentence(narrate *n, worker *w, explain_run *run, size_t len)
{
    norm_sentence s = {0};
    norm_reading reading = narrate_reading(n);
    narrate_error err = norm_sentence_read(n->norm, &reading, n->scratch, run->text + run->base, len, &s);
    if (err != NARRATE_OK)
        err = narrate_fail(n, err, "out of memory");
    for (size_t k = 0; err == NARRATE_OK && k < s.nwords; k++)
        err = explain_word(n, w, run, &s, k);
    norm_sentence_free(&s);
    return err;
}

typedef struct explain_job {
    explain_run *run;
    size_t len;
} explain_job;

static narrate_error explain_all(narrate *n, worker *w, void *arg)
{
    explain_job *job = arg;
    explain_run *run = job->run;
    narrate_error err = NARRATE_OK;
    while (err == NARRATE_OK && run->base < job->len) {
        size_t cut = norm_split(n->norm, run->text + run->base, job->len - run->base, 1);
        if (cut == 0)
            cut = job->len - run->base;
        err = explain_sentence(n, w, run, cut);
        run->base += cut;
    }
    return err;
}

narrate_error narrate_explain(narrate *n, const char *text, size_t len, narrate_explain_fn fn,
                              void *userdata)
{
    if (!n || !fn || (!text && len) || len > EXPLAIN_MAX_BYTES)
        return NARRATE_EINVAL;
    explain_run run = {fn, userdata, text, 0, ""};
    explain_job job = {&run, len};
    return narrate_with_worker(n, explain_all, &job);
}
