#!/bin/sh
# Segment kinds are coloured, and NO_COLOR / --no-color turn colour off
# (the text labels stay).
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
colors() { e2e_tmux capture-pane -p -e -t "$E2E_PANE" | grep -c '\[[0-9;]*3[1-7]m\|38;5;'; }
e2e_start 80 24 play selfpaced --routines "$E2E_DATA" --no-safety
e2e_wait " WORK "
[ "$(colors)" -gt 0 ] || fail "no colour by default"
e2e_keys q
e2e_keys y
e2e_status >/dev/null
e2e_stop
rm -f "$E2E_TMP/status"
E2E_ENV="NO_COLOR=1"
e2e_start 80 24 play selfpaced --routines "$E2E_DATA" --no-safety
e2e_wait " WORK "
[ "$(colors)" -eq 0 ] || fail "colour with NO_COLOR"
e2e_keys q
e2e_keys y
e2e_status >/dev/null
e2e_stop
rm -f "$E2E_TMP/status"
E2E_ENV=
e2e_start 80 24 play selfpaced --routines "$E2E_DATA" --no-safety --no-color
e2e_wait " WORK "
[ "$(colors)" -eq 0 ] || fail "colour with --no-color"
