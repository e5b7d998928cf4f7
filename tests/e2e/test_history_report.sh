#!/bin/sh
# `stretchtui history` on a synthetic history around today (no terminal
# needed): streaks and totals as counted by hand, the calendar's shaded
# days, warnings naming the damaged lines, the filters, --tsv and --json,
# the ASCII fallback under LC_ALL=C, hostile names escaped, exit codes.
. "$(dirname "$0")/lib.sh"
state=$E2E_TMP/state
mkdir -p "$state/stretchtui"
file=$state/stretchtui/history.tsv
day() { TZ=UTC date -d "@$(( $(date +%s) - $1 * 86400 ))" +%Y-%m-%d; }
rec() {   # DAYS-AGO HH:MM OUTCOME DONE_S [ROUTINE [NAME]]
	printf '%sT%s:00+00:00\tsession\t%s\t%s\t600\t%s\t0\t0\t0\t3\t3\t\t%s\n' \
		"$(day "$1")" "$2" "${5:-desk}" "$3" "$4" "${6:-Desk break}"
}
{
	printf '#stretchtui-history 1\n'
	printf 'start\tkind\troutine\toutcome\tplanned_s\tdone_s\tpaused_s\textended_s\tskipped_s\texercises_done\texercises_total\tfeel\tname\n'
	for d in 14 13 11 10; do rec "$d" 09:00 completed 600; done         # line 3-6
	rec 12 09:00 completed 600 desk "$(printf '\303\211')tirement"          # 7
	rec 3 09:00 completed 600                                             # 8
	echo 'this line was typed by hand'                                    # 9
	rec 2 09:00 completed 200 neck "Neck $(printf '\033')[31mred"        # 10
	rec 2 18:00 completed 1900                                            # 11
	rec 1 09:00 completed 600                                             # 12
	printf '%sT10:00:00+00:00\tprompt\tdesk\ttaken\t0\t0\t0\t0\t0\t0\t0\t\tDesk break\n' "$(day 1)"
	rec 0 00:30 quit 100                                                  # 14
	printf '%sT11:00:00+00:00\tsession\tdesk\tcomp' "$(day 0)"            # 15, torn
} >"$file"

history() {
	env -u STRETCHTUI_PATH TZ=UTC LC_ALL="${LOC:-C.UTF-8}" XDG_STATE_HOME="$state" \
		"$STRETCHTUI_BIN" history "$@"
}
history >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "status $?"
grep -q '^Streak: 3 days in a row; longest 5 days\.$' "$E2E_TMP/out" || fail "streak"
grep -q '^  all time  *10  *9 ' "$E2E_TMP/out" || fail "all time"
[ "$(grep -c 'warning' "$E2E_TMP/err")" = 2 ] || fail "warnings: $(cat "$E2E_TMP/err")"
grep -q 'history.tsv:9: warning: 1 column, not 13; skipped$' "$E2E_TMP/err" || fail "line 9"
grep -q 'history.tsv:15: warning: the last line is incomplete' "$E2E_TMP/err" || fail "line 15"
grep -q 'Neck \\x1b\[31mred' "$E2E_TMP/out" || fail "the name is not escaped"
grep -q "$(printf '\033')" "$E2E_TMP/out" && fail "a raw escape reached the output"
[ "$(grep -c '^  20.. of' "$E2E_TMP/out")" = 0 ] || fail "list"
[ "$(sed -n '/^Last sessions/,/^$/p' "$E2E_TMP/out" | grep -c ' of 10:00 ')" = 10 ] ||
	fail "the last 10 sessions"

# The calendar: the days with a session are shaded, the others are not.
LOC=C history >"$E2E_TMP/ascii" 2>/dev/null || fail "LC_ALL=C"
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$E2E_TMP/ascii" && fail "non-ASCII under LC_ALL=C"
shaded=$(grep -E '^  (Mon|Tue|Wed|Thu|Fri|Sat|Sun)' "$E2E_TMP/ascii" | tr -cd -- '-+*#' | wc -c)
[ "$shaded" -eq 9 ] || fail "$shaded shaded days, not 9: $(cat "$E2E_TMP/ascii")"
grep -q '^      \. none  - under 5 min  + 5-15  \* 15-30  # 30 min or more$' "$E2E_TMP/ascii" ||
	fail "legend"
grep -q '#' "$E2E_TMP/ascii" || fail "2100 s on one day is the darkest shade"

# Filters.
[ "$(history --days 2 2>/dev/null | grep -c ' of 10:00 ')" = 2 ] || fail "--days 2"
[ "$(history --since "$(day 3)" 2>/dev/null | grep -c ' of 10:00 ')" = 5 ] || fail "--since"
history --since "$(day 3)" 2>/dev/null | grep -q "^Sessions since $(day 3)\$" || fail "--since title"
[ "$(history --routine neck 2>/dev/null | grep -c ' of 10:00 ')" = 1 ] || fail "--routine"
history --routine neck 2>/dev/null | grep -q '^Streak: 0 days in a row; longest 1 day\.$' ||
	fail "--routine streak"
[ "$(history --tsv 2>/dev/null | wc -l)" = 13 ] || fail "--tsv: 2 header lines and 11 records"
history --tsv 2>/dev/null | awk -F '\t' 'NR > 2 && NF != 13 { exit 1 }' || fail "--tsv columns"
[ "$(history --json 2>/dev/null | grep -c '^{"start":".*"name":".*"}$')" = 11 ] || fail "--json"
history --json --routine neck 2>/dev/null | grep -qF '"name":"Neck \\x1b[31mred"' || fail "json name"
history --json 2>/dev/null | grep -qF "\"name\":\"$(printf '\303\211')tirement\"" || fail "json UTF-8"
LOC=C history --json 2>/dev/null >"$E2E_TMP/json"
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$E2E_TMP/json" && fail "json not ASCII"
grep -qF '"name":"\u00c9tirement"' "$E2E_TMP/json" || fail "json \\u escape"
grep -qF '\u00c9tirement' "$E2E_TMP/ascii" || fail "text escape under LC_ALL=C"

# Usage errors and an unreadable history.
history --days x >/dev/null 2>&1; [ $? = 2 ] || fail "--days x: not a usage error"
history --since 2026-02-30 >/dev/null 2>&1; [ $? = 2 ] || fail "--since: a bad date"
history --tsv --json >/dev/null 2>&1; [ $? = 2 ] || fail "--tsv --json"
history extra >/dev/null 2>&1; [ $? = 2 ] || fail "an operand"
rm "$file"
history >"$E2E_TMP/out" 2>&1 || fail "no history is not an error"
grep -q '^No sessions recorded yet' "$E2E_TMP/out" || fail "no history"
mkdir "$file"
history >/dev/null 2>"$E2E_TMP/err"; [ $? = 1 ] || fail "a directory for a history"
grep -q 'error: cannot read the history: .*history.tsv: not a regular file' "$E2E_TMP/err" ||
	fail "$(cat "$E2E_TMP/err")"
exit 0
