#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *test_worker_path(void)
{
    static char path[4096];
    const char *build = getenv("BUILD");
    snprintf(path, sizeof path, "%s/narrate-worker", build && *build ? build : "build");
    return path;
}

const char *test_shared_dir(void)
{
    return access("../shared/crashers", R_OK) == 0 ? "../shared" : NULL;
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, 2 * cap + 1);
            if (!grown) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

static void push_string(char ***list, size_t count, const char *s, size_t len)
{
    *list = realloc(*list, (count + 1) * sizeof **list);
    (*list)[count] = strndup(s, len);
}

static void push_u64(uint64_t **list, size_t count, uint64_t v)
{
    *list = realloc(*list, (count + 1) * sizeof **list);
    (*list)[count] = v;
}

int test_record_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    recording *r = userdata;
    r->sample_rate = rate;
    for (size_t i = 0; i < count; i++)
        if (samples[i] > 500 || samples[i] < -500)
            r->loud_samples++;
    r->samples += count;
    return NARRATE_CONTINUE;
}

static uint64_t last_sample(const recording *r)
{
    uint64_t s = 0;
    if (r->nsentences)
        s = r->sentence_samples[r->nsentences - 1];
    if (r->nwords && r->word_samples[r->nwords - 1] > s)
        s = r->word_samples[r->nwords - 1];
    return s;
}

int test_record_event(void *userdata, const narrate_event *ev)
{
    recording *r = userdata;
    if (ev->sample < last_sample(r) || ev->sample > r->samples + 1024)
        r->order_errors++;
    switch (ev->type) {
    case NARRATE_EVENT_SENTENCE:
        push_string(&r->sentences, r->nsentences, ev->text, strlen(ev->text));
        push_u64(&r->sentence_offsets, r->nsentences, ev->offset);
        push_u64(&r->sentence_samples, r->nsentences++, ev->sample);
        break;
    case NARRATE_EVENT_WORD:
        if (r->source)
            push_string(&r->words, r->nwords, r->source + ev->offset, ev->length);
        else
            push_string(&r->words, r->nwords, ev->text, strlen(ev->text));
        push_u64(&r->word_offsets, r->nwords, ev->offset);
        push_u64(&r->word_samples, r->nwords++, ev->sample);
        break;
    case NARRATE_EVENT_WARNING: r->warnings++; break;
    case NARRATE_EVENT_END: r->ends++; break;
    case NARRATE_EVENT_HEADING: r->headings++; break;
    case NARRATE_EVENT_MARK: r->marks++; break;
    }
    return NARRATE_CONTINUE;
}

void test_recording_free(recording *r)
{
    for (size_t i = 0; i < r->nsentences; i++)
        free(r->sentences[i]);
    for (size_t i = 0; i < r->nwords; i++)
        free(r->words[i]);
    free(r->sentences);
    free(r->sentence_offsets);
    free(r->sentence_samples);
    free(r->words);
    free(r->word_samples);
    free(r->word_offsets);
    memset(r, 0, sizeof *r);
}

void test_config(narrate_config *c, recording *r, int workers)
{
    narrate_config_init(c);
    c->worker_path = test_worker_path();
    c->workers = workers;
    c->on_audio = test_record_audio;
    c->on_event = test_record_event;
    c->userdata = r;
}
