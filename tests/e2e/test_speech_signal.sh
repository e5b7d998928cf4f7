#!/bin/sh
# SIGTERM or SIGHUP in the middle of a session: the program ends (128+N)
# and no speech or hook child outlives it by a second.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake "exec sleep 30"
printf '#!/bin/sh\necho $$ >>"%s/hook.pids"\nexec sleep 100\n' "$E2E_TMP" >"$E2E_TMP/hook"
chmod +x "$E2E_TMP/hook"
for sig in TERM:143 HUP:129; do
	want=${sig#*:} sig=${sig%:*}
	rm -f "$SAID" "$E2E_TMP/say.pids" "$E2E_TMP/hook.pids" "$E2E_TMP/status"
	e2e_start 80 24 play countdown --routines "$E2E_DATA" --no-safety --speed 4 \
		--speech-command "$SAY" --on-event "$E2E_TMP/hook"
	speech_wait "Get ready: Neck tilt, 60 seconds"
	e2e_wait " WORK "
	pid=$(awk 'NR == 1 { print $2 }' "$E2E_TMP/say.pids")
	kids=$(cut -d' ' -f1 "$E2E_TMP/say.pids"; cat "$E2E_TMP/hook.pids")
	[ -n "$(e2e_alive $kids)" ] || fail "no child running before SIG$sig"
	kill -"$sig" "$pid"
	[ "$(e2e_status)" = "$want" ] || fail "SIG$sig: status $(cat "$E2E_TMP/status")"
	speech_gone_within_1s $kids
	e2e_stop
done
