#!/usr/bin/env bash
# The intelligibility proxy (make bench; BENCH_WER=0 skips it): each engine
# and voice narrates the seed article (../shared/seed/article.txt, when
# present) and the sample article; the audio is resampled to 16 kHz and
# pocketsphinx (Debian's pocketsphinx, en-us model) transcribes it.  WER is
# against the article's words, lower-cased, without punctuation.  "narrate"
# is through our normalizer; "engine" is the engine's own text reading (the
# espeak-ng and flite command-line tools on the raw text).  "read" scores the
# same narration against only the source lines narrate reads (lines holding at
# least one word of --marks): the boilerplate the reader drops ("Skip to main
# content", "Leave a reply") is not counted as misheard, while a word the
# normalizer loses inside a read line still is.  Speed is seconds
# of audio per second of synthesis (x real time), through narrate.
#   BENCH_WER_VOICES  voices to try (default: every Flite voice, espeak-ng en-us, en, en-us+klatt)
#   BENCH_WER_TEXTS   texts to read (default: the seed article, then the sample)
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
for tool in pocketsphinx_continuous sox soxi python3; do
    command -v "$tool" >/dev/null || { echo "bench_wer: skipped, $tool missing"; exit 0; }
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
voices=${BENCH_WER_VOICES:-"flite:rms flite:kal16 flite:slt flite:awb flite:kal espeak-ng:en-us espeak-ng:en-us+klatt espeak-ng:en podcast"}
texts=${BENCH_WER_TEXTS:-"../shared/seed/article.txt examples/harbor-accord.txt"}

words_of() { sed "s/\xe2\x80\x99/'/g" "$1" | tr 'A-Z' 'a-z' | tr -c "a-z0-9'\n" ' ' | tr -s ' \n' '\n' | sed "s/^'//; s/'$//" | grep -v '^$'; }

wer() { # reference words, hypothesis words: prints the WER in percent
    python3 - "$1" "$2" <<'PY'
import sys
r = open(sys.argv[1]).read().split(); h = open(sys.argv[2]).read().split()
prev = list(range(len(h) + 1))
for i, a in enumerate(r, 1):
    cur = [i] + [0] * len(h)
    for j, b in enumerate(h, 1):
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b))
    prev = cur
print("%.1f" % (100.0 * prev[-1] / max(1, len(r))))
PY
}

transcribe() { # wav, words out
    sox -D "$1" -r 16000 -c 1 -b 16 "$1.16k.wav" 2>/dev/null # -D: no dither, so a figure repeats
    pocketsphinx_continuous -infile "$1.16k.wav" -logfn /dev/null 2>/dev/null | tr ' ' '\n' | grep -v '^$' > "$2"
}

# The engine's own reading of the raw text, for the "engine" column.
engine_raw() { # spec text wav
    local engine=${1%%:*} voice=${1#*:}
    case $engine in
        flite) command -v flite >/dev/null && flite -voice "$voice" -f "$2" -o "$3" ;;
        espeak-ng) espeak-ng -v "$voice" -f "$2" -w "$3" ;;
        *) return 1 ;;
    esac
}

read_lines() { # source marks.json: the source lines that hold a narrated word
    python3 - "$1" "$2" <<'PY'
import json, sys
src = open(sys.argv[1], 'rb').read()
starts = [w['offset'] for w in json.load(open(sys.argv[2]))['words']]
pos = 0
for line in src.split(b'\n'):
    end = pos + len(line)
    if any(pos <= s < end for s in starts):
        sys.stdout.write(line.decode('utf-8', 'replace') + '\n')
    pos = end + 1
PY
}

printf '%-34s %-24s %9s %9s %9s %10s\n' text voice "WER" "WER-read" "WER-raw" "speed"
for text in $texts; do
    [ -f "$text" ] || continue
    words_of "$text" > "$TMP/ref"
    for spec in $voices; do
        wav="$TMP/n.wav"
        t0=$(date +%s.%N)
        "$BUILD/narrate" -q --voice "$spec" "$text" -o "$wav" --marks "$TMP/marks.json" || continue
        t1=$(date +%s.%N)
        speed=$(echo "$(soxi -D "$wav") / ($t1 - $t0)" | bc -l)
        transcribe "$wav" "$TMP/hyp"
        w=$(wer "$TMP/ref" "$TMP/hyp")
        read_lines "$text" "$TMP/marks.json" > "$TMP/read.txt"
        words_of "$TMP/read.txt" > "$TMP/ref_read"
        wr=$(wer "$TMP/ref_read" "$TMP/hyp")
        raw=-
        if engine_raw "$spec" "$text" "$TMP/r.wav" 2>/dev/null; then
            transcribe "$TMP/r.wav" "$TMP/hyp_raw"
            raw=$(wer "$TMP/ref" "$TMP/hyp_raw")
        fi
        printf '%-34s %-24s %8s%% %8s%% %8s%% %9.0fx\n' "$(basename "$text")" "$spec" "$w" "$wr" "$raw" "$speed"
    done
done
