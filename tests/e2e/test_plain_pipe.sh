#!/bin/sh
# `play --plain | head -3` from an interactive shell: when head has gone
# the player ends, and leaves the terminal as it found it (icanon, echo).
# The shell is sh, which (unlike bash) keeps the modes a program left.
. "$(dirname "$0")/lib.sh"
e2e_shell 80 24 sh
e2e_wait '$'
e2e_keys -l "'$STRETCHTUI_BIN' play quick --routines '$E2E_DATA' --no-safety --plain --speed 10 | head -3; echo piped-\$((40 + 2))"
e2e_keys Enter
e2e_wait "piped-42" 10
e2e_keys -l 'stty -a | tr " ;" "\n\n" | grep -x -e icanon -e -icanon -e echo -e -echo | tr "\n" " "; echo "modes-$((40 + 2))"'
e2e_keys Enter
e2e_wait "modes-42"
e2e_screen | grep -q "^icanon echo modes-42" ||
	fail "the terminal was left with $(e2e_screen | sed -n 's/^[$] //; s/ modes-42$//p' | tail -1)"
