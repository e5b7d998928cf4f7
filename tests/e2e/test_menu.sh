#!/bin/sh
# The menu lists the routines with their totals and tags; the detail pane
# shows the equipment and the steps, and scrolls with PgDn / PgUp; j/k
# move; / filters by name or tag, and the count says how many match; q
# quits.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 --routines "$E2E_DATA" --no-safety
e2e_wait "Countdown test"
s=$(e2e_screen)
echo "$s" | grep -q "Countdown test  *01:34  *e2e, neck" || fail "Countdown test row"
echo "$s" | grep -q "NAME .*TIME .*TAGS" || fail "column headings"
e2e_keys /
e2e_keys -l "quick test"
e2e_wait "/quick test"
e2e_keys Enter
e2e_wait "filter: quick test"
s=$(e2e_screen)
echo "$s" | grep -q " 1 of [0-9]* routines" || fail "the count does not follow the filter"
echo "$s" | grep -q "^> Quick test" || fail "the filtered routine is not selected"
echo "$s" | grep -q "Countdown test" && fail "the filter left Countdown test in"
echo "$s" | grep -q "Every kind of segment, briefly" || fail "summary in the detail pane"
echo "$s" | grep -q "Steps (3)" || fail "steps in the detail pane"
echo "$s" | grep -q "1\. Neck tilt  *hold 00:03, left/right" || fail "first step"
e2e_keys Escape
e2e_wait "Countdown test"
e2e_keys /
e2e_keys -l e2e
e2e_keys Enter
e2e_wait "filter: e2e"               # by tag
s=$(e2e_screen)
echo "$s" | grep -q " 3 of [0-9]* routines" || fail "the count for the tag filter"
# (the built-in routines push these two below the first screen unfiltered)
echo "$s" | grep -q "Quick test  *00:17  *e2e, quick" || fail "Quick test row"
echo "$s" | grep -q "Self paced test  *00:32" || fail "Self paced test row"
e2e_keys Escape
e2e_wait "Countdown test"
# at 40x12 the pane is short: PgDn brings the steps into view
e2e_tmux resize-window -t e2e -x 40 -y 12
e2e_keys /
e2e_keys -l countdown
e2e_keys Enter
e2e_wait "filter: countdown"
e2e_screen | grep -q "Steps (" && fail "the steps fit at 40x12 after all"
e2e_wait "more: PgUp/PgDn"
e2e_keys NPage
e2e_keys NPage
e2e_wait "Steps ("
e2e_keys PPage
e2e_keys PPage
e2e_wait "Countdown test  01:34"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "q in the menu: status $(cat "$E2E_TMP/status")"
