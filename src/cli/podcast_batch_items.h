/* The articles of a batch: the inputs named (files, or the articles in a
 * folder) and the episode names derived from their titles. */
#ifndef NARRATE_CLI_PODCAST_BATCH_ITEMS_H
#define NARRATE_CLI_PODCAST_BATCH_ITEMS_H

#include <stddef.h>

/* Expands FILE... and DIR... into a malloc'd array of malloc'd paths (*n);
 * a folder gives its .txt, .md, .markdown, .html, .htm and .xhtml files in
 * name order.  Returns 0, or -1 after printing why. */
int batch_collect(char **inputs, int ninputs, char ***out, size_t *n);
void batch_free_paths(char **paths, size_t n);

/* A file name stem from a title: lower-case ASCII letters and digits with
 * single hyphens, at most 60 bytes; the input's own stem when the title
 * gives nothing.  Writes into out[0..size). */
void batch_slug(const char *title, const char *input, char *out, size_t size);

#endif
