#!/bin/sh
# remind at a 1 s interval: the waiting screen counts down; at the break
# the prompt, the terminal's title and a (fake) notification with the
# title and body as two arguments; Enter plays the routine at --speed and
# the waiting screen comes back; z snoozes, x skips the next; q quits.
# Every answer is a prompt record; status reads the running reminder's
# state, and once it has quit shows no break to come.
# e2e: 4 s
. "$(dirname "$0")/lib.sh"
printf '#!/bin/sh\nfor a in "$@"; do printf "%%s|" "$a"; done >>"%s/notify.log"\necho >>"%s/notify.log"\n' \
	"$E2E_TMP" "$E2E_TMP" >"$E2E_TMP/notify"
chmod +x "$E2E_TMP/notify"
status() {
	env -u STRETCHTUI_PATH LC_ALL=C.UTF-8 XDG_STATE_HOME="$E2E_TMP/state" \
		"$STRETCHTUI_BIN" status "$@"
}
title() { e2e_tmux display-message -p -t "$E2E_PANE" '#{pane_title}'; }

[ "$(status)" = "" ] || fail "status before anything: '$(status)'"
# the settings say no notification; --notify-command on the line wins
mkdir -p "$E2E_TMP/config/stretchtui"
printf 'remind:\n  notify: false\n' >"$E2E_TMP/config/stretchtui/config.yaml"
e2e_start 80 24 remind --every 1s --snooze 10m --routine quick --routines "$E2E_DATA" \
	--no-safety --speed 10 --notify-command "$E2E_TMP/notify"
e2e_wait "Next break at"
e2e_wait "Today: 0 taken, 0 skipped, 0 snoozed"
e2e_wait "Enter start now"
before=$(title)
case $(status --format '%r %n') in
"quick 1s" | "quick 2s" | "quick now") ;;
*) fail "status while waiting: $(status --format '%r %n')" ;;
esac

e2e_wait "Time for a break" 5
e2e_wait "Unanswered, it counts as missed in 5 min"
[ "$(title)" = "Time for a break: Quick test" ] || fail "title: $(title)"
[ "$(status --format '%n')" = now ] || fail "status at the prompt: $(status --format '%n')"
e2e_until 3 test -s "$E2E_TMP/notify.log"
[ "$(cat "$E2E_TMP/notify.log")" = "Time for a break|Quick test (00:17)|" ] ||
	fail "notification: $(cat "$E2E_TMP/notify.log")"

e2e_keys Enter
e2e_wait " elapsed "
[ "$(status --format '%n')" = on ] || fail "status while playing: $(status --format '%n')"
e2e_wait "Quick test: finished, 00:17 of 00:17" 10
e2e_wait "Today: 1 taken, 0 skipped, 0 snoozed"
[ "$(title)" = "$before" ] || fail "the title was not put back: $(title)"

e2e_wait "Time for a break" 5
e2e_keys z
e2e_wait "Snoozed: the break comes at"
e2e_wait "Today: 1 taken, 0 skipped, 1 snoozed"
[ "$(status --format '%n')" = 10m ] || fail "status after a snooze: $(status --format '%n')"
e2e_keys x
e2e_wait "The next break skipped: the one after is at"
e2e_wait "Today: 1 taken, 1 skipped, 1 snoozed"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "exit status $(e2e_status)"
e2e_wait "Reminders stopped. Today: 1 taken, 1 skipped, 1 snoozed."
[ "$(wc -l <"$E2E_TMP/notify.log")" = 2 ] || fail "notifications: $(cat "$E2E_TMP/notify.log")"

# the records, in order; status after the quit
[ -e "$E2E_TMP/state/stretchtui/remind.state" ] && fail "the state file is left behind"
[ "$(status --format '%n%r')" = "" ] || fail "status after: $(status --format '%n%r')"
[ "$(status)" = "stretch 1d" ] || fail "status after: $(status)"
env -u STRETCHTUI_PATH LC_ALL=C.UTF-8 XDG_STATE_HOME="$E2E_TMP/state" "$STRETCHTUI_BIN" \
	history --tsv >"$E2E_TMP/tsv" || fail "history --tsv"
got=$(awk -F '\t' 'NR > 2 { print $2, $3, $4, $13 }' "$E2E_TMP/tsv")
want="prompt quick taken Quick test
session quick completed Quick test
prompt quick snoozed Quick test
prompt quick skipped Quick test"
[ "$got" = "$want" ] || fail "records: $got"
env -u STRETCHTUI_PATH LC_ALL=C.UTF-8 XDG_STATE_HOME="$E2E_TMP/state" "$STRETCHTUI_BIN" \
	history >"$E2E_TMP/text" || fail "history"
grep -q '^  20[0-9-]* [A-Z][a-z][a-z]  *1  *00:17   1 of 2 (1 snoozed)$' "$E2E_TMP/text" ||
	fail "history's breaks: $(cat "$E2E_TMP/text")"
exit 0
