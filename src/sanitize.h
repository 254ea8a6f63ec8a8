/* The last guard before text reaches espeak-ng (see ../shared/crashers/README.md):
 * whatever the normalizer produced, what leaves here is safe for plain-mode
 * espeak_Synth in 1.51. */
#ifndef NARRATE_SANITIZE_H
#define NARRATE_SANITIZE_H

#include <stddef.h>
#include <stdint.h>

/* Longest run of non-space bytes passed on; longer runs are cut with spaces. */
#define SANITIZE_MAX_WORD_BYTES 32

/* Writes a sanitized copy of in[0..len) to out, which must hold 2 * len + 1
 * bytes, and returns its length (out is NUL-terminated).  When origin is not
 * NULL (same capacity), origin[i] is the index in `in` that out[i] came from.
 * Guarantees:
 * - valid UTF-8; no NUL, no C0/C1 control or U+0001 command characters, no
 *   U+FEFF/U+2028/U+2029 (each becomes a space);
 * - no "[[" (espeak's phoneme input) and no "<" or ">" (SSML);
 * - no word longer than SANITIZE_MAX_WORD_BYTES, so no run like s's's'…;
 * - no "." followed by a space except at the very end, so no "a . a . a ." run.
 * Bytes that need no change keep their positions' order; the output may be
 * longer than the input only where words were cut. */
size_t sanitize_for_engine(const char *in, size_t len, char *out, uint32_t *origin);

/* A plainer reading of a sentence that crashed the engine once: letters,
 * digits and spaces only, words of at most 12 bytes.  Same buffer rule. */
size_t sanitize_simplified(const char *in, size_t len, char *out, uint32_t *origin);

#endif
