#include "player_ticks.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#define TICK_LEVEL 9000.0
#define PRIMING_SAMPLES (TICK_RATE / 8) /* more than the 100 ms a speakers sink waits for */

static const double tick_hz[TICK_KINDS] = {880.0, 1320.0, 660.0};

/* A sine burst under a raised-cosine envelope: no click at either end. */
static void make_tone(int16_t *out, double hz)
{
    for (int i = 0; i < TICK_SAMPLES; i++) {
        double envelope = 0.5 - 0.5 * cos(2 * M_PI * i / (TICK_SAMPLES - 1));
        out[i] = (int16_t)lrint(TICK_LEVEL * envelope * sin(2 * M_PI * hz * i / TICK_RATE));
    }
}

void ticks_open(struct ticks *t)
{
    static const int16_t silence[PRIMING_SAMPLES];
    char msg[256];
    memset(t, 0, sizeof *t);
    for (int k = 0; k < TICK_KINDS; k++)
        make_tone(t->tone[k], tick_hz[k]);
    if (narrate_sink_open_speakers(&t->sink, msg, sizeof msg) != NARRATE_OK)
        return;
    if (narrate_sink_write(t->sink, silence, PRIMING_SAMPLES, TICK_RATE) != NARRATE_OK) {
        narrate_sink_close(t->sink, 0, NULL, 0);
        t->sink = NULL;
    }
}

void ticks_play(struct ticks *t, enum tick_kind kind)
{
    if (t->sink && narrate_sink_write(t->sink, t->tone[kind], TICK_SAMPLES, TICK_RATE) == NARRATE_OK)
        return;
    ssize_t r = write(STDOUT_FILENO, "\a", 1);
    (void)r;
}

void ticks_close(struct ticks *t)
{
    narrate_sink_close(t->sink, 0, NULL, 0);
    t->sink = NULL;
}
