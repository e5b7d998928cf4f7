#!/bin/sh
# The countdown runs: the session clock goes up, the time left goes down by
# as much, and the big digits change.
# e2e: 3 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 2
e2e_wait " WORK "
e2e_screen | grep -q "Countdown test .*Step 1 of 2" || fail "header"
e2e_screen | grep -q "Neck tilt" || fail "exercise name"
e1=$(e2e_elapsed) l1=$(e2e_left) d1=$(e2e_screen | sed -n '6,10p')
e2e_until 5 e2e_elapsed_over "$((e1 + 1))"
e2=$(e2e_elapsed) l2=$(e2e_left) d2=$(e2e_screen | sed -n '6,10p')
[ "$e2" -ge "$((e1 + 2))" ] || fail "elapsed went from $e1 to $e2"
[ "$((l1 - l2))" -ge 1 ] && [ "$((l1 - l2))" -le "$((e2 - e1 + 1))" ] || fail "left went from $l1 to $l2"
[ "$d1" != "$d2" ] || fail "the big digits did not change"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
