/* The player's main thread: setup, the key and display loop, and teardown.
 * Ownership: player_run owns the article bytes, the outline, the narrator
 * (lent to the playback thread while it runs), the sink and the terminal. */
#include "player.h"
#include "common.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "player_display.h"
#include "player_keys.h"
#include "player_outline.h"
#include "player_playback.h"
#include "player_term.h"
#include "player_ticks.h"
#include "player_voices.h"
#include "resume.h"

#define POLL_MS 20
#define TICK_MS 200
#define FRAME_BYTES 65536

struct player {
    const options *opts;
    char voice_spec[128]; /* the voice --engine composes; config.voice may point here */
    const struct player_hooks *hooks;
    char *text;
    size_t len;
    uint64_t hash;
    struct outline outline;
    size_t *spoken_before;     /* spoken bytes before each sentence */
    struct voices voices;
    struct ticks ticks;        /* --key-sounds */
    struct playback pb;
    size_t current;            /* the sentence being heard */
    struct cue last_cue;       /* the latest cue heard */
    uint64_t sentence_heard_at;/* stream position where `current` began */
    double seconds_per_byte;   /* estimated speaking speed */
    int rate;
    int paused, help, quit;
    char message[256];
    double message_until;
    int stderr_saved, stderr_pipe;
    char stderr_line[256];
    size_t stderr_len;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int player_wanted(const options *o)
{
    return o->mode == MODE_SPEAK && !o->output && !o->no_display && o->ninputs == 1 &&
           strcmp(o->inputs[0], "-") != 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
           tcgetpgrp(STDIN_FILENO) == getpgrp();
}

static int read_article(const char *path, char **out, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (fd < 0 || !buf) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        free(buf);
        errno = fd < 0 ? e : ENOMEM;
        return -1;
    }
    for (;;) {
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                break;
            buf = bigger;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            close(fd);
            if (got < 0) {
                free(buf);
                return -1;
            }
            *out = buf;
            *len = n;
            return 0;
        }
        n += (size_t)got;
    }
    close(fd);
    free(buf);
    errno = ENOMEM;
    return -1;
}

static void say(struct player *pl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct player *pl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pl->message, sizeof pl->message, fmt, ap);
    va_end(ap);
    pl->message_until = now() + 3;
}

/* ---- what is heard, and how long it takes ---- */

static void sentence_begins(struct player *pl, const struct cue *c)
{
    int sample_rate = pl->pb.sample_rate > 0 ? pl->pb.sample_rate : 22050;
    if (c->sentence == pl->current + 1 && c->at > pl->sentence_heard_at) {
        size_t bytes = strlen(pl->outline.sentences[pl->current].spoken);
        double measured = (double)(c->at - pl->sentence_heard_at) / sample_rate / (bytes + 1);
        pl->seconds_per_byte = 0.7 * pl->seconds_per_byte + 0.3 * measured;
    }
    pl->current = c->sentence;
    pl->sentence_heard_at = c->at;
}

static void follow_playback(struct player *pl)
{
    struct cue c;
    while (playback_take_cues(&pl->pb, &c)) {
        if (c.word_offset < 0)
            sentence_begins(pl, &c);
        pl->last_cue = c;
    }
}

static double elapsed_seconds(const struct player *pl)
{
    double before = pl->spoken_before[pl->current] * pl->seconds_per_byte;
    uint64_t played = 0;
    narrate_sink_played(pl->pb.sink, &played);
    int sample_rate = pl->pb.sample_rate > 0 ? pl->pb.sample_rate : 22050;
    double into = played > pl->sentence_heard_at
                      ? (double)(played - pl->sentence_heard_at) / sample_rate : 0;
    double cap = (strlen(pl->outline.sentences[pl->current].spoken) + 1) * pl->seconds_per_byte;
    return before + (into < cap ? into : cap);
}

/* ---- drawing ---- */

static void draw(struct player *pl)
{
    static char frame[FRAME_BYTES];
    struct display_state st;
    const struct outline_sentence *s = &pl->outline.sentences[pl->current];
    narrate_document doc;
    memset(&st, 0, sizeof st);
    term_size(&st.width, &st.height);
    narrate_document_info(pl->pb.n, &doc);
    st.title = doc.title ? doc.title : pl->opts->inputs[0];
    st.heading = s->heading >= 0 ? pl->outline.headings[s->heading] : NULL;
    st.sentence = s->spoken;
    if (pl->last_cue.sentence == pl->current && pl->last_cue.word_offset >= 0) {
        st.word_offset = (size_t)pl->last_cue.word_offset;
        st.word_length = pl->last_cue.word_length;
    }
    st.index = pl->current + 1;
    st.count = pl->outline.count;
    st.total = pl->outline.spoken_bytes * pl->seconds_per_byte;
    st.elapsed = elapsed_seconds(pl);
    st.rate = pl->rate;
    st.voice = voices_current(&pl->voices);
    st.paused = pl->paused;
    st.help = pl->help;
    st.message = now() < pl->message_until ? pl->message
                 : pl->stderr_line[0]           ? pl->stderr_line
                                                : NULL;
    size_t n = display_render(&st, frame, sizeof frame);
    for (size_t off = 0; off < n;) {
        ssize_t w = write(STDOUT_FILENO, frame + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
}

/* ---- keys ---- */

static void jump(struct player *pl, size_t sentence)
{
    if (sentence >= pl->outline.count)
        sentence = pl->outline.count - 1;
    playback_jump(&pl->pb, sentence, 1);
    pl->current = sentence;
    pl->last_cue.word_offset = -1;
    pl->sentence_heard_at = UINT64_MAX;
}

static void change_rate(struct player *pl, int percent)
{
    int rate = pl->rate + pl->rate * percent / 100;
    rate = rate < 80 ? 80 : rate > 450 ? 450 : rate;
    pl->seconds_per_byte *= (double)pl->rate / rate;
    pl->rate = rate;
    playback_set_voice(&pl->pb, voices_current(&pl->voices), rate);
    say(pl, "rate %d wpm, from the next sentence", rate);
}

static void change_voice(struct player *pl, int step)
{
    const char *voice = voices_step(&pl->voices, step);
    if (!voice) {
        say(pl, "no voice presets");
        return;
    }
    playback_set_voice(&pl->pb, voice, pl->rate);
    say(pl, "voice %s, from the next sentence", voice);
}

static void toggle_pause(struct player *pl)
{
    pl->paused = !pl->paused;
    narrate_sink_pause(pl->pb.sink, pl->paused);
    say(pl, "%s", pl->paused ? "paused" : "playing");
}

static enum tick_kind tick_for(enum player_key key)
{
    switch (key) {
    case KEY_NEXT: case KEY_NEXT_PARAGRAPH: case KEY_FASTER: case KEY_VOICE_NEXT: return TICK_UP;
    case KEY_PREV: case KEY_PREV_PARAGRAPH: case KEY_SLOWER: case KEY_VOICE_PREV: return TICK_DOWN;
    default: return TICK_PLAIN;
    }
}

static void on_key(struct player *pl, enum player_key key)
{
    if (pl->opts->key_sounds && key != KEY_OTHER && key != KEY_NONE && key != KEY_QUIT)
        ticks_play(&pl->ticks, tick_for(key));
    switch (key) {
    case KEY_PAUSE: toggle_pause(pl); break;
    case KEY_PREV: jump(pl, pl->current > 0 ? pl->current - 1 : 0); break;
    case KEY_NEXT:
        if (pl->current + 1 < pl->outline.count)
            jump(pl, pl->current + 1);
        break;
    case KEY_PREV_PARAGRAPH: jump(pl, outline_prev_paragraph(&pl->outline, pl->current)); break;
    case KEY_NEXT_PARAGRAPH: jump(pl, outline_next_paragraph(&pl->outline, pl->current)); break;
    case KEY_FASTER: change_rate(pl, 10); break;
    case KEY_SLOWER: change_rate(pl, -10); break;
    case KEY_VOICE_PREV: change_voice(pl, -1); break;
    case KEY_VOICE_NEXT: change_voice(pl, 1); break;
    case KEY_REPEAT: jump(pl, pl->current); break;
    case KEY_QUIT: pl->quit = 1; break;
    case KEY_HELP: pl->help = !pl->help; break;
    default: break;
    }
}

/* Reads what is waiting on stdin and acts on every whole key. */
static void read_keys(struct player *pl, char *pending, size_t *npending)
{
    ssize_t got = read(STDIN_FILENO, pending + *npending, 64 - *npending);
    if (got > 0)
        *npending += (size_t)got;
    while (*npending > 0) {
        enum player_key key;
        size_t used = key_decode(pending, *npending, &key);
        if (used == 0) {
            if (got > 0)
                return; /* the rest of an escape sequence may follow */
            used = *npending;
            key = KEY_OTHER;
        }
        on_key(pl, key);
        memmove(pending, pending + used, *npending - used);
        *npending -= used;
    }
}

/* ---- stderr: whatever the audio libraries print goes to the status line ---- */

static void capture_stderr(struct player *pl)
{
    int fds[2];
    pl->stderr_saved = pl->stderr_pipe = -1;
    if (pipe(fds) != 0)
        return;
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    fflush(stderr);
    pl->stderr_saved = dup(STDERR_FILENO);
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    pl->stderr_pipe = fds[0];
}

static void read_stderr(struct player *pl)
{
    char buf[512];
    ssize_t got;
    while ((got = read(pl->stderr_pipe, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < got; i++) {
            if (buf[i] == '\n') {
                pl->stderr_line[pl->stderr_len] = '\0';
                pl->stderr_len = 0;
            } else if (pl->stderr_len + 1 < sizeof pl->stderr_line) {
                pl->stderr_line[pl->stderr_len++] = buf[i];
            }
        }
    }
}

static void release_stderr(struct player *pl)
{
    if (pl->stderr_saved < 0)
        return;
    fflush(stderr);
    dup2(pl->stderr_saved, STDERR_FILENO);
    close(pl->stderr_saved);
    close(pl->stderr_pipe);
}

/* ---- the loop ---- */

static int playback_state(struct player *pl, int *finished)
{
    pthread_mutex_lock(&pl->pb.mu);
    int done = pl->pb.done;
    *finished = pl->pb.finished;
    if (pl->pb.warning[0]) {
        snprintf(pl->message, sizeof pl->message, "%s", pl->pb.warning);
        pl->message_until = now() + 5;
        pl->pb.warning[0] = '\0';
    }
    pthread_mutex_unlock(&pl->pb.mu);
    return done;
}

/* Runs until q, a signal, the end, or an error; returns whether the end was heard. */
static int loop(struct player *pl)
{
    char pending[64];
    size_t npending = 0;
    double next_tick = 0;
    int finished = 0;
    while (!pl->quit && !*pl->hooks->caught_signal) {
        struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {pl->stderr_pipe, POLLIN, 0}};
        int ready = poll(fds, pl->stderr_pipe >= 0 ? 2 : 1, POLL_MS);
        if (ready > 0 && fds[0].revents)
            read_keys(pl, pending, &npending);
        if (ready > 0 && pl->stderr_pipe >= 0 && fds[1].revents)
            read_stderr(pl);
        follow_playback(pl);
        if (playback_state(pl, &finished))
            break;
        if (term_take_redraw() || ready > 0 || now() >= next_tick) {
            draw(pl);
            next_tick = now() + TICK_MS / 1000.0;
        }
    }
    return finished;
}

/* ---- setup and teardown ---- */

/* Asks once, in raw mode, whether to resume; Enter, y or Y mean yes. */
static int ask_resume(struct player *pl, uint64_t saved)
{
    char q[160];
    int n = snprintf(q, sizeof q, "\033[HResume from sentence %llu of %zu? [Y/n] ",
                     (unsigned long long)saved + 1, pl->outline.count);
    ssize_t r = write(STDOUT_FILENO, q, (size_t)n);
    (void)r;
    while (!*pl->hooks->caught_signal) {
        struct pollfd fd = {STDIN_FILENO, POLLIN, 0};
        char c;
        if (poll(&fd, 1, 100) > 0 && read(STDIN_FILENO, &c, 1) == 1)
            return c != 'n' && c != 'N' && c != 'q';
    }
    return 0;
}

/* --start, --from, --resume, or the answer to the question; -1 on a bad value. */
static long choose_start(struct player *pl)
{
    const options *o = pl->opts;
    uint64_t saved = 0;
    if (o->start_sentence > 0)
        return (size_t)o->start_sentence <= pl->outline.count ? o->start_sentence - 1 : -1;
    if (o->from_text)
        return outline_find(&pl->outline, pl->text, o->from_text);
    if (resume_load(pl->hash, &saved) != 0 || saved == 0 || saved >= pl->outline.count)
        return 0;
    if (o->resume || ask_resume(pl, saved))
        return (long)saved;
    return 0;
}

static narrate_error open_narrator(struct player *pl, const char *worker_path, char *msg,
                                   size_t size)
{
    const options *o = pl->opts;
    narrate_config config;
    cli_config_from_options(&config, o, worker_path, pl->voice_spec, sizeof pl->voice_spec);
    config.input_format = pl->pb.format;
    playback_configure(&pl->pb, &config);
    return narrate_new(&config, &pl->pb.n, msg, size);
}

static int fail(const char *what, const char *why, int code)
{
    fprintf(stderr, "narrate: %s%s%s\n", what, why && *why ? ": " : "", why ? why : "");
    return code;
}


/* Reads and outlines the article. */
static int prepare(struct player *pl, const char *worker_path)
{
    char msg[256] = "";
    const char *path = pl->opts->inputs[0];
    if (read_article(path, &pl->text, &pl->len) != 0)
        return fail("cannot read", path, EXIT_INPUT);
    pl->hash = resume_hash(pl->text, pl->len);
    pl->pb.text = pl->text;
    pl->pb.len = pl->len;
    pl->pb.format = cli_input_format_of(pl->opts, path);
    pl->pb.outline = &pl->outline;
    narrate_error err = outline_build(&pl->outline, pl->text, pl->len, pl->pb.format,
                                      worker_path, msg, sizeof msg);
    if (err != NARRATE_OK)
        return fail(msg, NULL, cli_exit_code_for(err, 0));
    if (pl->outline.count == 0)
        return EXIT_OK;
    pl->spoken_before = malloc((pl->outline.count + 1) * sizeof *pl->spoken_before);
    if (!pl->spoken_before)
        return fail("out of memory", NULL, EXIT_FAILURE_OTHER);
    pl->spoken_before[0] = 0;
    for (size_t i = 0; i < pl->outline.count; i++)
        pl->spoken_before[i + 1] = pl->spoken_before[i] + strlen(pl->outline.sentences[i].spoken) + 1;
    return EXIT_OK;
}

static int open_audio(struct player *pl, const char *worker_path)
{
    char msg[256] = "";
    narrate_error err = open_narrator(pl, worker_path, msg, sizeof msg);
    if (err != NARRATE_OK)
        return fail(msg, NULL, cli_exit_code_for(err, 0));
    err = narrate_sink_open_speakers(&pl->pb.sink, msg, sizeof msg);
    if (err == NARRATE_ENODEVICE)
        return fail(msg, "write to a file instead with -o FILE", EXIT_NO_DEVICE);
    if (err != NARRATE_OK)
        return fail(msg, NULL, cli_exit_code_for(err, 0));
    voices_load(&pl->voices, pl->pb.n, pl->opts->voice);
    if (narrate_current_rate(pl->pb.n, &pl->rate) != NARRATE_OK)
        pl->rate = 175;
    pl->seconds_per_byte = 60.0 / (pl->rate * 6.0);
    pl->pb.rate = pl->rate;
    pl->pb.voice = voices_current(&pl->voices);
    pl->hooks->expose(pl->pb.n, pl->pb.sink);
    if (pl->opts->key_sounds)
        ticks_open(&pl->ticks);
    return EXIT_OK;
}

static void release(struct player *pl)
{
    pl->hooks->expose(NULL, NULL);
    ticks_close(&pl->ticks);
    narrate_sink_close(pl->pb.sink, 0, NULL, 0);
    narrate_free(pl->pb.n);
    outline_free(&pl->outline);
    free(pl->spoken_before);
    free(pl->text);
}

/* Plays with the terminal in raw mode; returns the exit code. */
static int play(struct player *pl, size_t start)
{
    pl->current = start;
    pl->sentence_heard_at = UINT64_MAX;
    pl->last_cue.word_offset = -1;
    if (playback_start(&pl->pb, start) != 0)
        return fail("cannot start the playback thread", NULL, EXIT_FAILURE_OTHER);
    capture_stderr(pl);
    int finished = loop(pl);
    playback_quit(&pl->pb);
    playback_join(&pl->pb);
    release_stderr(pl);
    if (finished)
        resume_forget(pl->hash);
    else
        resume_save(pl->hash, pl->current);
    if (*pl->hooks->caught_signal)
        return 128 + *pl->hooks->caught_signal;
    if (pl->pb.error != NARRATE_OK && !finished && !pl->quit)
        return -1;
    return EXIT_OK;
}

int player_run(const options *o, const char *worker_path, const struct player_hooks *hooks)
{
    struct player pl;
    memset(&pl, 0, sizeof pl);
    pl.opts = o;
    pl.hooks = hooks;
    int rc = prepare(&pl, worker_path);
    if (rc == EXIT_OK && pl.outline.count > 0)
        rc = open_audio(&pl, worker_path);
    if (rc != EXIT_OK || pl.outline.count == 0) {
        release(&pl);
        return rc;
    }
    if (term_enter() != 0) {
        release(&pl);
        return fail("cannot set up the terminal", strerror(errno), EXIT_FAILURE_OTHER);
    }
    long start = choose_start(&pl);
    if (start < 0) {
        term_leave();
        release(&pl);
        return fail(o->from_text ? "no sentence contains" : "--start is past the last sentence",
                    o->from_text, EXIT_USAGE);
    }
    rc = play(&pl, (size_t)start);
    term_leave();
    if (rc < 0)
        rc = fail(pl.pb.errmsg, NULL, cli_exit_code_for(pl.pb.error, 0));
    release(&pl);
    return rc;
}
