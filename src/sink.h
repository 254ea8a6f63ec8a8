/* Internal: what every sink implements.
 *
 * A sink is one malloc'd block whose first member is `struct narrate_sink`; the
 * dispatch functions in sink.c call through `ops` and free that block after
 * ops->close.  Implementations report errors with sink_fail(), which leaves the
 * message in `errmsg` for narrate_sink_errmsg(). */
#ifndef NARRATE_SINK_H
#define NARRATE_SINK_H

#include "narrate.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct sink_ops {
    /* count >= 1 samples; sample_rate > 0.  Called from one thread at a time. */
    narrate_error (*write)(narrate_sink *s, const int16_t *samples, size_t count,
                           int sample_rate);
    /* Optional.  Called after `canceled` is set; must be async-signal-safe. */
    void (*cancel)(narrate_sink *s);
    /* Optional; NULL makes narrate_sink_pause return EINVAL.  Called from any
     * thread, concurrently with write; must not block. */
    narrate_error (*pause)(narrate_sink *s, int paused);
    /* Optional; NULL makes narrate_sink_flush a no-op.  Called from any thread,
     * concurrently with write; must not block. */
    void (*flush)(narrate_sink *s);
    /* Optional; NULL makes narrate_sink_played return EINVAL.  Any thread. */
    uint64_t (*played)(narrate_sink *s);
    /* Finishes (commit) or discards, and releases everything the sink owns except
     * the block itself.  Called exactly once. */
    narrate_error (*close)(narrate_sink *s, int commit);
};

struct narrate_sink {
    const struct sink_ops *ops;
    /* Set by narrate_sink_cancel from any thread or a signal handler; never cleared. */
    atomic_bool canceled;
    char errmsg[256];
};

/* Fills the common part of a freshly allocated sink. */
void sink_init(narrate_sink *s, const struct sink_ops *ops);

/* Formats a message into s->errmsg and returns err. */
narrate_error sink_fail(narrate_sink *s, narrate_error err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Copies src into dst[0..size) when dst is not NULL and size > 0. */
void sink_copy_msg(char *dst, size_t size, const char *src);

int sink_is_canceled(const narrate_sink *s);

/* A sink that counts what it is given and discards it, for tests.  It fails a
 * write with EFORMAT when the rate changes, like the real sinks do. */
narrate_error sink_open_null(narrate_sink **out);
/* Samples written so far, and the rate of the first write (0 before it). */
uint64_t sink_null_samples(const narrate_sink *s);
int sink_null_rate(const narrate_sink *s);

#endif
