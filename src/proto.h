/* The pipe protocol between libnarrate and its synthesis workers.
 *
 * Every message is a proto_header followed by `length` payload bytes, in host
 * byte order (both ends are the same machine).  The library writes requests to
 * the worker's stdin and reads responses from its stdout; one request is in
 * flight per worker at a time, and every request is answered by exactly one
 * RSP_DONE or RSP_ERROR, after any AUDIO, WORD, PHONEMES or VOICE messages.
 */
#ifndef NARRATE_PROTO_H
#define NARRATE_PROTO_H

#include <stddef.h>
#include <stdint.h>

#define PROTO_MAX_PAYLOAD (1u << 20)
#define PROTO_VOICE_MAX 64
#define PROTO_ENGINE_MAX 16

enum proto_type {
    REQ_CONFIG = 1, /* payload: proto_config; answered by DONE or ERROR */
    REQ_SPEAK,      /* payload: proto_speak then the sanitized UTF-8 text */
    REQ_VOICES,     /* no payload; answered by VOICE messages then DONE */

    RSP_HELLO = 100, /* sent once at start-up; payload: int32 sample rate, the
                        same for every engine and voice */
    RSP_AUDIO,       /* payload: int16 samples */
    RSP_WORD,        /* payload: proto_word */
    RSP_PHONEMES,    /* payload: the engine's phonemes: for espeak-ng as
                        `espeak-ng -x` prints them, for Flite CMU phones */
    RSP_VOICE,       /* payload: "name\tlanguage" */
    RSP_DONE,        /* no payload */
    RSP_ERROR,       /* payload: a message */
};

typedef struct proto_header {
    uint32_t type;
    uint32_t length;
} proto_header;

typedef struct proto_config {
    int32_t rate, pitch, range, volume;
    char voice[PROTO_VOICE_MAX]; /* NUL-terminated */
    char engine[PROTO_ENGINE_MAX]; /* "espeak-ng" (also when empty) or "flite" */
} proto_config;

/* rate and pitch apply to this request only; 0 and -1 keep the configured ones.
 * voice and engine, when voice is not empty, name the voice this request is
 * spoken in (an SSML <voice>); the worker falls back to the configured voice
 * when that one cannot be opened. */
typedef struct proto_speak {
    uint8_t want_audio;
    uint8_t want_phonemes;
    uint8_t reserved[2];
    int32_t rate, pitch;
    char voice[PROTO_VOICE_MAX];   /* NUL-terminated; "" keeps the configured voice */
    char engine[PROTO_ENGINE_MAX];
} proto_speak;

/* A word of the request's text: byte span, and its first sample counted from the
 * start of the request's audio. */
typedef struct proto_word {
    uint32_t offset, length;
    uint64_t sample;
} proto_word;

/* Reads exactly len bytes, retrying on EINTR.  0, or -1 on end of file or error. */
int proto_read_all(int fd, void *buf, size_t len);

/* Writes all of buf, retrying on EINTR and short writes.  On a socket it never
 * raises SIGPIPE: a closed peer is EPIPE.  0 or -1 (errno set). */
int proto_write_all(int fd, const void *buf, size_t len);

/* Writes one message: header and payload.  0 or -1 (errno set). */
int proto_send(int fd, uint32_t type, const void *payload, size_t length);

/* The same with a payload in two pieces, written back to back. */
int proto_send2(int fd, uint32_t type, const void *a, size_t alen, const void *b, size_t blen);

#endif
