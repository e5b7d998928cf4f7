#!/bin/sh
# In the player, Right as the very first key skips to the next exercise
# (it must not be read as Esc and lost).
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety
e2e_wait "Step 1 of 2"
e2e_keys Right
e2e_until 2 e2e_shows "Step 2 of 2" || fail "the first Right did not skip to the next exercise"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
