/* The null sink: counts samples and discards them (tests only). */
#include "sink.h"

#include <stdlib.h>

struct null_sink {
    narrate_sink base;
    uint64_t samples;
    int rate;
};

static narrate_error null_write(narrate_sink *s, const int16_t *samples, size_t count,
                                int sample_rate)
{
    struct null_sink *n = (struct null_sink *)s;
    (void)samples;
    if (n->rate == 0)
        n->rate = sample_rate;
    else if (n->rate != sample_rate)
        return sink_fail(s, NARRATE_EFORMAT, "sample rate changed from %d to %d Hz",
                         n->rate, sample_rate);
    n->samples += count;
    return NARRATE_OK;
}

static narrate_error null_close(narrate_sink *s, int commit)
{
    (void)s;
    (void)commit;
    return NARRATE_OK;
}

static const struct sink_ops null_ops = {null_write, NULL, NULL, NULL, NULL, null_close};

narrate_error sink_open_null(narrate_sink **out)
{
    struct null_sink *n = calloc(1, sizeof *n);
    *out = NULL;
    if (!n)
        return NARRATE_ENOMEM;
    sink_init(&n->base, &null_ops);
    *out = &n->base;
    return NARRATE_OK;
}

uint64_t sink_null_samples(const narrate_sink *s)
{
    return ((const struct null_sink *)s)->samples;
}

int sink_null_rate(const narrate_sink *s)
{
    return ((const struct null_sink *)s)->rate;
}
