/* The text one sentence becomes for espeak-ng: the spoken words, sanitized, with
 * the markup that only narrate itself writes: [[phonemes]] for lexicon words
 * and embedded pitch commands around quoted speech.
 *
 * Every byte of the result knows the byte of the spoken text it came from, so
 * the engine's word marks can be traced back to the source. */
#ifndef NARRATE_ENGINE_TEXT_H
#define NARRATE_ENGINE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "job_markup.h"
#include "lexicon.h"
#include "normalize.h"
#include "presets.h"

typedef struct engine_style {
    const lexicon *lex;    /* may be NULL: no lexicon */
    quote_style quotes;
    int pitch, quote_pitch; /* the voice's pitch, and quoted speech's (QUOTE_PITCH) */
    /* SSML: per norm_word markup (NULL: none), and the voice's rate and
     * volume that its percentages scale. */
    const word_markup *markup;
    int rate, volume;
} engine_style;

/* An engine text and its origin map, owned by the caller (engine_text_free). */
typedef struct engine_text {
    char *text;       /* NUL-terminated */
    uint32_t *origin; /* origin[i]: byte of the spoken text that text[i] came from */
    size_t len, cap;
} engine_text;

/* Builds the engine text of s into *out (reusing its buffers).  With `plain`,
 * the text is only simplified (letters, digits, spaces): the form a sentence
 * that crashed the engine is retried in.  Possible errors: ENOMEM. */
narrate_error engine_text_build(const norm_sentence *s, const engine_style *style, int plain,
                                engine_text *out);
void engine_text_free(engine_text *t);

#endif
