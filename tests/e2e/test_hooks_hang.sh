#!/bin/sh
# A hook that hangs (sleep 100) delays nothing: the session ends on time,
# the hooks beyond the few in flight are dropped and counted in the
# summary, and none is left once the program has ended.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
printf '#!/bin/sh\necho $$ >>"%s/hook.pids"\nexec sleep 100\n' "$E2E_TMP" >"$E2E_TMP/hook"
chmod +x "$E2E_TMP/hook"
t0=$(date +%s%N)
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' --no-safety \
	--speed 10 --on-event '"$E2E_TMP/hook"' </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
	fail "status $?"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
# 1.7 s of session, then at most CUE_END_HOOK_MS (150) + CUE_TERM_MS (100)
[ "$ms" -lt 2400 ] || fail "took $ms ms for a 1.7 s session"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
grep -qx "Quick test: finished, 00:17 of 00:17; 2 of 2 exercises done, 0 skipped. 14 event hooks were dropped: too many still running." \
	"$E2E_TMP/out" || fail "summary: $(tail -1 "$E2E_TMP/out")"
[ "$(wc -l <"$E2E_TMP/hook.pids")" -eq 4 ] || fail "$(wc -l <"$E2E_TMP/hook.pids") hooks ran, not 4"
left=$(e2e_alive $(cat "$E2E_TMP/hook.pids"))
[ -z "$left" ] || fail "hooks still running: $left"
