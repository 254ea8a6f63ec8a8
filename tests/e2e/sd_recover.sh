#!/usr/bin/env bash
# kill -9 of sd_narrate while it speaks.  speech-dispatcher 0.11 marks the
# module dead and restarts dead modules on SIGUSR1 (its manual, "Signals"; it
# does not restart them by itself).  Checks: the killed module's synthesis
# workers do not outlive it; after SIGUSR1 a new sd_narrate runs and the next
# spd-say -w is spoken and heard.
# timing-sensitive: audio is captured live.
source "$(dirname "$0")/lib/sd_e2e.sh"

old=$(speechd_module_pid)
workers=$(pgrep -P "$old" -d ' ' 2>/dev/null)
timeout 10 spd-say "The harbor authority said on Tuesday that three more ships would wait outside the breakwater until the cranes were repaired."
sleep 1.5
kill -9 "$old"
check "the module ($old, workers: ${workers:-none}) was running and was killed" test -n "$old" -a -n "$workers"
# A worker notices its host is gone when its current sentence is done.
for i in $(seq 100); do
    left=""
    for w in $workers; do kill -0 "$w" 2>/dev/null && left="$left $w"; done
    [ -z "$left" ] && break
    sleep 0.1
done
echo "measure: the workers were gone $((i / 10)).$((i % 10)) s after the kill"
check "its synthesis workers ended with it within 10 s (left:${left:- none})" test -z "$left"
kill -USR1 "$SPEECHD_PID"
for i in $(seq 50); do
    new=$(speechd_module_pid)
    [ -n "$new" ] && [ "$new" != "$old" ] && break
    sleep 0.1
done
check "SIGUSR1: speech-dispatcher started a new sd_narrate (${new:-none}, was $old)" \
    test -n "$new" -a "$new" != "$old"
record_start "$DIR/after.raw"
timeout 30 spd-say -w "Three carriers arrived before noon."
status=$?
record_stop
check "spd-say -w after the crash returns (status $status)" test "$status" -eq 0
span=$(speaking_span "$DIR/after.raw")
echo "measure: heard ${span} s after the crash"
check "the message after the crash is heard (${span} s)" float_between "$span" 1 6
finish
