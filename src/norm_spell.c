/* Letters read as letters, and spell mode: a sentence read character by
 * character, each by its name (letters, digits, symbols.tsv, greek.tsv), with a
 * short pause between characters. */
#include <string.h>

#include "norm_numbers.h"
#include "norm_rules.h"

/* What NARRATE_CAPS_WORD says before a capital letter. */
#define CAPITAL_WORD "capital"

static int is_ascii_upper(char ch) { return ch >= 'A' && ch <= 'Z'; }
static int is_ascii_letter(char ch) { return is_ascii_upper(ch) || (ch >= 'a' && ch <= 'z'); }

void tmp_letter(nctx *c, char letter)
{
    int capital = is_ascii_upper(letter);
    if (capital && c->reading.capitals == NARRATE_CAPS_WORD)
        tmp_words(c, CAPITAL_WORD);
    tmp_word(c, &letter, 1);
    c->flags |= NORM_WORD_LETTERS;
    if (capital && c->reading.capitals == NARRATE_CAPS_PITCH)
        c->flags |= NORM_WORD_RAISED;
}

/* Emits c->tmp as the reading of folded bytes [off, off + len), then a pause. */
static void emit_spelled(nctx *c, size_t off, size_t len)
{
    emit_text_span(c, c->tmp.p ? c->tmp.p : "", c->tmp.len, off, len, 0);
    c->tmp.len = 0;
    emit_pause(c, ',');
}

static void tmp_symbol(nctx *c, const nsymbol *r)
{
    c->rule = r->where;
    tmp_word(c, r->name, r->name_len);
}

/* The name of the one folded character at off (len bytes, code point cp). */
static void spell_char(nctx *c, uint32_t cp, size_t off, size_t len)
{
    const char *p = c->t + off;
    const nsymbol *sym = nsymbols_find(&c->d->symbols, cp);
    const nrow *greek = len == 2 ? ntable_get(&c->d->greek, p, 2) : NULL;
    c->rule = "spell";
    if (len == 1 && is_ascii_letter(p[0]))
        tmp_letter(c, p[0]);
    else if (len == 1 && p[0] >= '0' && p[0] <= '9')
        num_digits(&c->tmp, p, 1);
    else if (sym)
        tmp_symbol(c, sym);
    else if (greek) {
        rule_row(c, greek);
        tmp_slice(c, greek->col[1]);
    } else
        tmp_word(c, p, len);
    emit_spelled(c, off, len);
}

/* The source character that folded bytes from `off` come from, when it is
 * one whole character that symbols.tsv names ("½", "“" before folding);
 * sets *group to the folded bytes it became. */
static const nsymbol *source_symbol(const nctx *c, const char *src, size_t off, size_t *group)
{
    size_t g = off + 1;
    while (g < c->tlen && c->map->start[g] == c->map->start[off])
        g++;
    *group = g - off;
    uint32_t from = c->map->start[off], to = c->map->end[off], cp;
    size_t n = utf8_decode((const unsigned char *)src + from, to - from, &cp);
    return n > 0 && n == to - from ? nsymbols_find(&c->d->symbols, cp) : NULL;
}

void norm_spell(nctx *c, const char *src)
{
    size_t off = 0;
    while (off < c->tlen && !c->oom) {
        size_t group;
        const nsymbol *sym = source_symbol(c, src, off, &group);
        if (sym) {
            tmp_symbol(c, sym);
            emit_spelled(c, off, group);
            off += group;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)c->t + off, c->tlen - off, &cp);
        if (n == 0)
            n = 1; /* the folded text is valid UTF-8; never loop */
        else
            spell_char(c, cp, off, n);
        off += n;
    }
}
