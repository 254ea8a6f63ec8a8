#!/usr/bin/env bash
# Index marks through python3-speechd, the client library Orca uses: SSML with
# <mark>s spoken by sd_narrate behind a private speech-dispatcher; BEGIN, the
# marks in order with their names, END, and marks timed by the audio played.
# timing-sensitive: mark timing is measured live.
source "$(dirname "$0")/lib/sd_e2e.sh"
py=""
for candidate in python3 /usr/bin/python3; do
    "$candidate" -c 'import speechd' 2>/dev/null && { py=$candidate; break; }
done
[ -n "$py" ] || skip "skip: python3-speechd is not installed"
"$py" tests/e2e/lib/sd_marks_client.py
check "index marks, BEGIN and END through python3-speechd" test $? -eq 0
finish
