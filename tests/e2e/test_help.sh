#!/bin/sh
# ? shows every key and the safety notes and pauses the session; Esc
# closes it and the clock goes on after the 3-2-1 (at --speed 4).
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4
e2e_wait " WORK "
e2e_keys '?'
e2e_wait "Help"
s=$(e2e_screen)
for k in "space" "skip to the next exercise" "back to the start" "add 10 seconds" \
	"Enter" "count a rep" "quit the session" "Ctrl-Z" "Safety" \
	"E2E safety notice: stop at once if anything hurts."; do
	echo "$s" | grep -qF -- "$k" || fail "help lacks '$k'"
done
e1=$(e2e_elapsed)
sleep 0.6
[ "$(e2e_elapsed)" = "$e1" ] || fail "the clock ran while help was open"
e2e_keys Escape
e2e_wait_gone "Ctrl-Z"
e2e_wait " WORK "
e2e_until 6 e2e_elapsed_over "$e1"
[ "$(e2e_elapsed)" -gt "$e1" ] || fail "the clock stopped"
# a player key closes the help and acts
e2e_keys '?'
e2e_wait "Ctrl-Z"
e2e_keys n
e2e_wait "Step 2 of 2"
e2e_wait_gone "Ctrl-Z"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
