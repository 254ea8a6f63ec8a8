#include "player_voices.h"

#include <stdio.h>
#include <string.h>

static int add_preset(void *userdata, const char *name, const char *language)
{
    struct voices *v = userdata;
    if (strcmp(language, "preset") != 0)
        return NARRATE_STOP;
    if (v->count < VOICES_MAX)
        snprintf(v->names[v->count++], sizeof v->names[0], "%s", name);
    return NARRATE_CONTINUE;
}

void voices_load(struct voices *v, narrate *n, const char *voice)
{
    memset(v, 0, sizeof *v);
    narrate_list_voices(n, add_preset, v); /* ESTOPPED at the first engine voice */
    const char *want = voice ? voice : "news";
    v->current = -1;
    snprintf(v->other, sizeof v->other, "%s", want);
    for (size_t i = 0; i < v->count; i++)
        if (strcmp(v->names[i], want) == 0)
            v->current = (long)i;
}

const char *voices_current(const struct voices *v)
{
    return v->current >= 0 ? v->names[v->current] : v->other;
}

const char *voices_step(struct voices *v, int step)
{
    if (v->count == 0)
        return NULL;
    long n = (long)v->count;
    v->current = v->current < 0 ? (step > 0 ? 0 : n - 1) : ((v->current + step) % n + n) % n;
    return v->names[v->current];
}
