#!/usr/bin/env bash
# narrate feed OUTDIR: an RSS feed of the episodes already in a folder, checked
# with python3-feedparser (no bozo error; the channel tags Apple requires;
# enclosure lengths equal the files' sizes; durations match ffprobe's; guids
# stable across re-runs and when an episode is added) and the subcommand's
# one-line errors with the exit codes its --help documents.
source "$(dirname "$0")/lib/common.sh"
need ffprobe
need ffmpeg
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || skip "needs python3-feedparser"

in="$TMP/in"; out="$TMP/episodes"; mkdir "$in"
printf '# Harbor Deal Signed\n\n## Terms\n\n' > "$in/a.md"; sed -n '5,8p' examples/harbor-accord.txt >> "$in/a.md"
printf '# Critics Speak Up\n\n' > "$in/b.md"; sed -n '9,10p' examples/harbor-accord.txt >> "$in/b.md"
"$NARRATE" -O "$out" "$in" --show "Harbor Audio" -q
check "episodes made: exit 0" test $? -eq 0
ffmpeg -v error -f lavfi -i color=c=navy:s=64x64 -frames:v 1 "$TMP/cover.png"

"$NARRATE" feed "$out" --title "The Harbor Show" --base-url https://example.org/pod/ \
    --author "Desk" --description "Harbor news, read aloud" --cover "$TMP/cover.png" \
    --language en-gb --category Technology 2> "$TMP/err.txt"
check "feed: exit 0 and silent ($(cat "$TMP/err.txt"))" test $? -eq 0 -a ! -s "$TMP/err.txt"
check "the default feed is OUTDIR/feed.xml" test -s "$out/feed.xml"
check "the cover is published beside the episodes" cmp -s "$TMP/cover.png" "$out/cover.png"

check_feed() { # check_feed FEED TITLE: the feedparser checks; writes FEED.guids
/usr/bin/python3 - "$out" "$1" "$2" <<'PY'
import feedparser, os, subprocess, sys
out, path, title = sys.argv[1:]
d = feedparser.parse(path)
assert not d.bozo, d.bozo_exception
f = d.feed
assert f.title == title, f.title
assert f.get("subtitle") or f.get("summary"), "no description"
assert f.language, "no language"
assert f.image.href == "https://example.org/pod/cover.png", f.image
assert f.tags and f.tags[0].term, "no itunes:category"
mp3s = sorted(n for n in os.listdir(out) if n.endswith(".mp3"))
assert sorted(e.enclosures[0].href.rsplit("/", 1)[1] for e in d.entries) == mp3s, (d.entries, mp3s)
for e in d.entries:
    enc = e.enclosures[0]
    name = enc.href.rsplit("/", 1)[1]
    assert enc.href == "https://example.org/pod/" + name, enc.href
    assert enc.type == "audio/mpeg", enc.type
    assert int(enc.length) == os.path.getsize(os.path.join(out, name)), (enc.length, name)
    probed = float(subprocess.check_output(["ffprobe", "-v", "error", "-show_entries",
        "format=duration", "-of", "csv=p=0", os.path.join(out, name)]))
    assert abs(int(e.itunes_duration) - probed) <= 0.5 + 1e-9, (e.itunes_duration, probed, name)
    assert e.get("published_parsed"), e
    assert e.image.href == "https://example.org/pod/cover.png", e
    assert e.title and e.id.startswith("narrate:"), e
open(path + ".guids", "w").write("\n".join(sorted(e.enclosures[0].href + " " + e.id for e in d.entries)))
PY
}
check_feed "$out/feed.xml" "The Harbor Show"
check "feedparser: no errors, channel tags, exact lengths, ffprobe durations" test $? -eq 0
for tag in '<itunes:author>Desk</itunes:author>' '<itunes:explicit>false</itunes:explicit>' '<language>en-gb</language>' \
    '<itunes:category text="Technology"/>' \
    '<podcast:transcript url="https://example.org/pod/harbor-deal-signed.vtt" type="text/vtt"/>' \
    '<podcast:chapters url="https://example.org/pod/harbor-deal-signed.chapters.json" type="application/json+chapters"/>'; do
    check "feed has $tag" grep -qF "$tag" "$out/feed.xml"
done

# Re-run, and add an episode: the old guids stay, the new one joins.
cp "$out/feed.xml.guids" "$TMP/guids.1"
"$NARRATE" feed "$out" --title "The Harbor Show" --base-url https://example.org/pod -q
check_feed "$out/feed.xml" "The Harbor Show"
check "re-run without --cover keeps the published cover; guids stable" cmp -s "$TMP/guids.1" "$out/feed.xml.guids"
printf '# What Comes Next\n\n' > "$in/c.md"; sed -n '13,14p' examples/harbor-accord.txt >> "$in/c.md"
"$NARRATE" -O "$out" "$in" --show "Harbor Audio" -q
"$NARRATE" feed "$out" --base-url https://example.org/pod -o "$TMP/elsewhere.xml"
check "-o writes the feed elsewhere" test -s "$TMP/elsewhere.xml"
check_feed "$TMP/elsewhere.xml" "Harbor Audio"
check "a third episode: title defaults to --show; feed still checks" test $? -eq 0
check "the old guids are kept" test -z "$(comm -23 "$TMP/guids.1" "$TMP/elsewhere.xml.guids")"
check "the new episode is in" test "$(wc -l < "$TMP/elsewhere.xml.guids")" -eq 2

# Errors: one line on stderr, the documented exit code, the old feed untouched.
cp "$out/feed.xml" "$TMP/feed.before"
expect() { # expect CODE DESCRIPTION ARGS...
    local code=$1 what=$2; shift 2
    "$NARRATE" feed "$@" > /dev/null 2> "$TMP/err.txt"
    local rc=$?
    check "$what: exit $code, one line ($rc: $(cat "$TMP/err.txt"))" \
        test "$rc" -eq "$code" -a "$(wc -l < "$TMP/err.txt")" -eq 1
}
expect 2 "no OUTDIR" --base-url https://example.org/pod
expect 2 "no --base-url" "$out"
expect 2 "an unknown option" "$out" --base-url u --bogus
expect 3 "a missing OUTDIR" "$TMP/absent" --base-url u
mkdir "$TMP/empty"
expect 3 "a folder without episodes" "$TMP/empty" --base-url u
check "no feed is left in the empty folder" test ! -e "$TMP/empty/feed.xml"
expect 4 "an unwritable feed" "$out" --base-url u -o "$TMP/absent/feed.xml"
expect 4 "an unreadable cover" "$out" --base-url u --cover "$TMP/absent.png"
check "the old feed is untouched" cmp -s "$TMP/feed.before" "$out/feed.xml"
"$NARRATE" feed --help | grep -q -- '--base-url URL'
check "feed --help documents --base-url" test $? -eq 0
"$NARRATE" --help | grep -q 'narrate feed OUTDIR'
check "narrate --help documents the feed subcommand" test $? -eq 0
finish
