#!/usr/bin/env python3
"""Sound segments of a capture, for the player's end-to-end tests (stdlib only).

usage: player_audio.py segments FILE [--min-gap S] [--from SAMPLE]
  prints one "START END" line (seconds) per stretch of sound, stretches closer
  than S seconds (default 0.05) counting as one; --from ignores what comes
  before that sample.
usage: player_audio.py sound-after FILE SAMPLE
  prints the seconds of sound between SAMPLE and the first 50 ms of silence.
FILE is raw s16le mono 22050 Hz (what pulse_record writes), or a WAV file.
Sound is a 10 ms window whose peak exceeds 3% of full scale.
"""
import struct
import sys
import wave

RATE = 22050
WINDOW = RATE // 100
THRESHOLD = 1000


def load(path):
    if path.endswith(".wav"):
        with wave.open(path, "rb") as w:
            data = w.readframes(w.getnframes())
    else:
        data = open(path, "rb").read()
    n = len(data) // 2
    return struct.unpack("<%dh" % n, data[: 2 * n])


def loud_windows(x, start):
    return [(i, max(abs(v) for v in x[i:i + WINDOW]) > THRESHOLD)
            for i in range(start, len(x) - WINDOW + 1, WINDOW)]


def segments(x, min_gap, start=0):
    out, on, last = [], None, None
    for i, loud in loud_windows(x, start):
        if not loud:
            continue
        if on is not None and i - last > min_gap * RATE:
            out.append((on, last))
            on = None
        if on is None:
            on = i
        last = i + WINDOW
    if on is not None:
        out.append((on, last))
    return out


def sound_after(x, at):
    quiet = 0
    for i, loud in loud_windows(x, at):
        quiet = 0 if loud else quiet + 1
        if quiet == 5:
            return (i - 4 * WINDOW - at) / RATE
    return (len(x) - at) / RATE


def main(argv):
    x = load(argv[2])
    if argv[1] == "segments":
        opts = dict(zip(argv[3::2], argv[4::2]))
        for s, e in segments(x, float(opts.get("--min-gap", "0.05")), int(opts.get("--from", "0"))):
            print("%.3f %.3f" % (s / RATE, e / RATE))
    elif argv[1] == "sound-after":
        print("%.3f" % max(0.0, sound_after(x, int(argv[3]))))
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
