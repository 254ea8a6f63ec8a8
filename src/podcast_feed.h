/* Internal: an RSS 2.0 podcast feed with the itunes and podcast namespaces. */
#ifndef NARRATE_PODCAST_FEED_H
#define NARRATE_PODCAST_FEED_H

#include <stddef.h>
#include <stdint.h>

struct feed_channel {
    const char *title, *description, *author;  /* author may be NULL */
    const char *base_url;      /* where the folder is published, without a trailing / */
    const char *image;         /* file name of the cover in the folder, or NULL */
    const char *language;      /* e.g. "en" */
    const char *category;      /* an Apple Podcasts category, e.g. "News" */
};

struct feed_episode {
    const char *file;          /* the MP3's name in the folder */
    const char *guid;          /* stable across runs */
    const char *title, *description; /* description may be NULL */
    int64_t published;         /* Unix time */
    uint64_t bytes;            /* the MP3's exact size */
    uint64_t seconds;
    const char *transcript;    /* file names in the folder, or NULL */
    const char *chapters;
};

/* The feed as a malloc'd string, or NULL when memory is short. */
char *feed_rss(const struct feed_channel *channel, const struct feed_episode *episodes, size_t n);

#endif
