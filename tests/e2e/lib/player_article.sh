# Sourced by the player's end-to-end tests after common.sh: a short article of
# nine sentences (a heading and three paragraphs), each starting with another
# word so that their starts sound different, in $ARTICLE, its narration
# written to a file in $REF (the reference for what the speakers play), and in
# $REF_SENTENCES one "START END" line (seconds in $REF) per sentence.  SENTENCES
# is their number.  Exits 1 when the reference does not split into them.
ARTICLE=$TMP/article.txt
REF=$TMP/ref.wav
REF_SENTENCES=$TMP/ref.sentences
cat > "$ARTICLE" <<'TXT'
Harbor Report

Fishermen arrived at dawn on Tuesday morning. Grain followed an hour later on a second ship. Another vessel waited outside the breakwater until noon.

Workers unloaded the cargo before the evening storm. Meanwhile the harbor master praised the crews for their speed. Prices at the market fell by the weekend.

Next spring the port will open a new terminal. Officials expect twice as many ships by then.
TXT
SENTENCES=9
"$NARRATE" "$ARTICLE" -o "$REF" > "$TMP/ref.out" 2>&1 ||
    { cat "$TMP/ref.out"; echo "narrate -o could not write the reference"; exit 1; }
python3 "$(dirname "${BASH_SOURCE[0]}")/player_audio.py" segments "$REF" --min-gap 0.2 > "$REF_SENTENCES"
[ "$(wc -l < "$REF_SENTENCES")" -eq "$SENTENCES" ] ||
    { cat "$REF_SENTENCES"; echo "the reference does not split into $SENTENCES sentences"; exit 1; }
# The start of sentence K (1-based) in the reference, in seconds.
ref_sentence_start() { sed -n "${1}p" "$REF_SENTENCES" | awk '{ print $1 }'; }
ref_sentence_length() { sed -n "${1}p" "$REF_SENTENCES" | awk '{ print $2 - $1 }'; }
REF_ONSETS=$TMP/ref.onsets
python3 "$(dirname "${BASH_SOURCE[0]}")/player_audio.py" onsets "$REF" > "$REF_ONSETS"
# The first sample of sentence K's sound in the reference, in seconds.
ref_sentence_onset() { sed -n "${1}p" "$REF_ONSETS"; }
