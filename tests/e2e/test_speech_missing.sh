#!/bin/sh
# --speak with no speech program on PATH: one warning line, then the
# session goes on as without speech.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
mkdir "$E2E_TMP/bin"
E2E_ENV="PATH=$E2E_TMP/bin"
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' --no-safety \
	--speed 50 --speak </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "status $?"
printf '%s\n' "stretchtui: warning: no speech program: 'espeak-ng' (or spd-say) is not installed; going on without speech" \
	>"$E2E_TMP/want"
diff -u "$E2E_TMP/want" "$E2E_TMP/err" >&2 || fail "not one warning"
sed 's/\xe2\x80\xa6/.../g' "$E2E_DIR/plain_quick.expected" >"$E2E_TMP/want"
sed 's/\xe2\x80\xa6/.../g' "$E2E_TMP/out" | diff -u "$E2E_TMP/want" - >&2 || fail "plain output differs"
# a command that is not there: the same
E2E_ENV=
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' --no-safety \
	--speed 50 --speech-command "'no-such-speaker -v en'" </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
	fail "status $?"
printf '%s\n' "stretchtui: warning: speech program 'no-such-speaker' not found; going on without speech" \
	>"$E2E_TMP/want"
diff -u "$E2E_TMP/want" "$E2E_TMP/err" >&2 || fail "not one warning for a missing command"
# the full-screen player: the warning waits for the screen to close
E2E_ENV="PATH=$E2E_TMP/bin"
e2e_start 80 24 play quick --routines "$E2E_DATA" --no-safety --speed 20 --speak
e2e_wait "Session complete"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_wait "going on without"
[ "$(e2e_screen | grep -c "warning:")" = 1 ] || fail "not one warning"
