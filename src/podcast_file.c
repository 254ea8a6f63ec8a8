#include "podcast_file.h"
#include "file_replace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int podcast_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int podcast_write_whole(const char *path, const void *data, size_t len)
{
    char *tmp = NULL;
    int fd = replace_create_temp(path, ".tmp", &tmp);
    if (fd < 0)
        return errno;
    int rc = podcast_write_all(fd, data, len);
    if (rc != 0)
        close(fd);
    else
        rc = replace_commit(fd, tmp, path);
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

int podcast_read_whole(const char *path, size_t max, unsigned char **out, size_t *len)
{
    struct stat st;
    int rc = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    if (fstat(fd, &st) != 0)
        rc = errno;
    else if (!S_ISREG(st.st_mode))
        rc = EINVAL;
    else if ((uint64_t)st.st_size > max)
        rc = EFBIG;
    unsigned char *buf = rc ? NULL : malloc(st.st_size ? (size_t)st.st_size : 1);
    if (!rc && !buf)
        rc = ENOMEM;
    size_t got = 0;
    while (!rc && got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            rc = n < 0 ? errno : EIO;
        else
            got += (size_t)n;
    }
    close(fd);
    if (rc) {
        free(buf);
        return rc;
    }
    *out = buf;
    *len = got;
    return 0;
}
