#!/bin/sh
# --on-event in plain mode: one run per moment, in order, each with its
# STRETCHTUI_* variables; the session's output is what it is without it.
# (Timed: the last hook has CUE_END_HOOK_MS, 150 ms, to run after the end.)
# e2e: 3 s
# e2e: timed
. "$(dirname "$0")/lib.sh"
printf '#!/bin/sh\nprintf "%%s|%%s|%%s|%%s|%%s|%%s|%%s|%%s|%%s\\n" "$STRETCHTUI_EVENT" "$STRETCHTUI_ROUTINE" "$STRETCHTUI_EXERCISE" "$STRETCHTUI_SIDE" "$STRETCHTUI_SET" "$STRETCHTUI_REP" "$STRETCHTUI_KIND" "$STRETCHTUI_REMAINING_S" "$STRETCHTUI_ELAPSED_S" >>"%s/events"\n' \
	"$E2E_TMP" >"$E2E_TMP/hook"
chmod +x "$E2E_TMP/hook"
eval "$(e2e_env)" STRETCHTUI_KIND=inherited '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' \
	--no-safety --speed 5 --on-event '"$E2E_TMP/hook"' </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
	fail "status $?"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
sed 's/\xe2\x80\xa6/.../g' "$E2E_DIR/plain_quick.expected" >"$E2E_TMP/want"
sed 's/\xe2\x80\xa6/.../g' "$E2E_TMP/out" | diff -u "$E2E_TMP/want" - >&2 || fail "plain output differs"
cat >"$E2E_TMP/want" <<'END'
start|quick|Neck tilt|left|1/1||prepare|17|0
tick|quick|Neck tilt|left|1/1||prepare|16|1
segment|quick|Neck tilt|left|1/1||work|15|2
tick|quick|Neck tilt|left|1/1||work|14|3
tick|quick|Neck tilt|left|1/1||work|13|4
switch|quick|Neck tilt|right|1/1||switch|12|5
segment|quick|Neck tilt|right|1/1||work|11|6
tick|quick|Neck tilt|right|1/1||work|10|7
tick|quick|Neck tilt|right|1/1||work|9|8
rest|quick|||||rest|8|9
tick|quick|||||rest|7|10
segment|quick|Chin tuck||1/1||prepare|6|11
tick|quick|Chin tuck||1/1||prepare|5|12
segment|quick|Chin tuck||1/1|1/2|work|4|13
segment|quick|Chin tuck||1/1|1/2|work|3|14
segment|quick|Chin tuck||1/1|2/2|work|2|15
segment|quick|Chin tuck||1/1|2/2|work|1|16
finish|quick||||||0|17
END
diff -u "$E2E_TMP/want" "$E2E_TMP/events" >&2 || fail "hook runs differ"
