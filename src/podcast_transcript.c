#include "podcast_transcript.h"
#include "podcast_buf.h"

#include <string.h>

static uint64_t ms_of(uint64_t sample, int rate)
{
    return (sample * 1000 + (uint64_t)rate / 2) / (uint64_t)rate;
}

static void put_clock(struct pbuf *b, uint64_t ms, char sep)
{
    pbuf_printf(b, "%02llu:%02llu:%02llu%c%03llu", (unsigned long long)(ms / 3600000),
                (unsigned long long)(ms / 60000 % 60), (unsigned long long)(ms / 1000 % 60),
                sep, (unsigned long long)(ms % 1000));
}

static void put_seconds(struct pbuf *b, uint64_t sample, int rate)
{
    uint64_t ms = ms_of(sample, rate);
    pbuf_printf(b, "%llu.%03llu", (unsigned long long)(ms / 1000),
                (unsigned long long)(ms % 1000));
}

/* Cue text on one line: line breaks would end the cue early. */
static void put_cue_text(struct pbuf *b, const char *s, int escape)
{
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r')
            pbuf_put(b, " ", 1);
        else if (escape && *s == '&')
            pbuf_puts(b, "&amp;");
        else if (escape && *s == '<')
            pbuf_puts(b, "&lt;");
        else if (escape && *s == '>')
            pbuf_puts(b, "&gt;");
        else
            pbuf_put(b, s, 1);
    }
}

static void put_timing(struct pbuf *b, const struct transcript_span *c, int rate, char sep)
{
    uint64_t start = ms_of(c->start, rate), end = ms_of(c->end, rate);
    put_clock(b, start, sep);
    pbuf_puts(b, " --> ");
    put_clock(b, end > start ? end : start + 1, sep);
    pbuf_puts(b, "\n");
}

char *transcript_vtt(const struct transcript_span *cues, size_t n, int rate)
{
    struct pbuf b = {0};
    pbuf_puts(&b, "WEBVTT\n");
    for (size_t i = 0; i < n; i++) {
        pbuf_puts(&b, "\n");
        put_timing(&b, &cues[i], rate, '.');
        put_cue_text(&b, cues[i].text, 1);
        pbuf_puts(&b, "\n");
    }
    return pbuf_text(&b);
}

char *transcript_srt(const struct transcript_span *cues, size_t n, int rate)
{
    struct pbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        pbuf_printf(&b, "%s%zu\n", i ? "\n" : "", i + 1);
        put_timing(&b, &cues[i], rate, ',');
        put_cue_text(&b, cues[i].text, 0);
        pbuf_puts(&b, "\n");
    }
    pbuf_put(&b, "", 0);
    return pbuf_text(&b);
}

char *transcript_marks(const struct transcript_span *words, size_t n, int rate)
{
    struct pbuf b = {0};
    pbuf_puts(&b, "{\"words\":[");
    for (size_t i = 0; i < n; i++) {
        pbuf_puts(&b, i ? ",\n{\"text\":" : "\n{\"text\":");
        pbuf_json(&b, words[i].text);
        pbuf_puts(&b, ",\"start\":");
        put_seconds(&b, words[i].start, rate);
        pbuf_puts(&b, ",\"end\":");
        put_seconds(&b, words[i].end, rate);
        pbuf_printf(&b, ",\"offset\":%llu,\"length\":%llu}", (unsigned long long)words[i].offset,
                    (unsigned long long)words[i].length);
    }
    pbuf_puts(&b, "\n]}\n");
    return pbuf_text(&b);
}

char *transcript_chapters(const struct transcript_span *chapters, size_t n, int rate)
{
    struct pbuf b = {0};
    pbuf_puts(&b, "{\"version\":\"1.2.0\",\"chapters\":[");
    for (size_t i = 0; i < n; i++) {
        pbuf_puts(&b, i ? ",\n{\"startTime\":" : "\n{\"startTime\":");
        put_seconds(&b, chapters[i].start, rate);
        pbuf_puts(&b, ",\"endTime\":");
        put_seconds(&b, chapters[i].end, rate);
        pbuf_puts(&b, ",\"title\":");
        pbuf_json(&b, chapters[i].text);
        pbuf_puts(&b, "}");
    }
    pbuf_puts(&b, "\n]}\n");
    return pbuf_text(&b);
}
