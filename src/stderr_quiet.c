/* fd 2 redirection; see stderr_quiet.h for why and at what cost. */
#include "stderr_quiet.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_once_t lock_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t window_lock; /* set up once, then only locked and unlocked */

static void make_lock(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&window_lock, &attr);
    pthread_mutexattr_destroy(&attr);
}

int stderr_quiet_begin(void)
{
    int saved, null;
    pthread_once(&lock_once, make_lock);
    pthread_mutex_lock(&window_lock);
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
    if (token >= 0) {
        fflush(stderr);
        dup2(token, 2);
        close(token);
    }
    pthread_mutex_unlock(&window_lock);
}
