#!/bin/sh
# edit of a routine of one's own: on errors, k keeps the broken file
# (exit 1), r reverts to the original (exit 1); an editor that exits 1
# leaves the original untouched without asking; the end of input answers
# r. Nothing is left beside the file.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"'; }
dir=$E2E_TMP/config/stretchtui/routines
run new mine </dev/null >/dev/null || fail "new"
cp "$dir/mine.yaml" "$E2E_TMP/orig"
editor() {
	rm -rf "$E2E_TMP/rounds" "$E2E_TMP/status"
	mkdir "$E2E_TMP/rounds"
	E2E_ENV="VISUAL= EDITOR=$E2E_DIR/editor.sh EDIT_ROUNDS=$E2E_TMP/rounds EDIT_DO_1=$1"
}
# k: kept as broken
editor break
e2e_start 300 30 edit mine
e2e_wait "What now?"
e2e_keys k
[ "$(e2e_status)" = 1 ] || fail "k: status $(cat "$E2E_TMP/status")"
e2e_wait "kept with the errors above"
grep -qx 'hodl: 3' "$dir/mine.yaml" || fail "k did not keep the edit"
e2e_stop
# r: back to the original
cp "$E2E_TMP/orig" "$dir/mine.yaml"
editor break
e2e_start 300 30 edit mine
e2e_wait "What now?"
e2e_keys x
e2e_wait "Please answer e, k or r."
e2e_keys r
[ "$(e2e_status)" = 1 ] || fail "r: status $(cat "$E2E_TMP/status")"
e2e_wait "reverted; the file was left as it was"
cmp -s "$E2E_TMP/orig" "$dir/mine.yaml" || fail "r changed the file"
e2e_stop
# the editor fails (after writing): the file is untouched, nothing asked
editor fail
run edit mine </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "editor exit 1: not status 1"
grep -qF "exited with status 1" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
grep -qF "What now?" "$E2E_TMP/err" && fail "asked after the editor failed"
cmp -s "$E2E_TMP/orig" "$dir/mine.yaml" || fail "a failed editor changed the file"
# no terminal, no answer: reverted
editor break
run edit mine </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "end of input: not status 1"
cmp -s "$E2E_TMP/orig" "$dir/mine.yaml" || fail "end of input changed the file"
# answers from a pipe: "k" and a newline
editor break
printf 'k\n' | run edit mine >"$E2E_TMP/out" 2>"$E2E_TMP/err"
grep -qx 'hodl: 3' "$dir/mine.yaml" || fail "k from a pipe did not keep the edit"
# no change at all
cp "$E2E_TMP/orig" "$dir/mine.yaml"
editor none
run edit mine </dev/null >"$E2E_TMP/out" 2>&1 || fail "no change: status $?"
grep -qF "mine.yaml: no changes" "$E2E_TMP/out" || fail "$(cat "$E2E_TMP/out")"
[ "$(ls -A "$dir")" = "mine.yaml" ] || fail "left behind: $(ls -A "$dir")"
