/* The player's playback thread.  It owns the synthesizing narrator and is the
 * only writer of the speakers sink; it narrates the article from sentence
 * `start`, and when told to jump it resets, skips to the new sentence and
 * feeds the article again.  The main thread talks to it through the command
 * slot (under `mu`), narrate_cancel and the sink's pause/flush, and learns
 * what is being heard from `played` against the stream positions of the
 * events in the cue queue. */
#ifndef NARRATE_CLI_PLAYER_PLAYBACK_H
#define NARRATE_CLI_PLAYER_PLAYBACK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "narrate.h"
#include "player_outline.h"

#define CUE_CAPACITY 512

/* Something that becomes true when the device has played up to `at`. */
struct cue {
    uint64_t at;           /* stream position: samples written to the sink before it */
    size_t sentence;       /* the sentence index in the outline */
    long word_offset;      /* byte offset of the word in the spoken sentence, or -1 */
    size_t word_length;
};

enum playback_command { PLAY_NONE, PLAY_JUMP, PLAY_QUIT };

struct playback {
    narrate *n;                /* owned by the thread while it runs */
    narrate_sink *sink;
    const char *text;          /* the article, owned by the caller */
    size_t len;
    narrate_input_format format;
    const struct outline *outline;
    pthread_t thread;

    pthread_mutex_t mu;        /* guards everything below it */
    enum playback_command command;
    size_t target;             /* PLAY_JUMP: the sentence to go to */
    int flush_on_jump;         /* drop what is queued (a skip) or let it play (a rate change) */
    const char *voice;         /* applied at the next (re)start */
    int rate;
    int settings_changed;      /* restart at the next sentence boundary with them */
    struct cue cues[CUE_CAPACITY];
    size_t cue_head, cue_count;
    int finished;              /* the end of the article has been heard */
    int done;                  /* the thread has returned */
    narrate_error error;       /* why it stopped, when not asked to */
    char errmsg[256];
    char warning[256];         /* the latest WARNING event, for the status line */

    /* Thread-private while it runs. */
    uint64_t run_base;         /* `written` when the current run started */
    size_t next_sentence;      /* the outline index the next SENTENCE event is */
    size_t word_search;        /* where to look for the next word in the spoken sentence */
    int sample_rate;
    _Atomic uint64_t written;  /* samples written to the sink */
};

/* Fills the callbacks of a config for the narrator the thread will own. */
void playback_configure(struct playback *p, narrate_config *config);

/* Starts the thread at sentence `start`.  Returns 0 or -1. */
int playback_start(struct playback *p, size_t start);

/* Asks for a jump (flush: drop what is queued) or to quit; returns at once. */
void playback_jump(struct playback *p, size_t sentence, int flush);
void playback_quit(struct playback *p);

/* Asks for voice and rate to change from the next sentence on. */
void playback_set_voice(struct playback *p, const char *voice, int rate);

/* Takes the oldest cue the device has reached into *current; returns nonzero
 * when there was one.  Called by the main thread, until it returns 0. */
int playback_take_cues(struct playback *p, struct cue *current);

/* Drops the cues not yet heard (after a jump). */
void playback_clear_cues(struct playback *p);

/* Waits for the thread and releases the mutex. */
void playback_join(struct playback *p);

#endif
