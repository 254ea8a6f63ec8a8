/* Command lines and dot-terminated blocks from standard input. */
#include "sd_in.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *sd_in_line(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    return line;
}

static int is_end(const char *line) { return strcmp(line, ".") == 0; }

/* The line as sent, before the server doubled a leading dot. */
static const char *undoubled(const char *line) { return strncmp(line, "..", 2) == 0 ? line + 1 : line; }

typedef struct text_acc {
    char *text;
    size_t len;
    int broken;
} text_acc;

static void append_line(void *userdata, const char *line)
{
    text_acc *acc = userdata;
    if (acc->broken)
        return;
    const char *s = undoubled(line);
    size_t n = strlen(s);
    char *grown = realloc(acc->text, acc->len + n + 2);
    if (!grown) {
        acc->broken = 1;
        return;
    }
    acc->text = grown;
    if (acc->len > 0)
        acc->text[acc->len++] = '\n';
    memcpy(acc->text + acc->len, s, n + 1);
    acc->len += n;
}

int sd_in_each_line(void (*fn)(void *userdata, const char *line), void *userdata)
{
    for (;;) {
        char *line = sd_in_line();
        if (!line)
            return -1;
        int end = is_end(line);
        if (!end)
            fn(userdata, line);
        free(line);
        if (end)
            return 0;
    }
}

char *sd_in_block(void)
{
    text_acc acc = {0};
    if (sd_in_each_line(append_line, &acc) < 0 || acc.broken) {
        free(acc.text);
        return NULL;
    }
    return acc.text ? acc.text : strdup("");
}
