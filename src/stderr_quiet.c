/* fd 2 redirection; see stderr_quiet.h for why and at what cost. */
#include "stderr_quiet.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int stderr_quiet_begin(void)
{
    int saved, null;
    fflush(stderr);
    saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (saved < 0)
        return -1;
    null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null < 0 || dup2(null, 2) < 0) {
        if (null >= 0)
            close(null);
        close(saved);
        return -1;
    }
    close(null);
    return saved;
}

void stderr_quiet_end(int token)
{
    if (token < 0)
        return;
    fflush(stderr);
    dup2(token, 2);
    close(token);
}
