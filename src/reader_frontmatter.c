/* YAML front matter of a Markdown post: a leading "---" line, "key: value"
 * lines, and a closing "---" or "..." line.  Only title, author and date are
 * read (flat, one-line values); the block is never spoken. */
#include <string.h>

#include "reader_frontmatter.h"

/* The line starting at s[at] (without its newline) and where the next begins. */
static size_t line_end(const char *s, size_t n, size_t at, size_t *next)
{
    const char *nl = memchr(s + at, '\n', n - at);
    size_t end = nl ? (size_t)(nl - s) : n;
    *next = nl ? end + 1 : n;
    if (end > at && s[end - 1] == '\r')
        end--;
    return end;
}

static int line_is(const char *s, size_t at, size_t end, const char *word)
{
    size_t wl = strlen(word);
    while (end > at + wl && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    return end - at == wl && memcmp(s + at, word, wl) == 0;
}

/* Records the value of "key: value" on s[at..end) when key is one we read. */
static void read_field(const char *s, size_t at, size_t end, front_matter *fm)
{
    static const char *const keys[] = {"title", "author", "date", NULL};
    const char *colon = memchr(s + at, ':', end - at);
    if (!colon)
        return;
    size_t key_len = (size_t)(colon - (s + at)), v = (size_t)(colon - s) + 1;
    while (v < end && (s[v] == ' ' || s[v] == '\t'))
        v++;
    size_t ve = end;
    while (ve > v && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
        ve--;
    if (ve - v >= 2 && (s[v] == '"' || s[v] == '\'') && s[ve - 1] == s[v]) {
        v++;
        ve--;
    }
    for (int k = 0; keys[k]; k++)
        if (strlen(keys[k]) == key_len && memcmp(s + at, keys[k], key_len) == 0 && ve > v) {
            fm->field[k].at = v;
            fm->field[k].len = ve - v;
        }
}

void front_matter_read(const char *s, size_t n, front_matter *fm)
{
    memset(fm, 0, sizeof *fm);
    size_t at = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, next;
    size_t end = line_end(s, n, at, &next);
    if (!line_is(s, at, end, "---") || next >= n)
        return;
    front_matter found;
    memset(&found, 0, sizeof found);
    for (at = next; at < n; at = next) {
        end = line_end(s, n, at, &next);
        if (line_is(s, at, end, "---") || line_is(s, at, end, "...")) {
            found.body_start = next;
            *fm = found;
            return;
        }
        read_field(s, at, end, &found);
    }
}
