/* Command-line options of the narrate CLI. */
#ifndef NARRATE_CLI_OPTIONS_H
#define NARRATE_CLI_OPTIONS_H

#include "narrate.h"
#include "podcast_options.h"

/* Exit codes; documented in --help and narrate.1. */
enum {
    EXIT_OK = 0,
    EXIT_FAILURE_OTHER = 1, /* synthesis or internal failure */
    EXIT_USAGE = 2,         /* bad option or value */
    EXIT_INPUT = 3,         /* an input could not be read */
    EXIT_OUTPUT = 4,        /* the output could not be written; any old file is untouched */
    EXIT_NO_DEVICE = 5,     /* no audio device to play on */
    EXIT_VOICE = 6,         /* no such voice */
    EXIT_INTERRUPTED = 130, /* Ctrl-C; 128 + the signal number for others */
};

enum mode {
    MODE_SPEAK, MODE_SPOKEN, MODE_PHONEMES, MODE_EXPLAIN, MODE_LIST_VOICES, MODE_HELP, MODE_VERSION
};

#define MAX_LEXICONS 16

typedef struct options {
    enum mode mode;
    const char *output;       /* -o; NULL plays on the speakers */
    narrate_format format;
    narrate_input_format input_format; /* AUTO: from each file's extension, else sniffed */
    int read_captions, read_image_alt;
    const char *voice;
    const char *engine;     /* --engine: espeak-ng or flite, or NULL */
    int rate, pitch, volume, workers;
    int quiet;
    const char *explain;      /* --explain TEXT */
    const char *lexicons[MAX_LEXICONS + 1]; /* --lexicon FILE..., NULL-terminated */
    int nlexicons;
    int no_display;           /* --no-display: play without the interactive player */
    int resume;               /* --resume: continue where this article was left */
    long start_sentence;      /* --start N (1-based); 0 when not given */
    const char *from_text;    /* --from TEXT */
    int key_sounds;           /* --key-sounds: the player confirms keys audibly */
    narrate_punctuation punctuation; /* --punctuation */
    narrate_capitals capitals;       /* --capitals */
    int spell;                /* --spell */
    char **inputs;            /* argv slice; "-" is standard input */
    int ninputs;
    podcast_cli podcast;      /* -O, --loudness, tags, transcripts, --feed */
} options;

/* Parses argv.  Returns EXIT_OK, or EXIT_USAGE after printing one line to stderr. */
int options_parse(int argc, char **argv, options *o);

void options_print_help(void);

/* Prints "narrate: " + fmt (with arg) + a pointer to --help on stderr; returns
 * EXIT_USAGE. */
int usage_error(const char *fmt, const char *arg);

/* Parses a whole decimal number in lo..hi into *out: 0, or -1 when it is not one. */
int parse_int(const char *arg, int lo, int hi, int *out);

#endif
