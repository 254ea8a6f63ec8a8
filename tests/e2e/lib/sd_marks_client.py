#!/usr/bin/env python3
"""Speaks SSML with marks through python3-speechd (the client library Orca uses)
and checks the events: BEGIN first, the marks in order with their names, END
last, and marks reported as their audio plays (spaced like the speech, not all
at once as synthesis would give them).  Prints ok:/FAIL:/measure: lines; exit 1
on failure.  Uses SPEECHD_ADDRESS."""
import sys
import threading
import time

import speechd

SSML = ('<speak>The harbor opened at dawn on Tuesday, and the first ships came in slowly.'
        '<mark name="after-dawn"/> Three carriers arrived before noon.'
        '<mark name="after-noon"/> The cranes began to move.<mark name="at-end"/></speak>')
WANT = ["after-dawn", "after-noon", "at-end"]

failures = 0


def check(what, ok):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    failures += not ok


def main():
    client = speechd.SSIPClient("narrate-test", autospawn=False)
    client.set_data_mode(speechd.DataMode.SSML)
    events, done = [], threading.Event()
    CT = speechd.CallbackType

    def on_event(kind, index_mark=None):
        events.append((kind, index_mark, time.monotonic()))
        if kind in (CT.END, CT.CANCEL):
            done.set()

    client.speak(SSML, callback=on_event,
                 event_types=(CT.BEGIN, CT.END, CT.INDEX_MARK, CT.CANCEL))
    finished = done.wait(60)
    client.close()
    check("the message ends", finished)
    kinds = [e[0] for e in events]
    marks = [e[1] for e in events if e[0] == CT.INDEX_MARK]
    print("measure: events %s" % [(k, m, round(t - events[0][2], 2)) for k, m, t in events])
    check("BEGIN comes first", kinds[:1] == [CT.BEGIN])
    check("END comes last", kinds[-1:] == [CT.END])
    check("the marks arrive in order with their names (%s)" % marks, marks == WANT)
    if marks == WANT and kinds[:1] == [CT.BEGIN]:
        t = {m: tt for k, m, tt in events if k == CT.INDEX_MARK}
        begin, end = events[0][2], events[-1][2]
        first = t["after-dawn"] - begin
        gap = t["after-noon"] - t["after-dawn"]
        tail = end - t["at-end"]
        # A sentence of about 2 s before the first mark, 1.5 s between the first two.
        check("the first mark comes when its audio plays (%.2f s after BEGIN)" % first, first > 1.0)
        check("the second mark follows the sentence between them (%.2f s)" % gap, gap > 0.7)
        check("the last mark comes with the end of the audio (%.2f s before END)" % tail, tail < 0.5)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
