#include "podcast_date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int iso_prefix(const char *s, char *out, size_t size)
{
    size_t n = 0;
    static const char shape[] = "dddd-dd-dd";
    while (n < 10 && s[n] && (shape[n] == 'd' ? isdigit((unsigned char)s[n]) : s[n] == '-'))
        n++;
    if (n != 4 && n != 7 && n != 10)
        return -1;
    if (n < 10 && isdigit((unsigned char)s[n]))
        return -1;
    snprintf(out, size, "%.*s", (int)n, s);
    return 0;
}

/* 1..12 for a month name or its abbreviation at s, with its length in *len. */
static int month_at(const char *s, size_t *len)
{
    static const char *const names[] = {"january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december"};
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (int m = 0; m < 12 && n >= 3; m++)
        if (strncasecmp(s, names[m], n) == 0 && (n == 3 || n == strlen(names[m]) || n == 4)) {
            *len = n + (s[n] == '.');
            return m + 1;
        }
    return 0;
}

int podcast_iso_date(const char *text, char *out, size_t size)
{
    const char *s = text;
    size_t len;
    char *end;
    while (isspace((unsigned char)*s))
        s++;
    if (iso_prefix(s, out, size) == 0)
        return 0;
    long day = 0, year;
    int month = month_at(s, &len);
    if (month) { /* March 15, 2025 */
        day = strtol(s + len, &end, 10);
        s = end + (*end == ',');
    } else {     /* 15 March 2025 */
        day = strtol(s, &end, 10);
        while (*end == ' ')
            end++;
        if (!(month = month_at(end, &len)))
            return -1;
        s = end + len;
    }
    year = strtol(s, &end, 10);
    if (day < 1 || day > 31 || year < 1000 || year > 9999)
        return -1;
    snprintf(out, size, "%04ld-%02d-%02ld", year, month, day);
    return 0;
}
