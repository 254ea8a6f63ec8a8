/* Arena allocation for lexicon entries and strings: freed all at once with
 * the lexicon, or with a file that failed to load. */
#include <stdlib.h>
#include <string.h>

#include "lexicon_internal.h"

#define BLOCK_DATA 16384

struct lex_block {
    lex_block *next;
    size_t used, cap;
    _Alignas(max_align_t) unsigned char data[];
};

static lex_block *new_block(size_t need)
{
    size_t cap = need > BLOCK_DATA ? need : BLOCK_DATA;
    lex_block *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->next = NULL;
    b->used = 0;
    b->cap = cap;
    return b;
}

void *lex_arena_alloc(lex_arena *a, size_t size)
{
    size_t align = sizeof(void *);
    size = (size + align - 1) & ~(align - 1);
    lex_block *b = a->blocks;
    if (!b || b->cap - b->used < size) {
        lex_block *fresh = new_block(size);
        if (!fresh)
            return NULL;
        fresh->next = a->blocks;
        a->blocks = fresh;
        b = fresh;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *lex_arena_strndup(lex_arena *a, const char *s, size_t n)
{
    char *p = lex_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *lex_arena_strdup(lex_arena *a, const char *s)
{
    return lex_arena_strndup(a, s, strlen(s));
}

void lex_arena_splice(lex_arena *into, lex_arena *from)
{
    if (!from->blocks)
        return;
    lex_block *tail = from->blocks;
    while (tail->next)
        tail = tail->next;
    /* The receiving arena keeps allocating from its own newest block. */
    if (into->blocks) {
        tail->next = into->blocks->next;
        into->blocks->next = from->blocks;
    } else {
        into->blocks = from->blocks;
    }
    from->blocks = NULL;
}

void lex_arena_free(lex_arena *a)
{
    lex_block *b = a->blocks;
    while (b) {
        lex_block *next = b->next;
        free(b);
        b = next;
    }
    a->blocks = NULL;
}
