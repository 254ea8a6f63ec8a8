/* SET lines into an sd_settings, and its numbers into narrate's ranges. */
#include "sd_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sd_settings_init(sd_settings *s)
{
    memset(s, 0, sizeof *s);
    s->volume = 100;
}

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

int sd_rate_wpm(int rate, int normal)
{
    rate = clamp(rate, -100, 100);
    if (rate < 0)
        return normal + rate * (normal - 80) / 100;
    return normal + rate * (450 - normal) / 100;
}

int sd_pitch(int pitch) { return clamp(50 + clamp(pitch, -100, 100) / 2, 0, 100); }

int sd_volume(int volume) { return (clamp(volume, -100, 100) + 100) / 2; }

/* Looks `value` up in a NULL-terminated list of names; -1 when absent. */
static int index_of(const char *value, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(value, names[i]) == 0)
            return i;
    return -1;
}

static void set_number(int *field, const char *value)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (end != value && *end == '\0')
        *field = clamp((int)(v < -1000 ? -1000 : v > 1000 ? 1000 : v), -100, 100);
}

static void set_string(char *field, size_t size, const char *value)
{
    if (strcmp(value, "NULL") == 0)
        field[0] = '\0';
    else
        snprintf(field, size, "%s", value);
}

static void set_punctuation(sd_settings *s, const char *value)
{
    /* "most" names nearly everything: narrate's nearest level is "all". */
    static const char *const names[] = {"none", "some", "most", "all", NULL};
    static const narrate_punctuation levels[] = {NARRATE_PUNCT_NONE, NARRATE_PUNCT_SOME,
                                                 NARRATE_PUNCT_ALL, NARRATE_PUNCT_ALL};
    int i = index_of(value, names);
    if (i >= 0)
        s->punctuation = levels[i];
}

static void set_capitals(sd_settings *s, const char *value)
{
    /* "icon" asks for a sound: narrate has none, so a raised pitch is the
     * non-verbal cue; "spell" is the spoken word. */
    static const char *const names[] = {"none", "icon", "spell", NULL};
    static const narrate_capitals modes[] = {NARRATE_CAPS_NONE, NARRATE_CAPS_PITCH,
                                             NARRATE_CAPS_WORD};
    int i = index_of(value, names);
    if (i >= 0)
        s->capitals = modes[i];
}

int sd_settings_set(sd_settings *s, const char *line)
{
    const char *eq = strchr(line, '=');
    if (!eq)
        return -1;
    char name[32];
    size_t n = (size_t)(eq - line);
    if (n >= sizeof name)
        return -1;
    memcpy(name, line, n);
    name[n] = '\0';
    const char *value = eq + 1;

    if (strcmp(name, "rate") == 0)
        set_number(&s->rate, value);
    else if (strcmp(name, "pitch") == 0)
        set_number(&s->pitch, value);
    else if (strcmp(name, "volume") == 0)
        set_number(&s->volume, value);
    else if (strcmp(name, "punctuation_mode") == 0)
        set_punctuation(s, value);
    else if (strcmp(name, "cap_let_recogn") == 0)
        set_capitals(s, value);
    else if (strcmp(name, "spelling_mode") == 0)
        s->spell = strcmp(value, "on") == 0 ? 1 : strcmp(value, "off") == 0 ? 0 : s->spell;
    else if (strcmp(name, "synthesis_voice") == 0)
        set_string(s->synthesis_voice, sizeof s->synthesis_voice, value);
    else if (strcmp(name, "voice") == 0 || strcmp(name, "voice_type") == 0)
        set_string(s->voice_type, sizeof s->voice_type, value);
    else if (strcmp(name, "language") == 0)
        set_string(s->language, sizeof s->language, value);
    else if (strcmp(name, "pitch_range") != 0 && strcmp(name, "punctuation_some") != 0 &&
             strcmp(name, "punctuation_most") != 0)
        return -1;
    return 0;
}
