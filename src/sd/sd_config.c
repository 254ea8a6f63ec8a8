/* narrate.conf: a few "Name value" lines. */
#include "sd_config.h"
#include "sd_out.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sd_config_init(sd_config *c)
{
    snprintf(c->voice, sizeof c->voice, "screenreader");
    c->normal_rate = 230;
    c->audio = SD_AUDIO_MODULE;
    c->workers = 0;
}

/* Splits "Name value" or "Name "value"" in place; returns 0, or -1 for a line
 * with no name (blank or comment). */
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
    while (isspace((unsigned char)*p))
        p++;
    char *end = p + strlen(p);
    while (end > p && isspace((unsigned char)end[-1]))
        *--end = '\0';
    if (*p == '"' && end > p + 1 && end[-1] == '"') {
        end[-1] = '\0';
        p++;
    }
    *value = p;
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

static int apply(sd_config *c, const char *name, const char *value)
{
    if (strcmp(name, "NarrateVoice") == 0) {
        snprintf(c->voice, sizeof c->voice, "%s", value);
        return 0;
    }
    if (strcmp(name, "NarrateRate") == 0)
        return parse_int(value, 80, 450, &c->normal_rate);
    if (strcmp(name, "NarrateWorkers") == 0)
        return parse_int(value, 0, 64, &c->workers);
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
