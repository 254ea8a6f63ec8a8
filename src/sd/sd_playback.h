/* Where one utterance's audio and marks go, and when its marks are reported.
 *
 * Module path: audio is written to the speakers sink, and a mark is reported
 * (700) once the sink has played the samples before it, so the server hears of
 * a mark when its audio is heard, not when it was synthesized.
 * Server path: audio goes out as 705 AUDIO blocks cut at the marks, and each
 * mark is sent between the blocks it separates; the server plays them and
 * reports marks as its own playback reaches them.
 *
 * Used by the speaking thread only, except `stop`, which the command reader
 * sets (and narrate_sink_flush, which is safe from any thread). */
#ifndef SD_PLAYBACK_H
#define SD_PLAYBACK_H

#include <stdatomic.h>
#include <stdint.h>

#include "narrate.h"
#include "sd_config.h"
#include "sd_marks.h"

typedef struct sd_playback {
    sd_audio_path path;
    narrate_sink *sink;     /* module path: the open speakers, else NULL */
    uint64_t sink_total;    /* samples written to the sink since it opened */
    uint64_t base;          /* sink_total when this utterance started */
    uint64_t delivered;     /* samples of this utterance received from narrate */
    sd_marks marks;         /* marks not yet reported */
    int begun;              /* 701 BEGIN sent for this utterance */
    atomic_int stop;        /* 0, or the event to end with: 703 or 704 */
} sd_playback;

/* Opens the speakers for the module path; 0, or -1 with a message. */
int sd_playback_open(sd_playback *pb, sd_audio_path path, char *errmsg, size_t errmsg_size);

/* Resets the per-utterance state (stop is reset by the caller under its lock). */
void sd_playback_start(sd_playback *pb);

/* Sends 701 BEGIN unless this utterance already did. */
void sd_playback_begin(sd_playback *pb);

/* narrate's audio and MARK events for this utterance.  audio returns
 * NARRATE_STOP once a stop was asked for. */
int sd_playback_audio(sd_playback *pb, const int16_t *samples, size_t count, int rate);
void sd_playback_mark(sd_playback *pb, uint64_t sample, const char *name);

/* After narrate_finish: reports the remaining marks as their audio plays and
 * waits until the audio has played.  Returns 0, or the stop event (703/704)
 * when a stop came first. */
int sd_playback_drain(sd_playback *pb);

/* Silences what is queued and forgets the marks (after a stop). */
void sd_playback_cut(sd_playback *pb);

/* Closes the device. */
void sd_playback_close(sd_playback *pb);

#endif
