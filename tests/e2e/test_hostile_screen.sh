#!/bin/sh
# The full-screen menu and player show a hostile file name and hostile
# YAML text escaped: the title stays, the screen is not cleared by the
# file, and the bytes the program writes (captured with pipe-pane) hold
# no OSC or DCS string, no C1 control, no bidi override, and are UTF-8.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
R="$E2E_TMP/r"
mkdir "$R"
evil=$(printf 'evil\033]0;PWNED\a\033[2J')
cat >"$R/$evil.yaml" <<'EOF'
name: "Evil\nFORGED \u202erow"
summary: "sum\u2066mary"
tags: [hostile]
defaults: {get_ready: 1s}
steps:
  - exercise:
      name: "Ex\u202eone"
      how: ["line \u2067one", "two\tthree"]
      phases: [{cue: "Op\u202een", time: 30s}]
    reps: 1
EOF
e2e_shell 100 30
e2e_pipe "$E2E_TMP/raw"
e2e_keys -l "\"$STRETCHTUI_BIN\" --routines '$R' --no-safety --quiet; echo status=\$?"
e2e_keys Enter
e2e_wait "TAGS"
e2e_keys /
e2e_keys -l hostile
e2e_keys Enter
e2e_wait "filter: hostile"
s=$(e2e_screen)
printf "%s\n" "$s" | grep -qF 'Evil\nFORGED \u202erow' || fail "the name, escaped, on one row"
printf "%s\n" "$s" | grep -qF 'evil\x1b]0;PWNED\x07\x1b[2J' || fail "the id, escaped"
printf "%s\n" "$s" | grep -qF 'sum\u2066mary' || fail "the summary, escaped"
e2e_keys Enter
e2e_wait 'Ex\u202eone'
e2e_wait 'Op\u202een'                # once the get-ready is over
e2e_screen | grep -qF 'line \u2067one' || fail "how lines, escaped"
e2e_keys q
e2e_wait "Quit"
e2e_keys y
e2e_wait "stopped at"                # back in the menu, with the summary
e2e_screen | grep -qF 'Evil\nFORGED \u202erow: stopped at' || fail "the summary, escaped"
e2e_keys q
e2e_wait "status=0"
e2e_pipe
[ -s "$E2E_TMP/raw" ] || fail "no bytes captured"
title=$(e2e_tmux display-message -p -t "$E2E_PANE" '#{pane_title}')
[ "$title" = PWNED ] && fail "the file set the terminal title"
why=$(od -An -v -tu1 "$E2E_TMP/raw" | awk -v esc=1 -f "$E2E_DIR/bytes.awk") ||
	fail "bytes written: $why"
:
