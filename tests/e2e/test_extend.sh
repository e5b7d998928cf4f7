#!/bin/sh
# + adds 10 seconds to the current part: the time left grows by 10 s and
# the label says so; - takes 10 s of it back.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
t1=$(e2e_total)
[ "$t1" = 94 ] || fail "the total is $t1 s, not 1:34"
e2e_keys +
e2e_wait "+00:10"
t2=$(e2e_total)
[ "$t2" = 104 ] || fail "the total went from $t1 s to $t2 s"
e2e_keys +
e2e_wait "+00:20"
e2e_keys -
e2e_wait "+00:10"
t3=$(e2e_total)
[ "$t3" = 104 ] || fail "- left the total at $t3 s, not 104 s"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
