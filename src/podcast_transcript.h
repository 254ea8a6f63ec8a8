/* Internal: transcripts timed from synthesis events, as text the caller frees.
 *
 * Spans carry sample positions at `rate` Hz, and byte spans into the input. */
#ifndef NARRATE_PODCAST_TRANSCRIPT_H
#define NARRATE_PODCAST_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>

struct transcript_span {
    uint64_t start, end;      /* samples; end >= start */
    uint64_t offset, length;  /* bytes in the input */
    const char *text;         /* UTF-8 */
};

/* WebVTT, one cue per span, HH:MM:SS.mmm; text on one line with &, < and >
 * escaped.  NULL when memory is short. */
char *transcript_vtt(const struct transcript_span *cues, size_t n, int rate);
/* SubRip, numbered from 1, HH:MM:SS,mmm.  NULL when memory is short. */
char *transcript_srt(const struct transcript_span *cues, size_t n, int rate);
/* {"words":[{"text","start","end","offset","length"}...]}, times in seconds
 * with millisecond precision.  NULL when memory is short. */
char *transcript_marks(const struct transcript_span *words, size_t n, int rate);
/* Podcasting 2.0 chapters (version 1.2.0): startTime (and endTime) in seconds
 * and title per span.  NULL when memory is short. */
char *transcript_chapters(const struct transcript_span *chapters, size_t n, int rate);

#endif
