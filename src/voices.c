/* narrate_list_voices: asks a worker for espeak-ng's voice list, so that the
 * engine never runs in the caller's process. */
#include <string.h>

#include "narrate_internal.h"

typedef struct voice_listing {
    narrate_voice_fn fn;
    void *userdata;
} voice_listing;

static narrate_error list_from(narrate *n, worker *w, void *arg)
{
    const voice_listing *listing = arg;
    if (proto_send(w->to_fd, REQ_VOICES, NULL, 0) != 0)
        return narrate_fail(n, NARRATE_EWORKER, "cannot write to the synthesis worker");
    proto_header h;
    const char *payload;
    int stopped = 0;
    while (worker_wait_message(w, 10.0, &h, &payload) == 1) {
        if (h.type == RSP_DONE)
            return stopped ? narrate_fail(n, NARRATE_ESTOPPED, "stopped by the callback")
                           : NARRATE_OK;
        if (h.type != RSP_VOICE || stopped)
            continue;
        char line[256];
        size_t len = h.length < sizeof line - 1 ? h.length : sizeof line - 1;
        memcpy(line, payload, len);
        line[len] = '\0';
        char *tab = strchr(line, '\t');
        if (tab)
            *tab++ = '\0';
        stopped = listing->fn(listing->userdata, line, tab ? tab : "") == NARRATE_STOP;
    }
    return narrate_fail(n, NARRATE_EWORKER, "the synthesis worker did not list its voices");
}

narrate_error narrate_list_voices(narrate *n, narrate_voice_fn fn, void *userdata)
{
    if (!n || !fn)
        return NARRATE_EINVAL;
    if (preset_list(fn, userdata) == NARRATE_STOP)
        return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the callback");
    voice_listing listing = {fn, userdata};
    return narrate_with_worker(n, list_from, &listing);
}
