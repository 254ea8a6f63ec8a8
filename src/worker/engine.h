/* The synthesis engines a worker can run, behind one interface.
 *
 * A worker process runs one engine at a time (REQ_CONFIG names it) and may
 * switch between them; each engine keeps its own state in its own file and is
 * never touched from more than the worker's one thread.  Engines see the text
 * exactly as the library sent it (sanitized, with narrate's espeak-ng markup:
 * [[mnemonics]] and \001NP pitch commands) and must accept or strip that
 * markup themselves.  What they produce goes to the protocol loop through
 * engine_output, at the engine's own sample rate: the loop resamples to
 * WORKER_SAMPLE_RATE and scales word positions to match.
 */
#ifndef NARRATE_WORKER_ENGINE_H
#define NARRATE_WORKER_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "proto.h"

/* The one rate every worker delivers, whatever the engine (espeak-ng's own). */
#define WORKER_SAMPLE_RATE 22050

/* Where an engine's audio and word marks go during one request (output.c). */
typedef struct engine_output engine_output;

/* Samples at the rate the engine gave to output_begin.  0, or -1 when the
 * pipe to the library broke (the engine should stop synthesizing). */
int output_audio(engine_output *o, const int16_t *samples, size_t count);

/* A word: its byte span in the request's text and its first sample, counted
 * at the engine's rate from the start of this request's audio. */
int output_word(engine_output *o, size_t offset, size_t length, uint64_t sample);

/* Rate and pitch of one request: what REQ_CONFIG set unless the request
 * overrides them (proto_speak). */
typedef struct engine_prosody {
    int rate, pitch, range, volume; /* espeak-ng's scales: wpm, 0..100, 0..100, 0..200 */
} engine_prosody;

typedef int (*engine_voice_fn)(void *userdata, const char *name, const char *language);

typedef struct engine {
    const char *name; /* as proto_config.engine names it */
    /* Opens config->voice (switching from any voice open before).  Returns the
     * sample rate it will synthesize at, or -1 with a one-line reason in err;
     * the reason starts "no such voice" when the voice does not exist. */
    int (*open)(const proto_config *config, char *err, size_t err_size);
    /* Synthesizes NUL-terminated text (len bytes; the engine may modify it in
     * place) into out.  0, or -1 with a reason in err. */
    int (*speak)(char *text, size_t len, const engine_prosody *p, engine_output *out,
                 char *err, size_t err_size);
    /* Writes the phonemes of text in the engine's own notation to out. */
    int (*phonemes)(char *text, FILE *out);
    /* Calls fn for each voice; stops when fn returns nonzero. */
    int (*list_voices)(engine_voice_fn fn, void *userdata);
    /* Releases the open voice (the engine may be opened again later). */
    void (*close)(void);
} engine;

extern const engine engine_espeak;
extern const engine engine_flite;

#endif
