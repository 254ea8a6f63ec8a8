#!/usr/bin/env bash
# A podcast episode checked by real readers: ffprobe reads the MP3's format,
# ID3 tags, cover and chapters; ffmpeg's ebur128 filter measures loudness and
# true peak; ffmpeg parses the subtitles; the marks slice the source file.
source "$(dirname "$0")/lib/common.sh"
need ffprobe; need ffmpeg; need python3

article="$TMP/article.md"
{
    printf -- '---\ntitle: Ports Deal Signed After Night of Talks\nauthor: Ana Ferreira\ndate: 2025-03-15\n---\n\n'
    printf '# Ports Deal Signed After Night of Talks\n\n'
    sed -n '5,8p' examples/harbor-accord.txt
    printf '\n## Critics Speak\n\n'
    sed -n '9,10p' examples/harbor-accord.txt
    printf '\n## What Comes Next\n\n'
    sed -n '11,16p' examples/harbor-accord.txt
} > "$article"
ffmpeg -v error -f lavfi -i color=c=navy:s=64x64 -frames:v 1 "$TMP/cover.png"
out="$TMP/episode.mp3"
"$NARRATE" "$article" -o "$out" --show "Harbor Ledger Audio" --description "Read by narrate" \
    --cover "$TMP/cover.png" --subtitles "$TMP/ep.vtt" --marks "$TMP/ep.json" \
    --chapters "$TMP/chapters.json"
check "episode written, exit 0" test $? -eq 0
"$NARRATE" "$article" -o "$TMP/ep.srt.mp3" --subtitles "$TMP/ep.srt" --loudness off
check "SRT run, exit 0" test $? -eq 0

probe() { ffprobe -v error -select_streams a:0 -show_entries "$1" -of csv=p=0 "$out"; }
check "44.1 kHz ($(probe stream=sample_rate))" test "$(probe stream=sample_rate)" = 44100
check "mono ($(probe stream=channels))" test "$(probe stream=channels)" = 1
check "64 kbps CBR ($(probe stream=bit_rate))" test "$(probe stream=bit_rate)" = 64000
tag() { ffprobe -v error -show_entries "format_tags=$1" -of csv=p=0 "$out"; }
check "title tag from the article ($(tag title))" test "$(tag title)" = "Ports Deal Signed After Night of Talks"
check "artist tag from the byline ($(tag artist))" test "$(tag artist)" = "Ana Ferreira"
check "album tag from --show ($(tag album))" test "$(tag album)" = "Harbor Ledger Audio"
check "date tag ($(tag date))" test "$(tag date)" = "2025-03-15"
check "comment from --description ($(tag comment))" test "$(tag comment)" = "Read by narrate"
cover=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name -of csv=p=0 "$out")
check "cover is an attached PNG ($cover)" test "$cover" = png

# Chapters: one per heading, titled with it, starting where its sentence starts.
ffprobe -v error -show_chapters -of json "$out" > "$TMP/chapters.ffprobe.json"
python3 - "$TMP/chapters.ffprobe.json" "$TMP/ep.vtt" "$TMP/chapters.json" <<'PY'
import json, re, sys
chapters = json.load(open(sys.argv[1]))["chapters"]
titles = [c["tags"]["title"] for c in chapters]
assert titles == ["Ports Deal Signed After Night of Talks", "Critics Speak", "What Comes Next"], titles
cues = re.findall(r"(\d+):(\d+):(\d+)\.(\d+) --> .*\n(.*)", open(sys.argv[2]).read())
starts = {t: int(h)*3600 + int(m)*60 + int(s) + int(ms)/1000 for h, m, s, ms, t in cues}
for c in chapters:
    t = c["tags"]["title"]
    assert abs(float(c["start_time"]) - starts[t]) <= 0.05, (t, c["start_time"], starts[t])
assert float(chapters[0]["end_time"]) == float(chapters[1]["start_time"])
p2 = json.load(open(sys.argv[3]))
assert [c["title"] for c in p2["chapters"]] == titles, p2
assert all(abs(a["startTime"] - float(b["start_time"])) <= 0.002 for a, b in zip(p2["chapters"], chapters))
PY
check "chapters: titles and times agree with the headings (ffprobe, JSON)" test $? -eq 0

# Loudness, measured independently.
ffmpeg -hide_banner -nostats -i "$out" -af ebur128=peak=true -f null - 2> "$TMP/ebur128.txt"
lufs=$(awk '/Integrated loudness/ {f=1} f && /I:/ {print $2; exit}' "$TMP/ebur128.txt")
tp=$(awk '/True peak/ {f=1} f && /Peak:/ {print $2; exit}' "$TMP/ebur128.txt")
check "integrated loudness $lufs LUFS within -16 +-1" float_between "$lufs" -17 -15
check "true peak $tp dBTP at most -1" float_between "$tp" -100 -1.0

# Subtitles: ffmpeg parses them; one cue per sentence; times monotonic and inside the audio.
sentences=$("$NARRATE" --spoken "$article" | wc -l)
duration=$(duration_of "$out")
for f in "$TMP/ep.vtt" "$TMP/ep.srt"; do
    ffmpeg -v error -i "$f" -f srt "$TMP/roundtrip.srt" -y
    check "ffmpeg parses $(basename "$f")" test $? -eq 0
    n=$(grep -c -- '-->' "$TMP/roundtrip.srt")
    check "$(basename "$f"): $n cues for $sentences sentences" test "$n" -eq "$sentences"
    python3 - "$TMP/roundtrip.srt" "$duration" <<'PY'
import re, sys
t = lambda h, m, s, ms: int(h)*3600 + int(m)*60 + int(s) + int(ms)/1000
spans = [(t(*a[:4]), t(*a[4:])) for a in re.findall(r"(\d+):(\d+):(\d+),(\d+) --> (\d+):(\d+):(\d+),(\d+)", open(sys.argv[1]).read())]
assert all(a <= b for a, b in spans), "cue ends before it starts"
assert all(spans[i][1] <= spans[i+1][0] + 0.001 for i in range(len(spans) - 1)), "cues overlap"
assert spans[-1][1] <= float(sys.argv[2]) + 0.05, (spans[-1], sys.argv[2])
PY
    check "$(basename "$f"): times monotonic and within ${duration} s" test $? -eq 0
done

# Marks: offsets and lengths slice the source file to the word spoken.
python3 - "$TMP/ep.json" "$article" <<'PY'
import json, sys
words = json.load(open(sys.argv[1]))["words"]
src = open(sys.argv[2], "rb").read()
assert len(words) > 100, len(words)
same = 0
for w in words:
    piece = src[w["offset"]:w["offset"] + w["length"]].decode("utf-8")
    assert piece.strip(), w
    same += piece.strip(".,\u201c\u201d\"'").lower() == w["text"].lower()
    assert 0 <= w["start"] <= w["end"], w
assert same / len(words) > 0.8, (same, len(words))
PY
check "marks slice the source to the spoken words" test $? -eq 0

# --loudness applies to other formats too, and bad values are refused.
"$NARRATE" "$article" -o "$TMP/loud.wav" --loudness -20
lufs=$(ffmpeg -hide_banner -nostats -i "$TMP/loud.wav" -af ebur128 -f null - 2>&1 | awk '/Integrated loudness/ {f=1} f && /I:/ {print $2; exit}')
check "WAV at --loudness -20: $lufs LUFS" float_between "$lufs" -21 -19
"$NARRATE" "$article" -o "$TMP/x.mp3" --loudness 3 2>/dev/null
check "--loudness 3 is a usage error" test $? -eq 2
"$NARRATE" "$article" -o "$TMP/x.mp3" --cover "$article" 2>/dev/null
check "a cover that is no image fails with exit 4" test $? -eq 4
check "nothing left behind" test "$(ls -A "$TMP" | grep -cE '\.(tmp|spool)$|^x\.mp3$')" -eq 0
finish
