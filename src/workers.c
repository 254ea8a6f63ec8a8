#define _GNU_SOURCE /* pipe2 */
#include "workers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static int spawn_attributes(posix_spawnattr_t *attr)
{
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGXFSZ);
    if (posix_spawnattr_init(attr) != 0)
        return -1;
    int rc = posix_spawnattr_setflags(attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                                POSIX_SPAWN_SETSIGDEF);
    rc |= posix_spawnattr_setpgroup(attr, 0);
    rc |= posix_spawnattr_setsigmask(attr, &none);
    rc |= posix_spawnattr_setsigdefault(attr, &defaults);
    return rc == 0 ? 0 : -1;
}

/* Starts the process with the pipe ends as its stdin and stdout. */
static int spawn_process(worker *w, const char *path, int child_in, int child_out)
{
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    if (posix_spawn_file_actions_init(&actions) != 0)
        return ENOMEM;
    if (spawn_attributes(&attr) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return ENOMEM;
    }
    posix_spawn_file_actions_adddup2(&actions, child_in, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, child_out, STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    char *argv[] = {(char *)"narrate-worker", NULL};
    int rc = posix_spawn(&w->pid, path, &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        w->pid = 0;
    return rc;
}

static int spawn_worker(worker *w, const char *path)
{
    /* The request channel is a socket so that writes to a dead worker fail with
     * EPIPE (send with MSG_NOSIGNAL) instead of killing the host with SIGPIPE. */
    int request[2], response[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, request) != 0)
        return errno;
    if (pipe2(response, O_CLOEXEC) != 0) {
        int e = errno;
        close(request[0]);
        close(request[1]);
        return e;
    }
    int rc = spawn_process(w, path, request[0], response[1]);
    close(request[0]);
    close(response[1]);
    if (rc != 0) {
        close(request[1]);
        close(response[0]);
        return rc;
    }
    w->to_fd = request[1];
    w->from_fd = response[0];
    fcntl(w->from_fd, F_SETFL, fcntl(w->from_fd, F_GETFL) | O_NONBLOCK);
    w->in_pos = w->in_len = 0;
    w->job = -1;
    return 0;
}

static int fail(narrate_error *err, narrate_error code, char *errmsg, size_t size,
                const char *what, const char *detail)
{
    *err = code;
    if (errmsg && size)
        snprintf(errmsg, size, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
    return -1;
}

/* Waits for a DONE (0) or an ERROR whose message goes to errmsg (-1). */
static int await_done(worker *w, double timeout, char *errmsg, size_t size)
{
    proto_header h;
    const char *payload;
    int rc = worker_wait_message(w, timeout, &h, &payload);
    if (rc == 1 && h.type == RSP_DONE)
        return 0;
    if (rc == 1 && h.type == RSP_ERROR && errmsg && size)
        snprintf(errmsg, size, "%.*s", (int)h.length, payload);
    else if (errmsg && size)
        snprintf(errmsg, size, "%s", rc == 0 ? "timed out" : "it exited");
    return -1;
}

int worker_configure(worker *w, const proto_config *config, double timeout, narrate_error *err,
                     char *errmsg, size_t errmsg_size)
{
    char reason[256] = "";
    if (proto_send(w->to_fd, REQ_CONFIG, config, sizeof *config) == 0 &&
        await_done(w, timeout, reason, sizeof reason) == 0)
        return 0;
    /* "no such voice", or "no such voice: why" (a Flite voice file that is not one) */
    int bad_voice = strncmp(reason, "no such voice", 13) == 0;
    const char *why = bad_voice && strncmp(reason + 13, ": ", 2) == 0 ? reason + 15 : config->voice;
    return fail(err, bad_voice ? NARRATE_EVOICE : NARRATE_EWORKER, errmsg, errmsg_size,
                bad_voice ? "no such voice" : "synthesis worker refused its configuration",
                bad_voice ? why : reason);
}

int worker_start(worker *w, const char *path, const proto_config *config, double timeout,
                 narrate_error *err, char *errmsg, size_t errmsg_size)
{
    int rc = spawn_worker(w, path);
    if (rc != 0)
        return fail(err, NARRATE_EWORKER, errmsg, errmsg_size, path, strerror(rc));
    proto_header h;
    const char *payload;
    if (worker_wait_message(w, timeout, &h, &payload) != 1 || h.type != RSP_HELLO ||
        h.length != sizeof(int32_t)) {
        worker_stop(w);
        return fail(err, NARRATE_EWORKER, errmsg, errmsg_size, "synthesis worker did not start",
                    path);
    }
    int32_t rate;
    memcpy(&rate, payload, sizeof rate);
    if (worker_configure(w, config, timeout, err, errmsg, errmsg_size) != 0) {
        worker_stop(w);
        return -1;
    }
    return rate;
}

void worker_abandon(worker *w)
{
    if (w->pid > 0 && w->job >= 0) {
        kill(w->pid, SIGUSR1);
        w->job = WORKER_DISCARDING;
        w->busy_since = monotonic_seconds();
    }
}

void worker_stop(worker *w)
{
    if (w->pid > 0) {
        kill(-w->pid, SIGKILL); /* its group: the worker and the request it forked */
        while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    w->pid = 0;
    close_fd(&w->to_fd);
    close_fd(&w->from_fd);
    w->in_pos = w->in_len = 0;
    w->job = -1;
}

void worker_shutdown(worker *w, double grace)
{
    close_fd(&w->to_fd);
    double deadline = monotonic_seconds() + grace;
    while (w->pid > 0 && monotonic_seconds() < deadline) {
        pid_t r = waitpid(w->pid, NULL, WNOHANG);
        if (r == w->pid || (r < 0 && errno != EINTR)) {
            w->pid = 0;
            break;
        }
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    worker_stop(w);
}

int worker_read_available(worker *w)
{
    if (w->in_pos > 0) {
        memmove(w->in, w->in + w->in_pos, w->in_len - w->in_pos);
        w->in_len -= w->in_pos;
        w->in_pos = 0;
    }
    for (;;) {
        if (w->in_cap - w->in_len < 65536) {
            size_t cap = w->in_cap ? w->in_cap * 2 : 131072;
            char *grown = realloc(w->in, cap);
            if (!grown)
                return -1;
            w->in = grown;
            w->in_cap = cap;
        }
        ssize_t n = read(w->from_fd, w->in + w->in_len, w->in_cap - w->in_len);
        if (n > 0) {
            w->in_len += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        return -1;
    }
}

int worker_next_message(worker *w, proto_header *h, const char **payload)
{
    const size_t header = sizeof(proto_header);
    size_t left = w->in_len - w->in_pos;
    if (left < header)
        return 0;
    memcpy(h, w->in + w->in_pos, header);
    if (h->length > PROTO_MAX_PAYLOAD)
        return -1;
    if (left < header + h->length)
        return 0;
    *payload = w->in + w->in_pos + header;
    w->in_pos += header + h->length;
    return 1;
}

int worker_wait_message(worker *w, double timeout, proto_header *h, const char **payload)
{
    double deadline = monotonic_seconds() + timeout;
    for (;;) {
        int rc = worker_next_message(w, h, payload);
        if (rc != 0)
            return rc;
        double left = deadline - monotonic_seconds();
        if (left <= 0)
            return 0;
        struct pollfd p = {w->from_fd, POLLIN, 0};
        int ready = poll(&p, 1, (int)(left * 1000) + 1);
        if (ready < 0 && errno != EINTR)
            return -1;
        if (ready > 0 && worker_read_available(w) != 0) {
            rc = worker_next_message(w, h, payload);
            return rc == 1 ? 1 : -1;
        }
    }
}
