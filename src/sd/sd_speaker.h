/* The speaking side of sd_narrate: one narrate handle and one thread that
 * speaks one utterance at a time, while the command reader (the main thread)
 * keeps reading, so that STOP is acted on at once.
 *
 * Threads: sd_speaker_new, _open_audio, _speak, _stop and _free are called by
 * the command reader only; the speaking thread writes BEGIN, INDEX MARK, END,
 * STOP and PAUSE events (and 705 AUDIO when the server plays) through sd_out. */
#ifndef SD_SPEAKER_H
#define SD_SPEAKER_H

#include <stddef.h>

#include "sd_config.h"
#include "sd_settings.h"

typedef struct sd_speaker sd_speaker;

typedef enum sd_job_kind {
    SD_JOB_TEXT,   /* SSML as speech-dispatcher sends it */
    SD_JOB_CHAR,   /* one character, spelled */
    SD_JOB_KEY,    /* a key name such as "shift_a" or "kp-enter" */
    SD_JOB_ICON,   /* a sound icon: narrate has none, so it is silent */
} sd_job_kind;

/* Starts narrate (and its workers) with `config` and the speaking thread.
 * NULL on failure, with a message in errmsg. */
sd_speaker *sd_speaker_new(const sd_config *config, char *errmsg, size_t errmsg_size);

/* Chooses where audio goes: SD_AUDIO_MODULE opens the default audio device now;
 * SD_AUDIO_SERVER sends it to the server.  Returns 0, or -1 with a message. */
int sd_speaker_open_audio(sd_speaker *sp, sd_audio_path path, char *errmsg, size_t errmsg_size);

/* The voices to list: "name\tlanguage\tvariant" lines, valid until _free. */
const char *const *sd_speaker_voices(const sd_speaker *sp, size_t *count);

/* Nonzero while an utterance is being spoken.  Only the command reader starts
 * utterances, so for it a zero stays zero until its next sd_speaker_speak. */
int sd_speaker_busy(sd_speaker *sp);

/* Starts speaking `text` (taken over: freed by the speaker) with `settings`.
 * Returns 0, or -1 when an utterance is still being spoken (text is freed). */
int sd_speaker_speak(sd_speaker *sp, sd_job_kind kind, char *text, const sd_settings *settings);

/* Stops the utterance being spoken at once; the speaking thread then reports
 * 703 STOP (pause 0) or 704 PAUSE (pause nonzero).  A no-op when idle. */
void sd_speaker_stop(sd_speaker *sp, int pause);

/* Stops, joins the thread, closes the device and narrate; NULL is a no-op. */
void sd_speaker_free(sd_speaker *sp);

#endif
