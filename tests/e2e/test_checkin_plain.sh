#!/bin/sh
# Plain mode asks the check-in after a session played through when stdin
# is a terminal (one key, no Enter): the answer is saved with the session;
# keys typed during the session are not an answer. Without a terminal on
# stdin it does not ask and saves no feel; a signal at the question saves
# the session as completed with no feel and ends with 128+signal.
# e2e: 4 s
. "$(dirname "$0")/lib.sh"
e2e_shell 100 30
e2e_wait '$'
play="'$STRETCHTUI_BIN' play --plain --routines '$E2E_DATA' --no-safety --speed 15 quick"
e2e_keys -l "$play; echo one=\$?"
e2e_keys Enter
e2e_wait "Step 1/3"
e2e_keys 1                           # typed ahead: not the answer
e2e_wait "How does your back feel? 1 worse, 2 same, 3 better, Enter to skip:" 10
e2e_keys 2
e2e_wait "Check-in: same."
e2e_wait "one=0"
e2e_keys -l "clear; $play </dev/null; echo two=\$?"
e2e_keys Enter
e2e_wait "two=0" 10
e2e_screen | grep -q "How does your back feel" && fail "asked without a terminal"
e2e_keys -l "clear; sh -c 'echo \$\$ >$E2E_TMP/pid; exec \"\$0\" \"\$@\"' $play; echo three=\$?"
e2e_keys Enter
e2e_wait "How does your back feel?" 10
kill -TERM "$(cat "$E2E_TMP/pid")"
e2e_wait "three=143"
e2e_screen | grep -q "Check-in" && fail "a check-in line after the signal"

tsv=$(env -u STRETCHTUI_PATH LC_ALL=C.UTF-8 XDG_STATE_HOME="$E2E_TMP/state" \
	"$STRETCHTUI_BIN" history --tsv) || fail "history --tsv failed"
got=$(echo "$tsv" | awk -F '\t' 'NR > 2 { print $3, $4, "[" $12 "]" }')
want="quick completed [same]
quick completed []
quick completed []"
[ "$got" = "$want" ] || fail "records: $got"
exit 0
