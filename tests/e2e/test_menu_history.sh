#!/bin/sh
# The menu's header tells today's time and the streak, and the detail
# pane when the selected routine was last done ("2 days ago", "never"),
# from the history read when the menu opens; a session played from the
# menu, its check-in answered, shows at once ("today", the streak).
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
E2E_ENV="TZ=UTC0"
mkdir -p "$E2E_TMP/state/stretchtui"
day() { TZ=UTC date -d "@$(( $(date +%s) - $1 * 86400 ))" +%Y-%m-%d; }
{
	printf '#stretchtui-history 1\n'
	printf 'start\tkind\troutine\toutcome\tplanned_s\tdone_s\tpaused_s\textended_s\tskipped_s\texercises_done\texercises_total\tfeel\tname\n'
	printf '%sT12:00:00+00:00\tsession\tcountdown\tcompleted\t94\t94\t0\t0\t0\t2\t2\t\tCountdown test\n' "$(day 2)"
	printf '%sT12:00:00+00:00\tsession\tquick\tquit\t17\t5\t0\t0\t0\t0\t2\t\tQuick test\n' "$(day 1)"
} >"$E2E_TMP/state/stretchtui/history.tsv"
e2e_start 80 24 --routines "$E2E_DATA" --no-safety --speed 10
e2e_wait "NAME"
e2e_screen | grep -q '^ stretchtui .* today 0 min .* no streak' || fail "header before"
e2e_keys /
e2e_keys countdown
e2e_keys Enter
e2e_wait "> Countdown test"
e2e_wait "Last done: 2 days ago"
e2e_keys /
e2e_keys C-u "quick test"
e2e_keys Enter
e2e_wait "> Quick test"
e2e_wait "Last done: never"          # quit yesterday: not done
e2e_keys Enter
e2e_wait "How does your back feel?" 10
e2e_keys 1
e2e_wait "Check-in: worse"
e2e_keys Enter
e2e_wait "Last done: today"
e2e_keys Escape                      # the filter off: the header has room
e2e_wait_gone "filter: quick"
e2e_screen | grep -q '^ stretchtui .* today <1 min .* 1 day in a row' || fail "header after"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
tail -n 1 "$E2E_TMP/state/stretchtui/history.tsv" | grep -q '	completed	17	17	.*	worse	Quick test$' ||
	fail "record: $(tail -n 1 "$E2E_TMP/state/stretchtui/history.tsv")"
exit 0
