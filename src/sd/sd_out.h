/* What sd_narrate writes: protocol replies and events on standard output, one
 * writer at a time, and its log on standard error (speech-dispatcher keeps it in
 * the module's log file).
 *
 * Every function here may be called from any thread: a whole reply or event is
 * written under one lock, so lines of the command reader and of the speaking
 * thread never interleave.  Output errors are ignored: when the server has gone,
 * the next read of standard input ends the module. */
#ifndef SD_OUT_H
#define SD_OUT_H

#include <stddef.h>
#include <stdint.h>

/* Writes `line` and a newline, e.g. "200 OK SPEAKING". */
void sd_out_line(const char *line);

/* Writes a multi-line reply: "CODE-item" for each of `items` (with any newline
 * in an item replaced by a space), then "CODE final". */
void sd_out_list(int code, const char *const *items, size_t count, const char *final);

/* The events: 701 BEGIN, 702 END, 703 STOP, 704 PAUSE. */
void sd_out_event(int code);

/* 700 INDEX MARK with `name` (a newline in it is written as a space). */
void sd_out_mark(const char *name);

/* 705 AUDIO: `count` mono int16 samples at `rate` Hz for the server to play. */
void sd_out_audio(const int16_t *samples, size_t count, int rate);

/* Log verbosity, 0 (nothing) .. 5 (everything); messages above it are dropped. */
void sd_log_set_level(int level);
void sd_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
