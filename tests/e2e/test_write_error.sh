#!/bin/sh
# Output that cannot be written is an error, as in coreutils: list, show,
# check, safety, --help and plain play into /dev/full say so on stderr and
# exit 1 (plain play stops at the first failed write).
. "$(dirname "$0")/lib.sh"
[ -w /dev/full ] || { echo "no /dev/full: skipped"; exit 0; }
want="stretchtui: error: write error: No space left on device"
full() {
	eval "$(e2e_env)" '"$STRETCHTUI_BIN"' --routines '"$E2E_DATA"' '"$@"' \
		</dev/null >/dev/full 2>"$E2E_TMP/err"
	rc=$?
	[ "$rc" = 1 ] || fail "$*: status $rc into /dev/full"
	[ "$(cat "$E2E_TMP/err")" = "$want" ] || fail "$*: stderr: $(cat "$E2E_TMP/err")"
}
full list
full show quick
full check "$E2E_DATA/quick.yaml"
full safety
full --help
full --plain --no-safety --speed 50 play quick
