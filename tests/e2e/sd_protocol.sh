#!/usr/bin/env bash
# sd_narrate's module protocol, driven over pipes as speech-dispatcher drives it
# (no server, no sound device: the module sends its audio back as 705 AUDIO).
# Checks the replies (299, 207/203, 200 voice list, 202/200, 210), the events
# (701 BEGIN, 700 marks in order with their names, 702 END, 703 STOP within
# 100 ms of STOP, 704 PAUSE), CHAR/KEY/SOUND_ICON, dot escaping, hostile SSML
# (no command run, the break capped) and exit on QUIT or closed input.
# timing-sensitive: the STOP latency is measured live.
source "$(dirname "$0")/lib/common.sh"
need python3
MODULE="$PWD/$BUILD/sd_narrate"
[ -x "$MODULE" ] || { echo "no $MODULE: run make first"; exit 1; }
export NARRATE_WORKER="$PWD/$BUILD/narrate-worker"
sed "s/^NarrateAudio.*/NarrateAudio \"server\"/" src/sd/narrate.conf > "$TMP/narrate.conf"
canary="$TMP/canary"
python3 tests/e2e/lib/sd_module.py "$MODULE" "$TMP/narrate.conf" "$canary" || {
    echo "module log:"; tail -n 20 "$TMP/narrate.conf.log"; exit 1; }
# Sanitizer reports of the module go to its log, not to this script.
grep -q "Sanitizer" "$TMP/narrate.conf.log" && { echo "FAIL: sanitizer reports in the module log:"; cat "$TMP/narrate.conf.log"; exit 1; }
exit 0
