#!/usr/bin/env python3
"""Sound in a capture, for the player's end-to-end tests (stdlib only).

FILE, REC and REF are raw s16le mono 22050 Hz (what pulse_record writes), or
WAV files at 22050 Hz.  Sound is a 10 ms window whose peak exceeds 3% of full
scale; silence one whose peak stays under 1%.

usage: player_audio.py segments FILE [--min-gap S] [--from SAMPLE]
  prints one "START END" line (seconds) per stretch of sound, stretches closer
  than S seconds (default 0.05) counting as one; --from ignores what comes
  before that sample.
usage: player_audio.py sound-after FILE SAMPLE
  prints the seconds of sound between SAMPLE and the first 50 ms of silence.
usage: player_audio.py clock FILE
  until killed, prints "WALL BYTES" (WALL in seconds since the epoch) each time
  FILE grows: when the recording held how much.
usage: player_audio.py kept-pace CLOCK
  how far the recording fell behind the wall clock (seconds): parec drops
  what it cannot take in time on a busy machine, and then no timing or
  continuity measured on the recording holds.  Prints the lag's spread: the
  95th percentile of (wall time - recorded seconds) minus its minimum.
usage: player_audio.py pause REC REF CLOCK KEY1 KEY2
  REC played REF from its start, paused by a key at wall time KEY1 and resumed
  at KEY2.  Prints key=value lines: where the sound stopped and started again
  in REC and in REF, how many samples of REF's sound lie between (lost) or
  were heard twice (repeated), and the pause latency bound (see pause()).
usage: player_audio.py pieces REC REF SENTENCES CLOCK KEY...
  what of REF the recording holds, in order.  REC is cut into pieces of
  sound at gaps of 200 ms and 100 ms after each key (wall times, placed with
  CLOCK); the start of each piece is found among the sentence starts (as
  which-sentence does) or else anywhere in REF by its first 300 ms of
  envelope, and its last 300 ms near where it would end if it played on.  SENTENCES is a file of "START END" seconds in REF (what
  `segments REF --min-gap 0.2` prints).  Prints one line per piece:
  "REC_START REC_END SENTENCE_AT_START REF_START SENTENCE_AT_END REF_END
  CORR_START CORR_END" (sentences 1-based, 0 for none; correlations: waveform
  or likeness at a sentence start, envelope elsewhere).
usage: player_audio.py locate REC REF SECONDS
  where in REF the sound at SECONDS of REC is: "REF_SECONDS CORR ENV_CORR"
  (waveform correlation over 200 ms, envelope correlation over up to 300 ms
  of sound, ending at its first silent 10 ms: a stall, on a busy machine).  The
  waveform places it to the sample when it correlates >= 0.9 (the same samples);
  otherwise (the sentence was synthesized anew, as after a skip) the envelope
  places it to the 10 ms window.
usage: player_audio.py which-sentence REC REF ONSETS SECONDS
  which sentence of REF starts like the sound at SECONDS of REC: ONSETS has
  the start of each sentence in REF (what `onsets REF` prints).  The sound
  up to its first silent 10 ms (a stall, on a busy machine; 200 to 300 ms) is
  compared with each sentence's start, 30 ms either way (see which_sentence);
  prints "SENTENCE LAG_MS CORR NEXT_BEST_CORR" (SENTENCE 1-based).
usage: player_audio.py landing REC REF SENTENCES CLOCK WALL
  where the playback went after a skip key pressed at wall time WALL (see
  landing()): "SENTENCE SWITCH_MS START_CORR PLACE_CORR OLD_MS", or "none".
usage: player_audio.py onset REC CLOCK WALL
  the first onset of sound (after a silent 10 ms) in REC later than what the
  recording held at wall time WALL; prints its time in seconds (the first
  sample above 1% of full scale).
usage: player_audio.py tone REC CLOCK WALL
  the first stretch of sound after what the recording held at wall time WALL:
  "SECONDS_AFTER_WALL LENGTH_MS HZ" (when the recording held its end, minus
  WALL; its length; its frequency from zero crossings where it is loud), or
  "none".
usage: player_audio.py onsets FILE
  the start of each stretch of sound (200 ms gaps), to the sample as onset does.
"""
import math
import os
import struct
import sys
import time

from compare_audio import correlation as pearson

RATE = 22050
WINDOW = RATE // 100
LOUD = 1000
QUIET = 300


def load(path):
    if path.endswith(".wav"):
        import wave
        with wave.open(path, "rb") as w:
            if w.getframerate() != RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
                sys.exit("%s: not 16-bit mono at %d Hz" % (path, RATE))
            data = w.readframes(w.getnframes())
    else:
        data = open(path, "rb").read()
    n = len(data) // 2
    return struct.unpack("<%dh" % n, data[: 2 * n])


def peaks(x):
    return [max(map(abs, x[i:i + WINDOW])) for i in range(0, len(x) - WINDOW + 1, WINDOW)]


def loud_windows(x, start):
    return [(i, max(abs(v) for v in x[i:i + WINDOW]) > LOUD)
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


# ---- the clock: when the recording held which sample ----

def clock(path):
    last = -1
    while True:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        if size != last:
            print("%.6f %d" % (time.time(), size), flush=True)
            last = size
        time.sleep(0.001)


def load_clock(path):
    out = []
    for line in open(path):
        parts = line.split()
        if len(parts) == 2:
            out.append((float(parts[0]), int(parts[1]) // 2))
    return out


def held_at(clk, wall):
    """Samples the recording held at wall time `wall`: a lower bound of the
    position the sound server had rendered by then."""
    if not clk or wall < clk[0][0]:
        # Before the log's first line (the poller may start late on a busy
        # machine): the recording grows in real time from its first sample.
        if not clk:
            return 0
        t0 = min(t - n / RATE for t, n in clk)
        return max(0, int((wall - t0) * RATE))
    held = 0
    for t, n in clk:
        if t > wall:
            break
        held = n
    return held


def written_by(clk, sample):
    """The wall time by which the recording held `sample`: an upper bound of
    when the sound server rendered it (parec's delivery and the 1 ms poll
    come on top)."""
    for t, n in clk:
        if n > sample:
            return t
    return float("inf")


# ---- finding a piece of the capture in the reference ----

def envelope(x):
    return [math.sqrt(sum(v * v for v in x[i:i + WINDOW]) / WINDOW)
            for i in range(0, len(x) - WINDOW + 1, WINDOW)]


def normalized(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(v * v for v in a))
    nb = math.sqrt(sum(v * v for v in b))
    return dot / (na * nb) if na > 0 and nb > 0 else 0.0


class Reference:
    def __init__(self, samples):
        self.x = samples
        self.env = envelope(samples)
        self.sum = [0.0]
        self.sq = [0.0]
        for e in self.env:
            self.sum.append(self.sum[-1] + e)
            self.sq.append(self.sq[-1] + e * e)

    def coarse(self, piece, lo, hi):
        """The window j in [lo, hi] where the envelope best matches `piece`
        (Pearson correlation): (correlation, j)."""
        n = len(piece)
        mp = sum(piece) / n
        dp = [v - mp for v in piece]
        vp = sum(v * v for v in dp)
        best = (0.0, lo)
        for j in range(lo, hi + 1):
            s = self.sum[j + n] - self.sum[j]
            v = self.sq[j + n] - self.sq[j] - s * s / n
            if v <= 0 or vp <= 0:
                continue
            c = sum(a * b for a, b in zip(dp, self.env[j:j + n])) / math.sqrt(vp * v)
            if c > best[0]:
                best = (c, j)
        return best

    def locate(self, rec, rec_env, at, windows=30, near=None):
        """Where REF holds the sound that starts at sample `at` of rec:
        (ref sample, waveform correlation, envelope correlation).  The
        envelope over `windows` 10 ms windows picks the window, the waveform
        the sample.  near=(lo, hi) limits the search to those ref samples."""
        w0 = at // WINDOW
        piece = rec_env[w0:w0 + windows]
        lo, hi = (0, len(self.env) - len(piece))
        if near:
            lo, hi = max(lo, near[0] // WINDOW), min(hi, near[1] // WINDOW)
        if len(piece) < 2 or hi < lo:
            return 0, 0.0, 0.0
        env_corr, j = self.coarse(piece, lo, hi)
        coarse = j * WINDOW + (at - w0 * WINDOW)
        n = 2 * WINDOW * 10
        seg = rec[at:at + n]
        fine = max(((normalized(seg, self.x[f:f + n]), f)
                    for f in range(max(0, coarse - 2 * WINDOW), coarse + 2 * WINDOW)
                    if f + len(seg) <= len(self.x)), default=(0.0, coarse))
        if fine[0] < 0.9:  # synthesized anew, not the same samples: the envelope decides
            return coarse, fine[0], env_corr
        return fine[1], fine[0], env_corr


def last_sound_before(x, end):
    for i in range(end - 1, -1, -1):
        if abs(x[i]) > QUIET:
            return i
    return -1


def first_sound_from(x, start):
    for i in range(max(0, start), len(x)):
        if abs(x[i]) > QUIET:
            return i
    return len(x)


def realign(rec, ref, end, lag, reach=2 * WINDOW):
    """The lag (rec index - ref index) within `reach` samples of `lag` at which
    the 100 ms of rec before `end` best matches ref."""
    n = RATE // 10
    seg = rec[end - n:end]
    return max(((normalized(seg, ref[end - n - l:end - l]), l)
                 for l in range(lag - reach, lag + reach + 1) if end - n - l >= 0),
               default=(0.0, lag))[1]


def pause(rec_path, ref_path, clock_path, key1, key2):
    """The pause cut is the first 10 ms of REC that is silent where REF, at the
    alignment found at the start, has sound: the pause had taken effect by
    then, so the time by which the recording held that window, minus KEY1, is
    an upper bound of the pause latency (it also counts tmux's delivery of the
    key and parec's delivery of the audio).  It is an upper bound because the
    cut may fall in a natural pause a little earlier."""
    rec, ref = load(rec_path), Reference(load(ref_path))
    clk = load_clock(clock_path)
    rec_env = envelope(rec)
    k1 = held_at(clk, key1)
    # Aligned shortly before the key: the playback may have started late or
    # waited for synthesis earlier on, which shifts the alignment.
    # A few places are tried: the envelope may match a wrong word by chance.
    tries = []
    for back in (0.6, 0.45, 0.3, 0.8):
        at = first_sound_from(rec, k1 - int(back * RATE))
        f, corr, _ = ref.locate(rec, rec_env, at)
        tries.append((corr, at, f))
    corr0, start, f0 = max(tries)
    lag0 = start - f0
    out = {"start_corr": corr0}
    cut = None
    # From the key on: no pause takes effect before it, and a stall of the
    # stream before it (a busy machine) is not the pause.
    for i in range(max(start, k1 - WINDOW), len(rec) - WINDOW, WINDOW):
        f = i - lag0
        if 0 <= f < len(ref.x) - WINDOW and max(map(abs, ref.x[f:f + WINDOW])) > LOUD \
                and max(map(abs, rec[i:i + WINDOW])) < QUIET:
            cut = i
            break
    if cut is None:
        print("error=the sound never stopped")
        return 1
    stop = last_sound_before(rec, cut)
    # Aligned again on the sound just before the stop: on a busy machine the
    # stream may have stalled for a few ms since `start`.
    lag0 = realign(rec, ref.x, stop, lag0)
    n = min(RATE // 4, stop - start)
    out["before_corr"] = normalized(rec[stop - n:stop], ref.x[stop - n - lag0:stop - lag0])
    out["latency_ms"] = (written_by(clk, cut + WINDOW) - key1) * 1000
    out["stop_after_key_ms"] = (stop - k1) * 1000 / RATE
    resume = first_sound_from(rec, cut)
    if resume >= len(rec) - RATE // 2:
        print("error=no sound after the pause")
        return 1
    # Sought within half a second of where it stopped (further off is a
    # failure anyway, and a wider search may match a stalled start elsewhere),
    # by its sound up to the first silent 10 ms (a stall), 200 ms at least.
    stretch = segments(rec, 0.005, resume)
    windows = max(20, min(30, (stretch[0][1] - resume) // WINDOW)) if stretch else 30
    f1, corr1, _ = ref.locate(rec, rec_env, resume, windows=windows,
                              near=(stop - lag0 - RATE // 2, stop - lag0 + RATE // 2))
    lag1 = resume - f1
    n = min(RATE // 4, len(rec) - resume, len(ref.x) - f1)
    out["after_corr"] = normalized(rec[resume:resume + n], ref.x[f1:f1 + n])
    stop_ref, resume_ref = stop - lag0, resume - lag1
    out["stop_ref_sample"] = stop_ref
    out["resume_ref_sample"] = resume_ref
    between = ref.x[stop_ref + 1:resume_ref]
    out["lost_samples"] = sum(1 for v in between if abs(v) > QUIET)
    out["repeated_samples"] = max(0, stop_ref + 1 - resume_ref)
    out["gap_s"] = (resume - stop) / RATE
    out["keys_gap_s"] = key2 - key1
    out["resume_latency_ms"] = (written_by(clk, resume) - key2) * 1000
    for k, v in out.items():
        print("%s=%.3f" % (k, v))
    return 0


def exact_offset(rec, ref, at, guess, n=RATE // 20, reach=2 * WINDOW):
    """(waveform correlation, ref sample) of the best match of rec's n
    samples from `at` within `reach` samples of ref sample `guess`: 0.9 or
    more means the same samples (the reference's own rendering)."""
    seg = rec[at:at + n]
    return max(((normalized(seg, ref[f:f + n]), f)
                for f in range(max(0, guess - reach), guess + reach + 1)
                if f + len(seg) <= len(ref)), default=(0.0, guess))


def tracks(x):
    """Per 10 ms window: log energy, and the spectral tilt (log energy of the
    first difference minus that): how loud, and how bright."""
    energy, tilt = [], []
    for i in range(0, len(x) - WINDOW + 1, WINDOW):
        w = x[i:i + WINDOW]
        e = math.log10(1 + sum(v * v for v in w) / WINDOW)
        d = math.log10(1 + sum((w[j] - w[j - 1]) ** 2 for j in range(1, WINDOW)) / WINDOW)
        energy.append(e)
        tilt.append(d - e)
    return energy, tilt


def likeness(a, b):
    """How alike two stretches of speech are, from their tracks: the lower of
    the two correlations.  Unlike the envelope alone, which two different
    words can share ("Harbor" and "Meanwhile" correlate 0.98), the tilt tells
    the sounds apart; a rendering of the same words correlates above 0.9."""
    return min(pearson(a[0], b[0]), pearson(a[1], b[1]))


def which_sentence(rec, ref, onsets, at):
    """[(correlation, sentence, lag in samples)], best first: how the sound
    from `at` up to its first silent 10 ms (a stall, on a busy machine; 200 to
    300 ms) matches each sentence start, 30 ms either way (likeness, in 5 ms
    steps).  The three best are also compared sample by sample: one with the
    same samples as the reference (waveform correlation >= 0.9) comes first,
    with that correlation and its lag to the sample."""
    stretch = segments(rec, 0.005, at)
    n = WINDOW * (max(20, min(30, (stretch[0][1] - at) // WINDOW)) if stretch else 30)
    piece = tracks(rec[at:at + n])
    scores = []
    for k, onset in enumerate(onsets):
        best = max((likeness(piece, tracks(ref[onset + d:onset + d + n])), d)
                   for d in range(-3 * WINDOW, 3 * WINDOW + 1, WINDOW // 2) if onset + d >= 0)
        scores.append((best[0], k + 1, best[1]))
    scores.sort(reverse=True)
    for i, (_, k, lag) in enumerate(scores[:3]):
        corr, f = exact_offset(rec, ref, at, onsets[k - 1] + lag)
        if corr >= 0.9:
            return [(corr, k, f - onsets[k - 1])] + scores[:i] + scores[i + 1:]
    return scores


def load_spans(ref, sentences_path):
    """The sentences' "START END" spans in samples, and each one's first
    sample of sound in ref."""
    spans = [tuple(int(float(v) * RATE) for v in line.split()) for line in open(sentences_path)]
    return spans, [first_sound_from(ref, a - WINDOW) for a, _ in spans]


def sentence_at(spans, f):
    """The sentence (1-based) whose span holds ref sample f, 30 ms either
    way; 0 for none."""
    return next((i + 1 for i, (s0, s1) in enumerate(spans) if s0 - 3 * WINDOW <= f < s1 + 3 * WINDOW), 0)


def place(rec, rec_env, ref, onsets, a, windows):
    """(ref sample, correlation) of the sound from rec sample `a`.  A piece
    that starts a sentence is told by the sentence starts, which a stall does
    not fool; anything else is sought everywhere."""
    best = which_sentence(rec, ref.x, onsets, a)[0]
    if best[0] >= 0.9:
        return onsets[best[1] - 1] + best[2], best[0]
    fa, _, ca = ref.locate(rec, rec_env, a, windows=windows)
    return fa, ca


def pieces(rec_path, ref_path, sentences_path, clock_path, keys):
    rec, ref = load(rec_path), Reference(load(ref_path))
    rec_env = envelope(rec)
    clk = load_clock(clock_path)
    spans, onsets = load_spans(ref.x, sentences_path)
    cuts = sorted(held_at(clk, k) + RATE // 10 for k in keys)
    out = []
    for a, b in segments(rec, 0.2):
        for c in cuts:
            if a < c < b:
                out.append((a, last_sound_before(rec, c) + 1))
                a = first_sound_from(rec, c)
        if a < b:
            out.append((a, b))
    for a, b in out:
        n = min(30, (b - a) // WINDOW)
        if n < 5:
            continue
        fa, ca = place(rec, rec_env, ref, onsets, a, n)
        # Within a piece the playback runs on: its end is sought near there.
        expect = fa + (b - a) - n * WINDOW
        fb, _, cb = ref.locate(rec, rec_env, b - n * WINDOW, windows=n,
                               near=(expect - RATE // 4, expect + RATE // 4))
        fb += n * WINDOW
        print("%.3f %.3f %d %.3f %d %.3f %.3f %.3f" % (a / RATE, b / RATE, sentence_at(spans, fa),
                                                     fa / RATE, sentence_at(spans, fb - n * WINDOW // 2),
                                                     fb / RATE, ca, cb))
    return 0


def landing(rec_path, ref_path, sentences_path, clock_path, wall):
    """Where the playback went after a skip key pressed at wall time WALL.
    The sound from 100 ms after the key (by then the skip must have taken
    effect) is placed in REF: sentence S, some way past its onset.  Going back
    by that much gives the switch: where S's onset is in the recording.  The
    player may cut straight from one sentence into the next with no silence
    between, so the switch is found this way, not by a gap.  Had S been
    started part-way in, the switch would land before the key.  The recording
    from the switch is also compared with S's first 200 ms (the waveform's
    first 100 ms, or their likeness when synthesized anew: a new rendering may
    drift by tens of ms within that, so this is a figure to read, not a
    verdict).  Prints "SENTENCE SWITCH_MS START_CORR PLACE_CORR
    OLD_MS": the switch after the key, and the sound heard between the key
    and the switch (what was still heard of the sentence left), or "none"."""
    rec, ref = load(rec_path), Reference(load(ref_path))
    rec_env = envelope(rec)
    spans, onsets = load_spans(ref.x, sentences_path)
    key = held_at(load_clock(clock_path), wall)
    a = first_sound_from(rec, key + RATE // 10)
    if a > key + RATE:
        print("none")
        return 1
    fa, ca = place(rec, rec_env, ref, onsets, a, 30)
    s = sentence_at(spans, fa)
    if s == 0:
        print("none")
        return 1
    onset = onsets[s - 1]
    switch = a - max(0, fa - onset)
    n = RATE // 5
    corr, _ = exact_offset(rec, ref.x, switch, onset, n=RATE // 10, reach=2 * WINDOW)
    if corr < 0.9:  # synthesized anew: likeness of the two starts, 20 ms either way
        head = tracks(ref.x[onset:onset + n])
        corr = max(likeness(tracks(rec[switch + d:switch + d + n]), head)
                   for d in range(-2 * WINDOW, 2 * WINDOW + 1, WINDOW // 2) if switch + d >= 0)
    old = sum(WINDOW for i, loud in loud_windows(rec, key) if i < switch and loud)
    print("%d %d %.3f %.3f %d" % (s, (switch - key) * 1000 // RATE, corr, ca, old * 1000 // RATE))
    return 0


def onset(rec_path, clock_path, wall):
    rec = load(rec_path)
    at = held_at(load_clock(clock_path), wall)
    at -= at % WINDOW
    quiet = 0
    # The silence before an onset may begin before `at`: a player can start
    # sounding within tens of ms of the key, after as little as 10 ms of
    # silence when it skips.
    for i, loud in loud_windows(rec, max(0, at - 6 * WINDOW)):
        if loud and quiet >= 1 and i >= at - WINDOW:
            print("%.4f" % (first_sound_from(rec, i - WINDOW) / RATE))
            return 0
        quiet = 0 if loud else quiet + 1
    print("none")
    return 1


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "segments":
        x = load(argv[2])
        opts = dict(zip(argv[3::2], argv[4::2]))
        for s, e in segments(x, float(opts.get("--min-gap", "0.05")), int(opts.get("--from", "0"))):
            print("%.3f %.3f" % (s / RATE, e / RATE))
    elif cmd == "sound-after":
        print("%.3f" % max(0.0, sound_after(load(argv[2]), int(argv[3]))))
    elif cmd == "clock":
        clock(argv[2])
    elif cmd == "kept-pace":
        lags = sorted(t - n / RATE for t, n in load_clock(argv[2]) if n > 0)
        print("%.3f" % (lags[int(0.95 * (len(lags) - 1))] - lags[0] if lags else 0))
    elif cmd == "pause":
        return pause(argv[2], argv[3], argv[4], float(argv[5]), float(argv[6]))
    elif cmd == "pieces":
        return pieces(argv[2], argv[3], argv[4], argv[5], [float(k) for k in argv[6:]])
    elif cmd == "tone":
        rec, clk = load(argv[2]), load_clock(argv[3])
        wall = float(argv[4])
        found = segments(rec, 0.05, held_at(clk, wall))
        if not found:
            print("none")
            return 1
        a, b = found[0]
        a, b = first_sound_from(rec, a - WINDOW), last_sound_before(rec, b) + 1
        # The frequency where the tone is at least 30% of its peak: its
        # faint ends would count stray crossings.
        peak = max(abs(v) for v in rec[a:b])
        loud = [i for i in range(a, b) if abs(rec[i]) > 0.3 * peak]
        m0, m1 = loud[0], loud[-1]
        crossings = sum(1 for i in range(m0 + 1, m1) if (rec[i - 1] < 0) != (rec[i] < 0))
        print("%.3f %.1f %.0f" % (written_by(clk, b) - wall, (b - a) * 1000 / RATE,
                                  crossings / 2 / max(1, m1 - m0) * RATE))
    elif cmd == "which-sentence":
        rec, ref = load(argv[2]), load(argv[3])
        onsets = [int(float(line) * RATE) for line in open(argv[4])]
        scores = which_sentence(rec, ref, onsets, int(float(argv[5]) * RATE))
        print("%d %d %.3f %.3f" % (scores[0][1], scores[0][2] * 1000 // RATE, scores[0][0],
                                   scores[1][0]))
    elif cmd == "landing":
        return landing(argv[2], argv[3], argv[4], argv[5], float(argv[6]))
    elif cmd == "onsets":
        x = load(argv[2])
        for a, _ in segments(x, 0.2):
            print("%.4f" % (first_sound_from(x, a - WINDOW) / RATE))
    elif cmd == "locate":
        rec, ref = load(argv[2]), Reference(load(argv[3]))
        at = int(float(argv[4]) * RATE)
        # The envelope of the sound up to its first stall (a silent 10 ms,
        # which a busy machine may insert) and 300 ms at most, 200 ms at least.
        stretch = segments(rec, 0.005, at)
        windows = max(20, min(30, (stretch[0][1] - at) // WINDOW)) if stretch else 30
        f, corr, env_corr = ref.locate(rec, envelope(rec), at, windows=windows)
        print("%.4f %.3f %.3f" % (f / RATE, corr, env_corr))
    elif cmd == "onset":
        return onset(argv[2], argv[3], float(argv[4]))
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
