/* Replacing a file safely: write a temporary file beside the target, then
 * fsync it, rename it over the target and sync the folder.  Until the rename
 * the old file is untouched; the caller unlinks the temporary file on failure. */
#ifndef NARRATE_FILE_REPLACE_H
#define NARRATE_FILE_REPLACE_H

/* Creates `dir/.base.XXXXXX<suffix>` beside path with O_EXCL.  A new file gets
 * mode 0666 less the umask, as the target itself would; when path exists, its
 * permission bits are kept.  Returns the descriptor (close-on-exec) and sets
 * *tmp_out (the caller frees it), or returns -1 with errno set. */
int replace_create_temp(const char *path, const char *suffix, char **tmp_out);

/* fsyncs and closes fd, renames tmp over path and syncs the folder.  Returns 0
 * or an errno value; fd is closed either way. */
int replace_commit(int fd, const char *tmp, const char *path);

/* fsyncs the folder that holds path, so that a rename there survives a crash;
 * best effort. */
void replace_sync_folder(const char *path);

#endif
