#!/usr/bin/env bash
# history.sh — what reading a long history costs. Figures, not a test: not
# run by `make test`; run it directly:
#
#   tests/bench/history.sh [RECORDS]        (100000)
#
# 1. Writes a synthetic history of RECORDS records (sessions and a few
#    prompts, about 30 a day back from today, some quit, some with a
#    feel) into a private $XDG_STATE_HOME, with awk.
# 2. Runs `stretchtui history`, `history --json` and `history --tsv`
#    (output to /dev/null) RUNS (5) times each: the fastest and the median
#    wall time, and the peak RSS (GNU time's %M) of the median run; then
#    the same with a history of 1,000 records, so that what grows with the
#    file shows.
# 3. With strace: the system calls one recorded session costs (a plain
#    session of the e2e "quick" routine at --speed 100): the calls on the
#    history's descriptor.
# 4. With tmux and strace: the menu's first frame (it reads the history
#    once, as it opens, for today's time, the streak and each routine's
#    last day) with RECORDS records, with 1,000 and with none: from
#    execve() to the end of the last write on fd 1 before the program
#    first waits (as tests/bench/player.sh measures it), RUNS launches
#    each, and the peak RSS (VmHWM) then. Goal: under 100 ms, and memory
#    that does not grow with the file. Without tmux or strace, by hand:
#      XDG_STATE_HOME=DIR strace -ttt -e trace=execve,poll,write \
#        build/stretchtui    (in a terminal; q to quit)
#    and read the time of the first poll against the execve.
#
# Environment: STRETCHTUI_BIN (default build/stretchtui), RUNS, BENCH_KEEP=1
# (keep the generated files).
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-100000}
RUNS=${RUNS:-5}
BIN=${STRETCHTUI_BIN:-$ROOT/build/stretchtui}
case $N$RUNS in *[!0-9]*) echo "usage: $0 [RECORDS]" >&2; exit 2 ;; esac
[ -x "$BIN" ] || { echo "bench: no binary at $BIN (make first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-bench-history.XXXXXX") || exit 2
cleanup() { [ "${BENCH_KEEP:-}" = 1 ] && echo "kept: $TMP" || rm -rf "$TMP"; }
trap cleanup EXIT

# gen DIR COUNT: COUNT records ending today, ~30 a day, oldest first.
gen() {
	mkdir -p "$1/stretchtui"
	awk -v n="$2" -v now="$(date +%s)" '
	function civil(z,   era, doe, yoe, doy, mp, d, m, y) {
		z += 719468; era = int(z / 146097); doe = z - era * 146097
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
		mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
		m = mp < 10 ? mp + 3 : mp - 9
		return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
	}
	function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
	BEGIN {
		seed = 42
		print "#stretchtui-history 1"
		print "start\tkind\troutine\toutcome\tplanned_s\tdone_s\tpaused_s\textended_s\tskipped_s\texercises_done\texercises_total\tfeel\tname"
		split("upper-back-15 desk-break-5 foam-roll-8 breathing-3", id, " ")
		split("Upper back relief|Desk break|Foam roll|Breathing", nm, "|")
		split("900 300 480 180", pl, " ")
		split("|better|same|worse", fe, "|")
		t = now - int(n / 30) * 86400
		for (i = 0; i < n; i++) {
			t += int(rnd() * 5760)
			s = t % 86400
			k = 1 + int(rnd() * 4)
			q = rnd() < 0.2
			kind = rnd() < 0.05 ? "prompt" : "session"
			out = kind == "prompt" ? "taken" : q ? "quit" : "completed"
			done = kind == "prompt" ? 0 : q ? int(pl[k] * rnd()) : pl[k]
			printf "%sT%02d:%02d:%02d+00:00\t%s\t%s\t%s\t%d\t%d\t%d\t0\t0\t%d\t9\t%s\t%s\n",
				civil(int(t / 86400)), s / 3600, s / 60 % 60, s % 60, kind, id[k], out,
				kind == "prompt" ? 0 : pl[k], done, int(rnd() * 30),
				q ? 3 : 9, fe[1 + int(rnd() * 4)], nm[k]
		}
	}' >"$1/stretchtui/history.tsv"
}

# measure DIR LABEL ARGS...: RUNS runs; prints min and median ms, RSS kB.
measure() {
	dir=$1 label=$2
	shift 2
	for _ in $(seq "$RUNS"); do
		env TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME="$dir" /usr/bin/time -f "%e %M" \
			-o "$TMP/time" "$BIN" history "$@" >/dev/null 2>"$TMP/err" ||
			{ echo "bench: history $* failed:" >&2; cat "$TMP/err" >&2; exit 1; }
		cat "$TMP/time"
	done | sort -n | awk -v label="$label" -v runs="$RUNS" '
		{ t[NR] = $1; m[NR] = $2 }
		END { mid = int((runs + 1) / 2)
		      printf "  %-28s fastest %4.0f ms  median %4.0f ms  peak RSS %6d kB\n",
			label, t[1] * 1000, t[mid] * 1000, m[mid] }'
}

echo "== generating $N records"
gen "$TMP/big" "$N"
gen "$TMP/small" 1000
printf '  %s: %s lines, %s bytes\n' "history.tsv" \
	"$(wc -l <"$TMP/big/stretchtui/history.tsv")" "$(wc -c <"$TMP/big/stretchtui/history.tsv")"

echo "== reading (GNU time's %e has 10 ms steps)"
measure "$TMP/big" "history ($N)"
measure "$TMP/big" "history --json ($N)" --json
measure "$TMP/big" "history --tsv ($N)" --tsv
measure "$TMP/big" "history --days 7 ($N)" --days 7
measure "$TMP/small" "history (1000)"
measure "$TMP/small" "history --json (1000)" --json
if command -v perf >/dev/null 2>&1 || command -v hyperfine >/dev/null 2>&1; then :; fi
# A finer clock than %e: the wall time of RUNS runs in a row, from bash.
start=$(date +%s%N)
for _ in $(seq "$RUNS"); do
	env TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME="$TMP/big" "$BIN" history >/dev/null 2>&1
done
end=$(date +%s%N)
printf '  %-28s %6.1f ms a run (average of %d)\n' "history ($N), ns clock" \
	"$(echo "($end - $start) / $RUNS / 1000000" | bc -l)" "$RUNS"
start=$(date +%s%N)
for _ in $(seq "$RUNS"); do
	env TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME="$TMP/big" "$BIN" history --json >/dev/null 2>&1
done
end=$(date +%s%N)
printf '  %-28s %6.1f ms a run (average of %d)\n' "history --json ($N), ns clock" \
	"$(echo "($end - $start) / $RUNS / 1000000" | bc -l)" "$RUNS"

if command -v strace >/dev/null 2>&1; then
	echo "== one recorded session (plain, quick at --speed 100), calls on history.tsv"
	mkdir -p "$TMP/one"
	env LC_ALL=C.UTF-8 XDG_STATE_HOME="$TMP/one" strace -f -qq -y \
		-e trace=openat,write,pwrite64,pread64,fdatasync,fsync,close \
		-o "$TMP/strace" "$BIN" play --plain --no-safety --speed 100 \
		--routines "$ROOT/tests/data/e2e" quick </dev/null >/dev/null 2>&1
	grep -F 'history.tsv' "$TMP/strace" | sed 's/^[0-9]* */  /; s/\\t/ /g' | cut -c1-110
fi

# ---- the menu's first frame --------------------------------------------------
if ! command -v strace >/dev/null 2>&1 || ! command -v tmux >/dev/null 2>&1; then
	echo "== the menu's first frame: needs tmux and strace (see the top of this file)"
	exit 0
fi
SOCK=$TMP/tmux.sock
btmux() { TERM=xterm-256color tmux -f /dev/null -S "$SOCK" "$@" </dev/null; }
trap 'btmux kill-server >/dev/null 2>&1; cleanup' EXIT
btmux new-session -d -s hold "sleep 3600" || { echo "bench: tmux would not start" >&2; exit 1; }
mkdir -p "$TMP/none/stretchtui"

# frame DIR K: one launch of the menu on history DIR; prints "MS KB".
frame() {
	dir=$1 trace=$TMP/menu$2.trace pid=
	rm -f "$trace"
	btmux new-session -d -s "m$2" -x 80 -y 24 \
		"env TZ=UTC LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='$dir' \
		 XDG_CONFIG_HOME='$TMP/config' strace -f --seccomp-bpf -ttt -T -s 16 \
		 -e trace=execve,poll,ppoll,write,writev -o '$trace' '$BIN' --no-safety; sleep 3600"
	for _ in $(seq 200); do
		grep -q ' p\?poll(' "$trace" 2>/dev/null && break
		sleep 0.05
	done
	pid=$(awk '$3 ~ /^execve\(/ && / = 0 </ { print $1; exit }' "$trace")
	kb=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status" 2>/dev/null)
	btmux send-keys -t "m$2" q
	sleep 0.2
	btmux kill-session -t "m$2" >/dev/null 2>&1
	awk -v kb="${kb:-?}" '
		$3 ~ /^execve\(/ && / = 0 </ && !t0 { t0 = $2 }
		$3 ~ /^writev?\(1,/ { d = $NF; gsub(/[<>]/, "", d); t = $2 + d }
		$3 ~ /^p?poll\(/ && t0 { printf "%.1f %s\n", (t - t0) * 1000, kb; exit }' "$trace"
}

# menu DIR LABEL: RUNS launches; the fastest and median first frame.
menu() {
	for k in $(seq "$RUNS"); do frame "$1" "$k"; done | sort -n | awk -v label="$2" \
		-v runs="$RUNS" '{ t[NR] = $1; m[NR] = $2 }
		END { mid = int((runs + 1) / 2)
		      printf "  %-28s fastest %5.1f ms  median %5.1f ms  peak RSS %6s kB\n",
			label, t[1], t[mid], m[mid] }'
}

echo "== the menu's first frame (80x24, tmux, strace: a few ms more than untraced)"
menu "$TMP/big" "menu, $N records"
menu "$TMP/small" "menu, 1000 records"
menu "$TMP/none" "menu, no history"
exit 0
