#!/bin/sh
# The reminder's clocks moved through its test hook (STRETCHTUI_TEST_CLOCK):
# a two-hour suspend counts as a break (no stale prompt on wake, the
# interval starts again), the wall clock set back an hour leaves the time
# to the break as it was, and a prompt left unanswered for five minutes
# of awake time is recorded as missed.
. "$(dirname "$0")/lib.sh"
clock=$E2E_TMP/clock
echo "0 0 0" >"$clock"
E2E_ENV="TZ=UTC STRETCHTUI_TEST_CLOCK=$clock"
e2e_start 80 24 remind --every 10m --routine quick --routines "$E2E_DATA" --no-safety --no-notify
e2e_wait "Next break at"
next_at() { e2e_screen | sed -n 's/.*Next break at \([0-9][0-9]\):\([0-9][0-9]\).*/\1 \2/p' | awk '{ print $1 * 60 + $2 }'; }
# moved MINUTES: the break's time moved by that many minutes (mod a day), give or take one
moved() {
	d=$(( ($(next_at) - $1 + 1440) % 1440 ))
	[ "$d" -ge $(( $2 - 1 )) ] && [ "$d" -le $(( $2 + 1 )) ]
}
t0=$(next_at)

echo "7200 7200 0" >"$clock"              # asleep for two hours
e2e_keys w                                # any key: the reminder looks at its clocks
e2e_wait "Away for 2 h: that counts as a break."
moved "$t0" 120 || fail "after the sleep: $(next_at), not $t0 + 120"
e2e_screen | grep -q "Time for a break" && fail "a stale prompt on wake"
t1=$(next_at)

echo "3600 7200 0" >"$clock"              # the wall clock set back an hour
e2e_keys w
e2e_until 3 moved "$t1" 1380 || fail "after the step back: $(next_at), not $t1 - 60"
e2e_screen | grep -q "in 10 min" || fail "the time left changed"

echo "4200 7800 600" >"$clock"            # ten minutes awake
e2e_keys w
e2e_wait "Time for a break"
echo "4500 8100 900" >"$clock"            # five more without an answer
e2e_keys w
e2e_wait "The break went unanswered: it counts as missed."
e2e_wait "Today: 0 taken, 0 skipped, 0 snoozed, 1 missed"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "exit status $(e2e_status)"
env -u STRETCHTUI_PATH XDG_STATE_HOME="$E2E_TMP/state" "$STRETCHTUI_BIN" history --tsv |
	awk -F '\t' 'NR > 2 { print $2, $4 }' >"$E2E_TMP/records"
[ "$(cat "$E2E_TMP/records")" = "prompt missed" ] || fail "records: $(cat "$E2E_TMP/records")"
exit 0
