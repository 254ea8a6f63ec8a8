/* Flite's voices: the five compiled into Debian's libflite (registered only
 * when first used) and .flitevox files found by name or path. */
#ifndef NARRATE_WORKER_FLITE_VOICES_H
#define NARRATE_WORKER_FLITE_VOICES_H

#include <stddef.h>

#include <flite/flite.h>

#include "engine.h"

/* The voice `name`: a built-in voice (kal, kal16, slt, rms, awb; "" is
 * FLITE_DEFAULT_VOICE), a path to a .flitevox file (it holds a '/' or ends in
 * .flitevox), or NAME.flitevox in $XDG_DATA_HOME/narrate/voices (or
 * ~/.local/share/narrate/voices), then ./voices.  The voice stays loaded
 * until flite_voices_release.  NULL with a reason in err, starting "no such
 * voice" when nothing of that name exists. */
cst_voice *flite_voices_open(const char *name, char *err, size_t err_size);

/* Releases every voice opened. */
void flite_voices_release(void);

/* Calls fn with each built-in voice, then each .flitevox file in the voice
 * directories.  Nonzero when fn stopped it. */
int flite_voices_list(engine_voice_fn fn, void *userdata);

#define FLITE_DEFAULT_VOICE "rms"

#endif
