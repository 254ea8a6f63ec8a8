#!/usr/bin/env bash
# A long MP3 is encoded in lanes, one per core, by encoders of their own,
# joined frame-exact at sentence pauses.  Checked against a one-lane encode
# (taskset to one core): both decode (ffmpeg, gapless) to exactly the length
# the ID3 TLEN gives, and to ffprobe's duration within 2 frames; loudness -16 +-1 LUFS and true peak
# <= -1 dBTP by ffmpeg's ebur128; the join (a frame that starts with an
# empty bit reservoir) lies in silence; no click: no short burst inside silence,
# a detector that finds a 0.1 ms click put into the same audio.
source "$(dirname "$0")/lib/common.sh"
need ffprobe; need ffmpeg; need taskset
[ "$(nproc)" -ge 2 ] || skip "needs 2 cores for two encoder lanes"

"$NARRATE" examples/harbor-accord.txt -o "$TMP/two.mp3" -q
check "two lanes: exit 0" test $? -eq 0
taskset -c 0 "$NARRATE" examples/harbor-accord.txt -o "$TMP/one.mp3" -q
check "one lane: exit 0" test $? -eq 0
check "no temporaries left" test "$(ls "$TMP" | grep -cv '\.mp3$')" -eq 0

for f in two one; do
    ffmpeg -v error -i "$TMP/$f.mp3" -f s16le -ac 1 - > "$TMP/$f.pcm"
    decoded=$(( $(stat -c %s "$TMP/$f.pcm") / 2 ))
    tlen=$(ffprobe -v error -show_entries format_tags=TLEN -of csv=p=0 "$TMP/$f.mp3")
    probed=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$TMP/$f.mp3")
    check "$f: over 60 s, so two lanes when there are two cores ($decoded samples)" test "$decoded" -gt $((60 * 44100))
    check "$f: decodes to the TLEN length ($decoded samples, $tlen ms)" \
        float_between "$(awk -v d="$decoded" -v t="$tlen" 'BEGIN { print d - t * 44.1 }')" -45 45
    check "$f: ffprobe's duration is the decoded one ($probed s)" \
        float_between "$(awk -v d="$decoded" -v p="$probed" 'BEGIN { print p - d / 44100 }')" -0.052 0.052
done

stats=$(ffmpeg -nostats -i "$TMP/two.mp3" -af ebur128=peak=true -f null - 2>&1 | tail -n 12)
lufs=$(awk '/I:/ {print $2}' <<< "$stats" | tail -n 1)
peak=$(awk '/Peak:/ {print $2}' <<< "$stats" | tail -n 1)
check "two lanes: -16 +-1 LUFS ($lufs)" float_between "$lufs" -17 -15
check "two lanes: true peak <= -1 dBTP ($peak)" float_between "$peak" -100 -1

# The join shows in the stream: a frame that starts with an empty bit
# reservoir (main_data_begin 0) where one encoder would have had plenty.
joins() { python3 - "$1" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
o = 10 + ((d[6] << 21) | (d[7] << 14) | (d[8] << 7) | d[9]) if d[:3] == b"ID3" else 0
def length(h):
    kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320][h[2] >> 4]
    return 144000 * kbps // [44100, 48000, 32000][(h[2] >> 2) & 3] + ((h[2] >> 1) & 1)
o += length(d[o:o + 4])  # the Info frame
n, found = 0, []
while o + 6 <= len(d):
    side = o + 4 + (0 if d[o + 1] & 1 else 2)
    if n and (d[side] << 1 | d[side + 1] >> 7) == 0:
        found.append(n)
    o += length(d[o:o + 4]); n += 1
print(" ".join(map(str, found)))
PY
}
two_joins=$(joins "$TMP/two.mp3"); one_joins=$(joins "$TMP/one.mp3")
check "two lanes: one join ($two_joins)" test "$(wc -w <<< "$two_joins")" -eq 1
check "one lane: no join ($one_joins)" test -z "$one_joins"

# Clicks: a burst shorter than 5 ms with 50 ms of near-silence on both sides.
python3 - "$two_joins" "$TMP/two.pcm" "$TMP/one.pcm" <<'PY'
import array, sys
def bursts(pcm, quiet=8, short=220, calm=2205):
    loud = [i for i, v in enumerate(pcm) if abs(v) > quiet]
    found, start = [], 0
    for k in range(1, len(loud) + 1):   # runs of loud samples closer than `calm`
        if k == len(loud) or loud[k] - loud[k - 1] > calm:
            a, b = loud[start], loud[k - 1]
            before = a - (loud[start - 1] if start else -calm - 1)
            after = (loud[k] if k < len(loud) else len(pcm) + calm + 1) - b
            if b - a < short and before > calm and after > calm:
                found.append(a)
            start = k
    return found
join = int(sys.argv[1]) * 1152 - 1105   # the frame's first sample, less the delay
pcm = array.array("h", open(sys.argv[2], "rb").read())
assert max(map(abs, pcm[join - 2205:join + 2205])) <= 8, "the join is not in silence"
for path in sys.argv[2:]:
    pcm = array.array("h", open(path, "rb").read())
    assert bursts(pcm) == [], (path, bursts(pcm)[:5])
    gaps = [i for i in range(1, len(pcm) - 6000, 2205) if max(map(abs, pcm[i:i + 6000])) <= 8]
    assert gaps, "no silence to test the detector in"
    at = gaps[len(gaps) // 2] + 3000
    pcm[at:at + 4] = array.array("h", [9000, -9000, 9000, -9000])
    assert bursts(pcm) == [at], (path, at, bursts(pcm)[:5])
PY
check "silence around the join; no click in either file; a click put in is found" test $? -eq 0
finish
