/* narrate: the command-line narrator, a thin user of libnarrate. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "narrate.h"
#include "common.h"
#include "options.h"
#include "player.h"
#include "podcast_batch.h"
#include "podcast_feed_cmd.h"
#include "podcast_track.h"

#define READ_CHUNK 65536

/* What the signal handler may touch. */
static narrate *volatile active_narrator;
static narrate_sink *volatile active_sink;
static volatile sig_atomic_t caught_signal;

static void on_signal(int sig)
{
    caught_signal = sig;
    if (active_narrator)
        narrate_cancel(active_narrator);
    if (active_sink)
        narrate_sink_cancel(active_sink);
}


typedef struct session {
    const options *opts;
    narrate_sink *sink;
    narrate_error sink_error;
    char sink_message[256];
    podcast_track *track;     /* with -o FILE: chapters, tags, transcripts */
} session;

static int on_audio(void *userdata, const int16_t *samples, size_t count, int rate)
{
    session *s = userdata;
    podcast_track_audio(s->track, count, rate);
    if (!s->sink)
        return NARRATE_CONTINUE;
    narrate_error err = narrate_sink_write(s->sink, samples, count, rate);
    if (err == NARRATE_OK)
        return NARRATE_CONTINUE;
    s->sink_error = err;
    snprintf(s->sink_message, sizeof s->sink_message, "%s", narrate_sink_errmsg(s->sink));
    return NARRATE_STOP;
}

static int on_event(void *userdata, const narrate_event *ev)
{
    session *s = userdata;
    if (ev->type == NARRATE_EVENT_WARNING && !s->opts->quiet)
        fprintf(stderr, "narrate: warning: %s\n", ev->text);
    podcast_track_event(s->track, s->sink, ev);
    if (ev->type != NARRATE_EVENT_SENTENCE)
        return NARRATE_CONTINUE;
    if (s->opts->mode == MODE_SPOKEN)
        printf("%s\n", ev->text);
    else if (s->opts->mode == MODE_PHONEMES)
        printf("%s\n", ev->phonemes ? ev->phonemes : "");
    return NARRATE_CONTINUE;
}

static int exit_code_for(narrate_error err)
{
    return cli_exit_code_for(err, caught_signal);
}

static int report(narrate_error err, const char *message)
{
    if (err == NARRATE_ECANCELED)
        return exit_code_for(err);
    fprintf(stderr, "narrate: %s\n", message && *message ? message : narrate_strerror(err));
    return exit_code_for(err);
}

static int open_inputs(const options *o, int *fds)
{
    for (int i = 0; i < o->ninputs; i++) {
        const char *path = o->inputs[i];
        fds[i] = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC);
        if (fds[i] < 0) {
            fprintf(stderr, "narrate: cannot read %s: %s\n", path, strerror(errno));
            while (i-- > 0)
                close(fds[i]);
            return EXIT_INPUT;
        }
    }
    return EXIT_OK;
}

/* Feeds one input through the narrator and finishes it. */
static narrate_error narrate_fd(narrate *n, int fd, const char *name, int *read_failed)
{
    static char buf[READ_CHUNK];
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR && !caught_signal)
            continue;
        if (got < 0 && !caught_signal) {
            fprintf(stderr, "narrate: cannot read %s: %s\n", name, strerror(errno));
            *read_failed = 1;
            return NARRATE_ESTOPPED;
        }
        if (got <= 0)
            break;
        narrate_error err = narrate_feed(n, buf, (size_t)got);
        if (err != NARRATE_OK)
            return err;
    }
    return caught_signal ? NARRATE_ECANCELED : narrate_finish(n);
}

static int narrate_inputs(narrate *n, session *s, int *fds)
{
    int read_failed = 0;
    narrate_error err = NARRATE_OK;
    for (int i = 0; i < s->opts->ninputs && err == NARRATE_OK; i++) {
        narrate_set_input_format(n, cli_input_format_of(s->opts, s->opts->inputs[i]));
        err = narrate_fd(n, fds[i], s->opts->inputs[i], &read_failed);
        if (err == NARRATE_OK)
            narrate_reset(n);
    }
    if (read_failed)
        return EXIT_INPUT;
    if (err == NARRATE_ESTOPPED && s->sink_error != NARRATE_OK)
        return report(s->sink_error, s->sink_message);
    return err == NARRATE_OK ? EXIT_OK : report(err, narrate_errmsg(n));
}

static int open_sink(const options *o, session *s)
{
    if (o->mode != MODE_SPEAK)
        return EXIT_OK;
    char message[256] = "";
    narrate_error err = o->output
                            ? podcast_track_open(s->track, o->output, o->format, &s->sink, message,
                                                 sizeof message)
                            : narrate_sink_open_speakers(&s->sink, message, sizeof message);
    if (err == NARRATE_ENODEVICE)
        fprintf(stderr, "narrate: %s; write to a file instead with -o FILE\n",
                *message ? message : "no audio device");
    else if (err != NARRATE_OK)
        fprintf(stderr, "narrate: %s\n", *message ? message : narrate_strerror(err));
    active_sink = s->sink;
    return exit_code_for(err);
}

static int close_sink(session *s, int rc)
{
    if (!s->sink)
        return rc;
    char message[256] = "";
    active_sink = NULL;
    if (rc == EXIT_OK)
        podcast_track_tag(s->track, s->sink);
    narrate_error err = narrate_sink_close(s->sink, rc == EXIT_OK, message, sizeof message);
    if (rc == EXIT_OK && err != NARRATE_OK)
        return report(err, message);
    return rc == EXIT_OK ? podcast_track_write(s->track) : rc;
}

/* --engine E --voice V is the library's voice "E:V" (engines, issue 9). */
static narrate_error new_narrator(const options *o, session *s, narrate **n)
{
    narrate_config config;
    char worker[PATH_MAX + 32], voice[PATH_MAX];
    cli_config_from_options(&config, o, cli_worker_beside_executable(worker, sizeof worker),
                            voice, sizeof voice);
    config.synthesize = o->mode == MODE_SPEAK;
    config.phonemes = o->mode == MODE_PHONEMES;
    config.on_audio = on_audio;
    config.on_event = on_event;
    config.userdata = s;
    char message[256] = "";
    narrate_error err = narrate_new(&config, n, message, sizeof message);
    if (err != NARRATE_OK)
        report(err, message);
    return err;
}


static int print_voice(void *userdata, const char *name, const char *language)
{
    (void)userdata;
    printf("%-24s %s\n", name, language);
    return NARRATE_CONTINUE;
}

static int print_explanation(void *userdata, const narrate_explanation *ex)
{
    const char *text = userdata;
    printf("%-18.*s -> %-28s [%s%s%s] %s\n", (int)ex->length, text + ex->offset, ex->spoken,
           *ex->reading ? ex->reading : "as written", *ex->pronunciation ? "; " : "",
           ex->pronunciation, ex->phonemes);
    return NARRATE_CONTINUE;
}

static int explain(narrate *n, const char *text)
{
    narrate_error err = narrate_explain(n, text, strlen(text), print_explanation, (void *)text);
    return err == NARRATE_OK ? EXIT_OK : report(err, narrate_errmsg(n));
}

static void expose_to_signals(narrate *n, narrate_sink *sink)
{
    active_narrator = n;
    active_sink = sink;
}

static int run_player(const options *o)
{
    char worker[PATH_MAX + 32];
    const struct player_hooks hooks = {&caught_signal, expose_to_signals};
    return player_run(o, cli_worker_beside_executable(worker, sizeof worker), &hooks);
}

static int run(const options *o)
{
    if (player_wanted(o))
        return run_player(o);
    static char *stdin_only[] = {(char *)"-"};
    options opts = *o;
    if (opts.ninputs == 0 && opts.mode != MODE_LIST_VOICES && opts.mode != MODE_EXPLAIN) {
        opts.inputs = stdin_only;
        opts.ninputs = 1;
    }
    int fds[opts.ninputs > 0 ? opts.ninputs : 1];
    int rc = open_inputs(&opts, fds);
    if (rc != EXIT_OK)
        return rc;
    session s = {&opts, NULL, NARRATE_OK, "", NULL};
    narrate *n = NULL;
    if (opts.output && opts.mode == MODE_SPEAK)
        s.track = podcast_track_new(&opts.podcast);
    narrate_error err = new_narrator(&opts, &s, &n);
    podcast_track_attach(s.track, n);
    if (err != NARRATE_OK)
        rc = cli_exit_code_for_setup(err);
    else if (opts.mode == MODE_EXPLAIN)
        rc = explain(n, opts.explain);
    else if (opts.mode == MODE_LIST_VOICES)
        rc = (err = narrate_list_voices(n, print_voice, NULL)) ? report(err, narrate_errmsg(n)) : 0;
    else if ((rc = open_sink(&opts, &s)) == EXIT_OK) {
        active_narrator = n;
        rc = narrate_inputs(n, &s, fds);
        active_narrator = NULL;
    }
    rc = close_sink(&s, rc);
    podcast_track_free(s.track);
    narrate_free(n);
    for (int i = 0; i < opts.ninputs; i++)
        close(fds[i]);
    if (fflush(stdout) != 0 && rc == EXIT_OK)
        rc = report(NARRATE_EWRITE, "cannot write to standard output");
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    if (argc > 1 && strcmp(argv[1], "feed") == 0)
        return podcast_feed_main(argc - 1, argv + 1);
    int rc = options_parse(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    if (o.mode == MODE_HELP) {
        options_print_help();
        return EXIT_OK;
    }
    if (o.mode == MODE_VERSION) {
        printf("narrate %s\n", narrate_version_string());
        return EXIT_OK;
    }
    cli_catch_signals(on_signal);
    if (o.podcast.outdir) {
        char worker[PATH_MAX + 32];
        return podcast_batch_main(&o, cli_worker_beside_executable(worker, sizeof worker));
    }
    return run(&o);
}
