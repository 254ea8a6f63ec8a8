/* Lexicon files on disk: reading one, and the standard layer directories.
 * Owned by the lexicon module. */
#ifndef NARRATE_LEXICON_FILES_H
#define NARRATE_LEXICON_FILES_H

#include <stddef.h>

#include "lexicon_internal.h"

#define LEX_MAX_FILE_SIZE (16u << 20)

/* Reads a whole file (NUL-terminated, caller frees).  EOPEN with
 * "path: reason" when it cannot be read, EDATA when it is too large. */
narrate_error lex_read_file(const char *path, char **data, size_t *size, char *errmsg, size_t errmsg_size);
/* NARRATE_SYSCONFDIR/narrate and $XDG_CONFIG_HOME/narrate (or
 * $HOME/.config/narrate); -1 when there is none. */
int lex_system_dir(char *out, size_t cap);
int lex_user_dir(char *out, size_t cap);
/* Adds every *.lex and *.pls of dir in byte order of their names; a missing
 * directory adds nothing. */
narrate_error lex_add_dir(lexicon *lex, const char *dir, lexicon_layer layer, char *errmsg,
                          size_t errmsg_size);

#endif
