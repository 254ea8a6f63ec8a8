/* Rendering a podcast sink at close: spool -> resampler (MP3 only, to 44.1 kHz)
 * -> gain and true-peak limiter (unless loudness is off) -> LAME into a
 * temporary file after the ID3 tag, or the inner file sink.
 *
 * The work runs in lanes, one thread each: the spool is cut at sentence
 * pauses into stretches (podcast_split.h) that are limited, measured and, for
 * CBR MP3s, resampled and encoded by encoders of their own, then joined
 * frame-exact (podcast_mp3_join.h).  Other formats and VBR encode in one lane.
 * The render owns its lanes, their stages and every temporary file until the
 * result is renamed. */
#define _GNU_SOURCE /* sched_getaffinity */
#include "file_replace.h"
#include "podcast_file.h"
#include "podcast_id3.h"
#include "podcast_mp3.h"
#include "podcast_mp3_join.h"
#include "podcast_sink.h"
#include "podcast_split.h"
#include "resample.h"
#include "sink_file_check.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_LANES 8
/* Stretches shorter than this are not worth a thread and an encoder. */
#define MIN_LANE_SECONDS 30

struct render;

struct lane {
    struct render *r;
    uint64_t start, end;     /* spool samples [start, end) at the input rate */
    uint64_t quota;          /* output samples its encoder takes, 0: all (the last) */
    uint64_t fed;            /* output samples given to the encoder */
    struct resampler *rs;    /* NULL when the rate stays */
    struct tp_limiter *lim;  /* NULL when loudness is off */
    struct mp3_encoder *mp3; /* MP3 only */
    struct loudness_meter *meter; /* during calibration only */
    int fd;                  /* its MP3 stream: the result's file for lane 0 */
    char *tmp;               /* lanes after the first: their own temporary */
    off_t audio_start;       /* where its stream begins in fd */
    double peak;             /* its decoded true peak, dBTP */
    narrate_error err;
    char msg[256];
    int16_t buf[PODCAST_BATCH];
};

struct render {
    struct podcast_sink *p;
    struct lane *lanes;      /* the split stretches */
    size_t nlanes;
    struct lane *whole;      /* one lane over everything, for sequential encoders */
    int out_rate;
    int fd;                  /* the temporary result, or -1 */
    char *tmp;
    off_t audio_start;       /* the size of the ID3 tag */
    uint64_t encoded;        /* samples in the result */
    double gain, ceiling;    /* of the limiter; ceiling in dBFS */
    void (*work)(struct lane *); /* what run_lanes() runs in each lane */
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

static int lane_fail(struct lane *l, narrate_error err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->msg, sizeof l->msg, fmt, ap);
    va_end(ap);
    l->err = err;
    return 1;
}

static int is_mp3(const struct podcast_sink *p)
{
    return p->format == NARRATE_FORMAT_MP3;
}

static int to_encoder(void *ctx, const int16_t *samples, size_t count)
{
    struct lane *l = ctx;
    struct podcast_sink *p = l->r->p;
    if (l->quota)  /* the stretch's tail beyond its share is silence */
        count = l->fed >= l->quota ? 0 : count < l->quota - l->fed ? count : (size_t)(l->quota - l->fed);
    l->fed += count;
    if (!l->mp3) {
        narrate_error err = narrate_sink_write(p->inner, samples, count, l->r->out_rate);
        return err ? lane_fail(l, err, "%s", narrate_sink_errmsg(p->inner)) : 0;
    }
    int rc = mp3_encoder_write(l->mp3, l->fd, samples, count);
    return rc ? lane_fail(l, NARRATE_EWRITE, "cannot write '%s': %s", p->path, strerror(rc)) : 0;
}

static int to_limiter(void *ctx, const int16_t *samples, size_t count)
{
    struct lane *l = ctx;
    return l->lim ? tp_limiter_push(l->lim, samples, count, to_encoder, l)
                  : to_encoder(l, samples, count);
}

static int to_stages(struct lane *l, const int16_t *samples, size_t count)
{
    int rc = l->rs ? resampler_push(l->rs, samples, count, to_limiter, l)
                   : to_limiter(l, samples, count);
    if (rc < 0)
        lane_fail(l, NARRATE_EWRITE, "resampling: %s", resampler_error(l->rs));
    return rc != 0;
}

/* Flushes the stages and fills the lane's share with silence if the
 * resampler fell short of it. */
static int flush_stages(struct lane *l)
{
    static const int16_t zeros[256];
    if (l->rs && to_stages(l, NULL, 0))
        return 1;
    if (l->lim && tp_limiter_push(l->lim, NULL, 0, to_encoder, l))
        return 1;
    while (l->fed < l->quota)
        if (to_encoder(l, zeros, l->quota - l->fed < 256 ? (size_t)(l->quota - l->fed) : 256))
            return 1;
    return 0;
}

/* Calls fn with the lane's stretch of the spool, chunk by chunk; fn returns
 * nonzero to stop (with l->err set).  Checks for cancellation between chunks. */
static narrate_error read_lane(struct lane *l, int (*fn)(struct lane *, const int16_t *, size_t))
{
    struct podcast_sink *p = l->r->p;
    for (uint64_t at = l->start; at < l->end;) {
        size_t want = l->end - at < PODCAST_BATCH ? (size_t)(l->end - at) : PODCAST_BATCH;
        ssize_t got = pread(p->spool_fd, l->buf, want * sizeof l->buf[0],
                            (off_t)(at * sizeof l->buf[0]));
        if (got < 0 && errno == EINTR)
            continue;
        if (sink_is_canceled(&p->base))
            return lane_fail(l, NARRATE_ECANCELED, "canceled; '%s' was not written", p->path),
                   l->err;
        if (got <= 0 || got % (ssize_t)sizeof l->buf[0])
            return lane_fail(l, NARRATE_EWRITE, "cannot read the spool back: %s",
                             got < 0 ? strerror(errno) : "short read"),
                   l->err;
        if (fn(l, l->buf, (size_t)got / sizeof l->buf[0]))
            return l->err;
        at += (uint64_t)got / sizeof l->buf[0];
    }
    return NARRATE_OK;
}

static void *lane_thread(void *arg)
{
    struct lane *l = arg;
    l->r->work(l);
    return NULL;
}

/* Runs work in each of the n lanes, the first in this thread; a lane whose
 * thread cannot start runs here after.  Returns the first lane's error, with
 * its message passed to the sink. */
static narrate_error run_lanes(struct render *r, struct lane *lanes, size_t n,
                               void (*work)(struct lane *))
{
    pthread_t threads[MAX_LANES];
    int started[MAX_LANES] = {0};
    r->work = work;
    for (size_t i = 1; i < n; i++)
        started[i] = pthread_create(&threads[i], NULL, lane_thread, &lanes[i]) == 0;
    work(&lanes[0]);
    for (size_t i = 1; i < n; i++) {
        if (started[i])
            pthread_join(threads[i], NULL);
        else
            work(&lanes[i]);
    }
    for (size_t i = 0; i < n; i++)
        if (lanes[i].err)
            return sink_fail(&r->p->base, lanes[i].err, "%s", lanes[i].msg);
    return NARRATE_OK;
}

static double ceiling_db(const struct podcast_sink *p)
{
    int lossless = p->format == NARRATE_FORMAT_WAV || p->format == NARRATE_FORMAT_FLAC;
    return lossless ? PODCAST_CEILING_LOSSLESS_DB : PODCAST_CEILING_LOSSY_DB;
}

static int to_meter(void *ctx, const int16_t *samples, size_t count)
{
    struct lane *l = ctx;
    return loudness_meter_add(l->meter, samples, count) == 0
               ? 0
               : lane_fail(l, NARRATE_ENOMEM, "out of memory measuring loudness");
}

static int to_trial_limiter(struct lane *l, const int16_t *samples, size_t count)
{
    return tp_limiter_push(l->lim, samples, count, to_meter, l);
}

/* A trial in one lane: its stretch limited with r->gain into its meter. */
static void trial_lane(struct lane *l)
{
    struct podcast_sink *p = l->r->p;
    l->lim = tp_limiter_new(p->in_rate, l->r->gain, ceiling_db(p));
    l->meter = loudness_meter_new(p->in_rate, 0);
    if (!l->lim || !l->meter)
        lane_fail(l, NARRATE_ENOMEM, "out of memory measuring loudness");
    else if (read_lane(l, to_trial_limiter) == NARRATE_OK)
        tp_limiter_push(l->lim, NULL, 0, to_meter, l);
    tp_limiter_free(l->lim);
    l->lim = NULL;
}

/* The loudness the limited result would have with `gain`, at the input rate. */
static narrate_error trial(struct render *r, double gain, double *lufs)
{
    struct loudness_meter *meters[MAX_LANES];
    r->gain = gain;
    narrate_error err = run_lanes(r, r->lanes, r->nlanes, trial_lane);
    for (size_t i = 0; i < r->nlanes; i++)
        meters[i] = r->lanes[i].meter;
    if (err == NARRATE_OK && loudness_meters_result(meters, r->nlanes, lufs) != 0)
        err = sink_fail(&r->p->base, NARRATE_ENOMEM, "out of memory measuring loudness");
    for (size_t i = 0; i < r->nlanes; i++) {
        loudness_meter_free(r->lanes[i].meter);
        r->lanes[i].meter = NULL;
    }
    return err;
}

/* LU gained per dB of gain while the limiter works: below 1, since it takes
 * back part of every step (0.33-0.41 measured on news speech at -16 LUFS). */
#define LIMITED_SLOPE 0.5

/* The next gain (dB) to try: a secant step through the last two trials, or,
 * when there is only one or the slope is implausible, a step that assumes the
 * limiter takes back half (a trial misses only because the limiter worked). */
static double next_gain_db(double db, double lufs, double prev_db, double prev_lufs,
                           double target)
{
    double slope = LIMITED_SLOPE;
    if (isfinite(prev_db) && fabs(db - prev_db) > 1e-6) {
        slope = (lufs - prev_lufs) / (db - prev_db);
        if (!(slope >= 0.1 && slope <= 1.5))
            slope = LIMITED_SLOPE;
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

/* The lane's resampler, limiter and encoder; lane 0 carries the Info frame. */
static int make_stages(struct lane *l)
{
    struct render *r = l->r;
    struct podcast_sink *p = r->p;
    char msg[160];
    if (r->out_rate != p->in_rate && !(l->rs = resampler_new(p->in_rate, r->out_rate, msg, sizeof msg)))
        return lane_fail(l, NARRATE_ENOMEM, "%s", msg);
    if (p->meter && !(l->lim = tp_limiter_new(r->out_rate, r->gain, r->ceiling)))
        return lane_fail(l, NARRATE_ENOMEM, "out of memory");
    if (is_mp3(p) && !(l->mp3 = mp3_encoder_new(r->out_rate, p->opts.bitrate, p->opts.vbr_quality,
                                                 l == r->whole || l == r->lanes, msg, sizeof msg)))
        return lane_fail(l, NARRATE_EFORMAT, "%s", msg);
    return 0;
}

static void free_lane(struct lane *l)
{
    mp3_encoder_free(l->mp3);
    tp_limiter_free(l->lim);
    resampler_free(l->rs);
    loudness_meter_free(l->meter);
    l->mp3 = NULL;
    l->lim = NULL;
    l->rs = NULL;
    l->meter = NULL;
    if (l->tmp) {
        close(l->fd);
        unlink(l->tmp);
        free(l->tmp);
        l->tmp = NULL;
    }
    l->fd = -1;
    l->fed = 0;
    l->err = NARRATE_OK;
}

/* One lane's stretch encoded into its own stream: lane 0 (or the whole lane)
 * after the ID3 tag in the result, the others into temporaries beside it;
 * then, with loudness on, its decoded true peak. */
static void encode_lane(struct lane *l)
{
    struct render *r = l->r;
    struct podcast_sink *p = r->p;
    int first = l == r->whole || l == r->lanes;
    l->fd = first ? r->fd : replace_create_temp(p->path, ".part", &l->tmp);
    l->audio_start = first ? r->audio_start : 0;
    if (l->fd < 0) {
        lane_fail(l, NARRATE_EWRITE, "cannot write '%s': %s", p->path, strerror(errno));
        return;
    }
    if (make_stages(l) || read_lane(l, to_stages) || flush_stages(l))
        return;
    int rc = mp3_encoder_finish(l->mp3, l->fd, l->audio_start);
    if (rc) {
        lane_fail(l, NARRATE_EWRITE, "cannot write '%s': %s", p->path, strerror(rc));
        return;
    }
    if (l->lim && loudness_file_true_peak(first ? r->tmp : l->tmp, &l->peak) != 0)
        lane_fail(l, NARRATE_EWRITE, "'%s' failed its check: cannot decode it to measure "
                  "its peak", p->path);
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

/* The temporary result with the ID3 tag written. */
static narrate_error open_output(struct render *r)
{
    struct podcast_sink *p = r->p;
    unsigned char *tag = NULL;
    size_t len = 0;
    narrate_error err;
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

static narrate_error join_failed(struct render *r, int rc)
{
    return sink_fail(&r->p->base, NARRATE_EWRITE, "cannot write '%s': %s", r->p->path,
                     rc == EINVAL ? "the MP3 streams do not join" : strerror(rc));
}

/* Lane i's share of frames (the last lane: all) appended to the result, or
 * for lane 0, which is already there, the rest of its stream cut off. */
static int append_lane(struct render *r, size_t i, off_t tag_len, uint64_t *frames,
                       off_t *bytes, uint16_t *crc)
{
    struct lane *l = &r->lanes[i];
    off_t from = l->audio_start + (i == 0 ? tag_len : 0);
    *frames = i + 1 < r->nlanes ? l->quota / MP3_FRAME_SAMPLES : UINT64_MAX;
    int rc = mp3_frames_span(l->fd, from, frames, bytes);
    if (rc || i > 0)
        return rc ? rc : mp3_copy_frames(l->fd, from, *bytes, r->fd, crc);
    if ((rc = mp3_copy_frames(l->fd, from, *bytes, -1, crc)) != 0)
        return rc;
    return ftruncate(r->fd, from + *bytes) != 0 || lseek(r->fd, 0, SEEK_END) < 0 ? errno : 0;
}

/* Joins the lanes' streams after lane 0's Info frame in the result, then
 * rewrites that frame for the whole. */
static narrate_error join_lanes(struct render *r)
{
    unsigned char tag[2048];
    uint64_t frames = 1, audio_frames = 0;
    off_t tag_len, bytes, audio_bytes = 0;
    uint16_t crc = 0;
    int rc = mp3_frames_span(r->fd, r->audio_start, &frames, &tag_len);
    if (rc || tag_len > (off_t)sizeof tag ||
        pread(r->fd, tag, (size_t)tag_len, r->audio_start) != tag_len)
        return join_failed(r, rc ? rc : EINVAL);
    r->encoded = 0;
    for (size_t i = 0; i < r->nlanes; i++) {
        if ((rc = append_lane(r, i, tag_len, &frames, &bytes, &crc)) != 0)
            return join_failed(r, rc);
        audio_frames += frames;
        audio_bytes += bytes;
        r->encoded += r->lanes[i].quota ? r->lanes[i].quota : mp3_encoder_samples(r->lanes[i].mp3);
    }
    rc = mp3_info_rewrite(tag, (size_t)tag_len, audio_frames, (uint64_t)(tag_len + audio_bytes),
                          r->encoded, crc);
    if (!rc && pwrite(r->fd, tag, (size_t)tag_len, r->audio_start) != tag_len)
        rc = errno ? errno : EIO;
    return rc ? join_failed(r, rc) : NARRATE_OK;
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
                                        r->out_rate, (sf_count_t)r->encoded);
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

/* Releases the lanes' stages and every temporary file of an attempt. */
static void free_stages(struct render *r)
{
    for (size_t i = 0; r->lanes && i <= r->nlanes; i++)  /* and the whole lane */
        free_lane(&r->lanes[i]);
    if (r->fd >= 0)
        close(r->fd);
    r->fd = -1;
    if (r->tmp)
        unlink(r->tmp);
    free(r->tmp);
    r->tmp = NULL;
}

/* CBR MP3s encode in the split lanes; VBR and the other formats in one. */
static int encodes_in_lanes(const struct render *r)
{
    return is_mp3(r->p) && r->p->opts.vbr_quality < 0 && r->nlanes > 1;
}

/* One complete MP3 in r->tmp (unless it fails), and its decoded true peak. */
static narrate_error encode_mp3(struct render *r, double *peak)
{
    narrate_error err;
    if ((err = open_output(r)) != NARRATE_OK)
        return err;
    struct lane *lanes = encodes_in_lanes(r) ? r->lanes : r->whole;
    size_t n = encodes_in_lanes(r) ? r->nlanes : 1;
    if ((err = run_lanes(r, lanes, n, encode_lane)) != NARRATE_OK)
        return err;
    *peak = -HUGE_VAL;
    for (size_t i = 0; i < n; i++)
        *peak = fmax(*peak, lanes[i].peak);
    if (n > 1)
        return join_lanes(r);
    r->encoded = mp3_encoder_samples(lanes[0].mp3);
    return NARRATE_OK;
}

/* Encodes until the decoded true peak keeps the promise, lowering the
 * limiter's ceiling by the excess each time; the last attempt stands. */
static narrate_error render_mp3(struct render *r)
{
    for (int attempt = 1;; attempt++) {
        double peak = -HUGE_VAL;
        narrate_error err = encode_mp3(r, &peak);
        if (err != NARRATE_OK || !r->p->meter || attempt == PEAK_ATTEMPTS ||
            peak <= PROMISED_PEAK_DB)
            return err ? err : commit_mp3(r);
        r->ceiling -= peak - PROMISED_PEAK_DB + PEAK_MARGIN_DB;
        free_stages(r);
    }
}

static void play_lane(struct lane *l)
{
    if (!make_stages(l) && !read_lane(l, to_stages))
        flush_stages(l);
}

static narrate_error render_other(struct render *r)
{
    narrate_error err = run_lanes(r, r->whole, 1, play_lane);
    return err ? err : commit_inner(r);
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

/* The cores this process may run on (taskset and cgroup cpusets narrow it). */
static long usable_cores(void)
{
    cpu_set_t set;
    long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                           : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_LANES ? MAX_LANES : n;
}

/* The lanes: the spool split at pauses, one stretch per core, and the whole. */
static narrate_error make_lanes(struct render *r)
{
    struct podcast_sink *p = r->p;
    uint64_t starts[MAX_LANES];
    r->out_rate = is_mp3(p) ? PODCAST_MP3_RATE : p->in_rate;
    r->nlanes = podcast_split(p->spool_fd, p->samples, p->in_rate, r->out_rate,
                              (uint64_t)MIN_LANE_SECONDS * (uint64_t)p->in_rate, starts,
                              (size_t)usable_cores());
    r->lanes = calloc(r->nlanes + 1, sizeof *r->lanes);
    if (!r->lanes)
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory");
    r->whole = &r->lanes[r->nlanes];
    *r->whole = (struct lane){.r = r, .end = p->samples, .fd = -1};
    for (size_t i = 0; i < r->nlanes; i++) {
        uint64_t end = i + 1 < r->nlanes ? starts[i + 1] : p->samples;
        uint64_t share = (end - starts[i]) * (uint64_t)(r->out_rate / p->in_rate);
        r->lanes[i] = (struct lane){.r = r, .start = starts[i], .end = end, .fd = -1,
                                    .quota = i + 1 < r->nlanes ? share : 0};
    }
    return NARRATE_OK;
}

narrate_error podcast_render(struct podcast_sink *p)
{
    struct render r = {.p = p, .fd = -1, .ceiling = ceiling_db(p)};
    narrate_error err;
    if ((err = fill_if_empty(p)) == NARRATE_OK && (err = podcast_spool_flush(p)) == NARRATE_OK &&
        (err = make_lanes(&r)) == NARRATE_OK && (err = calibrated_gain(&r, &r.gain)) == NARRATE_OK)
        err = is_mp3(p) ? render_mp3(&r) : render_other(&r);
    free_stages(&r);
    free(r.lanes);
    if (err != NARRATE_OK && err != NARRATE_ENOMEM && err != NARRATE_ECANCELED)
        err = NARRATE_EWRITE;
    return err;
}
