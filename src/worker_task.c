/* One-off requests outside a narration (the voice list, explanations) go to an
 * idle worker of the handle, or to a temporary one when it has none. */
#include <stdlib.h>

#include "narrate_internal.h"

narrate_error narrate_with_worker(narrate *n, worker_task task, void *arg)
{
    jobs_settle_workers(n);
    if (n->nworkers > 0 && n->workers[0].pid > 0 && n->workers[0].job == -1)
        return task(n, &n->workers[0], arg);
    worker temporary = {.to_fd = -1, .from_fd = -1, .job = -1};
    proto_config config;
    narrate_engine_config(n, &config);
    narrate_error err = NARRATE_EWORKER;
    if (worker_start(&temporary, n->worker_path, &config, 10.0, &err, n->errmsg,
                     sizeof n->errmsg) >= 0)
        err = task(n, &temporary, arg);
    worker_shutdown(&temporary, 0.2);
    free(temporary.in);
    return err;
}
