#!/bin/sh
# At 80x24 the second side of a `mirror: true` exercise shows its figure
# flipped (from the switch on), where the first side showed it; the
# summary sits under the name. A change between directions reads "CHANGE
# DIRECTION", never "SWITCH SIDES", and --plain says "Change direction".
# At --speed 4 the 24 s routine takes 6 s, and no screen it looks at is
# up for less than 0.75 s (the 3 s switch).
# e2e: 5 s
. "$(dirname "$0")/lib.sh"
routine="$E2E_DATA/sides/sides.yaml"
e2e_start 80 24 play "$routine" --no-safety --speed 4
e2e_wait "LEFT side"
s=$e2e_seen
echo "$s" | grep -q "Turn the chest, hips still" || fail "no summary"
left=$(echo "$s" | grep -n -F "[o]--<") || fail "no figure on the left side"
echo "$s" | grep -q -F ">--[o]" && fail "flipped on the first side"
e2e_wait "SWITCH SIDES"
s=$e2e_seen
right=$(echo "$s" | grep -n -F ">--[o]") || fail "the switch does not show the flipped figure"
echo "$s" | grep -q -F "[o]--<" && fail "the switch shows the first side's figure"
# Same row, same box: the flipped row starts where the other did.
col() { echo "$1" | sed 's/^[0-9]*://' | awk -v t="$2" '{ print index($0, t) }'; }
[ "${left%%:*}" = "${right%%:*}" ] || fail "the figure moved from row ${left%%:*} to ${right%%:*}"
[ "$(col "$left" "[o]--<")" = "$(col "$right" ">--[o]")" ] ||
	fail "the figure moved across: $left / $right"
e2e_wait_gone "SWITCH SIDES"          # the switch says "Up next: RIGHT side"
e2e_wait "RIGHT side"
echo "$e2e_seen" | grep -q -F ">--[o]" || fail "the second side is not flipped"
e2e_wait "CHANGE DIRECTION" 10
s=$e2e_seen
echo "$s" | grep -q "BACKWARD" || fail "the change does not say which way"
echo "$s" | grep -q "SWITCH" && fail "a change of direction says SWITCH"
e2e_keys q
e2e_keys y
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"

eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play '"$routine"' --no-safety --plain \
	--speed 50 </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "plain: status $?"
grep -q "^Switch sides, 00:03: next Seated twist, right side$" "$E2E_TMP/out" ||
	fail "plain: no side switch: $(cat "$E2E_TMP/out")"
grep -q "^Change direction, 00:03: next Shoulder rolls, backward$" "$E2E_TMP/out" ||
	fail "plain: no change of direction: $(cat "$E2E_TMP/out")"
grep -q "Switch sides, .*Shoulder rolls" "$E2E_TMP/out" && fail "plain: rolls switch sides"
exit 0
