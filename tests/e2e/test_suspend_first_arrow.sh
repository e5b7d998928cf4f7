#!/bin/sh
# After Ctrl-Z and fg, Right as the first key skips to the next exercise
# (it must not be read as Esc and lost).
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null || { echo "skipped: bash is missing (the test needs its job control)"; exit 0; }
e2e_shell 80 24
e2e_wait '$'
e2e_keys -l "'$STRETCHTUI_BIN' play countdown --routines '$E2E_DATA' --no-safety"
e2e_keys Enter
e2e_wait "Step 1 of 2"
e2e_keys C-z
e2e_wait "Stopped"
e2e_keys -l fg
e2e_keys Enter
e2e_wait " PAUSED "
e2e_keys Right
e2e_until 2 e2e_shows "Step 2 of 2" || fail "the first Right after fg did not skip to the next exercise"
e2e_keys q
e2e_keys y
e2e_wait "of 01:34; 0 of 2 exercises done, 1 skipped."
