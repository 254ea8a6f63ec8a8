/* The CLI's podcast side of one narration into one file: it opens the sink
 * (a podcast sink for MP3 or when --loudness asks, else a plain file sink),
 * follows the events to time chapters, subtitles and word marks, tags the
 * episode from the article, and writes the transcripts once the audio is in
 * place.  One track per output file; it owns copies of everything it keeps. */
#ifndef NARRATE_CLI_PODCAST_TRACK_H
#define NARRATE_CLI_PODCAST_TRACK_H

#include "narrate.h"
#include "podcast_options.h"

#include <stddef.h>

typedef struct podcast_track podcast_track;

/* NULL when memory is short. */
podcast_track *podcast_track_new(const podcast_cli *pc);
void podcast_track_free(podcast_track *t);

/* Opens the sink for `path`; returns what narrate_sink_open_* returned. */
narrate_error podcast_track_open(podcast_track *t, const char *path, narrate_format format,
                                 narrate_sink **sink, char *errmsg, size_t errmsg_size);

/* The narrator whose document info tags the episode. */
void podcast_track_attach(podcast_track *t, narrate *n);

/* From the audio callback; all calls below accept t == NULL and do nothing. */
void podcast_track_audio(podcast_track *t, size_t count, int rate);
/* From the event callback: collects timings and gives headings to the sink
 * as chapters. */
void podcast_track_event(podcast_track *t, narrate_sink *sink, const narrate_event *ev);

/* Before the sink commits: the tags, options first, then the article's. */
void podcast_track_tag(podcast_track *t, narrate_sink *sink);

/* After the sink committed: writes --subtitles, --marks and --chapters (each
 * by way of a temporary).  Returns 0, or 4 (EXIT_OUTPUT) after printing why. */
int podcast_track_write(podcast_track *t);

/* What the CLI learned, for the batch summary and feed: seconds of audio and
 * the title ("" when none). */
double podcast_track_seconds(const podcast_track *t);
const char *podcast_track_title(const podcast_track *t);

/* For -O: the files podcast_track_write writes, whatever the options said. */
void podcast_track_set_outputs(podcast_track *t, const char *subtitles, const char *marks,
                               const char *chapters);

#endif
