#!/usr/bin/env bash
# make bench: narrate against espeak-ng on the same machine in the same run.
# Figures are medians; the machine is shared and noisy, so compare ratios.
#   BENCH_REPEAT  copies of the sample article in the long text (default 100)
#   BENCH_RUNS    runs of each timed command (default 3)
#   BENCH_SPOKEN_RUNS  runs of each --spoken size (default 5)
#   BENCH_MP3_REPEAT  copies in the MP3 comparison's text (default BENCH_REPEAT)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
REPEAT=${BENCH_REPEAT:-100}
RUNS=${BENCH_RUNS:-3}
SPOKEN_RUNS=${BENCH_SPOKEN_RUNS:-5}
MP3_REPEAT=${BENCH_MP3_REPEAT:-$REPEAT}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
article=examples/harbor-accord.txt

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

for i in $(seq "$REPEAT"); do cat "$article"; echo; done > "$TMP/long.txt"
echo "== Throughput: $(wc -c < "$TMP/long.txt") bytes ($REPEAT x the sample article) to WAV, $RUNS runs each"
: > "$TMP/ours"; : > "$TMP/espeak"
for r in $(seq "$RUNS"); do
    wall "$BUILD/narrate" "$TMP/long.txt" -o "$TMP/ours.wav" >> "$TMP/ours"
    wall espeak-ng -v en-us -f "$TMP/long.txt" -w "$TMP/espeak.wav" >> "$TMP/espeak"
done
ours=$(median < "$TMP/ours"); theirs=$(median < "$TMP/espeak")
audio=$(soxi -D "$TMP/ours.wav")
printf 'narrate   median %.2f s  (%.0fx real time, %.0f s of audio)\n' "$ours" "$(echo "$audio / $ours" | bc -l)" "$audio"
printf 'espeak-ng median %.2f s\n' "$theirs"
printf 'ratio narrate/espeak-ng: %.2f  (goal <= 0.60)\n' "$(echo "$ours / $theirs" | bc -l)"
rm -f "$TMP"/*.wav

echo "== Podcast MP3: $MP3_REPEAT x the sample article, loudness-normalized, 64 kbps, $RUNS runs each"
for i in $(seq "$MP3_REPEAT"); do cat "$article"; echo; done > "$TMP/mp3.txt"
: > "$TMP/ours_mp3"; : > "$TMP/lame"
# wall and CPU seconds (with the children: workers, espeak-ng and lame) of one run
timed() { /usr/bin/time -f '%e %U %S' -o "$TMP/t" "$@" >/dev/null 2>&1; awk '{print $1, $2 + $3}' "$TMP/t"; }
for r in $(seq "$RUNS"); do
    timed "$BUILD/narrate" "$TMP/mp3.txt" -o "$TMP/ours.mp3" >> "$TMP/ours_mp3"
    timed bash -c 'espeak-ng --stdout -f "$1" | lame --quiet -b 64 - "$2"' _ "$TMP/mp3.txt" "$TMP/lame.mp3" >> "$TMP/lame"
done
ours=$(cut -d' ' -f1 "$TMP/ours_mp3" | median); theirs=$(cut -d' ' -f1 "$TMP/lame" | median)
printf 'narrate -o x.mp3 (44.1 kHz, -16 LUFS)   median %.2f s wall, %.2f s CPU  (%.0f s of audio)\n' \
    "$ours" "$(cut -d' ' -f2 "$TMP/ours_mp3" | median)" \
    "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$TMP/ours.mp3")"
printf 'espeak-ng --stdout | lame -b 64 (22.05 kHz) median %.2f s wall, %.2f s CPU\n' \
    "$theirs" "$(cut -d' ' -f2 "$TMP/lame" | median)"
printf 'ratio narrate/espeak-ng+lame: %.2f  (goal <= 0.50)\n' "$(echo "$ours / $theirs" | bc -l)"
rm -f "$TMP"/*.mp3

echo "== First audio from the library: 1 MB fed at once, warm workers, 9 runs"
head -c 1048576 "$TMP/long.txt" > "$TMP/1mb.txt"
while [ "$(wc -c < "$TMP/1mb.txt")" -lt 1048576 ]; do cat "$TMP/long.txt" >> "$TMP/1mb.txt"; done
"$BUILD/bench/first_audio" "$BUILD/narrate-worker" "$TMP/1mb.txt" 9 > "$TMP/first"
printf 'library first audio: median %.1f ms  (goal <= 20 ms)\n' "$(median < "$TMP/first")"

echo "== Stop and restart (a screen reader's stop, then its next utterance), warm workers, 15 runs"
"$BUILD/bench/stop_restart" "$BUILD/narrate-worker" "$article" 15 > "$TMP/stop"
printf 'stop: cancel to feed/finish returning: median %.2f ms  (goal <= 20 ms)\n' "$(cut -d' ' -f1 < "$TMP/stop" | median)"
printf 'next utterance first audio after reset: median %.2f ms, max %.2f ms  (goal <= 30 ms)\n' \
    "$(cut -d' ' -f2 < "$TMP/stop" | median)" "$(cut -d' ' -f2 < "$TMP/stop" | sort -g | tail -n 1)"

echo "== First audio from the CLI (process start to the first audio byte on stdout), 9 runs"
: > "$TMP/cli_first"
for r in $(seq 9); do
    python3 - "$BUILD/narrate" "$article" >> "$TMP/cli_first" <<'PY'
import subprocess, sys, time
t0 = time.monotonic()
p = subprocess.Popen([sys.argv[1], sys.argv[2], "-o", "-"], stdout=subprocess.PIPE)
p.stdout.read(44 + 2048)  # the WAV header and the first 1024 samples
print("%.1f" % ((time.monotonic() - t0) * 1000))
p.kill(); p.wait()
PY
done
printf 'CLI first audio: median %.1f ms\n' "$(median < "$TMP/cli_first")"

echo "== Peak RSS (KiB) against input size"
for mb in 0.25 1 2; do
    bytes=$(awk -v m="$mb" 'BEGIN { printf "%d", m * 1048576 }')
    head -c "$bytes" "$TMP/1mb.txt" > "$TMP/in.txt"
    while [ "$(wc -c < "$TMP/in.txt")" -lt "$bytes" ]; do head -c "$bytes" "$TMP/long.txt" >> "$TMP/in.txt"; done
    rss=$( { /usr/bin/time -f '%M' "$BUILD/narrate" "$TMP/in.txt" -o - > /dev/null; } 2>&1 | tail -n 1)
    echo "synthesized to a file, ${mb} MB input: ${rss} KiB (CLI process; each worker is separate)"
done
echo "== --spoken throughput (the normalizer alone), 10 and 100 MB runs interleaved, median of $SPOKEN_RUNS each"
for mb in 10 100; do
    : > "$TMP/spoken$mb.txt"
    while [ "$(stat -c %s "$TMP/spoken$mb.txt")" -lt $((mb * 1048576)) ]; do cat "$TMP/long.txt" >> "$TMP/spoken$mb.txt"; done
    : > "$TMP/spoken$mb"
done
for r in $(seq "$SPOKEN_RUNS"); do
    for mb in 10 100; do
        /usr/bin/time -f '%e %M' -o "$TMP/t" "$BUILD/narrate" --spoken "$TMP/spoken$mb.txt" > /dev/null
        cat "$TMP/t" >> "$TMP/spoken$mb"
    done
done
for mb in 10 100; do
    secs=$(cut -d' ' -f1 "$TMP/spoken$mb" | median)
    printf -- '--spoken, %d MB input: median %.2f s, %.1f MB/s, peak RSS %s KiB  (goal >= 20 MB/s)\n' "$mb" "$secs" \
        "$(echo "$(stat -c %s "$TMP/spoken$mb.txt") / 1048576 / $secs" | bc -l)" "$(cut -d' ' -f2 "$TMP/spoken$mb" | median)"
done
printf -- '--spoken, 100 MB time / 10 MB time: %.1f  (linear: <= 11)\n' \
    "$(echo "$(cut -d' ' -f1 "$TMP/spoken100" | median) / $(cut -d' ' -f1 "$TMP/spoken10" | median)" | bc -l)"
rm -f "$TMP"/spoken*.txt

[ "${BENCH_WER:-1}" = 0 ] || BUILD=$BUILD bash tests/bench_wer.sh   # intelligibility (slow)
