#include "presets.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "embedded.h"

/* One INI key: where it goes in voice_preset and what it accepts. */
typedef struct preset_key {
    const char *section, *name;
    size_t offset;
    int min, max;
    int zero_means_off; /* 0 is accepted besides min..max */
} preset_key;

#define KEY(section, name, field, min, max) \
    {section, name, offsetof(voice_preset, field), min, max, 0}

static const preset_key integer_keys[] = {
    KEY("voice", "rate", rate, 80, 450),
    KEY("voice", "pitch", pitch, 0, 100),
    KEY("voice", "range", range, 0, 100),
    KEY("voice", "volume", volume, 0, 200),
    KEY("pauses", "sentence", sentence_pause_ms, 0, 5000),
    KEY("pauses", "paragraph", paragraph_pause_ms, 0, 5000),
    KEY("pauses", "heading", heading_pause_ms, 0, 5000),
    KEY("quotes", "pitch", quote_pitch, 0, 100),
    {"headings", "rate", offsetof(voice_preset, heading_rate), 80, 450, 1},
};

void preset_defaults(voice_preset *p, const char *name)
{
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "%s", name ? name : "");
    snprintf(p->engine, sizeof p->engine, "espeak-ng");
    snprintf(p->voice, sizeof p->voice, "en-us");
    p->rate = 175;
    p->pitch = 50;
    p->range = 50;
    p->volume = 100;
    p->quotes = QUOTE_PITCH;
    p->quote_pitch = 62;
}

typedef struct parse_state {
    voice_preset *preset;
    char problem[160]; /* why the handler refused its line */
} parse_state;

static int refuse(parse_state *st, const char *fmt, const char *a, const char *b)
{
    snprintf(st->problem, sizeof st->problem, fmt, a, b);
    return 0;
}

static int set_integer(parse_state *st, const preset_key *k, const char *value)
{
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    int in_range = (v >= k->min && v <= k->max) || (k->zero_means_off && v == 0);
    if (*value == '\0' || *end != '\0' || errno || !in_range) {
        char range[48];
        snprintf(range, sizeof range, "%s%d..%d", k->zero_means_off ? "0 or " : "", k->min, k->max);
        return refuse(st, "%s takes a whole number in %s", k->name, range);
    }
    *(int *)((char *)st->preset + k->offset) = (int)v;
    return 1;
}

static int set_quote_style(parse_state *st, const char *value)
{
    static const char *const styles[] = {"pitch", "announce", "plain"};
    for (int i = 0; i < 3; i++)
        if (strcasecmp(value, styles[i]) == 0) {
            st->preset->quotes = (quote_style)i;
            return 1;
        }
    return refuse(st, "quotes style is pitch, announce or plain, not '%s'%s", value, "");
}

static int set_voice_name(parse_state *st, const char *value)
{
    size_t len = strlen(value);
    if (len == 0 || len >= sizeof st->preset->voice || strspn(value,
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+") != len)
        return refuse(st, "voice '%s' is not an espeak-ng voice name%s", value, "");
    memcpy(st->preset->voice, value, len + 1);
    return 1;
}

/* The engines a preset may name, and the voice each starts from. */
static const char *const engine_names[][2] = {{"espeak-ng", "en-us"}, {"flite", "rms"}};
#define NENGINES (sizeof engine_names / sizeof engine_names[0])

static const char *engine_default_voice(const char *engine)
{
    for (size_t i = 0; i < NENGINES; i++)
        if (strcmp(engine, engine_names[i][0]) == 0)
            return engine_names[i][1];
    return NULL;
}

static int set_engine(parse_state *st, const char *value)
{
    if (!engine_default_voice(value))
        return refuse(st, "engine is espeak-ng or flite, not '%s'%s", value, "");
    snprintf(st->preset->engine, sizeof st->preset->engine, "%s", value);
    return 1;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    parse_state *st = user;
    if (strcmp(section, "voice") == 0 && strcmp(name, "engine") == 0)
        return set_engine(st, value);
    if (strcmp(section, "voice") == 0 && strcmp(name, "voice") == 0)
        return set_voice_name(st, value);
    if (strcmp(section, "quotes") == 0 && strcmp(name, "style") == 0)
        return set_quote_style(st, value);
    for (size_t i = 0; i < sizeof integer_keys / sizeof integer_keys[0]; i++)
        if (strcmp(section, integer_keys[i].section) == 0 &&
            strcmp(name, integer_keys[i].name) == 0)
            return set_integer(st, &integer_keys[i], value);
    return refuse(st, "unknown key '%s' in section [%s]", name, section);
}

narrate_error preset_parse(const char *text, const char *filename, voice_preset *p,
                           char *errmsg, size_t errmsg_size)
{
    parse_state st = {p, ""};
    int line = ini_parse_string(text, on_key, &st);
    if (line == 0)
        return NARRATE_OK;
    if (errmsg && errmsg_size)
        snprintf(errmsg, errmsg_size, "%s:%d: %s", filename, line,
                 line < 0 ? "cannot be read" : *st.problem ? st.problem : "not INI syntax");
    return NARRATE_EDATA;
}

/* $XDG_CONFIG_HOME/narrate/voices, or ~/.config/narrate/voices; 0 when neither. */
static int user_voices_dir(char *dir, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(dir, size, "%s/narrate/voices", xdg);
    else if (home && *home)
        n = snprintf(dir, size, "%s/.config/narrate/voices", home);
    else
        return 0;
    return n > 0 && (size_t)n < size;
}

static char *read_small_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = calloc(1, 65537);
    if (text)
        (void)fread(text, 1, 65536, f);
    int unreadable = ferror(f) || fgetc(f) != EOF; /* an error, or over 64 KiB */
    fclose(f);
    if (unreadable) {
        free(text);
        return NULL;
    }
    return text;
}

static int is_preset_name(const char *name)
{
    size_t len = strlen(name);
    return len > 0 && len < PRESET_NAME_MAX - 5 &&
           strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == len;
}

narrate_error preset_find(const char *name, voice_preset *p, char *errmsg, size_t errmsg_size)
{
    if (!is_preset_name(name))
        return NARRATE_EVOICE;
    preset_defaults(p, name);
    char dir[PATH_MAX], path[PATH_MAX + PRESET_NAME_MAX + 8];
    if (user_voices_dir(dir, sizeof dir)) {
        snprintf(path, sizeof path, "%s/%s.ini", dir, name);
        char *text = read_small_file(path);
        if (text) {
            narrate_error err = preset_parse(text, path, p, errmsg, errmsg_size);
            free(text);
            return err;
        }
    }
    char file[PRESET_NAME_MAX + 8];
    snprintf(file, sizeof file, "%s.ini", name);
    const embedded_file *builtin = embedded_find(file);
    if (!builtin)
        return NARRATE_EVOICE;
    snprintf(path, sizeof path, "voices/%s", file);
    return preset_parse(builtin->data, path, p, errmsg, errmsg_size);
}

/* Copies a file name's stem into name when it ends in ".ini". */
static int ini_stem(const char *file, char *name, size_t size)
{
    size_t len = strlen(file);
    if (len < 5 || len - 4 >= size || strcmp(file + len - 4, ".ini") != 0)
        return 0;
    memcpy(name, file, len - 4);
    name[len - 4] = '\0';
    return is_preset_name(name);
}

static int list_user_presets(narrate_voice_fn fn, void *userdata)
{
    char dir[PATH_MAX], name[PRESET_NAME_MAX], file[PRESET_NAME_MAX + 8];
    DIR *d = user_voices_dir(dir, sizeof dir) ? opendir(dir) : NULL;
    if (!d)
        return NARRATE_CONTINUE;
    int rc = NARRATE_CONTINUE;
    struct dirent *e;
    while (rc == NARRATE_CONTINUE && (e = readdir(d))) {
        if (!ini_stem(e->d_name, name, sizeof name))
            continue;
        snprintf(file, sizeof file, "%s.ini", name);
        if (!embedded_find(file))
            rc = fn(userdata, name, "preset (yours)");
    }
    closedir(d);
    return rc;
}

int preset_list(narrate_voice_fn fn, void *userdata)
{
    char name[PRESET_NAME_MAX];
    for (const embedded_file *f = embedded_files; f->name; f++)
        if (ini_stem(f->name, name, sizeof name) && fn(userdata, name, "preset") == NARRATE_STOP)
            return NARRATE_STOP;
    return list_user_presets(fn, userdata);
}

/* Splits "ENGINE:NAME"; engine is "" when the spec names none. */
static int split_spec(const char *spec, char *engine, size_t engine_size, const char **name)
{
    const char *colon = strchr(spec, ':');
    *engine = '\0';
    *name = spec;
    if (!colon)
        return 0;
    if ((size_t)(colon - spec) >= engine_size)
        return -1;
    memcpy(engine, spec, (size_t)(colon - spec));
    engine[colon - spec] = '\0';
    *name = colon + 1;
    return engine_default_voice(engine) ? 0 : -1;
}

narrate_error preset_resolve(const char *spec, voice_preset *p, char *errmsg, size_t errmsg_size)
{
    char engine[16];
    const char *name;
    if (split_spec(spec, engine, sizeof engine, &name) != 0) {
        if (errmsg && errmsg_size)
            snprintf(errmsg, errmsg_size, "no such engine in '%s' (espeak-ng or flite)", spec);
        return NARRATE_EVOICE;
    }
    narrate_error err = preset_find(*name ? name : "news", p, errmsg, errmsg_size);
    if (err == NARRATE_EVOICE) {
        preset_defaults(p, name);
        snprintf(p->voice, sizeof p->voice, "%s", name);
        if (*engine)
            snprintf(p->engine, sizeof p->engine, "%s", engine);
        return NARRATE_OK;
    }
    if (err == NARRATE_OK && *engine && strcmp(engine, p->engine) != 0) {
        snprintf(p->engine, sizeof p->engine, "%s", engine);
        snprintf(p->voice, sizeof p->voice, "%s", engine_default_voice(engine));
    }
    return err;
}
