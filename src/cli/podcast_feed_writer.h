/* --feed: the RSS feed of every episode in the -O folder, read back from the
 * MP3s' own ID3 tags, so that re-running updates it with stable guids. */
#ifndef NARRATE_CLI_PODCAST_FEED_WRITER_H
#define NARRATE_CLI_PODCAST_FEED_WRITER_H

#include "options.h"

/* Writes o->podcast.feed (by way of a temporary; with --cover, the cover is
 * copied into the folder too).  Returns 0, or 4 (EXIT_OUTPUT) after printing why. */
int podcast_write_feed(const options *o);

#endif
