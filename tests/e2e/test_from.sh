#!/bin/sh
# play --from STEP (a number, an exercise's name or the start of one)
# starts where show says that step starts; bad values are errors naming
# the routine's file (status 1).
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
run show quick --routines "$E2E_DATA" >"$E2E_TMP/show" || fail "show"
want=$(awk '$1 == "3/3" { print $2; exit }' "$E2E_TMP/show")
for from in 3 "Chin tuck" chin CHIN-T; do
	run play quick --routines "$E2E_DATA" --plain --no-safety --speed 50 --from "$from" \
		>"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "--from $from: status $?"
	sed -n 2p "$E2E_TMP/out" | grep -qxF "Starting at $want, step 3/3." || fail "--from $from: $(sed -n 2p "$E2E_TMP/out")"
	sed -n 3p "$E2E_TMP/out" | grep -q "^Get ready, 00:02: Chin tuck" || fail "--from $from: $(sed -n 3p "$E2E_TMP/out")"
	grep -q "Neck tilt" "$E2E_TMP/out" && fail "--from $from played step 1"
done
run play quick --routines "$E2E_DATA" --plain --from 9 >/dev/null 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "--from 9: not status 1"
grep -qxF "$E2E_DATA/quick.yaml: error: --from 9: there is no step 9; the routine has 3 steps (1 to 3)" \
	"$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
run play quick --routines "$E2E_DATA" --plain --from neck-tilr >/dev/null 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "--from neck-tilr: not status 1"
grep -qxF "$E2E_DATA/quick.yaml: error: --from 'neck-tilr': no step does an exercise of that name; did you mean 'neck-tilt'?" \
	"$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
run list --from 2 2>/dev/null
[ $? = 2 ] || fail "--from with list: not status 2"
# The full-screen player: its clock starts at step 2's start.
run show countdown --routines "$E2E_DATA" >"$E2E_TMP/show" || fail "show"
want=$(awk '$1 == "2/2" { split($2, t, ":"); print t[1] * 60 + t[2]; exit }' "$E2E_TMP/show")
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --from shoulder
e2e_wait "Shoulder shrug"
got=$(e2e_elapsed)
[ "$got" -ge "$want" ] && [ "$got" -le $((want + 1)) ] || fail "elapsed $got, show says $want"
e2e_screen | grep -q "Neck tilt" && fail "step 1 on screen"
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
