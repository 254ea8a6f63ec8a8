# Sourced by the end-to-end tests: a private temporary folder, the CLI under
# test, and small assertion helpers.  Each test exits 0 (pass), 77 (skip) or 1.
set -u
BUILD=${BUILD:-build}
NARRATE="$PWD/$BUILD/narrate"
[ -x "$NARRATE" ] || { echo "no $NARRATE: run make first"; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
check() { # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
finish() { [ "$failures" -eq 0 ] && exit 0 || exit 1; }
skip() { echo "$*"; exit 77; }
need() { command -v "$1" >/dev/null || skip "needs $1"; }

# Duration of an audio file in seconds, as ffprobe decodes it.
duration_of() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
# Seconds of audio that ffmpeg decodes (counts samples; works for streams too).
decoded_seconds() {
    ffmpeg -v error -i "$1" -f s16le -ac 1 -ar 22050 - | wc -c | awk '{printf "%.3f", $1 / 44100}'
}
# RMS amplitude (0..1) as sox measures it, decoded by ffmpeg (sox lacks Opus).
rms_of() { ffmpeg -v error -i "$1" -f wav - | sox -t wav - -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}'; }
# Number of silent gaps of at least 0.15 s inside the audio (sentence pauses).
pauses_in() {
    ffmpeg -v info -i "$1" -af silencedetect=noise=-40dB:d=0.15 -f null - 2>&1 |
        grep -c 'silence_end'
}
float_between() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }

# Writes a short two-paragraph text to $TMP/short.txt and sets text to its path
# and lo/hi to the plausible duration of its narration in seconds: at 175 words
# a minute plus pauses, between half and twice the nominal time.
short_text_with_duration_bounds() {
    text="$TMP/short.txt"
    cat > "$text" <<'TXT'
The harbor opened at dawn on Tuesday. Dr. Ortiz said the ships would wait.
Three carriers arrived before noon, and the cranes began to move.
TXT
    local words nominal
    words=$(wc -w < "$text")
    nominal=$(awk -v w="$words" 'BEGIN { print w / 175 * 60 }')
    lo=$(awk -v n="$nominal" 'BEGIN { print n * 0.5 }')
    hi=$(awk -v n="$nominal" 'BEGIN { print n * 2 }')
}
