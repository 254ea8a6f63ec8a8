#!/usr/bin/env bash
# make demo: narrate the bundled article to a file, then play it where there is
# an audio device.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
out="$BUILD/demo.wav"
"$BUILD/narrate" examples/harbor-accord.txt -o "$out"
echo "demo: wrote $out ($(soxi -D "$out" 2>/dev/null || echo '?') s)"
if "$BUILD/narrate" --quiet examples/harbor-accord.txt 2>/dev/null; then
    echo "demo: played on the default audio device"
else
    echo "demo: no audio device here; listen to $out instead"
fi
