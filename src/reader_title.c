/* A page title without its site name: "War: Live Updates – The Daily Times"
 * -> "War: Live Updates".  The suffix after the last " | " (or " :: ", " // ",
 * " · ") always goes; after
 * " – ", " — " or " - " only when it looks like a name (at most six words,
 * each capitalized or a short joining word, one of them with a letter), so
 * "Talks stall - but hope remains" and "Pages 12 - 13" keep their end. */
#include <ctype.h>
#include <string.h>

#include "reader_internal.h"

#define MAX_SITE_WORDS 6

static const char *const joining_words[] = {"of", "the", "and", "for", "on", "in", "&", "at", NULL};

static int is_joining_word(const char *w, size_t n)
{
    for (size_t i = 0; joining_words[i]; i++)
        if (strlen(joining_words[i]) == n && memcmp(joining_words[i], w, n) == 0)
            return 1;
    return 0;
}

static int has_letter(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)w[i]) || (unsigned char)w[i] >= 0x80)
            return 1;
    return 0;
}

static int looks_like_name(const char *s, size_t n)
{
    size_t words = 0, i = 0;
    int lettered = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == start)
            break;
        unsigned char first = (unsigned char)s[start];
        if (!(isupper(first) || isdigit(first) || first >= 0x80 ||
              is_joining_word(s + start, i - start)))
            return 0;
        lettered |= has_letter(s + start, i - start);
        words++;
    }
    return lettered && words <= MAX_SITE_WORDS;
}

/* The last occurrence of sep in s[0..n), or NULL. */
static const char *last_separator(const char *s, size_t n, const char *sep)
{
    size_t sl = strlen(sep);
    for (size_t i = n; i-- > 0;)
        if (n - i >= sl && memcmp(s + i, sep, sl) == 0)
            return s + i;
    return NULL;
}

size_t title_without_site(const char *s, size_t n)
{
    static const char *const dashes[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", NULL};
    static const char *const bars[] = {" | ", " :: ", " // ", " \xC2\xB7 ", NULL};
    for (size_t i = 0; bars[i]; i++) {
        const char *bar = last_separator(s, n, bars[i]);
        if (bar && bar > s)
            return (size_t)(bar - s);
    }
    for (size_t i = 0; dashes[i]; i++) {
        const char *dash = last_separator(s, n, dashes[i]);
        size_t sl = strlen(dashes[i]);
        if (dash && dash > s && looks_like_name(dash + sl, n - (size_t)(dash - s) - sl))
            return (size_t)(dash - s);
    }
    return n;
}
