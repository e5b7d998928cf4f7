#!/bin/sh
# --plain output of a short routine, line by line (stdout not a terminal).
. "$(dirname "$0")/lib.sh"
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' --no-safety \
	--speed 50 </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "status $?"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
norm() { sed 's/\xe2\x80\xa6/.../g' "$1"; }
norm "$E2E_DIR/plain_quick.expected" >"$E2E_TMP/want"
norm "$E2E_TMP/out" >"$E2E_TMP/got"
diff -u "$E2E_TMP/want" "$E2E_TMP/got" >&2 || fail "plain output differs"
