#include "podcast_options.h"
#include "narrate.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void podcast_cli_init(podcast_cli *pc)
{
    memset(pc, 0, sizeof *pc);
    pc->vbr_quality = -1;
}



static int take_loudness(const char *arg, podcast_cli *pc)
{
    char *end;
    pc->loudness_given = 1;
    if (strcasecmp(arg, "off") == 0) {
        pc->loudness = NARRATE_LOUDNESS_OFF;
        return 0;
    }
    pc->loudness = strtod(arg, &end);
    if (!*arg || *end || !(pc->loudness >= -70 && pc->loudness <= -5))
        return usage_error("--loudness takes LUFS from -70 to -5, or off, not '%s'", arg);
    return 0;
}

static int take_text(int c, const char *arg, podcast_cli *pc)
{
    const char **fields[] = {&pc->title, &pc->author, &pc->show, &pc->date, &pc->description,
                             &pc->cover, &pc->subtitles, &pc->marks, &pc->chapters,
                             &pc->feed, &pc->base_url};
    static const int codes[] = {OPT_TITLE, OPT_AUTHOR, OPT_SHOW, OPT_DATE, OPT_DESCRIPTION,
                                OPT_COVER, OPT_SUBTITLES, OPT_MARKS, OPT_CHAPTERS,
                                OPT_FEED, OPT_BASE_URL};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i] == c) {
            *fields[i] = arg;
            return 0;
        }
    return EXIT_USAGE; /* getopt has printed why */
}

int podcast_cli_option(int c, const char *arg, podcast_cli *pc)
{
    switch (c) {
    case OPT_LOUDNESS: return take_loudness(arg, pc);
    case OPT_BITRATE:
        return parse_int(arg, 56, 320, &pc->bitrate) ? usage_error("--bitrate takes 56-320 kbps, not '%s'", arg) : 0;
    case OPT_VBR:
        pc->vbr_quality = 5;
        return arg && parse_int(arg, 0, 9, &pc->vbr_quality) ? usage_error("--vbr takes a quality 0-9, not '%s'", arg) : 0;
    case OPT_JOBS:
        return parse_int(arg, 1, 16, &pc->jobs) ? usage_error("--jobs takes 1-16, not '%s'", arg) : 0;
    case OPT_OUTDIR: pc->outdir = arg; return 0;
    default: return take_text(c, arg, pc);
    }
}

static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

int podcast_cli_check(const podcast_cli *pc, const char *output)
{
    if (pc->subtitles && !has_extension(pc->subtitles, ".vtt") && !has_extension(pc->subtitles, ".srt"))
        return usage_error("--subtitles names a .vtt or .srt file, not '%s'", pc->subtitles);
    if (pc->outdir && output)
        return usage_error("%s", "-O writes one file per input; it does not take -o");
    if (pc->outdir && (pc->subtitles || pc->marks || pc->chapters))
        return usage_error("%s", "-O writes subtitles, marks and chapters beside each episode by itself");
    if ((pc->feed || pc->jobs) && !pc->outdir)
        return usage_error("%s", "--feed and --jobs work with -O DIR");
    if (pc->feed && !pc->base_url)
        return usage_error("%s", "--feed needs --base-url, where the episodes are published");
    if (!output && !pc->outdir && (pc->subtitles || pc->marks || pc->chapters))
        return usage_error("%s", "--subtitles, --marks and --chapters time a file: add -o FILE");
    return 0;
}
