/* The batch runner: jobs threads, each with its own narrators, take articles
 * in order; every article is named from its title, skipped when its episode
 * and sidecars are newer than it, else narrated into them.  A failing article
 * is reported and counted, never the end of the batch. */
#include "podcast_batch.h"
#include "common.h"
#include "podcast_batch_items.h"
#include "podcast_feed_writer.h"
#include "podcast_file.h"
#include "podcast_track.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_JOBS 16
#define MAX_ARTICLE (64u << 20)
#define NAME_MAX_LEN 80

struct job {
    struct batch *b;
    char voice_spec[128]; /* the voice --engine composes; the config may point here */
    narrate *speaker, *probe;
    narrate_sink *volatile sink;   /* for the signal handler */
    podcast_track *track;
    narrate_error sink_error;
    char sink_message[256];
    pthread_t thread;
};

struct batch {
    const options *o;
    const char *worker_path;
    char **paths;
    size_t n, next;
    char **names;               /* claimed episode names, NULL where not yet */
    pthread_mutex_t lock;
    size_t made, skipped, failed;
    double seconds;
    int tty;
    struct timespec started;
    struct job jobs[MAX_JOBS];
    int njobs;
};

static struct batch *volatile signaled_batch;
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    struct batch *b = signaled_batch;
    caught = sig;
    for (int i = 0; b && i < b->njobs; i++) {
        if (b->jobs[i].speaker)
            narrate_cancel(b->jobs[i].speaker);
        if (b->jobs[i].sink)
            narrate_sink_cancel(b->jobs[i].sink);
    }
}


static int on_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    struct job *j = userdata;
    podcast_track_audio(j->track, count, rate);
    narrate_error err = narrate_sink_write(j->sink, samples, count, rate);
    if (err == NARRATE_OK)
        return NARRATE_CONTINUE;
    j->sink_error = err;
    snprintf(j->sink_message, sizeof j->sink_message, "%s", narrate_sink_errmsg(j->sink));
    return NARRATE_STOP;
}

static int on_event(void *userdata, const narrate_event *ev)
{
    struct job *j = userdata;
    podcast_track_event(j->track, j->sink, ev);
    return NARRATE_CONTINUE;
}

static narrate_error read_through(narrate *n, const options *o, const char *path,
                                  const unsigned char *text, size_t len)
{
    narrate_error err = narrate_set_input_format(n, cli_input_format_of(o, path));
    for (size_t at = 0; err == NARRATE_OK && at < len; at += 65536)
        err = narrate_feed(n, (const char *)text + at, len - at < 65536 ? len - at : 65536);
    return err == NARRATE_OK ? narrate_finish(n) : err;
}

/* Claims `stem`, or stem-2, stem-3... when another article has it. */
static void claim_name(struct batch *b, size_t index, const char *stem, char *out, size_t size)
{
    pthread_mutex_lock(&b->lock);
    for (int k = 1;; k++) {
        if (k == 1)
            snprintf(out, size, "%s", stem);
        else
            snprintf(out, size, "%s-%d", stem, k);
        int taken = 0;
        for (size_t i = 0; i < b->n && !taken; i++)
            taken = b->names[i] && strcmp(b->names[i], out) == 0;
        if (!taken)
            break;
    }
    b->names[index] = strdup(out);
    pthread_mutex_unlock(&b->lock);
}

struct outputs {
    char mp3[PATH_MAX], vtt[PATH_MAX], marks[PATH_MAX], chapters[PATH_MAX];
};

static void output_paths(const char *dir, const char *name, struct outputs *out)
{
    snprintf(out->mp3, sizeof out->mp3, "%s/%s.mp3", dir, name);
    snprintf(out->vtt, sizeof out->vtt, "%s/%s.vtt", dir, name);
    snprintf(out->marks, sizeof out->marks, "%s/%s.marks.json", dir, name);
    snprintf(out->chapters, sizeof out->chapters, "%s/%s.chapters.json", dir, name);
}

static int newer_than(const char *path, const struct stat *input)
{
    struct stat st;
    return stat(path, &st) == 0 && (st.st_mtim.tv_sec > input->st_mtim.tv_sec ||
                                    (st.st_mtim.tv_sec == input->st_mtim.tv_sec &&
                                     st.st_mtim.tv_nsec >= input->st_mtim.tv_nsec));
}

/* The episode and all its sidecars exist and are newer than the article.
 * The sidecars are written after the MP3, so an interrupted article redoes. */
static int up_to_date(const struct outputs *out, const struct stat *input)
{
    return newer_than(out->mp3, input) && newer_than(out->vtt, input) &&
           newer_than(out->marks, input) && newer_than(out->chapters, input);
}

static void report_failure(struct batch *b, const char *path, const char *why)
{
    pthread_mutex_lock(&b->lock);
    b->failed++;
    fprintf(stderr, "narrate: %s: %s\n", path, why);
    pthread_mutex_unlock(&b->lock);
}

/* Narrates one article into its outputs; returns 0 or -1 with *why set. */
static int make_episode(struct job *j, const char *path, const unsigned char *text, size_t len,
                        const struct outputs *out, char *why, size_t why_size)
{
    const options *o = j->b->o;
    char msg[256] = "";
    narrate_error err;
    int rc = -1;
    if (!(j->track = podcast_track_new(&o->podcast)))
        return snprintf(why, why_size, "out of memory"), -1;
    podcast_track_set_outputs(j->track, out->vtt, out->marks, out->chapters);
    podcast_track_attach(j->track, j->speaker);
    narrate_sink *sink = NULL;
    err = podcast_track_open(j->track, out->mp3, NARRATE_FORMAT_MP3, &sink, msg, sizeof msg);
    j->sink_error = NARRATE_OK;
    j->sink = sink;
    if (err == NARRATE_OK) {
        err = read_through(j->speaker, o, path, text, len);
        snprintf(msg, sizeof msg, "%s", err == NARRATE_ESTOPPED && j->sink_error
                                            ? j->sink_message : narrate_errmsg(j->speaker));
        if (err == NARRATE_OK)
            podcast_track_tag(j->track, sink);
        j->sink = NULL;
        narrate_error cerr = narrate_sink_close(sink, err == NARRATE_OK, err ? NULL : msg, sizeof msg);
        err = err ? err : cerr;
    }
    if (err == NARRATE_OK && podcast_track_write(j->track) == 0)
        rc = 0;
    else
        snprintf(why, why_size, "%s", *msg ? msg : narrate_strerror(err ? err : NARRATE_EWRITE));
    if (rc == 0) {
        pthread_mutex_lock(&j->b->lock);
        j->b->made++;
        j->b->seconds += podcast_track_seconds(j->track);
        pthread_mutex_unlock(&j->b->lock);
    }
    narrate_reset(j->speaker);
    podcast_track_free(j->track);
    j->track = NULL;
    return rc;
}

/* The article's title, read without synthesis. */
static char *probe_title(struct job *j, const char *path, const unsigned char *text, size_t len)
{
    narrate_document doc = {0};
    char *title = NULL;
    if (read_through(j->probe, j->b->o, path, text, len) == NARRATE_OK) {
        narrate_document_info(j->probe, &doc);
        title = doc.title ? strdup(doc.title) : NULL;
    }
    narrate_reset(j->probe);
    return title;
}

/* Seconds left, from the pace so far; -1 before anything is done. */
static long eta_seconds(const struct batch *b)
{
    struct timespec now;
    size_t done = b->made + b->skipped + b->failed;
    if (done == 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double elapsed = (double)(now.tv_sec - b->started.tv_sec) +
                     (double)(now.tv_nsec - b->started.tv_nsec) / 1e9;
    return (long)(elapsed / (double)done * (double)(b->n - done) + 0.5);
}

/* One line per article on a terminal: where the batch is and how long is left. */
static void progress(struct batch *b, size_t index, const char *name, const char *what)
{
    if (!b->tty || b->o->quiet)
        return;
    pthread_mutex_lock(&b->lock);
    long eta = eta_seconds(b);
    if (eta < 0)
        fprintf(stderr, "[%zu/%zu] %s: %s\n", index + 1, b->n, name, what);
    else
        fprintf(stderr, "[%zu/%zu] %s: %s (about %ld:%02ld left)\n", index + 1, b->n, name,
                what, eta / 60, eta % 60);
    pthread_mutex_unlock(&b->lock);
}

static void do_article(struct job *j, size_t index)
{
    struct batch *b = j->b;
    const char *path = b->paths[index];
    unsigned char *text = NULL;
    size_t len = 0;
    struct stat st;
    char why[300], stem[NAME_MAX_LEN], name[NAME_MAX_LEN + 16];
    struct outputs out;
    int rc = stat(path, &st) == 0 ? podcast_read_whole(path, MAX_ARTICLE, &text, &len) : errno;
    if (rc) {
        report_failure(b, path, rc == EFBIG ? "larger than 64 MiB" : strerror(rc));
        return;
    }
    char *title = probe_title(j, path, text, len);
    batch_slug(title, path, stem, sizeof stem);
    free(title);
    claim_name(b, index, stem, name, sizeof name);
    output_paths(b->o->podcast.outdir, name, &out);
    if (up_to_date(&out, &st)) {
        pthread_mutex_lock(&b->lock);
        b->skipped++;
        pthread_mutex_unlock(&b->lock);
        progress(b, index, name, "up to date");
    } else if (!caught) {
        progress(b, index, name, "narrating");
        if (make_episode(j, path, text, len, &out, why, sizeof why) != 0 && !caught)
            report_failure(b, path, why);
    }
    free(text);
}

static void *run_job(void *arg)
{
    struct job *j = arg;
    struct batch *b = j->b;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        size_t index = b->next < b->n && !caught ? b->next++ : b->n;
        pthread_mutex_unlock(&b->lock);
        if (index == b->n)
            return NULL;
        do_article(j, index);
    }
}

static narrate_error new_narrators(struct job *j, const options *o, int workers, char *msg,
                                   size_t size)
{
    narrate_config c;
    cli_config_from_options(&c, o, j->b->worker_path, j->voice_spec, sizeof j->voice_spec);
    c.workers = workers;
    c.on_audio = on_audio;
    c.on_event = on_event;
    c.userdata = j;
    narrate_error err = narrate_new(&c, &j->speaker, msg, size);
    if (err)
        return err;
    c.synthesize = 0;
    c.on_audio = NULL;
    c.on_event = NULL;
    return narrate_new(&c, &j->probe, msg, size);
}

static int default_jobs(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 3 ? (int)(cores / 2) : 1;
}

/* Starts the jobs; each narrator gets cores / jobs workers.  Returns the
 * number started (0 after printing why). */
static int start_jobs(struct batch *b)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int want = b->o->podcast.jobs ? b->o->podcast.jobs : default_jobs();
    if ((size_t)want > b->n)
        want = (int)(b->n ? b->n : 1);
    int workers = b->o->workers ? b->o->workers : (int)(cores / want > 0 ? cores / want : 1);
    for (int i = 0; i < want; i++) {
        char msg[256] = "";
        struct job *j = &b->jobs[i];
        j->b = b;
        if (new_narrators(j, b->o, workers, msg, sizeof msg) != NARRATE_OK) {
            fprintf(stderr, "narrate: %s\n", *msg ? msg : "cannot start a narrator");
            narrate_free(j->speaker);
            narrate_free(j->probe);
            j->speaker = j->probe = NULL;
            return 0;
        }
        b->njobs = i + 1;
    }
    return b->njobs;
}

static void print_summary(const struct batch *b)
{
    long s = (long)(b->seconds + 0.5);
    if (b->o->quiet && b->failed == 0)
        return;
    fprintf(stderr, "narrate: %zu made, %zu up to date, %zu failed; %ld:%02ld:%02ld of new audio\n",
            b->made, b->skipped, b->failed, s / 3600, s / 60 % 60, s % 60);
}

static int prepare_outdir(const char *dir)
{
    struct stat st;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "narrate: cannot create %s: %s\n", dir, strerror(errno));
        return EXIT_OUTPUT;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "narrate: %s is not a folder\n", dir);
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

static int run_batch(struct batch *b)
{
    if (!start_jobs(b))
        return EXIT_FAILURE_OTHER;
    signaled_batch = b;
    cli_catch_signals(on_signal);
    for (int i = 1; i < b->njobs; i++)
        if (pthread_create(&b->jobs[i].thread, NULL, run_job, &b->jobs[i]) != 0)
            b->jobs[i].thread = 0;
    run_job(&b->jobs[0]);
    for (int i = 1; i < b->njobs; i++)
        if (b->jobs[i].thread)
            pthread_join(b->jobs[i].thread, NULL);
    signaled_batch = NULL;
    for (int i = 0; i < b->njobs; i++) {
        narrate_free(b->jobs[i].speaker);
        narrate_free(b->jobs[i].probe);
    }
    return EXIT_OK;
}

/* --feed: the channel is --show, described by --description, --author and --cover. */
static int write_feed(const podcast_cli *pc)
{
    const struct feed_request req = {pc->outdir, pc->feed, pc->base_url, pc->show ? pc->show : "narrate",
                                     pc->description, pc->author, pc->cover, NULL, NULL, 0};
    return podcast_write_feed(&req);
}

int podcast_batch_main(const options *o, const char *worker_path)
{
    struct batch b = {.o = o, .worker_path = worker_path, .tty = isatty(STDERR_FILENO)};
    clock_gettime(CLOCK_MONOTONIC, &b.started);
    int rc = prepare_outdir(o->podcast.outdir);
    if (rc != EXIT_OK)
        return rc;
    if (o->ninputs == 0 && !o->podcast.feed) {
        fputs("narrate: -O needs the articles to narrate (files or folders)\n", stderr);
        return EXIT_USAGE;
    }
    if (batch_collect(o->inputs, o->ninputs, &b.paths, &b.n) != 0)
        return EXIT_INPUT;
    b.names = calloc(b.n ? b.n : 1, sizeof *b.names);
    pthread_mutex_init(&b.lock, NULL);
    rc = !b.names ? EXIT_FAILURE_OTHER : b.n ? run_batch(&b) : EXIT_OK;
    if (b.n)
        print_summary(&b);
    for (size_t i = 0; b.names && i < b.n; i++)
        free(b.names[i]);
    free(b.names);
    batch_free_paths(b.paths, b.n);
    pthread_mutex_destroy(&b.lock);
    if (caught)
        return 128 + caught;
    if (rc == EXIT_OK && o->podcast.feed)
        rc = write_feed(&o->podcast);
    return rc != EXIT_OK ? rc : b.failed ? EXIT_FAILURE_OTHER : EXIT_OK;
}
