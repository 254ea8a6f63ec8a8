#!/usr/bin/env python3
"""A one-job shell for a tmux pane, for the player's end-to-end tests (stdlib only).

usage: pane_job.py DIR PROGRAM [ARGS...]

Runs PROGRAM as the terminal's foreground job in its own process group, as a
job-control shell would, but never changes the terminal mode itself, so what
the test reads is what PROGRAM left behind (bash and other shells restore their
own mode when a job stops or dies, which would hide a player that does not).

Into DIR it writes:
  stty.before   `stty -g` before PROGRAM starts
  pid           PROGRAM's process id
  stty.stopped  `stty -g` each time PROGRAM stops (Ctrl-Z); "stopped" is
                appended to DIR/events.  Creating DIR/fg continues it in the
                foreground (the test's `fg`); the file is removed.
  stty.after    `stty -g` once PROGRAM has ended
  exit          its exit status (128 + N when killed by signal N)
It then prints "exit=STATUS" on the pane and waits to be killed, so the test
can still read the screen.
"""
import os
import signal
import subprocess
import sys
import time


def stty(path):
    with open(path, "w") as out:
        subprocess.run(["stty", "-g"], stdin=0, stdout=out, check=False)


def note(directory, event):
    with open(os.path.join(directory, "events"), "a") as out:
        out.write(event + "\n")


def foreground(pgid):
    os.tcsetpgrp(0, pgid)


def run(directory, argv):
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTSTP, signal.SIG_IGN)
    stty(os.path.join(directory, "stty.before"))
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        foreground(os.getpid())
        for sig in (signal.SIGTTOU, signal.SIGINT, signal.SIGTSTP):
            signal.signal(sig, signal.SIG_DFL)
        os.execvp(argv[0], argv)
    try:
        os.setpgid(pid, pid)
    except PermissionError:
        pass  # the child has already done it and run PROGRAM (as shells also find)
    foreground(pid)
    with open(os.path.join(directory, "pid"), "w") as out:
        out.write("%d\n" % pid)
    while True:
        _, status = os.waitpid(pid, os.WUNTRACED)
        if os.WIFSTOPPED(status):
            foreground(os.getpgrp())
            stty(os.path.join(directory, "stty.stopped"))
            note(directory, "stopped")
            fg = os.path.join(directory, "fg")
            while not os.path.exists(fg):
                time.sleep(0.01)
            os.unlink(fg)
            foreground(pid)
            os.killpg(pid, signal.SIGCONT)
            note(directory, "continued")
            continue
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
        break
    foreground(os.getpgrp())
    stty(os.path.join(directory, "stty.after"))
    with open(os.path.join(directory, "exit"), "w") as out:
        out.write("%d\n" % code)
    print("exit=%d" % code, flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    run(sys.argv[1], sys.argv[2:])
