/* The public entry points: version, errors, configuration and the handle's
 * life; input.c takes the text in, jobs.c hands it to the workers. */
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
           c->input_format >= NARRATE_INPUT_AUTO && c->input_format <= NARRATE_INPUT_MARKDOWN &&
           (!c->voice || strlen(c->voice) < PROTO_VOICE_MAX);
}

/* The preset named by config->voice ("news" when NULL), or, when no preset has
 * that name, the espeak-ng voice of that name with the defaults; then the
 * config's explicit rate, pitch and volume on top. */
static narrate_error resolve_voice(narrate *n, const narrate_config *config)
{
    const char *name = config->voice ? config->voice : "news";
    narrate_error err = preset_find(name, &n->preset, n->errmsg, sizeof n->errmsg);
    if (err == NARRATE_EVOICE) {
        preset_defaults(&n->preset, name);
        snprintf(n->preset.voice, sizeof n->preset.voice, "%s", name);
        err = NARRATE_OK;
    }
    if (config->rate)
        n->preset.rate = config->rate;
    if (config->pitch >= 0)
        n->preset.pitch = config->pitch;
    if (config->volume >= 0)
        n->preset.volume = config->volume;
    snprintf(n->voice, sizeof n->voice, "%s", name);
    n->config.voice = n->voice;
    return err;
}

void narrate_engine_config(const narrate *n, proto_config *out)
{
    memset(out, 0, sizeof *out);
    out->rate = n->preset.rate;
    out->pitch = n->preset.pitch;
    out->range = n->preset.range;
    out->volume = n->preset.volume;
    snprintf(out->voice, sizeof out->voice, "%s", n->preset.voice);
}

static void resolve_config(narrate *n, const narrate_config *config)
{
    n->config = *config;
    if (n->config.sentence_timeout == 0)
        n->config.sentence_timeout = 10.0;
    const char *path = config->worker_path ? config->worker_path : getenv("NARRATE_WORKER");
    snprintf(n->worker_path, sizeof n->worker_path, "%s",
             path && *path ? path : NARRATE_LIBEXECDIR "/narrate-worker");
    n->config.worker_path = n->worker_path;
    if (n->config.workers == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n->config.workers = cores < 1 ? 1 : cores > MAX_WORKERS ? MAX_WORKERS : (int)cores;
    }
}

int narrate_needs_workers(const narrate *n)
{
    return n->config.synthesize || n->config.phonemes;
}

static narrate_error allocate_queues(narrate *n)
{
    n->nworkers = narrate_needs_workers(n) ? n->config.workers : 0;
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
    narrate_error err = resolve_voice(n, config);
    if (err == NARRATE_OK)
        err = norm_data_load(&n->norm, n->errmsg, sizeof n->errmsg);
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
    reader_free(n->reader);
    norm_data_free(n->norm);
    free(n);
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
