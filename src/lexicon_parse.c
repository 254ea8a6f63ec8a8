/* Shared by the file parsers: turning one parsed entry into a lex_entry of the
 * file being loaded, with every check an entry must pass whatever its syntax. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lexicon_internal.h"

narrate_error lex_parse_error(lex_parse *p, unsigned line, narrate_error err, const char *fmt, ...)
{
    if (!p->errmsg || !p->errmsg_size)
        return err;
    int n = line ? snprintf(p->errmsg, p->errmsg_size, "%s:%u: ", p->name, line)
                 : snprintf(p->errmsg, p->errmsg_size, "%s: ", p->name);
    if (n >= 0 && (size_t)n < p->errmsg_size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->errmsg + n, p->errmsg_size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return err;
}

static int respelling_char_ok(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ' ' || c == '-' || c == '\'' || c == '.';
}

static narrate_error check_pronunciation(lex_parse *p, unsigned line, const char *phonemes,
                                         const char *respelling)
{
    const char *text = phonemes ? phonemes : respelling;
    size_t len = text ? strlen(text) : 0;
    if (!len)
        return lex_parse_error(p, line, NARRATE_EDATA, "empty pronunciation");
    if (len > LEX_MAX_PHONEMES)
        return lex_parse_error(p, line, NARRATE_EDATA, "pronunciation longer than %d bytes",
                               LEX_MAX_PHONEMES);
    if (!lex_utf8_clean(text, len))
        return lex_parse_error(p, line, NARRATE_EDATA, "invalid UTF-8 or control character");
    if (phonemes) {
        char bad[32];
        if (!lex_phonemes_valid(p->inv, phonemes, bad, sizeof bad))
            return lex_parse_error(p, line, NARRATE_EDATA, "unknown espeak-ng phoneme at '%s'", bad);
        return 0;
    }
    for (const char *c = respelling; *c; c++)
        if (!respelling_char_ok((unsigned char)*c))
            return lex_parse_error(p, line, NARRATE_EDATA,
                                   "respelling may hold only letters, digits, spaces, hyphens, "
                                   "apostrophes and periods, not '%c'", *c);
    return 0;
}

/* Joins the words with single spaces, folded or as written, into out. */
static int join_words(const char *const *words, size_t nwords, int fold, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < nwords; i++) {
        size_t n = strlen(words[i]);
        if (i) {
            if (o + 1 >= cap)
                return -1;
            out[o++] = ' ';
        }
        if (fold) {
            size_t f = lex_fold(words[i], n, out + o, cap - o);
            if (f == (size_t)-1)
                return -1;
            o += f;
        } else {
            if (o + n >= cap)
                return -1;
            memcpy(out + o, words[i], n);
            o += n;
        }
    }
    out[o] = '\0';
    return 0;
}

static narrate_error check_words(lex_parse *p, unsigned line, const char *const *words, size_t nwords)
{
    if (!nwords)
        return lex_parse_error(p, line, NARRATE_EDATA, "empty word or phrase");
    if (nwords > LEX_MAX_WORDS)
        return lex_parse_error(p, line, NARRATE_EDATA, "phrase longer than %d words", LEX_MAX_WORDS);
    for (size_t i = 0; i < nwords; i++)
        if (!lex_utf8_clean(words[i], strlen(words[i])))
            return lex_parse_error(p, line, NARRATE_EDATA, "invalid UTF-8 or control character");
    return 0;
}

static narrate_error check_duplicate(lex_parse *p, unsigned line, const lex_table *seen,
                                     const char *key, const char *written, unsigned flags)
{
    const lex_slot *slot = lex_table_find(seen, key, strlen(key));
    for (const lex_entry *e = slot ? slot->variants : NULL; e; e = e->next_variant)
        if (e->flags == flags && (!(flags & LEX_FLAG_CASE) || strcmp(e->written, written) == 0))
            return lex_parse_error(p, line, NARRATE_EDATA, "duplicate entry for '%s' (first at line %u)",
                                   written, e->line);
    return 0;
}

int lex_parse_seen(const lex_parse *p, const char *const *words, size_t nwords)
{
    char key[LEX_MAX_KEY];
    if (join_words(words, nwords, 1, key, sizeof key) != 0)
        return 0;
    return lex_table_find(&p->seen, key, strlen(key)) != NULL;
}

static narrate_error fill_possessives(lex_parse *p, unsigned line, lex_entry *e)
{
    if (e->flags & LEX_FLAG_WHOLE)
        return 0;
    char buf[LEX_MAX_PHONEMES + 8];
    if (e->phonemes) {
        if (lex_phonemes_possessive(e->phonemes, buf, sizeof buf) != 0)
            return lex_parse_error(p, line, NARRATE_EDATA, "pronunciation too long");
        e->phonemes_possessive = lex_arena_strdup(&p->arena, buf);
        return e->phonemes_possessive ? 0 : lex_parse_error(p, line, NARRATE_ENOMEM, "out of memory");
    }
    snprintf(buf, sizeof buf, "%s's", e->respelling);
    e->respelling_possessive = lex_arena_strdup(&p->arena, buf);
    return e->respelling_possessive ? 0 : lex_parse_error(p, line, NARRATE_ENOMEM, "out of memory");
}

narrate_error lex_parse_add(lex_parse *p, unsigned line, const char *const *words, size_t nwords,
                            const char *phonemes, const char *respelling, unsigned flags)
{
    narrate_error err = check_words(p, line, words, nwords);
    if (!err)
        err = check_pronunciation(p, line, phonemes, respelling);
    if (err)
        return err;
    char key[LEX_MAX_KEY], written[LEX_MAX_KEY], first[LEX_MAX_KEY];
    if (join_words(words, nwords, 1, key, sizeof key) || join_words(words, nwords, 0, written, sizeof written) ||
        join_words(words, 1, 1, first, sizeof first))
        return lex_parse_error(p, line, NARRATE_EDATA, "phrase too long");
    err = check_duplicate(p, line, &p->seen, key, written, flags);
    if (err)
        return err;
    char source[LEX_MAX_KEY];
    snprintf(source, sizeof source, "%s:%u", p->name, line);
    lex_entry *e = lex_arena_alloc(&p->arena, sizeof *e);
    if (!e || lex_table_reserve(&p->seen, 1) != 0)
        return lex_parse_error(p, line, NARRATE_ENOMEM, "out of memory");
    memset(e, 0, sizeof *e);
    e->key = lex_arena_strdup(&p->arena, key);
    e->first_key = nwords > 1 ? lex_arena_strdup(&p->arena, first) : e->key;
    e->written = lex_arena_strdup(&p->arena, written);
    e->source = lex_arena_strdup(&p->arena, source);
    e->phonemes = phonemes ? lex_arena_strdup(&p->arena, phonemes) : NULL;
    e->respelling = respelling && !phonemes ? lex_arena_strdup(&p->arena, respelling) : NULL;
    if (!e->key || !e->first_key || !e->written || !e->source || (!e->phonemes && !e->respelling))
        return lex_parse_error(p, line, NARRATE_ENOMEM, "out of memory");
    e->flags = flags;
    e->nwords = (unsigned)nwords;
    e->layer = p->layer;
    e->file_seq = p->file_seq;
    e->line = line;
    err = fill_possessives(p, line, e);
    if (err)
        return err;
    lex_table_insert(&p->seen, e);
    if (p->last)
        p->last->next_in_file = e;
    else
        p->first = e;
    p->last = e;
    p->count++;
    return 0;
}
