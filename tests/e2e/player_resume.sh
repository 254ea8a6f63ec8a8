#!/usr/bin/env bash
# The interactive player in tmux, heard through a private PulseAudio null sink
# (tests/e2e/lib/player_tmux.sh): leaving with q and coming back.
#  - q during sentence 5 saves the place under the private XDG_STATE_HOME;
#  - `narrate --resume` shows "sentence 5 of 9" and its first sound is the
#    start of sentence 5 in the reference (`narrate -o`): of all the sentence
#    starts, its envelope matches that one best, within 20 ms;
#  - without --resume the player asks, and Enter resumes there too;
#  - an article heard to its end is forgotten: the next start is at sentence 1.
# timing-sensitive: measured live on a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
source "$(dirname "$0")/lib/player_tmux.sh"
player_setup
source "$(dirname "$0")/lib/player_article.sh"

player_launch leave 80 24 "$ARTICLE"
player_wait leave "sentence 5 of $SENTENCES" 30 || fail "sentence 5 never showed"
sleep 0.5
player_key leave q
code=$(player_wait_exit leave 10)
check "q ends the player with status 0 (got $code)" test "$code" = 0
check "the place is saved under XDG_STATE_HOME" test -n "$(find "$TMP/state/narrate" -type f 2>/dev/null)"

first_sound_is_sentence() { # NAME SENTENCE [FILE WITH THE WALL TIME TO LOOK FROM]
    local on k lag corr next
    on=$($AUDIO onset "$TMP/$1/rec.raw" "$TMP/$1/clock" "$(cat "$TMP/$1/${3:-launched}")")
    [ "$on" = none ] && { fail "$1: nothing was heard"; return; }
    read -r k lag corr next < <($AUDIO which-sentence "$TMP/$1/rec.raw" "$REF" "$REF_ONSETS" "$on")
    echo "measure: $1: the first sound starts like sentence $k of the reference ($lag ms off its start; correlation $corr, next best $next)"
    check "$1: the first sound is the start of sentence $2 (sentence $k, $lag ms off)" \
        test "$k" = "$2" -a "${lag#-}" -le 20
    check "$1: and it sounds like it (correlation $corr)" float_between "$corr" 0.9 1
}

player_record back
player_launch back 80 24 --resume "$ARTICLE"
player_wait back "sentence 5 of $SENTENCES" 10 && pass "--resume shows sentence 5" || fail "--resume did not show sentence 5"
sleep 2
player_key back q
player_wait_exit back 10 > /dev/null
player_record_stop
check "back: the recording kept pace with the clock (parec dropped nothing)" player_recording_intact back
first_sound_is_sentence back 5

player_launch ask 80 24 "$ARTICLE"
player_wait ask "Resume from sentence 5 of $SENTENCES\?" 10 && pass "without --resume it asks" || fail "it did not ask to resume"
player_record ask
date +%s.%N > "$TMP/ask/answered"
player_key ask Enter
player_wait ask "sentence 5 of $SENTENCES" 10 && pass "Enter resumes at sentence 5" || fail "Enter did not resume at sentence 5"
sleep 2
player_key ask End   # an unbound key changes nothing
player_key ask q
player_wait_exit ask 10 > /dev/null
player_record_stop
check "ask: the recording kept pace with the clock (parec dropped nothing)" player_recording_intact ask
first_sound_is_sentence ask 5 answered

player_launch last 80 24 --start 9 "$ARTICLE"
player_wait last "sentence 9 of $SENTENCES" 10 || fail "--start 9 did not show sentence 9"
code=$(player_wait_exit last 20)
check "heard to the end, the player ends by itself with status 0 (got $code)" test "$code" = 0
player_launch again 80 24 "$ARTICLE"
player_wait again "sentence [12] of $SENTENCES" 10 && pass "after the end the article starts again at the top, without asking" ||
    fail "after the end it did not start at the top"
player_key again q
player_wait_exit again 10 > /dev/null
finish
