#include "player_keys.h"

static enum player_key plain_key(unsigned char c)
{
    switch (c) {
    case ' ': case 'p': return KEY_PAUSE;
    case '+': case '=': return KEY_FASTER;
    case '-': case '_': return KEY_SLOWER;
    case '[': return KEY_VOICE_PREV;
    case ']': return KEY_VOICE_NEXT;
    case 'r': return KEY_REPEAT;
    case 'q': case 'Q': return KEY_QUIT;
    case '?': case 'h': return KEY_HELP;
    default: return KEY_OTHER;
    }
}

static enum player_key arrow(unsigned char c)
{
    switch (c) {
    case 'A': return KEY_PREV_PARAGRAPH;
    case 'B': return KEY_NEXT_PARAGRAPH;
    case 'C': return KEY_NEXT;
    case 'D': return KEY_PREV;
    default: return KEY_OTHER;
    }
}

/* ESC [ params final, or ESC O final: arrows with or without modifiers
 * ("\033[1;5C" counts as →).  Returns the length, or 0 when incomplete. */
static size_t escape_sequence(const char *buf, size_t len, enum player_key *key)
{
    if (len < 2)
        return 0;
    if (buf[1] != '[' && buf[1] != 'O') {
        *key = KEY_OTHER;
        return 1;
    }
    for (size_t i = 2; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c >= 0x40 && c <= 0x7e) {
            *key = arrow(c);
            return i + 1;
        }
        if (c < 0x20 || i > 16) {
            *key = KEY_OTHER;
            return i;
        }
    }
    return 0;
}

size_t key_decode(const char *buf, size_t len, enum player_key *key)
{
    *key = KEY_NONE;
    if (len == 0)
        return 0;
    if (buf[0] == '\033')
        return escape_sequence(buf, len, key);
    *key = plain_key((unsigned char)buf[0]);
    return 1;
}

const char *key_action_name(enum player_key key)
{
    switch (key) {
    case KEY_PAUSE: return "pause or resume";
    case KEY_PREV: return "previous sentence";
    case KEY_NEXT: return "next sentence";
    case KEY_PREV_PARAGRAPH: return "previous paragraph or heading";
    case KEY_NEXT_PARAGRAPH: return "next paragraph or heading";
    case KEY_FASTER: return "faster by 10%";
    case KEY_SLOWER: return "slower by 10%";
    case KEY_VOICE_PREV: return "previous voice preset";
    case KEY_VOICE_NEXT: return "next voice preset";
    case KEY_REPEAT: return "repeat the sentence";
    case KEY_QUIT: return "quit (the place is remembered)";
    case KEY_HELP: return "show or hide these keys";
    default: return "";
    }
}
