/* The podcast sink's public side: options, open, spooling writes, chapters
 * and close.  The rendering at close is podcast_render.c's. */
#include "file_replace.h"
#include "podcast_file.h"
#include "podcast_id3.h"
#include "podcast_sink.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Covers beyond this are surely not meant: Apple asks for at most 512 KB. */
#define MAX_COVER_BYTES (16u << 20)

void narrate_podcast_options_init(narrate_podcast_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = NARRATE_FORMAT_AUTO;
    o->loudness = -16.0;
    o->bitrate = 64;
    o->vbr_quality = -1;
}

static int loudness_valid(double lufs)
{
    return lufs == NARRATE_LOUDNESS_OFF || (lufs >= -70.0 && lufs <= -5.0);
}

static narrate_format format_of(const char *path, narrate_format given)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (given != NARRATE_FORMAT_AUTO)
        return given;
    return dot && dot[1] ? narrate_format_from_name(dot + 1) : NARRATE_FORMAT_AUTO;
}

static narrate_error check_options(narrate_sink *s, const char *path,
                                   const narrate_podcast_options *o, narrate_format format)
{
    if (strcmp(path, "-") == 0)
        return sink_fail(s, NARRATE_EINVAL, "a podcast episode needs a file, not standard output");
    if (format == NARRATE_FORMAT_AUTO)
        return sink_fail(s, NARRATE_EFORMAT, "cannot tell the audio format of '%s' from its "
                         "name: use .mp3, .wav, .flac, .ogg or .opus", path);
    if (!loudness_valid(o->loudness))
        return sink_fail(s, NARRATE_EINVAL, "loudness %g LUFS is outside -70..-5", o->loudness);
    if (o->vbr_quality < -1 || o->vbr_quality > 9 || o->bitrate < 56 || o->bitrate > 320)
        return sink_fail(s, NARRATE_EINVAL, "MP3 bitrate %d kbps or VBR quality %d out of range",
                         o->bitrate, o->vbr_quality);
    return NARRATE_OK;
}

/* Copies each string option; returns nonzero when memory ran short. */
static int copy_strings(narrate_podcast_options *dst, const narrate_podcast_options *src)
{
    const char *const from[] = {src->title, src->artist, src->album, src->date,
                                src->description, src->cover};
    const char **to[] = {&dst->title, &dst->artist, &dst->album, &dst->date,
                         &dst->description, &dst->cover};
    int failed = 0;
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        *to[i] = from[i] ? strdup(from[i]) : NULL;
        failed |= from[i] && !*to[i];
    }
    return failed;
}

static void free_strings(narrate_podcast_options *o)
{
    free((char *)o->title);
    free((char *)o->artist);
    free((char *)o->album);
    free((char *)o->date);
    free((char *)o->description);
    free((char *)o->cover);
}

static narrate_error load_cover(struct podcast_sink *p)
{
    const char *path = p->opts.cover;
    int rc;
    if (!path || !*path || p->format != NARRATE_FORMAT_MP3)
        return NARRATE_OK;
    rc = podcast_read_whole(path, MAX_COVER_BYTES, &p->cover, &p->cover_len);
    if (rc == ENOMEM)
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory");
    if (rc)
        return sink_fail(&p->base, NARRATE_EOPEN, "cannot read the cover '%s': %s", path,
                         rc == EFBIG ? "larger than 16 MiB" : strerror(rc));
    if (!(p->cover_mime = id3_image_mime(p->cover, p->cover_len)))
        return sink_fail(&p->base, NARRATE_EFORMAT, "the cover '%s' is neither JPEG nor PNG",
                         path);
    return NARRATE_OK;
}

/* The spool lives beside the target (same disk, same space) and is unlinked
 * at once: nothing is left behind even if the process is killed. */
static narrate_error open_spool(struct podcast_sink *p)
{
    struct stat st;
    char *tmp = NULL;
    if (stat(p->path, &st) == 0 && S_ISDIR(st.st_mode))
        return sink_fail(&p->base, NARRATE_EOPEN, "cannot write '%s': %s", p->path,
                         strerror(EISDIR));
    p->spool_fd = replace_create_temp(p->path, ".spool", &tmp);
    if (p->spool_fd < 0)
        return sink_fail(&p->base, errno == ENOMEM ? NARRATE_ENOMEM : NARRATE_EOPEN,
                         "cannot write '%s': %s", p->path, strerror(errno));
    unlink(tmp);
    free(tmp);
    return NARRATE_OK;
}

static narrate_error open_inner(struct podcast_sink *p)
{
    char msg[256] = "";
    narrate_error err;
    if (p->format == NARRATE_FORMAT_MP3)
        return NARRATE_OK;
    err = narrate_sink_open_file(p->path, p->format, &p->inner, msg, sizeof msg);
    return err ? sink_fail(&p->base, err, "%s", msg) : NARRATE_OK;
}

static void release(struct podcast_sink *p)
{
    if (p->inner)
        narrate_sink_close(p->inner, 0, NULL, 0);
    p->inner = NULL;
    if (p->spool_fd >= 0)
        close(p->spool_fd);
    p->spool_fd = -1;
    loudness_meter_free(p->meter);
    p->meter = NULL;
    for (size_t i = 0; i < p->nchapters; i++)
        free(p->chapters[i].title);
    free(p->chapters);
    free(p->cover);
    free_strings(&p->opts);
    free(p->path);
}

static narrate_error podcast_write(narrate_sink *s, const int16_t *samples, size_t count,
                                   int sample_rate);
static narrate_error podcast_close(narrate_sink *s, int commit);
static void podcast_cancel(narrate_sink *s)
{
    struct podcast_sink *p = (struct podcast_sink *)s;
    if (p->inner)
        narrate_sink_cancel(p->inner);
}
static const struct sink_ops podcast_ops = {
    .write = podcast_write, .cancel = podcast_cancel, .close = podcast_close};

static narrate_error open_parts(struct podcast_sink *p, const char *path,
                                const narrate_podcast_options *o)
{
    narrate_error err;
    p->format = format_of(path, o->format);
    if ((err = check_options(&p->base, path, o, p->format)) != NARRATE_OK)
        return err;
    p->opts = *o;
    if (!(p->path = strdup(path)) || copy_strings(&p->opts, o))
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory");
    if ((err = load_cover(p)) != NARRATE_OK || (err = open_spool(p)) != NARRATE_OK)
        return err;
    return open_inner(p);
}

narrate_error narrate_sink_open_podcast(const char *path, const narrate_podcast_options *options,
                                        narrate_sink **out, char *errmsg, size_t errmsg_size)
{
    narrate_podcast_options defaults;
    struct podcast_sink *p;
    narrate_error err;
    if (!out)
        return NARRATE_EINVAL;
    *out = NULL;
    if (!path || !*path) {
        sink_copy_msg(errmsg, errmsg_size, "no output file name");
        return NARRATE_EINVAL;
    }
    narrate_podcast_options_init(&defaults);
    if (!(p = calloc(1, sizeof *p))) {
        sink_copy_msg(errmsg, errmsg_size, "out of memory");
        return NARRATE_ENOMEM;
    }
    sink_init(&p->base, &podcast_ops);
    p->spool_fd = -1;
    if ((err = open_parts(p, path, options ? options : &defaults)) != NARRATE_OK) {
        sink_copy_msg(errmsg, errmsg_size, p->base.errmsg);
        release(p);
        free(p);
        return err;
    }
    *out = &p->base;
    return NARRATE_OK;
}

narrate_error podcast_spool_flush(struct podcast_sink *p)
{
    size_t n = p->batched;
    p->batched = 0;
    if (n == 0)
        return NARRATE_OK;
    int rc = podcast_write_all(p->spool_fd, p->batch, n * sizeof p->batch[0]);
    if (rc)
        return sink_fail(&p->base, NARRATE_EWRITE, "cannot write beside '%s': %s", p->path,
                         strerror(rc));
    if (p->meter && loudness_meter_add(p->meter, p->batch, n) != 0)
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory measuring loudness");
    p->samples += n;
    return NARRATE_OK;
}

static narrate_error start(struct podcast_sink *p, int rate)
{
    p->in_rate = rate;
    if (p->opts.loudness != NARRATE_LOUDNESS_OFF && !(p->meter = loudness_meter_new(rate, 0)))
        return sink_fail(&p->base, NARRATE_ENOMEM, "out of memory");
    return NARRATE_OK;
}

static narrate_error spool(struct podcast_sink *p, const int16_t *samples, size_t count)
{
    narrate_error err = NARRATE_OK;
    while (count > 0 && err == NARRATE_OK) {
        size_t room = PODCAST_BATCH - p->batched, take = count < room ? count : room;
        memcpy(p->batch + p->batched, samples, take * sizeof *samples);
        p->batched += take;
        samples += take;
        count -= take;
        if (p->batched == PODCAST_BATCH)
            err = podcast_spool_flush(p);
    }
    return err;
}

static narrate_error podcast_write(narrate_sink *s, const int16_t *samples, size_t count,
                                   int sample_rate)
{
    struct podcast_sink *p = (struct podcast_sink *)s;
    if (p->failed)
        return p->failed;
    if (!p->in_rate)
        p->failed = start(p, sample_rate);
    else if (sample_rate != p->in_rate)
        p->failed = sink_fail(s, NARRATE_EFORMAT, "sample rate changed from %d to %d Hz",
                              p->in_rate, sample_rate);
    if (!p->failed)
        p->failed = spool(p, samples, count);
    return p->failed;
}

narrate_error narrate_sink_add_chapter(narrate_sink *s, uint64_t sample, const char *title)
{
    struct podcast_sink *p = (struct podcast_sink *)s;
    if (!s || s->ops != &podcast_ops)
        return NARRATE_EINVAL;
    if (p->nchapters > 0 && sample < p->chapters[p->nchapters - 1].sample)
        return sink_fail(s, NARRATE_EINVAL, "chapters must come in order");
    if (p->format == NARRATE_FORMAT_MP3 && p->nchapters == ID3_MAX_CHAPTERS)
        return sink_fail(s, NARRATE_EINVAL, "an MP3 holds at most %d chapters",
                         ID3_MAX_CHAPTERS);
    if (p->nchapters == p->chapters_cap) {
        size_t cap = p->chapters_cap ? p->chapters_cap * 2 : 16;
        struct podcast_chapter *c = realloc(p->chapters, cap * sizeof *c);
        if (!c)
            return sink_fail(s, NARRATE_ENOMEM, "out of memory");
        p->chapters = c;
        p->chapters_cap = cap;
    }
    char *copy = strdup(title ? title : "");
    if (!copy)
        return sink_fail(s, NARRATE_ENOMEM, "out of memory");
    p->chapters[p->nchapters++] = (struct podcast_chapter){sample, copy};
    return NARRATE_OK;
}

static int replace_string(const char **field, const char *value)
{
    char *copy;
    if (!value)
        return 0;
    if (!(copy = strdup(value)))
        return -1;
    free((char *)*field);
    *field = copy;
    return 0;
}

narrate_error narrate_sink_set_tags(narrate_sink *s, const narrate_podcast_options *tags)
{
    struct podcast_sink *p = (struct podcast_sink *)s;
    if (!s || !tags || s->ops != &podcast_ops)
        return NARRATE_EINVAL;
    if (replace_string(&p->opts.title, tags->title) || replace_string(&p->opts.artist, tags->artist) ||
        replace_string(&p->opts.album, tags->album) || replace_string(&p->opts.date, tags->date) ||
        replace_string(&p->opts.description, tags->description))
        return sink_fail(s, NARRATE_ENOMEM, "out of memory");
    return NARRATE_OK;
}

static narrate_error podcast_close(narrate_sink *s, int commit)
{
    struct podcast_sink *p = (struct podcast_sink *)s;
    narrate_error err = NARRATE_OK;
    if (commit && p->failed)
        err = p->failed == NARRATE_ENOMEM ? NARRATE_ENOMEM : NARRATE_EWRITE;
    else if (commit && sink_is_canceled(s))
        err = sink_fail(s, NARRATE_ECANCELED, "canceled; '%s' was not written", p->path);
    else if (commit)
        err = podcast_render(p);
    release(p);
    return err;
}
