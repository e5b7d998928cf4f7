#!/bin/sh
# --plain on a terminal: one line per part, and the keys still work (at
# --speed 3: a 3-2-1 takes a second).
# e2e: 3 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --plain --speed 3
e2e_wait "Step 1/2: Neck tilt, 01:00"
e2e_screen | grep -q "\[" && fail "cursor addressing in plain mode"
e2e_keys Space
e2e_wait "Paused. Press space to go on."
e2e_keys Space
e2e_wait "Resuming in 3"
e2e_wait "Go."
e2e_keys +
e2e_wait "Plus 10 seconds:"
e2e_keys n
e2e_wait "Step 2/2: Shoulder shrug, 00:30"
# ? prints the keys and the session waits while they are read
e2e_keys '?'
e2e_wait "Keys:"
last_line() { e2e_screen | grep -v '^ *$' | tail -1 | grep -qxF "$1"; }
e2e_until 2 last_line "Paused. Press space to go on." ||
	fail "? did not pause: $(e2e_screen | grep -v '^ *$' | tail -2)"
e2e_keys Space
e2e_wait "Resuming in 3"
e2e_keys q
e2e_wait "Quit this session? (y/n)"
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_wait "Countdown test: stopped at"
