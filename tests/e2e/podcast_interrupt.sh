#!/usr/bin/env bash
# Ctrl-C while an episode is synthesized or encoded: the old file stays as it
# was, and no temporary or spool file is left beside it.
source "$(dirname "$0")/lib/common.sh"
for i in $(seq 12); do cat examples/harbor-accord.txt; done > "$TMP/long.txt"
printf 'old episode' > "$TMP/episode.mp3"
before=$(md5sum < "$TMP/episode.mp3")
for delay in 0.5 2.5; do
    "$NARRATE" "$TMP/long.txt" -o "$TMP/episode.mp3" --subtitles "$TMP/episode.vtt" &
    pid=$!
    sleep "$delay"
    kill -INT "$pid"
    wait "$pid"
    rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "finished before the signal at ${delay} s; not a test of interruption"
        continue
    fi
    check "interrupted at ${delay} s: exit 130 ($rc)" test "$rc" -eq 130
    check "interrupted at ${delay} s: the old file is untouched" test "$(md5sum < "$TMP/episode.mp3")" = "$before"
    check "interrupted at ${delay} s: no subtitles" test ! -e "$TMP/episode.vtt"
    check "interrupted at ${delay} s: nothing left behind" test "$(ls -A "$TMP" | grep -cE '\.(tmp|spool)$')" -eq 0
done
finish
