/* The public sink entry points: argument checks, then dispatch through ops. */
#include "sink.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void sink_init(narrate_sink *s, const struct sink_ops *ops)
{
    s->ops = ops;
    atomic_init(&s->canceled, 0);
    s->errmsg[0] = '\0';
}

narrate_error sink_fail(narrate_sink *s, narrate_error err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
    va_end(ap);
    return err;
}

void sink_copy_msg(char *dst, size_t size, const char *src)
{
    if (dst && size > 0)
        snprintf(dst, size, "%s", src);
}

int sink_is_canceled(const narrate_sink *s)
{
    return atomic_load_explicit(&((narrate_sink *)s)->canceled, memory_order_acquire);
}

narrate_format narrate_format_from_name(const char *name)
{
    static const struct { const char *name; narrate_format format; } names[] = {
        {"wav", NARRATE_FORMAT_WAV}, {"flac", NARRATE_FORMAT_FLAC},
        {"ogg", NARRATE_FORMAT_OGG}, {"opus", NARRATE_FORMAT_OPUS},
        {"mp3", NARRATE_FORMAT_MP3},
    };
    if (!name)
        return NARRATE_FORMAT_AUTO;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0)
            return names[i].format;
    return NARRATE_FORMAT_AUTO;
}

narrate_error narrate_sink_write(narrate_sink *s, const int16_t *samples, size_t count,
                                 int sample_rate)
{
    if (!s)
        return NARRATE_EINVAL;
    if (sink_is_canceled(s))
        return sink_fail(s, NARRATE_ECANCELED, "canceled");
    if (count == 0)
        return NARRATE_OK;
    if (!samples || sample_rate <= 0)
        return sink_fail(s, NARRATE_EINVAL, "invalid samples or sample rate %d", sample_rate);
    return s->ops->write(s, samples, count, sample_rate);
}

void narrate_sink_cancel(narrate_sink *s)
{
    if (!s)
        return;
    atomic_store_explicit(&s->canceled, 1, memory_order_release);
    if (s->ops->cancel)
        s->ops->cancel(s);
}

narrate_error narrate_sink_pause(narrate_sink *s, int paused)
{
    if (!s || !s->ops->pause)
        return NARRATE_EINVAL;
    return s->ops->pause(s, paused != 0);
}

narrate_error narrate_sink_flush(narrate_sink *s)
{
    if (!s)
        return NARRATE_EINVAL;
    if (s->ops->flush)
        s->ops->flush(s);
    return NARRATE_OK;
}

narrate_error narrate_sink_played(narrate_sink *s, uint64_t *out)
{
    if (!s || !out || !s->ops->played)
        return NARRATE_EINVAL;
    *out = s->ops->played(s);
    return NARRATE_OK;
}

const char *narrate_sink_errmsg(const narrate_sink *s)
{
    return s ? s->errmsg : "";
}

narrate_error narrate_sink_close(narrate_sink *s, int commit, char *errmsg,
                                 size_t errmsg_size)
{
    narrate_error err;
    if (!s)
        return NARRATE_OK;
    err = s->ops->close(s, commit);
    if (err != NARRATE_OK)
        sink_copy_msg(errmsg, errmsg_size, s->errmsg);
    else
        sink_copy_msg(errmsg, errmsg_size, "");
    free(s);
    return err;
}
