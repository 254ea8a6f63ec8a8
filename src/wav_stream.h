/* Internal: WAV to a pipe, where no header can be rewritten.  The header claims
 * the largest possible length (0xFFFFFFFF), which is how streaming tools mark
 * "read until end of file"; the samples follow as 16-bit little-endian mono. */
#ifndef NARRATE_WAV_STREAM_H
#define NARRATE_WAV_STREAM_H

#include <stddef.h>
#include <stdint.h>

/* Each returns 0, or the errno of the failed write(2). */
int wav_stream_header(int fd, int sample_rate);
int wav_stream_samples(int fd, const int16_t *samples, size_t count);

#endif
