/* Internal: MP3 encoding through libmp3lame, mono, into a file descriptor.
 *
 * The encoder owns its lame handle and buffer, never the fd.  An Info (CBR) or
 * Xing (VBR) frame with LAME's encoder delay and padding leads the audio, so
 * that decoders know the exact length; mp3_encoder_finish() rewrites it. */
#ifndef NARRATE_PODCAST_MP3_H
#define NARRATE_PODCAST_MP3_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct mp3_encoder;

/* rate: 8000..48000 Hz as MPEG allows.  bitrate: kbps for CBR (8..320), or the
 * VBR mean bitrate hint ignored when vbr_quality >= 0.  vbr_quality: -1 for
 * CBR, 0 (best) .. 9 (smallest) for VBR.  info_frame zero leaves the Info/Xing
 * frame out (a stream to be joined after another).  Returns NULL with a message in err
 * when LAME refuses the settings or memory is short. */
struct mp3_encoder *mp3_encoder_new(int rate, int bitrate, int vbr_quality, int info_frame,
                                    char *err, size_t err_size);
void mp3_encoder_free(struct mp3_encoder *e);

/* Encodes samples and appends what LAME emits to fd.  Returns 0, or an errno
 * value (ENOMEM for an encoder failure). */
int mp3_encoder_write(struct mp3_encoder *e, int fd, const int16_t *samples, size_t count);

/* Flushes the last frames to fd and rewrites the leading Info/Xing frame at
 * file offset audio_start (where the first write began).  Returns 0 or errno. */
int mp3_encoder_finish(struct mp3_encoder *e, int fd, off_t audio_start);

/* Samples given to the encoder so far. */
uint64_t mp3_encoder_samples(const struct mp3_encoder *e);

#endif
