/* Where the player left each article: one small file per article under
 * $XDG_STATE_HOME/narrate/ (default ~/.local/state/narrate/), named by the
 * FNV-1a 64 hash of the article's bytes and holding "sentence N". */
#ifndef NARRATE_CLI_RESUME_H
#define NARRATE_CLI_RESUME_H

#include <stddef.h>
#include <stdint.h>

uint64_t resume_hash(const void *data, size_t len);

/* The file for `hash` into buf; -1 when no state folder can be named. */
int resume_path(uint64_t hash, char *buf, size_t size);

/* The saved sentence, or -1 when there is none (or it cannot be read). */
int resume_load(uint64_t hash, uint64_t *sentence);

/* Saves atomically (temporary file and rename), creating the folders; -1 on failure. */
int resume_save(uint64_t hash, uint64_t sentence);

/* Forgets the position, e.g. once the article has been heard to the end. */
void resume_forget(uint64_t hash);

#endif
