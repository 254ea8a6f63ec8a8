/* Internal: silences file descriptor 2 around calls into audio libraries that
 * print on their own (ALSA's configuration parser and plugins, the JACK client
 * library) and offer no per-call way to stop them.
 *
 * This is process-global: while quiet, whatever any thread writes to fd 2 is
 * lost, and a child spawned meanwhile inherits /dev/null as its stderr.  Keep the
 * windows short and around library calls only.  Not async-signal-safe.
 *
 * A window holds a process-wide lock (recursive), so that windows opened from
 * several threads at once never restore each other's descriptors, and the
 * audio libraries' set-up calls inside them (PortAudio's are not thread-safe)
 * run one at a time. */
#ifndef NARRATE_STDERR_QUIET_H
#define NARRATE_STDERR_QUIET_H

/* Points fd 2 at /dev/null.  Returns a token for stderr_quiet_end: a descriptor
 * holding the real stderr, or -1 when nothing was changed (fd 2 closed, or no
 * descriptor to spare). */
int stderr_quiet_begin(void);
/* Restores fd 2 from the token and releases it (-1: nothing to restore), and
 * ends the window: every begin is paired with one end. */
void stderr_quiet_end(int token);

#endif
