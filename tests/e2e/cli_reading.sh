#!/bin/bash
# The reading modes on the command line: --punctuation, --capitals, --spell
# change what --spoken prints; bad values are usage errors (exit 2).
. "$(dirname "$0")/lib/common.sh"

spoken() { printf '%s' "$1" | "$NARRATE" --spoken "${@:2}"; }

check "--punctuation none keeps marks as pauses" \
    test "$(spoken 'Mail me@x.org (now)!')" = "Mail me at x dot org, now!"
check "--punctuation some names a stray slash" \
    test "$(spoken 'A/B' --punctuation some)" = "A slash B"
check "--punctuation all names every mark" \
    test "$(spoken 'Mail me@x.org (now)!' --punctuation all)" = \
    "Mail me at x dot org left paren now right paren exclamation mark!"
check "--spell --capitals word" \
    test "$(spoken 'Hi Bo' --spell --capitals word)" = "capital H, i, space, capital B, o"
check "--capitals word marks a spelled acronym" \
    test "$(spoken 'The FBI.' --capitals word)" = "The capital F capital B capital I."
check "a one-character text is spelled for a screen reader" \
    test "$(spoken ';' --punctuation some)" = "semicolon"
check "the news reading says nothing for a stray mark" test -z "$(spoken '-')"

for bad in "--punctuation most" "--capitals loud"; do
    # shellcheck disable=SC2086
    printf x | "$NARRATE" --spoken $bad >/dev/null 2>"$TMP/err"
    check "$bad is a usage error" test $? -eq 2
    check "$bad says what it takes" grep -q "takes" "$TMP/err"
done
"$NARRATE" --help | grep -q -- "--punctuation L" || fail "--help lists --punctuation"
finish
