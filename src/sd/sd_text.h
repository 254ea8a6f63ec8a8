/* The SSML narrate is given for each kind of job. */
#ifndef SD_TEXT_H
#define SD_TEXT_H

#include "sd_speaker.h"

/* A malloc'ed SSML document for `text` of kind `kind`, or NULL when memory runs
 * out.  TEXT is already SSML and is passed through; CHAR is spelled; KEY reads
 * the key name with its '_' and '-' as spaces ("shift_a" -> "shift a"); ICON is
 * an empty document (narrate has no sound icons). */
char *sd_text_to_ssml(sd_job_kind kind, const char *text);

#endif
