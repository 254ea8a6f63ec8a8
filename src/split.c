/* Sentence splitting.  A sentence ends at . ? ! or an ellipsis (behind closing
 * quotes and brackets) followed by white space, or at a blank line.  After a
 * period the word before it decides: an ordinary word ends the sentence unless
 * the next one starts in lower case; a title ("Mr.") never does; initials,
 * dotted acronyms and most abbreviations ("U.S.", "Jan.", "Calif.") end it only
 * when the next word is one that typically starts a sentence ("The", "He");
 * "a.m." and "p.m." end it unless a day, month or time zone follows.
 *
 * Chunking invariance: a cut is returned only when the bytes after it cannot
 * change the decision; otherwise 0 asks for more.  Sentences longer than
 * NORM_SENTENCE_MAX_BYTES are cut at the last clause boundary (, ; : or a dash
 * followed by a space) before the limit, else at the last space, else at the
 * last UTF-8 character boundary. */
#include <string.h>

#include "norm_data.h"
#include "normalize.h"

#define NEED ((size_t)-1)
#define LOOKAHEAD 64

typedef struct scan {
    const norm_data *d;
    const char *t;
    size_t lim; /* bytes that may be read */
    int final;  /* decide with what there is: no more bytes are coming */
} scan;

enum abbrev_class { AB_NONE, AB_NEVER, AB_STARTER, AB_MAY, AB_TIME };

static int is_space(const char *t, size_t i) { return t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(char c) { return is_lower(c) || is_upper(c); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of a closing (or, with open, opening) quote or bracket at i, or 0. */
static size_t quote_at(const scan *s, size_t i, int open)
{
    const char *t = s->t + i;
    size_t room = s->lim - i;
    if (strchr(open ? "\"'([" : "\"')]", t[0]) && t[0])
        return 1;
    if (room >= 3 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80) {
        unsigned char c = (unsigned char)t[2];
        if (open ? (c == 0x9C || c == 0x98) : (c == 0x9D || c == 0x99))
            return 3;
    }
    if (room >= 2 && (unsigned char)t[0] == 0xC2 && (unsigned char)t[1] == (open ? 0xAB : 0xBB))
        return 2;
    return 0;
}

static size_t ellipsis_at(const scan *s, size_t i)
{
    return i + 3 <= s->lim && memcmp(s->t + i, "\xE2\x80\xA6", 3) == 0 ? 3 : 0;
}

/* Whether the word at w begins in lower case with a capital inside, a name
 * that may begin a sentence: "iPhone", "macOS", "eBay", "mRNA"; -1 when the
 * text may go on before it is known. */
static int camel_word(const scan *s, size_t w)
{
    size_t k = w + 1;
    for (; k < s->lim && k < w + 32 && is_alpha(s->t[k]); k++)
        if (is_upper(s->t[k]))
            return 1;
    return k == s->lim && !s->final ? -1 : 0;
}

static size_t starter_at(const scan *s, size_t i);

/* The letters before the one space before b ("on" in "on Sat."): their
 * length, their start in *start; 0 when b follows no such word. */
static size_t word_before(const scan *s, size_t b, size_t *start)
{
    size_t a = b - 1;
    *start = b;
    if (b < 2 || s->t[b - 1] != ' ')
        return 0;
    while (a > 0 && is_alpha(s->t[a - 1]))
        a--;
    *start = a;
    return b - 1 - a;
}

/* Whether an abbreviations.tsv row's context can hold where the word before
 * the period p starts at b and the next word at w.  A row for a number after
 * it ("No. 5", "p. 12") needs a digit there; a row for a capital after it
 * ("Dr. Smith") gives way, after a capitalized word and before a word that
 * starts sentences, to the row for a capital before it ("on Elm Dr. The
 * storm").  NEED when the next word runs past the window. */
static size_t row_holds(const scan *s, const nrow *r, size_t b, size_t w)
{
    const nrow *after_cap = r;
    if (nslice_is(r->col[1], "before_num") || nslice_is(r->col[1], "before_ord"))
        return is_digit(s->t[w]) || (s->t[w] == '#' && nslice_is(r->col[1], "before_num"));
    size_t a;
    if (!nslice_is(r->col[1], "before_cap") || !word_before(s, b, &a) || !is_upper(s->t[a]))
        return 1;
    while ((after_cap = ntable_next(&s->d->abbrev, after_cap)) && !nslice_is(after_cap->col[1], "after_cap"))
        ;
    if (!after_cap)
        return 1;
    size_t st = starter_at(s, w);
    return st == NEED ? NEED : !st;
}

static enum abbrev_class class_of_row(const nrow *r)
{
    return nslice_is(r->col[3], "never")  ? AB_NEVER
           : nslice_is(r->col[3], "may")  ? AB_MAY
           : nslice_is(r->col[3], "time") ? AB_TIME
                                          : AB_STARTER;
}

/* The class of the word w[0..n) before a period, the next word at t[next]:
 * that of its first abbreviations.tsv row whose context can hold, else of an
 * initial, month, weekday, state or currency; AB_NONE for a plain word.
 * NEED when the next word runs past the window. */
static size_t class_of(const scan *s, const char *w, size_t n, size_t next)
{
    char key[40];
    if (n == 0 || n + 1 > sizeof key)
        return AB_NONE;
    memcpy(key, w, n);
    key[n] = '.';
    for (const nrow *r = ntable_get(&s->d->abbrev, key, n + 1); r; r = ntable_next(&s->d->abbrev, r)) {
        size_t holds = row_holds(s, r, (size_t)(w - s->t), next);
        if (holds)
            return holds == NEED ? NEED : class_of_row(r);
    }
    if (n == 1 || memchr(w, '.', n))
        return AB_STARTER;
    const nrow *r = ntable_get(&s->d->months, w, n);
    if (r && nrow_abbreviates(r))
        return AB_MAY; /* "on 30 Oct. Take two", but "Oct. 30" */
    r = ntable_get(&s->d->weekdays, w, n);
    if (r && nrow_abbreviates(r))
        return AB_STARTER;
    r = ntable_get(&s->d->states, key, n + 1);
    if (!r)
        r = ntable_get(&s->d->currency, key, n + 1); /* "Rs. 45" */
    return r ? AB_STARTER : AB_NONE;
}

/* Whether t[b, p), letters and dots, ends a web address or an e-mail
 * address: after "@" or "/", or dotted with a part of three letters or more
 * ("example.org"), which an acronym ("U.S.", "Ph.D.") never has. */
static int web_name(const scan *s, size_t b, size_t p)
{
    if (b > 0 && (s->t[b - 1] == '@' || s->t[b - 1] == '/'))
        return 1;
    if (!memchr(s->t + b, '.', p - b))
        return 0;
    size_t run = 0;
    for (size_t i = b; i < p; i++) {
        run = s->t[i] == '.' ? 0 : run + 1;
        if (run >= 3)
            return 1;
    }
    return 0;
}

/* Whether the word before the one at b (one space between) labels the letter
 * at b as a number or a name ("World War I", "Part C"): a `cardinal` word of
 * roman_contexts.tsv. */
static int label_before(const scan *s, size_t b)
{
    size_t a, n = word_before(s, b, &a);
    const nrow *r = ntable_get(&s->d->roman, s->t + a, n);
    return r && nslice_is(r->col[1], "cardinal");
}

/* Whether the word at i starts a sentence: capitalized, not in capitals (in
 * a headline, "U.S. OVER TAIWAN", every word is); NEED when it runs past the
 * window. */
static size_t starter_at(const scan *s, size_t i)
{
    size_t j = i, lower = 0;
    while (j < s->lim && (is_alpha(s->t[j]) || s->t[j] == '\''))
        lower += is_lower(s->t[j++]);
    if (j == s->lim && !s->final)
        return NEED;
    return j > i && is_upper(s->t[i]) && (lower > 0 || j - i == 1) &&
           ntable_get(&s->d->starters, s->t + i, j - i) != NULL;
}

/* Whether the word at w goes with a time before it: a day, a month or a time
 * zone ("5 p.m. Friday", "10 a.m. EDT", "4 p.m. Eastern"); NEED when it runs
 * past the window. */
static size_t time_word_at(const scan *s, size_t w)
{
    size_t j = w;
    while (j < s->lim && is_alpha(s->t[j]))
        j++;
    if (j == s->lim && !s->final)
        return NEED;
    const norm_data *d = s->d;
    return j > w && (ntable_get(&d->weekdays, s->t + w, j - w) || ntable_get(&d->months, s->t + w, j - w) ||
                     ntable_get(&d->zones, s->t + w, j - w));
}

/* Whether the word at w is, with its dot, an abbreviation that may end a
 * sentence too ("Ltd.", "Inc."): one such after another is one name.  NEED
 * when it runs past the window. */
static size_t next_is_company_suffix(const scan *s, size_t w)
{
    size_t j = w;
    while (j < s->lim && is_alpha(s->t[j]))
        j++;
    if (j == s->lim)
        return s->final ? 0 : NEED;
    return j > w && s->t[j] == '.' && class_of(s, s->t + w, j - w, j + 1 < s->lim ? j + 1 : j) == AB_MAY;
}

/* Whether a bracket opens at i: after an abbreviation, an aside ("Corp.
 * (NVDA)", "7 a.m. (0500 GMT)"), not a new sentence. */
static int aside_at(const scan *s, size_t i) { return s->t[i] == '(' || s->t[i] == '['; }

/* The units.tsv row of the word t[b, p) after a number ("2 hrs", "5ft"), or
 * NULL. */
static const nrow *unit_after_number(const scan *s, size_t b, size_t p)
{
    size_t a = b;
    if (a > 0 && s->t[a - 1] == ' ')
        a--;
    return a > 0 && is_digit(s->t[a - 1]) ? ntable_get(&s->d->units, s->t + b, p - b) : NULL;
}

/* Whether the word t[b, p) is, with its dot, a state after "City, " ("Tampa,
 * Fla."): the comma after it is missing only at the sentence's end. */
static int state_after_city(const scan *s, size_t b, size_t p)
{
    char key[16];
    if (b < 3 || s->t[b - 1] != ' ' || s->t[b - 2] != ',' || !is_alpha(s->t[b - 3]) || p - b + 1 > sizeof key)
        return 0;
    memcpy(key, s->t + b, p - b);
    key[p - b] = '.';
    return ntable_get(&s->d->states, key, p - b + 1) != NULL;
}

/* Whether the word t[b, p) is, with its dot, a day name standing alone after
 * a word of weekday_contexts.tsv ("on Sat.", "since Fri."): no date follows,
 * so the dot may end the sentence. */
static int weekday_alone(const scan *s, size_t b, size_t p)
{
    const nrow *r = ntable_get(&s->d->weekdays, s->t + b, p - b);
    size_t a, n;
    if (!r || !nrow_abbreviates(r) || !(n = word_before(s, b, &a)))
        return 0;
    return ntable_get(&s->d->weekday_words, s->t + a, n) != NULL;
}

/* Decides whether the terminator run starting at p ends a sentence: returns the
 * cut (after the white space), 0 for no, or NEED. */
static size_t decide(const scan *s, size_t p)
{
    const char *t = s->t;
    size_t q = p, n, marks = 0;
    while (q < s->lim && ((t[q] == '.' || t[q] == '?' || t[q] == '!') || ellipsis_at(s, q))) {
        q += ellipsis_at(s, q) ? 3 : 1;
        marks++;
    }
    while (q < s->lim && (n = quote_at(s, q, 0)) > 0)
        q += n;
    if (q == s->lim)
        return s->final ? q : NEED;
    if (!is_space(t, q))
        return 0;
    size_t r = q;
    while (r < s->lim && is_space(t, r))
        r++;
    if (r == s->lim)
        return s->final ? r : NEED;
    size_t w = r;
    while (w < s->lim && (n = quote_at(s, w, 1)) > 0)
        w += n;
    if (w == s->lim)
        return s->final ? r : NEED;
    char next = t[w];
    int camel = is_lower(next) ? camel_word(s, w) : 0;
    if (camel < 0)
        return NEED;
    if (is_lower(next) && !camel)
        return 0;
    if (t[p] != '.' || marks > 1)
        return r;
    size_t b = p;
    while (b > 0 && p - b < 32 && (is_alpha(t[b - 1]) || t[b - 1] == '.'))
        b--;
    if (p - b == 1 && b > 0 && (is_digit(t[b - 1]) || t[b - 1] == '&' || t[b - 1] == '/'))
        return r; /* "$1.2m.", "Apartment 4B.", "R&D.", "7,000 MB/s.": no initial */
    if (web_name(s, b, p))
        return r; /* "mail news@example.co.uk. See", "at www.cdc.gov. The" */
    if (p - b == 1 && label_before(s, b))
        return r; /* "World War I. London", "in Part C. The": no initial */
    const nrow *unit = unit_after_number(s, b, p);
    if (unit && nslice_is(unit->col[3], "lower") && t[b - 1] == ' ') {
        size_t st = starter_at(s, w); /* "1101 W. McKinley Ave", but "450 W. The" */
        return st == NEED ? NEED : st ? r : 0;
    }
    if (unit)
        return is_digit(next) ? 0 : r; /* "2 hrs. 15 min." but "in 29 sec. Traffic" */
    size_t ab = class_of(s, t + b, p - b, w);
    if (ab == NEED)
        return NEED;
    if (ab == AB_STARTER && state_after_city(s, b, p))
        ab = AB_MAY; /* "from St. Petersburg, Fla. Officials said" */
    if (ab == AB_STARTER && weekday_alone(s, b, p)) {
        size_t tw = time_word_at(s, w);
        if (tw == NEED)
            return NEED;
        ab = tw ? AB_NEVER : AB_MAY; /* "on Sat. Highs will", but "on Sat. Jan. 5" */
    }
    switch (ab) {
    case AB_NONE:
        return r;
    case AB_NEVER:
        return 0;
    case AB_MAY: {
        size_t suffix = next_is_company_suffix(s, w);
        if (suffix)
            return suffix == NEED ? NEED : 0; /* "Samsung Electronics Co. Ltd." */
        if (aside_at(s, r))
            return 0; /* "Nvidia Corp. (NVDA) rose": a ticker or an aside */
        return is_upper(next) || w > r ? r : 0;
    }
    case AB_TIME: {
        if (aside_at(s, r) || !is_upper(next))
            return 0; /* "7 a.m. (0500 GMT) on Friday" */
        size_t tw = time_word_at(s, w);
        return tw == NEED ? NEED : tw ? 0 : r;
    }
    default: {
        size_t st = starter_at(s, w);
        return st == NEED ? NEED : st ? r : 0;
    }
    }
}

/* A blank line at the newline p: the cut after it, 0 or NEED. */
static size_t blank_line(const scan *s, size_t p)
{
    size_t q = p + 1, lines = 1;
    while (q < s->lim && is_space(s->t, q))
        lines += s->t[q++] == '\n';
    if (q == s->lim)
        return s->final ? q : NEED;
    return lines > 1 ? q : 0;
}

/* Cut for an overlong sentence within t[0..max). */
static size_t clause_cut(const scan *s, size_t max)
{
    const char *t = s->t;
    size_t space = 0;
    for (size_t i = max; i-- > 1;) {
        if (!is_space(t, i))
            continue;
        char b = t[i - 1];
        int dash = i >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
                   ((unsigned char)b == 0x94 || (unsigned char)b == 0x93);
        if (b == ',' || b == ';' || b == ':' || dash) {
            size_t r = i;
            while (r < s->lim && is_space(t, r))
                r++;
            return r;
        }
        if (!space)
            space = i + 1;
    }
    if (space)
        return space;
    size_t i = max - 1;
    while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    return i > 0 ? i : max;
}

/* The bytes at which a sentence may end: a line break, . ? ! and the first
 * byte of an ellipsis. */
static const unsigned char may_end[256] = {['\n'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1, [0xE2] = 1};

size_t norm_split(const norm_data *data, const char *text, size_t len, int at_end)
{
    const size_t max = NORM_SENTENCE_MAX_BYTES;
    scan s = {data, text, len < max + LOOKAHEAD ? len : max + LOOKAHEAD, at_end || len >= max};
    size_t end = s.lim < max ? s.lim : max;
    for (size_t p = 0; p < end; p++) {
        while (p < end && !may_end[(unsigned char)text[p]])
            p++;
        if (p == end)
            break;
        char c = text[p];
        size_t r = 0;
        if (c == '\n')
            r = blank_line(&s, p);
        else if (c == '.' || c == '?' || c == '!' || (c == '\xE2' && ellipsis_at(&s, p)))
            r = decide(&s, p);
        if (r == NEED)
            return 0;
        if (r)
            return r;
        if (c == '.' || c == '?' || c == '!')
            while (p + 1 < end && (text[p + 1] == '.' || text[p + 1] == '?' || text[p + 1] == '!'))
                p++;
    }
    if (len == 0)
        return 0;
    if (len < max || (len == max && at_end))
        return at_end ? len : 0;
    return clause_cut(&s, max);
}
