/* SSML for CHAR, KEY and SOUND_ICON, built from escaped text. */
#include "sd_text.h"

#include <stdlib.h>
#include <string.h>

/* Appends s to out (which has room), escaping the XML special characters and
 * writing '_' and '-' between characters as spaces when words is nonzero. */
static char *put_escaped(char *out, const char *s, int words)
{
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default: break;
        }
        if (rep) {
            size_t n = strlen(rep);
            memcpy(out, rep, n);
            out += n;
        } else {
            *out++ = (words && (*s == '_' || *s == '-') && s[1]) ? ' ' : *s;
        }
    }
    return out;
}

static char *wrap(const char *open, const char *text, const char *close, int words)
{
    size_t n = strlen(open) + 6 * strlen(text) + strlen(close) + 1;
    char *out = malloc(n);
    if (!out)
        return NULL;
    char *p = out;
    memcpy(p, open, strlen(open));
    p = put_escaped(p + strlen(open), text, words);
    memcpy(p, close, strlen(close) + 1);
    return out;
}

char *sd_text_to_ssml(sd_job_kind kind, const char *text)
{
    switch (kind) {
    case SD_JOB_CHAR:
        return wrap("<speak><say-as interpret-as=\"characters\">", text, "</say-as></speak>", 0);
    case SD_JOB_KEY:
        return wrap("<speak>", text, "</speak>", 1);
    case SD_JOB_ICON:
        return strdup("<speak></speak>");
    case SD_JOB_TEXT:
    default:
        return strdup(text);
    }
}
