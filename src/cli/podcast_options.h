/* The CLI's podcast options (-O, --loudness, tags, transcripts, --feed), parsed
 * for options.c, which lists PODCAST_LONG_OPTIONS in its table and hands any
 * option code it does not know to podcast_cli_option(). */
#ifndef NARRATE_CLI_PODCAST_OPTIONS_H
#define NARRATE_CLI_PODCAST_OPTIONS_H

enum {
    OPT_LOUDNESS = 0x1000, OPT_BITRATE, OPT_VBR, OPT_TITLE, OPT_AUTHOR, OPT_SHOW, OPT_DATE,
    OPT_DESCRIPTION, OPT_COVER, OPT_SUBTITLES, OPT_MARKS, OPT_CHAPTERS, OPT_JOBS, OPT_FEED,
    OPT_BASE_URL, OPT_OUTDIR = 'O',
};

#define PODCAST_SHORT_OPTIONS "O:"
#define PODCAST_LONG_OPTIONS                                                                   \
    {"loudness", required_argument, 0, OPT_LOUDNESS},                                          \
    {"bitrate", required_argument, 0, OPT_BITRATE}, {"vbr", optional_argument, 0, OPT_VBR},  \
    {"title", required_argument, 0, OPT_TITLE}, {"author", required_argument, 0, OPT_AUTHOR}, \
    {"show", required_argument, 0, OPT_SHOW}, {"date", required_argument, 0, OPT_DATE},       \
    {"description", required_argument, 0, OPT_DESCRIPTION},                                    \
    {"cover", required_argument, 0, OPT_COVER},                                                \
    {"subtitles", required_argument, 0, OPT_SUBTITLES},                                        \
    {"marks", required_argument, 0, OPT_MARKS}, {"chapters", required_argument, 0, OPT_CHAPTERS}, \
    {"output-dir", required_argument, 0, OPT_OUTDIR}, {"jobs", required_argument, 0, OPT_JOBS}, \
    {"feed", required_argument, 0, OPT_FEED}, {"base-url", required_argument, 0, OPT_BASE_URL},

#define PODCAST_USAGE                                                                          \
    "\n"                                                                                       \
    "Podcast episodes:\n"                                                                      \
    "      --loudness LUFS  normalize to LUFS integrated loudness with true peaks\n"           \
    "                       at most -1 dBTP; off keeps the engine's level (default:\n"        \
    "                       -16 for .mp3, off for the other formats)\n"                       \
    "      --bitrate KBPS   MP3 constant bitrate, 56-320 (default 64; 44.1 kHz mono)\n"       \
    "      --vbr[=Q]        MP3 variable bitrate, quality 0 (best) to 9 (default 5)\n"       \
    "      --title, --author, --show, --date, --description TEXT\n"                           \
    "                       ID3 tags (title, artist, album, date, comment); title,\n"         \
    "                       author and date default to the article's\n"                       \
    "      --cover IMAGE    a JPEG or PNG cover for the MP3\n"                              \
    "      --subtitles FILE.vtt|FILE.srt   one cue per sentence\n"                            \
    "      --marks FILE.json               word timings with byte offsets into the input\n"  \
    "      --chapters FILE.json            Podcasting 2.0 chapters from the headings\n"       \
    "  -O, --output-dir DIR write one episode per FILE (or per article in a folder)\n"       \
    "                       into DIR as NAME.mp3, NAME.vtt, NAME.marks.json and\n"          \
    "                       NAME.chapters.json, NAME from the title; episodes newer\n"      \
    "                       than their article are skipped, so a stopped run resumes\n"     \
    "      --jobs N         with -O: articles made at once, 1-16 (default: cores / 2),\n"  \
    "                       sharing the cores between their synthesis workers\n"           \
    "      --feed FILE.xml  with -O: write an RSS podcast feed of every episode in DIR\n"  \
    "      --base-url URL   where DIR is published; needed by --feed\n"

typedef struct podcast_cli {
    int loudness_given;       /* --loudness was given */
    double loudness;          /* NARRATE_LOUDNESS_OFF for "off" */
    int bitrate, vbr_quality; /* 0 and -1 when not given */
    const char *title, *author, *show, *date, *description, *cover;
    const char *subtitles, *marks, *chapters;
    const char *outdir, *feed, *base_url;
    int jobs;                 /* 0: cores / 2 */
} podcast_cli;

void podcast_cli_init(podcast_cli *pc);

/* Takes option c with its argument.  Returns 0, or 2 (EXIT_USAGE) after
 * printing why, also for a code that is not a podcast option. */
int podcast_cli_option(int c, const char *arg, podcast_cli *pc);

/* Checks the combination once all options are read; `output` is -o's value.
 * Returns 0 or 2 after printing why. */
int podcast_cli_check(const podcast_cli *pc, const char *output);

#endif
