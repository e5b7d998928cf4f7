#!/bin/sh
# In the menu, Down as the very first key moves the selection (it must
# not be read as Esc and lost).
. "$(dirname "$0")/lib.sh"
selected() { e2e_screen | sed -n 's/^> \([A-Za-z][A-Za-z ]*[a-z]\) .*/\1/p'; }
e2e_start 80 24 --routines "$E2E_DATA" --no-safety
e2e_wait "Countdown test"
first=$(selected)
[ -n "$first" ] || fail "no selected routine"
e2e_keys Down
moved_from() { [ "$(selected)" != "$1" ]; }
e2e_until 2 moved_from "$first"
[ "$(selected)" != "$first" ] || fail "the first Down did not move the selection from $first"
second=$(selected)
e2e_keys Up
e2e_until 2 moved_from "$second"
[ "$(selected)" = "$first" ] || fail "Up did not come back to $first"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
