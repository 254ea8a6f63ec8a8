#!/usr/bin/env bash
# Ctrl-C while narrate plays in a terminal: it exits within 200 ms with code 130,
# leaves no worker behind, and the terminal's settings are as they were.
# Runs in tmux, against a private PulseAudio server (tests/e2e/lib/pulse.sh).
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
need tmux
reason=$(pulse_available) || skip "$reason"
pulse_start "$TMP/pulse" > /dev/null || { echo "could not start PulseAudio"; exit 1; }
session="narrate-int-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; pulse_stop; rm -rf "$TMP"' EXIT

for i in $(seq 200); do echo "The harbor opened at dawn, and the ships waited for the tide."; done > "$TMP/long.txt"
tmux new-session -d -s "$session" -x 100 -y 20 \
    "env PULSE_SERVER=$PULSE_SERVER ALSA_CONFIG_PATH=$ALSA_CONFIG_PATH bash --norc"
tmux send-keys -t "$session" "stty -g > $TMP/stty.before; $NARRATE $TMP/long.txt & echo \$! > $TMP/pid; wait \$!; echo \$? > $TMP/code; stty -g > $TMP/stty.after" Enter
for i in $(seq 50); do [ -s "$TMP/pid" ] && break; sleep 0.1; done
pid=$(cat "$TMP/pid")
sleep 2
workers=$(pgrep -P "$pid" | tr '\n' ' ')
check "narrate is playing with workers ($workers)" test -n "$workers"
start=$(date +%s%N)
kill -INT "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.005; done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "Ctrl-C: exited in ${elapsed_ms} ms (<= 200)" test "$elapsed_ms" -le 200
for i in $(seq 50); do [ -s "$TMP/stty.after" ] && break; sleep 0.1; done
check "Ctrl-C: exit code 130 ($(cat "$TMP/code" 2>/dev/null))" test "$(cat "$TMP/code" 2>/dev/null)" = 130
check "Ctrl-C: terminal settings unchanged" cmp -s "$TMP/stty.before" "$TMP/stty.after"
sleep 0.2
check "Ctrl-C: no worker left running" bash -c "! ps -p '${workers// /,}' >/dev/null 2>&1"
screen=$(tmux capture-pane -p -t "$session")
check "Ctrl-C: nothing but the prompt on screen (no ALSA noise)" bash -c "! grep -qiE 'alsa|jack|error' <<<\"\$1\"" _ "$screen"
finish
