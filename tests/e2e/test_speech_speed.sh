#!/bin/sh
# --speak in the full-screen player at --speed 6: the cues of
# test_speech.sh at their plan times divided by 6 (within 100 ms).
# e2e: 5 s
# e2e: timed
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake
speech_screen speech 6 10
speech_schedule 6 >"$E2E_TMP/want" <<'END'
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
speech_check "$E2E_TMP/want" 100
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
