#!/bin/sh
# SIGTERM mid-session: exit status 143 and a usable shell behind it
# (normal screen, cursor visible, terminal modes back).
. "$(dirname "$0")/lib.sh"
e2e_shell 80 24
e2e_wait '$'
e2e_keys -l "sh -c 'echo \$\$ >$E2E_TMP/pid; exec \"\$0\" \"\$@\"' '$STRETCHTUI_BIN' play countdown --routines '$E2E_DATA' --no-safety --speed 4; echo status=\$?"
e2e_keys Enter
e2e_wait " WORK "
[ "$(e2e_tmux display -p -t "$E2E_PANE" '#{alternate_on} #{cursor_flag}')" = "1 0" ] ||
	fail "the player is not on the alternate screen with the cursor hidden"
kill -TERM "$(cat "$E2E_TMP/pid")"
e2e_wait "status=143"
[ "$(e2e_tmux display -p -t "$E2E_PANE" '#{alternate_on} #{cursor_flag}')" = "0 1" ] ||
	fail "alternate screen / cursor not restored"
e2e_keys -l 'stty -a | tr " ;" "\n\n" | grep -x -e icanon -e echo | tr "\n" " "; echo modes'
e2e_keys Enter
e2e_wait "icanon echo modes"
e2e_keys -l 'echo usable-$((40 + 2))'
e2e_keys Enter
e2e_wait "usable-42"
