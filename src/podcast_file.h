/* Internal: files written whole or not at all, for podcast outputs.
 *
 * The rule of the project: a file is made under a temporary name beside its
 * target and renamed over it only once complete (and checked, where the caller
 * checks); on any failure the temporary is removed and the target untouched.
 * The temporary files themselves come from file_replace.h. */
#ifndef NARRATE_PODCAST_FILE_H
#define NARRATE_PODCAST_FILE_H

#include <stddef.h>

/* Writes len bytes to path by way of a temporary.  Returns 0 or an errno
 * value; on failure path is untouched and no temporary remains. */
int podcast_write_whole(const char *path, const void *data, size_t len);

/* Reads a whole regular file of at most max bytes into a malloc'd buffer.
 * Returns 0, EFBIG, or the errno of the failure. */
int podcast_read_whole(const char *path, size_t max, unsigned char **out, size_t *len);

/* Writes all of buf to fd, retrying on EINTR.  Returns 0 or errno. */
int podcast_write_all(int fd, const void *buf, size_t len);

#endif
