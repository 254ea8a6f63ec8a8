# Sourced by e2e scripts: a private speech-dispatcher server with sd_narrate as
# its default module.  Pair it with pulse.sh (start PulseAudio first: the server
# and the module inherit PULSE_SERVER and ALSA_CONFIG_PATH).
#
#   speechd_available            returns nonzero, with the reason on stdout, when tools are missing
#   speechd_start DIR MODULE AUDIO   starts the server under DIR (its config, socket, logs,
#                                XDG_RUNTIME_DIR) with MODULE as module "narrate", its audio
#                                played by the "module" or the "server"; exports
#                                SPEECHD_ADDRESS for the clients that run next
#   speechd_module_pid           the pid of the running sd_narrate (empty when none)
#   speechd_stop                 stops the server (and so its modules)
# The caller stops it in its EXIT trap.

SPEECHD_PID=""
SPEECHD_DIR=""

speechd_available() {
    local tool
    for tool in speech-dispatcher spd-say; do
        command -v "$tool" >/dev/null || { echo "$tool is not installed (speech-dispatcher)"; return 1; }
    done
}

speechd_start() {
    local dir=$1 module=$2 audio=$3
    SPEECHD_DIR=$dir
    mkdir -p "$dir/conf/modules" "$dir/log" "$dir/run"
    chmod 700 "$dir/run"
    cat > "$dir/conf/speechd.conf" <<CONF
LogLevel 4
LogDir "$dir/log"
AudioOutputMethod "pulse"
DefaultVolume 100
DefaultRate 0
AddModule "narrate" "$module" "narrate.conf"
DefaultModule narrate
CONF
    printf 'NarrateVoice "screenreader"\nNarrateRate 230\nNarrateAudio "%s"\nNarrateWorkers 2\n' \
        "$audio" > "$dir/conf/modules/narrate.conf"
    export SPEECHD_ADDRESS="unix_socket:$dir/speechd.sock"
    XDG_RUNTIME_DIR="$dir/run" HOME="$dir" \
        speech-dispatcher -s -t 0 -C "$dir/conf" -c unix_socket -S "$dir/speechd.sock" \
        -P "$dir/speechd.pid" -L "$dir/log" > "$dir/log/stdout" 2>&1 &
    SPEECHD_PID=$!
    local i
    for i in $(seq 100); do
        [ -S "$dir/speechd.sock" ] && [ -n "$(speechd_module_pid)" ] && return 0
        kill -0 "$SPEECHD_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "speech-dispatcher did not start with sd_narrate; its logs:"
    tail -n 30 "$dir/log/"* 2>/dev/null
    return 1
}

speechd_module_pid() {
    [ -n "$SPEECHD_PID" ] && pgrep -P "$SPEECHD_PID" -x sd_narrate | head -n 1
}

speechd_stop() {
    if [ -n "$SPEECHD_PID" ]; then
        kill "$SPEECHD_PID" 2>/dev/null
        timeout 5 tail --pid="$SPEECHD_PID" -f /dev/null 2>/dev/null || kill -9 "$SPEECHD_PID" 2>/dev/null
        wait "$SPEECHD_PID" 2>/dev/null
        SPEECHD_PID=""
    fi
}
