#include "player_term.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define ENTER_SCREEN "\033[?1049h\033[?25l\033[H\033[2J"
#define LEAVE_SCREEN "\033[?25h\033[?1049l"

static struct termios saved_mode;
static volatile sig_atomic_t raw_active;
static volatile sig_atomic_t redraw_wanted;

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

/* Async-signal-safe: tcsetattr and write only. */
static void restore_terminal(void)
{
    if (!raw_active)
        return;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_mode);
    ssize_t r = write(STDOUT_FILENO, LEAVE_SCREEN, sizeof LEAVE_SCREEN - 1);
    (void)r;
    raw_active = 0;
}

static int set_raw(void)
{
    struct termios raw = saved_mode;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN);
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0)
        return -1;
    ssize_t r = write(STDOUT_FILENO, ENTER_SCREEN, sizeof ENTER_SCREEN - 1);
    (void)r;
    raw_active = 1;
    return 0;
}

static void on_crash(int sig)
{
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void handle_stop(void);

static void on_continue(int sig)
{
    int saved_errno = errno;
    (void)sig;
    if (!raw_active)
        set_raw();
    redraw_wanted = 1;
    errno = saved_errno;
}

/* Restores the terminal and stops with the default action; on SIGCONT
 * on_continue runs, then this returns.  SIGTSTP is blocked while its handler
 * runs, so it is unblocked for the raise: a pending one would only be
 * delivered after the handler is back in place, which would call it again
 * instead of stopping, forever. */
static void on_stop(int sig)
{
    sigset_t tstp;
    int saved_errno = errno;
    restore_terminal();
    signal(sig, SIG_DFL);
    sigemptyset(&tstp);
    sigaddset(&tstp, sig);
    pthread_sigmask(SIG_UNBLOCK, &tstp, NULL);
    raise(sig);
    pthread_sigmask(SIG_BLOCK, &tstp, NULL); /* the handler's mask, until it returns */
    handle_stop();
    errno = saved_errno;
}

static void handle_stop(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTSTP, &sa, NULL);
}

static void on_resize(int sig)
{
    (void)sig;
    redraw_wanted = 1;
}

static void handle(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int term_enter(void)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
        tcgetattr(STDIN_FILENO, &saved_mode) != 0)
        return -1;
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        handle(crash_signals[i], on_crash, SA_RESETHAND);
    handle_stop();
    handle(SIGCONT, on_continue, SA_RESTART);
    handle(SIGWINCH, on_resize, SA_RESTART);
    if (set_raw() != 0)
        return -1;
    redraw_wanted = 1;
    return 0;
}

void term_leave(void)
{
    restore_terminal();
    signal(SIGTSTP, SIG_DFL);
    signal(SIGCONT, SIG_DFL);
    signal(SIGWINCH, SIG_DFL);
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        signal(crash_signals[i], SIG_DFL);
}

int term_take_redraw(void)
{
    int r = redraw_wanted;
    redraw_wanted = 0;
    return r;
}

void term_size(int *width, int *height)
{
    struct winsize ws;
    *width = 80;
    *height = 24;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
        *width = ws.ws_col;
        *height = ws.ws_row;
    }
}
