#!/usr/bin/env python3
"""Compares a capture with a reference by their energy envelopes (stdlib only).

usage: compare_audio.py REF CAPTURE [--max-duration-diff S] [--min-corr C]
       compare_audio.py --active CAPTURE
REF and CAPTURE are WAV files, or raw s16le mono 22050 Hz when named *.raw.
Prints what it measured; exits 1 when the capture is silent, its active span
(first to last 20 ms window above 10% of the loudest) differs from the
reference's by more than S seconds, or the envelopes correlate below C at the
best alignment.  --active prints only the active span, in seconds.
"""
import math
import struct
import sys
import wave

WINDOW = 0.02


def load(path):
    if path.endswith(".raw"):
        data, rate = open(path, "rb").read(), 22050
    else:
        with wave.open(path, "rb") as w:
            if w.getnchannels() != 1 or w.getsampwidth() != 2:
                sys.exit("%s: not 16-bit mono" % path)
            data, rate = w.readframes(w.getnframes()), w.getframerate()
    n = len(data) // 2
    return struct.unpack("<%dh" % n, data[: 2 * n]), rate


def envelope(samples, rate):
    w = max(1, int(rate * WINDOW))
    return [math.sqrt(sum(v * v for v in samples[i:i + w]) / w)
            for i in range(0, len(samples) - w + 1, w)]


def active(env):
    if not env or max(env) == 0:
        return 0, 0
    floor = 0.1 * max(env)
    on = [i for i, e in enumerate(env) if e > floor]
    return on[0], on[-1] + 1


def correlation(a, b):
    n = min(len(a), len(b))
    if n < 2:
        return 0.0
    a, b = a[:n], b[:n]
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    va = sum((x - ma) ** 2 for x in a)
    vb = sum((y - mb) ** 2 for y in b)
    return cov / math.sqrt(va * vb) if va > 0 and vb > 0 else 0.0


def main(argv):
    if argv[1] == "--active":
        cap, rate = load(argv[2])
        s, e = active(envelope(cap, rate))
        print("%.3f" % ((e - s) * WINDOW))
        return 0
    ref_path, cap_path = argv[1], argv[2]
    opts = dict(zip(argv[3::2], argv[4::2]))
    max_diff = float(opts.get("--max-duration-diff", "0.3"))
    min_corr = float(opts.get("--min-corr", "0.8"))
    ref, ref_rate = load(ref_path)
    cap, cap_rate = load(cap_path)
    renv, cenv = envelope(ref, ref_rate), envelope(cap, cap_rate)
    rs, re_ = active(renv)
    cs, ce = active(cenv)
    rms = math.sqrt(sum(v * v for v in cap) / len(cap)) if cap else 0
    rdur, cdur = (re_ - rs) * WINDOW, (ce - cs) * WINDOW
    ra = renv[rs:re_]
    best = max((correlation(ra, cenv[cs + lag:]), lag) for lag in range(-10, 11)
               if cs + lag >= 0)
    print("reference active %.3f s; capture active %.3f s; capture RMS %.0f; "
          "envelope correlation %.3f" % (rdur, cdur, rms, best[0]))
    if rms < 100:
        print("FAIL: the capture is silent")
        return 1
    if abs(rdur - cdur) > max_diff:
        print("FAIL: durations differ by more than %.2f s" % max_diff)
        return 1
    if best[0] < min_corr:
        print("FAIL: envelopes correlate below %.2f" % min_corr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
