/* libFuzzer target for the lexicon line format (src/lexicon_line.c) and for
 * lookups.  Each input is parsed as a .lex file; on success every entry must
 * keep the contract (no "]]", no control characters, at most 256 bytes).
 * The input's words are then looked up in the built-in lexicon, as the
 * library does for every sentence, and each match must keep it too.
 * Invariant failures trap. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

static lexicon *shared;

static void check_pronunciation(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (n > LEX_MAX_PHONEMES + 8 || strstr(s, "]]"))
        __builtin_trap();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
            __builtin_trap();
}

static void parse_as_file(const char *data, size_t size)
{
    char err[256];
    lex_parse p = {.name = "fuzz.lex", .inv = lex_inventory_of(shared), .layer = LEXICON_COMMAND_LINE,
                   .file_seq = 1, .errmsg = err, .errmsg_size = sizeof err};
    narrate_error rc = lex_parse_lines(&p, data, size);
    if (rc && strncmp(err, "fuzz.lex", 8) != 0)
        __builtin_trap(); /* every error names the file */
    for (const lex_entry *e = rc ? NULL : p.first; e; e = e->next_in_file) {
        if (!e->phonemes == !e->respelling || strlen(e->phonemes ? e->phonemes : e->respelling) > LEX_MAX_PHONEMES)
            __builtin_trap();
        check_pronunciation(e->phonemes);
        check_pronunciation(e->respelling);
        check_pronunciation(e->phonemes_possessive);
    }
    lex_table_free(&p.seen);
    lex_arena_free(&p.arena);
}

static void look_up_words(char *text)
{
    const char *words[64];
    size_t n = 0;
    for (char *w = strtok(text, " \t\n"); w && n < 64; w = strtok(NULL, " \t\n"))
        words[n++] = w;
    for (size_t i = 0; i < n; i++) {
        lexicon_match m;
        if (!lexicon_lookup(shared, words + i, n - i, i == 0, &m))
            continue;
        if (m.words < 1 || m.words > n - i || !m.source || (!m.phonemes && !m.respelling))
            __builtin_trap();
        check_pronunciation(m.phonemes);
        check_pronunciation(m.respelling);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!shared) {
        char err[256];
        if (lexicon_new(&shared, err, sizeof err) != 0)
            __builtin_trap();
    }
    if (size > 1 << 16)
        return 0;
    parse_as_file((const char *)data, size);
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    look_up_words(text);
    free(text);
    return 0;
}
