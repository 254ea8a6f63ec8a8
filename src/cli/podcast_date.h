/* Dates for ID3 (TDRC) and feeds: what articles write, read as ISO 8601. */
#ifndef NARRATE_CLI_PODCAST_DATE_H
#define NARRATE_CLI_PODCAST_DATE_H

#include <stddef.h>

/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" for text that starts with an ISO
 * date (as <time datetime> and og metadata have it) or reads "March 15, 2025",
 * "Mar. 15, 2025" or "15 March 2025".  Returns 0, or -1 for anything else. */
int podcast_iso_date(const char *text, char *out, size_t size);

#endif
