/* Shared by the lexicon unit tests (tests/unit/test_lexicon*.c). */
#ifndef NARRATE_TEST_HELPER_LEXICON_H
#define NARRATE_TEST_HELPER_LEXICON_H

#include <stddef.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcomment"
#include "lexicon.h"
#pragma GCC diagnostic pop

/* Writes content to a fresh file named `name` in a private temporary
 * directory; returns its path (valid until the next call with that name). */
const char *lexicon_test_file(const char *name, const char *content, size_t len);

/* Looks up the words of `text` (split on spaces).  Returns "phonemes" or
 * "=respelling" for a match covering `*words` words, with the source in
 * *source; NULL when nothing matches.  The string lives in a static buffer. */
const char *lexicon_test_lookup(const lexicon *lex, const char *text, int sentence_start,
                                size_t *words, const char **source);

/* 1 when espeak-ng's CLI is on PATH. */
int lexicon_test_have_espeak(void);

/* What `espeak-ng -q -x -v en-us "[[phonemes]]"` prints, trimmed, in out. */
int lexicon_test_espeak_echo(const char *phonemes, char *out, size_t cap);

#endif
