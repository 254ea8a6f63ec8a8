/* Internal: an ID3v2.4 tag (https://id3.org/id3v2.4.0-structure and
 * id3v2-chapters-1.0) with text frames, a comment, a cover and chapters.
 *
 * All text is UTF-8 (encoding byte 3).  Chapters become CHAP frames with
 * element IDs "chp0", "chp1"... each holding a TIT2, listed in order under one
 * top-level, ordered CTOC "toc". */
#ifndef NARRATE_PODCAST_ID3_H
#define NARRATE_PODCAST_ID3_H

#include <stddef.h>
#include <stdint.h>

/* A CTOC holds at most 255 child IDs. */
#define ID3_MAX_CHAPTERS 255

struct id3_chapter {
    uint32_t start_ms, end_ms;
    const char *title;
};

struct id3_info {
    /* Each may be NULL or "": then its frame is left out. */
    const char *title;        /* TIT2 */
    const char *artist;       /* TPE1 */
    const char *album;        /* TALB */
    const char *date;         /* TDRC, ISO 8601 (yyyy, yyyy-MM-dd ...) */
    const char *description;  /* COMM, language "eng", empty content descriptor */
    uint64_t length_ms;       /* TLEN when nonzero */
    const unsigned char *cover; /* APIC, front cover */
    size_t cover_len;
    const char *cover_mime;   /* "image/jpeg" or "image/png" */
    const struct id3_chapter *chapters;
    size_t nchapters;         /* at most ID3_MAX_CHAPTERS */
};

/* Builds the whole tag into a malloc'd buffer (*out, *len; caller frees).
 * Returns 0, ENOMEM, or EINVAL when too many chapters are given or the tag
 * would exceed the 256 MiB an ID3v2 size can express. */
int id3_build(const struct id3_info *info, unsigned char **out, size_t *len);

/* The image type of data from its first bytes: "image/jpeg", "image/png", or
 * NULL for anything else. */
const char *id3_image_mime(const unsigned char *data, size_t len);

#endif
