/* narrate.conf: a few "Name value" lines. */
#include "sd_config.h"
#include "sd_out.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const sd_voice_type_names[SD_VOICE_TYPES] = {
    "male1", "male2", "male3", "female1", "female2", "female3", "child_male", "child_female",
};

static int voice_type_index(const char *type)
{
    for (int i = 0; i < SD_VOICE_TYPES; i++)
        if (strcasecmp(type, sd_voice_type_names[i]) == 0)
            return i;
    return -1;
}

const char *sd_config_voice_for_type(const sd_config *c, const char *type)
{
    int i = voice_type_index(type);
    return i >= 0 && c->voice_types[i][0] ? c->voice_types[i] : NULL;
}

void sd_config_init(sd_config *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->voice, sizeof c->voice, "screenreader");
    c->normal_rate = 230;
    c->audio = SD_AUDIO_MODULE;
    c->workers = 0;
}

/* s without surrounding blanks and, when it is quoted, without its quotes;
 * cut in place. */
static char *trimmed(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    if (*s == '"' && end > s + 1 && end[-1] == '"') {
        end[-1] = '\0';
        s++;
    }
    return s;
}

/* Splits "Name value" in place at the first blank; returns 0, or -1 for a
 * line with no name (blank or comment). */
static int split_line(char *line, char **name, char **value)
{
    char *p = line;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '\0' || *p == '#')
        return -1;
    *name = p;
    while (*p && !isspace((unsigned char)*p))
        p++;
    if (*p)
        *p++ = '\0';
    *value = trimmed(p);
    return 0;
}

/* "TYPE VOICE": the voice for a speech-dispatcher voice type. */
static int set_voice_type(sd_config *c, char *value)
{
    char *type, *voice;
    if (split_line(value, &type, &voice) < 0 || *voice == '\0')
        return -1;
    int i = voice_type_index(type);
    if (i < 0)
        return -1;
    snprintf(c->voice_types[i], sizeof c->voice_types[i], "%s", voice);
    return 0;
}

static int parse_int(const char *value, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (end == value || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int apply(sd_config *c, const char *name, char *value)
{
    if (strcmp(name, "NarrateVoice") == 0) {
        snprintf(c->voice, sizeof c->voice, "%s", value);
        return 0;
    }
    if (strcmp(name, "NarrateRate") == 0)
        return parse_int(value, 80, 450, &c->normal_rate);
    if (strcmp(name, "NarrateWorkers") == 0)
        return parse_int(value, 0, 64, &c->workers);
    if (strcmp(name, "NarrateVoiceType") == 0)
        return set_voice_type(c, value);
    if (strcmp(name, "NarrateAudio") == 0) {
        if (strcmp(value, "module") == 0)
            c->audio = SD_AUDIO_MODULE;
        else if (strcmp(value, "server") == 0)
            c->audio = SD_AUDIO_SERVER;
        else
            return -1;
        return 0;
    }
    sd_log(2, "config: ignoring unknown setting %s", name);
    return 0;
}

int sd_config_read(sd_config *c, const char *path, char *errmsg, size_t errmsg_size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char *line = NULL, *name, *value;
    size_t cap = 0;
    int lineno = 0, result = 0;
    while (result == 0 && getline(&line, &cap, f) >= 0) {
        lineno++;
        if (split_line(line, &name, &value) == 0 && apply(c, name, value) < 0) {
            snprintf(errmsg, errmsg_size, "%s:%d: bad value for %s: %s", path, lineno, name,
                     value);
            result = -1;
        }
    }
    free(line);
    fclose(f);
    return result;
}
