/* Internal: the podcast sink's state, shared by sink_podcast.c (spooling and
 * the public calls) and podcast_render.c (playing the spool back into the
 * finished file).  The sink owns every pointer here. */
#ifndef NARRATE_PODCAST_SINK_H
#define NARRATE_PODCAST_SINK_H

#include "podcast_loudness.h"
#include "sink.h"

#include <stdint.h>

#define PODCAST_BATCH 16384
#define PODCAST_MP3_RATE 44100
/* The limiter aims below the promised -1 dBTP: lossy coding adds overshoot
 * (0.5 to 2 dB on 64 kbps MP3s of espeak-ng speech; 1.8 dB seen at 44.1 kHz,
 * which a -2.5 ceiling had to encode again); MP3s whose decoded peak
 * still breaks the promise are encoded again with a lower ceiling. */
#define PODCAST_CEILING_LOSSLESS_DB (-1.5)
#define PODCAST_CEILING_LOSSY_DB (-3.0)

struct podcast_chapter {
    uint64_t sample; /* at the input rate */
    char *title;
};

struct podcast_sink {
    narrate_sink base;
    narrate_podcast_options opts; /* strings point at copies the sink owns */
    narrate_format format;
    char *path;
    int spool_fd;                 /* unlinked int16 PCM at in_rate */
    narrate_sink *inner;          /* the file sink for formats other than MP3 */
    struct loudness_meter *meter;
    int in_rate;                  /* 0 before the first write */
    uint64_t samples;             /* spooled */
    int16_t batch[PODCAST_BATCH];
    size_t batched;
    struct podcast_chapter *chapters;
    size_t nchapters, chapters_cap;
    unsigned char *cover;
    size_t cover_len;
    const char *cover_mime;
    narrate_error failed;         /* sticky */
};

/* Plays the finished spool into the target and commits it.  Returns OK or the
 * error, with the message in s->base.errmsg; the target is replaced only on OK. */
narrate_error podcast_render(struct podcast_sink *s);

/* Writes the batch to the spool and the meter. */
narrate_error podcast_spool_flush(struct podcast_sink *s);

#endif
