#!/usr/bin/env bash
# The CLI writes every format, decodable, with a plausible duration, sound and
# sentence pauses; stdin and stdout work; several inputs play one after another.
source "$(dirname "$0")/lib/common.sh"
need ffprobe; need ffmpeg; need sox

short_text_with_duration_bounds   # sets text, lo, hi

for ext in wav flac ogg opus mp3; do
    out="$TMP/out.$ext"
    check "$ext: written, exit 0" "$NARRATE" "$text" -o "$out"
    d=$(decoded_seconds "$out")
    check "$ext: decoded duration $d s within [$lo, $hi]" float_between "$d" "$lo" "$hi"
    check "$ext: ffprobe duration agrees" float_between "$(duration_of "$out")" "$(awk -v d="$d" 'BEGIN{print d-0.2}')" "$(awk -v d="$d" 'BEGIN{print d+0.2}')"
    rms=$(rms_of "$out")
    check "$ext: not silent (RMS $rms)" float_between "$rms" 0.01 1
    p=$(pauses_in "$out")
    check "$ext: sentence pauses present ($p)" test "$p" -ge 2
    check "$ext: no temporary file left" test "$(ls -A "$TMP" | grep -c '\.tmp')" -eq 0
done
codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$TMP/out.opus")
check "opus file holds Opus ($codec)" test "$codec" = opus
codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$TMP/out.ogg")
check "ogg file holds Vorbis ($codec)" test "$codec" = vorbis
codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$TMP/out.mp3")
check "mp3 file holds MP3 ($codec)" test "$codec" = mp3

check "--format overrides the extension" "$NARRATE" "$text" -o "$TMP/forced.audio" --format flac
codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$TMP/forced.audio")
check "--format flac gives FLAC ($codec)" test "$codec" = flac

# Standard input and standard output.
"$NARRATE" - -o - < "$text" > "$TMP/stdout.wav"
check "stdin to stdout: exit 0" test $? -eq 0
d=$(decoded_seconds "$TMP/stdout.wav")
check "stdout WAV decodes to the same length ($d s)" float_between "$d" "$(awk -v x="$(decoded_seconds "$TMP/out.wav")" 'BEGIN{print x-0.05}')" "$(awk -v x="$(decoded_seconds "$TMP/out.wav")" 'BEGIN{print x+0.05}')"
check "stdout WAV through a pipe is readable by sox" bash -c "cat '$text' | '$NARRATE' -o - | sox -t wav - -n stat 2>/dev/null"

# Several inputs are read one after another.
"$NARRATE" "$text" "$text" -o "$TMP/twice.wav"
one=$(decoded_seconds "$TMP/out.wav"); two=$(decoded_seconds "$TMP/twice.wav")
check "two inputs last twice as long ($one s, $two s)" float_between "$two" "$(awk -v x="$one" 'BEGIN{print 2*x-0.3}')" "$(awk -v x="$one" 'BEGIN{print 2*x+0.3}')"
finish
