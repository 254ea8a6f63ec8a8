#include "podcast_batch_items.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define SLUG_MAX 60

static int is_article(const char *name)
{
    static const char *const exts[] = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"};
    const char *dot = strrchr(name, '.');
    if (!dot || name[0] == '.')
        return 0;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i]) == 0)
            return 1;
    return 0;
}

static int push(char ***v, size_t *n, size_t *cap, char *path)
{
    if (!path)
        return -1;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        char **p = realloc(*v, c * sizeof *p);
        if (!p) {
            free(path);
            return -1;
        }
        *v = p;
        *cap = c;
    }
    (*v)[(*n)++] = path;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_folder(const char *dir, char ***v, size_t *n, size_t *cap)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t first = *n;
    if (!d) {
        fprintf(stderr, "narrate: cannot read %s: %s\n", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d))) {
        if (!is_article(e->d_name))
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(len);
        if (path)
            snprintf(path, len, "%s/%s", dir, e->d_name);
        if (push(v, n, cap, path) != 0) {
            closedir(d);
            fputs("narrate: out of memory\n", stderr);
            return -1;
        }
    }
    closedir(d);
    if (*n > first)
        qsort(*v + first, *n - first, sizeof **v, by_name);
    return 0;
}

int batch_collect(char **inputs, int ninputs, char ***out, size_t *n)
{
    size_t cap = 0;
    struct stat st;
    *out = NULL;
    *n = 0;
    for (int i = 0; i < ninputs; i++) {
        int rc = stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)
                     ? add_folder(inputs[i], out, n, &cap)
                     : push(out, n, &cap, strdup(inputs[i]));
        if (rc != 0) {
            batch_free_paths(*out, *n);
            return -1;
        }
    }
    return 0;
}

void batch_free_paths(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

static void slugify(const char *s, size_t len, char *out, size_t size)
{
    size_t o = 0;
    int hyphen = 0;
    for (size_t i = 0; i < len && o + 1 < size && o < SLUG_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) && c < 0x80) {
            if (hyphen && o > 0)
                out[o++] = '-';
            if (o + 1 < size)
                out[o++] = (char)tolower(c);
            hyphen = 0;
        } else if (c != '\'' && !(c >= 0x80 && c < 0xC0)) {
            hyphen = 1; /* apostrophes and continuation bytes join */
        }
    }
    out[o] = '\0';
}

void batch_slug(const char *title, const char *input, char *out, size_t size)
{
    out[0] = '\0';
    if (title)
        slugify(title, strlen(title), out, size);
    if (out[0])
        return;
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    slugify(base, dot && dot != base ? (size_t)(dot - base) : strlen(base), out, size);
    if (!out[0])
        snprintf(out, size, "episode");
}
