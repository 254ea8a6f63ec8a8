/* Unicode folding.  The mapping is a short list of ranges, so it lives here as
 * code; anything not listed passes through unchanged. */
#include "norm_unicode.h"

#include <stdlib.h>
#include <string.h>

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || len > n || c > 0xF4)
        return 0;
    uint32_t v = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t utf8_encode(uint32_t cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int cp_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if (cp >= 0xC0 && cp < 0x2000)
        return 1;
    if (cp >= 0x3040 && cp < 0xFE00)
        return 1;
    return cp >= 0x10000;
}

static int is_invisible(uint32_t cp)
{
    return cp == 0xAD || cp == 0x34F || cp == 0x61C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F);
}

static int is_space(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* A vulgar fraction's "n/m", or NULL. */
static const char *vulgar(uint32_t cp)
{
    static const char *const latin1[] = {"1/4", "1/2", "3/4"};
    static const char *const forms[] = {"1/7", "1/9", "1/10", "1/3", "2/3", "1/5", "2/5",
                                        "3/5", "4/5", "1/6", "5/6", "1/8", "3/8", "5/8",
                                        "7/8"};
    if (cp >= 0xBC && cp <= 0xBE)
        return latin1[cp - 0xBC];
    if (cp >= 0x2150 && cp <= 0x215E)
        return forms[cp - 0x2150];
    return NULL;
}

/* The ASCII or canonical replacement of cp in r; returns its length, 0 for "drop
 * it" or SIZE_MAX for "keep cp as it is". */
static size_t fold_cp(uint32_t cp, char *r)
{
    static const char supers[] = "0i  456789";
    if (is_invisible(cp))
        return 0;
    if (is_space(cp))
        return r[0] = ' ', 1;
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return r[0] = (char)(cp - 0xFEE0), 1;
    if (cp == 0xB9)
        return r[0] = '1', 1;
    if (cp == 0xB2 || cp == 0xB3)
        return r[0] = (char)('0' + cp - 0xB0), 1;
    if (cp >= 0x2070 && cp <= 0x2079 && supers[cp - 0x2070] != ' ')
        return r[0] = supers[cp - 0x2070], 1;
    if (cp >= 0x2080 && cp <= 0x2089)
        return r[0] = (char)('0' + cp - 0x2080), 1;
    const char *v = vulgar(cp);
    if (v)
        return memcpy(r, v, strlen(v)), strlen(v);
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x02BC: case 0x02B9: case 0x0060: case 0x00B4:
        return r[0] = '\'', 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
        return r[0] = '"', 1;
    case 0x2010: case 0x2011: case 0x2212: case 0xFE63:
        return r[0] = '-', 1;
    case 0x2012: case 0x2013:
        return utf8_encode(0x2013, r);
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
        return utf8_encode(0x2014, r);
    case 0x2044: case 0x2215:
        return r[0] = '/', 1;
    case 0x02E2:
        return r[0] = 's', 1;
    case 0x1D57:
        return r[0] = 't', 1;
    case 0x207F:
        return r[0] = 'n', 1;
    case 0x1D48:
        return r[0] = 'd', 1;
    case 0x02B3:
        return r[0] = 'r', 1;
    case 0x02B0:
        return r[0] = 'h', 1;
    case 0xFB01:
        return memcpy(r, "fi", 2), 2;
    case 0xFB02:
        return memcpy(r, "fl", 2), 2;
    }
    return SIZE_MAX;
}

static int map_reserve(fold_map *m, size_t need)
{
    if (need <= m->cap)
        return 1;
    size_t cap = m->cap ? m->cap : 256;
    while (cap < need)
        cap *= 2;
    uint32_t *s = realloc(m->start, 2 * cap * sizeof *s); /* start and end in one block */
    if (!s)
        return 0;
    m->start = s;
    m->end = s + cap;
    m->cap = cap;
    return 1;
}

/* The most bytes one source character folds into, per source byte: a vulgar
 * fraction of two bytes becomes " 1/2". */
#define FOLD_GROWTH 2

/* Whether byte b is ASCII that folds to itself. */
static int plain_ascii(unsigned char b) { return b >= 0x20 && b < 0x7F && b != '`'; }

static size_t plain_ascii_run(const unsigned char *s, size_t n)
{
    size_t k = 0;
    while (k < n && plain_ascii(s[k]))
        k++;
    return k;
}
/* Copies n plain bytes that start at source offset at, each mapping to itself. */
static void copy_plain(const unsigned char *s, size_t n, uint32_t at, char *o, uint32_t *start,
                       uint32_t *end)
{
    memcpy(o, s, n);
    for (uint32_t j = 0; j < (uint32_t)n; j++) {
        start[j] = at + j;
        end[j] = at + j + 1;
    }
}
int norm_fold(const char *src, size_t len, nbuf *out, fold_map *map)
{
    const unsigned char *s = (const unsigned char *)src;
    out->len = 0;
    size_t room = FOLD_GROWTH * len + 16;
    if (!nbuf_reserve(out, room) || !map_reserve(map, room + 1))
        return 0;
    char *o = out->p;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        size_t run = plain_ascii_run(s + i, len - i);
        if (run) {
            copy_plain(s + i, run, (uint32_t)i, o + k, map->start + k, map->end + k);
            i += run;
            k += run;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        char r[8];
        size_t rn = fold_cp(cp, r);
        if (rn == SIZE_MAX)
            rn = utf8_encode(cp, r);
        if (vulgar(cp) && k && o[k - 1] >= '0' && o[k - 1] <= '9') {
            memmove(r + 1, r, rn);
            r[0] = ' ';
            rn++;
        }
        for (size_t j = 0; j < rn; j++) {
            map->start[k] = (uint32_t)i;
            map->end[k] = (uint32_t)(i + n);
            o[k++] = r[j];
        }
        i += n;
    }
    o[k] = '\0';
    out->len = k;
    map->start[k] = map->end[k] = (uint32_t)len;
    return 1;
}

void fold_map_free(fold_map *m)
{
    free(m->start);
    m->start = m->end = NULL;
    m->cap = 0;
}
