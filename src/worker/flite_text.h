/* The engine text as Flite tokens.  Flite is given our words, not our text:
 * its own tokenizer never runs, so the normalizer's reading stands.  narrate's
 * espeak-ng markup is taken apart here: \001NP commands are dropped, and a
 * [[mnemonics]] lexicon reading becomes one token carrying its CMU phones
 * (Flite's token "phones" feature, which its lexical insertion uses instead
 * of the lexicon and letter-to-sound rules).
 * Each token remembers the byte span of the text it came from
 * (FLITE_TOKEN_OFFSET, FLITE_TOKEN_LENGTH), for word marks. */
#ifndef NARRATE_WORKER_FLITE_TEXT_H
#define NARRATE_WORKER_FLITE_TEXT_H

#include <flite/flite.h>

#define FLITE_TOKEN_OFFSET "narrate_offset"
#define FLITE_TOKEN_LENGTH "narrate_length"

/* Appends the tokens of NUL-terminated text to u's Token relation (created
 * here).  table: the espeak-ng to CMU table.  Returns the number of tokens. */
int flite_text_tokens(cst_utterance *u, const char *text, const char *table);

#endif
