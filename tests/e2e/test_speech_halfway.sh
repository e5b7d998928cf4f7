#!/bin/sh
# --speak in the full-screen player at --speed 10: a 60 s hold (the second
# step) says its half-way, and its 3-2-1, at their plan times divided by
# 10 (within 60 ms, 600 ms of session time).
# e2e: 7 s
# e2e: timed
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake
speech_screen halfway 10 15
speech_schedule 10 >"$E2E_TMP/want" <<'END'
0 Get ready: Neck tilt, 2 seconds
4000 Get ready: Foam roll, 60 seconds
36000 Halfway
63000 3
64000 2
65000 1
66000 Done. Well done.
END
speech_check "$E2E_TMP/want" 60
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
