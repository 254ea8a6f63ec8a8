#!/usr/bin/env bash
# `spd-say -C` while sd_narrate speaks: the sound on the (null) speakers stops
# within 100 ms of the cancel, measured on the capture's own clock (the capture
# file's size when the cancel is sent marks the moment).  Three tries, each
# must pass; the figures are printed.  With SD_AUDIO=server the same is measured
# with speech-dispatcher playing the audio, for comparison (sd_narrate plays
# it itself by default because that stops sooner: see README).
# timing-sensitive: latencies measured live.
source "$(dirname "$0")/lib/sd_e2e.sh"

long="The harbor authority said on Tuesday that three more ships would wait outside the breakwater until the cranes were repaired, and that the port would stay open through the weekend for smaller boats."
for try in 1 2 3; do
    record_start "$DIR/stop$try.raw"
    timeout 10 spd-say "$long"
    sleep 2
    at=$(stat -c %s "$DIR/stop$try.raw")
    timeout 10 spd-say -C
    sleep 1.5
    record_stop
    out=$(python3 tests/e2e/lib/stop_latency.py "$DIR/stop$try.raw" "$at")
    status=$?
    echo "measure (${SD_AUDIO:-module} plays): $out"
    ms=$(sed -n 's/.*sound after the stop: \([0-9]*\) ms.*/\1/p' <<<"$out")
    check "try $try: speech was playing and stopped within 100 ms (${ms:-?} ms)" \
        test "$status" -eq 0 -a -n "$ms" -a "${ms:-999}" -lt 100
done
# Still usable after the cancels.
record_start "$DIR/after.raw"
timeout 30 spd-say -w "The cranes began to move."
record_stop
span=$(speaking_span "$DIR/after.raw")
check "the next message after the cancels is heard (${span} s)" float_between "$span" 0.5 5
finish
