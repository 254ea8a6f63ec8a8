/* Keys the player understands, decoded from what a terminal sends in raw mode
 * (xterm, tmux, screen, the Linux console and ssh all send these sequences). */
#ifndef NARRATE_CLI_PLAYER_KEYS_H
#define NARRATE_CLI_PLAYER_KEYS_H

#include <stddef.h>

enum player_key {
    KEY_NONE, KEY_PAUSE, KEY_PREV, KEY_NEXT, KEY_PREV_PARAGRAPH, KEY_NEXT_PARAGRAPH,
    KEY_FASTER, KEY_SLOWER, KEY_VOICE_PREV, KEY_VOICE_NEXT, KEY_REPEAT, KEY_QUIT, KEY_HELP,
    KEY_OTHER
};

/* Decodes the first key in buf[0..len).  Returns the bytes it takes (then *key
 * is set; KEY_OTHER for anything unknown), or 0 when buf holds only the start of
 * an escape sequence and more bytes should be waited for. */
size_t key_decode(const char *buf, size_t len, enum player_key *key);

/* A short English name for the help screen and audible feedback. */
const char *key_action_name(enum player_key key);

#endif
