#!/bin/sh
# However a session ends on its own or by q, no speech or hook child is
# left a second later, and the program that goes on (the finish screen,
# the menu) has no child, not even a zombie. Speech and hooks here never
# end by themselves (they sleep); the summary counts the dropped hooks.
# e2e: 5 s
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake "exec sleep 30"
printf '#!/bin/sh\necho $$ >>"%s/hook.pids"\nexec sleep 100\n' "$E2E_TMP" >"$E2E_TMP/hook"
chmod +x "$E2E_TMP/hook"
kids() { cut -d' ' -f1 "$E2E_TMP/say.pids"; cat "$E2E_TMP/hook.pids"; }

# finish: the finish screen stays up
e2e_start 80 24 play quick --routines "$E2E_DATA" --no-safety --speed 10 \
	--speech-command "$SAY" --on-event "$E2E_TMP/hook"
e2e_wait "Session complete" 10
pid=$(awk 'NR == 1 { print $2 }' "$E2E_TMP/say.pids")
[ -n "$pid" ] || fail "no speech"
speech_gone_within_1s $(kids)
speech_no_children "$pid"
cut -d' ' -f2- "$SAID" | tail -1 | grep -qx "Done. Well done." || fail "the finish was not said"
e2e_keys q
e2e_wait "too many still running."
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_stop
rm -f "$SAID" "$E2E_TMP/say.pids" "$E2E_TMP/hook.pids"

# q, y from a session started in the menu: back in the menu
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play countdown --routines '"$E2E_DATA"' --no-safety \
	--speed 100 </dev/null >/dev/null 2>&1 || fail "plain play: status $?"
e2e_start 80 24 --routines "$E2E_DATA" --no-safety --speed 4 --speech-command "$SAY" \
	--on-event "$E2E_TMP/hook"
e2e_wait "> Countdown test"
e2e_keys Enter
speech_wait "Get ready: Neck tilt, 60 seconds"
e2e_wait " WORK "
e2e_keys q
e2e_wait "Quit this session?"
e2e_keys y
e2e_wait "> Countdown test"
pid=$(awk 'NR == 1 { print $2 }' "$E2E_TMP/say.pids")
speech_gone_within_1s $(kids)
speech_no_children "$pid"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
