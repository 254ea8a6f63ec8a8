/* What narrate knows about page furniture, from pronunciations/boilerplate.tsv:
 * phrases that are never article text ("Skip to main content"), photo-credit
 * patterns, and the class and id words that mark cookie banners, share bars,
 * captions and bylines in HTML.  The lists are data; the decisions are here. */
#ifndef NARRATE_READER_HINTS_H
#define NARRATE_READER_HINTS_H

#include <stddef.h>

typedef enum hint_kind {
    HINT_LINE,            /* a whole line or block that is furniture */
    HINT_LINK_LIST,       /* furniture heading a list of links ("Related Coverage") */
    HINT_PREFIX,          /* a short line starting so is furniture */
    HINT_CREDIT_PREFIX,   /* a short line starting so is a photo credit */
    HINT_CREDIT_CONTAINS, /* a short line containing it is a photo credit */
    HINT_NOISE_CLASS,     /* class/id word of navigation, ads, banners, share bars */
    HINT_CAPTION_CLASS,   /* class/id word of a caption or credit */
    HINT_BYLINE_CLASS,    /* class/id word of a byline */
    HINT_DATE_CLASS,      /* class/id word of a dateline or post metadata */
    HINT_KINDS
} hint_kind;

typedef struct reader_hints {
    const char **words[HINT_KINDS]; /* lowercase; point into store */
    size_t count[HINT_KINDS];
    char *store;
} reader_hints;

/* Loads the embedded boilerplate.tsv (absent: empty lists).  Returns 0 on
 * allocation failure, leaving h empty. */
int reader_hints_load(reader_hints *h);
void reader_hints_free(reader_hints *h);

typedef enum line_verdict { LINE_TEXT, LINE_FURNITURE, LINE_LINK_LIST, LINE_CREDIT } line_verdict;

/* Judges a line or short block of text s[0..n): furniture only when it is
 * short, has no sentence punctuation inside and matches a phrase; a credit
 * when short and matching a credit pattern; a link list's heading when it is
 * a link-list phrase. */
line_verdict reader_hints_judge_line(const reader_hints *h, const char *s, size_t n);

/* Whether a class or id attribute value holds a word of that kind.  Words are
 * the attribute's parts split at spaces, '-', '_' and lowercase-to-uppercase
 * steps; a hint of several words ("most-read") matches consecutive parts, and
 * one ending in '*' matches a part's beginning. */
int reader_hints_match_class(const reader_hints *h, hint_kind kind, const char *attr);

#endif
