# Sourced by the sd_*.sh end-to-end tests: skips unless speech-dispatcher, the
# sound stack and the module are there, then starts PulseAudio (null sink) and a
# private speech-dispatcher whose default module is $BUILD/sd_narrate, its audio
# played by the module ($1: "module", the default) or the server ("server").
# Provides $DIR (private folder), record_start FILE / record_stop, and
# speaking_span FILE (seconds between first and last sound in a capture).
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
source tests/e2e/lib/common.sh
source tests/e2e/lib/pulse.sh
source tests/e2e/lib/speechd.sh
MODULE="$PWD/$BUILD/sd_narrate"
[ -x "$MODULE" ] || { echo "no $MODULE: run make first"; exit 1; }
reason=$(speechd_available) || skip "skip: $reason"
reason=$(pulse_available) || skip "skip: $reason"
need python3
# Under ASan the module cannot keep a real-time device fed; make check runs
# these on the normal build.
[ "${NARRATE_SANITIZED:-0}" = 1 ] && skip "skip: real-time playback is not measured under sanitizers"
export NARRATE_WORKER="$PWD/$BUILD/narrate-worker"
DIR=$(mktemp -d /tmp/narrate-sd.XXXXXX)
sd_cleanup() { speechd_stop; pulse_stop; [ -n "${SD_KEEP:-}" ] || rm -rf "$DIR" "$TMP"; }
trap sd_cleanup EXIT
trap 'exit 130' INT TERM
pulse_start "$DIR/pulse" > "$DIR/pulse-start.log" || { cat "$DIR/pulse-start.log"; exit 1; }
speechd_start "$DIR/sd" "$MODULE" "${SD_AUDIO:-module}" || exit 1
# The first message starts narrate's workers; what the tests measure comes after.
timeout 30 spd-say -w "Ready." || { echo "the first spd-say failed"; exit 1; }

record_start() { pulse_record "$1"; }
record_stop() { sleep 0.3; pulse_record_stop; }
speaking_span() { python3 tests/e2e/lib/compare_audio.py --active "$1"; }
