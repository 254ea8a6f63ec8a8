#!/usr/bin/env bash
# spd-say through a private speech-dispatcher with sd_narrate as its default
# module: the news sentence heard on the (null) speakers matches `narrate -o` of
# the same text with the module's voice and rate, in active span and envelope.
# timing-sensitive: audio is captured live.
source "$(dirname "$0")/lib/sd_e2e.sh"

text="Mr. Xi met Vladimir V. Putin on Jan. 5, 2023, and said the \$4.5 billion harbor deal would close in the 1990s style."
"$NARRATE" --voice screenreader --rate 230 -o "$DIR/ref.wav" <<<"$text" 2>/dev/null ||
    "$NARRATE" --voice screenreader --rate 230 -o "$DIR/ref.wav" - <<<"$text" ||
    { echo "narrate -o failed"; exit 1; }
record_start "$DIR/said.raw"
timeout 60 spd-say -w "$text"
check "spd-say -w returns once spoken" test $? -eq 0
record_stop
# The ALSA pulse plugin bends timing on this stack (see playback.sh): 0.3 s and 0.5.
python3 tests/e2e/lib/compare_audio.py "$DIR/ref.wav" "$DIR/said.raw" \
    --max-duration-diff 0.3 --min-corr 0.5
check "what speech-dispatcher played matches narrate's own narration" test $? -eq 0
finish
