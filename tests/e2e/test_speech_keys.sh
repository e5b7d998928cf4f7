#!/bin/sh
# Speech follows the session through pause (and its 3-2-1 lead-in),
# extend, skip and back, in the full-screen player at --speed 2: each cue
# within 300 ms of when the plan, shifted by what the keys did, says.
# e2e: long
. "$(dirname "$0")/lib.sh"
. "$E2E_DIR/speech_lib.sh"
speech_fake
e2e_start 80 24 play keys --routines "$SPEECH_DATA" --no-safety --speed 2 \
	--speech-command "$SAY"
speech_wait "Get ready: Neck tilt, 12 seconds"
t0=$(speech_time "Get ready: Neck tilt, 12 seconds")
sleep 1.5                            # the hold has started (session 2 s)
k1=$(now_ns); e2e_keys Space         # pause
e2e_wait "PAUSED"
sleep 1
k2=$(now_ns); e2e_keys Space         # resume: 3 s of lead-in, 1.5 s real
sleep 2.5
e2e_keys +                           # the 12 s hold is 22 s long now
speech_wait "Rest, 10 seconds. Next: Shoulder shrug" 20
sleep 0.5
k4=$(now_ns); e2e_keys n             # skip the rest step
speech_wait "Get ready: Shoulder shrug, 10 seconds"
sleep 0.3
k5=$(now_ns); e2e_keys b             # back, soon after the start: the one before
speech_wait "Get ready: Neck tilt, 12 seconds"
sleep 0.3
k6=$(now_ns); e2e_keys n             # skip: over the rest step again
e2e_wait "Session complete" 15
p=$((k2 - k1 + 1500000000))          # the pause and its lead-in
cat >"$E2E_TMP/want" <<END
$t0 Get ready: Neck tilt, 12 seconds
$((t0 + p + 10500000000)) 3
$((t0 + p + 11000000000)) 2
$((t0 + p + 11500000000)) 1
$((t0 + p + 12000000000)) Rest, 10 seconds. Next: Shoulder shrug
$k4 Get ready: Shoulder shrug, 10 seconds
$k5 Get ready: Neck tilt, 12 seconds
$k6 Get ready: Shoulder shrug, 10 seconds
$((k6 + 4500000000)) 3
$((k6 + 5000000000)) 2
$((k6 + 5500000000)) 1
$((k6 + 6000000000)) Done. Well done.
END
speech_check "$E2E_TMP/want" 300
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
