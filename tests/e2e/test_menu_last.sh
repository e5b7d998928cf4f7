#!/bin/sh
# The menu preselects the routine played last (remembered in the state
# directory), not the alphabetically first.
. "$(dirname "$0")/lib.sh"
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' --no-safety \
	--speed 50 </dev/null >/dev/null 2>&1 || fail "plain play: status $?"
e2e_start 80 24 --routines "$E2E_DATA" --no-safety
e2e_wait "NAME"
# the frame can reach tmux in more than one write: wait for the marker
e2e_wait "> Quick test"
e2e_screen | grep -q "^> Quick test" || fail "Quick test is not preselected"
e2e_keys Down                        # an arrow first, and it moves on from there
e2e_wait "> Self paced test"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
