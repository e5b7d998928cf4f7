#!/bin/sh
# Speech follows the session through pause (and its 3-2-1 lead-in),
# extend, skip and back, in the full-screen player at --speed 8: each cue
# within 75 ms (600 ms of session time) of when the plan, shifted by what
# the keys did, says. A key's time is when send-keys has returned, by
# which tmux has written it to the pane (not when the client started).
# e2e: 6 s
# e2e: timed
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speed=8
# at MS: MS of session time, as real ns at $speed.
at() { echo $(($1 * 1000000 / speed)); }
# nap MS: sleeps for MS of session time.
nap() { sleep "$(awk -v ms="$1" -v s="$speed" 'BEGIN { printf "%.3f", ms / s / 1000 }')"; }
speech_fake
e2e_start 80 24 play keys --routines "$SPEECH_DATA" --no-safety --speed "$speed" \
	--speech-command "$SAY"
speech_wait "Get ready: Neck tilt, 12 seconds"
t0=$(speech_time "Get ready: Neck tilt, 12 seconds")
nap 3000                             # the hold has started (at 2 s)
e2e_keys Space; k1=$(now_ns)         # pause
e2e_wait "PAUSED"
sleep 0.5
e2e_keys Space; k2=$(now_ns)         # resume: 3 s of lead-in
nap 5000
e2e_keys +                           # the 12 s hold is 22 s long now
speech_wait "Rest, 10 seconds. Next: Shoulder shrug" 10
nap 1000
e2e_keys n; k4=$(now_ns)             # skip the rest step
speech_wait "Get ready: Shoulder shrug, 10 seconds"
nap 300
e2e_keys b; k5=$(now_ns)             # back, within 3 s of the start: the one before
speech_wait "Get ready: Neck tilt, 12 seconds" 10 2
nap 300
e2e_keys n; k6=$(now_ns)             # skip: over the rest step again
e2e_wait "Session complete" 10
speech_wait "Done. Well done."     # the screen can come before the log
p=$((k2 - k1 + $(at 3000)))          # the pause and its lead-in
cat >"$E2E_TMP/want" <<END
$t0 Get ready: Neck tilt, 12 seconds
$((t0 + p + $(at 21000))) 3
$((t0 + p + $(at 22000))) 2
$((t0 + p + $(at 23000))) 1
$((t0 + p + $(at 24000))) Rest, 10 seconds. Next: Shoulder shrug
$k4 Get ready: Shoulder shrug, 10 seconds
$k5 Get ready: Neck tilt, 12 seconds
$k6 Get ready: Shoulder shrug, 10 seconds
$((k6 + $(at 9000))) 3
$((k6 + $(at 10000))) 2
$((k6 + $(at 11000))) 1
$((k6 + $(at 12000))) Done. Well done.
END
speech_check "$E2E_TMP/want" 75
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
