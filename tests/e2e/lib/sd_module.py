#!/usr/bin/env python3
"""Drives build/sd_narrate over pipes as speech-dispatcher does (stdlib only).

usage: sd_module.py MODULE CONFIG [CANARY]
Runs the protocol checks with the module sending its audio to "the server"
(this script), so no sound device is needed; prints "ok: ..." / "FAIL: ..."
lines and a "measure: ..." line per timing, and exits 1 on any failure.
"""
import os
import select
import struct
import subprocess
import sys
import time

LONG_TEXT = ("<speak>" + " ".join(
    "The harbor authority said on Tuesday that %s more ships would wait outside "
    "the breakwater until the cranes were repaired." % w
    for w in ("three", "four", "five", "six", "seven", "eight")) + "</speak>")


class Module:
    """sd_narrate as a child process; replies and events parsed from its stdout."""

    def __init__(self, path, config):
        self.proc = subprocess.Popen([path, config], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=open(config + ".log", "ab"))
        self.buf = b""
        self.events = []

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def _line(self, deadline):
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line

    def message(self, timeout=10.0):
        """The next reply (not an event): (code, [continuation lines], final line, time).
        Events (7xx) that come first are kept for event(), as the server does."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self._message(deadline)
            if msg is None or msg[0] < 700:
                return msg
            self.events.append(msg)

    def event(self, timeout=10.0):
        """The next event, kept or new; a reply in between counts as a protocol error."""
        if self.events:
            return self.events.pop(0)
        return self._message(time.monotonic() + timeout)

    def _message(self, deadline):
        """The next whole message, reply or event."""
        lines = []
        while True:
            line = self._line(deadline)
            if line is None:
                return None
            if len(line) >= 4 and line[3:4] == b"-":
                lines.append(line[4:])
                continue
            return int(line[:3]), lines, line[4:].decode(errors="replace"), time.monotonic()

    def command(self, text, timeout=30.0):
        self.send(text)
        return self.message(timeout)

    def close(self):
        try:
            self.send("QUIT\n")
            reply = self.message(5)
        except BrokenPipeError:
            reply = None
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return reply


def audio_samples(lines):
    """Decodes a 705 AUDIO message's lines; returns (sample count, declared count)."""
    params = {}
    for raw in lines:
        if raw.startswith(b"AUDIO\0"):
            data = bytearray()
            it = iter(raw[6:])
            for b in it:
                data.append(next(it) ^ 0x20 if b == 0x7D else b)
            return len(data) // 2, int(params.get(b"num_samples", -1)), bytes(data)
        key, _, value = raw.partition(b"=")
        params[key] = value
    return -1, -2, b""


failures = 0


def check(what, ok):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures += 1


def utterance(m, timeout=60.0):
    """Events until END/STOP/PAUSE: (list of (code, payload, time), audio samples, bad blocks)."""
    events, samples, bad = [], 0, 0
    while True:
        msg = m.event(timeout)
        if msg is None:
            events.append((None, "timeout", time.monotonic()))
            return events, samples, bad
        code, lines, final, t = msg
        if code == 705:
            got, declared, _ = audio_samples(lines)
            samples += max(got, 0)
            bad += got != declared
            events.append((705, got, t))
            continue
        payload = lines[0].decode() if code == 700 and lines else final
        events.append((code, payload, t))
        if code in (702, 703, 704):
            return events, samples, bad


def audio_of(m, timeout=30.0):
    """The audio bytes of one utterance, up to its END."""
    data = b""
    while True:
        msg = m.event(timeout)
        if msg is None or msg[0] in (702, 703, 704):
            return data
        if msg[0] == 705:
            data += audio_samples(msg[1])[2]


def speak(m, ssml, settings="rate=0\npitch=0\nvolume=100\n"):
    r = m.command("SET\n")
    m.send(settings + ".\n")
    r2 = m.message()
    a = m.command("SPEAK\n")
    m.send(ssml + "\n.\n")
    b = m.message()
    return r, r2, a, b


def main(module_path, config, canary):
    m = Module(module_path, config)
    r = m.command("INIT\n", 60)
    check("INIT answers 299 (%s)" % (r and r[2]), r is not None and r[0] == 299)
    r = m.command("AUDIO\n")
    m.send("audio_output_method=server\n.\n")
    r2 = m.message()
    check("AUDIO: 207 then 203 for server audio", r and r[0] == 207 and r2 and r2[0] == 203)
    r = m.command("LOGLEVEL\n")
    m.send("log_level=3\n.\n")
    r2 = m.message()
    check("LOGLEVEL: 207 then 203", r and r[0] == 207 and r2 and r2[0] == 203)
    r = m.command("LIST VOICES\n")
    voices = [l.decode().split("\t") for l in (r[1] if r else [])]
    check("LIST VOICES: 200 with name/language/variant lines, screenreader among them",
          r and r[0] == 200 and all(len(v) == 3 for v in voices)
          and ["screenreader", "en", "none"] in voices)
    r = m.command("FROBNICATE\n")
    check("an unknown command is a 3xx error", r and 300 <= r[0] < 400)

    # A message with marks: replies, then BEGIN, audio and marks in order, END.
    ssml = ('<speak>The harbor opened at dawn. <mark name="first"/>Three ships '
            'arrived before noon. <mark name="second"/>The cranes began to move.'
            '<mark name="third"/></speak>')
    s1, s2, a, b = speak(m, ssml)
    check("SET: 203 twice", s1 and s1[0] == 203 and s2 and s2[0] == 203)
    check("SPEAK: 202, then 200 after the data", a and a[0] == 202 and b and b[0] == 200)
    events, samples, bad = utterance(m)
    codes = [e[0] for e in events]
    marks = [e[1] for e in events if e[0] == 700]
    print("measure: %d samples of audio, events %s" % (samples, [c for c in codes if c != 705][:12]))
    check("BEGIN comes first and END last", codes[:1] == [701] and codes[-1:] == [702])
    check("marks arrive in order with their names (%s)" % marks, marks == ["first", "second", "third"])
    check("audio blocks decode to their declared length", samples > 22050 and bad == 0)
    if marks == ["first", "second", "third"]:
        before_first = sum(e[1] for e in events[:codes.index(700)] if e[0] == 705)
        check("the first mark falls after the first sentence's audio (%.2f s)" % (before_first / 22050),
              before_first > 0.8 * 22050)
        last_mark = max(i for i, c in enumerate(codes) if c == 700)
        check("the last mark comes after all the audio", 705 not in codes[last_mark:])

    # STOP while speaking: 703 at once, no audio after it.
    speak(m, LONG_TEXT)
    first = m.event(30)
    check("BEGIN for the long text", first and first[0] == 701)
    time.sleep(0.5)
    t0 = time.monotonic()
    m.send("STOP\n")
    events, samples, _ = utterance(m, 10)
    end = events[-1]
    latency = (end[2] - t0) * 1000
    print("measure: STOP -> 703 in %.1f ms" % latency)
    check("STOP ends the message with 703 STOP", end[0] == 703)
    check("703 comes within 100 ms of STOP (%.1f ms)" % latency, latency < 100)
    r = m.command("SET\n")
    m.send(".\n")
    r2 = m.message(2)
    check("the module answers at once after a stop", r and r[0] == 203 and r2 and r2[0] == 203)

    # SPEAK while speaking is an error (4xx), and the message being spoken goes on.
    speak(m, LONG_TEXT)
    m.event(30)
    a = m.command("SPEAK\n")
    m.send("<speak>Another.</speak>\n.\n")
    b = m.message()
    check("SPEAK while speaking: 202, then a 4xx error (%s)" % (b and b[0]),
          a and a[0] == 202 and b and 400 <= b[0] < 500)
    m.send("STOP\n")
    events, _, _ = utterance(m, 10)
    check("the first message then ends with its STOP", events[-1][0] == 703)

    # PAUSE: 704.
    speak(m, LONG_TEXT)
    m.event(30)
    time.sleep(0.3)
    m.send("PAUSE\n")
    events, _, _ = utterance(m, 10)
    check("PAUSE ends the message with 704 PAUSE", events[-1][0] == 704)

    # Voices: the voice type maps through narrate.conf, a synthesis voice names one.
    heard = {}
    for name, settings in (("default", "voice=male1\nsynthesis_voice=NULL\n"),
                           ("female1", "voice=female1\nsynthesis_voice=NULL\n"),
                           ("flite:slt", "voice=male1\nsynthesis_voice=flite:slt\n"),
                           ("no such voice", "synthesis_voice=nosuchvoice\n")):
        speak(m, "<speak>Hello there.</speak>", settings)
        heard[name] = audio_of(m)
    check("voice type female1 sounds different from the default",
          heard["female1"] and heard["female1"] != heard["default"])
    check("synthesis voice flite:slt sounds different from the default",
          heard["flite:slt"] and heard["flite:slt"] != heard["default"])
    print("measure: Hello there. default %d bytes, unknown voice %d bytes" % (len(heard["default"]), len(heard["no such voice"])))
    check("an unknown synthesis voice falls back to the module's voice",
          heard["default"] and
          abs(len(heard["no such voice"]) - len(heard["default"])) < 0.03 * len(heard["default"]))
    r = m.command("SET\n")
    m.send("synthesis_voice=NULL\n.\n")
    m.message()

    # A STOP when idle is no error and gets no reply.
    m.send("STOP\n")
    r = m.command("SET\n")
    m.send(".\n")
    m.message(2)
    check("STOP when idle sends nothing back", r and r[0] == 203)

    # CHAR, KEY, SOUND_ICON: each a whole message.
    for cmd, data in (("CHAR", "a"), ("CHAR", "<"), ("KEY", "shift_a"), ("SOUND_ICON", "message")):
        a = m.command(cmd + "\n")
        m.send(data + "\n.\n")
        b = m.message()
        events, samples, _ = utterance(m, 30)
        codes = [e[0] for e in events]
        want_audio = cmd != "SOUND_ICON"
        check("%s %s: 202, 200, BEGIN ... END%s" % (cmd, data, " with audio" if want_audio else ""),
              a and a[0] == 202 and b and b[0] == 200 and codes[0] == 701 and codes[-1] == 702
              and (samples > 0) == want_audio)

    # A line of a single dot comes doubled and is read back as one dot, not as the end.
    a = m.command("SPEAK\n")
    m.send("<speak>One\n..\ntwo.</speak>\n.\n")
    b = m.message()
    events, samples, _ = utterance(m, 30)
    check("a doubled dot line does not end the data", b and b[0] == 200 and events[-1][0] == 702)

    # Hostile SSML: read safely, nothing run, bounded length.
    hostile = ('<speak>Before. <audio src="file:///etc/passwd"/>'
               '<audio src="$(touch %s)">`touch %s`</audio> control &#1; here '
               '<break time="100000s"/> after the break <prosody rate="x-fast">'
               '<emphasis>unclosed <s>tags <mark name="m" ' % (canary, canary))
    t0 = time.monotonic()
    speak(m, hostile)
    events, samples, _ = utterance(m, 60)
    took = time.monotonic() - t0
    print("measure: hostile SSML: %.2f s of audio, %.2f s to speak" % (samples / 22050, took))
    check("hostile SSML ends with END", events[-1][0] == 702)
    check("hostile SSML: the break is capped (%.1f s of audio)" % (samples / 22050),
          0.5 < samples / 22050 < 20)
    check("hostile SSML: nothing was run (no canary file)", not os.path.exists(canary))

    r = m.close()
    check("QUIT answers 210 and the module exits", r and r[0] == 210 and m.proc.returncode == 0)

    # End of input (the server died) ends the module too.
    m = Module(module_path, config)
    m.command("INIT\n", 60)
    m.proc.stdin.close()
    try:
        m.proc.wait(10)
        gone = True
    except subprocess.TimeoutExpired:
        m.proc.kill()
        gone = False
    check("the module exits when its input closes", gone)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "/tmp/sd-canary"))
