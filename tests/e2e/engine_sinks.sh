#!/usr/bin/env bash
# Both engines through every file sink: decodable, a plausible duration, sound;
# --engine and --voice select Flite; --list-voices lists both engines; the
# podcast preset speaks with Flite; --phonemes prints CMU phones for Flite.
source "$(dirname "$0")/lib/common.sh"
need ffprobe; need ffmpeg; need sox

short_text_with_duration_bounds   # sets text, lo, hi

for engine in espeak-ng flite; do
    for ext in wav flac ogg opus mp3; do
        out="$TMP/$engine.$ext"
        check "$engine $ext: written, exit 0" "$NARRATE" "$text" --engine "$engine" -o "$out"
        d=$(decoded_seconds "$out")
        check "$engine $ext: decoded duration $d s within [$lo, $hi]" float_between "$d" "$lo" "$hi"
        rms=$(rms_of "$out")
        check "$engine $ext: not silent (RMS $rms)" float_between "$rms" 0.01 1
    done
done
check "flite wav is 22050 Hz" test "$(soxi -r "$TMP/flite.wav")" = 22050
for v in kal kal16 slt rms awb; do
    check "--engine flite --voice $v" "$NARRATE" "$text" --engine flite --voice "$v" -o "$TMP/v.wav"
done
check "flite:slt as a voice name" "$NARRATE" "$text" --voice flite:slt -o "$TMP/v.wav"
"$NARRATE" "$text" --engine flite --voice nobody -o "$TMP/v.wav" 2>/dev/null
check "unknown Flite voice exits 6" test $? -eq 6
"$NARRATE" "$text" --engine nothing -o "$TMP/v.wav" 2>/dev/null
check "unknown engine exits 2" test $? -eq 2
list=$("$NARRATE" --list-voices)
check "--list-voices lists Flite's voices" grep -q '^flite:rms' <<<"$list"
check "--list-voices lists espeak-ng's voices" grep -qE ' en-us$' <<<"$list"
check "podcast preset speaks" "$NARRATE" "$text" --voice podcast -o "$TMP/p.wav"
ph=$(echo "Hello world." | "$NARRATE" --engine flite --phonemes -)
check "--phonemes for Flite prints CMU phones ($ph)" test "$ph" = "hh ax0 l ow1 | w er1 l d"
finish
