#!/usr/bin/env bash
# The interactive player in tmux, heard through a private PulseAudio null sink
# (tests/e2e/lib/player_tmux.sh): next and previous sentence.
# During sentence 2, → → goes to sentence 4; during it, ← goes back to 3, which
# then plays through into 4.  Each piece of sound in the recording (cut at
# gaps and 100 ms after each key) is found in the reference (`narrate -o`),
# which tells which sentence it is: sample by sample where the player played
# the reference's own samples, else by its envelope:
#  - the sentences heard are 1 2 4 3 4, in that order: sentence 3 is never
#    heard before ←, and nothing of a left sentence is heard after its key;
#  - after each key, the target sentence starts from its beginning within
#    100 ms (the player may cut into it with no silence between), and at most
#    100 ms of the sentence left is heard before it.
# timing-sensitive: measured live on a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
source "$(dirname "$0")/lib/player_tmux.sh"
player_setup
source "$(dirname "$0")/lib/player_article.sh"

player_launch skips 80 24 "$ARTICLE"
player_record skips
player_wait skips "sentence 2 of $SENTENCES" 20 || fail "sentence 2 never showed"
sleep 0.8
player_key skips Right Right
player_wait skips "sentence 4 of $SENTENCES" 2 && pass "→ → shows sentence 4" || fail "→ → did not show sentence 4"
sleep 1.2
player_key skips Left
player_wait skips "sentence 3 of $SENTENCES" 2 && pass "← shows sentence 3" || fail "← did not show sentence 3"
player_wait skips "sentence 4 of $SENTENCES" 10 || fail "sentence 3 did not play through to 4"
sleep 1
player_key skips q
code=$(player_wait_exit skips 10)
player_record_stop
check "the recording kept pace with the clock (parec dropped nothing)" player_recording_intact skips
check "q ends the player with status 0 (got $code)" test "$code" = 0

rec=$TMP/skips/rec.raw
key_time() { sed -n "${1}p" "$TMP/skips/keys" | awk '{ print $2 }'; }
$AUDIO pieces "$rec" "$REF" "$REF_SENTENCES" "$TMP/skips/clock" $(awk '{ print $2 }' "$TMP/skips/keys") \
    > "$TMP/skips/pieces"
echo "measure: pieces of sound: recording start..end, sentence and reference time at start, at end, correlations:"
sed 's/^/measure:   /' "$TMP/skips/pieces"
order=$(awk '{ printf "%s%s", sep, $3; sep = " " }' "$TMP/skips/pieces")
check "the sentences heard are 1 2 4 3 4 (heard: $order)" test "$order" = "1 2 4 3 4"
check "each piece of sound stays in one sentence" awk '$3 != $5 { exit 1 }' "$TMP/skips/pieces"
# (Only the starts: where a key cuts a piece, its end matches the reference
# less well, which says nothing.)
check "every piece starts with sound of the reference (correlation >= 0.9)" \
    awk '$7 < 0.9 { exit 1 }' "$TMP/skips/pieces"
# The piece of sentence 2 ends before it would have, and so does the first of 4.
cut_short() { # PIECE SENTENCE
    local end
    end=$(sed -n "${1}p" "$TMP/skips/pieces" | awk '{ print $6 }')
    float_between "$(awk -v e="$end" -v s="$(sed -n "${2}p" "$REF_SENTENCES" | awk '{ print $2 }')" 'BEGIN { print s - e }')" 0.3 100
}
check "sentence 2 was left before its end" cut_short 2 2
check "sentence 4 was left before its end" cut_short 3 4

# Each key: where the playback went (the sound 100 ms after it, placed in the
# reference), where that sentence's onset is in the recording (the switch),
# and whether the recording there is the sentence's start.
landing() { # KEY_LINE SENTENCE
    local k switch start place old
    read -r k switch start place old < <($AUDIO landing "$rec" "$REF" "$REF_SENTENCES" "$TMP/skips/clock" "$(key_time "$1")")
    [ "$k" = none ] && { fail "key $1: no sentence heard within a second"; return; }
    echo "measure: key $1: sentence $k starts $switch ms after it in the recording (from there, its first 200 ms correlate $start with the reference; the sound after the key placed with $place); $old ms of sound before it"
    check "key $1 goes to sentence $2 (sentence $k)" test "$k" = "$2"
    # Started part-way in, the sentence's onset would be placed before the key.
    check "key $1: sentence $k starts from its beginning within 100 ms of the key ($switch ms; -20 allows for placing by the envelope)" \
        test "$switch" -ge -20 -a "$switch" -le 100
    check "key $1: at most 100 ms of the sentence left is heard after it ($old ms)" test "$old" -le 100
}
landing 2 4
landing 3 3
finish
