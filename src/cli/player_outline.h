/* The article's sentences as the library counts them (the k of
 * narrate_skip_sentences), with their spoken text, source span, the heading
 * they are under and whether they start a paragraph.  Built once, before
 * playing, with a narrator made with synthesize 0. */
#ifndef NARRATE_CLI_PLAYER_OUTLINE_H
#define NARRATE_CLI_PLAYER_OUTLINE_H

#include <stddef.h>
#include <stdint.h>

#include "narrate.h"

struct outline_sentence {
    uint64_t offset, length; /* bytes in the article */
    char *spoken;            /* owned */
    long heading;            /* index into headings, or -1 before the first */
    int paragraph_start;     /* a heading, or the first sentence after a blank line or block tag */
};

struct outline {
    struct outline_sentence *sentences; /* owned */
    size_t count, capacity;
    char **headings;                    /* owned; spoken text */
    size_t nheadings, heading_capacity;
    int heading_pending;                /* a HEADING came; its SENTENCE is next */
    size_t spoken_bytes;                /* sum of the sentences' spoken lengths */
};

void outline_init(struct outline *o);
void outline_free(struct outline *o);

/* Records one event of a normalize-only pass over `text` (the whole article,
 * so that gaps between sentences can be looked at).  Returns -1 when memory is short. */
int outline_add(struct outline *o, const narrate_event *ev, const char *text, size_t len);

/* Runs the normalize-only pass.  Returns NARRATE_OK or the library's error,
 * with a message in errmsg. */
narrate_error outline_build(struct outline *o, const char *text, size_t len,
                            narrate_input_format format, const char *worker_path,
                            char *errmsg, size_t errmsg_size);

/* The first sentence of the paragraph after (or before) the one holding
 * sentence k; stays inside [0, count). */
size_t outline_next_paragraph(const struct outline *o, size_t k);
size_t outline_prev_paragraph(const struct outline *o, size_t k);

/* The first sentence whose spoken text or source bytes contain `needle`
 * (ASCII case ignored), or -1. */
long outline_find(const struct outline *o, const char *text, const char *needle);

#endif
