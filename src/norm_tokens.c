#include "norm_tokens.h"

#include <stdlib.h>

#include "norm_unicode.h"

/* Makes room for n tokens. */
static int reserve(ntoks *o, size_t n)
{
    if (n <= o->cap)
        return 1;
    ntok *v = realloc(o->v, n * sizeof *v);
    if (!v)
        return 0;
    o->v = v;
    o->cap = n;
    return 1;
}

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
    uint32_t cp = 0;
    *n = utf8_decode((const unsigned char *)t + i, len - i, &cp);
    if (*n == 0)
        *n = 1;
    return cp;
}

static int letter_at(const char *t, size_t len, size_t i)
{
    size_t n;
    return i < len && cp_is_letter(cp_at(t, len, i, &n));
}

static uint8_t word_case(size_t up, size_t low, int first_up)
{
    if (up == 0)
        return low ? CASE_LOWER : CASE_NONE;
    if (low == 0)
        return CASE_UPPER;
    if (first_up && up == 1)
        return CASE_TITLE;
    return CASE_MIXED;
}

/* The end of the word starting at i (its first character is a letter of n
 * bytes); sets tk->cased. */
static size_t scan_word(const char *t, size_t len, size_t i, size_t n, ntok *tk)
{
    int first_up = t[i] >= 'A' && t[i] <= 'Z';
    size_t up = first_up, low = !first_up, j = i + n;
    while (j < len) {
        unsigned char b = (unsigned char)t[j];
        if (b >= 'a' && b <= 'z') {
            low++;
            j++;
            continue;
        }
        if (b >= 'A' && b <= 'Z') {
            up++;
            j++;
            continue;
        }
        if (b == '\'' && letter_at(t, len, j + 1))
            j++;
        else if (b < 0x80 || !letter_at(t, len, j))
            break;
        b = (unsigned char)t[j];
        up += b >= 'A' && b <= 'Z';
        low += (b >= 'a' && b <= 'z') || b >= 0x80;
        cp_at(t, len, j, &n);
        j += n;
    }
    tk->cased = word_case(up, low, first_up);
    return j;
}

/* Length of the token starting at i and its kind. */
static size_t scan(const char *t, size_t len, size_t i, ntok *tk)
{
    size_t n = 1;
    uint32_t cp = (unsigned char)t[i];
    if (cp >= 0x80)
        cp = cp_at(t, len, i, &n);
    size_t j = i + n;
    tk->cp = cp;
    tk->cased = CASE_NONE;
    if (cp == ' ') {
        tk->kind = TK_SPACE;
        while (j < len && t[j] == ' ')
            j++;
    } else if (cp >= '0' && cp <= '9') {
        tk->kind = TK_NUM;
        while (j < len && t[j] >= '0' && t[j] <= '9')
            j++;
    } else if (cp_is_letter(cp)) {
        tk->kind = TK_WORD;
        j = scan_word(t, len, i, n, tk);
    } else {
        tk->kind = TK_PUNCT;
    }
    return j - i;
}

int norm_tokenize(const char *t, size_t len, ntoks *out)
{
    out->n = 0;
    if (!reserve(out, len + 1)) /* a token takes at least one byte */
        return 0;
    for (size_t i = 0; i < len;) {
        ntok *tk = &out->v[out->n++];
        tk->quoted = 0;
        size_t n = scan(t, len, i, tk);
        tk->off = (uint32_t)i;
        tk->len = (uint32_t)n;
        i += n;
    }
    return 1;
}

void ntoks_free(ntoks *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}
