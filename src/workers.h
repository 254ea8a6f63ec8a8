/* Synthesis worker processes: spawning, the request pipe and the response stream.
 *
 * Each worker is a narrate-worker process started with posix_spawn (never a bare
 * fork, which is unsafe in threaded host programs), in a process group of its
 * own so that the terminal's Ctrl-C reaches only the host, with stderr sent to
 * /dev/null.  A worker that dies or hangs is killed and started again; its
 * death never reaches the host beyond a lost sentence.
 */
#ifndef NARRATE_WORKERS_H
#define NARRATE_WORKERS_H

#include <stddef.h>
#include <sys/types.h>

#include "narrate.h"
#include "proto.h"

typedef struct worker {
    pid_t pid;      /* 0 when not running */
    int to_fd;      /* its stdin; -1 when not running */
    int from_fd;    /* its stdout; -1 when not running */
    char *in;       /* bytes read from from_fd; in[in_pos..in_len) not yet taken */
    size_t in_pos, in_len, in_cap;
    int job;        /* index of the job it is serving, -1 when idle, or
                       WORKER_DISCARDING: its request was abandoned and what
                       it still sends is read and dropped up to DONE/ERROR */
    double busy_since; /* monotonic seconds of the last sign of progress */
} worker;

#define WORKER_DISCARDING (-2)

/* Asks a busy worker to abandon its request (SIGUSR1: the engine stops at its
 * next audio chunk) and marks it WORKER_DISCARDING. */
void worker_abandon(worker *w);

/* Starts the process at `path`, waits for its HELLO and sends it `config`.
 * Returns the engine's sample rate, or -1 with errmsg filled.  On failure the
 * worker is left stopped.  `timeout` is in seconds. */
int worker_start(worker *w, const char *path, const proto_config *config, double timeout,
                 narrate_error *err, char *errmsg, size_t errmsg_size);

/* Sends an idle, running worker a new configuration.  0, or -1 with *err
 * (EVOICE when the voice does not exist, else EWORKER) and errmsg filled; the
 * worker keeps running either way. */
int worker_configure(worker *w, const proto_config *config, double timeout, narrate_error *err,
                     char *errmsg, size_t errmsg_size);

/* Kills the process (SIGKILL), reaps it and closes its pipes; safe when stopped. */
void worker_stop(worker *w);

/* Closes its stdin so that it exits by itself, then reaps it, killing it if it
 * has not exited after `grace` seconds. */
void worker_shutdown(worker *w, double grace);

/* Reads what is available without blocking; payloads returned earlier become
 * invalid.  Returns 0, or -1 when the worker has gone (EOF or a read error);
 * messages read before that can still be taken. */
int worker_read_available(worker *w);

/* Takes the next complete message from what was read: 1 and fills *h and
 * *payload (valid until the next read), 0 when none is complete, -1 when the
 * stream is corrupt. */
int worker_next_message(worker *w, proto_header *h, const char **payload);

/* Blocks up to `timeout` seconds for the next message.  1, 0 on timeout, -1
 * when the worker has gone or the stream is corrupt. */
int worker_wait_message(worker *w, double timeout, proto_header *h, const char **payload);

/* Seconds on the monotonic clock. */
double monotonic_seconds(void);

#endif
