#!/bin/sh
# With --speed a routine plays through to the finish screen, which tells
# the time done, the exercises and the time paused (the extended time
# only when there was some); q then quits.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play quick --routines "$E2E_DATA" --no-safety --speed 10
e2e_wait "Step 1 of 3"
e2e_wait "Session complete" 10
s=$(e2e_screen)
echo "$s" | grep -q "Quick test" || fail "routine name"
echo "$s" | grep -q "Time  *00:17 of 00:17 planned" || fail "time done"
echo "$s" | grep -q "Exercises  *2 of 2 done, 0 skipped" || fail "exercises"
echo "$s" | grep -q "Paused  *00:00" || fail "paused"
echo "$s" | grep -q "Extended" && fail "an extension of nothing"
echo "$s" | grep -q "Enter menu  *q quit" || fail "keys"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_wait "Quick test: finished, 00:17 of 00:17; 2 of 2 exercises done, 0 skipped."
