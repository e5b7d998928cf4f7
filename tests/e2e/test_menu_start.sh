#!/bin/sh
# The menu: ] and [ mark a step of the selected routine in its detail
# pane, and Enter starts there (the clock at the step's start, as show
# says); a session quit from the menu is offered back with r, which goes
# on where it stopped.
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
run show countdown --routines "$E2E_DATA" >"$E2E_TMP/show" || fail "show"
want=$(awk '$1 == "2/2" { split($2, t, ":"); print t[1] * 60 + t[2]; exit }' "$E2E_TMP/show")
mkdir -p "$E2E_TMP/config/stretchtui"
printf 'routine: countdown\n' >"$E2E_TMP/config/stretchtui/config.yaml"
e2e_start 100 40 --routines "$E2E_DATA" --no-safety
e2e_wait "> Countdown test"
e2e_keys ']'
e2e_wait "1. Neck tilt"
e2e_screen >"$E2E_TMP/menu"
grep -q "^ *> *1\. Neck tilt\|^ *$(printf '\342\226\266') *1\. Neck tilt" "$E2E_TMP/menu" || fail "step 1 is not marked"
e2e_keys ']' ']' '[' ']'              # past the last step it stays there
e2e_keys Enter
e2e_wait "Shoulder shrug"
got=$(e2e_elapsed)
[ "$got" -ge "$want" ] && [ "$got" -le $((want + 1)) ] || fail "elapsed $got, show says $want"
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
e2e_wait "r: go on from 01:0"
at=$(cut -f2 "$E2E_TMP/state/stretchtui/resume")
e2e_keys r
e2e_wait "Shoulder shrug"
got=$(e2e_elapsed)
[ "$got" = $((at / 1000)) ] || fail "resumed at $got s, stopped at $((at / 1000)) s"
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
e2e_wait "r: go on from 01:"
e2e_stop
rm -f "$E2E_TMP/status"
e2e_start 100 40 --routines "$E2E_DATA" --no-safety   # a new menu offers it too
e2e_wait "r: go on with Countdown test from 01:"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
