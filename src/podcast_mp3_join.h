/* Internal: one MP3 stream from the streams of independent LAME encoders that
 * each encoded a consecutive stretch of one narration, frame-exact.
 *
 * A stretch begins at a multiple of the 1152-sample frame and inside digital
 * silence, so an encoder's first frame (its delay filled with zeros) equals
 * what one encoder would have made there, and the frames an encoder adds at
 * its end (flushing its delay) cover silence the next stretch covers again;
 * they are left out.  The first stream's Info/LAME tag frame is rewritten for
 * the joined stream, so that decoders know its exact length (gapless). */
#ifndef NARRATE_PODCAST_MP3_JOIN_H
#define NARRATE_PODCAST_MP3_JOIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define MP3_FRAME_SAMPLES 1152  /* MPEG-1 Layer III, 32-48 kHz */

/* The bytes the first *frames frames take in fd from offset start; with
 * *frames UINT64_MAX, all frames to the end of the file, and *frames is set to
 * their count.  Returns 0, EINVAL when the stream is shorter than *frames or
 * loses frame sync, or errno. */
int mp3_frames_span(int fd, off_t start, uint64_t *frames, off_t *bytes);

/* Appends len bytes of in from offset `from` to out (none when out is -1), folding the bytes into
 * *crc (CRC-16, polynomial 0x8005 reflected, as the LAME tag's music CRC).
 * Returns 0 or errno. */
int mp3_copy_frames(int in, off_t from, off_t len, int out, uint16_t *crc);

/* The CRC-16 of the LAME tag (polynomial 0x8005 reflected, from crc). */
uint16_t mp3_crc16(uint16_t crc, const unsigned char *data, size_t len);

/* Rewrites a CBR Info/LAME tag frame of len bytes for the joined stream:
 * `frames` audio frames after the tag holding `samples` samples (the padding
 * follows from the tag's encoder delay), `bytes` in all with the tag frame,
 * the audio frames' CRC; a linear seek table; the tag's own CRC.  Returns 0,
 * or EINVAL when it is no Info frame or the counts do not fit it. */
int mp3_info_rewrite(unsigned char *tag, size_t len, uint64_t frames, uint64_t bytes,
                     uint64_t samples, uint16_t music_crc);

#endif
