# speech_lib.sh — for the tests of spoken cues and hooks; source it after
# lib.sh. A fake speech command that logs "NANOSECONDS TEXT" lines, and a
# check of what was said against a schedule.

SPEECH_DATA=$(cd "$E2E_DIR/../data/speech" && pwd) || exit 1
SAID="$E2E_TMP/said"
SAY="$E2E_TMP/say"

# now_ns: the time in ns, on the fake's clock (e2e_now: 10 ms steps).
now_ns() {
	e2e_now
	echo "${now}0000000"
}

# speech_fake [SHELL-LINE]: $SAY logs its text (the last argument) with the
# time to $SAID, and its pid and its parent's to $E2E_TMP/say.pids, wakes
# a wait (e2e_poke), then runs SHELL-LINE (e.g. "exec sleep 30": a speech
# that goes on).
speech_fake() {
	{
		echo '#!/bin/sh'
		e2e_now_fn
		printf 'e2e_now; printf "%%s0000000 %%s\\n" "$now" "$*" >>"%s"\n' "$SAID"
		printf 'echo "$$ $PPID" >>"%s/say.pids"\n' "$E2E_TMP"
		e2e_poke_fn
		printf '\ne2e_poke\n'
		printf '%s\n' "${1:-}"
	} >"$SAY"
	chmod +x "$SAY"
}

# speech_plain ROUTINE SPEED: plays ROUTINE (of $SPEECH_DATA) in plain mode
# at SPEED with $SAY, without a terminal; its output in $E2E_TMP/out.
speech_plain() {
	eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play '"$1"' --routines '"$SPEECH_DATA"' --no-safety \
		--speed '"$2"' --speech-command '"$SAY"' </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
		fail "status $?"
	[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
	return 0
}

# speech_screen ROUTINE SPEED SECONDS: plays ROUTINE in the full-screen
# player at SPEED with $SAY, until its end is on the screen and said.
speech_screen() {
	e2e_start 80 24 play "$1" --routines "$SPEECH_DATA" --no-safety --speed "$2" \
		--speech-command "$SAY"
	e2e_wait "Session complete" "$3"
	speech_wait "Done. Well done."     # the screen can come before the log
}

# speech_said TEXT [N]: TEXT has been said (a whole line), N times (1).
speech_said() {
	[ -f "$SAID" ] &&
		[ "$(cut -d' ' -f2- "$SAID" | grep -cxF -- "$1")" -ge "${2:-1}" ]
}

# speech_wait TEXT [SECONDS [N]]: until TEXT has been said (N times).
speech_wait() {
	e2e_until "${2:-10}" speech_said "$1" "${3:-1}" ||
		fail "timed out waiting for '$1' to be said"
}

# speech_time TEXT: when TEXT was last said (ns).
speech_time() {
	awk -v t="$1" '{ n = $1; sub(/^[^ ]* /, "") } $0 == t { at = n } END { print at }' "$SAID"
}

# speech_schedule SPEED < LINES: "MS TEXT" lines (session ms from the
# first utterance) to "NS TEXT" lines, real time at SPEED, anchored on the
# least late utterance (the n-th said is paired with the n-th line): a
# command can start late but never early, so one slow start, the first
# one's included, does not move the rest.
speech_schedule() {
	[ -s "$SAID" ] || fail "nothing was said"
	awk -v speed="$1" -v said="$SAID" '
		BEGIN { while ((getline line < said) > 0) at[++n] = line + 0 }
		{ k++; real[k] = $1 / speed * 1e6; sub(/^[^ ]* /, ""); text[k] = $0
		  if (k <= n && (k == 1 || at[k] - real[k] < t0)) t0 = at[k] - real[k] }
		END { for (i = 1; i <= k; i++) printf "%.0f %s\n", t0 + real[i], text[i] }'
}

# speech_check WANT TOLERANCE_MS: what was said ($SAID) is WANT's texts in
# order, each within TOLERANCE_MS of WANT's time ("NS TEXT" lines).
speech_check() {
	awk -v tol="$2" -v want="$1" '
		BEGIN { while ((getline line < want) > 0) { n++; wt[n] = line + 0
			sub(/^[^ ]* /, "", line); wx[n] = line } }
		{ k++; t = $1; sub(/^[^ ]* /, "")
		  d = k <= n ? (t - wt[k]) / 1e6 : 0
		  bad = k > n || $0 != wx[k] || d > tol || d < -tol
		  printf "%s %8.0f ms  %-44s  (want: %s)\n", bad ? "!!" : "  ", d, $0, k <= n ? wx[k] : "nothing"
		  fails += bad }
		END { for (i = k + 1; i <= n; i++) { printf "!! missing: %s\n", wx[i]; fails++ }
		      exit fails > 0 }' "$SAID" >"$E2E_TMP/check" ||
		fail "not said as planned (within $2 ms):
$(cat "$E2E_TMP/check")"
}

# speech_no_children PID: PID has no child left (none, zombies included).
speech_no_children() {
	kids=$(ps --ppid "$1" -o pid=,stat=,args= 2>/dev/null)
	[ -z "$kids" ] || fail "children left behind by $1:
$kids"
}

# speech_gone_within_1s PID...: each has ended within a second.
speech_gone_within_1s() {
	e2e_outlive "$@"
	[ -z "$procs" ] ||
		fail "still running after a second: $(ps -o pid=,args= -p "$(echo $procs | tr ' ' ,)")"
}
