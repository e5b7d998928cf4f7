#!/bin/sh
# new ID: a skeleton in the user directory that passes check as written,
# plays, and shows each part of the format; an existing id, a bad id and
# a second new of the same id are refused with exit status 1.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
dir=$E2E_TMP/config/stretchtui/routines
run new my-neck >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "new: status $? $(cat "$E2E_TMP/err")"
[ -s "$E2E_TMP/err" ] && fail "new: stderr: $(cat "$E2E_TMP/err")"
grep -qF "$dir/my-neck.yaml: a new routine" "$E2E_TMP/out" || fail "new: $(cat "$E2E_TMP/out")"
run check "$dir/my-neck.yaml" >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "check: $(cat "$E2E_TMP/err")"
grep -qF "my-neck.yaml: ok, 4 steps, total 03:09" "$E2E_TMP/out" || fail "check: $(cat "$E2E_TMP/out")"
for key in 'hold:' 'reps:' 'phases:' 'sides:' 'sets:' 'rest:' 'use:' 'self_paced:' 'exercises:'; do
	grep -Eq "^ *(- )?$key" "$dir/my-neck.yaml" || fail "the skeleton has no $key"
done
run show my-neck >"$E2E_TMP/show" || fail "show"
grep -q " rest  *Rest " "$E2E_TMP/show" || fail "show: no rest step"
grep -q " switch " "$E2E_TMP/show" || fail "show: no switch"
grep -q "2/2 " "$E2E_TMP/show" || fail "show: no second set"
run play my-neck --plain --no-safety --speed 100 >"$E2E_TMP/out" 2>&1 || fail "play: $(cat "$E2E_TMP/out")"
grep -q "finished, 03:09 of 03:09" "$E2E_TMP/out" || fail "play: $(tail -3 "$E2E_TMP/out")"
before=$(cksum <"$dir/my-neck.yaml")
run new my-neck >"$E2E_TMP/out" 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "new over an existing id: not status 1"
grep -qF "my-neck.yaml: error: routine 'my-neck' already exists" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
[ "$(cksum <"$dir/my-neck.yaml")" = "$before" ] || fail "the existing routine changed"
builtin=$(run list | awk 'NR == 1 { print $1 }')
[ -n "$builtin" ] || fail "no built-in routine"
run new "$builtin" 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "new over a built-in id: not status 1"
grep -qF "already exists" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
for bad in '../up' '.hidden' 'x.yaml' '' 'exercises'; do
	run new "$bad" 2>"$E2E_TMP/err"
	[ $? = 1 ] || fail "new '$bad': not status 1"
	grep -q "^stretchtui: error: cannot make routine '" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
done
[ "$(ls -A "$dir")" = "my-neck.yaml" ] || fail "left behind: $(ls -A "$dir")"
run new 2>"$E2E_TMP/err"
[ $? = 2 ] || fail "new without an id: not status 2"
