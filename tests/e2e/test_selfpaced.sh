#!/bin/sh
# A self-paced step waits for Enter after each rep; the session clock
# keeps running while it waits.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play selfpaced --routines "$E2E_DATA" --no-safety
e2e_wait "Rep 1 of 3"
e2e_screen | grep -q "press Enter after each rep" || fail "no prompt"
e1=$(e2e_elapsed)
sleep 1.2
e2e_screen | grep -q "Rep 1 of 3" || fail "a self-paced rep ended by itself"
[ "$(e2e_elapsed)" -gt "$e1" ] || fail "the elapsed clock stood still while waiting for a rep"
e2e_keys Enter
e2e_wait "Rep 2 of 3"
e2e_keys Enter
e2e_wait "Rep 3 of 3"
e2e_keys Enter
e2e_wait "Step 2 of 2"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
