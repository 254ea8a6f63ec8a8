#!/usr/bin/env bash
# Hostile SSML sent through speech-dispatcher (spd-say -x) to sd_narrate is read
# safely: <audio src> of a file and of a shell command (a canary file that must
# never appear), a control character entity, a 100000 s break (capped at 5 s)
# and unclosed tags.  The module survives (same pid), the reading ends in a
# sensible time, and the next message is heard.
# timing-sensitive: audio is captured live.
source "$(dirname "$0")/lib/sd_e2e.sh"

canary="$DIR/canary"
pid=$(speechd_module_pid)
hostile="<speak>Before the tags. <audio src=\"file:///etc/passwd\"/>\
<audio src=\"\$(touch $canary)\">\`touch $canary\` fallback</audio> control &#1; here.\
<break time=\"100000s\"/> After the break. <prosody rate=\"x-fast\"><emphasis>unclosed <s>tags <mark name=\"m\" "
record_start "$DIR/hostile.raw"
start=$(date +%s.%N)
timeout 60 spd-say -w -x "$hostile"
status=$?
took=$(echo "$(date +%s.%N) - $start" | bc)
record_stop
span=$(speaking_span "$DIR/hostile.raw")
echo "measure: hostile SSML heard for ${span} s, spd-say -w took ${took} s"
check "spd-say -w returns (status $status)" test "$status" -eq 0
check "no command from the SSML ran (no canary file)" test ! -e "$canary"
# The words take about 6 s at 230 wpm; the break adds at most 5 s, not 100000.
check "the reading is bounded: heard ${span} s, at most 5 s of break" float_between "$span" 1 14
check "it took a sensible time (${took} s)" float_between "$took" 0.5 20
check "the module survived (pid $pid)" test "$(speechd_module_pid)" = "$pid"
record_start "$DIR/next.raw"
timeout 30 spd-say -w "Three carriers arrived before noon."
record_stop
span=$(speaking_span "$DIR/next.raw")
check "the next message is heard (${span} s)" float_between "$span" 1 6
finish
