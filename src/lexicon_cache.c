/* Interned rule readings.  lexicon_lookup hands out pointers that must live as
 * long as the lexicon, and rules compose readings on the fly, so each distinct
 * reading is stored once here.  Guarded by a mutex: lookups stay safe from
 * several threads.  Bounded: past LEX_CACHE_MAX readings, rules fall silent
 * (the engine's own reading stands) rather than grow without end. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

#define LEX_CACHE_MAX 65536

struct lex_cache {
    pthread_mutex_t lock;
    char **slots;
    size_t cap, used;
};

int lex_cache_new(lex_cache **out)
{
    lex_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NARRATE_ENOMEM;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c);
        return NARRATE_ENOMEM;
    }
    *out = c;
    return 0;
}

void lex_cache_free(lex_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        free(c->slots[i]);
    free(c->slots);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static char **probe(char **slots, size_t cap, const char *s)
{
    size_t i = lex_hash(s, strlen(s)) & (cap - 1);
    while (slots[i] && strcmp(slots[i], s) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int grow(lex_cache *c)
{
    size_t cap = c->cap ? c->cap * 2 : 256;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i])
            *probe(slots, cap, c->slots[i]) = c->slots[i];
    free(c->slots);
    c->slots = slots;
    c->cap = cap;
    return 0;
}

static const char *intern_locked(lex_cache *c, const char *s)
{
    if (c->cap) {
        char **slot = probe(c->slots, c->cap, s);
        if (*slot)
            return *slot;
    }
    if (c->used >= LEX_CACHE_MAX || ((c->used + 1) * 2 > c->cap && grow(c) != 0))
        return NULL;
    char *copy = strdup(s);
    if (!copy)
        return NULL;
    *probe(c->slots, c->cap, s) = copy;
    c->used++;
    return copy;
}

const char *lex_cache_intern(lex_cache *c, const char *s)
{
    pthread_mutex_lock(&c->lock);
    const char *result = intern_locked(c, s);
    pthread_mutex_unlock(&c->lock);
    return result;
}
