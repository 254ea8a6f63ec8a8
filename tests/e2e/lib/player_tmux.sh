# Sourced by the player's end-to-end tests, after common.sh and pulse.sh: the
# real build/narrate in a private tmux server, its audio on the private
# PulseAudio null sink, recorded by parec, with a clock log to place key
# presses in the recording.
#
#   player_setup             skips (77) without tmux/pulse/python3; starts PulseAudio
#                            and a private tmux server; installs the EXIT trap
#   player_launch NAME W H ARGS...
#                            a fresh window W x H running `narrate ARGS` under
#                            lib/pane_job.py (a job-control shell that leaves the
#                            terminal mode alone); state in $TMP/NAME/, with a
#                            private XDG_STATE_HOME ($TMP/state unless STATE is set);
#                            $TMP/NAME/launched holds the wall time it was started
#   player_record NAME       starts parec into $TMP/NAME/rec.raw and a clock log
#                            ($TMP/NAME/clock: "wall-time bytes" whenever it grows)
#   player_record_stop
#   player_recording_intact NAME   fails when the recording fell more than 50 ms
#                            behind the wall clock (parec dropped audio)
#   player_key NAME KEY...   sends tmux keys; appends "KEY wall-time" to $TMP/NAME/keys
#                            (the time just before the key is handed to tmux)
#   player_screen NAME       prints the pane
#   player_wait NAME REGEX [SECONDS]  waits until the pane matches; returns 1 on timeout
#   player_wait_exit NAME [SECONDS]   waits for narrate to end; prints its exit status
#   player_pid NAME          narrate's process id
#   player_close NAME        kills the window (and narrate if still running)
# PLAYER_KEEP=DIR keeps a copy of the test's files (recordings, clock, keys) there.
LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
AUDIO="python3 $LIB/player_audio.py"
TMUX_SOCKET=narrate-e2e-$$-$RANDOM
CLOCK_PID=""
SILENCE_PID=""

tm() { tmux -L "$TMUX_SOCKET" -f /dev/null "$@"; }

player_teardown() {
    player_record_stop
    [ -n "$SILENCE_PID" ] && kill "$SILENCE_PID" 2>/dev/null && wait "$SILENCE_PID" 2>/dev/null
    tm kill-server 2>/dev/null
    pulse_stop
    [ -n "${PLAYER_KEEP:-}" ] && cp -r "$TMP" "$PLAYER_KEEP"  # to look at the recordings
    rm -rf "$TMP"
}

player_setup() {
    need tmux
    need python3
    need stty
    need pacat
    local reason
    reason=$(pulse_available) || skip "$reason"
    [ "${NARRATE_SANITIZED:-0}" = 1 ] && skip "real-time playback is not measured under sanitizers"
    pulse_start "$TMP/pulse" > /dev/null || { echo "could not start PulseAudio"; exit 1; }
    trap player_teardown EXIT
    # A stream of silence keeps the null sink running: otherwise its monitor
    # yields nothing while the sink idles, and a recording would begin with
    # the player's first sound, minus the tens of ms the monitor takes to start.
    pacat --raw --format=s16le --rate=22050 --channels=1 --latency-msec=20 /dev/zero &
    SILENCE_PID=$!
    # The server's first session keeps it alive between the test's windows.
    tm new-session -d -s keep -x 80 -y 24 "sleep 100000" || { echo "tmux did not start"; exit 1; }
    tm set-option -g remain-on-exit on
}

player_launch() { # NAME WIDTH HEIGHT ARGS...
    local name=$1 w=$2 h=$3 state=${STATE:-$TMP/state}
    shift 3
    mkdir -p "$TMP/$name" "$state"
    local cmd
    cmd=$(printf '%q ' env "PULSE_SERVER=$PULSE_SERVER" "ALSA_CONFIG_PATH=$ALSA_CONFIG_PATH" \
        "XDG_STATE_HOME=$state" TERM=screen python3 "$LIB/pane_job.py" "$TMP/$name" "$NARRATE" "$@")
    date +%s.%N > "$TMP/$name/launched"
    tm new-session -d -s "$name" -x "$w" -y "$h" "$cmd"
    # A detached session follows its -x/-y, not the size of some client.
    tm set-option -t "$name" window-size manual 2>/dev/null
    local i
    for i in $(seq 100); do
        [ -s "$TMP/$name/pid" ] && return 0
        sleep 0.05
    done
    echo "narrate did not start in tmux:"; player_screen "$name"
    return 1
}

player_record() { # NAME
    mkdir -p "$TMP/$1"
    pulse_record "$TMP/$1/rec.raw"
    $AUDIO clock "$TMP/$1/rec.raw" > "$TMP/$1/clock" &
    CLOCK_PID=$!
}

player_record_stop() {
    if [ -n "$CLOCK_PID" ]; then
        kill "$CLOCK_PID" 2>/dev/null
        wait "$CLOCK_PID" 2>/dev/null
        CLOCK_PID=""
SILENCE_PID=""
    fi
    pulse_record_stop
}

player_recording_intact() { # NAME
    local lag
    lag=$($AUDIO kept-pace "$TMP/$1/clock")
    echo "measure: $1: the recording's lag behind the wall clock varied by $lag s"
    awk -v l="$lag" 'BEGIN { exit !(l <= 0.05) }'
}

player_key() { # NAME KEY...
    local name=$1 key
    shift
    for key in "$@"; do
        echo "$key $(date +%s.%N)" >> "$TMP/$name/keys"
        tm send-keys -t "$name" "$key"
    done
}

player_screen() { tm capture-pane -p -t "$1"; }

# Looks every 20 ms with one tmux call and bash's own clock and regex: a look
# that started four processes took CPU from the audio the test listens to, right
# after each key.
player_wait() { # NAME REGEX [SECONDS (whole)]
    local deadline=$((${EPOCHREALTIME/./} + ${3:-10} * 1000000)) screen
    while ((${EPOCHREALTIME/./} < deadline)); do
        screen=$(player_screen "$1" 2>/dev/null)
        [[ $screen =~ $2 ]] && return 0
        sleep 0.02
    done
    echo "timed out waiting for /$2/ on the screen:"
    player_screen "$1" | sed 's/^/  | /'
    return 1
}

player_wait_exit() { # NAME [SECONDS]
    local i
    for i in $(seq $((${2:-10} * 20))); do
        [ -s "$TMP/$1/exit" ] && { cat "$TMP/$1/exit"; return 0; }
        sleep 0.05
    done
    echo "timeout"
    return 1
}

player_pid() { cat "$TMP/$1/pid"; }

player_close() { tm kill-session -t "$1" 2>/dev/null; }
