#!/bin/sh
# Runs every tests/e2e/test_*.sh against $STRETCHTUI_BIN, $E2E_JOBS (8) at
# a time (each has its own tmux server), and prints
#   e2e: N passed, M failed
# Exit status 1 when any test failed (or tmux is missing).
: "${STRETCHTUI_BIN:?set STRETCHTUI_BIN to the stretchtui binary}"
dir=$(cd "$(dirname "$0")" && pwd)
jobs=${E2E_JOBS:-8}
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is missing" >&2
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-e2e-run.XXXXXX")
trap 'rm -rf "$out"' EXIT

run_one() {
	start=$(date +%s)
	timeout 60 sh "$1" >"$out/$2.log" 2>&1
	echo "$? $(( $(date +%s) - start ))" >"$out/$2.rc"
}

n=0
for t in "$dir"/test_*.sh; do
	run_one "$t" "$(basename "$t" .sh)" &
	n=$((n + 1))
	[ $((n % jobs)) -eq 0 ] && wait
done
wait

pass=0 failed=0
for t in "$dir"/test_*.sh; do
	name=$(basename "$t" .sh)
	read -r rc secs <"$out/$name.rc"
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		echo "ok   $name (${secs} s)"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/    /' "$out/$name.log"
	fi
done
echo "e2e: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
