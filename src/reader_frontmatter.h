/* YAML front matter at the top of a Markdown document. */
#ifndef NARRATE_READER_FRONTMATTER_H
#define NARRATE_READER_FRONTMATTER_H

#include <stddef.h>

enum { FRONT_TITLE, FRONT_AUTHOR, FRONT_DATE, FRONT_FIELDS };

typedef struct front_matter {
    size_t body_start;  /* where the Markdown starts; 0 without front matter */
    struct {
        size_t at, len; /* the value's bytes in the document; len 0 when absent */
    } field[FRONT_FIELDS];
} front_matter;

/* Finds front matter at the start of s[0..n); none unless it is closed. */
void front_matter_read(const char *s, size_t n, front_matter *fm);

#endif
