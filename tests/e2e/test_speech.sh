#!/bin/sh
# --speak in plain mode at --speed 5: every kind of cue said, in order,
# each within 60 ms of its plan time over 5 (300 ms of session time;
# speech_schedule).
# e2e: 6 s
# e2e: timed
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake
speech_plain speech 5
grep -q "^Speech test: finished, 00:31 of 00:31" "$E2E_TMP/out" || fail "no summary: $(cat "$E2E_TMP/out")"
speech_schedule 5 >"$E2E_TMP/want" <<'END'
0 Get ready: Open book, left side, 1 rep
2000 Open
5000 Switch sides
6000 Open
9000 Rest, 10 seconds. Next: Wall angels
16000 3
17000 2
18000 1
19000 Get ready: Wall angels, 10 seconds
28000 3
29000 2
30000 1
31000 Done. Well done.
END
speech_check "$E2E_TMP/want" 60
