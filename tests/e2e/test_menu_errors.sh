#!/bin/sh
# A broken exercises.yaml in the user's directory is named in the menu
# once; routines that do not use its broken exercise still play; Enter on
# one that does says why instead of doing nothing. A session quit from
# the menu comes back to it with its summary.
. "$(dirname "$0")/lib.sh"
lib="$E2E_TMP/config/stretchtui/routines"
mkdir -p "$lib"
printf 'exercises:\n  tilt:\n    nmae: Neck tilt\n' >"$lib/exercises.yaml"
printf 'name: Tilt\nsteps:\n  - use: tilt\n    hold: 10s\n' >"$lib/tilt.yaml"
e2e_start 80 24 --no-safety
e2e_wait "NAME"
e2e_wait "error in an exercise"   # once every row is loaded
e2e_screen | tr -d '\n' | grep -q "1 error in an exercise library: stretchtui check /" ||
	fail "no notice naming the broken library"
e2e_keys /
e2e_keys -l "tilt"
e2e_keys Enter
e2e_wait "> tilt"
e2e_keys Enter                       # it uses the broken exercise
e2e_wait "'tilt' has errors (see below)"
e2e_screen | tr -d '\n' | grep -q "exercise 'tilt' has errors in" || fail "the detail pane does not say why"
e2e_keys Escape
e2e_keys g
e2e_wait "> Breathing"
e2e_keys Enter                       # a built-in routine is not affected
e2e_wait " GET READY "
e2e_keys q
e2e_keys y
e2e_wait "Breathing: stopped at 00:0"
e2e_screen | grep -q "^> Breathing" || fail "not back in the menu"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
