#!/usr/bin/env bash
# The interactive player in tmux, heard through a private PulseAudio null sink
# (tests/e2e/lib/player_tmux.sh): --key-sounds.  While paused (so the
# narration is silent), each of + − and → gives a short tone in the recording,
# within 150 ms of the key (an upper bound: when the recording held the tone's
# end), 15-100 ms long (the tone is 30 ms; under load the sound server has been
# seen to stretch it to 80 ms with gaps), higher for + and → than for −.  Without --key-sounds a
# key gives no sound while paused.
# timing-sensitive: measured live on a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
source "$(dirname "$0")/lib/player_tmux.sh"
player_setup
source "$(dirname "$0")/lib/player_article.sh"

tone_after_key() { # NAME KEY: prints what `player_audio.py tone` measures after the key
    local t
    t=$(date +%s.%N)
    player_key "$1" "$2"
    sleep 0.8
    $AUDIO tone "$TMP/$1/rec.raw" "$TMP/$1/clock" "$t"
}

player_record ticks
player_launch ticks 80 24 --key-sounds "$ARTICLE"
player_wait ticks "sentence 2 of $SENTENCES" 20 || fail "sentence 2 never showed"
player_key ticks Space
player_wait ticks PAUSED 2 || fail "space did not pause"
sleep 1
up=$(tone_after_key ticks +)
down=$(tone_after_key ticks -)
next=$(tone_after_key ticks Right)
player_key ticks q
player_wait_exit ticks 10 > /dev/null
player_record_stop
check "the recording kept pace with the clock (parec dropped nothing)" player_recording_intact ticks
for k in up down next; do
    read -r after ms hz <<<"${!k}"
    echo "measure: $k: a tone ${after:-none} s after the key, ${ms:-0} ms, ${hz:-0} Hz"
    check "$k: a tone within 150 ms of the key" float_between "${after:-9}" 0 0.15
    check "$k: a short one (${ms:-0} ms)" float_between "${ms:-0}" 15 100
done
read -r _ _ up_hz <<<"$up"
read -r _ _ down_hz <<<"$down"
read -r _ _ next_hz <<<"$next"
check "+ sounds higher than - ($up_hz Hz vs $down_hz Hz)" float_between "$(awk -v a="${up_hz:-0}" -v b="${down_hz:-0}" 'BEGIN { print a - b }')" 100 100000
check "→ sounds higher than - ($next_hz Hz vs $down_hz Hz)" float_between "$(awk -v a="${next_hz:-0}" -v b="${down_hz:-0}" 'BEGIN { print a - b }')" 100 100000

STATE=$TMP/state-quiet player_record quiet
STATE=$TMP/state-quiet player_launch quiet 80 24 "$ARTICLE"
player_wait quiet "sentence 2 of $SENTENCES" 20 || fail "sentence 2 never showed"
player_key quiet Space
player_wait quiet PAUSED 2 || fail "space did not pause"
sleep 1
silent=$(tone_after_key quiet +)
player_key quiet q
player_wait_exit quiet 10 > /dev/null
player_record_stop
check "without --key-sounds, + while paused is silent (got: $silent)" test "$silent" = none
finish
