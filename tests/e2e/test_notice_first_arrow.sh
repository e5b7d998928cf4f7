#!/bin/sh
# The first-run safety notice: Down as the very first key scrolls it (it
# must not be read as Esc and quit), and a bare Esc does not quit
# without asking.
. "$(dirname "$0")/lib.sh"
mkdir "$E2E_TMP/r" && cp "$E2E_DATA"/*.yaml "$E2E_TMP/r/" || fail "copy"
i=1
while [ $i -le 40 ]; do
	printf -- '- Notice line %02d\n' $i
	i=$((i + 1))
done >"$E2E_TMP/r/safety.txt"
e2e_start 80 24 play countdown --routines "$E2E_TMP/r"
e2e_wait "Notice line 01"
e2e_keys Down
scrolled_or_ended() { e2e_lacks "Notice line 01" || e2e_ended; }
e2e_until 2 scrolled_or_ended
[ -s "$E2E_TMP/status" ] && fail "the first Down ended the program (status $(cat "$E2E_TMP/status"))"
e2e_screen | grep -qF "Notice line 01" && fail "the first Down did not scroll the notice"
e2e_wait "Notice line 21"
e2e_keys Escape
sleep 0.5
[ -s "$E2E_TMP/status" ] && fail "Esc on the notice quit without asking (status $(cat "$E2E_TMP/status"))"
exit 0
