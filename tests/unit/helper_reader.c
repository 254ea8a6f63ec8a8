#include "helper_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct collector {
    const char *doc;
    size_t doc_len;
    int exact_words;
    reader_run *run;
    char *buf;
    size_t len, cap;
} collector;

static void add(collector *c, const char *s, size_t n)
{
    if (c->len + n + 1 > c->cap) {
        size_t cap = c->cap ? c->cap : 1024;
        while (cap < c->len + n + 1)
            cap *= 2;
        c->buf = realloc(c->buf, cap);
        c->cap = cap;
    }
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    c->buf[c->len] = '\0';
}

static const char *label(const reader_block *b, char *tmp, size_t size)
{
    switch (b->type) {
    case BLOCK_TITLE: return "title";
    case BLOCK_HEADING: snprintf(tmp, size, "h%d", b->level); return tmp;
    case BLOCK_PARAGRAPH: return "p";
    case BLOCK_QUOTE: return b->level > 1 ? (snprintf(tmp, size, "quote%d", b->level), tmp) : "quote";
    case BLOCK_LIST_ITEM: return b->level > 1 ? (snprintf(tmp, size, "li%d", b->level), tmp) : "li";
    case BLOCK_TABLE_ROW: return "row";
    case BLOCK_NOTE: return "note";
    }
    return "?";
}

static void note_error(reader_run *run, int *counter, const char *what, const reader_block *b,
                       size_t i)
{
    if ((*counter)++ == 0 && run->map_errors + run->word_errors == 1)
        snprintf(run->first_error, sizeof run->first_error, "%s at byte %zu of \"%.60s\"", what,
                 i, b->text);
}

static void check_map(collector *c, const reader_block *b)
{
    reader_run *run = c->run;
    int bad = 0;
    for (size_t i = 0; i < b->len && !bad; i++)
        if (b->source[i] > b->source[i + 1] || b->source[i] >= c->doc_len)
            bad = 1, run->map_errors++, note_error(run, &bad, "source map", b, i);
    if (!bad && b->source[b->len] > c->doc_len)
        run->map_errors++, note_error(run, &bad, "end offset", b, b->len);
    if ((unsigned char)b->text[b->len] != 0 || strlen(b->text) != b->len)
        run->map_errors++, note_error(run, &bad, "length", b, 0);
    for (size_t i = 0; i < b->len; i++)
        if ((unsigned char)b->text[i] < 0x20 || b->text[i] == 0x7F)
            run->map_errors++, note_error(run, &bad, "control character", b, i);
}

static void check_words(collector *c, const reader_block *b)
{
    if (!c->exact_words || b->type == BLOCK_NOTE || b->type == BLOCK_TABLE_ROW)
        return;
    int bad = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (b->text[i] == ' ' || (i > 0 && b->text[i - 1] != ' '))
            continue;
        char at = c->doc[b->source[i]];
        int both_beyond_ascii = (at & 0x80) && (b->text[i] & 0x80); /* a transcoded page */
        if (at != b->text[i] && at != '&' && !both_beyond_ascii)
            c->run->word_errors++, note_error(c->run, &bad, "word map", b, i);
    }
}

static int collect(void *userdata, const reader_block *b)
{
    collector *c = userdata;
    char tmp[16];
    const char *l = label(b, tmp, sizeof tmp);
    add(c, l, strlen(l));
    add(c, ": ", 2);
    add(c, b->text, b->len);
    add(c, "\n", 1);
    c->run->blocks++;
    check_map(c, b);
    check_words(c, b);
    return 0;
}

static char *copy(const char *s)
{
    return s ? strdup(s) : NULL;
}

void reader_run_doc(reader_format fmt, const reader_options *opts, const char *doc, size_t len,
                    feed_plan plan, int exact_words, reader_run *out)
{
    memset(out, 0, sizeof *out);
    collector c = {doc, len, exact_words, out, NULL, 0, 0};
    add(&c, "", 0);
    reader *r;
    out->err = reader_new(fmt, opts, &r);
    if (out->err)
        return;
    unsigned seed = plan.seed;
    for (size_t at = 0; at < len && !out->err;) {
        size_t n = len - at;
        if (plan.max_chunk) {
            seed = seed * 1103515245u + 12345u;
            size_t want = 1 + (seed >> 8) % plan.max_chunk;
            n = want < n ? want : n;
        }
        out->err = reader_feed(r, doc + at, n, collect, &c);
        at += n;
    }
    if (!out->err)
        out->err = reader_finish(r, collect, &c, out->errmsg, sizeof out->errmsg);
    const reader_meta *m = reader_metadata(r);
    out->title = copy(m->title);
    out->byline = copy(m->byline);
    out->date = copy(m->date);
    reader_free(r);
    out->rendered = c.buf;
}

void reader_run_free(reader_run *run)
{
    free(run->rendered);
    free(run->title);
    free(run->byline);
    free(run->date);
}

int reader_golden_matches(const char *path, const char *rendered)
{
    const char *update = getenv("READER_GOLDEN_UPDATE");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(path, "wb");
        if (!f)
            return 0;
        fputs(rendered, f);
        return fclose(f) == 0;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "missing golden file %s\n", path);
        return 0;
    }
    char *want = malloc(1 << 20);
    size_t n = fread(want, 1, (1 << 20) - 1, f);
    fclose(f);
    want[n] = '\0';
    int same = strcmp(want, rendered) == 0;
    if (!same)
        fprintf(stderr, "%s differs; got:\n%s", path, rendered);
    free(want);
    return same;
}

static int run_is_sound(const reader_run *run, char *why, size_t why_size)
{
    if (run->err)
        snprintf(why, why_size, "error %d: %s", run->err, run->errmsg);
    else if (run->map_errors || run->word_errors)
        snprintf(why, why_size, "%s", run->first_error);
    return !run->err && !run->map_errors && !run->word_errors;
}

int reader_page_matches(reader_format fmt, const reader_options *opts, const char *page,
                        const char *golden, int exact_words, char *why, size_t why_size)
{
    FILE *f = fopen(page, "rb");
    if (!f)
        return snprintf(why, why_size, "cannot open %s", page), 0;
    static char doc[1 << 20];
    size_t len = fread(doc, 1, sizeof doc, f);
    fclose(f);
    reader_run whole;
    feed_plan one_call = {0, 0};
    reader_run_doc(fmt, opts, doc, len, one_call, exact_words, &whole);
    int ok = run_is_sound(&whole, why, why_size);
    if (ok && !reader_golden_matches(golden, whole.rendered))
        ok = 0, snprintf(why, why_size, "%s differs from %s", page, golden);
    for (unsigned seed = 1; ok && seed < 10; seed++) {
        reader_run chunked;
        feed_plan plan = {seed * 5, seed};
        reader_run_doc(fmt, opts, doc, len, plan, exact_words, &chunked);
        ok = run_is_sound(&chunked, why, why_size);
        if (ok && strcmp(chunked.rendered, whole.rendered) != 0)
            ok = 0, snprintf(why, why_size, "chunks of up to %u bytes read differently", seed * 5);
        reader_run_free(&chunked);
    }
    reader_run_free(&whole);
    return ok;
}

double reader_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
