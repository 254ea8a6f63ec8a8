/* narrate's voices as speech-dispatcher voice lines. */
#include "sd_voices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add_line(sd_voices *v, const char *name, const char *language, size_t language_len)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 32;
        char **grown = realloc(v->lines, cap * sizeof *grown);
        if (!grown)
            return -1;
        v->lines = grown;
        v->cap = cap;
    }
    size_t n = strlen(name) + language_len + sizeof "\t\tnone";
    char *line = malloc(n);
    if (!line)
        return -1;
    snprintf(line, n, "%s\t%.*s\tnone", name, (int)language_len, language);
    v->lines[v->count++] = line;
    return 0;
}

/* Presets are English voices; engine voices are kept when English.  An engine
 * may describe a voice after its language ("en-us, female, clustergen"): the
 * language is the first word. */
static int on_voice(void *userdata, const char *name, const char *language)
{
    sd_voices *v = userdata;
    if (strcmp(language, "preset") == 0)
        language = "en";
    else if (strncmp(language, "en", 2) != 0)
        return NARRATE_CONTINUE;
    size_t len = strcspn(language, ", \t");
    return add_line(v, name, language, len) == 0 ? NARRATE_CONTINUE : NARRATE_STOP;
}

int sd_voices_collect(sd_voices *v, narrate *n, char *errmsg, size_t errmsg_size)
{
    narrate_error err = narrate_list_voices(n, on_voice, v);
    if (err != NARRATE_OK) {
        snprintf(errmsg, errmsg_size, "listing voices: %s",
                 err == NARRATE_ESTOPPED ? "out of memory" : narrate_errmsg(n));
        return -1;
    }
    return 0;
}

int sd_voices_has(const sd_voices *v, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < v->count; i++)
        if (strncmp(v->lines[i], name, n) == 0 && v->lines[i][n] == '\t')
            return 1;
    return 0;
}

void sd_voices_free(sd_voices *v)
{
    for (size_t i = 0; i < v->count; i++)
        free(v->lines[i]);
    free(v->lines);
    v->lines = NULL;
    v->count = v->cap = 0;
}
