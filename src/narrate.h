/* libnarrate: read articles aloud.
 *
 * Text goes in as UTF-8 through narrate_feed()/narrate_finish(), in chunks cut at
 * any byte.  A normalizer turns what is written into what is said, a sentence
 * splitter cuts it, and espeak-ng synthesizes each sentence in a worker process
 * that the library owns, so that a crash in the engine costs one sentence and
 * never the caller's process.  Audio and events come back through callbacks, in
 * article order, on the thread that called feed or finish.
 *
 * The library never prints, exits or aborts, and keeps no global state: every
 * error is returned as a narrate_error and described by narrate_errmsg() on the
 * handle it happened on.
 *
 * Threads: handles are independent and may be used from different threads at
 * once (each has its own workers, lexicons and buffers).  One handle is used by
 * one thread at a time, except narrate_cancel(), which is safe from any thread
 * and from a signal handler.  Sinks follow the same rule, with the exceptions
 * their functions name.
 */
#ifndef NARRATE_H
#define NARRATE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NARRATE_VERSION_MAJOR 0
#define NARRATE_VERSION_MINOR 1
#define NARRATE_VERSION_PATCH 0
#define NARRATE_VERSION_STRING "0.1.0"
/* (major << 16) | (minor << 8) | patch, for compile-time comparisons. */
#define NARRATE_VERSION \
    ((NARRATE_VERSION_MAJOR << 16) | (NARRATE_VERSION_MINOR << 8) | NARRATE_VERSION_PATCH)

/* The version of the library actually linked, as NARRATE_VERSION encodes it. */
int narrate_version(void);
/* The same as a static string, e.g. "0.1.0". */
const char *narrate_version_string(void);

typedef enum narrate_error {
    NARRATE_OK = 0,
    NARRATE_ENOMEM,      /* memory could not be allocated */
    NARRATE_EINVAL,      /* an argument or configuration value is out of range */
    NARRATE_ESTATE,      /* call out of order, e.g. feed after finish */
    NARRATE_EWORKER,     /* a synthesis worker could not be started */
    NARRATE_EVOICE,      /* the voice does not exist */
    NARRATE_ECANCELED,   /* narrate_cancel() was called */
    NARRATE_ESTOPPED,    /* a callback returned NARRATE_STOP */
    NARRATE_EOPEN,       /* a sink could not open its file or device */
    NARRATE_EWRITE,      /* a sink could not write (disk full, file too large, I/O) */
    NARRATE_ENODEVICE,   /* no audio output device is available */
    NARRATE_EFORMAT,     /* the output format is unknown or cannot take this audio */
    NARRATE_EDATA,       /* a data, preset or lexicon file is malformed */
} narrate_error;

/* A static English description of err; never NULL, also for unknown values. */
const char *narrate_strerror(narrate_error err);

/* What a callback returns. */
enum { NARRATE_CONTINUE = 0, NARRATE_STOP = 1 };

/* Audio callback: `count` mono int16 samples at `sample_rate` Hz.  The samples are
 * valid only during the call.  Called on the thread that called feed or finish,
 * never concurrently.  Returning NARRATE_STOP ends the narration: feed/finish then
 * return NARRATE_ESTOPPED. */
typedef int (*narrate_audio_fn)(void *userdata, const int16_t *samples, size_t count,
                                int sample_rate);

typedef enum narrate_event_type {
    NARRATE_EVENT_SENTENCE = 1, /* a sentence starts; `text` is what will be said */
    NARRATE_EVENT_WORD,         /* a word starts; `text` is the spoken word */
    NARRATE_EVENT_WARNING,      /* a sentence could not be read as written; `text` says why */
    NARRATE_EVENT_END,          /* all text given before narrate_finish() has been spoken */
    NARRATE_EVENT_HEADING,      /* a title or heading starts; `text` is its spoken text,
                                   `level` 0 for the article's title, else 1..6 */
    NARRATE_EVENT_MARK,         /* an SSML <mark name="..."/>: `text` is the name; `sample`
                                   is the exact sample where the mark falls (that of the
                                   next word's audio); offset/length span the tag */
} narrate_event_type;

typedef struct narrate_event {
    narrate_event_type type;
    /* Byte span in the caller's original text, counted from the first byte ever
     * fed to this handle.  For END, offset is the total number of bytes fed. */
    uint64_t offset;
    uint64_t length;
    /* Samples delivered to the audio callback before this event's audio starts. */
    uint64_t sample;
    /* UTF-8, NUL-terminated, valid only during the call.  SENTENCE: the spoken
     * text.  WORD: the spoken word(s) for the span.  WARNING: a message.  END: "". */
    const char *text;
    /* SENTENCE only, with config.phonemes set: espeak-ng mnemonics as
     * `espeak-ng -x` prints them; otherwise NULL. */
    const char *phonemes;
    int level;          /* HEADING only */
} narrate_event;

typedef int (*narrate_event_fn)(void *userdata, const narrate_event *event);

typedef enum narrate_input_format {
    NARRATE_INPUT_AUTO = 0,  /* sniffed from the first bytes fed */
    NARRATE_INPUT_TEXT,      /* plain text: paragraphs at blank lines, boilerplate dropped */
    NARRATE_INPUT_HTML,      /* a web page: the article body only */
    NARRATE_INPUT_MARKDOWN,
    NARRATE_INPUT_SSML,      /* narrate's SSML subset (below); never handed to an engine's
                                SSML mode */
} narrate_input_format;

/* SSML, parsed by narrate itself, then normalized like any text: speak, p, s,
 * break (time="Nms|Ns" or strength, capped at 5 s), emphasis, prosody
 * (rate/pitch/volume as relative % or keywords), say-as interpret-as=
 * characters|spell-out|digits|date|telephone, sub alias=, phoneme
 * alphabet="ipa"|"x-espeak" ph=, mark name=, voice name=.  The entities
 * &lt; &gt; &amp; &quot; &apos; &#N; &#xN; are decoded; control characters they
 * give are read as spaces.  Any other tag is ignored and its text read as
 * text (<audio> fetches nothing); unclosed tags and malformed markup never
 * fail.  A text without a root <speak> is accepted too.  AUTO picks SSML when
 * the text starts with "<speak". */

/* Parses "text", "html", "markdown"/"md" or "ssml" (any case); AUTO when unknown. */
narrate_input_format narrate_input_format_from_name(const char *name);

/* How much punctuation is spoken; the names and levels are data
 * (pronunciations/symbols.tsv). */
typedef enum narrate_punctuation {
    NARRATE_PUNCT_NONE = 0,  /* punctuation is heard only as pauses and intonation (default) */
    NARRATE_PUNCT_SOME,      /* also names symbols such as @ # $ % & * + / = < > | ~ ^ _ \ */
    NARRATE_PUNCT_ALL,       /* names every punctuation mark and symbol */
} narrate_punctuation;

/* How a capital letter is marked when it is read as a letter: in spell mode,
 * as a one-character text, or within a spelled-out acronym. */
typedef enum narrate_capitals {
    NARRATE_CAPS_NONE = 0,   /* capital letters read like any letter (default) */
    NARRATE_CAPS_PITCH,      /* a capital letter read as a letter is spoken at a raised pitch */
    NARRATE_CAPS_WORD,       /* ... preceded by the word "capital" */
} narrate_capitals;

typedef struct narrate_config {
    narrate_input_format input_format;
    int read_captions;  /* nonzero: read figure captions and photo credits */
    int read_image_alt; /* nonzero: read images' alt text (Markdown, HTML) */
    /* A preset from voices/ (or the user's) or else an espeak-ng voice name;
     * NULL means the "news" preset.  rate, pitch and volume override it. */
    const char *voice;
    int rate;           /* words per minute, 80..450; 0 means the preset's */
    int pitch;          /* 0..100; -1 means the preset's */
    int volume;         /* 0..200; -1 means the preset's */
    int workers;        /* synthesis processes; 0 means one per core */
    int synthesize;     /* 0: normalize and split only, no audio (see --spoken) */
    int phonemes;       /* nonzero: SENTENCE events carry phonemes (needs workers) */
    /* Seconds one sentence may take before its worker is killed; 0 means 10. */
    double sentence_timeout;
    /* Pronunciation lexicons (narrate's .lex line format or W3C PLS) layered
     * above the built-in, system and user ones; a NULL-terminated list, or
     * NULL.  Read during narrate_new() only. */
    const char *const *lexicons;
    /* The worker executable; NULL means $NARRATE_WORKER, then the installed one. */
    const char *worker_path;
    narrate_audio_fn on_audio;  /* may be NULL */
    narrate_event_fn on_event;  /* may be NULL */
    void *userdata;
    narrate_punctuation punctuation;
    narrate_capitals capitals;
    int spell;          /* nonzero: read character by character ("a", "b", "space", "comma") */
} narrate_config;

/* Fills `config` with the defaults described above. */
void narrate_config_init(narrate_config *config);

typedef struct narrate narrate;

/* Creates a narrator and starts its workers.  On success *out owns a handle that
 * narrate_free() releases.  On failure *out is NULL and, when errmsg is not NULL,
 * a message is copied into errmsg[0..errmsg_size).
 * Possible errors: ENOMEM, EINVAL, EWORKER, EVOICE, EDATA, EOPEN (a lexicon file
 * cannot be read). */
narrate_error narrate_new(const narrate_config *config, narrate **out, char *errmsg,
                          size_t errmsg_size);

/* Stops the workers and frees everything; NULL is a no-op. */
void narrate_free(narrate *n);

/* Gives the narrator `len` more bytes of UTF-8 text.  Complete sentences are
 * spoken before it returns; the rest waits for more text or narrate_finish().
 * Invalid UTF-8, NUL and control characters are read as spaces.
 * Possible errors: ENOMEM, ESTATE, ECANCELED, ESTOPPED, EWORKER. */
narrate_error narrate_feed(narrate *n, const char *text, size_t len);

/* Speaks whatever text is left and emits END.  After it, only narrate_reset() or
 * narrate_free() may be called.  Possible errors: as narrate_feed(). */
narrate_error narrate_finish(narrate *n);

/* Forgets all text and offsets so that the handle can narrate a new text; workers
 * stay warm.  Possible errors: EWORKER. */
narrate_error narrate_reset(narrate *n);

/* Sets how the next text is read, overriding config.input_format: call it before
 * the first narrate_feed() or right after narrate_reset().
 * Possible errors: EINVAL, ESTATE (text has already been fed). */
narrate_error narrate_set_input_format(narrate *n, narrate_input_format format);

/* Changes the voice (a preset or an espeak-ng voice; NULL keeps it) and the
 * rate, pitch and volume (0, -1, -1 keep the preset's) for the sentences fed
 * from now on.  Call it between texts: before feeding, after narrate_finish()
 * or narrate_reset().  On error nothing changes.
 * Possible errors: EINVAL, ESTATE (sentences are in flight), EVOICE, EDATA, EWORKER. */
narrate_error narrate_set_voice(narrate *n, const char *voice, int rate, int pitch, int volume);

/* Changes punctuation, capitals and spell mode for the text fed from now on.
 * Same timing rules as narrate_set_voice(): call it between texts; on error
 * nothing changes.
 * Possible errors: EINVAL (a value out of range), ESTATE (sentences are in flight). */
narrate_error narrate_set_reading(narrate *n, narrate_punctuation punctuation,
                                  narrate_capitals capitals, int spell);

/* Skips the first `count` sentences of the next text: they are read (so the
 * document's structure is known) but neither spoken nor reported.  Call it
 * before feeding or right after narrate_reset(), which clears it.  This is how
 * a player jumps to sentence k: reset, skip k, feed the text again.
 * Possible errors: EINVAL, ESTATE (text has already been fed). */
narrate_error narrate_skip_sentences(narrate *n, uint64_t count);

/* Asks the narration under way to stop.  Safe from any thread and from a signal
 * handler.  feed/finish return NARRATE_ECANCELED within one audio chunk (about
 * 25 ms of audio); every later feed/finish does too, until narrate_reset(). */
void narrate_cancel(narrate *n);

/* The message of the last error on this handle; "" when there was none. */
const char *narrate_errmsg(const narrate *n);

/* What the text says about itself: its title (from <h1>, og:title, <title>,
 * front matter or a plain-text headline), byline and date.  Known after
 * narrate_finish() (HTML and Markdown) or once read (plain text); any field may
 * be NULL.  The strings live until narrate_reset() or narrate_free(). */
typedef struct narrate_document {
    const char *title, *byline, *date;
} narrate_document;
void narrate_document_info(const narrate *n, narrate_document *out);

/* Calls fn once per voice preset (language "preset") and then once per
 * espeak-ng voice with its name and language.  Possible errors: EWORKER, ESTOPPED. */
typedef int (*narrate_voice_fn)(void *userdata, const char *name, const char *language);
narrate_error narrate_list_voices(narrate *n, narrate_voice_fn fn, void *userdata);

/* Why one written token reads the way it does (see narrate_explain). */
typedef struct narrate_explanation {
    uint64_t offset, length;   /* the token's bytes in the text given */
    const char *spoken;        /* the words it becomes */
    const char *reading;       /* the normalizer rule or table row that decided
                                  them ("year", "abbreviations.tsv:12"), or "" */
    const char *pronunciation; /* the lexicon entry ("people.lex:40") or rule
                                  ("rule:pinyin") that gives their sound, or "" */
    const char *phonemes;      /* what espeak-ng is given, in `espeak-ng -x` notation */
} narrate_explanation;

typedef int (*narrate_explain_fn)(void *userdata, const narrate_explanation *ex);

/* Calls fn for every token of `text` (plain text, at most 64 KiB) in order.
 * Works on a handle made with synthesize 0; uses a worker for the phonemes.
 * Possible errors: EINVAL, ENOMEM, EWORKER, ESTOPPED. */
narrate_error narrate_explain(narrate *n, const char *text, size_t len, narrate_explain_fn fn,
                              void *userdata);

/* ---- Sinks: where audio goes.  Each sink takes mono int16 PCM. ---- */

typedef struct narrate_sink narrate_sink;

typedef enum narrate_format {
    NARRATE_FORMAT_AUTO = 0, /* from the file name's extension; WAV for "-" */
    NARRATE_FORMAT_WAV,
    NARRATE_FORMAT_FLAC,
    NARRATE_FORMAT_OGG,      /* Ogg Vorbis */
    NARRATE_FORMAT_OPUS,     /* Ogg Opus, resampled to 48 kHz */
    NARRATE_FORMAT_MP3,
} narrate_format;

/* Parses "wav", "flac", "ogg", "opus" or "mp3" (any case); AUTO when unknown. */
narrate_format narrate_format_from_name(const char *name);

/* Opens a file sink.  path "-" writes WAV to standard output with a header kept
 * valid as it grows.  Any other path is written to a temporary file beside it,
 * which narrate_sink_close() checks and renames into place; until then, and on
 * any failure, the file that was at `path` stays untouched.
 * Possible errors: ENOMEM, EOPEN, EFORMAT. */
narrate_error narrate_sink_open_file(const char *path, narrate_format format,
                                     narrate_sink **out, char *errmsg, size_t errmsg_size);

/* Opens the default audio output device.  Audio plays as it is written.
 * ALSA's own messages are silenced: this sets ALSA's process-wide error handler
 * (snd_lib_error_set_handler) to one that prints nothing.
 * Possible errors: ENOMEM, ENODEVICE, EOPEN. */
narrate_error narrate_sink_open_speakers(narrate_sink **out, char *errmsg, size_t errmsg_size);

/* Writes samples; blocks while a device's buffer is full.
 * Possible errors: EWRITE, EFORMAT (sample rate changed mid-stream), ECANCELED. */
narrate_error narrate_sink_write(narrate_sink *s, const int16_t *samples, size_t count,
                                 int sample_rate);

/* Makes a blocked or later narrate_sink_write() return ECANCELED and silences a
 * device at once.  Safe from any thread and from a signal handler. */
void narrate_sink_cancel(narrate_sink *s);

/* Pauses (paused nonzero) or resumes a device.  A device falls silent within
 * one device buffer (tens of ms) plus whatever the audio system itself holds;
 * resuming continues from the very next sample.  Writes still fill the buffer
 * while paused and then block.  Safe from any thread, concurrently with a write.
 * Possible errors: EINVAL (s is NULL, or a file sink, which has nothing to pause). */
narrate_error narrate_sink_pause(narrate_sink *s, int paused);

/* Drops the audio written to a device but not yet handed to the device, so that
 * a player that skips never hears the rest of what it skipped; a writer blocked
 * on a full buffer wakes up.  Samples of a write that runs concurrently may or
 * may not be dropped: a caller that needs a clean cut flushes again after that
 * write has returned.  Works while paused.  Safe from any thread.  For a file
 * sink it is a no-op (everything written is already part of the file).
 * Possible errors: EINVAL (s is NULL). */
narrate_error narrate_sink_flush(narrate_sink *s);

/* How many of the samples written to a device have left its buffer, played or
 * flushed: a player compares it with what it has written to know what is being
 * heard (an event's audio is heard once this passes the samples written before
 * it).  Counted in samples at the rate of the writes.  Safe from any thread.
 * Possible errors: EINVAL (s or out is NULL, or a file sink). */
narrate_error narrate_sink_played(narrate_sink *s, uint64_t *out);

/* The message of the last error on this sink; "" when there was none. */
const char *narrate_sink_errmsg(const narrate_sink *s);

/* Finishes the sink and frees it, also on error; NULL is a no-op.  commit nonzero:
 * drain the device, or verify the file and rename it into place.  commit zero:
 * stop at once and discard the file.  On error a message goes to errmsg.
 * Possible errors: EWRITE (a write or the file's check failed; nothing was
 * renamed), ECANCELED (commit asked after narrate_sink_cancel; nothing renamed). */
narrate_error narrate_sink_close(narrate_sink *s, int commit, char *errmsg,
                                 size_t errmsg_size);

/* ---- Podcast episodes: loudness, MP3, ID3 tags and chapters. ----
 *
 * A podcast sink spools the narration to an unlinked temporary file beside its
 * target (int16 PCM, so memory stays flat however long the article), measures
 * its integrated loudness (ITU-R BS.1770) on the way, and at close plays the
 * spool back through a gain to the target loudness, a true-peak limiter
 * (at most -1 dBTP), a resampler and the encoder.  MP3 goes out at 44.1 kHz
 * mono through LAME with an ID3v2.4 tag (text frames, cover, and CHAP frames
 * under a CTOC for the chapters); other formats go through
 * narrate_sink_open_file() and carry no tags.  The target is replaced only by
 * a complete, checked file, as with narrate_sink_open_file(). */

/* Leaves the level as synthesized: no gain and no limiter. */
#define NARRATE_LOUDNESS_OFF 1.0

typedef struct narrate_podcast_options {
    narrate_format format;    /* AUTO: from the path's extension */
    /* Integrated loudness in LUFS, -70..-5 (Apple Podcasts asks for -16), or
     * NARRATE_LOUDNESS_OFF. */
    double loudness;
    /* MP3 CBR kbps, 56..320: below 56, libsndfile's decoder (mpg123) misses
     * the gapless length, so the file's check would fail. */
    int bitrate;
    int vbr_quality;          /* MP3: -1 for CBR, else VBR 0 (best) .. 9 (smallest) */
    /* ID3 text (MP3 only); NULL or "" leaves the frame out. */
    const char *title, *artist, *album, *date, *description;
    const char *cover;        /* a JPEG or PNG file for APIC (MP3 only), or NULL */
} narrate_podcast_options;

/* Fills `o`: AUTO format, -16 LUFS, 64 kbps CBR, no tags, no cover. */
void narrate_podcast_options_init(narrate_podcast_options *o);

/* Opens a podcast sink for `path` (not "-"); `options` NULL means the defaults.
 * The strings are copied and the cover is read now.
 * Possible errors: ENOMEM, EINVAL (an option out of range, path "-"), EOPEN
 * (the folder cannot take the file, the cover cannot be read), EFORMAT (unknown
 * format, a cover that is neither JPEG nor PNG). */
narrate_error narrate_sink_open_podcast(const char *path, const narrate_podcast_options *options,
                                        narrate_sink **out, char *errmsg, size_t errmsg_size);

/* Marks a chapter titled `title` starting after `sample` samples have been
 * written to the sink (a HEADING event's sample, counted across texts); it ends
 * where the next starts.  Chapters come in order; an MP3 holds at most 255.
 * Possible errors: EINVAL (not a podcast sink, out of order, too many), ENOMEM. */
narrate_error narrate_sink_add_chapter(narrate_sink *s, uint64_t sample, const char *title);

/* Sets the tags known only once the text is read (the article's title, byline,
 * date): each of title, artist, album, date and description that is not NULL
 * in `tags` replaces the sink's; the other fields are ignored.
 * Possible errors: EINVAL (not a podcast sink), ENOMEM. */
narrate_error narrate_sink_set_tags(narrate_sink *s, const narrate_podcast_options *tags);

#ifdef __cplusplus
}
#endif

#endif
