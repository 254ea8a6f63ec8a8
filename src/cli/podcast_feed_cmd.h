/* `narrate feed OUTDIR [OPTION]...`: the RSS podcast feed of the episodes
 * already in OUTDIR, without narrating anything. */
#ifndef NARRATE_CLI_PODCAST_FEED_CMD_H
#define NARRATE_CLI_PODCAST_FEED_CMD_H

/* The subcommand's usage, also part of narrate --help. */
#define PODCAST_FEED_USAGE                                                                     \
    "\n"                                                                                       \
    "usage: narrate feed OUTDIR --base-url URL [OPTION]...\n"                                 \
    "Write an RSS 2.0 podcast feed of the episodes (*.mp3) already in OUTDIR, from\n"        \
    "their ID3 tags, linking each one's NAME.vtt and NAME.chapters.json; guids come\n"      \
    "from the file names, so re-running updates the feed and keeps them.\n"                  \
    "      --base-url URL   where OUTDIR is published (required)\n"                          \
    "      --title TEXT     the show's title (default: the newest episode's --show,\n"      \
    "                       else OUTDIR's name)\n"                                             \
    "      --description TEXT, --author TEXT   the show's description and author\n"        \
    "      --cover IMAGE, --image IMAGE   a JPEG or PNG, copied into OUTDIR as\n"         \
    "                       cover.jpg or cover.png (default: one already there)\n"          \
    "      --language CODE  the feed's language (default en)\n"                             \
    "      --category NAME  an Apple Podcasts category (default News)\n"                    \
    "  -o, --output FILE    the feed (default OUTDIR/feed.xml)\n"                           \
    "  -q, --quiet          no warning when there is no cover\n"                            \
    "Exit status 2 for a bad or missing option (OUTDIR, --base-url); 3 when OUTDIR\n"     \
    "cannot be read or holds no episode; 4 when the feed cannot be written.\n"

/* argv[0] is "feed".  Returns the exit status after printing any error. */
int podcast_feed_main(int argc, char **argv);

#endif
