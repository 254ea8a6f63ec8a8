#include "flite_voices.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Defined by libflite_cmu_us_* and libflite_usenglish/cmulex; Debian ships no
 * header for them. */
cst_voice *register_cmu_us_kal(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);
void unregister_cmu_us_kal(cst_voice *v);
void unregister_cmu_us_kal16(cst_voice *v);
void unregister_cmu_us_slt(cst_voice *v);
void unregister_cmu_us_rms(cst_voice *v);
void unregister_cmu_us_awb(cst_voice *v);
void usenglish_init(cst_voice *v);
cst_lexicon *cmulex_init(void);

typedef struct builtin_voice {
    const char *name, *description;
    cst_voice *(*reg)(const char *voxdir);
    void (*unreg)(cst_voice *v);
    cst_voice *voice; /* NULL until first opened */
} builtin_voice;

static builtin_voice builtins[] = {
    {"kal", "en-us, male, diphone, 8 kHz", register_cmu_us_kal, unregister_cmu_us_kal, NULL},
    {"kal16", "en-us, male, diphone, 16 kHz", register_cmu_us_kal16, unregister_cmu_us_kal16, NULL},
    {"slt", "en-us, female, clustergen", register_cmu_us_slt, unregister_cmu_us_slt, NULL},
    {"rms", "en-us, male, clustergen, pitch not adjustable", register_cmu_us_rms, unregister_cmu_us_rms, NULL},
    {"awb", "en-us (Scottish), male, clustergen", register_cmu_us_awb, unregister_cmu_us_awb, NULL},
};
#define NBUILTINS (sizeof builtins / sizeof builtins[0])

static int started;
static cst_voice *loaded; /* the one .flitevox voice kept, or NULL */
static char loaded_path[PATH_MAX];

static void start(void)
{
    if (started)
        return;
    flite_init();
    flite_add_lang("eng", usenglish_init, cmulex_init);
    flite_add_lang("usenglish", usenglish_init, cmulex_init);
    started = 1;
}

/* $XDG_DATA_HOME/narrate/voices or ~/.local/share/narrate/voices; 0 when neither. */
static int user_voice_dir(char *dir, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(dir, size, "%s/narrate/voices", xdg);
    else if (home && *home)
        n = snprintf(dir, size, "%s/.local/share/narrate/voices", home);
    else
        return 0;
    return n > 0 && (size_t)n < size;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The file a voice name means, when one exists. */
static int voice_file(const char *name, char *path, size_t size)
{
    if (strchr(name, '/') || ends_with(name, ".flitevox")) {
        snprintf(path, size, "%s", name);
        return is_file(path);
    }
    char dir[PATH_MAX];
    if (user_voice_dir(dir, sizeof dir) &&
        snprintf(path, size, "%s/%s.flitevox", dir, name) < (int)size && is_file(path))
        return 1;
    return snprintf(path, size, "voices/%s.flitevox", name) < (int)size && is_file(path);
}

static cst_voice *open_file(const char *name, char *err, size_t size)
{
    char path[PATH_MAX];
    if (!voice_file(name, path, sizeof path)) {
        snprintf(err, size, "no such voice");
        return NULL;
    }
    if (loaded && strcmp(path, loaded_path) == 0)
        return loaded;
    if (loaded)
        delete_voice(loaded);
    loaded = flite_voice_load(path);
    if (!loaded) {
        snprintf(err, size, "no such voice: %s is not a Flite voice file (.flitevox)", path);
        return NULL;
    }
    snprintf(loaded_path, sizeof loaded_path, "%s", path);
    return loaded;
}

cst_voice *flite_voices_open(const char *name, char *err, size_t size)
{
    start();
    if (!*name)
        name = FLITE_DEFAULT_VOICE;
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0) {
            if (!builtins[i].voice)
                builtins[i].voice = builtins[i].reg(NULL);
            if (!builtins[i].voice)
                snprintf(err, size, "Flite could not start voice %s", name);
            return builtins[i].voice;
        }
    return open_file(name, err, size);
}

void flite_voices_release(void)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        if (builtins[i].voice) {
            builtins[i].unreg(builtins[i].voice);
            builtins[i].voice = NULL;
        }
    if (loaded)
        delete_voice(loaded);
    loaded = NULL;
}

static int list_dir(const char *dir, engine_voice_fn fn, void *userdata)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int stopped = 0;
    struct dirent *e;
    while (!stopped && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len <= 9 || !ends_with(e->d_name, ".flitevox"))
            continue;
        char name[80];
        snprintf(name, sizeof name, "flite:%.*s", (int)(len - 9), e->d_name);
        stopped = fn(userdata, name, "en-us, Flite voice file") != 0;
    }
    closedir(d);
    return stopped;
}

int flite_voices_list(engine_voice_fn fn, void *userdata)
{
    char name[32], dir[PATH_MAX];
    for (size_t i = 0; i < NBUILTINS; i++) {
        snprintf(name, sizeof name, "flite:%s", builtins[i].name);
        if (fn(userdata, name, builtins[i].description) != 0)
            return 1;
    }
    if (user_voice_dir(dir, sizeof dir) && list_dir(dir, fn, userdata))
        return 1;
    return list_dir("voices", fn, userdata);
}
