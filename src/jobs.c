/* The sentence queue: sentences go to idle workers in parallel, and their audio
 * and events come back to the caller strictly in article order.  The head job's
 * audio is passed on as it arrives, so the first sound comes within one chunk;
 * later jobs wait in memory (the queue is bounded, so memory is too). */
#include <errno.h>
#include <stdint.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "narrate_internal.h"

#define DELIVERY_CHUNK 1024          /* samples per audio callback at most */
#define POLL_INTERVAL_MS 10          /* how often cancel and timeouts are checked */
#define CRASH_PAUSE_MS 300           /* what a sentence that could not be read becomes */
#define WORKER_START_TIMEOUT 10.0
#define DISCARD_TIMEOUT 1.0          /* an abandoned request that takes longer: kill */
#define SILENCE_LEVEL 64             /* |sample| at most this is leading silence */
#define ONSET_MARGIN_MS 5            /* kept before the first sound */
#define WORD_LAG_MS 100              /* see held_back() */

static job *job_at(narrate *n, int k)
{
    return &n->queue[(n->queue_head + k) % n->queue_cap];
}

static int job_index(narrate *n, const job *j)
{
    return (int)(j - n->queue);
}

static void job_release(job *j)
{
    norm_sentence_free(&j->sentence);
    free(j->word_spans);
    job_markup_free(&j->markup);
    engine_text_free(&j->engine);
    free(j->audio);
    free(j->words);
    free(j->phonemes);
    memset(j, 0, sizeof *j);
}

/* The text exactly as given, for the isolation tests (unsafe_raw_text). */
static narrate_error copy_unsanitized(const norm_sentence *s, engine_text *out)
{
    engine_text_free(out);
    out->text = malloc(s->len + 1);
    out->origin = malloc((s->len + 1) * sizeof *out->origin);
    if (!out->text || !out->origin)
        return NARRATE_ENOMEM;
    memcpy(out->text, s->text, s->len);
    out->text[s->len] = '\0';
    for (size_t i = 0; i < s->len; i++)
        out->origin[i] = (uint32_t)i;
    out->len = s->len;
    out->cap = s->len + 1;
    return NARRATE_OK;
}

/* Makes what the worker is sent from the spoken text, plainly on the retry. */
static narrate_error job_prepare_text(narrate *n, job *j)
{
    engine_style style = {n->lex, n->preset.quotes, n->preset.pitch, n->preset.quote_pitch,
                          NULL, 0, 0};
    if (j->style.pitch >= 0)
        style.pitch = j->style.pitch;
    style.markup = j->markup.words;
    style.rate = j->style.rate > 0 ? j->style.rate : n->preset.rate;
    style.volume = n->preset.volume;
    narrate_error err = n->unsafe_raw_text && j->attempt == 0
                            ? copy_unsanitized(&j->sentence, &j->engine)
                            : engine_text_build(&j->sentence, &style, j->attempt > 0, &j->engine);
    return err == NARRATE_OK ? NARRATE_OK : narrate_fail(n, err, "out of memory");
}

narrate_error jobs_start_worker(narrate *n, int i)
{
    proto_config config;
    narrate_engine_config(n, &config);
    narrate_error err = NARRATE_EWORKER;
    worker_stop(&n->workers[i]);
    int rate = worker_start(&n->workers[i], n->worker_path, &config, WORKER_START_TIMEOUT, &err,
                            n->errmsg, sizeof n->errmsg);
    if (rate < 0)
        return err;
    n->sample_rate = rate;
    return NARRATE_OK;
}

static narrate_error send_job(narrate *n, int w, job *j)
{
    if (n->workers[w].pid == 0) {
        narrate_error err = jobs_start_worker(n, w);
        if (err != NARRATE_OK)
            return err;
    }
    proto_speak speak;
    memset(&speak, 0, sizeof speak);
    speak.want_audio = n->config.synthesize != 0;
    speak.want_phonemes = n->config.phonemes != 0;
    speak.rate = j->style.rate;
    speak.pitch = j->style.pitch;
    memcpy(speak.voice, j->style.voice, sizeof speak.voice);
    memcpy(speak.engine, j->style.engine, sizeof speak.engine);
    if (proto_send2(n->workers[w].to_fd, REQ_SPEAK, &speak, sizeof speak, j->engine.text,
                    j->engine.len) != 0 &&
        errno != EPIPE)
        return narrate_fail(n, NARRATE_EWORKER, "cannot write to a synthesis worker");
    /* A worker that died before the write is noticed as EOF when read. */
    n->workers[w].job = job_index(n, j);
    n->workers[w].busy_since = monotonic_seconds();
    j->state = JOB_RUNNING;
    return NARRATE_OK;
}

static int idle_worker(narrate *n)
{
    for (int w = 0; w < n->nworkers; w++)
        if (n->workers[w].job == -1)
            return w;
    return -1;
}

static narrate_error dispatch(narrate *n)
{
    for (int k = 0; k < n->queue_count; k++) {
        job *j = job_at(n, k);
        if (j->state != JOB_QUEUED)
            continue;
        int w = idle_worker(n);
        if (w < 0)
            return NARRATE_OK;
        narrate_error err = send_job(n, w, j);
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

/* The sentence is replaced by a short pause and a warning. */
static void job_give_up(narrate *n, job *j, const char *why)
{
    size_t pause = (size_t)n->sample_rate * CRASH_PAUSE_MS / 1000;
    free(j->audio);
    j->audio = calloc(pause, sizeof *j->audio);
    j->audio_len = j->audio ? pause : 0;
    j->audio_cap = j->audio_len;
    j->nwords = j->words_delivered = 0;
    j->warning = why;
    j->state = JOB_DONE;
}

/* Worker w stopped serving its job abnormally: retry the job once, simplified,
 * if none of it has been heard yet; otherwise give it up. */
static narrate_error on_worker_lost(narrate *n, int w, const char *why)
{
    int index = n->workers[w].job;
    worker_stop(&n->workers[w]);
    if (index < 0)
        return NARRATE_OK;
    job *j = &n->queue[index];
    if (j->attempt == 0 && j->samples_delivered == 0 && !j->started) {
        j->attempt = 1;
        j->audio_len = j->nwords = j->words_delivered = 0;
        free(j->phonemes);
        j->phonemes = NULL;
        j->state = JOB_QUEUED;
        return job_prepare_text(n, j);
    }
    job_give_up(n, j, why);
    return NARRATE_OK;
}

static int grow(void **buf, size_t *cap, size_t need, size_t item)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 4096;
    while (c < need)
        c *= 2;
    void *p = realloc(*buf, c * item);
    if (!p)
        return -1;
    *buf = p;
    *cap = c;
    return 0;
}

static narrate_error take_message(narrate *n, int w, const proto_header *h, const char *payload)
{
    job *j = &n->queue[n->workers[w].job];
    n->workers[w].busy_since = monotonic_seconds();
    switch (h->type) {
    case RSP_AUDIO: {
        size_t count = h->length / sizeof(int16_t);
        if (grow((void **)&j->audio, &j->audio_cap, j->audio_len + count, sizeof(int16_t)))
            return narrate_fail(n, NARRATE_ENOMEM, "out of memory");
        memcpy(j->audio + j->audio_len, payload, count * sizeof(int16_t));
        j->audio_len += count;
        return NARRATE_OK;
    }
    case RSP_WORD:
        if (h->length != sizeof(proto_word) ||
            grow((void **)&j->words, &j->words_cap, j->nwords + 1, sizeof(proto_word)))
            return narrate_fail(n, NARRATE_ENOMEM, "out of memory");
        memcpy(&j->words[j->nwords++], payload, sizeof(proto_word));
        return NARRATE_OK;
    case RSP_PHONEMES:
        free(j->phonemes);
        j->phonemes = strndup(payload, h->length);
        return j->phonemes ? NARRATE_OK : narrate_fail(n, NARRATE_ENOMEM, "out of memory");
    case RSP_DONE:
        j->state = JOB_DONE;
        n->workers[w].job = -1;
        return NARRATE_OK;
    case RSP_ERROR:
        n->workers[w].job = -1;
        job_give_up(n, j, "espeak-ng could not read a sentence; a pause stands in for it");
        return NARRATE_OK;
    default:
        return on_worker_lost(n, w, "a synthesis worker sent garbage; a sentence was skipped");
    }
}

/* Drops what an abandoned request still sends; the worker is idle again after
 * its DONE or ERROR. */
static void discard_worker_output(worker *w)
{
    int gone = worker_read_available(w) != 0;
    proto_header h;
    const char *payload;
    int rc = 0;
    while (w->job == WORKER_DISCARDING && (rc = worker_next_message(w, &h, &payload)) == 1)
        if (h.type == RSP_DONE || h.type == RSP_ERROR)
            w->job = -1;
    if (w->job == WORKER_DISCARDING && (gone || rc < 0))
        worker_stop(w);
}

static narrate_error read_worker(narrate *n, int w)
{
    if (n->workers[w].job == WORKER_DISCARDING) {
        discard_worker_output(&n->workers[w]);
        return NARRATE_OK;
    }
    int gone = worker_read_available(&n->workers[w]) != 0;
    proto_header h;
    const char *payload;
    int rc = 0;
    while (n->workers[w].job >= 0 && (rc = worker_next_message(&n->workers[w], &h, &payload)) == 1) {
        narrate_error err = take_message(n, w, &h, payload);
        if (err != NARRATE_OK)
            return err;
    }
    if (gone || rc < 0)
        return on_worker_lost(n, w, "the speech engine crashed on a sentence; a pause stands in for it");
    return NARRATE_OK;
}

static narrate_error check_timeouts(narrate *n)
{
    double now = monotonic_seconds();
    for (int w = 0; w < n->nworkers; w++) {
        if (n->workers[w].job == WORKER_DISCARDING && now - n->workers[w].busy_since > DISCARD_TIMEOUT)
            worker_stop(&n->workers[w]);
        if (n->workers[w].job >= 0 && now - n->workers[w].busy_since > n->config.sentence_timeout) {
            narrate_error err =
                on_worker_lost(n, w, "the speech engine hung on a sentence; a pause stands in for it");
            if (err != NARRATE_OK)
                return err;
        }
    }
    return NARRATE_OK;
}

/* Waits up to one poll interval for worker output and takes it. */
static narrate_error wait_for_workers(narrate *n)
{
    struct pollfd fds[64];
    int owner[64], count = 0;
    for (int w = 0; w < n->nworkers && count < 64; w++)
        if (n->workers[w].job != -1 && n->workers[w].pid > 0) {
            fds[count] = (struct pollfd){n->workers[w].from_fd, POLLIN, 0};
            owner[count++] = w;
        }
    int ready = poll(fds, (nfds_t)count, POLL_INTERVAL_MS);
    if (ready < 0 && errno != EINTR)
        return narrate_fail(n, NARRATE_EWORKER, "poll: %s", strerror(errno));
    for (int k = 0; ready > 0 && k < count; k++)
        if (fds[k].revents) {
            narrate_error err = read_worker(n, owner[k]);
            if (err != NARRATE_OK)
                return err;
        }
    return check_timeouts(n);
}

narrate_error emit_event(narrate *n, narrate_event_type type, uint64_t offset, uint64_t length,
                         const char *text, const char *phonemes)
{
    if (!n->config.on_event)
        return NARRATE_OK;
    narrate_event ev = {type, offset, length, n->samples_out, text ? text : "", phonemes, 0};
    if (n->config.on_event(n->config.userdata, &ev) == NARRATE_STOP)
        return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the event callback");
    return NARRATE_OK;
}

narrate_error emit_heading(narrate *n, int level, uint64_t offset, uint64_t length,
                           const char *text)
{
    if (!n->config.on_event)
        return NARRATE_OK;
    narrate_event ev = {NARRATE_EVENT_HEADING, offset, length, n->samples_out, text, NULL, level};
    if (n->config.on_event(n->config.userdata, &ev) == NARRATE_STOP)
        return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the event callback");
    return NARRATE_OK;
}

/* The norm_word that engine_text byte `offset` came from, or -1. */
static long norm_word_at(const job *j, uint32_t offset)
{
    if (offset >= j->engine.len)
        return -1;
    uint32_t spoken = j->engine.origin[offset];
    for (size_t k = 0; k < j->sentence.nwords; k++) {
        const norm_word *w = &j->sentence.words[k];
        if (spoken >= w->out_off && spoken < w->out_off + w->out_len)
            return (long)k;
    }
    return -1;
}

/* Emits the job's SSML marks that fall before norm_word `word` (nwords and
 * more: all that are left), at the current sample. */
static narrate_error emit_marks_before(narrate *n, job *j, size_t word)
{
    job_markup *m = &j->markup;
    while (m->marks_done < m->nmarks && m->marks[m->marks_done].word <= word) {
        const job_mark *mark = &m->marks[m->marks_done++];
        narrate_error err =
            emit_event(n, NARRATE_EVENT_MARK, mark->offset, mark->length, mark->name, NULL);
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

static narrate_error emit_word(narrate *n, job *j, const proto_word *mark)
{
    long k = norm_word_at(j, mark->offset);
    if (k < 0 || k <= j->last_word) /* one event per word, in order: the engine repeats marks */
        return NARRATE_OK;
    j->last_word = k;
    narrate_error err = emit_marks_before(n, j, (size_t)k);
    if (err != NARRATE_OK)
        return err;
    const norm_word *w = &j->sentence.words[k];
    char text[256];
    size_t len = w->out_len < sizeof text - 1 ? w->out_len : sizeof text - 1;
    memcpy(text, j->sentence.text + w->out_off, len);
    text[len] = '\0';
    return emit_event(n, NARRATE_EVENT_WORD, j->word_spans[2 * k], j->word_spans[2 * k + 1], text,
                      NULL);
}

/* Emits the word events whose audio starts before sample `until` of the job. */
static narrate_error emit_words_until(narrate *n, job *j, uint64_t until)
{
    while (j->words_delivered < j->nwords && j->words[j->words_delivered].sample < until) {
        uint64_t saved = n->samples_out, sample = j->words[j->words_delivered].sample;
        n->samples_out = j->sample_base + (sample > j->trimmed ? sample - j->trimmed : 0);
        if (n->samples_out < saved)
            n->samples_out = saved;
        narrate_error err = emit_word(n, j, &j->words[j->words_delivered++]);
        n->samples_out = saved;
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

/* Passes `ms` of silence to the audio callback, in delivery-sized chunks. */
static narrate_error deliver_silence(narrate *n, int ms)
{
    static const int16_t silence[DELIVERY_CHUNK];
    uint64_t left = (uint64_t)n->sample_rate * (uint64_t)ms / 1000;
    while (left > 0) {
        if (atomic_load(&n->canceled))
            return narrate_fail(n, NARRATE_ECANCELED, "canceled");
        size_t count = left < DELIVERY_CHUNK ? (size_t)left : DELIVERY_CHUNK;
        if (n->config.on_audio &&
            n->config.on_audio(n->config.userdata, silence, count, n->sample_rate) == NARRATE_STOP)
            return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the audio callback");
        n->samples_out += count;
        left -= count;
    }
    return NARRATE_OK;
}

static narrate_error start_job(narrate *n, job *j)
{
    narrate_error err = deliver_silence(n, j->style.pause_before_ms);
    if (err == NARRATE_OK && j->style.heading_level >= 0 && j->sentence.len > 0)
        err = emit_heading(n, j->style.heading_level, j->src_offset, j->src_length,
                           j->sentence.text);
    if (err != NARRATE_OK)
        return err;
    j->started = 1;
    j->sample_base = n->samples_out;
    j->trimming = n->samples_out == 0;
    j->last_word = -1;
    if (j->sentence.len == 0)
        return NARRATE_OK; /* marks alone */
    return emit_event(n, NARRATE_EVENT_SENTENCE, j->src_offset, j->src_length, j->sentence.text,
                      j->phonemes);
}

/* Drops the silence a text's first sentence starts with (the engine's lead-in),
 * keeping ONSET_MARGIN_MS before the first sound; returns the samples of
 * j->audio already dealt with. */
static size_t trim_leading_silence(narrate *n, job *j)
{
    if (!j->trimming)
        return 0;
    size_t first = 0;
    while (first < j->audio_len && abs(j->audio[first]) <= SILENCE_LEVEL)
        first++;
    size_t margin = (size_t)n->sample_rate * ONSET_MARGIN_MS / 1000;
    size_t skip = first == j->audio_len ? first : first > margin ? first - margin : 0;
    if (first < j->audio_len || j->state == JOB_DONE)
        j->trimming = 0;
    j->trimmed += skip;
    j->samples_delivered += skip;
    return skip;
}

/* How much of a running job's audio waits for the word marks that may still
 * come for it: the engine can report a word a little after the audio it
 * starts in, and a word event must never come after its audio. */
static size_t held_back(const narrate *n, const job *j)
{
    return j->state == JOB_DONE ? 0 : (size_t)n->sample_rate * WORD_LAG_MS / 1000;
}

static narrate_error deliver_audio(narrate *n, job *j)
{
    size_t done = trim_leading_silence(n, j);
    size_t hold = held_back(n, j);
    size_t end = j->audio_len > hold ? j->audio_len - hold : 0;
    while (done < end) {
        if (atomic_load(&n->canceled))
            return narrate_fail(n, NARRATE_ECANCELED, "canceled");
        size_t count = end - done < DELIVERY_CHUNK ? end - done : DELIVERY_CHUNK;
        narrate_error err = emit_words_until(n, j, j->samples_delivered + count);
        if (err != NARRATE_OK)
            return err;
        if (n->config.on_audio &&
            n->config.on_audio(n->config.userdata, j->audio + done, count, n->sample_rate) ==
                NARRATE_STOP)
            return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the audio callback");
        done += count;
        j->samples_delivered += count;
        n->samples_out += count;
    }
    if (done < j->audio_len)
        memmove(j->audio, j->audio + done, (j->audio_len - done) * sizeof *j->audio);
    j->audio_len -= done < j->audio_len ? done : j->audio_len;
    return NARRATE_OK;
}

/* Passes on what the head jobs have ready, popping the finished ones. */
static narrate_error deliver_ready(narrate *n)
{
    while (n->queue_count > 0) {
        job *j = job_at(n, 0);
        int ready = j->state == JOB_DONE ||
                    (j->state == JOB_RUNNING && j->audio_len > held_back(n, j));
        if (!ready)
            return NARRATE_OK;
        narrate_error err = j->started ? NARRATE_OK : start_job(n, j);
        if (err == NARRATE_OK && j->warning && !j->warned) {
            j->warned = 1;
            err = emit_event(n, NARRATE_EVENT_WARNING, j->src_offset, j->src_length, j->warning,
                             NULL);
        }
        if (err == NARRATE_OK)
            err = deliver_audio(n, j);
        if (err != NARRATE_OK)
            return err;
        if (j->state != JOB_DONE)
            return NARRATE_OK;
        err = emit_words_until(n, j, UINT64_MAX);
        if (err == NARRATE_OK)
            err = emit_marks_before(n, j, SIZE_MAX);
        if (err == NARRATE_OK)
            err = deliver_silence(n, j->style.pause_after_ms);
        job_release(j);
        n->queue_head = (n->queue_head + 1) % n->queue_cap;
        n->queue_count--;
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

/* One round: hand out work, pass on what is ready, wait a little for more. */
static narrate_error pump(narrate *n)
{
    if (atomic_load(&n->canceled))
        return narrate_fail(n, NARRATE_ECANCELED, "canceled");
    narrate_error err = dispatch(n);
    if (err == NARRATE_OK)
        err = deliver_ready(n);
    if (err == NARRATE_OK && n->queue_count > 0)
        err = wait_for_workers(n);
    if (err == NARRATE_OK)
        err = deliver_ready(n);
    return err;
}

narrate_error jobs_submit(narrate *n, norm_sentence *s, uint64_t *word_spans, job_markup *markup,
                          uint64_t src_offset, uint64_t src_length, job_style style)
{
    narrate_error err = NARRATE_OK;
    while (err == NARRATE_OK && n->queue_count == n->queue_cap)
        err = pump(n);
    if (err != NARRATE_OK) {
        free(word_spans);
        if (markup)
            job_markup_free(markup);
        return err;
    }
    job *j = job_at(n, n->queue_count);
    memset(j, 0, sizeof *j);
    j->sentence = *s;
    memset(s, 0, sizeof *s);
    j->word_spans = word_spans;
    if (markup) {
        j->markup = *markup;
        memset(markup, 0, sizeof *markup);
    }
    j->src_offset = src_offset;
    j->src_length = src_length;
    j->style = style;
    j->state = j->sentence.len > 0 ? JOB_QUEUED : JOB_DONE;
    n->queue_count++;
    if (j->state == JOB_QUEUED)
        err = job_prepare_text(n, j);
    if (err == NARRATE_OK)
        err = dispatch(n);
    if (err == NARRATE_OK)
        err = deliver_ready(n);
    return err;
}

narrate_error jobs_drain(narrate *n)
{
    while (n->queue_count > 0) {
        narrate_error err = pump(n);
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

void jobs_settle_workers(narrate *n)
{
    for (int w = 0; w < n->nworkers; w++) {
        worker *wk = &n->workers[w];
        double deadline = monotonic_seconds() + DISCARD_TIMEOUT;
        proto_header h;
        const char *payload;
        while (wk->job == WORKER_DISCARDING) {
            double left = deadline - monotonic_seconds();
            int rc = left > 0 ? worker_wait_message(wk, left, &h, &payload) : 0;
            if (rc <= 0)
                worker_stop(wk);
            else if (h.type == RSP_DONE || h.type == RSP_ERROR)
                wk->job = -1;
        }
    }
}

void jobs_clear(narrate *n)
{
    for (int w = 0; w < n->nworkers; w++)
        worker_abandon(&n->workers[w]);
    while (n->queue_count > 0) {
        job_release(job_at(n, 0));
        n->queue_head = (n->queue_head + 1) % n->queue_cap;
        n->queue_count--;
    }
    n->queue_head = 0;
}
