/* Loading and matching boilerplate.tsv (see pronunciations/README-boilerplate.md). */
#include "reader_hints.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"

#define SHORT_LINE_BYTES 160

static const char *const kind_names[HINT_KINDS] = {
    "line", "link-list", "prefix", "credit-prefix", "credit-contains",
    "noise-class", "caption-class", "byline-class", "date-class",
};

static int kind_of(const char *name, size_t n)
{
    for (int k = 0; k < HINT_KINDS; k++)
        if (strlen(kind_names[k]) == n && memcmp(kind_names[k], name, n) == 0)
            return k;
    return -1;
}

static void lowercase(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

/* Splits store into lines "kind<TAB>phrase"; fills words when not counting. */
static void scan(reader_hints *h, int fill)
{
    char *line = h->store;
    while (line && *line) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *tab = strchr(line, '\t');
        int kind = tab && line[0] != '#' ? kind_of(line, (size_t)(tab - line)) : -1;
        if (kind >= 0 && tab[1]) {
            char *cr = strchr(tab + 1, '\r');
            if (cr)
                *cr = '\0';
            lowercase(tab + 1);
            if (fill)
                h->words[kind][h->count[kind]] = tab + 1;
            h->count[kind]++;
        }
        if (next && !fill)
            next[-1] = '\n';
        line = next;
    }
}

int reader_hints_load(reader_hints *h)
{
    memset(h, 0, sizeof *h);
    const embedded_file *f = embedded_find("boilerplate.tsv");
    if (!f)
        return 1;
    h->store = malloc(f->size + 1);
    if (!h->store)
        return 0;
    memcpy(h->store, f->data, f->size);
    h->store[f->size] = '\0';
    scan(h, 0);
    for (int k = 0; k < HINT_KINDS; k++) {
        h->words[k] = calloc(h->count[k] + 1, sizeof *h->words[k]);
        if (!h->words[k]) {
            reader_hints_free(h);
            return 0;
        }
        h->count[k] = 0;
    }
    scan(h, 1);
    return 1;
}

void reader_hints_free(reader_hints *h)
{
    for (int k = 0; k < HINT_KINDS; k++)
        free(h->words[k]);
    free(h->store);
    memset(h, 0, sizeof *h);
}

/* Copies s[0..n) into out (SHORT_LINE_BYTES + 1 room) trimmed, whitespace
 * collapsed and ASCII lowercased; returns its length, or 0 when too long. */
static size_t line_key(const char *s, size_t n, char *out)
{
    size_t len = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ') {
            space = len > 0;
            continue;
        }
        if (c == 0xEF && n - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) {
            i += 2;
            continue;
        }
        if (len + space >= SHORT_LINE_BYTES)
            return 0;
        if (space)
            out[len++] = ' ';
        space = 0;
        out[len++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    out[len] = '\0';
    return len;
}

/* Sentence punctuation inside: ". ", "? ", "! " before the end. */
static int has_inner_sentence_end(const char *key, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if ((key[i] == '.' || key[i] == '?' || key[i] == '!') && key[i + 1] == ' ')
            return 1;
    return 0;
}

static int in_list(const reader_hints *h, hint_kind kind, const char *key, size_t len,
                   int how) /* 0 equal, 1 prefix, 2 contains */
{
    for (size_t i = 0; i < h->count[kind]; i++) {
        const char *w = h->words[kind][i];
        if (how != 2 && w[0] != key[0])
            continue;
        size_t wl = strlen(w);
        if ((how == 0 && wl == len && memcmp(w, key, len) == 0) ||
            (how == 1 && wl <= len && memcmp(w, key, wl) == 0) ||
            (how == 2 && strstr(key, w)))
            return 1;
    }
    return 0;
}

/* The printable ASCII bytes of s[0..n) other than spaces: each is kept in a
 * line key, so a line with more than SHORT_LINE_BYTES of them has none. */
static size_t ascii_ink(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x7F;
    return k;
}

line_verdict reader_hints_judge_line(const reader_hints *h, const char *s, size_t n)
{
    if (ascii_ink(s, n) > SHORT_LINE_BYTES)
        return LINE_TEXT;
    char key[SHORT_LINE_BYTES + 1];
    size_t len = line_key(s, n, key);
    if (len == 0 || has_inner_sentence_end(key, len))
        return LINE_TEXT;
    size_t bare = len;
    while (bare > 0 && strchr(".:!", key[bare - 1]))
        bare--;
    if (in_list(h, HINT_LINE, key, bare, 0))
        return LINE_FURNITURE;
    if (in_list(h, HINT_LINK_LIST, key, bare, 0))
        return LINE_LINK_LIST;
    if (bare < len && key[len - 1] != ':')
        return LINE_TEXT; /* ends like a sentence: prefixes and credits need not apply */
    if (in_list(h, HINT_PREFIX, key, len, 1))
        return LINE_FURNITURE;
    if (in_list(h, HINT_CREDIT_PREFIX, key, len, 1) || in_list(h, HINT_CREDIT_CONTAINS, key, len, 2))
        return LINE_CREDIT;
    return LINE_TEXT;
}

/* Splits attr into lowercase words joined by '-' in out (cap bytes). */
static void class_words(const char *attr, char *out, size_t cap)
{
    size_t len = 0;
    out[len++] = '-';
    for (const char *p = attr; *p && len + 3 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        int step = isupper(c) && p > attr && islower((unsigned char)p[-1]);
        if (c <= ' ' || c == '_' || c == '-' || step) {
            if (out[len - 1] != '-')
                out[len++] = '-';
            if (!step)
                continue;
        }
        out[len++] = (char)tolower(c);
    }
    if (out[len - 1] != '-')
        out[len++] = '-';
    out[len] = '\0';
}

int reader_hints_match_class(const reader_hints *h, hint_kind kind, const char *attr)
{
    if (!attr || !*attr)
        return 0;
    char words[512];
    class_words(attr, words, sizeof words);
    for (size_t i = 0; i < h->count[kind]; i++) {
        const char *w = h->words[kind][i];
        size_t wl = strlen(w);
        int prefix = wl > 0 && w[wl - 1] == '*';
        char pattern[128];
        if (wl + 3 > sizeof pattern)
            continue;
        pattern[0] = '-';
        memcpy(pattern + 1, w, wl - (size_t)prefix);
        size_t pl = 1 + wl - (size_t)prefix;
        if (!prefix)
            pattern[pl++] = '-';
        pattern[pl] = '\0';
        if (strstr(words, pattern))
            return 1;
    }
    return 0;
}
