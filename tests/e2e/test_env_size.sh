#!/bin/sh
# LINES and COLUMNS far past any real terminal are not believed: the
# player lays out for the pane's real size, uses little memory and still
# ends at once on SIGTERM.
. "$(dirname "$0")/lib.sh"
e2e_shell 80 24
e2e_wait '$'
e2e_keys -l "LINES=20000 COLUMNS=20000 sh -c 'echo \$\$ >$E2E_TMP/pid; exec \"\$0\" \"\$@\"' '$STRETCHTUI_BIN' play countdown --routines '$E2E_DATA' --no-safety --speed 4; echo status=\$?"
e2e_keys Enter
e2e_wait " WORK "
e2e_screen | sed -n 1p | grep -q "elapsed  01:[0-9][0-9] left$" || fail "header not laid out for 80 columns"
pid=$(cat "$E2E_TMP/pid")
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
[ "$rss" -lt 20000 ] || fail "resident memory ${rss} kB"
kill -TERM "$pid"
e2e_wait "status=143" 2
