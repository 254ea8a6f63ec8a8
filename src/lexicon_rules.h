/* Name rules of the lexicon module: readings for words no entry holds.
 * Owned by the lexicon module.  Each rule is built once with the lexicon and
 * is read-only afterwards; a read writes espeak-ng mnemonics (en-us) into the
 * caller's buffer and returns how many of the words it covers (0: not its
 * business). */
#ifndef NARRATE_LEXICON_RULES_H
#define NARRATE_LEXICON_RULES_H

#include <stddef.h>

#include "lexicon_internal.h"

/* Hanyu Pinyin: pronunciations/pinyin.tsv, pinyin-english.tsv, pinyin-surnames.tsv. */
typedef struct pinyin_rules pinyin_rules;
narrate_error pinyin_rules_new(pinyin_rules **out, const lex_inventory *inv);
void pinyin_rules_free(pinyin_rules *r);
size_t pinyin_read(const pinyin_rules *r, const char *const *words, size_t nwords, char *out,
                   size_t cap);
/* Segments one lowercase word into pinyin syllables joined by '-' (tests and
 * --explain); 0 on success, -1 when it is not pinyin. */
int pinyin_segment(const pinyin_rules *r, const char *word, char *out, size_t cap);

/* Russian and Ukrainian names in English transliteration:
 * pronunciations/russian-endings.tsv, russian-stress.tsv. */
typedef struct russian_rules russian_rules;
narrate_error russian_rules_new(russian_rules **out, const lex_inventory *inv);
void russian_rules_free(russian_rules *r);
size_t russian_read(const russian_rules *r, const char *const *words, size_t nwords, char *out,
                    size_t cap);

#endif
