#include "player_display.h"

#include <stdio.h>
#include <string.h>

#define ERASE_LINE "\033[K"

struct frame {
    char *out;
    size_t size, len;
    int width, lines, max_lines;
    int full; /* out of room: nothing more is added */
};

static int continuation(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

size_t display_columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += !continuation((unsigned char)s[i]);
    return n;
}

/* The byte length of the first `columns` code points of s[0..len). */
static size_t prefix_bytes(const char *s, size_t len, size_t columns)
{
    size_t i = 0, n = 0;
    while (i < len && (n < columns || continuation((unsigned char)s[i]))) {
        if (!continuation((unsigned char)s[i]))
            n++;
        if (n > columns)
            break;
        i++;
    }
    return i;
}

static void append(struct frame *f, const char *s, size_t len)
{
    if (f->full || f->len + len + 1 > f->size) {
        f->full = 1;
        return;
    }
    memcpy(f->out + f->len, s, len);
    f->len += len;
    f->out[f->len] = '\0';
}

/* Text from the article: control bytes (ESC among them) become spaces. */
static void append_clean(struct frame *f, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char b = c < 0x20 || c == 0x7f ? ' ' : (char)c;
        append(f, &b, 1);
    }
}

static void append_str(struct frame *f, const char *s)
{
    append(f, s, strlen(s));
}

/* Starts a new screen line; returns 0 when the screen is full. */
static int begin_line(struct frame *f)
{
    if (f->lines >= f->max_lines)
        return 0;
    if (f->lines > 0)
        append_str(f, ERASE_LINE "\r\n");
    f->lines++;
    return !f->full;
}

/* One line of plain text, cut to the width. */
static void line(struct frame *f, const char *text)
{
    if (!begin_line(f))
        return;
    size_t len = strlen(text);
    append_clean(f, text, prefix_bytes(text, len, (size_t)f->width));
}

static void clock_text(double s, char *buf, size_t size)
{
    long t = s > 0 && s < 3.6e6 ? (long)(s + 0.5) : 0;
    if (t >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

static void progress_line(struct frame *f, const struct display_state *st)
{
    char el[48], tot[48], times[100], bar[512];
    clock_text(st->elapsed, el, sizeof el);
    clock_text(st->total, tot, sizeof tot);
    snprintf(times, sizeof times, " %s / %s", el, tot);
    int room = f->width - (int)strlen(times) - 2;
    if (room > (int)sizeof bar - 1)
        room = (int)sizeof bar - 1;
    if (room < 4) {
        line(f, times + 1);
        return;
    }
    double frac = st->total > 0 ? st->elapsed / st->total : 0;
    int filled = (int)(frac * room + 0.5);
    filled = filled < 0 ? 0 : filled > room ? room : filled;
    char text[640];
    memset(bar, '#', (size_t)filled);
    memset(bar + filled, '-', (size_t)(room - filled));
    bar[room] = '\0';
    snprintf(text, sizeof text, "[%s]%s", bar, times);
    line(f, text);
}

/* A piece of the sentence; inside the current word it is in reverse video,
 * with "[" at the word's start and "]" at its end. */
static void run(struct frame *f, const char *s, size_t len, int word_start, int word_end,
                int inside)
{
    if (!inside) {
        append_clean(f, s, len);
        return;
    }
    append_str(f, word_start ? "\033[7m[" : "\033[7m");
    append_clean(f, s, len);
    append_str(f, word_end ? "]\033[27m" : "\033[27m");
}

/* One wrapped line of the sentence from `at`; the word span [w0, w1) is marked.
 * Returns where the next line starts. */
static size_t sentence_line(struct frame *f, const char *s, size_t len, size_t at, size_t w0,
                            size_t w1, int width)
{
    size_t cols = 0, end = at, last_space = 0;
    while (end < len) {
        size_t extra = (end == w0 || end == w1) && w1 > w0 ? 1 : 0;
        if (!continuation((unsigned char)s[end])) {
            if (cols + 1 + extra > (size_t)width)
                break;
            cols += 1 + extra;
        }
        if (s[end] == ' ')
            last_space = end;
        end++;
    }
    if (end < len && last_space > at)
        end = last_space + 1;
    if (end == at)
        end = at + prefix_bytes(s + at, len - at, 1);
    for (size_t i = at; i < end;) {
        int inside = i >= w0 && i < w1;
        size_t stop = inside ? (w1 < end ? w1 : end) : (i < w0 && w0 < end ? w0 : end);
        run(f, s + i, stop - i, i == w0, stop == w1, inside);
        i = stop;
    }
    return end;
}

static void sentence_lines(struct frame *f, const struct display_state *st, int max)
{
    const char *s = st->sentence ? st->sentence : "";
    size_t len = strlen(s);
    size_t w0 = st->word_offset, w1 = st->word_offset + st->word_length;
    if (w1 > len || w0 >= w1)
        w0 = w1 = (size_t)-1;
    size_t at = 0;
    for (int i = 0; i < max && at < len; i++) {
        if (!begin_line(f))
            return;
        at = sentence_line(f, s, len, at, w0, w1, f->width);
        while (at < len && s[at] == ' ')
            at++;
    }
}

/* At most max lines of key help, so that the status lines stay on screen. */
static void help_lines(struct frame *f, int max)
{
    static const char *const keys[] = {
        "space    pause / resume",        "left     previous sentence",
        "right    next sentence",         "up       previous paragraph or heading",
        "down     next paragraph or heading", "+ -      rate up / down 10%",
        "[ ]      voice preset back / forward", "r        repeat the sentence",
        "q        quit (the place is remembered)", "?        hide this help",
    };
    if (max-- > 0)
        line(f, "Keys:");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0] && max-- > 0; i++)
        line(f, keys[i]);
}

/* The state and the position, in the longest form that fits the width, so
 * that a narrow window still says whether it plays and where it is. */
static void status_line(struct frame *f, const struct display_state *st)
{
    char text[256];
    const char *state = st->finished ? "finished" : st->paused ? "|| PAUSED" : "> playing";
    const char *mark = st->finished ? "." : st->paused ? "||" : ">";
    const char *voice = st->voice ? st->voice : "";
    int n = snprintf(text, sizeof text, "%s  sentence %zu of %zu  %d wpm  %s  (? keys)", state,
                     st->index, st->count, st->rate, voice);
    if (n >= f->width)
        n = snprintf(text, sizeof text, "%s  sentence %zu of %zu  %d wpm", state, st->index,
                     st->count, st->rate);
    if (n >= f->width)
        n = snprintf(text, sizeof text, "%s  sentence %zu of %zu", state, st->index, st->count);
    if (n >= f->width)
        n = snprintf(text, sizeof text, "%s %zu/%zu", state, st->index, st->count);
    if (n >= f->width)
        snprintf(text, sizeof text, "%s %zu/%zu", mark, st->index, st->count);
    line(f, text);
}

/* Which parts fit the height.  A window of 8 lines or more shows them all,
 * spaced; a shorter one keeps, in this order, the status, one line of the
 * sentence, the progress, the title, the message and the heading. */
struct layout {
    int title, heading, spacing, sentence_lines, progress, message;
};

static struct layout layout_for(int height)
{
    struct layout l = {1, 1, 1, height - 8 > 1 ? height - 8 : 1, 1, 1};
    if (height >= 8)
        return l;
    int room = height - 1; /* the status line */
    l.spacing = 0;
    l.sentence_lines = room-- > 0;
    l.progress = room-- > 0;
    l.title = room-- > 0;
    l.message = room-- > 0;
    l.heading = room-- > 0;
    return l;
}

size_t display_render(const struct display_state *st, char *out, size_t size)
{
    struct frame f = {out, size, 0, st->width > 1 ? st->width - 1 : 1, 0,
                      st->height > 0 ? st->height : 1, 0};
    struct layout l = layout_for(f.max_lines);
    char text[512];
    if (size == 0)
        return 0;
    out[0] = '\0';
    append_str(&f, "\033[H");
    if (l.title) {
        snprintf(text, sizeof text, "narrate: %s", st->title ? st->title : "");
        line(&f, text);
    }
    if (l.heading) {
        snprintf(text, sizeof text, "section: %s", st->heading ? st->heading : "-");
        line(&f, text);
    }
    if (l.spacing)
        line(&f, "");
    if (st->help) {
        help_lines(&f, f.max_lines - (f.lines + l.spacing + l.progress + 1 + l.message));
    } else if (l.sentence_lines) {
        sentence_lines(&f, st, l.sentence_lines);
    }
    if (l.spacing)
        line(&f, "");
    if (l.progress)
        progress_line(&f, st);
    status_line(&f, st);
    if (l.message)
        line(&f, st->message ? st->message : "");
    append_str(&f, ERASE_LINE "\033[J");
    return f.len;
}
