#include "podcast_feed_cmd.h"
#include "options.h"
#include "podcast_feed_writer.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { FEED_BASE_URL = 256, FEED_TITLE, FEED_DESCRIPTION, FEED_AUTHOR, FEED_COVER,
       FEED_LANGUAGE, FEED_CATEGORY };

static const struct option feed_options[] = {
    {"base-url", required_argument, 0, FEED_BASE_URL}, {"title", required_argument, 0, FEED_TITLE},
    {"description", required_argument, 0, FEED_DESCRIPTION},
    {"author", required_argument, 0, FEED_AUTHOR}, {"cover", required_argument, 0, FEED_COVER},
    {"image", required_argument, 0, FEED_COVER}, {"language", required_argument, 0, FEED_LANGUAGE},
    {"category", required_argument, 0, FEED_CATEGORY}, {"output", required_argument, 0, 'o'},
    {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
};

/* The field each string option fills, or NULL for the other codes. */
static const char **field_of(int c, struct feed_request *req)
{
    switch (c) {
    case FEED_BASE_URL: return &req->base_url;
    case FEED_TITLE: return &req->title;
    case FEED_DESCRIPTION: return &req->description;
    case FEED_AUTHOR: return &req->author;
    case FEED_COVER: return &req->cover;
    case FEED_LANGUAGE: return &req->language;
    case FEED_CATEGORY: return &req->category;
    case 'o': return &req->feed;
    default: return NULL;
    }
}

/* Fills req from argv: 0, EXIT_USAGE after printing one line why, or -1 for
 * --help.  getopt stays quiet so that an error is one line. */
static int parse(int argc, char **argv, struct feed_request *req, int *quiet)
{
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:qh", feed_options, NULL)) != -1) {
        const char **field = field_of(c, req);
        if (field)
            *field = optarg;
        else if (c == 'q')
            *quiet = 1;
        else if (c == 'h')
            return -1;
        else
            return usage_error("feed: bad or unknown option '%s'", argv[optind - 1]);
    }
    if (optind == argc)
        return usage_error("%s", "feed needs OUTDIR, the folder of episodes");
    if (optind + 1 < argc)
        return usage_error("feed takes one OUTDIR; '%s' is one too many", argv[optind + 1]);
    req->dir = argv[optind];
    if (!req->base_url || !*req->base_url)
        return usage_error("%s", "feed needs --base-url, where OUTDIR is published");
    return 0;
}

int podcast_feed_main(int argc, char **argv)
{
    struct feed_request req = {.need_episodes = 1};
    char path[PATH_MAX];
    struct stat st;
    int quiet = 0, rc = parse(argc, argv, &req, &quiet);
    if (rc < 0) {
        fputs(PODCAST_FEED_USAGE + 1, stdout);
        return EXIT_OK;
    }
    if (rc)
        return rc;
    if (stat(req.dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "narrate: feed: %s is not a folder of episodes\n", req.dir);
        return EXIT_INPUT;
    }
    if (!req.feed) {
        snprintf(path, sizeof path, "%s/feed.xml", req.dir);
        req.feed = path;
    }
    rc = podcast_write_feed(&req);
    if (rc == EXIT_OK && !quiet && !req.cover && !podcast_feed_has_cover(req.dir))
        fputs("narrate: warning: the feed has no cover; Apple Podcasts requires one "
              "(--cover IMAGE)\n", stderr);
    return rc;
}
