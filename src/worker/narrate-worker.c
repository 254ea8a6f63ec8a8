/* narrate-worker: one speech engine at a time in a process of its own.
 *
 * libnarrate spawns it with pipes on stdin (requests) and stdout (responses); see
 * src/proto.h.  Engines keep global state, are not thread-safe and can abort
 * the process on ordinary text, so each worker serves one library handle and
 * may die at any time: the library notices EOF, restarts it and retries the
 * sentence.  REQ_CONFIG picks the engine (engine.h) and its voice; every
 * engine's audio leaves at WORKER_SAMPLE_RATE, announced in RSP_HELLO.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine.h"
#include "output.h"
#include "proto.h"

static const engine *const engines[] = {&engine_espeak, &engine_flite};
#define NENGINES (sizeof engines / sizeof engines[0])

typedef struct worker_state {
    const engine *engine;   /* NULL until REQ_CONFIG succeeds */
    int engine_rate;        /* the open voice's sample rate */
    proto_config configured;
    proto_config active;    /* what is open now: configured, or a request's voice */
} worker_state;

static int send_error(const char *message)
{
    return proto_send(STDOUT_FILENO, RSP_ERROR, message, strlen(message));
}

/* The engine named (espeak-ng when empty), or NULL. */
static const engine *engine_named(const char *name)
{
    if (!*name)
        return engines[0];
    for (size_t i = 0; i < NENGINES; i++)
        if (strcmp(engines[i]->name, name) == 0)
            return engines[i];
    return NULL;
}

/* Opens c's engine and voice; 0, or -1 with the reason (no engine is open then). */
static int open_voice(worker_state *st, const proto_config *c, char *reason, size_t size)
{
    const engine *e = engine_named(c->engine);
    if (!e) {
        snprintf(reason, size, "no such voice: no engine of that name");
        return -1;
    }
    if (st->engine && st->engine != e)
        st->engine->close();
    int rate = e->open(c, reason, size);
    if (rate <= 0) {
        st->engine = NULL;
        return -1;
    }
    st->engine = e;
    st->engine_rate = rate;
    st->active = *c;
    return 0;
}

static int handle_config(worker_state *st, const char *payload, size_t len)
{
    proto_config c;
    if (len != sizeof c)
        return send_error("bad configuration message");
    memcpy(&c, payload, sizeof c);
    c.voice[PROTO_VOICE_MAX - 1] = '\0';
    c.engine[PROTO_ENGINE_MAX - 1] = '\0';
    char reason[256] = "";
    if (open_voice(st, &c, reason, sizeof reason) != 0)
        return send_error(reason);
    st->configured = c;
    return proto_send(STDOUT_FILENO, RSP_DONE, NULL, 0);
}

/* Opens the voice request s asks for (the configured one when it names none,
 * or when its own cannot be opened); 0, or -1 when no voice is open at all. */
static int open_request_voice(worker_state *st, proto_speak *s)
{
    proto_config want = st->configured;
    s->voice[PROTO_VOICE_MAX - 1] = '\0';
    s->engine[PROTO_ENGINE_MAX - 1] = '\0';
    if (s->voice[0]) {
        memcpy(want.voice, s->voice, sizeof want.voice);
        memcpy(want.engine, s->engine, sizeof want.engine);
    }
    int same = st->engine && strcmp(want.voice, st->active.voice) == 0 &&
               strcmp(want.engine, st->active.engine) == 0;
    char reason[256];
    if (same || open_voice(st, &want, reason, sizeof reason) == 0)
        return 0;
    return open_voice(st, &st->configured, reason, sizeof reason);
}

static int send_phonemes(const engine *e, char *text)
{
    char *joined = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&joined, &size);
    if (!out)
        return send_error("out of memory");
    char *copy = strdup(text); /* engines may cut the text up */
    if (copy)
        e->phonemes(copy, out);
    free(copy);
    fclose(out);
    int rc = copy ? proto_send(STDOUT_FILENO, RSP_PHONEMES, joined, size)
                  : send_error("out of memory");
    free(joined);
    return rc;
}

static engine_prosody request_prosody(const worker_state *st, const proto_speak *s)
{
    engine_prosody p = {st->configured.rate, st->configured.pitch, st->configured.range,
                        st->configured.volume};
    if (s->rate > 0)
        p.rate = s->rate;
    if (s->pitch >= 0)
        p.pitch = s->pitch;
    return p;
}

/* 0 when the audio went out, 1 when an ERROR answered the request instead,
 * -1 when the pipe broke. */
static int speak_audio(worker_state *st, const proto_speak *s, char *text, size_t text_bytes)
{
    engine_output out;
    if (output_begin(&out, st->engine_rate) != 0)
        return send_error("cannot resample the engine's audio") == 0 ? 1 : -1;
    engine_prosody p = request_prosody(st, s);
    char reason[256] = "";
    int rc = st->engine->speak(text, text_bytes, &p, &out, reason, sizeof reason);
    int broken = output_end(&out) != 0;
    if (broken)
        return -1;
    if (rc == 0)
        return 0;
    return send_error(reason) == 0 ? 1 : -1;
}

/* Phonemes and audio as the request asks, then DONE; an ERROR may answer
 * instead.  0, or -1 when the pipe broke. */
static int answer_speak(worker_state *st, const proto_speak *s, char *text, size_t text_bytes)
{
    if (s->want_phonemes && send_phonemes(st->engine, text) != 0)
        return -1;
    if (s->want_audio) {
        int rc = speak_audio(st, s, text, text_bytes);
        if (rc != 0)
            return rc < 0 ? -1 : 0; /* an ERROR answers the request */
    }
    return proto_send(STDOUT_FILENO, RSP_DONE, NULL, 0);
}

/* The child answering the request under way, or 0: SIGUSR1 is passed on to it. */
static volatile sig_atomic_t request_child;

/* Answers the request in a child process forked for it.  Engines carry state
 * from one utterance into the next (espeak-ng 1.51's pitch flutter and noise
 * generator), so a sentence would sound a little different depending on what
 * its worker read before; forked, every request starts from the state the
 * voice was opened in, and a narration is the same samples however its
 * sentences fall to the workers.  0, or -1 when the pipe broke.  A child
 * killed by its engine takes the worker with it, as a crash always has: the
 * library sees the pipe close and retries the sentence.  The child stays in
 * the worker's process group, which the library kills as one.  When fork
 * fails the request is answered here. */
static int answer_in_child(worker_state *st, const proto_speak *s, char *text, size_t text_bytes)
{
    pid_t pid = fork();
    if (pid < 0)
        return answer_speak(st, s, text, text_bytes);
    if (pid == 0)
        _exit(answer_speak(st, s, text, text_bytes) == 0 ? 0 : 1);
    request_child = pid;
    if (output_abandoned) /* SIGUSR1 came between the fork and the line above */
        kill(pid, SIGUSR1);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    request_child = 0;
    if (WIFSIGNALED(status))
        _exit(1);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int handle_speak(worker_state *st, char *payload, size_t len)
{
    proto_speak s;
    if (len < sizeof s)
        return send_error("bad speak message");
    if (!st->engine)
        return send_error("no voice configured");
    memcpy(&s, payload, sizeof s);
    output_abandoned = 0; /* a SIGUSR1 meant for the previous request came before it ended */
    if (open_request_voice(st, &s) != 0)
        return send_error("no voice could be opened");
    char *text = payload + sizeof s;
    size_t text_bytes = len - sizeof s;
    text[text_bytes] = '\0'; /* the read buffer has one spare byte */
    return answer_in_child(st, &s, text, text_bytes);
}

static int send_voice(void *userdata, const char *name, const char *language)
{
    (void)userdata;
    char line[256];
    int n = snprintf(line, sizeof line, "%s\t%s", name, language);
    return n > 0 && proto_send(STDOUT_FILENO, RSP_VOICE, line, strlen(line)) != 0;
}

/* Every engine's voices, espeak-ng's first; an engine that cannot start lists none. */
static int handle_voices(void)
{
    for (size_t i = 0; i < NENGINES; i++)
        if (engines[i]->list_voices(send_voice, NULL) > 0)
            return -1;
    return proto_send(STDOUT_FILENO, RSP_DONE, NULL, 0);
}

static int serve(void)
{
    char *payload = malloc(PROTO_MAX_PAYLOAD + 1);
    if (!payload)
        return 1;
    worker_state st;
    memset(&st, 0, sizeof st);
    proto_header h;
    int rc = 0;
    while (rc == 0 && proto_read_all(STDIN_FILENO, &h, sizeof h) == 0) {
        if (h.length > PROTO_MAX_PAYLOAD || proto_read_all(STDIN_FILENO, payload, h.length) != 0) {
            rc = 1;
            break;
        }
        switch (h.type) {
        case REQ_CONFIG: rc = handle_config(&st, payload, h.length); break;
        case REQ_SPEAK: rc = handle_speak(&st, payload, h.length); break;
        case REQ_VOICES: rc = handle_voices(); break;
        default: rc = send_error("unknown request"); break;
        }
    }
    if (st.engine)
        st.engine->close();
    free(payload);
    return rc == 0 ? 0 : 1;
}

/* espeak-ng 1.51 probes for an audio device at start-up even in synchronous mode,
 * through pcaudiolib and PulseAudio.  A worker never plays, so the probe is
 * pointed nowhere: no connection to the user's sound server, and no death by
 * SIGXFSZ when PulseAudio sizes its shared memory under the caller's
 * file-size limit (the worker writes no files). */
static void keep_engine_off_the_sound_server(void)
{
    signal(SIGXFSZ, SIG_IGN);
    setenv("PULSE_SERVER", "unix:/nonexistent/narrate-worker-never-plays", 1);
}

static void on_abandon(int sig)
{
    (void)sig;
    output_abandoned = 1;
    pid_t child = request_child;
    if (child > 0)
        kill(child, SIGUSR1);
}

/* SIGUSR1 from the library abandons the request under way (output.h). */
static void listen_for_abandon(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_abandon;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    listen_for_abandon();
    keep_engine_off_the_sound_server();
    int32_t rate32 = WORKER_SAMPLE_RATE;
    if (proto_send(STDOUT_FILENO, RSP_HELLO, &rate32, sizeof rate32) != 0)
        return 1;
    return serve();
}
