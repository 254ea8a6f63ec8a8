/* Text helpers of the lexicon: key folding, UTF-8 checks, possessives, and
 * reading the tab-separated data tables. */
#include <string.h>

#include "lexicon_internal.h"

/* Bytes of the UTF-8 sequence at s (1..4), or 0 when it is malformed. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
               : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (len == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 0;
    if (len == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 0;
    return len;
}

int lex_utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_len(u + i, n - i);
        if (!len)
            return 0;
        i += len;
    }
    return 1;
}

int lex_utf8_clean(const char *s, size_t n)
{
    if (!lex_utf8_valid(s, n))
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        if (u[i] < 0x20 || u[i] == 0x7F || (u[i] == 0xC2 && u[i + 1] < 0xA0))
            return 0; /* C0, DEL, C1 */
    return 1;
}

/* Lowers A-Z, Latin-1 capitals (U+00C0..U+00DE but U+00D7) and Cyrillic
 * capitals (U+0400..U+042F); other characters pass unchanged. */
static size_t fold_char(const unsigned char *s, size_t n, unsigned char out[4])
{
    size_t len = utf8_len(s, n);
    if (!len) {
        out[0] = s[0];
        return 1;
    }
    memcpy(out, s, len);
    if (len == 1 && s[0] >= 'A' && s[0] <= 'Z') {
        out[0] = s[0] + 32;
    } else if (len == 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97) {
        out[1] = s[1] + 0x20;
    } else if (len == 2 && s[0] == 0xD0 && s[1] >= 0x90 && s[1] <= 0x9F) {
        out[1] = s[1] + 0x20; /* А..П -> а..п */
    } else if (len == 2 && s[0] == 0xD0 && s[1] >= 0xA0 && s[1] <= 0xAF) {
        out[0] = 0xD1;
        out[1] = s[1] - 0x20; /* Р..Я -> р..я */
    } else if (len == 2 && s[0] == 0xD0 && s[1] >= 0x80 && s[1] <= 0x8F) {
        out[0] = 0xD1;
        out[1] = s[1] + 0x10; /* Ѐ..Џ -> ѐ..џ */
    }
    return len;
}

size_t lex_fold(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c[4];
        size_t len = fold_char(u + i, n - i, c);
        if (o + len >= cap)
            return (size_t)-1;
        memcpy(out + o, c, len);
        o += len;
        i += len;
    }
    out[o] = '\0';
    return o;
}

size_t lex_possessive_len(const char *w, size_t n)
{
    if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] == '\'')
        return 2;
    if (n > 4 && (w[n - 1] == 's' || w[n - 1] == 'S') && memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

int lex_is_capitalized(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    if (u[0] >= 'A' && u[0] <= 'Z')
        return 1;
    if (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97)
        return 1;
    return u[0] == 0xD0 && u[1] >= 0x80 && u[1] <= 0xAF;
}

int lex_tsv_each(const char *data, size_t size, lex_tsv_row_fn row, void *ctx)
{
    char scratch[1024];
    unsigned line = 0;
    for (size_t pos = 0; pos < size;) {
        const char *start = data + pos;
        const char *nl = memchr(start, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - start) : size - pos;
        pos += len + 1;
        line++;
        if (len && start[len - 1] == '\r')
            len--;
        if (!len || start[0] == '#')
            continue;
        if (len >= sizeof scratch)
            return -1;
        memcpy(scratch, start, len);
        scratch[len] = '\0';
        char *fields[4];
        size_t nfields = 0;
        for (char *f = scratch; f && nfields < 4;) {
            fields[nfields++] = f;
            char *tab = strchr(f, '\t');
            if (tab)
                *tab++ = '\0';
            f = tab;
        }
        int rc = row(ctx, fields, nfields, line);
        if (rc)
            return rc;
    }
    return 0;
}
