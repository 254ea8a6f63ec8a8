/* narrate's line format (*.lex), documented in pronunciations/README-lexicon.md:
 *     phrase = [[espeak-ng phonemes]] ; flags   # comment
 *     phrase = plain respelling ; flags         # comment */
#include <string.h>

#include "lexicon_internal.h"

#define MAX_LINE 4096

typedef struct cursor {
    const char *p, *end;
} cursor;

static int is_space(char c) { return c == ' ' || c == '\t'; }

static void skip_space(cursor *c)
{
    while (c->p < c->end && is_space(*c->p))
        c->p++;
}

static int at_comment(const cursor *c, const char *line_start)
{
    return c->p < c->end && *c->p == '#' && (c->p == line_start || is_space(c->p[-1]));
}

static int at_end(cursor *c, const char *line_start)
{
    skip_space(c);
    return c->p == c->end || at_comment(c, line_start);
}

/* Splits the phrase left of '=' into words, NUL-terminated in buf. */
static size_t split_words(const char *s, size_t n, char *buf, const char **words, size_t max)
{
    memcpy(buf, s, n);
    buf[n] = '\0';
    size_t count = 0;
    for (char *p = buf; *p;) {
        while (is_space(*p))
            *p++ = '\0';
        if (!*p)
            break;
        if (count == max)
            return max + 1;
        words[count++] = p;
        while (*p && !is_space(*p))
            p++;
    }
    return count;
}

static narrate_error parse_flags(lex_parse *p, unsigned line, cursor *c, const char *line_start,
                                 unsigned *flags)
{
    static const struct { const char *name; unsigned flag; } known[] = {
        {"case", LEX_FLAG_CASE}, {"midcap", LEX_FLAG_MIDCAP}, {"whole", LEX_FLAG_WHOLE}};
    for (;;) {
        while (c->p < c->end && (is_space(*c->p) || *c->p == ','))
            c->p++;
        if (at_end(c, line_start))
            return 0;
        const char *start = c->p;
        while (c->p < c->end && !is_space(*c->p) && *c->p != ',')
            c->p++;
        size_t len = (size_t)(c->p - start);
        size_t i = 0;
        while (i < sizeof known / sizeof *known &&
               !(strlen(known[i].name) == len && memcmp(known[i].name, start, len) == 0))
            i++;
        if (i == sizeof known / sizeof *known)
            return lex_parse_error(p, line, NARRATE_EDATA,
                                   "unknown flag '%.*s' (known: case, midcap, whole)", (int)(len > 40 ? 40 : len), start);
        *flags |= known[i].flag;
    }
}

/* Reads "[[...]]" or a respelling into out; leaves c after it. */
static narrate_error parse_pronunciation(lex_parse *p, unsigned line, cursor *c, const char *line_start,
                                         char *out, size_t cap, int *is_phonemes)
{
    skip_space(c);
    const char *start = c->p, *stop;
    if (c->end - c->p >= 2 && memcmp(c->p, "[[", 2) == 0) {
        *is_phonemes = 1;
        start += 2;
        stop = start;
        while (stop + 1 < c->end && memcmp(stop, "]]", 2) != 0)
            stop++;
        if (stop + 1 >= c->end)
            return lex_parse_error(p, line, NARRATE_EDATA, "unterminated [[ (no closing ]])");
        c->p = stop + 2;
    } else {
        *is_phonemes = 0;
        while (c->p < c->end && *c->p != ';' && !at_comment(c, line_start))
            c->p++;
        stop = c->p;
    }
    while (start < stop && is_space(*start))
        start++;
    while (stop > start && is_space(stop[-1]))
        stop--;
    size_t n = (size_t)(stop - start);
    if (n >= cap)
        return lex_parse_error(p, line, NARRATE_EDATA, "pronunciation longer than %d bytes", LEX_MAX_PHONEMES);
    memcpy(out, start, n);
    out[n] = '\0';
    return 0;
}

static narrate_error parse_entry(lex_parse *p, unsigned line, const char *s, size_t n)
{
    cursor c = {s, s + n};
    if (at_end(&c, s))
        return 0;
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return lex_parse_error(p, line, NARRATE_EDATA, "missing '=' between word and pronunciation");
    char wordbuf[MAX_LINE + 1];
    const char *words[LEX_MAX_WORDS + 1];
    size_t nwords = split_words(s, (size_t)(eq - s), wordbuf, words, LEX_MAX_WORDS);
    if (!nwords)
        return lex_parse_error(p, line, NARRATE_EDATA, "empty word or phrase");
    if (nwords > LEX_MAX_WORDS)
        return lex_parse_error(p, line, NARRATE_EDATA, "phrase longer than %d words", LEX_MAX_WORDS);
    c.p = eq + 1;
    char pron[LEX_MAX_PHONEMES + 2];
    int is_phonemes;
    narrate_error err = parse_pronunciation(p, line, &c, s, pron, sizeof pron, &is_phonemes);
    if (err)
        return err;
    unsigned flags = 0;
    skip_space(&c);
    if (c.p < c.end && *c.p == ';') {
        c.p++;
        err = parse_flags(p, line, &c, s, &flags);
        if (err)
            return err;
    } else if (!at_end(&c, s)) {
        return lex_parse_error(p, line, NARRATE_EDATA, "unexpected text after ]]: '%.*s'",
                               (int)((c.end - c.p) > 40 ? 40 : (c.end - c.p)), c.p);
    }
    return lex_parse_add(p, line, words, nwords, is_phonemes ? pron : NULL, is_phonemes ? NULL : pron,
                         flags);
}

narrate_error lex_parse_lines(lex_parse *p, const char *data, size_t size)
{
    size_t pos = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    for (unsigned line = 1; pos < size; line++) {
        const char *start = data + pos;
        const char *nl = memchr(start, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - start) : size - pos;
        pos += len + 1;
        if (len && start[len - 1] == '\r')
            len--;
        if (memchr(start, '\0', len))
            return lex_parse_error(p, line, NARRATE_EDATA, "NUL byte in line");
        if (len > MAX_LINE)
            return lex_parse_error(p, line, NARRATE_EDATA, "line longer than %d bytes", MAX_LINE);
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)start[i] < 0x20 && start[i] != '\t')
                return lex_parse_error(p, line, NARRATE_EDATA, "control character in line");
        if (!lex_utf8_valid(start, len))
            return lex_parse_error(p, line, NARRATE_EDATA, "invalid UTF-8");
        narrate_error err = parse_entry(p, line, start, len);
        if (err)
            return err;
    }
    return 0;
}
