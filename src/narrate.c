/* The public entry points: configuration, the handle, feed/finish and cancel.
 * Input is cut into sentences here; jobs.c takes them from there. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "narrate_internal.h"

#ifndef NARRATE_LIBEXECDIR
#define NARRATE_LIBEXECDIR "/usr/local/libexec/narrate"
#endif
#define MAX_WORKERS 16

int narrate_version(void)
{
    return NARRATE_VERSION;
}

const char *narrate_version_string(void)
{
    return NARRATE_VERSION_STRING;
}

const char *narrate_strerror(narrate_error err)
{
    switch (err) {
    case NARRATE_OK: return "success";
    case NARRATE_ENOMEM: return "out of memory";
    case NARRATE_EINVAL: return "invalid argument";
    case NARRATE_ESTATE: return "call out of order";
    case NARRATE_EWORKER: return "synthesis worker failed";
    case NARRATE_EVOICE: return "no such voice";
    case NARRATE_ECANCELED: return "canceled";
    case NARRATE_ESTOPPED: return "stopped by a callback";
    case NARRATE_EOPEN: return "cannot open output";
    case NARRATE_EWRITE: return "cannot write output";
    case NARRATE_ENODEVICE: return "no audio output device";
    case NARRATE_EFORMAT: return "unsupported output format";
    case NARRATE_EDATA: return "malformed data file";
    }
    return "unknown error";
}

narrate_error narrate_fail(narrate *n, narrate_error err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(n->errmsg, sizeof n->errmsg, fmt, ap);
    va_end(ap);
    return err;
}

void narrate_config_init(narrate_config *config)
{
    memset(config, 0, sizeof *config);
    config->pitch = -1;
    config->volume = -1;
    config->synthesize = 1;
}

static int config_is_valid(const narrate_config *c)
{
    return (c->rate == 0 || (c->rate >= 80 && c->rate <= 450)) && c->pitch >= -1 &&
           c->pitch <= 100 && c->volume >= -1 && c->volume <= 200 && c->workers >= 0 &&
           c->workers <= MAX_WORKERS && c->sentence_timeout >= 0 &&
           (!c->voice || strlen(c->voice) < PROTO_VOICE_MAX);
}

static void resolve_config(narrate *n, const narrate_config *config)
{
    n->config = *config;
    if (n->config.rate == 0)
        n->config.rate = 175;
    if (n->config.sentence_timeout == 0)
        n->config.sentence_timeout = 10.0;
    snprintf(n->voice, sizeof n->voice, "%s", config->voice ? config->voice : "en-us");
    n->config.voice = n->voice;
    const char *path = config->worker_path ? config->worker_path : getenv("NARRATE_WORKER");
    snprintf(n->worker_path, sizeof n->worker_path, "%s",
             path && *path ? path : NARRATE_LIBEXECDIR "/narrate-worker");
    n->config.worker_path = n->worker_path;
    if (n->config.workers == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n->config.workers = cores < 1 ? 1 : cores > MAX_WORKERS ? MAX_WORKERS : (int)cores;
    }
}

static int needs_workers(const narrate *n)
{
    return n->config.synthesize || n->config.phonemes;
}

static narrate_error allocate_queues(narrate *n)
{
    n->nworkers = needs_workers(n) ? n->config.workers : 0;
    n->queue_cap = 2 * n->config.workers + 2;
    n->workers = calloc((size_t)(n->nworkers ? n->nworkers : 1), sizeof *n->workers);
    n->queue = calloc((size_t)n->queue_cap, sizeof *n->queue);
    if (!n->workers || !n->queue)
        return narrate_fail(n, NARRATE_ENOMEM, "out of memory");
    for (int w = 0; w < n->nworkers; w++)
        n->workers[w] = (worker){.to_fd = -1, .from_fd = -1, .job = -1};
    return NARRATE_OK;
}

static narrate_error start_workers(narrate *n)
{
    for (int w = 0; w < n->nworkers; w++) {
        narrate_error err = jobs_start_worker(n, w);
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

narrate_error narrate_new(const narrate_config *config, narrate **out, char *errmsg,
                          size_t errmsg_size)
{
    *out = NULL;
    if (!config || !config_is_valid(config)) {
        if (errmsg && errmsg_size)
            snprintf(errmsg, errmsg_size, "invalid configuration value");
        return NARRATE_EINVAL;
    }
    narrate *n = calloc(1, sizeof *n);
    if (!n) {
        if (errmsg && errmsg_size)
            snprintf(errmsg, errmsg_size, "out of memory");
        return NARRATE_ENOMEM;
    }
    resolve_config(n, config);
    atomic_init(&n->canceled, 0);
    narrate_error err = norm_data_load(&n->norm, n->errmsg, sizeof n->errmsg);
    if (err == NARRATE_OK)
        err = allocate_queues(n);
    if (err == NARRATE_OK)
        err = start_workers(n);
    if (err != NARRATE_OK) {
        if (errmsg && errmsg_size)
            snprintf(errmsg, errmsg_size, "%s", n->errmsg);
        narrate_free(n);
        return err;
    }
    *out = n;
    return NARRATE_OK;
}

void narrate_free(narrate *n)
{
    if (!n)
        return;
    if (n->queue)
        jobs_clear(n);
    for (int w = 0; w < n->nworkers; w++) {
        worker_shutdown(&n->workers[w], 0.2);
        free(n->workers[w].in);
    }
    free(n->workers);
    free(n->queue);
    free(n->pending);
    norm_data_free(n->norm);
    free(n);
}

static narrate_error append_pending(narrate *n, const char *text, size_t len)
{
    if (n->pending_pos > 0 && n->pending_pos >= n->pending_len / 2) {
        memmove(n->pending, n->pending + n->pending_pos, n->pending_len - n->pending_pos);
        n->pending_len -= n->pending_pos;
        n->pending_offset += n->pending_pos;
        n->pending_pos = 0;
    }
    if (n->pending_len + len > n->pending_cap) {
        size_t cap = n->pending_cap ? n->pending_cap : 65536;
        while (cap < n->pending_len + len)
            cap *= 2;
        char *grown = realloc(n->pending, cap);
        if (!grown)
            return narrate_fail(n, NARRATE_ENOMEM, "out of memory");
        n->pending = grown;
        n->pending_cap = cap;
    }
    memcpy(n->pending + n->pending_len, text, len);
    n->pending_len += len;
    return NARRATE_OK;
}

static uint64_t trimmed_length(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' ||
                       s[len - 1] == '\r'))
        len--;
    return len;
}

/* Speaks one sentence of source text, or reports it when not synthesizing. */
static narrate_error take_sentence(narrate *n, const char *src, size_t len, uint64_t offset)
{
    norm_sentence s = {0};
    narrate_error err = norm_sentence_run(n->norm, src, len, &s);
    if (err != NARRATE_OK) {
        norm_sentence_free(&s);
        return narrate_fail(n, err, "out of memory");
    }
    uint64_t length = trimmed_length(src, len);
    if (s.len == 0)
        err = NARRATE_OK;
    else if (needs_workers(n))
        err = jobs_submit(n, &s, offset, length);
    else
        err = emit_event(n, NARRATE_EVENT_SENTENCE, offset, length, s.text, NULL);
    norm_sentence_free(&s);
    return err;
}

/* Cuts and speaks every sentence that the pending text settles. */
static narrate_error speak_pending(narrate *n, int at_end)
{
    while (n->pending_pos < n->pending_len) {
        if (atomic_load(&n->canceled))
            return narrate_fail(n, NARRATE_ECANCELED, "canceled");
        const char *rest = n->pending + n->pending_pos;
        size_t cut = norm_split(n->norm, rest, n->pending_len - n->pending_pos, at_end);
        if (cut == 0)
            return NARRATE_OK;
        uint64_t offset = n->pending_offset + n->pending_pos;
        n->pending_pos += cut;
        narrate_error err = take_sentence(n, rest, cut, offset);
        if (err != NARRATE_OK)
            return err;
    }
    return NARRATE_OK;
}

/* Remembers the first failure so that later calls report it too. */
static narrate_error settle(narrate *n, narrate_error err)
{
    if (err != NARRATE_OK && n->failure == NARRATE_OK) {
        n->failure = err;
        if (err == NARRATE_ECANCELED || err == NARRATE_ESTOPPED)
            jobs_clear(n);
    }
    return err;
}

static narrate_error check_usable(narrate *n)
{
    if (atomic_load(&n->canceled))
        return settle(n, narrate_fail(n, NARRATE_ECANCELED, "canceled"));
    if (n->failure != NARRATE_OK)
        return n->failure;
    if (n->finished)
        return narrate_fail(n, NARRATE_ESTATE, "the text was already finished");
    return NARRATE_OK;
}

narrate_error narrate_feed(narrate *n, const char *text, size_t len)
{
    if (!n || (!text && len))
        return NARRATE_EINVAL;
    narrate_error err = check_usable(n);
    if (err == NARRATE_OK)
        err = append_pending(n, text, len);
    if (err == NARRATE_OK)
        err = speak_pending(n, 0);
    return settle(n, err);
}

narrate_error narrate_finish(narrate *n)
{
    if (!n)
        return NARRATE_EINVAL;
    narrate_error err = check_usable(n);
    if (err != NARRATE_OK)
        return err;
    n->finished = 1;
    err = speak_pending(n, 1);
    if (err == NARRATE_OK)
        err = jobs_drain(n);
    if (err == NARRATE_OK)
        err = emit_event(n, NARRATE_EVENT_END, n->pending_offset + n->pending_len, 0, "", NULL);
    return settle(n, err);
}

narrate_error narrate_reset(narrate *n)
{
    if (!n)
        return NARRATE_EINVAL;
    jobs_clear(n);
    n->pending_pos = n->pending_len = 0;
    n->pending_offset = 0;
    n->samples_out = 0;
    n->finished = 0;
    n->failure = NARRATE_OK;
    n->errmsg[0] = '\0';
    atomic_store(&n->canceled, 0);
    return NARRATE_OK;
}

void narrate_cancel(narrate *n)
{
    if (n)
        atomic_store(&n->canceled, 1);
}

const char *narrate_errmsg(const narrate *n)
{
    return n ? n->errmsg : "";
}
