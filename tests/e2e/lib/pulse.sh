# Sourced by e2e scripts: a private PulseAudio server with a null sink as the
# "speakers", reached by PortAudio through ALSA's pulse plugin.
#
#   pulse_available       returns nonzero, with the reason on stdout, when the tools are missing
#   pulse_start DIR       starts the server under DIR (its HOME, runtime dir, socket, ALSA config)
#                         and exports PULSE_SERVER and ALSA_CONFIG_PATH for what runs next
#   pulse_record FILE     starts parec on the null sink's monitor (s16le mono 22050 Hz raw)
#   pulse_record_stop     stops it
#   pulse_stop            stops everything pulse_start and pulse_record started
# The caller installs `trap pulse_stop EXIT`.  The server runs as whatever user we
# are; as root it only warns (no --system needed) because it has its own HOME.

PULSE_PID=""
PAREC_PID=""
PULSE_SINK=narrate_test_speakers

pulse_available() {
    local tool
    for tool in pulseaudio parec pactl; do
        command -v "$tool" >/dev/null || { echo "$tool is not installed"; return 1; }
    done
    local plugin
    plugin=$(find /usr/lib /usr/lib64 -name libasound_module_pcm_pulse.so 2>/dev/null | head -n1)
    [ -n "$plugin" ] || { echo "ALSA's pulse plugin (libasound2-plugins) is not installed"; return 1; }
}

pulse_start() {
    local dir=$1
    mkdir -p "$dir/home" "$dir/run"
    chmod 700 "$dir/run"
    cat > "$dir/asound.conf" <<'ALSA'
pcm.!default { type pulse }
ctl.!default { type pulse }
ALSA
    HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" XDG_CONFIG_HOME="$dir/home/.config" \
        pulseaudio --daemonize=no --exit-idle-time=-1 -n --disable-shm=yes \
        --load="module-native-protocol-unix socket=$dir/native auth-anonymous=1" \
        --load="module-null-sink sink_name=$PULSE_SINK rate=44100" \
        --log-target=file:"$dir/pulse.log" >/dev/null 2>&1 &
    PULSE_PID=$!
    export PULSE_SERVER="unix:$dir/native"
    export ALSA_CONFIG_PATH="$dir/asound.conf"
    local i
    for i in $(seq 50); do
        timeout 2 pactl info >/dev/null 2>&1 && {
            timeout 2 pactl set-default-sink "$PULSE_SINK" >/dev/null 2>&1
            return 0
        }
        sleep 0.1
    done
    echo "PulseAudio did not start; its log:"
    cat "$dir/pulse.log" 2>/dev/null
    return 1
}

pulse_record() {
    parec -d "$PULSE_SINK.monitor" --format=s16le --rate=22050 --channels=1 --raw \
        --latency-msec=20 > "$1" 2>/dev/null &
    PAREC_PID=$!
    sleep 0.3
}

pulse_record_stop() {
    if [ -n "$PAREC_PID" ]; then
        kill "$PAREC_PID" 2>/dev/null
        wait "$PAREC_PID" 2>/dev/null
        PAREC_PID=""
    fi
}

pulse_stop() {
    pulse_record_stop
    if [ -n "$PULSE_PID" ]; then
        kill "$PULSE_PID" 2>/dev/null
        timeout 5 tail --pid="$PULSE_PID" -f /dev/null 2>/dev/null || kill -9 "$PULSE_PID" 2>/dev/null
        wait "$PULSE_PID" 2>/dev/null
        PULSE_PID=""
    fi
}
