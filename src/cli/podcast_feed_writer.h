/* The RSS feed of every episode in a folder, read back from the MP3s' own ID3
 * tags, so that re-running updates it with stable guids.  Used by -O --feed
 * and by `narrate feed`. */
#ifndef NARRATE_CLI_PODCAST_FEED_WRITER_H
#define NARRATE_CLI_PODCAST_FEED_WRITER_H

/* What the feed describes; every string is borrowed.  title NULL: the
 * newest episode's album (--show), else the folder's name.  cover NULL: a
 * cover.jpg or cover.png already in the folder, if any.  language and
 * category NULL: "en" and "News". */
struct feed_request {
    const char *dir, *feed, *base_url;
    const char *title, *description, *author, *cover, *language, *category;
    int need_episodes;        /* a folder without episodes is an error */
};

/* Writes req->feed (by way of a temporary; a --cover is copied into the
 * folder as cover.jpg or cover.png).  Returns 0, or after printing one line
 * why: 3 (EXIT_INPUT) when the folder cannot be read or, with need_episodes,
 * holds no episode; 4 (EXIT_OUTPUT) when the feed or cover cannot be written. */
int podcast_write_feed(const struct feed_request *req);

/* Whether dir holds a published cover (cover.jpg or cover.png). */
int podcast_feed_has_cover(const char *dir);

#endif
