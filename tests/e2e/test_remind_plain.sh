#!/bin/sh
# remind --plain: one line per event. In a terminal the keys work (Enter
# plays the routine with the plain player, x skips, q quits); without
# one the prompts are told, the speech says the break's routine and
# length, and a prompt still open when a signal ends it counts as missed.
# e2e: 5 s
. "$(dirname "$0")/lib.sh"
e2e_start 200 30 remind --plain --every 1s --routine quick --routines "$E2E_DATA" \
	--no-safety --speed 10 --no-notify
e2e_wait "Break reminders: Quick test (00:17), every 1 s. Next break at "
e2e_wait "Keys: Enter start now, z snooze, x skip next, q quit."
e2e_wait "Time for a break: Quick test (00:17). Keys: Enter start, z snooze, x skip, q quit." 5
e2e_keys Enter
e2e_wait "Quick test: finished, 00:17 of 00:17; 2 of 2 exercises done, 0 skipped." 10
[ "$(e2e_screen | grep -c 'Time for a break')" = 1 ] || fail "a second prompt too soon"
e2e_wait_gone "no such text" 1
two_prompts() { [ "$(e2e_screen | grep -c 'Time for a break')" = 2 ]; }
e2e_until 6 two_prompts || fail "no second prompt"
e2e_keys x
e2e_wait "Skipped: the next break is at "
e2e_keys q
e2e_wait "Reminders stopped. Today: 1 taken, 1 skipped, 0 snoozed."
[ "$(e2e_status)" = 0 ] || fail "exit status $(e2e_status)"

# No terminal: told, said, and missed when a signal ends the prompt.
printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"%s/said"\n' "$E2E_TMP" >"$E2E_TMP/say"
chmod +x "$E2E_TMP/say"
printf 'exec %s"%s" remind --plain --every 1s --routine quick --routines "%s" --no-notify --speech-command "%s"\n' \
	"$(e2e_env)" "$STRETCHTUI_BIN" "$E2E_DATA" "$E2E_TMP/say" >"$E2E_TMP/bg.sh"
sh "$E2E_TMP/bg.sh" </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; e2e_cleanup' EXIT
e2e_until 6 test -s "$E2E_TMP/said"
kill -TERM "$pid"
wait "$pid"
rc=$?
[ "$rc" = 143 ] || fail "exit status $rc, not 143"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
[ "$(cat "$E2E_TMP/said")" = "Time for Quick test, seventeen seconds" ] ||
	fail "said: $(cat "$E2E_TMP/said")"
grep -qx 'Break reminders: Quick test (00:17), every 1 s. Next break at [0-9:]*\.' "$E2E_TMP/out" ||
	fail "first line: $(cat "$E2E_TMP/out")"
grep -qx 'Time for a break: Quick test (00:17)\.' "$E2E_TMP/out" || fail "prompt: $(cat "$E2E_TMP/out")"
tail -n 1 "$E2E_TMP/out" | grep -qx 'Reminders stopped. Today: 1 taken, 1 skipped, 0 snoozed, 1 missed\.' ||
	fail "last line: $(cat "$E2E_TMP/out")"
env -u STRETCHTUI_PATH XDG_STATE_HOME="$E2E_TMP/state" "$STRETCHTUI_BIN" history --tsv |
	awk -F '\t' 'NR > 2 { print $2, $4 }' | tail -n 1 | grep -qx 'prompt missed' ||
	fail "no missed record"
[ -e "$E2E_TMP/state/stretchtui/remind.state" ] && fail "the state file is left behind"
exit 0
