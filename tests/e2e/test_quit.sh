#!/bin/sh
# q asks first: n goes on, y ends with a summary of the partial session.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 2
e2e_wait " WORK "
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys n
e2e_wait_gone "Quit this session?"
e2e_wait " RESUMING "
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_wait "Countdown test: stopped at 00:0"
e2e_screen | grep -q "of 01:34; 0 of 2 exercises done, 0 skipped" || fail "summary"
