/* What sd_narrate reads: the server's commands on standard input, one per
 * line, some followed by a block of lines ended by a line holding a single dot.
 * Only the command reader (the main thread) calls these. */
#ifndef SD_IN_H
#define SD_IN_H

/* The next line without its newline, in a malloc'ed string the caller frees;
 * NULL at end of input or when memory runs out. */
char *sd_in_line(void);

/* The lines up to the lone "." joined with '\n' (the dot line not included; a
 * line that starts with ".." loses one dot, as the server doubles it), in a
 * malloc'ed string the caller frees; NULL at end of input or out of memory
 * (the block is still read to its end). */
char *sd_in_block(void);

/* Calls fn(userdata, line) for each line up to the lone "."; returns 0, or -1
 * at end of input. */
int sd_in_each_line(void (*fn)(void *userdata, const char *line), void *userdata);

#endif
