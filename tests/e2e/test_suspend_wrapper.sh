#!/bin/sh
# Ctrl-Z and fg under a wrapper shell (sh -c '...; ...' between the
# interactive shell and the player), five times in a row: each time the
# player stops, and fg brings it back, paused. The wrapper stops at
# once, so the shell takes the terminal back while the player is still
# leaving the screen; that must not leave the player stopped.
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null || { echo "skipped: bash is missing (the test needs its job control)"; exit 0; }
printf 'echo $$ >"%s/pid"\nexec "%s" play countdown --routines "%s" --no-safety\n' \
	"$E2E_TMP" "$STRETCHTUI_BIN" "$E2E_DATA" >"$E2E_TMP/inner.sh"
fg_cmd() { e2e_tmux display -p -t "$E2E_PANE" '#{pane_current_command}'; }
alt() { e2e_tmux display -p -t "$E2E_PANE" '#{alternate_on}'; }
state() { ps -o stat= -p "$(cat "$E2E_TMP/pid")" 2>/dev/null; }
# stopped: the player is stopped and bash has the terminal; back: the
# player is in the foreground again, on its own screen, paused.
stopped() { [ "$(fg_cmd)" = bash ] && case $(state) in T*) true ;; *) false ;; esac; }
back() { [ "$(alt)" = 1 ] && e2e_shows " PAUSED "; }
e2e_shell 80 24
e2e_wait '$'
e2e_keys -l "sh -c 'sh $E2E_TMP/inner.sh; echo wrapper-status=\$?'"
e2e_keys Enter
e2e_wait "Step 1 of 2"
i=1
while [ $i -le 5 ]; do
	e2e_keys C-z
	e2e_until 5 stopped ||
		fail "Ctrl-Z $i: not stopped (player state '$(state)', foreground '$(fg_cmd)')"
	e2e_keys -l fg
	e2e_keys Enter
	e2e_until 5 back ||
		fail "fg $i: the player did not come back (player state '$(state)', foreground '$(fg_cmd)')"
	i=$((i + 1))
done
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
e2e_wait "wrapper-status=0"
