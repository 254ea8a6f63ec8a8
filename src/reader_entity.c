/* Character references ("&amp;", "&#8217;", "&#x2014;") as Markdown passes them
 * through; names are HTML's, looked up in libxml2's table. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "norm_unicode.h"
#include "reader_entity.h"

/* Encodes cp, with NUL, surrogates and values past U+10FFFF as U+FFFD. */
static size_t encode_scalar(uint32_t cp, char *out)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    return utf8_encode(cp, out);
}

static uint32_t numeric_value(const char *digits, size_t n)
{
    int hex = n > 0 && (digits[0] == 'x' || digits[0] == 'X');
    uint32_t cp = 0;
    for (size_t i = hex; i < n; i++) {
        char c = digits[i];
        uint32_t d = c >= '0' && c <= '9' ? (uint32_t)(c - '0')
                   : hex && c >= 'a' && c <= 'f' ? (uint32_t)(c - 'a' + 10)
                   : hex && c >= 'A' && c <= 'F' ? (uint32_t)(c - 'A' + 10) : 99;
        if (d == 99 || cp > 0x10FFFF)
            return 0xFFFD;
        cp = cp * (hex ? 16 : 10) + d;
    }
    return cp;
}

size_t entity_decode(const char *s, size_t n, char *out)
{
    if (n < 3 || s[0] != '&' || s[n - 1] != ';')
        return 0;
    if (s[1] == '#')
        return encode_scalar(numeric_value(s + 2, n - 3), out);
    char name[40];
    if (n - 2 >= sizeof name)
        return 0;
    memcpy(name, s + 1, n - 2);
    name[n - 2] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    return e ? encode_scalar(e->value, out) : 0;
}
