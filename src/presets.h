/* Voice presets: named INI files (voices/NAME.ini, built in; then
 * $XDG_CONFIG_HOME/narrate/voices/NAME.ini, which wins) that bundle a voice,
 * its prosody and the pauses and styles of an article's structure.
 * Every key is checked: an unknown key or a value out of range is an error
 * reported as "file:line: message". */
#ifndef NARRATE_PRESETS_H
#define NARRATE_PRESETS_H

#include <stddef.h>

#include "narrate.h"

#define PRESET_NAME_MAX 64

typedef enum quote_style {
    QUOTE_PITCH = 0, /* quoted speech at another pitch (the default) */
    QUOTE_ANNOUNCE,  /* "quote ... end quote" */
    QUOTE_PLAIN,
} quote_style;

typedef struct voice_preset {
    char name[PRESET_NAME_MAX];
    char engine[16];               /* "espeak-ng" or "flite" */
    char voice[PRESET_NAME_MAX];   /* a voice of that engine, e.g. "en-us+f3" or "rms" */
    int rate, pitch, range, volume; /* wpm 80..450; 0..100; 0..100; 0..200 */
    int sentence_pause_ms, paragraph_pause_ms, heading_pause_ms; /* 0..5000 */
    quote_style quotes;
    int quote_pitch;               /* 0..100, with QUOTE_PITCH */
    int heading_rate;              /* wpm for headings; 0: the preset's rate */
} voice_preset;

/* The values a preset starts from before its file is read. */
void preset_defaults(voice_preset *p, const char *name);

/* Parses an INI text named `filename` (for messages) into *p, over whatever it
 * already holds.  Possible errors: EDATA (errmsg: "file:line: message"). */
narrate_error preset_parse(const char *text, const char *filename, voice_preset *p,
                           char *errmsg, size_t errmsg_size);

/* Finds preset `name`: the user's file, else the built-in one.  EVOICE when
 * neither exists (the name may then be an espeak-ng voice).
 * Possible errors: EVOICE, EDATA, ENOMEM. */
narrate_error preset_find(const char *name, voice_preset *p, char *errmsg, size_t errmsg_size);

/* Resolves a voice as the library is given it: "[ENGINE:]NAME", where NAME is
 * a preset or a voice of ENGINE (espeak-ng by default).  ENGINE with a preset
 * that uses another engine keeps the preset's prosody and pauses and takes
 * ENGINE's default voice; "ENGINE:" alone is the news preset on ENGINE.  A
 * name that is no preset becomes that engine's voice with the defaults
 * (whether the voice exists is the worker's to say).
 * Possible errors: EVOICE (no such engine), EDATA, ENOMEM. */
narrate_error preset_resolve(const char *spec, voice_preset *p, char *errmsg, size_t errmsg_size);

/* Calls fn with each preset's name (built-in ones first, then the user's that
 * are not shadowing one) and "preset"; stops early when fn says so. */
int preset_list(narrate_voice_fn fn, void *userdata);

#endif
