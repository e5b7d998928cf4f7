#!/bin/sh
# A session quit in the full-screen player, or ended by a signal in plain
# mode, is continued by play --resume at the place it stopped: the plan
# time of the mark, in the segment show lists there. A completed session
# clears the mark; one older than an hour, or a changed file, is refused.
# e2e: 4 s
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
mark=$E2E_TMP/state/stretchtui/resume
run show countdown --routines "$E2E_DATA" >"$E2E_TMP/show" || fail "show"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
sleep 1
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
[ -s "$mark" ] || fail "no mark"
at=$(cut -f2 "$mark")
[ $((at % 1000)) = 0 ] || fail "not a whole second: $at"
secs=$((at / 1000))
[ "$secs" -ge 2 ] && [ "$secs" -lt 62 ] || fail "stopped at $secs s: not in the first hold"
e2e_stop
rm -f "$E2E_TMP/status"
e2e_start 80 24 play --resume --no-safety --speed 4
e2e_wait "Neck tilt"
got=$(e2e_elapsed)
[ "$got" = "$secs" ] || fail "resumed at $got s, stopped at $secs s"
e2e_wait " WORK " 6
e2e_keys n n
e2e_wait "Session complete"
e2e_keys q
[ "$(e2e_status 10)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
[ -e "$mark" ] && fail "a completed session left its mark"
e2e_stop
# plain mode, ended by SIGTERM in the second step
: >"$E2E_TMP/out"
(eval "exec $(e2e_env)" '"$STRETCHTUI_BIN"' play countdown --routines '"$E2E_DATA"' --no-safety \
	--plain --from 2 --speed 10 </dev/null >"$E2E_TMP/out" 2>&1) &
pid=$!
e2e_until 6 grep -q "Step 2/2: Shoulder shrug" "$E2E_TMP/out"
sleep 0.5
kill -TERM $pid
wait $pid
[ $? = 143 ] || fail "SIGTERM: not status 143"
at=$(cut -f2 "$mark")
secs=$((at / 1000))
want=$(awk -v s="$secs" '$1 ~ /\// && $2 ~ /:/ {
	split($2, t, ":"); start = t[1] * 60 + t[2]; split($NF, l, ":"); len = l[1] * 60 + l[2]
	if (s >= start && s < start + len) { print $1, $3, $4; exit } }' "$E2E_TMP/show")
[ "$want" = "2/2 work Shoulder" ] || fail "stopped at $secs s, in: $want"
run play --resume countdown --routines "$E2E_DATA" --plain --no-safety --speed 50 >"$E2E_TMP/out" 2>&1 ||
	fail "resume: $(cat "$E2E_TMP/out")"
sed -n 2p "$E2E_TMP/out" | grep -qxF "Starting at 01:$(printf %02d $((secs - 60))), step 2/2." ||
	fail "$(sed -n 2p "$E2E_TMP/out") (stopped at $secs s)"
sed -n 3p "$E2E_TMP/out" | grep -q "^Step 2/2: Shoulder shrug" || fail "$(sed -n 3p "$E2E_TMP/out")"
grep -q "^Resuming in 3" "$E2E_TMP/out" || fail "no lead-in"
# nothing left to resume
run play --resume --plain 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "no mark: not status 1"
grep -qxF "stretchtui: error: --resume: no stopped session to resume" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
# a mark from over an hour ago
printf '1\t5000\t%s\t1\t1\t1\t1\t1\t%s\n' $(($(date +%s) - 3700)) "$E2E_DATA/countdown.yaml" >"$mark"
run play --resume --plain 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "old mark: not status 1"
grep -qF "its session stopped 1:01:4" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
# a mark for another routine than the one named
printf '1\t5000\t%s\t1\t1\t1\t1\t1\t%s\n' "$(date +%s)" "$E2E_DATA/countdown.yaml" >"$mark"
run play --resume quick --routines "$E2E_DATA" --plain 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "other routine: not status 1"
grep -qF "not of 'quick'" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
# the same routine, but its identity in the mark is not the file's
run play --resume countdown --routines "$E2E_DATA" --plain 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "changed file: not status 1"
grep -qF "the routine changed since its session stopped" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
