#include "proto.h"

#include <errno.h>
#include <unistd.h>

int proto_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
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

int proto_send2(int fd, uint32_t type, const void *a, size_t alen, const void *b, size_t blen)
{
    if (alen + blen > PROTO_MAX_PAYLOAD) {
        errno = EMSGSIZE;
        return -1;
    }
    proto_header h = {type, (uint32_t)(alen + blen)};
    if (proto_write_all(fd, &h, sizeof h) != 0)
        return -1;
    if (alen && proto_write_all(fd, a, alen) != 0)
        return -1;
    if (blen && proto_write_all(fd, b, blen) != 0)
        return -1;
    return 0;
}

int proto_send(int fd, uint32_t type, const void *payload, size_t length)
{
    return proto_send2(fd, type, payload, length, NULL, 0);
}
