#!/usr/bin/env python3
"""Compares a capture with a reference by their energy envelopes (stdlib only).

usage: compare_audio.py REF CAPTURE [--max-duration-diff S] [--min-corr C] [--stretches MS]
       compare_audio.py --active CAPTURE
REF and CAPTURE are WAV files, or raw s16le mono 22050 Hz when named *.raw.
Prints what it measured; exits 1 when the capture is silent, its active span
(first to last 20 ms window above 10% of the loudest) differs from the
reference's by more than S seconds, or the envelopes correlate below C at the
best alignment.  --active prints only the active span, in seconds.
--stretches MS, for a signal of separate bursts: the capture must hold as
many stretches of sound (5 ms windows above 10% of the loudest, split at 20 ms
of quiet) as the reference, each as long within MS and starting where it
should within MS (measured from the second); the first may be cut short,
since ALSA's pulse plugin may drop the very start of a stream.  This holds
where the envelope correlation does not: the plugin shifts bursts by a few
ms, which moves their edges across the 20 ms windows (aplay of the same file
correlates only 0.62), while a lost or garbled stretch changes the count or a
length.
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


def envelope(samples, rate, window=WINDOW):
    w = max(1, int(rate * window))
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


def stretches(samples, rate, window_ms=5, gap_ms=20):
    env = envelope(samples, rate, window_ms / 1000)
    floor = 0.1 * max(env) if env else 0
    out, on, last = [], None, None
    for i, e in enumerate(env):
        if e <= floor:
            continue
        if on is not None and (i - last - 1) * window_ms >= gap_ms:
            out.append((on * window_ms, (last + 1) * window_ms))
            on = None
        if on is None:
            on = i
        last = i
    if on is not None:
        out.append((on * window_ms, (last + 1) * window_ms))
    return out


def same_stretches(ref, ref_rate, cap, cap_rate, tol_ms):
    """None when the capture's stretches match the reference's, else why not."""
    r, c = stretches(ref, ref_rate), stretches(cap, cap_rate)
    print("stretches of sound: reference %d, capture %d" % (len(r), len(c)))
    if len(c) == len(r) - 1 and len(c) >= 3 and c[0][0] > 0:
        r = r[1:]  # the whole first burst fell in what the plugin dropped
    if len(r) != len(c) or len(r) < 3:
        return "%d stretches of sound where the reference has %d" % (len(c), len(r))
    worst_len = max(abs((a1 - a0) - (b1 - b0)) for (a0, a1), (b0, b1) in zip(r[1:], c[1:]))
    worst_at = max(abs((a0 - r[1][0]) - (b0 - c[1][0])) for (a0, _), (b0, _) in zip(r[1:], c[1:]))
    first = (c[0][1] - c[0][0]) - (r[0][1] - r[0][0])
    print("stretches: lengths within %d ms, starts within %d ms; the first %+d ms"
          % (worst_len, worst_at, first))
    if worst_len > tol_ms or first > tol_ms:
        return "a stretch's length is off by more than %d ms" % tol_ms
    if worst_at > tol_ms:
        return "a stretch starts more than %d ms off" % tol_ms
    return None


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
    if "--stretches" in opts:
        why = same_stretches(ref, ref_rate, cap, cap_rate, float(opts["--stretches"]))
        if why:
            print("FAIL: " + why)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
