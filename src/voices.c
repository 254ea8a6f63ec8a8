/* narrate_list_voices: asks a worker for espeak-ng's voice list, so that the
 * engine never runs in the caller's process. */
#include <stdlib.h>
#include <string.h>

#include "narrate_internal.h"

static narrate_error list_from(narrate *n, worker *w, narrate_voice_fn fn, void *userdata)
{
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
        stopped = fn(userdata, line, tab ? tab : "") == NARRATE_STOP;
    }
    return narrate_fail(n, NARRATE_EWORKER, "the synthesis worker did not list its voices");
}

narrate_error narrate_list_voices(narrate *n, narrate_voice_fn fn, void *userdata)
{
    if (!n || !fn)
        return NARRATE_EINVAL;
    if (preset_list(fn, userdata) == NARRATE_STOP)
        return narrate_fail(n, NARRATE_ESTOPPED, "stopped by the callback");
    if (n->nworkers > 0 && n->workers[0].pid > 0 && n->workers[0].job < 0)
        return list_from(n, &n->workers[0], fn, userdata);
    worker temporary = {.to_fd = -1, .from_fd = -1, .job = -1};
    proto_config config;
    narrate_engine_config(n, &config);
    narrate_error err = NARRATE_EWORKER;
    if (worker_start(&temporary, n->worker_path, &config, 10.0, &err, n->errmsg,
                     sizeof n->errmsg) >= 0)
        err = list_from(n, &temporary, fn, userdata);
    worker_shutdown(&temporary, 0.2);
    free(temporary.in);
    return err;
}
