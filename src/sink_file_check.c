/* Decode-and-count verification of a finished output file. */
#include "sink_file_check.h"

#include <stdint.h>

/* Measured with Debian's libsndfile 1.2.0 (libvorbis, libopus, LAME + mpg123 with
 * gapless decoding): every format decodes to exactly the frames written, for
 * lengths from 1 frame up.  The lossy formats get a margin far below one codec
 * frame (MP3 576, Opus 960 at 48 kHz, Vorbis 128 at least), so that another
 * decoder's rounding passes while losing any whole frame or page still fails. */
sf_count_t sink_file_tolerance(narrate_format format, int rate)
{
    (void)rate;
    switch (format) {
    case NARRATE_FORMAT_WAV:
    case NARRATE_FORMAT_FLAC:
        return 0;
    default:
        return 64;
    }
}

/* Decodes to the end; returns the frames read, or -1 on a decoding error. */
static sf_count_t count_decoded(SNDFILE *snd)
{
    int16_t buf[4096];
    sf_count_t total = 0, n;
    while ((n = sf_read_short(snd, buf, 4096)) > 0)
        total += n;
    return sf_error(snd) == SF_ERR_NO_ERROR ? total : -1;
}

narrate_error sink_file_check(narrate_sink *s, const char *tmp_path, const char *target,
                              narrate_format format, int rate, sf_count_t frames)
{
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(tmp_path, SFM_READ, &info);
    sf_count_t got, diff;
    if (!snd)
        return sink_fail(s, NARRATE_EWRITE, "'%s' failed its check: cannot read it back: %s",
                         target, sf_strerror(NULL));
    if (info.channels != 1 || info.samplerate != rate) {
        sf_close(snd);
        return sink_fail(s, NARRATE_EWRITE, "'%s' failed its check: it reads as %d channels "
                         "at %d Hz", target, info.channels, info.samplerate);
    }
    /* PCM WAV needs no decoding: libsndfile takes the frame count from the data
     * chunk and clamps it to what the file really holds, so a cut file shows. */
    got = format == NARRATE_FORMAT_WAV ? info.frames : count_decoded(snd);
    if (got < 0) {
        sink_fail(s, NARRATE_EWRITE, "'%s' failed its check: %s", target, sf_strerror(snd));
        sf_close(snd);
        return NARRATE_EWRITE;
    }
    sf_close(snd);
    diff = got > frames ? got - frames : frames - got;
    if (diff > sink_file_tolerance(format, rate))
        return sink_fail(s, NARRATE_EWRITE, "'%s' failed its check: %lld of %lld frames "
                         "read back", target, (long long)got, (long long)frames);
    return NARRATE_OK;
}
