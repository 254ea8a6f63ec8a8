#!/usr/bin/env bash
# The interactive player in tmux (tests/e2e/lib/player_tmux.sh) is a good
# citizen at the terminal.  narrate runs under lib/pane_job.py, a job-control
# shell that never touches the terminal mode, so `stty -g` after narrate is
# what narrate left behind (each case has its own XDG_STATE_HOME, so none is
# asked whether to resume):
#  - after q, Ctrl-C and SIGTERM the mode is the one before (exit 0, 130, 143);
#  - Ctrl-Z restores the mode and the normal screen before it stops and the
#    sound stops; `fg` (SIGCONT in the foreground) redraws the display and the
#    sound comes back;
#  - resizing the window to several sizes, down to 9 x 3, redraws the display
#    at the new size with no escape-sequence fragments, no line that wraps, the
#    title on the first line (from 4 lines), the state and "k of n" or "k/n"
#    (the state from 16 columns) and the times (from 3 lines and 13 columns).
# timing-sensitive: the Ctrl-Z case listens to a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
source "$(dirname "$0")/lib/player_tmux.sh"
player_setup
source "$(dirname "$0")/lib/player_article.sh"

same_mode() { # NAME WHEN
    cmp -s "$TMP/$1/stty.before" "$TMP/$1/stty.$2" ||
        { echo "  before: $(cat "$TMP/$1/stty.before")"; echo "  $2: $(cat "$TMP/$1/stty.$2" 2>/dev/null)"; return 1; }
}

ends_with() { # NAME HOW EXPECTED-STATUS KEY-OR-SIGNAL
    STATE=$TMP/state-$1 player_launch "$1" 80 24 "$ARTICLE"
    player_wait "$1" "sentence 2 of $SENTENCES" 20 || fail "$1: sentence 2 never showed"
    case $4 in
        SIG*) kill "-${4#SIG}" "$(player_pid "$1")" ;;
        *) player_key "$1" "$4" ;;
    esac
    local code
    code=$(player_wait_exit "$1" 10)
    check "$2 ends the player with status $3 (got $code)" test "$code" = "$3"
    check "after $2 the terminal mode is as before" same_mode "$1" after
    check "after $2 the player's screen is gone" bash -c "! tmux -L '$TMUX_SOCKET' -f /dev/null capture-pane -p -t '$1' | grep -q 'sentence [0-9]* of'"
    player_close "$1"
}
ends_with quit q 0 q
ends_with interrupt Ctrl-C 130 C-c
ends_with term SIGTERM 143 SIGTERM

# ---- Ctrl-Z and fg ----
player_record stop
STATE=$TMP/state-stop player_launch stop 80 24 "$ARTICLE"
player_wait stop "sentence 2 of $SENTENCES" 20 || fail "Ctrl-Z: sentence 2 never showed"
sleep 0.5
player_key stop C-z
for i in $(seq 60); do grep -q stopped "$TMP/stop/events" 2>/dev/null && break; sleep 0.05; done
check "Ctrl-Z stops the player" grep -q stopped "$TMP/stop/events"
check "stopped, the terminal mode is as before" same_mode stop stopped
check "stopped, the player's screen is gone" bash -c "! tmux -L '$TMUX_SOCKET' -f /dev/null capture-pane -p -t stop | grep -q 'sentence [0-9]* of'"
sleep 1.5
date +%s.%N > "$TMP/stop/fg"
touch "$TMP/stop/fg.tmp" && mv "$TMP/stop/fg.tmp" "$TMP/stop/fg"
player_wait stop "playing +sentence [0-9]+ of $SENTENCES" 3 && pass "fg redraws the display" || fail "fg did not redraw the display"
sleep 1.5
player_key stop q
code=$(player_wait_exit stop 10)
player_record_stop
check "the recording kept pace with the clock (parec dropped nothing)" player_recording_intact stop
check "after fg, q ends the player with status 0 (got $code)" test "$code" = 0
check "after fg and q the terminal mode is as before" same_mode stop after
# The sound: some before Ctrl-Z, none from 300 ms after it until fg, some after fg.
read -r _ zkey < "$TMP/stop/keys"
$AUDIO segments "$TMP/stop/rec.raw" --min-gap 0.2 > "$TMP/stop/segments"
zpos=$(python3 -c "import sys; sys.path.insert(0, '$LIB'); import player_audio as a; print(a.held_at(a.load_clock('$TMP/stop/clock'), $zkey) / a.RATE)")
fgpos=$(python3 -c "import sys; sys.path.insert(0, '$LIB'); import player_audio as a; print(a.held_at(a.load_clock('$TMP/stop/clock'), $(head -c 30 "$TMP/stop/fg" 2>/dev/null || echo 0)) / a.RATE)" 2>/dev/null)
echo "measure: Ctrl-Z at ${zpos} s of the recording; sound at: $(tr '\n' ';' < "$TMP/stop/segments")"
check "there was sound before Ctrl-Z" awk -v z="$zpos" '$1 < z { found = 1 } END { exit !found }' "$TMP/stop/segments"
check "no sound from 300 ms after Ctrl-Z for the next second" \
    awk -v z="$zpos" '$2 > z + 0.3 && $1 < z + 1.3 { exit 1 }' "$TMP/stop/segments"
check "sound again after fg" awk -v z="$zpos" '$1 > z + 1.5 { found = 1 } END { exit !found }' "$TMP/stop/segments"

# ---- resizing ----
STATE=$TMP/state-resize player_launch resize 80 24 "$ARTICLE"
player_wait resize "sentence 2 of $SENTENCES" 20 || fail "resize: sentence 2 never showed"
clean_screen() { # W H: what the pane shows fits it and is not garbage
    local w=$1 h=$2 screen
    screen=$(player_screen resize)
    printf '%s\n' "$screen" | sed 's/^/  | /'
    if printf '%s\n' "$screen" | grep -qE $'\033|\\[[0-9;?]+[A-Za-z]'; then
        echo "escape-sequence fragments on the screen"; return 1
    fi
    # A line as wide as the pane means the cursor reached the margin: the
    # display keeps one column free so that nothing ever wraps.
    if printf '%s\n' "$screen" | awk -v w="$w" 'length($0) >= w { bad = 1 } END { exit !bad }'; then
        echo "a line reaches the right margin"; return 1
    fi
    if [ "$h" -ge 4 ]; then
        local title="narrate: "
        title=${title:0:$((w - 1))}
        printf '%s\n' "$screen" | head -n 1 | grep -qF "$title" || { echo "the title is not on the first line"; return 1; }
    fi
    local status='[0-9]+/'"$SENTENCES"
    [ "$w" -ge 16 ] && status='(playing|PAUSED) .*(sentence [0-9]+ of |[0-9]+/)'"$SENTENCES"
    printf '%s\n' "$screen" | grep -qE "$status" || { echo "the status line is not whole"; return 1; }
    if [ "$h" -ge 3 ] && [ "$w" -ge 13 ]; then
        printf '%s\n' "$screen" | grep -qE '[0-9]+:[0-9]{2} / [0-9]+:[0-9]{2}' ||
            { echo "the times are not whole"; return 1; }
    fi
}
for size in 100x30 40x12 24x10 16x8 16x4 12x5 9x3 60x20 80x24; do
    w=${size%x*} h=${size#*x}
    tm resize-window -t resize -x "$w" -y "$h"
    sleep 0.4
    check "resized to $size, the display is redrawn clean" clean_screen "$w" "$h"
done
player_key resize Space
sleep 0.3
tm resize-window -t resize -x 30 -y 9
sleep 0.4
check "resized while paused to 30x9, the display is redrawn clean" clean_screen 30 9
player_key resize q
code=$(player_wait_exit resize 10)
check "after the resizes, q ends the player with status 0 (got $code)" test "$code" = 0
check "after the resizes the terminal mode is as before" same_mode resize after
finish
