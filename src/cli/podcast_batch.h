/* narrate -O DIR: one episode per article, several at once, skipping those
 * already up to date, then optionally the feed. */
#ifndef NARRATE_CLI_PODCAST_BATCH_H
#define NARRATE_CLI_PODCAST_BATCH_H

#include "options.h"

/* Runs the batch and prints its summary; worker_path is narrate_config's. returns the exit code (0, 1 when any
 * article failed, 2 for bad arguments, 4 when the folder or feed cannot be
 * written, 128 + signal when interrupted). */
int podcast_batch_main(const options *o, const char *worker_path);

#endif
