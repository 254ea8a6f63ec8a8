#!/usr/bin/env bash
# The Python binding (examples/python/narrate.py) against the real library,
# workers and CLI: tests/python/test_narrate.py (unittest, stdlib only).  With
# a private PulseAudio server it also plays through the Speakers sink, and the
# recording of the server's monitor must hold sound.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
need python3
LIBRARY="$PWD/$BUILD/libnarrate.so.0"
[ -e "$LIBRARY" ] || { echo "no $LIBRARY: run make first"; exit 1; }
# The sanitizer build's library cannot be loaded into an uninstrumented python3.
if grep -q asan <(ldd "$LIBRARY" 2>/dev/null); then
    skip "$LIBRARY is built with ASan, which python3 cannot load"
fi

pulse_note="Speakers sink not tested: $(pulse_available)"
if [ "$pulse_note" = "Speakers sink not tested: " ] && pulse_start "$TMP/pulse" > /dev/null; then
    trap 'pulse_stop; rm -rf "$TMP"' EXIT
    export NARRATE_TEST_PULSE=1
    pulse_record "$TMP/speakers.raw"
    pulse_note=""
fi

NARRATE_LIBRARY="$LIBRARY" NARRATE_WORKER="$PWD/$BUILD/narrate-worker" BUILD="$BUILD" \
    timeout 300 python3 -m unittest discover -v -s tests/python 2>&1 | tee "$TMP/unittest.out"
status=${PIPESTATUS[0]}
check "the binding's unit tests pass" test "$status" -eq 0

if [ -z "$pulse_note" ]; then
    sleep 0.3
    pulse_record_stop
    segs=$(python3 "$(dirname "$0")/lib/player_audio.py" segments "$TMP/speakers.raw" --min-gap 0.2)
    echo "speakers: sound at $(tr '\n' ';' <<<"$segs")"
    check "audio written to Speakers was heard" test -n "$segs"
else
    echo "$pulse_note"
fi
finish
