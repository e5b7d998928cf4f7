#!/bin/sh
# Ctrl-Z suspends cleanly; fg brings the session back, paused.
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null || { echo "skipped: bash is missing (the test needs its job control)"; exit 0; }
e2e_shell 80 24
e2e_wait '$'
e2e_keys -l "'$STRETCHTUI_BIN' play countdown --routines '$E2E_DATA' --no-safety --speed 4; echo status=\$?"
e2e_keys Enter
e2e_wait " WORK "
e2e_keys C-z
e2e_wait "Stopped"
[ "$(e2e_tmux display -p -t "$E2E_PANE" '#{alternate_on} #{cursor_flag}')" = "0 1" ] ||
	fail "suspended with the alternate screen or the cursor hidden"
e2e_keys -l fg
e2e_keys Enter
e2e_wait " PAUSED "
e2e_keys q
e2e_keys y
e2e_wait "Countdown test: stopped at"
[ "$(e2e_tmux display -p -t "$E2E_PANE" '#{alternate_on} #{cursor_flag}')" = "0 1" ] ||
	fail "not back to the normal screen"
