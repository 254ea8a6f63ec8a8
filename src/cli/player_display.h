/* The player's screen, rendered to a string of plain ANSI escapes: the caller
 * writes it at once, so that a frame is never half drawn.  Pure: no terminal
 * access, so that layout and wrapping can be tested.
 *
 * Every line is cut to the width (counted in UTF-8 code points) and ends with
 * "erase to end of line"; the frame starts at the top left and erases below
 * itself, so a smaller window never keeps stale text.  The current word is in
 * reverse video and between "[" and "]", so it does not depend on colour. */
#ifndef NARRATE_CLI_PLAYER_DISPLAY_H
#define NARRATE_CLI_PLAYER_DISPLAY_H

#include <stddef.h>

struct display_state {
    int width, height;        /* the terminal's size */
    const char *title;        /* the article's title or file name; may be NULL */
    const char *heading;      /* the heading the sentence is under; may be NULL */
    const char *sentence;     /* spoken text of the current sentence; may be NULL */
    size_t word_offset, word_length; /* the current word's bytes in sentence; length 0: none */
    size_t index, count;      /* sentence index+1 of count */
    double elapsed, total;    /* seconds, estimated */
    int rate;                 /* words per minute */
    const char *voice;        /* preset name */
    int paused, finished, help;
    const char *message;      /* a warning or confirmation; may be NULL */
};

/* Renders into out[0..size) and returns the length written (NUL-terminated);
 * a frame that does not fit is cut short at a line boundary. */
size_t display_render(const struct display_state *st, char *out, size_t size);

/* Number of code points in s[0..len): the columns the display counts. */
size_t display_columns(const char *s, size_t len);

#endif
