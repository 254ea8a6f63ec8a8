#include "options.h"
#include "podcast_options.h"
#include "podcast_feed_cmd.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: narrate [OPTION]... [FILE]...\n"
    "   or: narrate feed OUTDIR --base-url URL [OPTION]...\n"
    "Read articles aloud.  With no FILE, or when FILE is -, read standard input.\n"
    "Several files are read one after another.\n"
    "\n"
    "  -o, --output FILE    write audio to FILE instead of playing it; the format\n"
    "                       comes from the extension (.wav .flac .ogg .opus .mp3);\n"
    "                       - writes WAV to standard output\n"
    "  -f, --format FMT     wav, flac, ogg, opus or mp3, whatever the extension\n"
    "  -i, --input-format F text, html or markdown; by default from each file's\n"
    "                       extension (.html .htm .md .markdown), else sniffed\n"
    "      --captions       also read figure captions and photo credits\n"
    "      --image-alt      read images' alt text\n"
    "      --spoken         print the text as it will be spoken, one sentence per\n"
    "                       line, and synthesize nothing\n"
    "      --phonemes       print the espeak-ng phonemes that would be synthesized,\n"
    "                       one sentence per line (the notation of espeak-ng -x)\n"
    "  -v, --voice NAME     a preset (news, podcast, fast, screenreader; default\n"
    "                       news) or a voice: en-us (espeak-ng), flite:slt (Flite);\n"
    "                       see --list-voices\n"
    "      --engine NAME    espeak-ng or flite: the engine that speaks --voice (a\n"
    "                       preset keeps its prosody; the engine's default voice)\n"
    "  -r, --rate WPM       speaking rate, 80-450 words per minute (default: the\n"
    "                       preset's; news reads at 175)\n"
    "  -p, --pitch N        pitch, 0-100 (default: the preset's)\n"
    "  -a, --volume N       volume, 0-200 (default: the preset's)\n"
    "  -j, --workers N      synthesis processes, 1-16 (default: one per core)\n"
    "      --punctuation L  none, some or all: which punctuation marks and symbols\n"
    "                       are said by name (default none: heard as pauses)\n"
    "      --capitals M     none, pitch or word: a capital letter read as a letter\n"
    "                       is said higher, or after the word \"capital\"\n"
    "      --spell          read character by character\n"
    "      --lexicon FILE   a pronunciation lexicon (.lex or W3C .pls) over the\n"
    "                       built-in, system and user ones; repeatable\n"
    "      --explain TEXT   show, for each word of TEXT, the rule and lexicon entry\n"
    "                       that decide its reading, and its phonemes\n"
    "      --list-voices    list the voices and exit\n"
    "\n"
    "At a terminal, one FILE plays interactively: space pauses, left/right move\n"
    "by sentence, up/down by paragraph, + and - change the rate, [ and ] the\n"
    "voice preset, r repeats, q quits, ? shows the keys.  The place is\n"
    "remembered per article (in $XDG_STATE_HOME/narrate/).\n"
    "      --no-display     play without the interactive display and keys\n"
    "      --resume         continue where this article was left\n"
    "      --start N        start at sentence N\n"
    "      --from TEXT      start at the first sentence containing TEXT\n"
    "      --key-sounds     confirm each key with the terminal's bell\n"
    "  -q, --quiet          print no warnings\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n"
    PODCAST_USAGE
    PODCAST_FEED_USAGE
    "\n"
    "Exit status:\n"
    "  0    success\n"
    "  1    synthesis or internal failure\n"
    "  2    bad option or value\n"
    "  3    an input, lexicon or preset file could not be read or is malformed\n"
    "  4    the output could not be written (an existing file is left untouched)\n"
    "  5    no audio device to play on (use -o FILE)\n"
    "  6    no such voice\n"
    "  130  interrupted by Ctrl-C (128 + signal number for other signals)\n";

void options_print_help(void)
{
    fputs(usage_text, stdout);
}

int usage_error(const char *fmt, const char *arg)
{
    fputs("narrate: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see narrate --help)\n", stderr);
    return EXIT_USAGE;
}

int parse_int(const char *arg, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*arg == '\0' || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

enum {
    OPT_SPOKEN = 256, OPT_PHONEMES, OPT_LIST_VOICES, OPT_CAPTIONS, OPT_IMAGE_ALT, OPT_LEXICON,
    OPT_EXPLAIN, OPT_ENGINE, OPT_NO_DISPLAY, OPT_RESUME, OPT_START, OPT_FROM, OPT_KEY_SOUNDS,
    OPT_PUNCTUATION, OPT_CAPITALS, OPT_SPELL
};

static const struct option long_options[] = {
    {"output", required_argument, 0, 'o'},   {"format", required_argument, 0, 'f'},
    {"input-format", required_argument, 0, 'i'}, {"captions", no_argument, 0, OPT_CAPTIONS},
    {"image-alt", no_argument, 0, OPT_IMAGE_ALT},
    {"lexicon", required_argument, 0, OPT_LEXICON}, {"explain", required_argument, 0, OPT_EXPLAIN},
    {"spoken", no_argument, 0, OPT_SPOKEN},  {"phonemes", no_argument, 0, OPT_PHONEMES},
    {"voice", required_argument, 0, 'v'},    {"engine", required_argument, 0, OPT_ENGINE},    {"rate", required_argument, 0, 'r'},
    {"pitch", required_argument, 0, 'p'},    {"volume", required_argument, 0, 'a'},
    {"workers", required_argument, 0, 'j'},  {"list-voices", no_argument, 0, OPT_LIST_VOICES},
    {"quiet", no_argument, 0, 'q'},          {"help", no_argument, 0, 'h'},
    {"version", no_argument, 0, 'V'},
    {"no-display", no_argument, 0, OPT_NO_DISPLAY}, {"resume", no_argument, 0, OPT_RESUME},
    {"start", required_argument, 0, OPT_START}, {"from", required_argument, 0, OPT_FROM},
    {"key-sounds", no_argument, 0, OPT_KEY_SOUNDS},
    {"punctuation", required_argument, 0, OPT_PUNCTUATION},
    {"capitals", required_argument, 0, OPT_CAPITALS}, {"spell", no_argument, 0, OPT_SPELL},
    PODCAST_LONG_OPTIONS
    {0, 0, 0, 0},
};

static int take_number(int c, const char *arg, options *o)
{
    switch (c) {
    case 'r': return parse_int(arg, 80, 450, &o->rate) ? usage_error("--rate takes 80-450, not '%s'", arg) : 0;
    case 'p': return parse_int(arg, 0, 100, &o->pitch) ? usage_error("--pitch takes 0-100, not '%s'", arg) : 0;
    case 'a': return parse_int(arg, 0, 200, &o->volume) ? usage_error("--volume takes 0-200, not '%s'", arg) : 0;
    default: return parse_int(arg, 1, 16, &o->workers) ? usage_error("--workers takes 1-16, not '%s'", arg) : 0;
    }
}

/* The index of arg in the NULL-terminated names, or -1. */
static int name_index(const char *arg, const char *const *names)
{
    for (int k = 0; names[k]; k++)
        if (strcmp(arg, names[k]) == 0)
            return k;
    return -1;
}

/* --punctuation none|some|all, --capitals none|pitch|word, --spell. */
static int take_reading(int c, const char *arg, options *o)
{
    static const char *const punctuation[] = {"none", "some", "all", NULL};
    static const char *const capitals[] = {"none", "pitch", "word", NULL};
    int k;
    switch (c) {
    case OPT_PUNCTUATION:
        if ((k = name_index(arg, punctuation)) < 0)
            return usage_error("--punctuation takes none, some or all, not '%s'", arg);
        o->punctuation = (narrate_punctuation)k;
        return 0;
    case OPT_CAPITALS:
        if ((k = name_index(arg, capitals)) < 0)
            return usage_error("--capitals takes none, pitch or word, not '%s'", arg);
        o->capitals = (narrate_capitals)k;
        return 0;
    default:
        o->spell = 1;
        return 0;
    }
}

static int take_option(int c, const char *arg, options *o)
{
    switch (c) {
    case 'o': o->output = arg; return 0;
    case 'f':
        o->format = narrate_format_from_name(arg);
        return o->format == NARRATE_FORMAT_AUTO ? usage_error("unknown format '%s'", arg) : 0;
    case 'i':
        o->input_format = narrate_input_format_from_name(arg);
        return o->input_format == NARRATE_INPUT_AUTO ? usage_error("unknown input format '%s'", arg) : 0;
    case OPT_CAPTIONS: o->read_captions = 1; return 0;
    case OPT_LEXICON:
        if (o->nlexicons == MAX_LEXICONS)
            return usage_error("at most %s lexicons", "16");
        o->lexicons[o->nlexicons++] = arg;
        return 0;
    case OPT_EXPLAIN: o->mode = MODE_EXPLAIN; o->explain = arg; return 0;
    case OPT_IMAGE_ALT: o->read_image_alt = 1; return 0;
    case OPT_NO_DISPLAY: o->no_display = 1; return 0;
    case OPT_RESUME: o->resume = 1; return 0;
    case OPT_KEY_SOUNDS: o->key_sounds = 1; return 0;
    case OPT_FROM: o->from_text = arg; return 0;
    case OPT_START: {
        int n;
        if (parse_int(arg, 1, 1000000000, &n))
            return usage_error("--start takes a sentence number from 1, not '%s'", arg);
        o->start_sentence = n;
        return 0;
    }
    case 'v': o->voice = arg; return 0;
    case OPT_ENGINE:
        o->engine = arg;
        return strcmp(arg, "espeak-ng") && strcmp(arg, "flite") ? usage_error("--engine is espeak-ng or flite, not '%s'", arg) : 0;
    case 'r': case 'p': case 'a': case 'j': return take_number(c, arg, o);
    case OPT_PUNCTUATION: case OPT_CAPITALS: case OPT_SPELL: return take_reading(c, arg, o);
    case 'q': o->quiet = 1; return 0;
    case OPT_SPOKEN: o->mode = MODE_SPOKEN; return 0;
    case OPT_PHONEMES: o->mode = MODE_PHONEMES; return 0;
    case OPT_LIST_VOICES: o->mode = MODE_LIST_VOICES; return 0;
    case 'h': o->mode = MODE_HELP; return 0;
    case 'V': o->mode = MODE_VERSION; return 0;
    default: return podcast_cli_option(c, arg, &o->podcast);
    }
}

int options_parse(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->pitch = o->volume = -1;
    podcast_cli_init(&o->podcast);
    int c;
    opterr = 1;
    while ((c = getopt_long(argc, argv, "o:f:i:v:r:p:a:j:qhV" PODCAST_SHORT_OPTIONS, long_options, NULL)) != -1) {
        int rc = take_option(c, optarg, o);
        if (rc != 0) {
            if (c == '?')
                fputs("narrate: see narrate --help\n", stderr);
            return EXIT_USAGE;
        }
    }
    if (o->output && (o->mode == MODE_SPOKEN || o->mode == MODE_PHONEMES))
        return usage_error("%s prints text; it does not take -o", o->mode == MODE_SPOKEN ? "--spoken" : "--phonemes");
    o->inputs = argv + optind;
    o->ninputs = argc - optind;
    return podcast_cli_check(&o->podcast, o->output);
}
