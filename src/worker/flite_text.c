#include "flite_text.h"

#include <ctype.h>
#include <string.h>

#include "espeak_cmu.h"

#define PHONES_MAX 1024

static int is_word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

static cst_item *add_token(cst_relation *tokens, const char *name, size_t len, size_t offset,
                           size_t span)
{
    cst_item *t = relation_append(tokens, NULL);
    char *copy = cst_alloc(char, len + 1);
    memcpy(copy, name, len);
    copy[len] = '\0';
    item_set_string(t, "name", copy);
    cst_free(copy);
    item_set_string(t, "whitespace", " ");
    item_set_string(t, "prepunctuation", "");
    item_set_string(t, "punc", "");
    item_set_int(t, FLITE_TOKEN_OFFSET, (int)offset);
    item_set_int(t, FLITE_TOKEN_LENGTH, (int)span);
    return t;
}

static void set_span_string(cst_item *t, const char *feature, const char *s, size_t len)
{
    char buf[64];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    item_set_string(t, feature, buf);
}

/* A plain word [at, end): leading and trailing punctuation become the token's
 * prepunctuation and punc (Flite phrases at them); punctuation alone joins
 * the previous token's punc. */
static int plain_token(cst_relation *tokens, const char *text, size_t at, size_t end)
{
    size_t from = at, to = end;
    while (from < to && !is_word_byte((unsigned char)text[from]))
        from++;
    while (to > from && !is_word_byte((unsigned char)text[to - 1]))
        to--;
    if (from == to) {
        cst_item *last = relation_tail(tokens);
        if (last)
            set_span_string(last, "punc", text + at, end - at);
        return 0;
    }
    cst_item *t = add_token(tokens, text + from, to - from, from, to - from);
    set_span_string(t, "prepunctuation", text + at, from - at);
    set_span_string(t, "punc", text + to, end - to);
    return 1;
}

/* A lexicon reading: "[[" at `at`, "]]" at `close`. */
static int phones_token(cst_relation *tokens, const char *text, size_t at, size_t close,
                        const char *table)
{
    char mnemonics[PHONES_MAX], phones[PHONES_MAX];
    size_t len = close - at - 2;
    if (len >= sizeof mnemonics)
        return 0;
    memcpy(mnemonics, text + at + 2, len);
    mnemonics[len] = '\0';
    if (espeak_to_cmu(table, mnemonics, phones, sizeof phones) <= 0)
        return 0;
    cst_item *t = add_token(tokens, "name", 4, at, close + 2 - at);
    item_set_string(t, "phones", phones);
    return 1;
}

/* Where the plain stretch from `at` ends: a space, a command or a reading. */
static size_t plain_end(const char *text, size_t at)
{
    size_t end = at;
    while (text[end] && text[end] != ' ' && text[end] != '\001' &&
           !(text[end] == '[' && text[end + 1] == '['))
        end++;
    return end;
}

int flite_text_tokens(cst_utterance *u, const char *text, const char *table)
{
    cst_relation *tokens = utt_relation_create(u, "Token");
    int count = 0;
    size_t at = 0;
    while (text[at]) {
        if (text[at] == ' ') {
            at++;
        } else if (text[at] == '\001') { /* an espeak-ng command: digits and a letter */
            at++;
            while (isdigit((unsigned char)text[at]))
                at++;
            if (isalpha((unsigned char)text[at]))
                at++;
        } else if (text[at] == '[' && text[at + 1] == '[' && strstr(text + at, "]]")) {
            size_t close = (size_t)(strstr(text + at, "]]") - text);
            count += phones_token(tokens, text, at, close, table);
            at = close + 2;
        } else {
            size_t end = plain_end(text, at);
            if (end == at)
                end++; /* a lone '[' */
            count += plain_token(tokens, text, at, end);
            at = end;
        }
    }
    return count;
}
