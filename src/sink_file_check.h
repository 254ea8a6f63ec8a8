/* Internal: the check a finished file passes before it replaces its target. */
#ifndef NARRATE_SINK_FILE_CHECK_H
#define NARRATE_SINK_FILE_CHECK_H

#include "sink.h"

#include <sndfile.h>

/* Decodes the whole file at tmp_path with libsndfile and compares it with what was
 * written: mono, `rate` Hz, and `frames` frames within the codec's padding
 * tolerance.  On a mismatch returns EWRITE with a message in s->errmsg naming
 * `target`.  A decoded count, not the header's, is what is trusted: encoders
 * have written complete-looking headers over truncated data. */
narrate_error sink_file_check(narrate_sink *s, const char *tmp_path, const char *target,
                              narrate_format format, int rate, sf_count_t frames);

/* Frames a decoder may return beyond or short of what was encoded, for format. */
sf_count_t sink_file_tolerance(narrate_format format, int rate);

#endif
