#include "podcast_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int podcast_temp_beside(const char *path, const char *suffix, char **tmp_out)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    size_t size = strlen(path) + strlen(suffix) + 16;
    struct stat st;
    char *tmp = malloc(size);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(tmp, size, "%.*s.%s.XXXXXX%s", (int)dirlen, path, path + dirlen, suffix);
    int fd = mkstemps(tmp, (int)strlen(suffix));
    if (fd >= 0)
        (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (fd < 0) {
        int saved = errno;
        free(tmp);
        errno = saved;
        return -1;
    }
    (void)fchmod(fd, stat(path, &st) == 0 && S_ISREG(st.st_mode) ? st.st_mode & 0777 : 0644);
    *tmp_out = tmp;
    return fd;
}

static void sync_folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

int podcast_commit_temp(int fd, const char *tmp, const char *path)
{
    int rc = fsync(fd) == 0 ? 0 : errno;
    if (close(fd) != 0 && rc == 0)
        rc = errno;
    if (rc == 0 && rename(tmp, path) != 0)
        rc = errno;
    if (rc == 0)
        sync_folder_of(path);
    return rc;
}

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
    int fd = podcast_temp_beside(path, ".tmp", &tmp);
    if (fd < 0)
        return errno;
    int rc = podcast_write_all(fd, data, len);
    if (rc != 0)
        close(fd);
    else
        rc = podcast_commit_temp(fd, tmp, path);
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
