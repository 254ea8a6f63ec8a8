#!/usr/bin/env bash
# Pause and flush of the speakers sink on a real audio stack (a private
# PulseAudio server, tests/e2e/lib/pulse.sh), driving tests/unit/test_sink_speakers:
#  pause: a 4 s gliding tone paused for 1 s after 2 s is heard as exactly two
#         stretches with a 1 s gap whose lengths add up to 4 s (nothing lost,
#         nothing repeated: resume continues from the same sample);
#  flush: 1 s of tone written while paused and then flushed is never heard;
#         only the 1 s written after the flush is.
# timing-sensitive: measured live on a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
TEST_BIN=$BUILD/tests/test_sink_speakers
AUDIO="python3 $(dirname "$0")/lib/player_audio.py"
[ -x "$TEST_BIN" ] || skip "$TEST_BIN is not built"
need python3
reason=$(pulse_available) || skip "$reason"
pulse_start "$TMP/pulse" > /dev/null || { echo "could not start PulseAudio"; exit 1; }
trap 'pulse_stop; rm -rf "$TMP"' EXIT

run_case() { # run_case NAME: plays it while recording $TMP/NAME.raw
    pulse_record "$TMP/$1.raw"
    NARRATE_TEST_SPEAKERS=$1 NARRATE_TEST_REFERENCE="$TMP/$1-ref.wav" timeout 60 "$TEST_BIN" \
        > "$TMP/$1.out" 2>&1 || { cat "$TMP/$1.out" >&2; fail "$1: the unit test failed"; }
    sleep 0.3
    pulse_record_stop
    grep "^measure:" "$TMP/$1.out" || true
}

run_case pause
segs=$($AUDIO segments "$TMP/pause.raw" --min-gap 0.2)
echo "pause: sound at $(tr '\n' ';' <<<"$segs")"
check "pause: two stretches of sound" test "$(wc -l <<<"$segs")" -eq 2
read -r a0 a1 b0 b1 < <(tr '\n' ' ' <<<"$segs")
check "pause: the gap lasts the 1 s pause ($a1 .. $b0)" float_between "$(awk -v a="$a1" -v b="$b0" 'BEGIN{print b-a}')" 0.9 1.1
total=$(awk -v a0="$a0" -v a1="$a1" -v b0="$b0" -v b1="$b1" 'BEGIN{print (a1-a0)+(b1-b0)}')
check "pause: 4 s of tone in all ($total s): nothing lost or repeated" float_between "$total" 3.96 4.04

run_case flush
segs=$($AUDIO segments "$TMP/flush.raw" --min-gap 0.2)
echo "flush: sound at $(tr '\n' ';' <<<"$segs")"
check "flush: one stretch of sound" test "$(wc -l <<<"$segs")" -eq 1
read -r a0 a1 <<<"$segs"
check "flush: only the 1 s written after the flush ($a0 .. $a1)" float_between "$(awk -v a="$a0" -v b="$a1" 'BEGIN{print b-a}')" 0.96 1.04
finish
