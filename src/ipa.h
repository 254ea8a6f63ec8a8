/* IPA to espeak-ng en-us mnemonics, for PLS lexicons with alphabet="ipa".
 * Owned by the lexicon module.  The mapping is data: pronunciations/ipa-espeak.tsv. */
#ifndef NARRATE_IPA_H
#define NARRATE_IPA_H

#include <stddef.h>

#include "lexicon_internal.h"

typedef struct ipa_table ipa_table;

narrate_error ipa_table_load(ipa_table **out);
void ipa_table_free(ipa_table *t);

/* Converts IPA (UTF-8) to mnemonics: stress marks move to right before the
 * stressed vowel, as espeak-ng writes them; syllable dots, ties and length
 * marks outside a listed vowel are read past; a vowel plus r becomes an
 * r-coloured vowel only when no vowel follows the r.  Returns 0, or -1 with
 * the first unknown symbol described in bad (e.g. "'ʕ' (U+0295)") or
 * "too long". */
int ipa_to_espeak(const ipa_table *t, const char *ipa, char *out, size_t cap, char *bad, size_t bad_size);

#endif
