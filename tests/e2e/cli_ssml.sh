#!/usr/bin/env bash
# The CLI reads narrate's SSML subset: by extension, by sniffing, with -i ssml;
# hostile markup is read safely (nothing fetched or run, breaks capped).
source "$(dirname "$0")/lib/common.sh"
need soxi

cat > "$TMP/prompt.ssml" <<'SSML'
<?xml version="1.0"?>
<speak version="1.0" xml:lang="en-US">
<p>The <sub alias="World Wide Web Consortium">W3C</sub> met on
<say-as interpret-as="date">2024-03-05</say-as>.</p>
<p>Spell <say-as interpret-as="characters">abc</say-as>, then <mark name="m"/>stop.</p>
</speak>
SSML
want=$'The World Wide Web Consortium met on the fifth of March twenty twenty four.\nSpell A B C, then stop.'
check "a .ssml file is read as SSML" test "$("$NARRATE" --spoken "$TMP/prompt.ssml")" = "$want"
cp "$TMP/prompt.ssml" "$TMP/prompt.txt"
check "-i ssml overrides the extension" test "$("$NARRATE" -i ssml --spoken "$TMP/prompt.txt")" = "$want"
check "<speak on stdin is sniffed" \
    test "$(printf '<speak>Hello <break time="1s"/>there.</speak>' | "$NARRATE" --spoken -)" = $'Hello\nthere.'

marker="$TMP/should-not-exist"
cat > "$TMP/hostile.ssml" <<SSML
<speak><audio src="file://$marker">Safe text.</audio> Bad &#1; char.
<break time="100000s"/><p>Unclosed <emphasis>tags <prosody rate="x-slow">end
SSML
check "hostile SSML is spoken" "$NARRATE" -o "$TMP/hostile.wav" "$TMP/hostile.ssml"
check "nothing was fetched" test ! -e "$marker"
secs=$(soxi -D "$TMP/hostile.wav")
check "the break is capped at 5 s (total $secs s)" awk -v s="$secs" 'BEGIN { exit !(s > 5 && s < 12) }'
check "its text is read" test "$("$NARRATE" --spoken "$TMP/hostile.ssml")" = $'Safe text.\nBad char.\nUnclosed tags end'
finish
