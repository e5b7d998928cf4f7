#!/bin/sh
# On a terminal that cannot address the cursor (TERM=dumb, or a terminfo
# entry without cup) `play` falls back to plain mode: one line per part,
# the keys still work.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
command -v tic >/dev/null || fail "tic (ncurses-bin) is missing"
mkdir "$E2E_TMP/terminfo"
cat >"$E2E_TMP/nocup.src" <<'EOT'
e2e-nocup|e2e: clears the screen but has no cursor addressing,
	am, cols#80, lines#24,
	bel=^G, bold=\E[1m, clear=\E[H\E[2J, cr=\r, cud1=\n, ind=\n,
	rmso=\E[m, sgr0=\E[m, smso=\E[7m,
EOT
tic -o "$E2E_TMP/terminfo" "$E2E_TMP/nocup.src" || fail "tic failed"

shows_either() {
	e2e_screen | grep -q -e "Step 1/2: Neck tilt, 01:00" -e " elapsed  [0-9:]* left"
}
plain_on() {
	E2E_ENV=$1
	rm -f "$E2E_TMP/status"
	e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 10
	e2e_until 5 shows_either || fail "$1: neither plain lines nor the full screen"
	e2e_screen | grep -q " elapsed  [0-9:]* left" && fail "$1: the full screen, not plain mode"
	e2e_keys n
	e2e_wait "Step 2/2: Shoulder shrug, 00:30"
	e2e_keys q
	e2e_wait "Quit this session? (y/n)"
	e2e_keys y
	[ "$(e2e_status)" = 0 ] || fail "$1: status $(cat "$E2E_TMP/status")"
	e2e_stop
}
plain_on "TERM=dumb"
plain_on "TERM=e2e-nocup TERMINFO=$E2E_TMP/terminfo"
