#!/bin/sh
# Every session is recorded however it ends: played through (at --speed)
# with the check-in answered (3: better), quit with q y, ended by SIGTERM,
# and played through but ended by SIGTERM at the check-in (completed, no
# feel); `history` then finds all four with the right outcome and feel,
# as text, TSV (13 columns) and JSON.
# e2e: 3 s
. "$(dirname "$0")/lib.sh"
e2e_shell 80 24
e2e_wait '$'
play="'$STRETCHTUI_BIN' play --routines '$E2E_DATA' --no-safety"
e2e_keys -l "$play --speed 20 quick; echo one=\$?"
e2e_keys Enter
e2e_wait "Session complete" 10
e2e_wait "How does your back feel?"
e2e_screen | grep -q "Streak  *1 day in a row" || fail "streak on the finish screen"
e2e_keys 3
e2e_wait "Check-in: better"
e2e_screen | grep -q "How does your back feel" && fail "the question stayed"
e2e_keys q
e2e_wait "one=0"
e2e_keys -l "clear; $play --speed 4 countdown; echo two=\$?"
e2e_keys Enter
e2e_wait " WORK "
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
e2e_wait "two=0"
e2e_keys -l "clear; sh -c 'echo \$\$ >$E2E_TMP/pid; exec \"\$0\" \"\$@\"' $play --speed 4 countdown; echo three=\$?"
e2e_keys Enter
e2e_wait " WORK "
kill -TERM "$(cat "$E2E_TMP/pid")"
e2e_wait "three=143"
e2e_keys -l "clear; sh -c 'echo \$\$ >$E2E_TMP/pid; exec \"\$0\" \"\$@\"' $play --speed 20 quick; echo four=\$?"
e2e_keys Enter
e2e_wait "How does your back feel?" 10
kill -TERM "$(cat "$E2E_TMP/pid")"
e2e_wait "four=143"

history() {
	env -u STRETCHTUI_PATH LC_ALL=C.UTF-8 XDG_STATE_HOME="$E2E_TMP/state" \
		"$STRETCHTUI_BIN" history "$@"
}
history --tsv >"$E2E_TMP/tsv" 2>"$E2E_TMP/err" || fail "history --tsv failed"
[ -s "$E2E_TMP/err" ] && fail "warnings: $(cat "$E2E_TMP/err")"
head -n 1 "$E2E_TMP/tsv" | grep -qx '#stretchtui-history 1' || fail "no header"
got=$(awk -F '\t' 'NR > 2 { print NF, $2, $3, $4, $5, "[" $12 "]", $13 }' "$E2E_TMP/tsv")
want="13 session quick completed 17 [better] Quick test
13 session countdown quit 94 [] Countdown test
13 session countdown signal 94 [] Countdown test
13 session quick completed 17 [] Quick test"
[ "$got" = "$want" ] || fail "records: $got"
awk -F '\t' 'NR == 3 && $6 != 17 { exit 1 }' "$E2E_TMP/tsv" || fail "quick: done_s"
[ "$(history --json | grep -c '^{"start":"20[0-9-]*T[0-9:]*[-+][0-9:]*","kind":"session"')" = 4 ] ||
	fail "json: $(history --json)"
history >"$E2E_TMP/text" || fail "history failed"
grep -q 'Quick test  .* 00:17 of 00:17 *completed' "$E2E_TMP/text" || fail "text: $(cat "$E2E_TMP/text")"
grep -q 'Countdown test .* quit' "$E2E_TMP/text" || fail "text: quit"
grep -q 'Countdown test .* signal' "$E2E_TMP/text" || fail "text: signal"
grep -q '^  all time  *4  *2 ' "$E2E_TMP/text" || fail "totals: $(cat "$E2E_TMP/text")"
grep -q '^Streak: 1 day in a row; longest 1 day\.$' "$E2E_TMP/text" || fail "streak"
[ "$(history --routine countdown --tsv | wc -l)" = 4 ] || fail "--routine"
history --json | grep -q '"feel":"better"' || fail "json: no feel"
exit 0
