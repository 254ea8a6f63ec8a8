/* Audible key confirmations for --key-sounds: a short tone for each key, on a
 * second speakers stream that the sound server mixes over the narration, so
 * that a listener who does not watch the screen hears at once, also while
 * paused, that a key was taken.  Keys that go forward or up (→ ↓ + ]) sound
 * higher, those that go back or down (← ↑ − [) lower.  Where no second stream
 * can be opened (a bare ALSA device that does not mix), the terminal bell
 * rings instead. */
#ifndef NARRATE_CLI_PLAYER_TICKS_H
#define NARRATE_CLI_PLAYER_TICKS_H

#include <stdint.h>

#include "narrate.h"

#define TICK_RATE 22050
#define TICK_SAMPLES (TICK_RATE * 30 / 1000)

enum tick_kind { TICK_PLAIN, TICK_UP, TICK_DOWN, TICK_KINDS };

struct ticks {
    narrate_sink *sink; /* owned; NULL: the bell */
    int16_t tone[TICK_KINDS][TICK_SAMPLES];
};

/* Opens the stream and starts it with a little silence, so that the first
 * tick is not held back by the stream's start.  Never fails: without a
 * stream, ticks_play rings the bell. */
void ticks_open(struct ticks *t);

/* Plays one tick (or rings the bell); returns at once. */
void ticks_play(struct ticks *t, enum tick_kind kind);

/* Stops and releases the stream; a zeroed struct is fine. */
void ticks_close(struct ticks *t);

#endif
