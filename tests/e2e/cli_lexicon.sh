#!/usr/bin/env bash
# Lexicons from the command line (.lex and PLS), their errors, and --explain.
source "$(dirname "$0")/lib/common.sh"

phonemes() { echo "$1" | "$NARRATE" --phonemes "${@:2}"; }

check "the seed's names come from the built-in lexicon" \
    bash -c "'$NARRATE' --explain 'Mr. Xi met Sergey Lavrov and Nikolai Patrushev.' > '$TMP/explain'"
check "--explain names the entry that reads Xi" grep -qE '^Xi .*people\.lex:[0-9]+.*S'"'"'i:' "$TMP/explain"
check "--explain names the rule that reads Mr." grep -qE '^Mr\. +-> Mister .*abbreviations\.tsv:[0-9]+' "$TMP/explain"
"$NARRATE" --explain 'Wang Xuanqiao visited Guangzhou.' > "$TMP/pinyin"
check "an unlisted pinyin name is read by rule" grep -qE '^Xuanqiao .*rule:pinyin' "$TMP/pinyin"

phonemes "Lavrov spoke." > "$TMP/built_in"
phonemes "Lavrov spoke." --lexicon tests/lexicon/good.lex > "$TMP/ours"
check "the built-in lexicon reads Lavrov ($(cat "$TMP/built_in"))" grep -qF "l@vr'O:f" "$TMP/built_in"
check "a --lexicon entry overrides it ($(cat "$TMP/ours"))" grep -qF "l'avr@f" "$TMP/ours"
"$NARRATE" --explain 'Lavrov' --lexicon tests/lexicon/good.lex > "$TMP/ex"
check "--explain points at the user's file and line" grep -q 'tests/lexicon/good.lex:2' "$TMP/ex"
phonemes "Nguyen spoke." --lexicon tests/lexicon/cli.pls > "$TMP/pls"
check "a PLS entry in IPA works unchanged ($(cat "$TMP/pls"))" grep -qF "w'In" "$TMP/pls"
phonemes "Quuxcorp grew." --lexicon tests/lexicon/cli.pls > "$TMP/alias"
check "a PLS alias is read instead ($(cat "$TMP/alias"))" grep -qF "h'A@b3" "$TMP/alias"

"$NARRATE" --spoken --lexicon tests/lexicon/bad.lex < /dev/null > /dev/null 2> "$TMP/err"
code=$?
check "a malformed lexicon is refused with exit 3 (got $code)" test "$code" -eq 3
check "the error names file:line" grep -qx "narrate: tests/lexicon/bad.lex:4: unknown espeak-ng phoneme at 'yf'" "$TMP/err"
"$NARRATE" --spoken --lexicon "$TMP/missing.lex" < /dev/null > /dev/null 2> "$TMP/err"
code=$?
check "a missing lexicon is refused with exit 3 (got $code)" test "$code" -eq 3
check "the error names the missing file" grep -q 'missing.lex' "$TMP/err"
finish
