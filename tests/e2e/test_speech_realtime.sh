#!/bin/sh
# --speak in plain mode at --speed 1 (where the session clock is the
# monotonic clock unscaled): a few cues, each within 300 ms of its plan
# time (speech_schedule).
# e2e: 7 s
# e2e: timed
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake
speech_plain realtime 1
grep -q "^Realtime test: finished, 00:07 of 00:07" "$E2E_TMP/out" || fail "no summary: $(cat "$E2E_TMP/out")"
speech_schedule 1 >"$E2E_TMP/want" <<'END'
0 Get ready: Open book, left side, 1 rep
1000 Open
3500 Switch sides
4500 Open
7000 Done. Well done.
END
speech_check "$E2E_TMP/want" 300
