#!/bin/sh
# Ctrl-C (SIGINT) and SIGHUP end the session cleanly with 128 + signal.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
e2e_keys C-c
[ "$(e2e_status)" = 130 ] || fail "Ctrl-C: status $(cat "$E2E_TMP/status")"
e2e_stop
rm -f "$E2E_TMP/status"
# SIGHUP: the terminal goes away (the pane is killed)
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
e2e_tmux split-window -d -t e2e cat
e2e_tmux kill-pane -t "$E2E_PANE"
[ "$(e2e_status)" = 129 ] || fail "SIGHUP: status $(cat "$E2E_TMP/status")"
