/* The narrator's handle and its sentence queue, shared by narrate.c (the public
 * entry points) and jobs.c (dispatch to workers and in-order delivery). */
#ifndef NARRATE_INTERNAL_H
#define NARRATE_INTERNAL_H

#include <stdatomic.h>
#include <stdint.h>

#include "narrate.h"
#include "engine_text.h"
#include "job_markup.h"
#include "lexicon.h"
#include "normalize.h"
#include "presets.h"
#include "proto.h"
#include "reader.h"
#include "workers.h"

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE };

/* How one sentence is read beyond its words. */
typedef struct job_style {
    int pause_before_ms, pause_after_ms; /* silence around it */
    int rate, pitch;                     /* 0 and -1: the voice's own */
    int heading_level;                   /* -1, or it opens a heading of that level */
    char voice[PROTO_VOICE_MAX];         /* SSML <voice>: "" is the handle's voice */
    char engine[PROTO_ENGINE_MAX];
} job_style;

/* One sentence on its way to the caller.  Owns every buffer it points to. */
typedef struct job {
    uint64_t src_offset, src_length; /* the sentence in the caller's stream */
    job_style style;
    norm_sentence sentence;          /* spoken text with provenance */
    uint64_t *word_spans;            /* per norm_word: offset, length in the stream */
    job_markup markup;               /* SSML: per-word markup and marks */
    engine_text engine;              /* what the worker is sent, mapped to sentence.text */
    int attempt;                     /* 0, then 1 for the simplified retry */
    enum job_state state;
    int16_t *audio;                  /* received, not yet delivered */
    size_t audio_len, audio_cap;
    uint64_t samples_delivered;
    proto_word *words;               /* received word marks, in order */
    size_t nwords, words_cap, words_delivered;
    long last_word;                  /* norm_word index last reported, or -1 */
    char *phonemes;
    const char *warning;             /* static text, or NULL */
    int warned;                      /* its WARNING event has been emitted */
    int started;                     /* its SENTENCE event has been emitted */
    uint64_t sample_base;            /* caller's sample count when it started */
    int trimming;                    /* its leading silence is being dropped */
    uint64_t trimmed;                /* samples of it dropped that way */
} job;

struct narrate {
    narrate_config config;
    voice_preset preset;    /* the voice and its prosody, config overrides applied */
    char voice[PROTO_VOICE_MAX];
    char worker_path[4096];
    norm_data *norm;
    norm_scratch *scratch; /* for the sentences read, one at a time */
    lexicon *lex;

    reader *reader;         /* NULL until the input format is known */
    char sniffed[1024];     /* the first bytes, kept until the format is known */
    size_t sniffed_len;
    uint64_t bytes_fed;
    uint64_t ink_bytes;     /* bytes fed that are not white space, counted to 5 at most */
    uint64_t sentences_seen, sentences_to_skip; /* since the last reset */
    narrate_error block_error; /* what stopped the reader's emit callback */
    int finished;

    worker *workers;
    int nworkers;
    int sample_rate;
    job *queue;             /* ring of queue_cap jobs */
    int queue_cap, queue_head, queue_count;
    uint64_t samples_out;

    /* Tests only: the first attempt at each sentence reaches the engine
     * unsanitized, so that isolation is tested with real engine crashes. */
    int unsafe_raw_text;

    /* The last SSML <voice name> resolved, so that each sentence need not be. */
    char ssml_voice_name[PROTO_VOICE_MAX];
    voice_preset ssml_voice;
    int ssml_voice_ok;

    atomic_int canceled;
    narrate_error failure;  /* sticky: set when a narration stops early */
    char errmsg[256];
};

/* Whether this narrator synthesizes or asks for phonemes, so needs workers. */
int narrate_needs_workers(const narrate *n);

/* How this narrator reads text: config's punctuation, capitals and spell. */
norm_reading narrate_reading(const narrate *n);

/* The engine settings of this narrator's voice, for a worker's REQ_CONFIG. */
void narrate_engine_config(const narrate *n, proto_config *out);

/* Sets the handle's error message and returns err. */
narrate_error narrate_fail(narrate *n, narrate_error err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Queues one normalized sentence, the stream span of each of its words
 * (2 * s->nwords values) and its markup (or NULL), taking ownership of all
 * three (*s and *markup are zeroed), and delivers what is ready; blocks while the queue is
 * full.  An empty sentence carries marks alone and needs no worker. */
narrate_error jobs_submit(narrate *n, norm_sentence *s, uint64_t *word_spans, job_markup *markup,
                          uint64_t src_offset, uint64_t src_length, job_style style);

/* Delivers everything queued; returns when the queue is empty. */
narrate_error jobs_drain(narrate *n);

/* Drops every queued job; busy workers abandon their requests, whose output
 * is dropped as it comes (none of it is ever delivered). */
void jobs_clear(narrate *n);

/* Waits (briefly) until no worker is still finishing an abandoned request,
 * killing one that takes too long: before talking to workers directly. */
void jobs_settle_workers(narrate *n);

/* Starts or restarts worker i.  Possible errors: EWORKER, EVOICE. */
narrate_error jobs_start_worker(narrate *n, int i);

/* Runs task on an idle worker of n, or on a temporary one started for it. */
typedef narrate_error (*worker_task)(narrate *n, worker *w, void *arg);
narrate_error narrate_with_worker(narrate *n, worker_task task, void *arg);

/* Emits an event through the caller's callback; NARRATE_ESTOPPED when it said stop. */
narrate_error emit_event(narrate *n, narrate_event_type type, uint64_t offset, uint64_t length,
                         const char *text, const char *phonemes);

/* Emits a HEADING event of that level (0: the title) at the current sample. */
narrate_error emit_heading(narrate *n, int level, uint64_t offset, uint64_t length,
                           const char *text);

#endif
