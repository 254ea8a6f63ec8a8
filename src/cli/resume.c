#include "resume.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

uint64_t resume_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* $XDG_STATE_HOME/narrate, or ~/.local/state/narrate. */
static int state_dir(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/narrate", xdg);
    else if (home && *home)
        n = snprintf(buf, size, "%s/.local/state/narrate", home);
    else
        return -1;
    return n > 0 && (size_t)n < size ? 0 : -1;
}

int resume_path(uint64_t hash, char *buf, size_t size)
{
    char dir[4096];
    if (state_dir(dir, sizeof dir) != 0)
        return -1;
    int n = snprintf(buf, size, "%s/%016" PRIx64, dir, hash);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

int resume_load(uint64_t hash, uint64_t *sentence)
{
    char path[4200];
    if (resume_path(hash, path, sizeof path) != 0)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int ok = fscanf(f, "sentence %" SCNu64, sentence) == 1;
    fclose(f);
    return ok ? 0 : -1;
}

/* mkdir -p for every folder above and including `dir`. */
static int make_dirs(char *dir)
{
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int r = mkdir(dir, 0700);
        *p = '/';
        if (r != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

int resume_save(uint64_t hash, uint64_t sentence)
{
    char dir[4096], path[4200], tmp[4300];
    if (state_dir(dir, sizeof dir) != 0 || make_dirs(dir) != 0 ||
        resume_path(hash, path, sizeof path) != 0)
        return -1;
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    int ok = fprintf(f, "sentence %" PRIu64 "\n", sentence) > 0;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

void resume_forget(uint64_t hash)
{
    char path[4200];
    if (resume_path(hash, path, sizeof path) == 0)
        unlink(path);
}
