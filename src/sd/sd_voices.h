/* The voice list sd_narrate gives the server (LIST VOICES), collected once at
 * start-up: narrate's presets and espeak-ng's English voices, as
 * "name\tlanguage\tvariant" lines.  narrate reads English (its normalizer and
 * lexicons are English), so other languages are not offered. */
#ifndef SD_VOICES_H
#define SD_VOICES_H

#include <stddef.h>

#include "narrate.h"

typedef struct sd_voices {
    char **lines;
    size_t count, cap;
} sd_voices;

/* Fills v from n (which must not be speaking); 0, or -1 with a message. */
int sd_voices_collect(sd_voices *v, narrate *n, char *errmsg, size_t errmsg_size);

/* Nonzero when `name` is one of the voices collected. */
int sd_voices_has(const sd_voices *v, const char *name);

void sd_voices_free(sd_voices *v);

#endif
