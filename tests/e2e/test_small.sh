#!/bin/sh
# At 40x12 the menu and the player still fit: compact header, small
# digits, key hints.
. "$(dirname "$0")/lib.sh"
e2e_start 40 12 --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait "NAME"
e2e_keys /
e2e_keys -l "countdown"
e2e_keys Enter
e2e_wait "> Countdown test"
e2e_screen | grep -q "Countdown test  *01:34" || fail "menu row at 40x12"
e2e_keys Enter
e2e_wait " WORK "
s=$(e2e_screen)
echo "$s" | sed -n 1p | grep -q "^ Countdown te.*1/2 .* 0[01]:[0-9][0-9] left$" || fail "header"
echo "$s" | sed -n 12p | grep -qF "space pause  n/→ skip  ? help  q quit" || fail "footer"
echo "$s" | sed -n 11p | grep -q "Next: Shoulder shrug" || fail "next"
echo "$s" | sed -n 3p | grep -q "WORK   Neck tilt" || fail "label"
e2e_keys q
e2e_keys y
e2e_wait "NAME"                      # a session started in the menu ends there
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
