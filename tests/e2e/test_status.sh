#!/bin/sh
# stretchtui status (no terminal needed): a bare newline with nothing to
# tell; a reminder's state file read while its pid lives and ignored once
# it is dead; the streak and today's minutes from the history; --format's
# fields; usage errors; and fast (a status line runs every few seconds).
. "$(dirname "$0")/lib.sh"
state=$E2E_TMP/state/stretchtui
status() {
	env -u STRETCHTUI_PATH TZ=UTC LC_ALL="${LOC:-C.UTF-8}" XDG_STATE_HOME="$E2E_TMP/state" \
		"$STRETCHTUI_BIN" status "$@"
}
[ "$(status | od -An -c | tr -d ' ')" = '\n' ] || fail "nothing to tell: $(status | od -c)"
[ "$(status --format '%n %s %t %r')" = "" ] || fail "nothing to tell, a format"

mkdir -p "$state"
now_ms=$(( $(date +%s) * 1000 ))
sleep 300 &
alive=$!
trap 'kill "$alive" 2>/dev/null; e2e_cleanup' EXIT
printf '1 %s %s waiting desk-break-5\n' "$alive" $((now_ms + 12 * 60000 - 500)) >"$state/remind.state"
[ "$(status)" = "stretch 12m" ] || fail "a reminder, no history: $(status)"
[ "$(LOC=C status)" = "stretch 12m" ] || fail "C locale: $(LOC=C status)"
[ "$(status --format '[%r] %n %%')" = "[desk-break-5] 12m %" ] || fail "format: $(status --format '[%r] %n %%')"
printf '1 %s %s prompt desk-break-5\n' "$alive" "$now_ms" >"$state/remind.state"
[ "$(status --format %n)" = now ] || fail "at a prompt: $(status --format %n)"
printf '1 %s %s waiting desk-break-5\n' "$alive" $((now_ms + 150 * 60000 - 500)) >"$state/remind.state"
[ "$(status --format %n)" = 2h30m ] || fail "hours: $(status --format %n)"

day() { TZ=UTC date -d "@$(( $(date +%s) - $1 * 86400 ))" +%Y-%m-%d; }
{
	printf '#stretchtui-history 1\n'
	printf 'start\tkind\troutine\toutcome\tplanned_s\tdone_s\tpaused_s\textended_s\tskipped_s\texercises_done\texercises_total\tfeel\tname\n'
	for d in 2 1 0; do
		printf '%sT00:10:00+00:00\tsession\tdesk\tcompleted\t300\t300\t0\t0\t0\t3\t3\t\tDesk\n' "$(day "$d")"
	done
	printf '%sT00:20:00+00:00\tsession\tdesk\tquit\t300\t420\t0\t0\t0\t1\t3\t\tDesk\n' "$(day 0)"
	printf '%sT00:30:00+00:00\tprompt\tdesk\ttaken\t0\t0\t0\t0\t0\t0\t0\t\tDesk\n' "$(day 0)"
} >"$state/history.tsv"
[ "$(status)" = "stretch 2h30m · 3d" ] || fail "both: $(status)"
[ "$(LOC=C status)" = "stretch 2h30m - 3d" ] || fail "both, C locale: $(LOC=C status)"
[ "$(status --format '%s %t')" = "3d 12m" ] || fail "streak and minutes: $(status --format '%s %t')"

kill "$alive"
wait "$alive" 2>/dev/null
[ "$(status)" = "stretch 3d" ] || fail "a dead reminder's state: $(status)"
[ "$(status --format '%n|%r')" = "|" ] || fail "a dead reminder's fields: $(status --format '%n|%r')"
rm "$state/history.tsv"
[ "$(status)" = "" ] || fail "a dead reminder, no history: $(status)"
echo "garbage" >"$state/remind.state"
[ "$(status)" = "" ] || fail "a broken state file: $(status)"

status --format '%x' >/dev/null 2>"$E2E_TMP/err"; [ $? = 2 ] || fail "%x: not a usage error"
grep -q "status: --format takes" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
status --bogus >/dev/null 2>&1; [ $? = 2 ] || fail "--bogus"
status extra >/dev/null 2>&1; [ $? = 2 ] || fail "an operand"

# fast: 50 runs well under a second (a few ms each, start-up included)
start=$(date +%s%N)
i=0
while [ $i -lt 50 ]; do status >/dev/null; i=$((i + 1)); done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 2500 ] || fail "50 runs took $ms ms"
echo "status: 50 runs in $ms ms"
exit 0
