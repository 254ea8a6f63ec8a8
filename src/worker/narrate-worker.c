/* narrate-worker: one espeak-ng instance in a process of its own.
 *
 * libnarrate spawns it with pipes on stdin (requests) and stdout (responses); see
 * src/proto.h.  espeak-ng keeps global state and can abort the process on
 * ordinary text, so each worker serves one library handle and may die at any
 * time: the library notices EOF, restarts it and retries the sentence.  Text
 * arrives sanitized, with only the markup narrate itself wrote: [[phonemes]]
 * for lexicon words and embedded pitch commands.  SSML is never enabled.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <espeak-ng/speak_lib.h>

#include "proto.h"

/* How much audio espeak-ng hands over per callback.  Synthesis runs hundreds of
 * times faster than real time, so a larger chunk costs the first sound well
 * under a millisecond and saves most of the pipe traffic. */
#define AUDIO_CHUNK_MS 200

typedef struct request {
    const char *text;  /* NUL-terminated UTF-8 */
    size_t text_bytes;
    int sample_rate;
    uint64_t samples_sent;
    int failed;        /* the pipe to the library broke */
} request;

static request *current; /* the request being synthesized; espeak's callback has no userdata */
static proto_config configured; /* what REQ_CONFIG last set */

static int read_exact(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n == 0)
            return -1;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Byte offset of the character at 1-based position `chars` in a UTF-8 string. */
static size_t byte_offset_of_char(const char *text, size_t bytes, int chars)
{
    size_t i = 0;
    for (int c = 1; c < chars && i < bytes; c++) {
        i++;
        while (i < bytes && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

static size_t utf8_span(const char *text, size_t bytes, size_t from, int chars)
{
    size_t end = from;
    for (int c = 0; c < chars && end < bytes; c++) {
        end++;
        while (end < bytes && ((unsigned char)text[end] & 0xC0) == 0x80)
            end++;
    }
    return end - from;
}

static void send_word(request *r, const espeak_EVENT *ev)
{
    proto_word w;
    size_t off = byte_offset_of_char(r->text, r->text_bytes, ev->text_position);
    w.offset = (uint32_t)off;
    w.length = (uint32_t)utf8_span(r->text, r->text_bytes, off, ev->length);
    w.sample = (uint64_t)ev->audio_position * (uint64_t)r->sample_rate / 1000u;
    if (proto_send(STDOUT_FILENO, RSP_WORD, &w, sizeof w) != 0)
        r->failed = 1;
}

static int on_synth(short *wav, int count, espeak_EVENT *events)
{
    request *r = current;
    if (!r || r->failed)
        return 1;
    for (espeak_EVENT *ev = events; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++)
        if (ev->type == espeakEVENT_WORD)
            send_word(r, ev);
    if (wav && count > 0) {
        if (proto_send(STDOUT_FILENO, RSP_AUDIO, wav, (size_t)count * sizeof(short)) != 0)
            r->failed = 1;
        r->samples_sent += (uint64_t)count;
    }
    return r->failed;
}

static int send_error(const char *message)
{
    return proto_send(STDOUT_FILENO, RSP_ERROR, message, strlen(message));
}

static void apply_prosody(int rate, int pitch)
{
    espeak_SetParameter(espeakRATE, rate, 0);
    if (pitch >= 0)
        espeak_SetParameter(espeakPITCH, pitch, 0);
}

static int handle_config(const char *payload, size_t len)
{
    proto_config c;
    if (len != sizeof c)
        return send_error("bad configuration message");
    memcpy(&c, payload, sizeof c);
    c.voice[PROTO_VOICE_MAX - 1] = '\0';
    if (espeak_SetVoiceByName(c.voice) != EE_OK)
        return send_error("no such voice");
    configured = c;
    apply_prosody(c.rate, c.pitch);
    if (c.range >= 0)
        espeak_SetParameter(espeakRANGE, c.range, 0);
    if (c.volume >= 0)
        espeak_SetParameter(espeakVOLUME, c.volume, 0);
    return proto_send(STDOUT_FILENO, RSP_DONE, NULL, 0);
}

/* Appends espeak-ng's phonemes for plain text (NUL-terminated), clause by clause. */
static void plain_phonemes(FILE *out, const char *text)
{
    const void *cursor = text;
    while (cursor) {
        const char *clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0);
        if (clause && *clause)
            fprintf(out, "%s%s", ftell(out) > 0 ? " " : "", clause);
    }
}

/* Sends the phonemes of a request's text: espeak-ng's own for plain stretches,
 * and narrate's [[...]] markup as written (espeak_TextToPhonemes would spell
 * the brackets' content as letters). */
static int send_phonemes(char *text)
{
    char *joined = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&joined, &size);
    if (!out)
        return send_error("out of memory");
    char *at = text;
    while (*at) {
        char *open = strstr(at, "[[");
        char *close = open ? strstr(open + 2, "]]") : NULL;
        if (!close)
            open = at + strlen(at);
        char saved = *open;
        *open = '\0';
        plain_phonemes(out, at);
        *open = saved;
        if (!close)
            break;
        fprintf(out, "%s%.*s", ftell(out) > 0 ? " " : "", (int)(close - open - 2), open + 2);
        at = close + 2;
    }
    fclose(out);
    int rc = proto_send(STDOUT_FILENO, RSP_PHONEMES, joined, size);
    free(joined);
    return rc;
}

static int handle_speak(char *payload, size_t len, int sample_rate)
{
    proto_speak s;
    if (len < sizeof s)
        return send_error("bad speak message");
    memcpy(&s, payload, sizeof s);
    char *text = payload + sizeof s;
    size_t text_bytes = len - sizeof s;
    text[text_bytes] = '\0'; /* the read buffer has one spare byte */
    if (s.want_phonemes && send_phonemes(text) != 0)
        return -1;
    if (s.want_audio) {
        request r = {text, text_bytes, sample_rate, 0, 0};
        int restyled = s.rate > 0 || s.pitch >= 0;
        if (restyled)
            apply_prosody(s.rate > 0 ? s.rate : configured.rate,
                          s.pitch >= 0 ? s.pitch : configured.pitch);
        current = &r;
        espeak_ERROR e = espeak_Synth(text, text_bytes + 1, 0, POS_CHARACTER, 0,
                                      espeakCHARS_UTF8 | espeakPHONEMES | espeakENDPAUSE,
                                      NULL, NULL);
        current = NULL;
        if (restyled)
            apply_prosody(configured.rate, configured.pitch);
        if (r.failed)
            return -1;
        if (e != EE_OK)
            return send_error("espeak-ng could not synthesize the sentence");
    }
    return proto_send(STDOUT_FILENO, RSP_DONE, NULL, 0);
}

static int on_voice_list(void)
{
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    for (int i = 0; voices && voices[i]; i++) {
        const char *lang = voices[i]->languages ? voices[i]->languages + 1 : "";
        char line[256];
        int n = snprintf(line, sizeof line, "%s\t%s", voices[i]->name, lang);
        if (n > 0 && proto_send(STDOUT_FILENO, RSP_VOICE, line, strlen(line)) != 0)
            return -1;
    }
    return proto_send(STDOUT_FILENO, RSP_DONE, NULL, 0);
}

static int serve(int sample_rate)
{
    char *payload = malloc(PROTO_MAX_PAYLOAD + 1);
    if (!payload)
        return 1;
    proto_header h;
    int rc = 0;
    while (rc == 0 && read_exact(STDIN_FILENO, &h, sizeof h) == 0) {
        if (h.length > PROTO_MAX_PAYLOAD || read_exact(STDIN_FILENO, payload, h.length) != 0) {
            rc = 1;
            break;
        }
        switch (h.type) {
        case REQ_CONFIG: rc = handle_config(payload, h.length); break;
        case REQ_SPEAK: rc = handle_speak(payload, h.length, sample_rate); break;
        case REQ_VOICES: rc = on_voice_list(); break;
        default: rc = send_error("unknown request"); break;
        }
    }
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

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    keep_engine_off_the_sound_server();
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, AUDIO_CHUNK_MS, NULL,
                                 espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        send_error("espeak-ng could not start: is espeak-ng-data installed?");
        return 1;
    }
    espeak_SetSynthCallback(on_synth);
    int32_t rate32 = rate;
    if (proto_send(STDOUT_FILENO, RSP_HELLO, &rate32, sizeof rate32) != 0)
        return 1;
    return serve(rate);
}
