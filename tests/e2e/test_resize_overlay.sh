#!/bin/sh
# A resize while the quit question or the help is open re-lays the screen
# and keeps it open: the next key answers the question / scrolls the help.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 2
e2e_wait " WORK "
e2e_keys '?'
e2e_wait "Ctrl-Z"
e2e_tmux resize-window -t e2e -x 60 -y 20
e2e_wait "1/2  00:"
e2e_keys j
sleep 0.3
e2e_screen | grep -q "Help" || fail "the help closed on a resize"
e2e_keys Escape
e2e_wait_gone "Help"
e2e_tmux resize-window -t e2e -x 80 -y 24
e2e_wait "elapsed"
e2e_keys q
e2e_wait "Quit this session?"
e2e_tmux resize-window -t e2e -x 40 -y 12
e2e_wait "Quit this session? y = yes"
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_wait "Countdown test: stopped at 00:0"
