#!/bin/sh
# Runs tests/e2e/test_*.sh (or only the ones named: run.sh test_pause.sh
# test_menu) against $STRETCHTUI_BIN from a pool of $E2E_JOBS slots (each
# test has its own tmux server): a test starts as soon as any test ends,
# so no slot waits for the slowest of a batch. The tests mostly wait on
# the program's clock, not the CPU (a wait wakes when the pane writes,
# lib.sh), so the default is twelve slots per core (cores from getconf,
# at least 2); the timed tests keep their margin because the others run
# under nice (below). Prints one line per test and
#   e2e: N passed, M failed[, K skipped] in S s
# (a test that passes after printing a line "skipped: WHY" is skipped).
# Exit status 1 when any test failed (or tmux is missing), or when the
# tests left a process running or a file or socket behind.
: "${STRETCHTUI_BIN:?set STRETCHTUI_BIN to the stretchtui binary}"
LC_ALL=C
export LC_ALL
dir=$(cd "$(dirname "$0")" && pwd)
. "$dir/common.sh"
# the program's locale in the tests (lib.sh)
E2E_LOCALE=$(e2e_locale)
export E2E_LOCALE
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
case $cores in ''|*[!0-9]*) cores=2 ;; esac
[ "$cores" -ge 2 ] || cores=2
jobs=${E2E_JOBS:-$((cores * 12))}
case $jobs in ''|*[!0-9]*|0) echo "e2e: E2E_JOBS must be a positive number" >&2; exit 2 ;; esac
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is missing" >&2
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-e2e-run.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
# Each test's temporary files, tmux sockets included, go under $out/tmp
# (and any `tmux -L` socket under $out/tmux); every process a test starts
# inherits STRETCHTUI_E2E_RUN. Both are checked once the tests are done.
mkdir "$out/tmp" "$out/tmux"
e2e_now
began=$now

# The tests to run, one path a line.
if [ $# -gt 0 ]; then
	for a in "$@"; do
		t=$dir/$(basename "${a%.sh}").sh
		[ -f "$t" ] || { echo "e2e: no test $a in $dir" >&2; exit 2; }
		echo "$t"
	done >"$out/list"
else
	for t in "$dir"/test_*.sh; do echo "$t"; done >"$out/list"
fi
# The order they start in: the longest first, by the line "# e2e: N s"
# in a test that takes about N seconds (one without it is short), so
# that no long one starts last and keeps the run going alone; the report
# stays in the list's order. A test with the line "# e2e: timed" checks
# when things happen to the tens of milliseconds: it runs at the normal
# priority, and the others under nice, so that their load delays it less.
while read -r t; do
	n=$(sed -n 's/^# e2e: \([0-9][0-9]*\) s$/\1/p' "$t")
	grep -qx '# e2e: timed' "$t" && prio=timed || prio=nice
	echo "${n:-0} $prio $t"
done <"$out/list" | sort -s -k1,1nr | cut -d' ' -f2- >"$out/order"
nice=
nice -n 0 true 2>/dev/null && nice="nice -n 10"

# run_one PATH NAME PRIO: the test, bounded by 60 s; "STATUS SECONDS" into
# $out/NAME.rc once it has ended.
run_one() {
	e2e_now
	start=$now
	[ "$3" = timed ] && n= || n=$nice
	STRETCHTUI_E2E_RUN=$out TMPDIR=$out/tmp TMUX_TMPDIR=$out/tmux \
		$n timeout 60 sh "$1" >"$out/$2.log" 2>&1 3>&- 4>&-
	rc=$?
	e2e_now
	echo "$rc $(((now - start) / 100))" >"$out/$2.rc"
}

# The pool: a FIFO holding one line per free slot. A test takes a line
# before it starts and gives it back when it ends, so exactly $jobs run
# at once until the list is done.
mkfifo "$out/slots" || exit 1
exec 3<>"$out/slots"
i=0
while [ "$i" -lt "$jobs" ]; do echo >&3; i=$((i + 1)); done
# The first $jobs start 50 ms apart, so that their start-up (a tmux server
# each) is not one burst that delays the timed ones' first steps.
i=0
while read -r prio t <&4; do
	read -r _ <&3
	name=${t##*/}
	{ run_one "$t" "${name%.sh}" "$prio"; echo >&3; } &
	i=$((i + 1))
	[ "$i" -ge "$jobs" ] || sleep 0.05
done 4<"$out/order"
wait
exec 3>&-

pass=0 failed=0 skipped=0
while read -r t; do
	name=${t##*/}
	name=${name%.sh}
	rc=1 secs=?
	[ -s "$out/$name.rc" ] && read -r rc secs <"$out/$name.rc"
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
done <"$out/list"

# Processes still running with the tests' mark (read from /proc), or
# without /proc, whose command line names the tests' temporary directory.
leftover_procs() {
	if [ -r /proc/self/environ ]; then
		grep -lsaF "STRETCHTUI_E2E_RUN=$out" /proc/[0-9]*/environ | while read -r e; do
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
e2e_now
took="in $(((now - began) / 100)) s"
if [ "$skipped" -gt 0 ]; then
	echo "e2e: $pass passed, $failed failed, $skipped skipped $took"
else
	echo "e2e: $pass passed, $failed failed $took"
fi
[ "$failed" -eq 0 ]
