/* Character references, as Markdown passes them through. */
#ifndef NARRATE_READER_ENTITY_H
#define NARRATE_READER_ENTITY_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the whole reference s[0..n) ("&name;" or "&#...;") into out (4 bytes
 * room); returns the length, or 0 when it is no known reference. */
size_t entity_decode(const char *s, size_t n, char *out);

#endif
