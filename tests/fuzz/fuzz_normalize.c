/* libFuzzer target for the splitter and normalizer.  The input is fed in chunks
 * whose sizes come from the input itself, through norm_split() exactly as the
 * streaming library does, and every sentence through norm_sentence_read() with
 * a reading (punctuation level, capitals, spell) chosen by the first byte and
 * one scratch kept across all inputs, as the library keeps one across sentences.
 * Output invariants are checked with __builtin_trap(). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "norm_unicode.h"
#include "normalize.h"

static void check(const norm_sentence *s, size_t srclen)
{
    const unsigned char *t = (const unsigned char *)s->text;
    if (s->len && !t)
        __builtin_trap();
    for (size_t i = 0; i < s->len;) {
        uint32_t cp;
        size_t n = utf8_decode(t + i, s->len - i, &cp);
        if (n == 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            __builtin_trap();
        if (cp == '.' && i + 1 != s->len)
            __builtin_trap();
        i += n;
    }
    if (s->len && (strstr(s->text, "[[") || strstr(s->text, "s's's'")))
        __builtin_trap();
    for (size_t i = 0; i < s->nwords; i++) {
        const norm_word *w = &s->words[i];
        if (w->out_off + w->out_len > s->len || w->src_off + w->src_len > srclen)
            __builtin_trap();
    }
}

static norm_scratch *scratch;

static size_t feed(const norm_data *d, const norm_reading *r, const char *buf, size_t have,
                   int at_end, norm_sentence *s)
{
    size_t used = 0, n;
    while (used < have && (n = norm_split(d, buf + used, have - used, at_end)) > 0) {
        if (n > have - used || (n > NORM_SENTENCE_MAX_BYTES + 64))
            __builtin_trap();
        if (norm_sentence_read(d, r, scratch, buf + used, n, s) != NARRATE_OK)
            __builtin_trap();
        check(s, n);
        used += n;
    }
    if (at_end && used != have)
        __builtin_trap();
    if (!at_end && have - used >= NORM_SENTENCE_MAX_BYTES)
        __builtin_trap();
    return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static norm_data *d;
    if (!d && norm_data_load(&d, NULL, 0) != NARRATE_OK)
        __builtin_trap();
    if (!scratch && !(scratch = norm_scratch_new()))
        __builtin_trap();
    if (size < 1)
        return 0;
    unsigned seed = data[0];
    norm_reading r = {(narrate_punctuation)(seed % 3), (narrate_capitals)(seed / 3 % 3),
                      seed / 9 % 2};
    const char *text = (const char *)data + 1;
    size_t len = size - 1, start = 0, have = 0;
    norm_sentence s = {0};
    while (have < len) {
        seed = seed * 1103515245u + 12345u;
        size_t chunk = 1 + (seed >> 16) % 97;
        have = have + chunk < len ? have + chunk : len;
        start += feed(d, &r, text + start, have - start, 0, &s);
    }
    feed(d, &r, text + start, len - start, 1, &s);
    norm_sentence_free(&s);
    return 0;
}
