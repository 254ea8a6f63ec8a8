/* Joining MP3 streams of independent LAME encoders: the rewritten Info/LAME
 * tag frame agrees with the one LAME writes itself, field by field and in
 * both CRCs; two encoders' streams cut at a frame in silence decode (through
 * libsndfile's mpg123) to exactly the samples given; the silence finder cuts
 * only inside long enough silence, on a frame, and not in short pauses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podcast_mp3.h"
#include "podcast_mp3_join.h"
#include "podcast_split.h"

#define RATE 44100
#define TONE_SAMPLES (RATE * 3)

static int temp_file(char *path, size_t size)
{
    snprintf(path, size, "/tmp/narrate-join-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    return fd;
}

/* A tone of n samples, or silence when amp is 0. */
static void encode(struct mp3_encoder *e, int fd, size_t n, double amp)
{
    int16_t buf[1024];
    for (size_t done = 0; done < n;) {
        size_t k = n - done < 1024 ? n - done : 1024;
        for (size_t i = 0; i < k; i++)
            buf[i] = (int16_t)(amp * sin((double)(done + i) * 0.05));
        assert_int_equal(mp3_encoder_write(e, fd, buf, k), 0);
        done += k;
    }
}

static sf_count_t decoded_samples(const char *path)
{
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(path, SFM_READ, &info);
    int16_t buf[4096];
    sf_count_t total = 0, n;
    assert_non_null(snd);
    while ((n = sf_read_short(snd, buf, 4096)) > 0)
        total += n;
    sf_close(snd);
    return total;
}

/* Our rewrite of LAME's tag for LAME's own stream gives LAME's bytes, but for
 * the seek table, which LAME takes from frame positions and we make linear. */
static void test_rewrite_matches_lame(void **state)
{
    (void)state;
    char path[64], err[128];
    int fd = temp_file(path, sizeof path);
    struct mp3_encoder *e = mp3_encoder_new(RATE, 64, -1, 1, err, sizeof err);
    assert_non_null(e);
    encode(e, fd, TONE_SAMPLES, 8000);
    assert_int_equal(mp3_encoder_finish(e, fd, 0), 0);
    uint64_t tag_frames = 1, frames = UINT64_MAX;
    off_t tag_len, bytes;
    assert_int_equal(mp3_frames_span(fd, 0, &tag_frames, &tag_len), 0);
    assert_int_equal(mp3_frames_span(fd, tag_len, &frames, &bytes), 0);
    assert_true(frames * MP3_FRAME_SAMPLES >= TONE_SAMPLES);
    unsigned char lame[2048], ours[2048];
    uint16_t crc = 0;
    assert_int_equal(pread(fd, lame, (size_t)tag_len, 0), tag_len);
    assert_int_equal(mp3_copy_frames(fd, tag_len, bytes, -1, &crc), 0);
    memcpy(ours, lame, (size_t)tag_len);
    assert_int_equal(mp3_info_rewrite(ours, (size_t)tag_len, frames, (uint64_t)(tag_len + bytes),
                                      frames * MP3_FRAME_SAMPLES, crc), EINVAL);  /* no room */
    assert_int_equal(mp3_info_rewrite(ours, (size_t)tag_len, frames, (uint64_t)(tag_len + bytes),
                                      TONE_SAMPLES, crc), 0);
    assert_memory_equal(ours, lame, 21 + 16);                      /* header .. byte count */
    assert_memory_equal(ours + 21 + 116, lame + 21 + 116, 154 - 116);  /* .. music CRC */
    uint16_t lame_crc = (uint16_t)(lame[21 + 154] << 8 | lame[21 + 155]);
    uint16_t our_crc = (uint16_t)(ours[21 + 154] << 8 | ours[21 + 155]);
    assert_int_equal(mp3_crc16(0, lame, 21 + 154), lame_crc);  /* LAME's tag CRC, our way */
    assert_int_equal(mp3_crc16(0, ours, 21 + 154), our_crc);
    for (int i = 0; i < 100; i++)                                  /* CBR: nearly linear */
        assert_true(abs(ours[21 + 16 + i] - lame[21 + 16 + i]) <= 2);
    mp3_encoder_free(e);
    close(fd);
    unlink(path);
}

/* Tone, silence at a frame boundary, tone: encoded whole by one encoder and in
 * two by two, joined; both decode to the samples given. */
static void test_two_encoders_join_exactly(void **state)
{
    (void)state;
    const size_t first = 100 * MP3_FRAME_SAMPLES, quiet = 8 * MP3_FRAME_SAMPLES, last = 77777;
    char a[64], b[64], out[64], err[128];
    int fa = temp_file(a, sizeof a), fb = temp_file(b, sizeof b), fo = temp_file(out, sizeof out);
    struct mp3_encoder *ea = mp3_encoder_new(RATE, 64, -1, 1, err, sizeof err);
    struct mp3_encoder *eb = mp3_encoder_new(RATE, 64, -1, 0, err, sizeof err);
    encode(ea, fa, first - quiet / 2, 8000);
    encode(ea, fa, quiet / 2, 0);
    encode(eb, fb, quiet / 2, 0);
    encode(eb, fb, last, 8000);
    assert_int_equal(mp3_encoder_finish(ea, fa, 0), 0);
    assert_int_equal(mp3_encoder_finish(eb, fb, 0), 0);

    uint64_t n = 1, kept = first / MP3_FRAME_SAMPLES, rest = UINT64_MAX;
    off_t tag_len, bytes_a, bytes_b;
    uint16_t crc = 0;
    unsigned char tag[2048];
    assert_int_equal(mp3_frames_span(fa, 0, &n, &tag_len), 0);
    assert_int_equal(pread(fa, tag, (size_t)tag_len, 0), tag_len);
    assert_int_equal(mp3_frames_span(fa, tag_len, &kept, &bytes_a), 0);
    assert_int_equal(mp3_frames_span(fb, 0, &rest, &bytes_b), 0);
    assert_int_equal(write(fo, tag, (size_t)tag_len), tag_len);
    assert_int_equal(mp3_copy_frames(fa, tag_len, bytes_a, fo, &crc), 0);
    assert_int_equal(mp3_copy_frames(fb, 0, bytes_b, fo, &crc), 0);
    uint64_t samples = first + quiet / 2 + last;
    assert_int_equal(mp3_info_rewrite(tag, (size_t)tag_len, kept + rest,
                                      (uint64_t)(tag_len + bytes_a + bytes_b), samples, crc), 0);
    assert_int_equal(pwrite(fo, tag, (size_t)tag_len, 0), tag_len);
    assert_int_equal(decoded_samples(out), (sf_count_t)samples);
    uint64_t too_many = kept + rest + 1;
    off_t ignored;
    assert_int_equal(mp3_frames_span(fo, tag_len, &too_many, &ignored), EINVAL);
    mp3_encoder_free(ea);
    mp3_encoder_free(eb);
    close(fa);
    close(fb);
    close(fo);
    unlink(a);
    unlink(b);
    unlink(out);
}

/* A spool of noise with a short pause (too short to cut in) and a long one. */
static void test_split_only_in_long_silence(void **state)
{
    (void)state;
    const uint64_t rate = 22050, len = rate * 8;
    const uint64_t short_at = rate * 2, short_len = 1000, long_at = rate * 5, long_len = 6000;
    char path[64];
    int fd = temp_file(path, sizeof path);
    int16_t *pcm = malloc(len * sizeof *pcm);
    assert_non_null(pcm);
    for (uint64_t i = 0; i < len; i++)
        pcm[i] = (int16_t)(1 + (int)(i * 7919 % 2000));
    memset(pcm + short_at, 0, short_len * sizeof *pcm);
    memset(pcm + long_at, 0, long_len * sizeof *pcm);
    assert_int_equal(write(fd, pcm, len * sizeof *pcm), (ssize_t)(len * sizeof *pcm));
    uint64_t starts[4];
    size_t n = podcast_split(fd, len, (int)rate, 44100, rate, starts, 2);
    assert_int_equal(n, 2);
    assert_int_equal(starts[0], 0);
    assert_int_equal(starts[1] * 2 % MP3_FRAME_SAMPLES, 0);
    assert_true(starts[1] >= long_at + 2048 && starts[1] + 1024 <= long_at + long_len);
    assert_int_equal(podcast_split(fd, len, (int)rate, 44100, rate * 5, starts, 2), 1);  /* too short */
    assert_int_equal(podcast_split(fd, len, 16000, 44100, rate, starts, 2), 1);  /* no integer ratio */
    free(pcm);
    close(fd);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rewrite_matches_lame),
        cmocka_unit_test(test_two_encoders_join_exactly),
        cmocka_unit_test(test_split_only_in_long_silence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
