/* SSML markup carried from a reader block to one sentence's job: what each
 * spoken word is said with (engine_text.c lays it into the engine text) and
 * the marks that fall in the sentence (jobs.c emits them at their sample). */
#ifndef NARRATE_JOB_MARKUP_H
#define NARRATE_JOB_MARKUP_H

#include <stddef.h>
#include <stdint.h>

#include "normalize.h"
#include "reader.h"

/* How one norm_word is said beyond its letters. */
typedef struct word_markup {
    int rate, pitch, volume; /* percent of the voice's own; 100 unchanged */
    char *phonemes;          /* owned; said in place of this word and the swallowed ones after it */
    int swallowed;           /* covered by an earlier word's phonemes: not said itself */
    int spell;               /* a single letter is said by its name */
} word_markup;

/* A <mark> in a sentence: it falls just before norm_word `word` (nwords: after
 * the last word, at the end of the sentence's audio). */
typedef struct job_mark {
    size_t word;
    char *name;              /* owned */
    uint64_t offset, length; /* the tag in the document */
} job_mark;

/* Everything SSML says about one sentence; all NULL/0 for other formats. */
typedef struct job_markup {
    word_markup *words;      /* nwords entries, or NULL when no word has markup */
    size_t nwords;
    job_mark *marks;
    size_t nmarks, marks_done;
} job_markup;

/* Fills *out for sentence s, which stands at block bytes [at, end) of b; a
 * sentence that ends the block also takes the marks after the block's text.
 * Possible errors: ENOMEM (then *out is empty). */
narrate_error job_markup_build(const reader_block *b, size_t at, size_t end,
                               const norm_sentence *s, job_markup *out);

/* The marks of an empty block, or of a sentence with nothing to say. */
narrate_error job_markup_marks_only(const reader_block *b, size_t at, size_t end,
                                    job_markup *out);

void job_markup_free(job_markup *m);

#endif
