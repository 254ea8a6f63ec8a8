/* What the CLI's modes (file or speakers, the interactive player, podcast
 * batches) share: the narrator the options ask for, an input's format, and the
 * exit code a library error stands for. */
#ifndef NARRATE_CLI_COMMON_H
#define NARRATE_CLI_COMMON_H

#include <stddef.h>

#include "narrate.h"
#include "options.h"

/* Fills config from the options: voice (with --engine), prosody, workers,
 * reading options and lexicons.  voice_buf (voice_size bytes) holds the voice
 * name when --engine composes one, so it must outlive config.  Callbacks, mode
 * and input format are left for the caller. */
void cli_config_from_options(narrate_config *config, const options *o, const char *worker_path,
                             char *voice_buf, size_t voice_size);

/* The format named by --input-format, else by the file's extension, else AUTO. */
narrate_input_format cli_input_format_of(const options *o, const char *path);

/* The exit code for a library error; `signal` is the one that interrupted us, if any. */
int cli_exit_code_for(narrate_error err, int signal);

/* The exit code for a failed narrate_new: a lexicon or preset file that cannot
 * be read or is malformed is bad input. */
int cli_exit_code_for_setup(narrate_error err);

/* Routes SIGINT, SIGTERM and SIGHUP to handler, without SA_RESTART so that a
 * blocked read returns, and ignores SIGPIPE and SIGXFSZ (a file-size limit then
 * becomes EFBIG, and the old file stays). */
void cli_catch_signals(void (*handler)(int));

/* The worker beside this executable when run from a build tree, else NULL (the
 * library then uses $NARRATE_WORKER or the installed one).  buf holds the path. */
const char *cli_worker_beside_executable(char *buf, size_t size);

#endif
