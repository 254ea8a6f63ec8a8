#!/usr/bin/env bash
# The interactive player in tmux, heard through a private PulseAudio null sink
# (tests/e2e/lib/player_tmux.sh): + raises the rate from the next sentence.
# During sentence 3, + + + takes 175 wpm to 232; the recording, cut into
# sentences at its pauses, has sentences 2 and 3 as long as in the reference
# (`narrate -o`, 175 wpm) and sentences 4 to 6 shorter by about 175/232.
# (Sentences are cut at pauses of 150 ms: at 232 wpm they are 200 ms apart.)
# timing-sensitive: measured live on a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
source "$(dirname "$0")/lib/player_tmux.sh"
player_setup
source "$(dirname "$0")/lib/player_article.sh"

player_launch rate 80 24 "$ARTICLE"
player_record rate
player_wait rate "sentence 3 of $SENTENCES" 20 || fail "sentence 3 never showed"
sleep 0.5
player_key rate + + +
player_wait rate "232 wpm" 2 && pass "+ + + shows 232 wpm" || fail "+ + + did not show 232 wpm"
player_wait rate "sentence 7 of $SENTENCES" 20 || fail "sentence 7 never showed"
sleep 0.5
player_key rate q
code=$(player_wait_exit rate 10)
player_record_stop
check "the recording kept pace with the clock (parec dropped nothing)" player_recording_intact rate
check "q ends the player with status 0 (got $code)" test "$code" = 0

$AUDIO segments "$TMP/rate/rec.raw" --min-gap 0.15 > "$TMP/rate/segments"
echo "measure: sentence, seconds in the recording, in the reference, ratio:"
ratio() { # SENTENCE: its length in the recording over its length in the reference
    local heard ref
    heard=$(sed -n "${1}p" "$TMP/rate/segments" | awk '{ print $2 - $1 }')
    ref=$(ref_sentence_length "$1")
    awk -v h="$heard" -v r="$ref" -v k="$1" 'BEGIN { printf "%.3f", h / r; printf "measure:   %d %.3f %.3f %.3f\n", k, h, r, h / r > "/dev/stderr" }'
}
check "the recording has at least 6 sentences ($(wc -l < "$TMP/rate/segments"))" test "$(wc -l < "$TMP/rate/segments")" -ge 6
for k in 2 3; do
    r=$(ratio $k)
    check "sentence $k, before the change, keeps its length (x$r)" float_between "$r" 0.95 1.05
done
for k in 4 5 6; do
    r=$(ratio $k)
    check "sentence $k, after + + +, is shorter (x$r; 175/232 = 0.754)" float_between "$r" 0.65 0.85
done
finish
