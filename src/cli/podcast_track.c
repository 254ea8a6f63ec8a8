#include "podcast_track.h"
#include "options.h"
#include "podcast_date.h"
#include "podcast_file.h"
#include "podcast_transcript.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct spans {
    struct transcript_span *v;
    size_t n, cap;
    int open;                 /* the last span's end is not known yet */
};

struct podcast_track {
    podcast_cli pc;
    narrate *n;
    int rate;
    uint64_t base;            /* samples of the inputs before the current one */
    uint64_t samples;         /* all audio so far */
    struct spans sentences, words, chapters;
    char *doc_title, *doc_byline, *doc_date;
    int failed;               /* memory ran short: transcripts cannot be written */
    int chapter_warned;
};

podcast_track *podcast_track_new(const podcast_cli *pc)
{
    podcast_track *t = calloc(1, sizeof *t);
    if (t)
        t->pc = *pc;
    return t;
}

static void free_spans(struct spans *s)
{
    for (size_t i = 0; i < s->n; i++)
        free((char *)s->v[i].text);
    free(s->v);
}

void podcast_track_free(podcast_track *t)
{
    if (!t)
        return;
    free_spans(&t->sentences);
    free_spans(&t->words);
    free_spans(&t->chapters);
    free(t->doc_title);
    free(t->doc_byline);
    free(t->doc_date);
    free(t);
}

static int is_mp3(const char *path, narrate_format format)
{
    size_t n = strlen(path);
    return format == NARRATE_FORMAT_MP3 ||
           (format == NARRATE_FORMAT_AUTO && n > 4 && strcasecmp(path + n - 4, ".mp3") == 0);
}

narrate_error podcast_track_open(podcast_track *t, const char *path, narrate_format format,
                                 narrate_sink **sink, char *errmsg, size_t errmsg_size)
{
    if (!t) /* out of memory for the track: plain audio still works */
        return narrate_sink_open_file(path, format, sink, errmsg, errmsg_size);
    const podcast_cli *pc = &t->pc;
    int mp3 = strcmp(path, "-") != 0 && is_mp3(path, format);
    int normalize = pc->loudness_given ? pc->loudness != NARRATE_LOUDNESS_OFF : mp3;
    if (!mp3 && !normalize)
        return narrate_sink_open_file(path, format, sink, errmsg, errmsg_size);
    narrate_podcast_options o;
    narrate_podcast_options_init(&o);
    o.format = format;
    o.loudness = pc->loudness_given ? pc->loudness : o.loudness;
    o.bitrate = pc->bitrate ? pc->bitrate : o.bitrate;
    o.vbr_quality = pc->vbr_quality;
    o.album = pc->show;
    o.description = pc->description;
    o.cover = pc->cover;
    return narrate_sink_open_podcast(path, &o, sink, errmsg, errmsg_size);
}

void podcast_track_attach(podcast_track *t, narrate *n)
{
    if (t)
        t->n = n;
}

void podcast_track_audio(podcast_track *t, size_t count, int rate)
{
    if (!t)
        return;
    t->rate = rate;
    t->samples += count;
}

static void close_span(struct spans *s, uint64_t at)
{
    if (s->open && s->n > 0)
        s->v[s->n - 1].end = at > s->v[s->n - 1].start ? at : s->v[s->n - 1].start;
    s->open = 0;
}

static void add_span(podcast_track *t, struct spans *s, uint64_t at, const narrate_event *ev)
{
    close_span(s, at);
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        struct transcript_span *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            t->failed = 1;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    char *text = strdup(ev->text ? ev->text : "");
    if (!text) {
        t->failed = 1;
        return;
    }
    s->v[s->n++] = (struct transcript_span){at, at, ev->offset, ev->length, text};
    s->open = 1;
}

static char *dup_or_null(const char *s)
{
    return s && *s ? strdup(s) : NULL;
}

/* The article's own title, byline and date, from the first input. */
static void remember_document(podcast_track *t)
{
    narrate_document doc = {0};
    if (!t->n || t->doc_title || t->doc_byline || t->doc_date)
        return;
    narrate_document_info(t->n, &doc);
    t->doc_title = dup_or_null(doc.title);
    t->doc_byline = dup_or_null(doc.byline);
    t->doc_date = dup_or_null(doc.date);
}

static void add_chapter(podcast_track *t, narrate_sink *sink, uint64_t at, const narrate_event *ev)
{
    add_span(t, &t->chapters, at, ev);
    narrate_error err = narrate_sink_add_chapter(sink, at, ev->text);
    if (err == NARRATE_EINVAL && narrate_sink_errmsg(sink)[0] && !t->chapter_warned) {
        fprintf(stderr, "narrate: warning: %s; later headings are not chapters\n",
                narrate_sink_errmsg(sink));
        t->chapter_warned = 1;
    }
}

void podcast_track_event(podcast_track *t, narrate_sink *sink, const narrate_event *ev)
{
    if (!t)
        return;
    uint64_t at = t->base + ev->sample;
    switch (ev->type) {
    /* Sentences and words are kept only for the transcripts asked for, so that
     * plain narration keeps its memory flat however long the text. */
    case NARRATE_EVENT_SENTENCE:
        close_span(&t->words, at);
        if (t->pc.subtitles)
            add_span(t, &t->sentences, at, ev);
        break;
    case NARRATE_EVENT_WORD:
        if (t->pc.marks)
            add_span(t, &t->words, at, ev);
        break;
    case NARRATE_EVENT_HEADING: add_chapter(t, sink, at, ev); break;
    case NARRATE_EVENT_END:
        close_span(&t->words, at);
        close_span(&t->sentences, at);
        remember_document(t);
        t->base = at;
        break;
    default: break;
    }
}

void podcast_track_tag(podcast_track *t, narrate_sink *sink)
{
    if (!t)
        return;
    char date[32] = "";
    const char *given = t->pc.date ? t->pc.date : t->doc_date;
    if (given && podcast_iso_date(given, date, sizeof date) != 0 && t->pc.date)
        fprintf(stderr, "narrate: warning: --date '%s' is not a date; the tag is left out\n", given);
    narrate_podcast_options tags;
    narrate_podcast_options_init(&tags);
    tags.title = t->pc.title ? t->pc.title : t->doc_title;
    tags.artist = t->pc.author ? t->pc.author : t->doc_byline;
    tags.date = *date ? date : NULL;
    narrate_sink_set_tags(sink, &tags); /* EINVAL for plain file sinks: no tags there */
    close_span(&t->chapters, t->samples);
}

static int write_text(const char *path, char *text)
{
    int rc = text ? podcast_write_whole(path, text, strlen(text)) : ENOMEM;
    free(text);
    if (rc)
        fprintf(stderr, "narrate: cannot write %s: %s\n", path, strerror(rc));
    return rc ? EXIT_OUTPUT : 0;
}

static int is_srt(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcasecmp(path + n - 4, ".srt") == 0;
}

int podcast_track_write(podcast_track *t)
{
    int rc = 0, rate;
    if (!t)
        return 0;
    rate = t->rate ? t->rate : 22050;
    const struct spans *s = &t->sentences, *w = &t->words, *c = &t->chapters;
    if (t->failed && (t->pc.subtitles || t->pc.marks || t->pc.chapters)) {
        fputs("narrate: out of memory timing the transcripts\n", stderr);
        return EXIT_OUTPUT;
    }
    if (t->pc.subtitles)
        rc |= write_text(t->pc.subtitles, is_srt(t->pc.subtitles) ? transcript_srt(s->v, s->n, rate)
                                                                   : transcript_vtt(s->v, s->n, rate));
    if (t->pc.marks)
        rc |= write_text(t->pc.marks, transcript_marks(w->v, w->n, rate));
    if (t->pc.chapters)
        rc |= write_text(t->pc.chapters, transcript_chapters(c->v, c->n, rate));
    return rc ? EXIT_OUTPUT : 0;
}

double podcast_track_seconds(const podcast_track *t)
{
    return t && t->rate ? (double)t->samples / t->rate : 0;
}

const char *podcast_track_title(const podcast_track *t)
{
    const char *title = t->pc.title ? t->pc.title : t->doc_title;
    return title ? title : "";
}

void podcast_track_set_outputs(podcast_track *t, const char *subtitles, const char *marks,
                               const char *chapters)
{
    t->pc.subtitles = subtitles;
    t->pc.marks = marks;
    t->pc.chapters = chapters;
}
