#include "sanitize.h"

#include <stdbool.h>
#include <string.h>

#include "norm_unicode.h"

typedef struct writer {
    char *out;
    uint32_t *origin;
    size_t len;
    size_t word_bytes; /* bytes since the last space */
} writer;

static void put_byte(writer *w, char c, size_t from)
{
    if (w->origin)
        w->origin[w->len] = (uint32_t)from;
    w->out[w->len++] = c;
    w->word_bytes = c == ' ' ? 0 : w->word_bytes + 1;
}

/* Writes one character of `bytes` bytes, cutting the word first if it would grow
 * past `max_word`. */
static void put_char(writer *w, const char *s, size_t bytes, size_t from, size_t max_word)
{
    if (s[0] != ' ' && w->word_bytes + bytes > max_word)
        put_byte(w, ' ', from);
    for (size_t i = 0; i < bytes; i++)
        put_byte(w, s[i], from + i);
}

/* Decodes one character; an invalid byte counts as one U+FFFD. */
static size_t next_char(const char *in, size_t len, size_t i, uint32_t *cp)
{
    size_t n = utf8_decode((const unsigned char *)in + i, len - i, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        n = 1;
    }
    return n;
}

static bool is_unsafe_code_point(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFD ||
           cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || cp == '<' || cp == '>';
}

/* Turns every "." that is followed by a space and more text into ",", so that
 * no run like "a . a . a ." reaches the engine; the final period stays. */
static void defuse_inner_periods(char *s, size_t len)
{
    int text_follows = 0;
    for (size_t i = len; i-- > 0;) {
        if (s[i] == '.' && text_follows && i + 1 < len && s[i + 1] == ' ')
            s[i] = ',';
        if (s[i] != ' ' && s[i] != '"' && s[i] != '\'' && s[i] != ')' && s[i] != '.')
            text_follows = 1;
    }
}

size_t sanitize_for_engine(const char *in, size_t len, char *out, uint32_t *origin)
{
    writer w = {out, origin, 0, 0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = next_char(in, len, i, &cp);
        if (is_unsafe_code_point(cp))
            put_char(&w, " ", 1, i, SANITIZE_MAX_WORD_BYTES);
        else if (cp == '[' && i + 1 < len && in[i + 1] == '[')
            put_char(&w, "( ", 2, i, SANITIZE_MAX_WORD_BYTES);
        else
            put_char(&w, in + i, n, i, SANITIZE_MAX_WORD_BYTES);
        i += n;
    }
    defuse_inner_periods(out, w.len);
    out[w.len] = '\0';
    return w.len;
}

static bool is_plain_letter_or_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000);
}

size_t sanitize_simplified(const char *in, size_t len, char *out, uint32_t *origin)
{
    writer w = {out, origin, 0, 0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = next_char(in, len, i, &cp);
        if (is_plain_letter_or_digit(cp))
            put_char(&w, in + i, n, i, 12);
        else if (w.len > 0 && out[w.len - 1] != ' ')
            put_byte(&w, ' ', i);
        i += n;
    }
    out[w.len] = '\0';
    return w.len;
}
