#include "podcast_feed_writer.h"
#include "podcast_date.h"
#include "podcast_feed.h"
#include "podcast_file.h"
#include "podcast_id3_read.h"

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

/* Copies --cover into the folder as cover.jpg or cover.png; its name or NULL. */
static const char *publish_cover(const char *dir, const char *cover)
{
    unsigned char *data;
    size_t len;
    char path[PATH_MAX];
    if (!cover || podcast_read_whole(cover, MAX_COVER, &data, &len) != 0)
        return NULL;
    const char *name = len > 3 && data[0] == 0x89 ? "cover.png" : "cover.jpg";
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = podcast_write_whole(path, data, len);
    free(data);
    return rc ? NULL : name;
}

static int fail(const char *what, const char *why)
{
    fprintf(stderr, "narrate: cannot write the feed %s: %s\n", what, why);
    return EXIT_OUTPUT;
}

int podcast_write_feed(const options *o)
{
    const podcast_cli *pc = &o->podcast;
    struct found f = {0};
    char base[2048];
    snprintf(base, sizeof base, "%s", pc->base_url);
    for (size_t n = strlen(base); n > 0 && base[n - 1] == '/'; n--)
        base[n - 1] = '\0';
    if (scan(pc->outdir, &f) != 0) {
        free_found(&f);
        return fail(pc->feed, errno ? strerror(errno) : "cannot read the episodes");
    }
    const char *title = pc->show ? pc->show : "narrate";
    struct feed_channel c = {title, pc->description ? pc->description : title, pc->author, base,
                             publish_cover(pc->outdir, pc->cover), "en", "News"};
    char *xml = feed_rss(&c, f.v, f.n);
    int rc = xml ? podcast_write_whole(pc->feed, xml, strlen(xml)) : ENOMEM;
    free(xml);
    free_found(&f);
    return rc ? fail(pc->feed, strerror(rc)) : EXIT_OK;
}
