#!/usr/bin/env bash
# narrate -O: episodes named from titles; a re-run skips what is up to date; a
# run killed halfway resumes to the same set of files as a clean run and
# leaves no temporaries; a bad article is reported while the rest are made;
# the feed parses with python3-feedparser with exact enclosure lengths and
# stable guids.
source "$(dirname "$0")/lib/common.sh"
need ffprobe
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || skip "needs python3-feedparser"

in="$TMP/in"; mkdir "$in"
printf '# Harbor Deal Signed\n\n' > "$in/a.md"; sed -n '5,8p' examples/harbor-accord.txt >> "$in/a.md"
printf '# Critics Speak Up\n\n' > "$in/b.md"; sed -n '9,12p' examples/harbor-accord.txt >> "$in/b.md"
printf '# What Comes Next\n\n' > "$in/c.md"; sed -n '13,16p' examples/harbor-accord.txt >> "$in/c.md"
printf 'A note without a title line. It is short.\n' > "$in/d.txt"
names="critics-speak-up d harbor-deal-signed what-comes-next"

"$NARRATE" -O "$TMP/clean" "$in" --jobs 2 -q
check "clean batch: exit 0" test $? -eq 0
got=$(ls "$TMP/clean" | sed -n 's/\.mp3$//p' | sort | tr '\n' ' ')
check "episodes named from titles ($got)" test "$got" = "$names "
for n in $names; do
    for ext in mp3 vtt marks.json chapters.json; do
        [ -s "$TMP/clean/$n.$ext" ] || fail "missing $n.$ext"
    done
done

# A re-run skips everything: no file is rewritten.
before=$(stat -c '%n %Y %s' "$TMP/clean"/* | md5sum)
"$NARRATE" -O "$TMP/clean" "$in" 2> "$TMP/rerun.txt"
check "re-run: exit 0" test $? -eq 0
check "re-run: 4 up to date ($(cat "$TMP/rerun.txt"))" grep -q '0 made, 4 up to date, 0 failed' "$TMP/rerun.txt"
check "re-run rewrote nothing" test "$(stat -c '%n %Y %s' "$TMP/clean"/* | md5sum)" = "$before"
touch "$in/b.md"
"$NARRATE" -O "$TMP/clean" "$in" 2> "$TMP/touched.txt"
check "a changed article is made again ($(cat "$TMP/touched.txt"))" grep -q '1 made, 3 up to date' "$TMP/touched.txt"

# Killed halfway, then resumed: the same files as the clean run, no temporaries.
for i in 1 2 3; do cat "$in/a.md"; sed 1d "$in/b.md"; done > "$in/e.md"
"$NARRATE" -O "$TMP/killed" "$in" --jobs 1 -q &
pid=$!
sleep 1.2
kill -INT "$pid"; wait "$pid"; rc=$?
check "interrupted batch exits 130 ($rc)" test "$rc" -eq 130
check "interrupted batch leaves no temporaries" test "$(ls -A "$TMP/killed" | grep -cE '\.(tmp|spool)$')" -eq 0
"$NARRATE" -O "$TMP/killed" "$in" --jobs 2 -q
check "resumed batch: exit 0" test $? -eq 0
"$NARRATE" -O "$TMP/clean" "$in" -q
check "same files as a clean run" test "$(ls "$TMP/killed")" = "$(ls "$TMP/clean")"

# One bad article is reported; the others are made.
ln -s "$TMP/nowhere.txt" "$in/broken.txt"
"$NARRATE" -O "$TMP/partial" "$in" 2> "$TMP/partial.txt"
rc=$?
check "a bad article makes the batch exit 1 ($rc)" test "$rc" -eq 1
check "the bad article is named" grep -q 'broken.txt' "$TMP/partial.txt"
check "the others are made" test "$(ls "$TMP/partial" | grep -c '\.mp3$')" -eq 5
rm "$in/broken.txt"

# The feed: parsed by feedparser; lengths exact; guids stable across runs.
ffmpeg -v error -f lavfi -i color=c=navy:s=64x64 -frames:v 1 "$TMP/cover.jpg"
feed() { "$NARRATE" -O "$TMP/clean" "$in" -q --feed "$TMP/clean/feed.xml" \
    --base-url https://example.org/pod/ --show "Harbor Audio" --author "Desk" --cover "$TMP/cover.jpg"; }
feed
check "feed run: exit 0" test $? -eq 0
/usr/bin/python3 - "$TMP/clean" <<'PY'
import feedparser, os, sys
d = feedparser.parse(os.path.join(sys.argv[1], "feed.xml"))
assert not d.bozo, d.bozo_exception
assert d.feed.title == "Harbor Audio" and d.feed.image.href == "https://example.org/pod/cover.jpg"
assert len(d.entries) == 5, len(d.entries)
for e in d.entries:
    enc = e.enclosures[0]
    name = enc.href.rsplit("/", 1)[1]
    assert enc.type == "audio/mpeg" and int(enc.length) == os.path.getsize(os.path.join(sys.argv[1], name)), (enc, name)
    assert int(e.itunes_duration) > 0 and e.id.startswith("narrate:"), e
    assert e.get("published"), e
open(os.path.join(sys.argv[1], "guids"), "w").write("\n".join(sorted(e.id for e in d.entries)))
PY
check "feed parses; enclosure lengths match the files" test $? -eq 0
grep -q '<podcast:transcript url="https://example.org/pod/harbor-deal-signed.vtt" type="text/vtt"/>' "$TMP/clean/feed.xml"
check "feed links the transcript" test $? -eq 0
grep -q '<podcast:chapters url="https://example.org/pod/harbor-deal-signed.chapters.json"' "$TMP/clean/feed.xml"
check "feed links the chapters" test $? -eq 0
cp "$TMP/clean/guids" "$TMP/guids.before"
feed
/usr/bin/python3 -c 'import feedparser,sys; print("\n".join(sorted(e.id for e in feedparser.parse(sys.argv[1]).entries)), end="")' "$TMP/clean/feed.xml" > "$TMP/guids.after"
check "guids stable across runs" cmp -s "$TMP/guids.before" "$TMP/guids.after"
"$NARRATE" -O "$TMP/clean" --feed "$TMP/f.xml" 2>/dev/null
check "--feed without --base-url is a usage error" test $? -eq 2
finish
