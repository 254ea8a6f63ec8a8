/* The module's configuration file (narrate.conf), the path speech-dispatcher
 * passes as the first argument: "Name value" lines, value optionally in double
 * quotes, '#' comments.  Unknown names are ignored with a log line. */
#ifndef SD_CONFIG_H
#define SD_CONFIG_H

#include <stddef.h>

typedef enum sd_audio_path {
    SD_AUDIO_MODULE = 0,   /* the module plays on the default audio device */
    SD_AUDIO_SERVER,       /* the module sends 705 AUDIO and the server plays */
} sd_audio_path;

/* speech-dispatcher's voice types, in the order of sd_config.voice_types. */
#define SD_VOICE_TYPES 8
extern const char *const sd_voice_type_names[SD_VOICE_TYPES];

typedef struct sd_config {
    char voice[64];        /* NarrateVoice: preset or espeak-ng voice ("screenreader") */
    int normal_rate;       /* NarrateRate: words a minute at rate 0 (230) */
    sd_audio_path audio;   /* NarrateAudio: "module" or "server" */
    int workers;           /* NarrateWorkers: synthesis processes (0: one per core) */
    /* NarrateVoiceType TYPE VOICE: the voice for a client's voice type
     * (spd-say -t female1); "" means `voice`. */
    char voice_types[SD_VOICE_TYPES][64];
} sd_config;

/* The voice for a voice type name ("female1", any case), or NULL when the
 * type is unknown or has none configured. */
const char *sd_config_voice_for_type(const sd_config *c, const char *type);

void sd_config_init(sd_config *c);

/* Reads `path` into c; a missing file keeps the defaults and returns 0;
 * returns -1 with a message in errmsg for a value out of range. */
int sd_config_read(sd_config *c, const char *path, char *errmsg, size_t errmsg_size);

#endif
