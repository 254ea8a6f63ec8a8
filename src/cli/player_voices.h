/* The voice presets [ and ] cycle through, and the current one. */
#ifndef NARRATE_CLI_PLAYER_VOICES_H
#define NARRATE_CLI_PLAYER_VOICES_H

#include <stddef.h>

#include "narrate.h"

#define VOICES_MAX 32

struct voices {
    char names[VOICES_MAX][64];
    size_t count;
    long current;             /* index into names, or -1 for a voice that is no preset */
    char other[64];           /* that voice's name */
};

/* Lists the presets with narrate_list_voices and finds `voice` (NULL: news). */
void voices_load(struct voices *v, narrate *n, const char *voice);

/* The current voice's name. */
const char *voices_current(const struct voices *v);

/* Moves by step (+1 or -1, wrapping) and returns the new preset, or NULL when there are none. */
const char *voices_step(struct voices *v, int step);

#endif
