/* Open-addressing hash table from folded keys to entry variants. */
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

uint32_t lex_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int slot_is(const lex_slot *slot, uint32_t h, const char *key, size_t n)
{
    return slot->hash == h && strncmp(slot->key, key, n) == 0 && slot->key[n] == '\0';
}

const lex_slot *lex_table_find(const lex_table *t, const char *key, size_t n)
{
    if (!t->cap)
        return NULL;
    uint32_t h = lex_hash(key, n);
    for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        const lex_slot *slot = &t->slots[i];
        if (!slot->key)
            return NULL;
        if (slot_is(slot, h, key, n))
            return slot;
    }
}

static lex_slot *find_or_add(lex_table *t, const char *key, size_t n, const char *stored_key)
{
    uint32_t h = lex_hash(key, n);
    size_t i = h & (t->cap - 1);
    for (;; i = (i + 1) & (t->cap - 1)) {
        lex_slot *slot = &t->slots[i];
        if (!slot->key)
            break;
        if (slot_is(slot, h, key, n))
            return slot;
    }
    lex_slot *slot = &t->slots[i];
    slot->key = stored_key;
    slot->hash = h;
    slot->max_words = 1;
    slot->variants = NULL;
    t->used++;
    return slot;
}

int lex_table_reserve(lex_table *t, size_t more)
{
    /* Each entry may add its own key and its first word's key. */
    size_t need = t->used + 2 * more;
    if (t->cap && need * 4 < t->cap * 3)
        return 0;
    size_t cap = t->cap ? t->cap : 1024;
    while (need * 4 >= cap * 3)
        cap *= 2;
    lex_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    lex_table grown = {slots, cap, 0};
    for (size_t i = 0; i < t->cap; i++) {
        const lex_slot *old = &t->slots[i];
        if (!old->key)
            continue;
        lex_slot *slot = find_or_add(&grown, old->key, strlen(old->key), old->key);
        *slot = *old;
    }
    free(t->slots);
    *t = grown;
    return 0;
}

/* Variant order: higher layer, then later file, then the more specific entry
 * (case or context flags), then earlier line. */
static int outranks(const lex_entry *a, const lex_entry *b)
{
    if (a->layer != b->layer)
        return a->layer > b->layer;
    if (a->file_seq != b->file_seq)
        return a->file_seq > b->file_seq;
    unsigned specific = LEX_FLAG_CASE | LEX_FLAG_MIDCAP;
    int sa = (a->flags & specific) != 0, sb = (b->flags & specific) != 0;
    if (sa != sb)
        return sa;
    return a->line < b->line;
}

void lex_table_insert(lex_table *t, lex_entry *e)
{
    lex_slot *slot = find_or_add(t, e->key, strlen(e->key), e->key);
    lex_entry **link = &slot->variants;
    while (*link && outranks(*link, e))
        link = &(*link)->next_variant;
    e->next_variant = *link;
    *link = e;
    if (e->nwords > 1) {
        lex_slot *first = find_or_add(t, e->first_key, strlen(e->first_key), e->first_key);
        if (e->nwords > first->max_words)
            first->max_words = e->nwords;
    }
}

void lex_table_free(lex_table *t)
{
    free(t->slots);
    t->slots = NULL;
    t->cap = t->used = 0;
}
