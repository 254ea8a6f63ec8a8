#include "podcast_feed_writer.h"
#include "podcast_date.h"
#include "podcast_feed.h"
#include "podcast_file.h"
#include "podcast_id3_read.h"
#include "options.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_COVER (16u << 20)
#define STRINGS 5

struct found {
    struct feed_episode *v;
    struct id3_summary *tags;
    char **strings;            /* file, guid, transcript, chapters, stem of each, owned */
    size_t n, cap;
};

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

/* The sidecar's name if it exists in dir, as a malloc'd string, else NULL. */
static char *sidecar(const char *dir, const char *stem, const char *suffix)
{
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s%s", dir, stem, suffix);
    if (stat(path, &st) != 0)
        return NULL;
    snprintf(path, sizeof path, "%s%s", stem, suffix);
    return strdup(path);
}

static int64_t published(const struct id3_summary *t, const struct stat *st)
{
    char iso[16];
    struct tm tm = {0};
    if (!t->date || podcast_iso_date(t->date, iso, sizeof iso) != 0 || strlen(iso) != 10)
        return (int64_t)st->st_mtime;
    tm.tm_year = atoi(iso) - 1900;
    tm.tm_mon = atoi(iso + 5) - 1;
    tm.tm_mday = atoi(iso + 8);
    tm.tm_hour = 12;
    return (int64_t)timegm(&tm);
}

static int grow(struct found *f)
{
    if (f->n < f->cap)
        return 0;
    size_t cap = f->cap ? f->cap * 2 : 16;
    struct feed_episode *v = realloc(f->v, cap * sizeof *v);
    if (v)
        f->v = v;
    struct id3_summary *t = realloc(f->tags, cap * sizeof *t);
    if (t)
        f->tags = t;
    char **s = realloc(f->strings, cap * STRINGS * sizeof *s);
    if (s)
        f->strings = s;
    if (!v || !t || !s)
        return -1;
    f->cap = cap;
    return 0;
}

static int add_episode(struct found *f, const char *dir, const char *file)
{
    char path[PATH_MAX], stem[NAME_MAX + 1];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    snprintf(stem, sizeof stem, "%.*s", (int)(strlen(file) - 4), file);
    if (stat(path, &st) != 0 || grow(f) != 0)
        return -1;
    struct id3_summary *t = &f->tags[f->n];
    if (id3_read_file(path, t) != 0)
        return -1;
    char **s = f->strings + STRINGS * f->n;
    size_t guid_len = strlen(stem) + 9;
    s[0] = strdup(file);
    s[1] = malloc(guid_len);
    if (s[1])
        snprintf(s[1], guid_len, "narrate:%s", stem);
    s[2] = sidecar(dir, stem, ".vtt");
    s[3] = sidecar(dir, stem, ".chapters.json");
    s[4] = strdup(stem);
    f->v[f->n] = (struct feed_episode){s[0], s[1], t->title ? t->title : s[4], t->description,
                                       published(t, &st), (uint64_t)st.st_size,
                                       (t->length_ms + 500) / 1000, s[2], s[3]};
    f->n++;
    return s[0] && s[1] && s[4] ? 0 : -1;
}

static int by_date(const void *a, const void *b)
{
    const struct feed_episode *x = a, *y = b;
    return x->published < y->published ? 1 : x->published > y->published ? -1
                                                                        : strcmp(x->file, y->file);
}

static void free_found(struct found *f)
{
    for (size_t i = 0; i < f->n; i++) {
        id3_summary_free(&f->tags[i]);
        for (int k = 0; k < STRINGS; k++)
            free(f->strings[STRINGS * i + k]);
    }
    free(f->v);
    free(f->tags);
    free(f->strings);
}

static int scan(const char *dir, struct found *f)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int rc = 0;
    if (!d)
        return -1;
    while (rc == 0 && (e = readdir(d)))
        if (e->d_name[0] != '.' && has_suffix(e->d_name, ".mp3"))
            rc = add_episode(f, dir, e->d_name);
    closedir(d);
    qsort(f->v, f->n, sizeof *f->v, by_date);
    return rc;
}

/* Copies the cover into the folder as cover.jpg or cover.png: its name, or
 * NULL after setting *rc to the errno of a failure. */
static const char *publish_cover(const char *dir, const char *cover, int *rc)
{
    unsigned char *data;
    size_t len;
    char path[PATH_MAX];
    if ((*rc = podcast_read_whole(cover, MAX_COVER, &data, &len)) != 0)
        return NULL;
    const char *name = len > 3 && data[0] == 0x89 ? "cover.png" : "cover.jpg";
    snprintf(path, sizeof path, "%s/%s", dir, name);
    *rc = podcast_write_whole(path, data, len);
    free(data);
    return *rc ? NULL : name;
}

/* A cover published by an earlier run, or NULL. */
static const char *existing_cover(const char *dir)
{
    static const char *const names[] = {"cover.jpg", "cover.png"};
    char path[PATH_MAX];
    struct stat st;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
            return names[i];
    }
    return NULL;
}

int podcast_feed_has_cover(const char *dir)
{
    return existing_cover(dir) != NULL;
}

/* The folder's last path component, without trailing slashes, into buf. */
static const char *folder_name(const char *dir, char *buf, size_t size)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    const char *start = dir + n;
    while (start > dir && start[-1] != '/')
        start--;
    snprintf(buf, size, "%.*s", (int)(dir + n - start), start);
    return buf;
}

static const char *channel_title(const struct feed_request *req, const struct found *f,
                                 char *buf, size_t size)
{
    if (req->title)
        return req->title;
    for (size_t i = 0; i < f->n; i++)  /* f->tags is in scan order, not by date */
        if (f->tags[i].album && strcmp(f->v[0].file, f->strings[STRINGS * i]) == 0)
            return f->tags[i].album;
    return folder_name(req->dir, buf, size);
}

static int fail(int code, const char *what, const char *why)
{
    fprintf(stderr, "narrate: cannot %s: %s\n", what, why);
    return code;
}

static int write_rss(const struct feed_request *req, const struct found *f, const char *cover)
{
    char base[2048], name[NAME_MAX + 1], what[PATH_MAX + 32];
    snprintf(base, sizeof base, "%s", req->base_url);
    for (size_t n = strlen(base); n > 0 && base[n - 1] == '/'; n--)
        base[n - 1] = '\0';
    const char *title = channel_title(req, f, name, sizeof name);
    struct feed_channel c = {title, req->description ? req->description : title, req->author,
                             base, cover, req->language ? req->language : "en",
                             req->category ? req->category : "News"};
    char *xml = feed_rss(&c, f->v, f->n);
    int rc = xml ? podcast_write_whole(req->feed, xml, strlen(xml)) : ENOMEM;
    free(xml);
    snprintf(what, sizeof what, "write the feed %s", req->feed);
    return rc ? fail(EXIT_OUTPUT, what, strerror(rc)) : EXIT_OK;
}

int podcast_write_feed(const struct feed_request *req)
{
    struct found f = {0};
    char what[PATH_MAX + 32];
    int rc = 0;
    errno = 0;
    if (scan(req->dir, &f) != 0) {
        snprintf(what, sizeof what, "read the episodes in %s", req->dir);
        rc = fail(EXIT_INPUT, what, errno ? strerror(errno) : "unreadable ID3 tag");
    } else if (f.n == 0 && req->need_episodes) {
        snprintf(what, sizeof what, "write a feed of %s", req->dir);
        rc = fail(EXIT_INPUT, what, "it holds no episodes (*.mp3)");
    } else {
        const char *cover = req->cover ? publish_cover(req->dir, req->cover, &rc)
                                       : existing_cover(req->dir);
        snprintf(what, sizeof what, "publish the cover %s", req->cover ? req->cover : "");
        rc = rc ? fail(EXIT_OUTPUT, what, strerror(rc)) : write_rss(req, &f, cover);
    }
    free_found(&f);
    return rc;
}
