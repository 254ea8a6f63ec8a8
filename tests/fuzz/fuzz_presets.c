/* libFuzzer target for the voice preset parser: any bytes either parse into
 * values inside their documented ranges or fail with a "file:line: " message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "presets.h"

static int in(int v, int lo, int hi)
{
    return v >= lo && v <= hi;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    voice_preset p;
    preset_defaults(&p, "fuzz");
    char msg[256] = "";
    narrate_error err = preset_parse(text, "fuzz.ini", &p, msg, sizeof msg);
    if (err == NARRATE_OK) {
        if (!in(p.rate, 80, 450) || !in(p.pitch, 0, 100) || !in(p.range, 0, 100) ||
            !in(p.volume, 0, 200) || !in(p.paragraph_pause_ms, 0, 5000) ||
            !in(p.quote_pitch, 0, 100) || !(p.heading_rate == 0 || in(p.heading_rate, 80, 450)) ||
            memchr(p.voice, '\0', sizeof p.voice) == NULL)
            __builtin_trap();
    } else if (err != NARRATE_EDATA || strncmp(msg, "fuzz.ini:", 9) != 0) {
        __builtin_trap();
    }
    free(text);
    return 0;
}
