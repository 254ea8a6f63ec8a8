/* Lexicon files on disk (see lexicon_files.h). */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_files.h"

#ifndef NARRATE_SYSCONFDIR
#define NARRATE_SYSCONFDIR "/etc"
#endif

void lex_set_error(char *errmsg, size_t errmsg_size, const char *fmt, ...)
{
    if (!errmsg || !errmsg_size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errmsg, errmsg_size, fmt, ap);
    va_end(ap);
}

static narrate_error read_stream(FILE *f, const char *path, char **data, size_t *size, char *errmsg,
                                 size_t errmsg_size)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        if (cap >= LEX_MAX_FILE_SIZE) {
            free(buf);
            lex_set_error(errmsg, errmsg_size, "%s: larger than %u bytes", path, LEX_MAX_FILE_SIZE);
            return NARRATE_EDATA;
        }
        char *grown = realloc(buf, cap * 2 + 1);
        if (!grown)
            free(buf);
        buf = grown;
        cap *= 2;
    }
    if (!buf) {
        lex_set_error(errmsg, errmsg_size, "%s: out of memory", path);
        return NARRATE_ENOMEM;
    }
    if (ferror(f)) {
        lex_set_error(errmsg, errmsg_size, "%s: %s", path, strerror(errno));
        free(buf);
        return NARRATE_EOPEN;
    }
    buf[len] = '\0';
    *data = buf;
    *size = len;
    return 0;
}

narrate_error lex_read_file(const char *path, char **data, size_t *size, char *errmsg, size_t errmsg_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        lex_set_error(errmsg, errmsg_size, "%s: %s", path, strerror(errno));
        return NARRATE_EOPEN;
    }
    narrate_error err = read_stream(f, path, data, size, errmsg, errmsg_size);
    fclose(f);
    return err;
}

int lex_system_dir(char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s/narrate", NARRATE_SYSCONFDIR);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

int lex_user_dir(char *out, size_t cap)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(out, cap, "%s/narrate", xdg);
    else if (home && home[0])
        n = snprintf(out, cap, "%s/.config/narrate", home);
    else
        return -1;
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

static int is_lexicon_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && (strcmp(name + n - 4, ".lex") == 0 || strcmp(name + n - 4, ".pls") == 0);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

/* The lexicon file names in dir, sorted; *count 0 when dir is missing. */
static narrate_error list_dir(const char *dir, char ***names, size_t *count)
{
    *names = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t cap = 0;
    narrate_error err = 0;
    for (struct dirent *de; !err && (de = readdir(d));) {
        if (!is_lexicon_name(de->d_name))
            continue;
        if (*count == cap) {
            cap = cap ? cap * 2 : 8;
            char **grown = realloc(*names, cap * sizeof *grown);
            if (!grown) {
                err = NARRATE_ENOMEM;
                break;
            }
            *names = grown;
        }
        if (!((*names)[*count] = strdup(de->d_name)))
            err = NARRATE_ENOMEM;
        else
            (*count)++;
    }
    closedir(d);
    if (err) {
        free_names(*names, *count);
        *names = NULL;
        *count = 0;
        return err;
    }
    if (*count)
        qsort(*names, *count, sizeof **names, by_name);
    return 0;
}

narrate_error lex_add_dir(lexicon *lex, const char *dir, lexicon_layer layer, char *errmsg, size_t errmsg_size)
{
    char **names;
    size_t count;
    narrate_error err = list_dir(dir, &names, &count);
    if (err) {
        lex_set_error(errmsg, errmsg_size, "%s: out of memory", dir);
        return err;
    }
    for (size_t i = 0; !err && i < count; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        err = lexicon_add_file(lex, path, layer, errmsg, errmsg_size);
    }
    free_names(names, count);
    return err;
}
