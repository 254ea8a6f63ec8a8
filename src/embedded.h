/* Data files from pronunciations/, compiled into the library by src/tools/embed.c. */
#ifndef NARRATE_EMBEDDED_H
#define NARRATE_EMBEDDED_H

#include <stddef.h>

typedef struct embedded_file {
    const char *name; /* basename, e.g. "abbreviations.tsv"; NULL ends the table */
    const char *data; /* NUL-terminated as well as `size` bytes long */
    size_t size;
} embedded_file;

extern const embedded_file embedded_files[];

/* The embedded file of that basename, or NULL. */
const embedded_file *embedded_find(const char *name);

#endif
