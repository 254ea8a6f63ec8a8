#include "file_replace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

/* Six random name characters; getrandom where it works, else a weaker mix
 * (O_EXCL keeps it safe either way). */
static void random_name(char out[7], int attempt)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char rnd[6];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
        for (size_t i = 0; i < sizeof rnd; i++)
            rnd[i] = (unsigned char)(rand() ^ (getpid() >> i) ^ attempt);
    for (size_t i = 0; i < sizeof rnd; i++)
        out[i] = alphabet[rnd[i] % (sizeof alphabet - 1)];
    out[6] = '\0';
}

int replace_create_temp(const char *path, const char *suffix, char **tmp_out)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    size_t size = strlen(path) + strlen(suffix) + 16;
    char *tmp = malloc(size);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    for (int attempt = 0; attempt < 100; attempt++) {
        char name[7];
        random_name(name, attempt);
        snprintf(tmp, size, "%.*s.%s.%s%s", (int)dirlen, path, path + dirlen, name, suffix);
        int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            struct stat st;
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
                (void)fchmod(fd, st.st_mode & 0777); /* as `>` would leave them */
            *tmp_out = tmp;
            return fd;
        }
        if (errno != EEXIST)
            break;
    }
    int saved = errno;
    free(tmp);
    errno = saved;
    return -1;
}

void replace_sync_folder(const char *path)
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

int replace_commit(int fd, const char *tmp, const char *path)
{
    int rc = fsync(fd) == 0 ? 0 : errno;
    if (close(fd) != 0 && rc == 0)
        rc = errno;
    if (rc == 0 && rename(tmp, path) != 0)
        rc = errno;
    if (rc == 0)
        replace_sync_folder(path);
    return rc;
}
