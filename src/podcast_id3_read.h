/* Internal: reading back the text frames of an ID3v2.3/2.4 tag at the start
 * of an MP3, for building a feed from the episodes in a folder. */
#ifndef NARRATE_PODCAST_ID3_READ_H
#define NARRATE_PODCAST_ID3_READ_H

#include <stdint.h>

/* Each string is malloc'd UTF-8 or NULL when the frame is absent. */
struct id3_summary {
    char *title, *artist, *album, *date, *description;
    uint64_t length_ms;  /* TLEN; 0 when absent */
};

/* Reads the tag of the file at path.  Returns 0 (a file without a tag gives
 * an empty summary), ENOMEM, or the errno of a failed read. */
int id3_read_file(const char *path, struct id3_summary *out);
void id3_summary_free(struct id3_summary *s);

#endif
