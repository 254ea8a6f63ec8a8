/* UTF-8 decoding and the folding of what matters for reading aloud: spaces of all
 * widths become ' ', invisible marks vanish, fullwidth forms, superscripts and
 * subscripts become ASCII, vulgar fractions become "n/m", curly and angle quotes
 * become ASCII quotes, dash variants collapse to '-', U+2013 or U+2014, control
 * characters become spaces and invalid bytes are dropped. */
#ifndef NARRATE_NORM_UNICODE_H
#define NARRATE_NORM_UNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "norm_buf.h"

/* Decodes one scalar value from s[0..n); returns its length, or 0 when s does
 * not start with a valid, shortest-form UTF-8 sequence. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

/* Source provenance of the folded text: byte i of it came from the source
 * character src[start[i] .. end[i]). */
typedef struct fold_map {
    uint32_t *start, *end;
    size_t cap;
} fold_map;

/* Folds src[0..len) into out (cleared first).  Returns 0 on allocation failure. */
int norm_fold(const char *src, size_t len, nbuf *out, fold_map *map);
void fold_map_free(fold_map *m);

/* Whether cp is a letter of some script (as opposed to punctuation or symbol). */
int cp_is_letter(uint32_t cp);

#endif
