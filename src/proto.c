#include "proto.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int proto_read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int proto_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == ENOTSOCK)
            n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Finishes a writev that wrote only `done` bytes. */
static int write_rest(int fd, const struct iovec *parts, int count, size_t done)
{
    for (int i = 0; i < count; i++) {
        if (done >= parts[i].iov_len) {
            done -= parts[i].iov_len;
            continue;
        }
        if (proto_write_all(fd, (const char *)parts[i].iov_base + done, parts[i].iov_len - done))
            return -1;
        done = 0;
    }
    return 0;
}

int proto_send2(int fd, uint32_t type, const void *a, size_t alen, const void *b, size_t blen)
{
    if (alen + blen > PROTO_MAX_PAYLOAD) {
        errno = EMSGSIZE;
        return -1;
    }
    proto_header h = {type, (uint32_t)(alen + blen)};
    struct iovec parts[3] = {{&h, sizeof h}, {(void *)a, alen}, {(void *)b, blen}};
    size_t total = sizeof h + alen + blen;
    ssize_t n;
    struct msghdr msg = {.msg_iov = parts, .msg_iovlen = 3};
    do {
        n = sendmsg(fd, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == ENOTSOCK)
            n = writev(fd, parts, 3);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
        return -1;
    if ((size_t)n == total)
        return 0;
    return write_rest(fd, parts, 3, (size_t)n);
}

int proto_send(int fd, uint32_t type, const void *payload, size_t length)
{
    return proto_send2(fd, type, payload, length, NULL, 0);
}
