/* The espeak-ng engine.  espeak-ng keeps global state and can abort the
 * process on ordinary text, which is why it runs in a worker at all.  It
 * reads narrate's markup natively ([[phonemes]], embedded pitch commands);
 * SSML is never enabled. */
#include <stdlib.h>
#include <string.h>

#include <espeak-ng/speak_lib.h>

#include "engine.h"
#include "output.h"

/* How much audio espeak-ng hands over per callback.  Synthesis runs hundreds of
 * times faster than real time, so a larger chunk costs the first sound well
 * under a millisecond and saves most of the pipe traffic. */
#define AUDIO_CHUNK_MS 200

typedef struct espeak_request {
    const char *text; /* NUL-terminated UTF-8 */
    size_t text_bytes;
    engine_output *out;
} espeak_request;

static int sample_rate;                 /* 0 until espeak-ng is initialized */
static espeak_request *current;         /* espeak's callback has no userdata */

/* Initializes espeak-ng on first use.  The rate, or -1. */
static int ensure_started(char *err, size_t size)
{
    if (sample_rate > 0)
        return sample_rate;
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, AUDIO_CHUNK_MS, NULL,
                                 espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        snprintf(err, size, "espeak-ng could not start: is espeak-ng-data installed?");
        return -1;
    }
    sample_rate = rate;
    return rate;
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

static int send_word(espeak_request *r, const espeak_EVENT *ev)
{
    size_t off = byte_offset_of_char(r->text, r->text_bytes, ev->text_position);
    size_t len = utf8_span(r->text, r->text_bytes, off, ev->length);
    uint64_t sample = (uint64_t)ev->audio_position * (uint64_t)sample_rate / 1000u;
    return output_word(r->out, off, len, sample);
}

static int on_synth(short *wav, int count, espeak_EVENT *events)
{
    espeak_request *r = current;
    if (!r)
        return 1;
    int failed = 0;
    for (espeak_EVENT *ev = events; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++)
        if (ev->type == espeakEVENT_WORD)
            failed |= send_word(r, ev) != 0;
    if (wav && count > 0)
        failed |= output_audio(r->out, wav, (size_t)count) != 0;
    return failed;
}

static void apply_prosody(const engine_prosody *p)
{
    espeak_SetParameter(espeakRATE, p->rate, 0);
    if (p->pitch >= 0)
        espeak_SetParameter(espeakPITCH, p->pitch, 0);
    if (p->range >= 0)
        espeak_SetParameter(espeakRANGE, p->range, 0);
    if (p->volume >= 0)
        espeak_SetParameter(espeakVOLUME, p->volume, 0);
}

static int espeak_open(const proto_config *c, char *err, size_t size)
{
    int rate = ensure_started(err, size);
    if (rate < 0)
        return -1;
    espeak_SetSynthCallback(on_synth);
    if (espeak_SetVoiceByName(c->voice) != EE_OK) {
        snprintf(err, size, "no such voice");
        return -1;
    }
    return rate;
}

static int espeak_speak(char *text, size_t len, const engine_prosody *p, engine_output *out,
                        char *err, size_t size)
{
    espeak_request r = {text, len, out};
    apply_prosody(p);
    current = &r;
    espeak_ERROR e = espeak_Synth(text, len + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8 | espeakPHONEMES | espeakENDPAUSE, NULL, NULL);
    current = NULL;
    if (output_abandoned)
        espeak_Cancel(); /* drops what it still holds of the abandoned text */
    if (e == EE_OK)
        return 0;
    snprintf(err, size, "espeak-ng could not synthesize the sentence");
    return -1;
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

/* espeak-ng's phonemes for plain stretches, and narrate's [[...]] markup as
 * written (espeak_TextToPhonemes would spell the brackets' content as letters). */
static int espeak_phonemes(char *text, FILE *out)
{
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
    return 0;
}

static int espeak_list_voices(engine_voice_fn fn, void *userdata)
{
    char err[128];
    if (ensure_started(err, sizeof err) < 0)
        return -1;
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    for (int i = 0; voices && voices[i]; i++) {
        const char *lang = voices[i]->languages ? voices[i]->languages + 1 : "";
        if (fn(userdata, voices[i]->name, lang) != 0)
            return 1;
    }
    return 0;
}

static void espeak_close(void)
{
    /* espeak-ng keeps its voice data loaded for a later open; nothing to release. */
}

const engine engine_espeak = {
    "espeak-ng", espeak_open, espeak_speak, espeak_phonemes, espeak_list_voices, espeak_close,
};
