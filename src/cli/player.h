/* The interactive player: `narrate ARTICLE` at a terminal.  See README.md for
 * the keys.  It reads the whole article into memory, outlines it, and plays it
 * on the speakers on a playback thread while this thread reads keys and draws. */
#ifndef NARRATE_CLI_PLAYER_H
#define NARRATE_CLI_PLAYER_H

#include <signal.h>

#include "narrate.h"
#include "options.h"

/* What the CLI's signal handler needs: the handles to cancel, and the signal
 * it caught, which ends the player (exit code 128 + signal). */
struct player_hooks {
    volatile sig_atomic_t *caught_signal;
    void (*expose)(narrate *n, narrate_sink *sink); /* NULLs when done */
};

/* Whether the player should run: stdin and stdout are terminals and we are in
 * the foreground (a background job would stop at the first terminal change),
 * the mode is playing on the speakers, one input that is a file, and not
 * --no-display. */
int player_wanted(const options *o);

/* Plays o->inputs[0] interactively; returns the exit code. */
int player_run(const options *o, const char *worker_path, const struct player_hooks *hooks);

#endif
