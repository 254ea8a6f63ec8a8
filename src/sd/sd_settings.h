/* Speech settings as speech-dispatcher sends them (SET name=value lines) and
 * their translation into narrate's voice, rate, pitch, volume and reading. */
#ifndef SD_SETTINGS_H
#define SD_SETTINGS_H

#include "narrate.h"

typedef struct sd_settings {
    int rate, pitch, volume;    /* speech-dispatcher's -100..100 */
    char synthesis_voice[64];   /* a name from LIST VOICES, or "" */
    char voice_type[16];        /* "male1" .. "child_female", or "" */
    char language[32];          /* as sent, or "" */
    narrate_punctuation punctuation;
    narrate_capitals capitals;
    int spell;
} sd_settings;

/* Speech-dispatcher's defaults: rate, pitch 0, volume 100, nothing named. */
void sd_settings_init(sd_settings *s);

/* Applies one "name=value" line; "NULL" or an unknown value leaves the setting
 * as it was.  Returns 0, or -1 for a line that is not name=value or names an
 * unknown setting (the caller logs it; the protocol does not fail on it). */
int sd_settings_set(sd_settings *s, const char *line);

/* narrate's words per minute for a speech-dispatcher rate: `normal` at 0,
 * 80 at -100 and 450 at +100, linear on each side. */
int sd_rate_wpm(int rate, int normal);
/* narrate's pitch 0..100 (50 at 0) and volume 0..200 (100 at +100, which is
 * speech-dispatcher's default volume; 0 at -100). */
int sd_pitch(int pitch);
int sd_volume(int volume);

#endif
