#!/bin/sh
# --plain with no keyboard (stdin /dev/null): a self-paced rep is counted
# when its tempo runs out, so the session finishes on its own; the safety
# notice, which nobody could confirm, is not marked as seen.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
run() {
	eval "$(e2e_env)" timeout 20 '"$STRETCHTUI_BIN"' play selfpaced --routines \
		'"$E2E_DATA"' --speed 50 "$@" </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err"
}
run --no-safety
rc=$?
[ "$rc" = 124 ] && fail "hung on a self-paced rep: $(cat "$E2E_TMP/out")"
[ "$rc" = 0 ] || fail "status $rc: $(cat "$E2E_TMP/err")"
grep -q "^(no keyboard: counting reps at the planned tempo)$" "$E2E_TMP/out" ||
	fail "no note on how reps are counted: $(cat "$E2E_TMP/out")"
grep -q "^Rep 3 of 3$" "$E2E_TMP/out" || fail "rep 3 not reached"
grep -q "Self paced test: finished, 00:32 of 00:32; 2 of 2 exercises done" "$E2E_TMP/out" ||
	fail "summary: $(cat "$E2E_TMP/out")"
[ "$(grep -c "no keyboard" "$E2E_TMP/out")" = 1 ] || fail "the note more than once"
for i in 1 2; do
	run || fail "status $? (safety run $i)"
	grep -q "E2E safety notice" "$E2E_TMP/out" ||
		fail "safety notice not shown on run $i: $(cat "$E2E_TMP/out")"
done
