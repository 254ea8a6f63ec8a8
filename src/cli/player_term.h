/* The terminal while the player runs: raw input (no echo, no line editing;
 * Ctrl-C and Ctrl-Z still raise signals), the alternate screen, a hidden
 * cursor, and the signals that must give the terminal back.
 *
 * State lives in this file's statics because signal handlers need it.  After
 * term_enter, the terminal is restored by term_leave, and also when the
 * process is stopped (SIGTSTP: restored, stopped, raw again on SIGCONT with a
 * redraw asked for) or crashes (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT:
 * restored, then the signal is raised again with its default action).
 * SIGINT, SIGTERM and SIGHUP are left to the caller, which ends the loop and
 * calls term_leave. */
#ifndef NARRATE_CLI_PLAYER_TERM_H
#define NARRATE_CLI_PLAYER_TERM_H

/* Returns -1 when stdin or stdout is not a terminal or its mode cannot be set. */
int term_enter(void);
void term_leave(void);

/* Nonzero once after a resize or a return from the background. */
int term_take_redraw(void);

/* The window's size; 80x24 when unknown. */
void term_size(int *width, int *height);

#endif
