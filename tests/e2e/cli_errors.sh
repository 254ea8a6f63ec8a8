#!/usr/bin/env bash
# Bad input gets one clear line and its own exit code; nothing the user had is lost.
source "$(dirname "$0")/lib/common.sh"

text="$TMP/in.txt"
echo "The harbor opened at dawn. The ships waited for the tide to turn." > "$text"

expect_exit() { # expect_exit CODE DESCRIPTION COMMAND...
    local code=$1 what=$2; shift 2
    "$@" > "$TMP/stdout" 2> "$TMP/stderr"
    local got=$?
    check "$what: exit $code (got $got)" test "$got" -eq "$code"
}
one_line_error() {
    check "$1: exactly one line on stderr" test "$(wc -l < "$TMP/stderr")" -eq 1
    check "$1: it starts with 'narrate:'" grep -q '^narrate: ' "$TMP/stderr"
}

expect_exit 0 "--help" "$NARRATE" --help
check "--help documents the exit codes" grep -q 'Exit status' "$TMP/stdout"
expect_exit 0 "--version" "$NARRATE" --version
check "--version prints the version" grep -qE '^narrate [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/stdout"
expect_exit 2 "unknown option" "$NARRATE" --no-such-option "$text"
expect_exit 2 "rate out of range" "$NARRATE" --rate 5 "$text"
one_line_error "rate out of range"
expect_exit 2 "unknown format" "$NARRATE" --format xyz "$text" -o "$TMP/x.wav"
expect_exit 3 "missing input" "$NARRATE" "$TMP/missing.txt" -o "$TMP/x.wav"
one_line_error "missing input"
check "missing input: nothing written" test ! -e "$TMP/x.wav"
expect_exit 6 "unknown voice" "$NARRATE" --voice no-such-voice "$text" -o "$TMP/x.wav"
one_line_error "unknown voice"
expect_exit 4 "unknown extension" "$NARRATE" "$text" -o "$TMP/x.xyz"
one_line_error "unknown extension"

# A folder that does not exist, and one that cannot be written.
expect_exit 4 "output folder missing" "$NARRATE" "$text" -o "$TMP/no/such/dir/out.wav"
one_line_error "output folder missing"
mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
if [ "$(id -u)" -ne 0 ]; then
    expect_exit 4 "read-only folder" "$NARRATE" "$text" -o "$TMP/ro/out.wav"
fi

# The previous file survives a file-size limit, and no temporary file is left.
for ext in wav mp3 ogg; do
    target="$TMP/keep.$ext"
    echo "precious" > "$target"
    before=$(sha256sum < "$target")
    long="$TMP/long.txt"
    for i in $(seq 40); do cat "$text"; done > "$long"
    (ulimit -f 20; "$NARRATE" "$long" -o "$target") > /dev/null 2> "$TMP/stderr"
    code=$?
    check "$ext: file-size limit fails with exit 4 (got $code)" test "$code" -eq 4
    one_line_error "$ext: file-size limit"
    check "$ext: the old file is untouched" test "$(sha256sum < "$target")" = "$before"
    check "$ext: no temporary file left" test "$(ls -A "$TMP" | grep -c '\.tmp')" -eq 0
done

# Ctrl-C while writing: exit 130, old file untouched, nothing left behind.
target="$TMP/interrupted.wav"
echo "precious" > "$target"
before=$(sha256sum < "$target")
for i in $(seq 3000); do cat "$text"; done > "$TMP/longer.txt"
"$NARRATE" "$TMP/longer.txt" -o "$target" 2> "$TMP/stderr" &
pid=$!
sleep 0.5
workers=$(pgrep -P "$pid" | tr '\n' ' ')
kill -INT "$pid"
wait "$pid"
code=$?
check "Ctrl-C: exit 130 (got $code)" test "$code" -eq 130
check "Ctrl-C: the old file is untouched" test "$(sha256sum < "$target")" = "$before"
check "Ctrl-C: no temporary file left" test "$(ls -A "$TMP" | grep -c '\.tmp')" -eq 0
check "Ctrl-C: there were workers ($workers)" test -n "$workers"
sleep 0.2
check "Ctrl-C: no worker left running" bash -c "! ps -p '${workers// /,}' >/dev/null 2>&1"

# No audio device: one line that suggests -o, its own exit code, no ALSA noise.
cat > "$TMP/asound.conf" <<'CONF'
pcm.!default { type hw card 99 }
ctl.!default { type hw card 99 }
CONF
ALSA_CONFIG_PATH="$TMP/asound.conf" PULSE_SERVER=unix:/nonexistent \
    expect_exit 5 "no audio device" "$NARRATE" "$text"
one_line_error "no audio device"
check "no audio device: the message suggests -o FILE" grep -q -- '-o FILE' "$TMP/stderr"
finish
