#!/usr/bin/env python3
"""How long sound went on after a stop, measured on a recording (stdlib only).

usage: stop_latency.py CAPTURE.raw STOP_BYTE
CAPTURE is raw s16le mono 22050 Hz; STOP_BYTE is the size the capture file had
when the stop was asked for, so it marks the stop on the capture's own clock.
Prints "speech before: S s; sound after the stop: L ms" where L is the end of the
last 20 ms window above 5% of the loudest, counted from the stop (0 when the
sound had already ended).  Exits 1 when there was no speech in the 1.5 s before
the stop, since then nothing was stopped.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_audio import WINDOW, envelope, load  # noqa: E402


def main(path, stop_byte):
    samples, rate = load(path)
    env = envelope(samples, rate)
    if not env or max(env) == 0:
        print("FAIL: the capture is silent")
        return 1
    floor = 0.05 * max(env)
    stop = stop_byte / 2 / rate / WINDOW
    loud = [i for i, e in enumerate(env) if e > floor]
    before = [i for i in loud if stop - 1.5 / WINDOW <= i < stop]
    after_ms = max(0.0, (loud[-1] + 1 - stop) * WINDOW * 1000)
    print("speech before: %.2f s; sound after the stop: %.0f ms" % (len(before) * WINDOW, after_ms))
    if len(before) * WINDOW < 0.3:
        print("FAIL: no speech was playing when the stop came")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
