#!/bin/sh
# Space pauses: everything freezes; space again gives a 3-2-1 and goes on
# (at --speed 4: the get-ready and the 3-2-1 take a quarter as long).
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
e2e_keys Space
e2e_wait " PAUSED "
e2e_wait "space resume"
s1=$(e2e_screen)
sleep 0.75
s2=$(e2e_screen)
[ "$s1" = "$s2" ] || fail "the screen changed while paused"
e1=$(e2e_elapsed)
e2e_keys Space
e2e_wait " RESUMING "
e2e_wait_gone " RESUMING " 5
e2e_wait " WORK "
e2e_until 3 e2e_elapsed_over "$e1"
[ "$(e2e_elapsed)" -gt "$e1" ] || fail "the clock did not go on after resuming"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
