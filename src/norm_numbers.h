/* Pure number -> words expanders.  Each appends English words to b, separated by
 * single spaces, with no leading or trailing space.  Digit strings are ASCII
 * digits only; leading zeros are ignored unless stated otherwise. */
#ifndef NARRATE_NORM_NUMBERS_H
#define NARRATE_NORM_NUMBERS_H

#include <stddef.h>

#include "norm_buf.h"

/* "1234" -> "one thousand two hundred thirty four"; more than 36 significant
 * digits are read one by one. */
void num_cardinal(nbuf *b, const char *d, size_t n);
/* "22" -> "twenty second". */
void num_ordinal(nbuf *b, const char *d, size_t n);
/* Every digit, zeros included: "007" -> "zero zero seven". */
void num_digits(nbuf *b, const char *d, size_t n);
/* Digits read as a year: 1984 nineteen eighty four, 2005 two thousand five,
 * 1800 eighteen hundred, 1905 nineteen oh five, 340 three forty, 05 oh five,
 * 00 two thousand.
 * Other lengths and round hundreds: cardinal. */
void num_year(nbuf *b, const char *d, size_t n);
/* Two digits as a pair on a clock or a race timer: "05" oh five, "00" oh oh, "43" forty three. */
void num_pair(nbuf *b, const char *d);
/* "4" "5" -> "four point five"; an empty integer part gives "point five". */
void num_decimal(nbuf *b, const char *ip, size_t in, const char *fp, size_t fn);
/* The denominator word of a fraction: 2 half/halves, 4 quarter(s), 3 third(s). */
void num_denominator(nbuf *b, const char *d, size_t n, int plural);
/* Turns the last word of b (from `from` on) into its ordinal ("three" -> "third")
 * or plural ("ninety" -> "nineties"). */
void words_make_ordinal(nbuf *b, size_t from);
void words_make_plural(nbuf *b, size_t from);
/* Value of a digit string of at most 9 digits, else -1. */
long num_value(const char *d, size_t n);

#endif
