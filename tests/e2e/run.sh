#!/bin/sh
# Runs every tests/e2e/test_*.sh against $STRETCHTUI_BIN, $E2E_JOBS (8) at
# a time (each has its own tmux server), and prints
#   e2e: N passed, M failed[, K skipped]
# (a test that passes after printing a line "skipped: WHY" is skipped).
# Exit status 1 when any test failed (or tmux is missing), or when the
# tests left a process running or a file or socket behind.
: "${STRETCHTUI_BIN:?set STRETCHTUI_BIN to the stretchtui binary}"
LC_ALL=C
export LC_ALL
dir=$(cd "$(dirname "$0")" && pwd)
jobs=${E2E_JOBS:-8}
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is missing" >&2
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-e2e-run.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT
# Each test's temporary files, tmux sockets included, go under $out/tmp
# (and any `tmux -L` socket under $out/tmux); every process a test starts
# inherits STRETCHTUI_E2E_RUN. Both are checked once the tests are done.
mkdir "$out/tmp" "$out/tmux"

run_one() {
	start=$(date +%s)
	STRETCHTUI_E2E_RUN=$out TMPDIR=$out/tmp TMUX_TMPDIR=$out/tmux \
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

pass=0 failed=0 skipped=0
for t in "$dir"/test_*.sh; do
	name=$(basename "$t" .sh)
	read -r rc secs <"$out/$name.rc"
	why=$(grep -m1 '^skipped: ' "$out/$name.log")
	if [ "$rc" = 0 ] && [ -n "$why" ]; then
		skipped=$((skipped + 1))
		echo "skip $name (${why#skipped: })"
	elif [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		echo "ok   $name (${secs} s)"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/    /' "$out/$name.log"
	fi
done

# Processes still running with the tests' mark (read from /proc), or
# without /proc, whose command line names the tests' temporary directory.
leftover_procs() {
	if [ -r /proc/self/environ ]; then
		for e in /proc/[0-9]*/environ; do
			grep -qsaF "STRETCHTUI_E2E_RUN=$out" "$e" || continue
			p=${e#/proc/}
			ps -o pid= -o args= -p "${p%/environ}" 2>/dev/null
		done
	else
		ps -A -o pid= -o args= | grep -F "$out/" | grep -vF "grep -F $out/"
	fi
}
left=$(leftover_procs | sort -u)
if [ -n "$left" ]; then
	failed=$((failed + 1))
	echo "FAIL leftovers: processes started by the tests are still running"
	echo "$left" | sed 's/^ */    /'
fi
files=$(find "$out/tmp" "$out/tmux" -mindepth 1 -maxdepth 3 2>/dev/null)
if [ -n "$files" ]; then
	failed=$((failed + 1))
	echo "FAIL leftovers: files or sockets left by the tests"
	echo "$files" | sed "s|^$out/|    |"
fi
if [ "$skipped" -gt 0 ]; then
	echo "e2e: $pass passed, $failed failed, $skipped skipped"
else
	echo "e2e: $pass passed, $failed failed"
fi
[ "$failed" -eq 0 ]
