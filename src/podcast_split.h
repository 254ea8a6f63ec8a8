/* Internal: where a spooled narration may be cut into stretches that are
 * processed (limited, resampled, MP3-encoded) independently and joined
 * frame-exact, see podcast_mp3_join.h. */
#ifndef NARRATE_PODCAST_SPLIT_H
#define NARRATE_PODCAST_SPLIT_H

#include <stddef.h>
#include <stdint.h>

/* Fills starts[0..n) with the first sample of each stretch of the int16
 * spool in fd (`samples` long at in_rate), n <= max, starts[0] = 0.  Every
 * other start lies in digital silence long enough that resampling to
 * out_rate and an MP3 encoder's delay see only zeros around it, falls on a
 * frame (start * out_rate / in_rate is a multiple of 1152), and near an
 * equal share.  Stretches are at least min_samples long.  Returns n (1 when
 * the rates are not an integer ratio, the narration is short or has no such
 * silence). */
size_t podcast_split(int fd, uint64_t samples, int in_rate, int out_rate, uint64_t min_samples,
                     uint64_t *starts, size_t max);

#endif
