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
n=40
while [ "$(selected)" = "$first" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
[ "$(selected)" != "$first" ] || fail "the first Down did not move the selection from $first"
second=$(selected)
e2e_keys Up
n=40
while [ "$(selected)" = "$second" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
[ "$(selected)" = "$first" ] || fail "Up did not come back to $first"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
