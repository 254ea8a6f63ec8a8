/* Rendering a podcast sink at close: spool -> resampler (MP3 only, to 44.1 kHz)
 * -> gain and true-peak limiter (unless loudness is off) -> LAME into a
 * temporary file after the ID3 tag, or the inner file sink.  The render owns
 * the stages it creates and the temporary file until it is renamed. */
#include "file_replace.h"
#include "podcast_file.h"
#include "podcast_id3.h"
#include "podcast_mp3.h"
#include "podcast_sink.h"
#include "resample.h"
#include "sink_file_check.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct render {
    struct podcast_sink *p;
    struct resampler *rs;    /* NULL when the rate stays */
    struct tp_limiter *lim;  /* NULL when loudness is off */
    struct mp3_encoder *mp3; /* MP3 only */
    int out_rate;
    int fd;                  /* the temporary MP3, or -1 */
    char *tmp;
    off_t audio_start;       /* the size of the ID3 tag */
    narrate_error err;
    struct loudness_meter *trial_meter; /* during calibration only */
    double gain, ceiling;    /* of the limiter; ceiling in dBFS */
};

/* Limiting lowers loudness; trials at the input rate correct the gain. */
#define CALIBRATE_TRIALS 4
#define CALIBRATE_TOLERANCE_LU 0.2
/* LAME in CBR loses K-weighted loudness to quantization: measured 0.4-0.5 LU
 * at 64 and 128 kbps on espeak-ng speech with ffmpeg's ebur128 (VBR loses
 * none), so CBR episodes aim that much higher. */
#define CBR_LOSS_LU 0.4
/* The promise, and how often an MP3 is encoded again with a lower limiter
 * ceiling when its decoded true peak breaks it. */
#define PROMISED_PEAK_DB (-1.0)
#define PEAK_ATTEMPTS 3
#define PEAK_MARGIN_DB 0.3

static int to_encoder(void *ctx, const int16_t *samples, size_t count)
{
    struct render *r = ctx;
    struct podcast_sink *p = r->p;
    if (!r->mp3) {
        r->err = narrate_sink_write(p->inner, samples, count, r->out_rate);
        if (r->err)
            sink_fail(&p->base, r->err, "%s", narrate_sink_errmsg(p->inner));
        return r->err != NARRATE_OK;
    }
    int rc = mp3_encoder_write(r->mp3, r->fd, samples, count);
    if (rc)
        r->err = sink_fail(&p->base, NARRATE_EWRITE, "cannot write '%s': %s", p->path,
                           strerror(rc));
    return rc != 0;
}

static int to_limiter(void *ctx, const int16_t *samples, size_t count)
{
    struct render *r = ctx;
    return r->lim ? tp_limiter_push(r->lim, samples, count, to_encoder, r)
                  : to_encoder(r, samples, count);
}

static int to_resampler(struct render *r, const int16_t *samples, size_t count)
{
    int rc = r->rs ? resampler_push(r->rs, samples, count, to_limiter, r)
                   : to_limiter(r, samples, count);
    if (rc < 0)
        r->err = sink_fail(&r->p->base, NARRATE_EWRITE, "resampling: %s",
                           resampler_error(r->rs));
    return rc;
}

static int flush_stages(struct render *r)
{
    if (r->rs && to_resampler(r, NULL, 0))
        return 1;
    return r->lim && tp_limiter_push(r->lim, NULL, 0, to_encoder, r);
}

/* Calls fn with the whole spool, chunk by chunk; fn returns nonzero to stop
 * (with r->err set).  Checks for cancellation between chunks. */
static narrate_error read_spool(struct render *r, int (*fn)(struct render *, const int16_t *, size_t))
{
    struct podcast_sink *p = r->p;
    if (lseek(p->spool_fd, 0, SEEK_SET) < 0)
        return sink_fail(&p->base, NARRATE_EWRITE, "cannot read the spool: %s", strerror(errno));
    for (uint64_t left = p->samples; left > 0;) {
        size_t want = left < PODCAST_BATCH ? (size_t)left : PODCAST_BATCH;
        ssize_t got = read(p->spool_fd, p->batch, want * sizeof p->batch[0]);
        if (got < 0 && errno == EINTR)
            continue;
        if (sink_is_canceled(&p->base))
            return sink_fail(&p->base, NARRATE_ECANCELED, "canceled; '%s' was not written",
                             p->path);
        if (got <= 0 || got % (ssize_t)sizeof p->batch[0])
            return sink_fail(&p->base, NARRATE_EWRITE, "cannot read the spool back: %s",
                             got < 0 ? strerror(errno) : "short read");
        if (fn(r, p->batch, (size_t)got / sizeof p->batch[0]))
            return r->err;
        left -= (uint64_t)got / sizeof p->batch[0];
    }
    return NARRATE_OK;
}

static double ceiling_db(const struct podcast_sink *p)
{
    int lossless = p->format == NARRATE_FORMAT_WAV || p->format == NARRATE_FORMAT_FLAC;
    return lossless ? PODCAST_CEILING_LOSSLESS_DB : PODCAST_CEILING_LOSSY_DB;
}

static int to_meter(void *ctx, const int16_t *samples, size_t count)
{
    struct render *r = ctx;
    if (loudness_meter_add(r->trial_meter, samples, count) == 0)
        return 0;
    r->err = sink_fail(&r->p->base, NARRATE_ENOMEM, "out of memory measuring loudness");
    return 1;
}

static int to_trial_limiter(struct render *r, const int16_t *samples, size_t count)
{
    return tp_limiter_push(r->lim, samples, count, to_meter, r);
}

/* The loudness the limited result would have with `gain`, at the input rate. */
static narrate_error trial(struct render *r, double gain, double *lufs)
{
    struct podcast_sink *p = r->p;
    double peak;
    narrate_error err = NARRATE_ENOMEM;
    r->lim = tp_limiter_new(p->in_rate, gain, ceiling_db(p));
    r->trial_meter = loudness_meter_new(p->in_rate, 0);
    if (r->lim && r->trial_meter && (err = read_spool(r, to_trial_limiter)) == NARRATE_OK &&
        tp_limiter_push(r->lim, NULL, 0, to_meter, r) == 0 &&
        loudness_meter_result(r->trial_meter, lufs, &peak) != 0)
        err = NARRATE_ENOMEM;
    if (err == NARRATE_ENOMEM)
        sink_fail(&p->base, err, "out of memory measuring loudness");
    tp_limiter_free(r->lim);
    loudness_meter_free(r->trial_meter);
    r->lim = NULL;
    r->trial_meter = NULL;
    return r->err ? r->err : err;
}

/* The next gain (dB) to try: a secant step through the last two trials, or
 * a full step when there is only one or the slope is implausible. */
static double next_gain_db(double db, double lufs, double prev_db, double prev_lufs,
                           double target)
{
    double slope = 1.0;
    if (isfinite(prev_db) && fabs(db - prev_db) > 1e-6) {
        slope = (lufs - prev_lufs) / (db - prev_db);
        if (!(slope >= 0.1 && slope <= 1.5))
            slope = 1.0;
    }
    return fmin(db + (target - lufs) / slope, LOUDNESS_MAX_GAIN_DB);
}

/* The gain to the target: from the loudness measured while spooling, then
 * corrected for what the limiter takes away (it lowers loudness where it
 * works hard), trial by trial, until within CALIBRATE_TOLERANCE_LU. */
static narrate_error calibrated_gain(struct render *r, double *gain)
{
    struct podcast_sink *p = r->p;
    double lufs, peak, target = p->opts.loudness, prev_db = NAN, prev_lufs = NAN;
    if (p->format == NARRATE_FORMAT_MP3 && p->opts.vbr_quality < 0)
        target += CBR_LOSS_LU;
    *gain = 1.0;
    if (!p->meter)
        return NARRATE_OK;
    if (loudness_meter_result(p->meter, &lufs, &peak) != 0)
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory measuring loudness");
    *gain = loudness_gain(lufs, target);
    for (int i = 0; i < CALIBRATE_TRIALS && isfinite(lufs); i++) {
        double db = 20 * log10(*gain);
        narrate_error err = trial(r, *gain, &lufs);
        if (err)
            return err;
        if (!isfinite(lufs) || fabs(lufs - target) <= CALIBRATE_TOLERANCE_LU)
            break;
        double next = next_gain_db(db, lufs, prev_db, prev_lufs, target);
        prev_db = db;
        prev_lufs = lufs;
        *gain = pow(10.0, next / 20.0);
    }
    return NARRATE_OK;
}

static narrate_error make_stages(struct render *r)
{
    struct podcast_sink *p = r->p;
    char msg[160];
    r->out_rate = p->format == NARRATE_FORMAT_MP3 ? PODCAST_MP3_RATE : p->in_rate;
    if (r->out_rate != p->in_rate && !(r->rs = resampler_new(p->in_rate, r->out_rate, msg, sizeof msg)))
        return sink_fail(&p->base, NARRATE_ENOMEM, "%s", msg);
    if (p->meter && !(r->lim = tp_limiter_new(r->out_rate, r->gain, r->ceiling)))
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory");
    if (p->format == NARRATE_FORMAT_MP3 &&
        !(r->mp3 = mp3_encoder_new(r->out_rate, p->opts.bitrate, p->opts.vbr_quality, msg,
                                   sizeof msg)))
        return sink_fail(&p->base, NARRATE_EFORMAT, "%s", msg);
    return NARRATE_OK;
}

static uint32_t ms_at(uint64_t sample, int rate)
{
    uint64_t ms = (sample * 1000 + (uint64_t)rate / 2) / (uint64_t)rate;
    return ms > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)ms;
}

/* The ID3 tag, with chapters ending where the next begins. */
static narrate_error build_tag(struct podcast_sink *p, unsigned char **tag, size_t *len)
{
    struct id3_chapter *ch = calloc(p->nchapters ? p->nchapters : 1, sizeof *ch);
    if (!ch)
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->nchapters; i++) {
        uint64_t end = i + 1 < p->nchapters ? p->chapters[i + 1].sample : p->samples;
        ch[i] = (struct id3_chapter){ms_at(p->chapters[i].sample, p->in_rate),
                                     ms_at(end, p->in_rate), p->chapters[i].title};
    }
    struct id3_info info = {p->opts.title, p->opts.artist, p->opts.album, p->opts.date,
                            p->opts.description, ms_at(p->samples, p->in_rate), p->cover,
                            p->cover_len, p->cover_mime, ch, p->nchapters};
    int rc = id3_build(&info, tag, len);
    free(ch);
    if (rc)
        return sink_fail(&p->base, rc == ENOMEM ? NARRATE_ENOMEM : NARRATE_EWRITE,
                         "cannot build the ID3 tag: %s", rc == ENOMEM ? "out of memory"
                                                                      : "too large");
    return NARRATE_OK;
}

static narrate_error open_output(struct render *r)
{
    struct podcast_sink *p = r->p;
    unsigned char *tag = NULL;
    size_t len = 0;
    narrate_error err;
    if (!r->mp3)
        return NARRATE_OK;
    if ((err = build_tag(p, &tag, &len)) != NARRATE_OK)
        return err;
    r->fd = replace_create_temp(p->path, ".tmp", &r->tmp);
    int rc = r->fd < 0 ? errno : podcast_write_all(r->fd, tag, len);
    free(tag);
    r->audio_start = (off_t)len;
    return rc ? sink_fail(&p->base, NARRATE_EWRITE, "cannot write '%s': %s", p->path,
                          strerror(rc))
              : NARRATE_OK;
}

static int to_stages(struct render *r, const int16_t *samples, size_t count)
{
    return to_resampler(r, samples, count) != 0;
}

/* Reads the spool back from the start through the stages. */
static narrate_error play_spool(struct render *r)
{
    narrate_error err = read_spool(r, to_stages);
    if (err)
        return err;
    return flush_stages(r) ? r->err : NARRATE_OK;
}

static narrate_error commit_inner(struct render *r)
{
    struct podcast_sink *p = r->p;
    char msg[256] = "";
    narrate_error err = narrate_sink_close(p->inner, 1, msg, sizeof msg);
    p->inner = NULL;
    return err ? sink_fail(&p->base, err, "%s", msg) : NARRATE_OK;
}

/* Checks the finished temporary file by decoding it, then renames it. */
static narrate_error commit_mp3(struct render *r)
{
    struct podcast_sink *p = r->p;
    narrate_error err = sink_file_check(&p->base, r->tmp, p->path, NARRATE_FORMAT_MP3,
                                        r->out_rate, (sf_count_t)mp3_encoder_samples(r->mp3));
    if (err)
        return err;
    int rc = replace_commit(r->fd, r->tmp, p->path);
    r->fd = -1;
    if (rc == 0) {
        free(r->tmp);
        r->tmp = NULL;
    }
    return rc ? sink_fail(&p->base, NARRATE_EWRITE, "cannot write '%s': %s", p->path,
                          strerror(rc))
              : NARRATE_OK;
}

/* Releases the stages and any temporary file of an attempt. */
static void free_stages(struct render *r)
{
    if (r->fd >= 0)
        close(r->fd);
    r->fd = -1;
    if (r->tmp)
        unlink(r->tmp);
    free(r->tmp);
    r->tmp = NULL;
    mp3_encoder_free(r->mp3);
    tp_limiter_free(r->lim);
    resampler_free(r->rs);
    r->mp3 = NULL;
    r->lim = NULL;
    r->rs = NULL;
}

/* One complete MP3 in r->tmp (unless it fails). */
static narrate_error encode_mp3(struct render *r)
{
    narrate_error err;
    if ((err = make_stages(r)) != NARRATE_OK || (err = open_output(r)) != NARRATE_OK ||
        (err = play_spool(r)) != NARRATE_OK)
        return err;
    int rc = mp3_encoder_finish(r->mp3, r->fd, r->audio_start);
    return rc ? sink_fail(&r->p->base, NARRATE_EWRITE, "cannot write '%s': %s", r->p->path,
                          strerror(rc))
              : NARRATE_OK;
}

/* Encodes until the decoded true peak keeps the promise, lowering the
 * limiter's ceiling by the excess each time; the last attempt stands. */
static narrate_error render_mp3(struct render *r)
{
    for (int attempt = 1;; attempt++) {
        double peak;
        narrate_error err = encode_mp3(r);
        if (err != NARRATE_OK || !r->lim || attempt == PEAK_ATTEMPTS)
            return err ? err : commit_mp3(r);
        if (loudness_file_true_peak(r->tmp, &peak) != 0)
            return sink_fail(&r->p->base, NARRATE_EWRITE, "'%s' failed its check: cannot "
                             "decode it to measure its peak", r->p->path);
        if (peak <= PROMISED_PEAK_DB)
            return commit_mp3(r);
        r->ceiling -= peak - PROMISED_PEAK_DB + PEAK_MARGIN_DB;
        free_stages(r);
    }
}

static narrate_error render_other(struct render *r)
{
    narrate_error err;
    if ((err = make_stages(r)) != NARRATE_OK || (err = play_spool(r)) != NARRATE_OK)
        return err;
    return commit_inner(r);
}

/* A narration without audio still makes a valid file: 10 ms of silence. */
static narrate_error fill_if_empty(struct podcast_sink *p)
{
    static const int16_t silence[220];
    if (p->in_rate)
        return NARRATE_OK;
    p->in_rate = 22050;
    memcpy(p->batch, silence, sizeof silence);
    p->batched = sizeof silence / sizeof silence[0];
    return NARRATE_OK;
}

narrate_error podcast_render(struct podcast_sink *p)
{
    struct render r = {.p = p, .fd = -1, .ceiling = ceiling_db(p)};
    narrate_error err;
    if ((err = fill_if_empty(p)) == NARRATE_OK && (err = podcast_spool_flush(p)) == NARRATE_OK &&
        (err = calibrated_gain(&r, &r.gain)) == NARRATE_OK)
        err = p->format == NARRATE_FORMAT_MP3 ? render_mp3(&r) : render_other(&r);
    free_stages(&r);
    if (err != NARRATE_OK && err != NARRATE_ENOMEM && err != NARRATE_ECANCELED)
        err = NARRATE_EWRITE;
    return err;
}
