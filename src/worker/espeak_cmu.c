#include "espeak_cmu.h"

#include <stdio.h>
#include <string.h>

#define MNEMONIC_MAX 8

static int is_cmu_vowel(const char *phone, size_t len)
{
    static const char vowels[] = " aa ae ah ao aw ax ay eh er ey ih iy ow oy uh uw ";
    char key[8];
    if (len != 2)
        return 0;
    snprintf(key, sizeof key, " %.2s ", phone);
    return strstr(vowels, key) != NULL;
}

/* The table row whose mnemonic is the longest prefix of `at`: its CMU column
 * (up to the line's end) in *cmu, and the mnemonic's length; 0 when none. */
static size_t longest_row(const char *table, const char *at, const char **cmu)
{
    size_t best = 0;
    for (const char *line = table; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (*line == '#' || *line == '\n')
            continue;
        const char *tab = strchr(line, '\t');
        const char *eol = strchr(line, '\n');
        if (!tab || (eol && tab > eol))
            continue;
        size_t len = (size_t)(tab - line);
        if (len > best && len <= MNEMONIC_MAX && strncmp(at, line, len) == 0) {
            best = len;
            *cmu = tab + 1;
        }
    }
    return best;
}

typedef struct phone_writer {
    char *out;
    size_t size, used;
    int phones, overflow;
} phone_writer;

static void put_phone(phone_writer *w, const char *phone, size_t len, int stress)
{
    int vowel = is_cmu_vowel(phone, len);
    if (vowel && stress && strncmp(phone, "ax", 2) == 0)
        phone = "ah";
    int n = snprintf(w->out + w->used, w->size - w->used, "%s%.*s%s", w->phones ? " " : "",
                     (int)len, phone, vowel ? (stress ? "1" : "0") : "");
    if (n < 0 || (size_t)n >= w->size - w->used) {
        w->overflow = 1;
        return;
    }
    w->used += (size_t)n;
    w->phones++;
}

/* Writes a row's CMU column; the stress goes to its first vowel.  Returns
 * whether it held a vowel. */
static int put_row(phone_writer *w, const char *cmu, int stress)
{
    int had_vowel = 0;
    while (*cmu && *cmu != '\n' && !w->overflow) {
        size_t len = strcspn(cmu, " \n");
        if (len > 0 && !(len == 1 && *cmu == '-')) {
            int vowel = is_cmu_vowel(cmu, len);
            put_phone(w, cmu, len, vowel && !had_vowel ? stress : 0);
            had_vowel |= vowel;
        }
        cmu += len;
        while (*cmu == ' ')
            cmu++;
    }
    return had_vowel;
}

int espeak_to_cmu(const char *table, const char *mnemonics, char *out, size_t size)
{
    phone_writer w = {out, size, 0, 0, 0};
    if (size == 0)
        return -1;
    out[0] = '\0';
    int stress = 0;
    for (const char *at = mnemonics; *at && !w.overflow;) {
        if (*at == '\'' || *at == ',') {
            stress = 1;
            at++;
            continue;
        }
        const char *cmu = NULL;
        size_t len = longest_row(table, at, &cmu);
        if (len == 0) {
            at++; /* a mark (%, =, _, -, ;), a space or an unknown mnemonic */
            continue;
        }
        if (put_row(&w, cmu, stress))
            stress = 0;
        at += len;
    }
    return w.overflow ? -1 : w.phones;
}
