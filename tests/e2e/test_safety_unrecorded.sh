#!/bin/sh
# When the "notice was read" marker cannot be written, the person is told
# once, at exit, that the notice will be shown again and why; the session
# itself is not disturbed.
. "$(dirname "$0")/lib.sh"
: >"$E2E_TMP/state"                  # a file where the state directory should be
e2e_start 80 24 play quick --routines "$E2E_DATA"
e2e_wait "Before you start"
e2e_keys Enter
e2e_wait " GET READY "
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_wait "cannot record that the safety notice was read"
e2e_screen | tr -d "\n" | grep -q "Not a directory); it will be shown again" || fail "reason"
