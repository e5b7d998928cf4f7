#!/bin/sh
# Resizing mid-session re-lays the screen at once and the session keeps
# running; below 40x12 it asks for a larger terminal.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
e2e_tmux resize-window -t e2e -x 40 -y 12
e2e_wait "1/2"
s=$(e2e_screen)
echo "$s" | grep -q "space pause" || fail "footer at 40x12"
echo "$s" | grep -q "Neck tilt" || fail "exercise at 40x12"
# the compact header: "1/2 · 01:23 left"
left40() {
	e2e_screen | sed -n 's/.*1\/2 .* [0-9][0-9]:\([0-9][0-9]\) left$/\1/p'
}
e1=$(left40)
[ -n "$e1" ] || fail "no time left in the header at 40x12"
left40_moved() { [ "$(left40)" != "$e1" ]; }
e2e_until 3 left40_moved || fail "the clock stopped after the resize"
e2e_tmux resize-window -t e2e -x 30 -y 10
e2e_wait "Please enlarge"
e2e_tmux resize-window -t e2e -x 80 -y 24
e2e_wait "elapsed"
e2e_wait_gone "Please enlarge"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
