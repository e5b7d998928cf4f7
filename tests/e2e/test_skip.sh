#!/bin/sh
# n and Right skip to the next exercise; b and Left go back.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety
e2e_wait "Neck tilt"
e2e_keys n
e2e_wait "Step 2 of 2"
e2e_screen | grep -q "Shoulder shrug" || fail "skip did not reach the next exercise"
e2e_keys b
e2e_wait "Step 1 of 2"
e2e_screen | grep -q "Neck tilt" || fail "back did not return"
e2e_keys Right
e2e_wait "Step 2 of 2"
e2e_keys Left
e2e_wait "Step 1 of 2"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
