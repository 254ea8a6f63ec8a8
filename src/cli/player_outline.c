#include "player_outline.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void outline_init(struct outline *o)
{
    memset(o, 0, sizeof *o);
}

void outline_free(struct outline *o)
{
    for (size_t i = 0; i < o->count; i++)
        free(o->sentences[i].spoken);
    for (size_t i = 0; i < o->nheadings; i++)
        free(o->headings[i]);
    free(o->sentences);
    free(o->headings);
    outline_init(o);
}

static int grow(void **items, size_t *capacity, size_t count, size_t size)
{
    if (count < *capacity)
        return 0;
    size_t cap = *capacity ? *capacity * 2 : 64;
    void *p = realloc(*items, cap * size);
    if (!p)
        return -1;
    *items = p;
    *capacity = cap;
    return 0;
}

/* Whether the source between two sentences ends a paragraph: a blank line, or
 * an HTML block tag. */
static int breaks_paragraph(const char *gap, size_t len)
{
    static const char *const tags[] = {"<p", "<h", "<li", "<br", "<blockquote", "<div"};
    for (size_t i = 0; i + 1 < len; i++) {
        if (gap[i] == '\n' && (gap[i + 1] == '\n' || (gap[i + 1] == '\r' && i + 2 < len &&
                                                      gap[i + 2] == '\n')))
            return 1;
        for (size_t t = 0; gap[i] == '<' && t < sizeof tags / sizeof tags[0]; t++)
            if (len - i >= strlen(tags[t]) && strncasecmp(gap + i, tags[t], strlen(tags[t])) == 0)
                return 1;
    }
    return 0;
}

static int add_heading(struct outline *o, const char *spoken)
{
    if (grow((void **)&o->headings, &o->heading_capacity, o->nheadings, sizeof *o->headings))
        return -1;
    if (!(o->headings[o->nheadings] = strdup(spoken)))
        return -1;
    o->nheadings++;
    o->heading_pending = 1;
    return 0;
}

static int add_sentence(struct outline *o, const narrate_event *ev, const char *text, size_t len)
{
    if (grow((void **)&o->sentences, &o->capacity, o->count, sizeof *o->sentences))
        return -1;
    struct outline_sentence *s = &o->sentences[o->count];
    const struct outline_sentence *prev = o->count ? s - 1 : NULL;
    uint64_t gap_start = prev ? prev->offset + prev->length : 0;
    if (!(s->spoken = strdup(ev->text)))
        return -1;
    s->offset = ev->offset;
    s->length = ev->length;
    s->heading = (long)o->nheadings - 1;
    s->paragraph_start = !prev || o->heading_pending ||
                         (gap_start <= ev->offset && ev->offset <= len &&
                          breaks_paragraph(text + gap_start, (size_t)(ev->offset - gap_start)));
    o->heading_pending = 0;
    o->spoken_bytes += strlen(ev->text);
    o->count++;
    return 0;
}

int outline_add(struct outline *o, const narrate_event *ev, const char *text, size_t len)
{
    if (ev->type == NARRATE_EVENT_HEADING)
        return add_heading(o, ev->text);
    if (ev->type == NARRATE_EVENT_SENTENCE)
        return add_sentence(o, ev, text, len);
    return 0;
}

struct build_ctx {
    struct outline *o;
    const char *text;
    size_t len;
    int failed;
};

static int on_outline_event(void *userdata, const narrate_event *ev)
{
    struct build_ctx *c = userdata;
    if (outline_add(c->o, ev, c->text, c->len) != 0) {
        c->failed = 1;
        return NARRATE_STOP;
    }
    return NARRATE_CONTINUE;
}

narrate_error outline_build(struct outline *o, const char *text, size_t len,
                            narrate_input_format format, const char *worker_path,
                            char *errmsg, size_t errmsg_size)
{
    struct build_ctx c = {o, text, len, 0};
    narrate_config config;
    narrate *n;
    narrate_config_init(&config);
    config.synthesize = 0;
    config.input_format = format;
    config.worker_path = worker_path;
    config.on_event = on_outline_event;
    config.userdata = &c;
    narrate_error err = narrate_new(&config, &n, errmsg, errmsg_size);
    if (err != NARRATE_OK)
        return err;
    err = narrate_feed(n, text, len);
    if (err == NARRATE_OK)
        err = narrate_finish(n);
    if (err != NARRATE_OK && errmsg && errmsg_size)
        snprintf(errmsg, errmsg_size, "%s", c.failed ? "out of memory" : narrate_errmsg(n));
    narrate_free(n);
    return c.failed ? NARRATE_ENOMEM : err;
}

size_t outline_next_paragraph(const struct outline *o, size_t k)
{
    for (size_t i = k + 1; i < o->count; i++)
        if (o->sentences[i].paragraph_start)
            return i;
    return k;
}

size_t outline_prev_paragraph(const struct outline *o, size_t k)
{
    size_t start = k < o->count ? k : 0;
    while (start > 0 && !o->sentences[start].paragraph_start)
        start--;
    if (start > 0 && start == k) {
        start--;
        while (start > 0 && !o->sentences[start].paragraph_start)
            start--;
    }
    return start;
}

static int contains_folded(const char *hay, size_t len, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; m > 0 && i + m <= len; i++) {
        size_t j = 0;
        while (j < m && tolower((unsigned char)hay[i + j]) == tolower((unsigned char)needle[j]))
            j++;
        if (j == m)
            return 1;
    }
    return 0;
}

long outline_find(const struct outline *o, const char *text, const char *needle)
{
    for (size_t i = 0; i < o->count; i++) {
        const struct outline_sentence *s = &o->sentences[i];
        if (contains_folded(s->spoken, strlen(s->spoken), needle) ||
            (text && contains_folded(text + s->offset, (size_t)s->length, needle)))
            return (long)i;
    }
    return -1;
}
