#!/usr/bin/env bash
# The interactive player in tmux, heard through a private PulseAudio null sink
# (tests/e2e/lib/player_tmux.sh): pause and resume.
#  - space pauses: the recording is silent where the reference still has sound
#    within 100 ms of the key (an upper bound: see pause() in lib/player_audio.py),
#    and the screen shows "PAUSED";
#  - space again resumes from the same sample: the sound before the pause and
#    after it are the reference's, at sample-exact alignments, with none of the
#    reference's sound left out or heard twice (to within 4 samples: the sound
#    server's resampling smears the cut).
# The reference is the same article written with `narrate -o ref.wav`.
# timing-sensitive: measured live on a real sound server; tests/run.sh retries once.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/pulse.sh"
source "$(dirname "$0")/lib/player_tmux.sh"
player_setup
source "$(dirname "$0")/lib/player_article.sh"

player_launch pause 80 24 "$ARTICLE"
player_record pause
player_wait pause "sentence 3 of $SENTENCES" 20 || fail "sentence 3 never showed"
sleep 0.9
player_key pause Space
t=$(date +%s.%N)
player_wait pause "PAUSED" 2 && pass "the screen shows PAUSED" || fail "the screen never showed PAUSED"
shown_ms=$(awk -v a="$(awk '{print $2}' "$TMP/pause/keys")" -v b="$t" -v c="$(date +%s.%N)" \
    'BEGIN { printf "%.0f", (c - a) * 1000 }')
echo "measure: PAUSED on the screen within $shown_ms ms of the key (capture-pane polling included)"
sleep 1.5
player_key pause Space
player_wait pause "playing" 2 || fail "the screen never showed playing again"
sleep 2.5
player_key pause q
code=$(player_wait_exit pause 10)
player_record_stop
check "the recording kept pace with the clock (parec dropped nothing)" player_recording_intact pause
check "q ends the player with status 0 (got $code)" test "$code" = 0

read -r _ key1 < <(sed -n 1p "$TMP/pause/keys")
read -r _ key2 < <(sed -n 2p "$TMP/pause/keys")
$AUDIO pause "$TMP/pause/rec.raw" "$REF" "$TMP/pause/clock" "$key1" "$key2" > "$TMP/pause/m" ||
    { cat "$TMP/pause/m"; fail "the recording could not be analysed"; finish; }
sed 's/^/measure: /' "$TMP/pause/m"
m() { awk -F= -v k="$1" '$1 == k { print $2 }' "$TMP/pause/m"; }
check "shortly before the key the recording is the reference (correlation $(m start_corr))" float_between "$(m start_corr)" 0.9 1
check "the 250 ms before the pause are the reference (correlation $(m before_corr))" float_between "$(m before_corr)" 0.9 1
check "the 250 ms after it are the reference (correlation $(m after_corr))" float_between "$(m after_corr)" 0.9 1
check "the pause took effect within 100 ms of the key ($(m latency_ms) ms)" float_between "$(m latency_ms)" 0 100
check "the pause lasted as long as the keys said ($(m gap_s) s vs $(m keys_gap_s) s)" \
    float_between "$(awk -v a="$(m gap_s)" -v b="$(m keys_gap_s)" 'BEGIN { print a - b }')" -0.3 0.3
# The sound server resamples (22050 -> 44100 -> 22050 Hz), which smears a hard
# cut over a few samples: up to 4 samples (0.18 ms) count as the same sample.
check "no sound of the reference was lost across the pause ($(m lost_samples) samples)" float_between "$(m lost_samples)" 0 4
check "no sound was heard twice ($(m repeated_samples) samples)" float_between "$(m repeated_samples)" 0 4
finish
