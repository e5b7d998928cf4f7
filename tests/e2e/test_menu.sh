#!/bin/sh
# The menu lists the routines with their totals, tags and equipment; the
# detail pane shows the steps; j/k move; / filters by name or tag; q quits.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24 --routines "$E2E_DATA" --no-safety
e2e_wait "Countdown test"
s=$(e2e_screen)
echo "$s" | grep -q "Countdown test  *01:34  *e2e, neck  *chair" || fail "Countdown test row"
echo "$s" | grep -q "Quick test  *00:17  *e2e, quick" || fail "Quick test row"
echo "$s" | grep -q "Self paced test  *00:32" || fail "Self paced test row"
echo "$s" | grep -q "NAME .*TIME .*TAGS .*EQUIPMENT" || fail "column headings"
e2e_keys /
e2e_keys -l "quick test"
e2e_wait "/quick test"
e2e_keys Enter
e2e_wait "filter: quick test (1)"
s=$(e2e_screen)
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
e2e_wait "filter: e2e (3)"           # by tag
e2e_keys Escape
e2e_wait "Countdown test"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "q in the menu: status $(cat "$E2E_TMP/status")"
