/* The file sink: libsndfile behind a temporary file that is checked, synced and
 * renamed into place on commit, or WAV (or another streamable format) to stdout.
 *
 * The sink owns `fd`, `snd`, `rs` and the two path strings.  The temporary file
 * is created at open time (so that a bad folder fails at once) but libsndfile
 * opens it only on the first write, when the sample rate is known.  Any failure
 * is sticky: later writes return it again and close discards the file. */
#include "file_replace.h"
#include "resample.h"
#include "sink.h"
#include "sink_file_check.h"
#include "wav_stream.h"

#include <errno.h>
#include <fcntl.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_RATE 22050
/* Samples gathered before they go to the encoder: the library delivers small
 * chunks (for quick cancel), and one write per chunk would dominate the cost
 * of writing a long narration. */
#define BATCH_SAMPLES 16384

struct format_info {
    narrate_format format;
    const char *name;
    int sf_format;
    const int *rates;  /* rates the codec takes, 0-terminated; NULL: any */
    int fallback_rate; /* what other rates are resampled to */
};

static const int opus_rates[] = {8000, 12000, 16000, 24000, 48000, 0};
static const int mp3_rates[] = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 0};

static const struct format_info formats[] = {
    {NARRATE_FORMAT_WAV, "WAV", SF_FORMAT_WAV | SF_FORMAT_PCM_16, NULL, 0},
    {NARRATE_FORMAT_FLAC, "FLAC", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, NULL, 0},
    {NARRATE_FORMAT_OGG, "Ogg Vorbis", SF_FORMAT_OGG | SF_FORMAT_VORBIS, NULL, 0},
    {NARRATE_FORMAT_OPUS, "Ogg Opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, opus_rates, 48000},
    {NARRATE_FORMAT_MP3, "MP3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, mp3_rates, 44100},
};

struct file_sink {
    narrate_sink base;
    const struct format_info *fmt;
    char *path;      /* the target, as given */
    char *tmp_path;  /* the temporary file beside it; NULL for stdout */
    int fd;          /* the temporary file, or 1 */
    SNDFILE *snd;    /* NULL before the first write, and when raw_pipe */
    int raw_pipe;    /* WAV to a pipe, written by wav_stream rather than libsndfile */
    int started;     /* the first write has come (or close started the file) */
    struct resampler *rs; /* NULL unless the codec needs another rate */
    int in_rate;     /* rate of the first write; 0 before */
    int file_rate;
    sf_count_t frames; /* frames handed to libsndfile */
    int16_t batch[BATCH_SAMPLES]; /* input not yet handed on */
    size_t batched;
    narrate_error failed; /* sticky; NARRATE_OK while all is well */
};

static const struct format_info *format_lookup(narrate_format f)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].format == f)
            return &formats[i];
    return NULL;
}

static int rate_allowed(const struct format_info *fmt, int rate)
{
    if (!fmt->rates)
        return 1;
    for (const int *r = fmt->rates; *r; r++)
        if (*r == rate)
            return 1;
    return 0;
}

/* The format a path names by its extension; AUTO when it names none we know. */
static narrate_format format_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    return dot && dot[1] ? narrate_format_from_name(dot + 1) : NARRATE_FORMAT_AUTO;
}

/* Checks the target before anything is created: a folder can't be replaced. */
static narrate_error check_target(struct file_sink *f, struct stat *st, int *exists)
{
    *exists = 0;
    if (stat(f->path, st) == 0) {
        if (S_ISDIR(st->st_mode))
            return sink_fail(&f->base, NARRATE_EOPEN, "cannot write '%s': %s", f->path,
                             strerror(EISDIR));
        *exists = S_ISREG(st->st_mode);
    }
    return NARRATE_OK;
}

static narrate_error open_target(struct file_sink *f)
{
    struct stat st;
    int exists;
    narrate_error err = check_target(f, &st, &exists);
    if (err)
        return err;
    f->fd = replace_create_temp(f->path, ".tmp", &f->tmp_path);
    if (f->fd < 0) {
        if (errno == ENOMEM)
            return sink_fail(&f->base, NARRATE_ENOMEM, "out of memory");
        return sink_fail(&f->base, NARRATE_EOPEN, "cannot write '%s': %s", f->path,
                         strerror(errno));
    }
    return NARRATE_OK;
}

/* Encoder settings: small files that still sound clean for speech. */
static void set_quality(struct file_sink *f)
{
    double level;
    int mode = SF_BITRATE_MODE_VARIABLE;
    switch (f->fmt->format) {
    case NARRATE_FORMAT_FLAC:
        level = 0.6;
        sf_command(f->snd, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
        break;
    case NARRATE_FORMAT_OGG:
        level = 0.5; /* Vorbis quality 0.5 */
        sf_command(f->snd, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
        break;
    case NARRATE_FORMAT_OPUS:
    case NARRATE_FORMAT_MP3:
        sf_command(f->snd, SFC_SET_BITRATE_MODE, &mode, sizeof mode);
        level = 0.5;
        sf_command(f->snd, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
        break;
    default:
        break;
    }
}

/* Turns a wav_stream errno into the sink's error. */
static narrate_error stream_error(struct file_sink *f, int errnum)
{
    if (errnum == 0)
        return NARRATE_OK;
    return sink_fail(&f->base, NARRATE_EWRITE, "cannot write to standard output: %s",
                     strerror(errnum));
}

/* Opens libsndfile on f->fd at the rate the first write brought. */
static narrate_error start_encoder(struct file_sink *f, int rate)
{
    SF_INFO info;
    char msg[160];
    f->in_rate = rate;
    f->file_rate = rate_allowed(f->fmt, rate) ? rate : f->fmt->fallback_rate;
    if (f->file_rate != rate) {
        f->rs = resampler_new(rate, f->file_rate, msg, sizeof msg);
        if (!f->rs)
            return sink_fail(&f->base, NARRATE_EFORMAT, "%s", msg);
    }
    f->started = 1;
    if (f->raw_pipe)
        return stream_error(f, wav_stream_header(f->fd, f->file_rate));
    memset(&info, 0, sizeof info);
    info.samplerate = f->file_rate;
    info.channels = 1;
    info.format = f->fmt->sf_format;
    if (!sf_format_check(&info))
        return sink_fail(&f->base, NARRATE_EFORMAT, "%s cannot take %d Hz mono audio",
                         f->fmt->name, f->file_rate);
    f->snd = sf_open_fd(f->fd, SFM_WRITE, &info, SF_FALSE);
    if (!f->snd)
        return sink_fail(&f->base, NARRATE_EWRITE, "cannot write %s to '%s': %s",
                         f->fmt->name, f->path, sf_strerror(NULL));
    set_quality(f);
    if (!f->tmp_path && f->fmt->format == NARRATE_FORMAT_WAV)
        sf_command(f->snd, SFC_SET_UPDATE_HEADER_AUTO, NULL, SF_TRUE);
    return NARRATE_OK;
}

/* Hands converted samples to libsndfile; a resample_out_fn. */
static int encode(void *ctx, const int16_t *samples, size_t count)
{
    struct file_sink *f = ctx;
    if (f->raw_pipe)
        return stream_error(f, wav_stream_samples(f->fd, samples, count)) != NARRATE_OK;
    errno = 0;
    sf_count_t n = sf_write_short(f->snd, samples, (sf_count_t)count);
    int errnum = errno;
    if (n > 0)
        f->frames += n;
    if (n != (sf_count_t)count || sf_error(f->snd) != SF_ERR_NO_ERROR) {
        /* Some codecs (Vorbis) report an I/O failure as an internal error. */
        const char *why = sf_error(f->snd) != SF_ERR_SYSTEM && errnum != 0
                              ? strerror(errnum) : sf_strerror(f->snd);
        sink_fail(&f->base, NARRATE_EWRITE, "cannot write '%s': %s", f->path, why);
        return 1;
    }
    return 0;
}

static narrate_error feed_now(struct file_sink *f, const int16_t *samples, size_t count)
{
    int r;
    if (!f->rs)
        r = encode(f, samples, count);
    else if ((r = resampler_push(f->rs, samples, count, encode, f)) < 0)
        sink_fail(&f->base, NARRATE_EWRITE, "resampling for '%s': %s", f->path,
                  resampler_error(f->rs));
    return r ? NARRATE_EWRITE : NARRATE_OK;
}

static narrate_error flush_batch(struct file_sink *f)
{
    size_t count = f->batched;
    f->batched = 0;
    return count ? feed_now(f, f->batch, count) : NARRATE_OK;
}

/* Hands samples on in batches of BATCH_SAMPLES; flush_batch() sends the rest. */
static narrate_error feed(struct file_sink *f, const int16_t *samples, size_t count)
{
    while (count > 0) {
        size_t take = BATCH_SAMPLES - f->batched < count ? BATCH_SAMPLES - f->batched : count;
        memcpy(f->batch + f->batched, samples, take * sizeof *samples);
        f->batched += take;
        samples += take;
        count -= take;
        if (f->batched == BATCH_SAMPLES) {
            narrate_error err = flush_batch(f);
            if (err != NARRATE_OK)
                return err;
        }
    }
    return NARRATE_OK;
}

static narrate_error file_write(narrate_sink *s, const int16_t *samples, size_t count,
                                int sample_rate)
{
    struct file_sink *f = (struct file_sink *)s;
    if (f->failed)
        return f->failed;
    if (!f->started)
        f->failed = start_encoder(f, sample_rate);
    else if (sample_rate != f->in_rate)
        f->failed = sink_fail(s, NARRATE_EFORMAT, "sample rate changed from %d to %d Hz",
                              f->in_rate, sample_rate);
    if (!f->failed)
        f->failed = feed(f, samples, count);
    return f->failed;
}

/* Ends the encoded stream: resampler tail, then sf_close. */
static narrate_error finish_encoder(struct file_sink *f)
{
    int rc;
    if (flush_batch(f) != NARRATE_OK)
        return NARRATE_EWRITE;
    if (f->rs && resampler_push(f->rs, NULL, 0, encode, f) != 0)
        return NARRATE_EWRITE;
    if (f->raw_pipe)
        return NARRATE_OK;
    rc = sf_close(f->snd);
    f->snd = NULL;
    if (rc != 0)
        return sink_fail(&f->base, NARRATE_EWRITE, "cannot finish '%s': %s", f->path,
                         sf_error_number(rc));
    return NARRATE_OK;
}

/* A sink committed without any audio still makes a valid file.  FLAC, Opus and
 * MP3 cannot hold zero frames in libsndfile, so every format gets the same
 * 10 ms of silence at DEFAULT_RATE. */
static narrate_error start_if_empty(struct file_sink *f)
{
    static const int16_t silence[DEFAULT_RATE / 100];
    if (f->started)
        return NARRATE_OK;
    narrate_error err = start_encoder(f, DEFAULT_RATE);
    return err != NARRATE_OK ? err : feed(f, silence, sizeof silence / sizeof silence[0]);
}

/* The commit of a file: finish, sync, verify by decoding, rename. */
static narrate_error commit_file(struct file_sink *f)
{
    narrate_error err = NARRATE_OK;
    int fd = f->fd;
    if ((err = start_if_empty(f)) != NARRATE_OK || (err = finish_encoder(f)) != NARRATE_OK)
        return err;
    f->fd = -1;
    if (fsync(fd) != 0 || close(fd) != 0)
        return sink_fail(&f->base, NARRATE_EWRITE, "cannot write '%s': %s", f->path,
                         strerror(errno));
    if ((err = sink_file_check(&f->base, f->tmp_path, f->path, f->fmt->format,
                               f->file_rate, f->frames)) != NARRATE_OK)
        return err;
    if (rename(f->tmp_path, f->path) != 0)
        return sink_fail(&f->base, NARRATE_EWRITE, "cannot rename into '%s': %s", f->path,
                         strerror(errno));
    free(f->tmp_path);
    f->tmp_path = NULL;
    replace_sync_folder(f->path);
    return NARRATE_OK;
}

static narrate_error commit_stdout(struct file_sink *f)
{
    narrate_error err = start_if_empty(f);
    return err != NARRATE_OK ? err : finish_encoder(f);
}

/* Releases whatever is still held; unlinks the temporary file if it is left. */
static void discard(struct file_sink *f)
{
    if (f->snd)
        sf_close(f->snd);
    f->snd = NULL;
    if (f->tmp_path && f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp_path)
        unlink(f->tmp_path);
    free(f->tmp_path);
    f->tmp_path = NULL;
}

static narrate_error file_close(narrate_sink *s, int commit)
{
    struct file_sink *f = (struct file_sink *)s;
    narrate_error err = NARRATE_OK;
    if (commit && f->failed) {
        err = NARRATE_EWRITE; /* the message of the failure stays */
    } else if (commit && sink_is_canceled(s)) {
        err = sink_fail(s, NARRATE_ECANCELED, "canceled; '%s' was not written", f->path);
    } else if (commit) {
        err = f->tmp_path ? commit_file(f) : commit_stdout(f);
        if (err != NARRATE_OK && err != NARRATE_ENOMEM)
            err = NARRATE_EWRITE;
    }
    discard(f);
    resampler_free(f->rs);
    free(f->path);
    return err;
}

static const struct sink_ops file_ops = {file_write, NULL, NULL, NULL, NULL, file_close};

static int is_regular(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

static narrate_error resolve_format(const char *path, narrate_format format,
                                   const struct format_info **out, char *errmsg,
                                   size_t errmsg_size)
{
    int to_stdout = strcmp(path, "-") == 0;
    if (format == NARRATE_FORMAT_AUTO)
        format = to_stdout ? NARRATE_FORMAT_WAV : format_from_path(path);
    if (format == NARRATE_FORMAT_AUTO) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot tell the audio format of '%s' from its name: "
                 "use .wav, .flac, .ogg, .opus or .mp3, or name a format", path);
        sink_copy_msg(errmsg, errmsg_size, msg);
        return NARRATE_EFORMAT;
    }
    *out = format_lookup(format);
    if (!*out) {
        sink_copy_msg(errmsg, errmsg_size, "unknown audio format");
        return NARRATE_EFORMAT;
    }
    return NARRATE_OK;
}

narrate_error narrate_sink_open_file(const char *path, narrate_format format,
                                     narrate_sink **out, char *errmsg, size_t errmsg_size)
{
    const struct format_info *fmt = NULL;
    struct file_sink *f;
    narrate_error err;

    if (!out)
        return NARRATE_EINVAL;
    *out = NULL;
    if (!path || !*path) {
        sink_copy_msg(errmsg, errmsg_size, "no output file name");
        return NARRATE_EINVAL;
    }
    if ((err = resolve_format(path, format, &fmt, errmsg, errmsg_size)) != NARRATE_OK)
        return err;
    f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        sink_copy_msg(errmsg, errmsg_size, "out of memory");
        return NARRATE_ENOMEM;
    }
    sink_init(&f->base, &file_ops);
    f->fmt = fmt;
    f->fd = 1;
    f->raw_pipe = strcmp(path, "-") == 0 && fmt->format == NARRATE_FORMAT_WAV && !is_regular(1);
    if (strcmp(path, "-") != 0 && (err = open_target(f)) != NARRATE_OK) {
        sink_copy_msg(errmsg, errmsg_size, f->base.errmsg);
        f->fd = -1;
        file_close(&f->base, 0);
        free(f);
        return err;
    }
    *out = &f->base;
    return NARRATE_OK;
}
