#!/bin/sh
# Enter in the menu starts the selected routine; the finish screen's
# Enter comes back to the menu.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 --routines "$E2E_DATA" --no-safety --speed 20
e2e_wait "TAGS"
e2e_keys /
e2e_keys -l "quick test"
e2e_keys Enter
e2e_wait "filter: quick test"
e2e_keys Enter
e2e_wait "Step 1 of 3"
e2e_wait "Session complete" 10
e2e_keys Enter
e2e_wait "TAGS"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
