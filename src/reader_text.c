/* Plain text, streamed: paragraphs from blank lines, a headline at the top,
 * scraping furniture and photo credits dropped.  Memory stays bounded: a line
 * is held only while it is short enough to be a headline or furniture
 * (LINE_HOLD bytes); longer text flows straight into the paragraph, which is
 * emitted in READER_MAX_BLOCK_BYTES pieces. */
#include <stdlib.h>
#include <string.h>

#include "reader_internal.h"

#define LINE_HOLD 1024         /* longer lines are body text, never furniture */
#define TITLE_MAX_BYTES 200

struct text_state {
    char line[LINE_HOLD + 4];  /* the current line, or the incomplete UTF-8 tail of a long one */
    size_t line_len;
    uint64_t line_start;       /* document offset of line[0] */
    int long_line;             /* the line outgrew LINE_HOLD and flows into para */
    block_builder para;
    size_t para_lines;
    int title_decided;         /* the first paragraph has been judged */
    int in_link_list;          /* after "Related Coverage": headline lines are links */
};

narrate_error reader_text_state_new(text_state **out)
{
    text_state *t = calloc(1, sizeof *t);
    if (!t)
        return NARRATE_ENOMEM;
    bb_init(&t->para);
    *out = t;
    return NARRATE_OK;
}

void reader_text_state_free(text_state *t)
{
    if (!t)
        return;
    bb_free(&t->para);
    free(t);
}

static int ends_like_sentence(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n - 1] <= ' ' || s[n - 1] == '"' || s[n - 1] == '\''))
        n--;
    if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0) /* closing curly quote */
        n -= 3;
    return n > 0 && strchr(".!?:;,", s[n - 1]);
}

/* The first paragraph is the headline when it is one short line that does not
 * end like a sentence; its site-name suffix is dropped. */
static int take_title(reader *r, block_builder *p, size_t lines)
{
    if (lines != 1 || p->len > TITLE_MAX_BYTES || ends_like_sentence(p->text, p->len))
        return 0;
    bb_truncate(p, title_without_site(p->text, p->len));
    if (!reader_set_meta(&r->title, p->text, p->len))
        p->failed = 1;
    return 1;
}

static narrate_error end_paragraph(reader *r, block_sink *sink)
{
    text_state *t = r->text;
    block_type type = BLOCK_PARAGRAPH;
    if (!bb_is_empty(&t->para) && !t->title_decided) {
        t->title_decided = 1;
        if (take_title(r, &t->para, t->para_lines))
            type = BLOCK_TITLE;
    }
    t->para_lines = 0;
    return bb_emit(&t->para, type, 0, sink);
}

/* Adds a line's text to the paragraph, joined to the previous line by a space
 * at the newline before it. */
static void join_line(text_state *t, const char *s, size_t n, uint64_t at)
{
    if (t->para_lines++ > 0 && at > 0)
        bb_space(&t->para, at - 1);
    bb_text(&t->para, s, n, at);
}

static narrate_error emit_full_paragraph_pieces(reader *r, block_sink *sink)
{
    text_state *t = r->text;
    if (t->para.len <= READER_MAX_BLOCK_BYTES)
        return sink->err;
    t->title_decided = 1;
    return bb_emit_full(&t->para, BLOCK_PARAGRAPH, 0, sink);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\f\v", s[i]))
            return 0;
    return 1;
}

/* A complete line of at most LINE_HOLD bytes. */
static narrate_error short_line(reader *r, const char *s, size_t n, uint64_t at, block_sink *sink)
{
    text_state *t = r->text;
    if (is_blank(s, n)) {
        t->in_link_list = 0;
        return end_paragraph(r, sink);
    }
    line_verdict verdict = reader_hints_judge_line(&r->hints, s, n);
    if (verdict == LINE_TEXT && t->in_link_list && n <= TITLE_MAX_BYTES && !ends_like_sentence(s, n))
        return sink->err;
    t->in_link_list = verdict == LINE_LINK_LIST;
    if (verdict == LINE_TEXT) {
        join_line(t, s, n, at);
        return emit_full_paragraph_pieces(r, sink);
    }
    end_paragraph(r, sink);
    if (verdict == LINE_CREDIT && r->options.read_captions) {
        bb_text(&t->para, s, n, at);
        t->para_lines = 2; /* a credit is never the headline */
        return end_paragraph(r, sink);
    }
    return sink->err;
}

/* Length of line[0..n) without an incomplete UTF-8 sequence at its end. */
static size_t complete_prefix(const char *s, size_t n)
{
    size_t back = 0;
    while (back < 3 && back < n && ((unsigned char)s[n - 1 - back] & 0xC0) == 0x80)
        back++;
    if (back == n)
        return n;
    unsigned char lead = (unsigned char)s[n - 1 - back];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need > back + 1 ? n - 1 - back : n;
}

/* Moves the held part of a long line into the paragraph. */
static narrate_error spill_line(reader *r, int at_line_end, block_sink *sink)
{
    text_state *t = r->text;
    size_t n = at_line_end ? t->line_len : complete_prefix(t->line, t->line_len);
    if (!t->long_line) {
        join_line(t, t->line, n, t->line_start);
        t->long_line = 1;
    } else {
        bb_text(&t->para, t->line, n, t->line_start);
    }
    memmove(t->line, t->line + n, t->line_len - n);
    t->line_len -= n;
    t->line_start += n;
    return emit_full_paragraph_pieces(r, sink);
}

static narrate_error end_line(reader *r, block_sink *sink)
{
    text_state *t = r->text;
    narrate_error err;
    if (t->long_line)
        err = spill_line(r, 1, sink);
    else
        err = short_line(r, t->line, t->line_len, t->line_start, sink);
    t->long_line = 0;
    t->line_start += t->line_len;
    t->line_len = 0;
    return err;
}

narrate_error reader_text_feed(reader *r, const char *bytes, size_t len, block_sink *sink)
{
    text_state *t = r->text;
    size_t i = 0;
    while (i < len && !sink->err) {
        const char *nl = memchr(bytes + i, '\n', len - i);
        size_t take = nl ? (size_t)(nl - (bytes + i)) : len - i;
        while (take > 0 && !sink->err) {
            size_t room = LINE_HOLD - t->line_len;
            size_t n = take < room ? take : room;
            memcpy(t->line + t->line_len, bytes + i, n);
            t->line_len += n;
            i += n;
            take -= n;
            if (t->line_len >= LINE_HOLD)
                spill_line(r, 0, sink);
        }
        if (nl && !sink->err) {
            end_line(r, sink);
            t->line_start++; /* the newline */
            i++;
        }
    }
    return sink->err;
}

narrate_error reader_text_finish(reader *r, block_sink *sink)
{
    text_state *t = r->text;
    if (t->line_len > 0 || t->long_line)
        end_line(r, sink);
    end_paragraph(r, sink);
    return sink->err;
}
