#include "norm_tokens.h"

#include <stdlib.h>

#include "norm_unicode.h"

static int push(ntoks *o, ntok t)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        ntok *v = realloc(o->v, cap * sizeof *v);
        if (!v)
            return 0;
        o->v = v;
        o->cap = cap;
    }
    o->v[o->n++] = t;
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

static uint8_t word_case(const char *t, size_t len)
{
    size_t up = 0, low = 0;
    int first_up = t[0] >= 'A' && t[0] <= 'Z';
    for (size_t i = 0; i < len; i++) {
        up += t[i] >= 'A' && t[i] <= 'Z';
        low += (t[i] >= 'a' && t[i] <= 'z') || (unsigned char)t[i] >= 0x80;
    }
    if (up == 0)
        return low ? CASE_LOWER : CASE_NONE;
    if (low == 0)
        return CASE_UPPER;
    if (first_up && up == 1)
        return CASE_TITLE;
    return CASE_MIXED;
}

/* Length of the token starting at i and its kind. */
static size_t scan(const char *t, size_t len, size_t i, ntok *tk)
{
    size_t n;
    uint32_t cp = cp_at(t, len, i, &n);
    size_t j = i + n;
    tk->cp = cp;
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
        while (j < len) {
            if (t[j] == '\'' && letter_at(t, len, j + 1))
                j++;
            else if (!letter_at(t, len, j))
                break;
            cp_at(t, len, j, &n);
            j += n;
        }
    } else {
        tk->kind = TK_PUNCT;
    }
    return j - i;
}

int norm_tokenize(const char *t, size_t len, ntoks *out)
{
    out->n = 0;
    for (size_t i = 0; i < len;) {
        ntok tk = {0};
        size_t n = scan(t, len, i, &tk);
        tk.off = (uint32_t)i;
        tk.len = (uint32_t)n;
        tk.cased = tk.kind == TK_WORD ? word_case(t + i, n) : CASE_NONE;
        if (!push(out, tk))
            return 0;
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
