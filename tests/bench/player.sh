#!/usr/bin/env bash
# player.sh — what playing a routine costs. Figures, not a test: not run by
# `make test`; run it with `make bench` or directly:
#
#   tests/bench/player.sh [ROUTINE [SECONDS]]     (upper-back-15, 60)
#
# 1. Plays ROUTINE (--no-safety) for SECONDS in a detached tmux at 80x24,
#    with private XDG dirs, C.UTF-8 and xterm-256color, under strace:
#      CPU          time on the CPU from /proc/PID/schedstat (ns), and
#                   utime+stime from /proc/PID/stat (whole clock ticks)
#      wake-ups     poll/ppoll calls that returned (timeouts + input)
#      bytes        sum of write()/writev() return values on fd 1
#      peak RSS     VmHWM from /proc/PID/status
#      first frame  from execve() to the end of the last write on fd 1
#                   before the first poll (the whole first screen is out)
# 2. LAUNCHES (10) more starts, each ended at its first frame: the spread
#    of the first frame's time, peak RSS and CPU, which vary from launch to
#    launch (address-space randomisation, caches).
# 3. A paused run: space after 1 s, then PAUSE_SECONDS (30) measured while
#    paused (wake-ups should be 0), and the key's latency: from the poll
#    that saw it to the end of the redraw's write.
#
# strace stops the program only at the traced calls (--seccomp-bpf: execve,
# poll, ppoll, write, writev), which costs a few microseconds each: CPU
# reads about 10% higher than untraced. The script exits 0 unless the
# program failed (or the set-up did).
#
# Environment: STRETCHTUI_BIN (default build/stretchtui), PAUSE_SECONDS,
# LAUNCHES, BENCH_PMAP=1 (print `pmap -x` at the end of run 1),
# BENCH_KEEP=1 (keep the traces).
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUTINE=${1:-upper-back-15}
SECS=${2:-60}
PAUSE_SECS=${PAUSE_SECONDS:-30}
LAUNCHES=${LAUNCHES:-10}
BIN=${STRETCHTUI_BIN:-$ROOT/build/stretchtui}
case $SECS$PAUSE_SECS$LAUNCHES in *[!0-9]*) echo "usage: $0 [ROUTINE [SECONDS]]" >&2; exit 2 ;; esac

for tool in tmux strace awk; do
	command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: no binary at $BIN (make first)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-bench.XXXXXX")
SOCK="stretchtui-bench-$$"
PID=

btmux() {
	TERM=xterm-256color tmux -f /dev/null -L "$SOCK" "$@" </dev/null
}

cleanup() {
	[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null
	btmux kill-server >/dev/null 2>&1
	if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: traces kept in $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

die() {
	echo "bench: $*" >&2
	for f in "$TMP"/*.err; do [ -s "$f" ] && sed 's/^/  /' "$f" >&2; done
	exit 1
}

now() { date +%s.%N; }

# sleep_until T: until the wall clock (seconds since the epoch) reaches T.
sleep_until() {
	local d
	d=$(awk -v t="$1" -v n="$(now)" 'BEGIN { d = t - n; printf "%.3f", (d > 0 ? d : 0) }')
	sleep "$d"
}

# start NAME: the program in a fresh tmux session NAME, traced into
# $TMP/NAME.trace; its exit status lands in $TMP/NAME.status.
start() {
	local name=$1 run="$TMP/$1.sh"
	mkdir -p "$TMP/$name/config" "$TMP/$name/state" "$TMP/$name/data" "$TMP/$name/cache"
	{
		printf 'trap true INT TERM HUP QUIT\n'
		printf 'env -u STRETCHTUI_PATH -u NO_COLOR -u LINES -u COLUMNS TERM=xterm-256color LC_ALL=C.UTF-8 '
		printf 'XDG_CONFIG_HOME=%s XDG_STATE_HOME=%s XDG_DATA_HOME=%s XDG_CACHE_HOME=%s ' \
			"$TMP/$name/config" "$TMP/$name/state" "$TMP/$name/data" "$TMP/$name/cache"
		printf 'strace -f --seccomp-bpf -ttt -T -s 16 -e trace=execve,poll,ppoll,write,writev '
		printf -- '-o "%s" -- "%s" --no-safety play "%s" 2>"%s"\n' \
			"$TMP/$name.trace" "$BIN" "$ROUTINE" "$TMP/$name.err"
		printf 'echo $? >"%s"\nexec sleep 3600\n' "$TMP/$name.status"
	} >"$run"
	btmux new-session -d -s "$name" -x 80 -y 24 "sh $run" || die "tmux would not start"
	btmux set-option -t "$name" status off >/dev/null
	# the program's pid and exec time: the traced execve that succeeded
	local i
	PID=
	for ((i = 0; i < 200; i++)); do
		read -r PID T_EXEC < <(awk '$3 ~ /^execve\(/ && / = 0 </ { print $1, $2; exit }' \
			"$TMP/$name.trace" 2>/dev/null)
		[ -n "${PID:-}" ] && break
		[ -e "$TMP/$name.status" ] && die "$name: the program did not start"
		sleep 0.05
	done
	[ -n "${PID:-}" ] || die "$name: no execve in the trace after 10 s"
	# the first frame is out when the program first waits
	for ((i = 0; i < 200; i++)); do
		grep -q ' p\?poll(' "$TMP/$name.trace" && return 0
		[ -e "$TMP/$name.status" ] && die "$name: the program exited before drawing"
		sleep 0.05
	done
	die "$name: nothing drawn after 10 s"
}

# cpu_ns: the program's time on the CPU so far (ns), from schedstat.
cpu_ns() { awk '{ print $1 }' "/proc/$PID/schedstat" 2>/dev/null; }
# cpu_ticks: utime + stime from /proc/PID/stat, in clock ticks.
cpu_ticks() { sed 's/.*) //' "/proc/$PID/stat" 2>/dev/null | awk '{ print $12 + $13 }'; }
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$PID/status" 2>/dev/null; }

# stop NAME: ends the program (SIGTERM) and waits for its status.
stop() {
	local name=$1 i
	[ -e "$TMP/$name.status" ] || kill -TERM "$PID" 2>/dev/null
	for ((i = 0; i < 100; i++)); do
		[ -s "$TMP/$name.status" ] && break
		[ "$i" = 60 ] && kill -KILL "$PID" 2>/dev/null   # 3 s: stuck
		sleep 0.05
	done
	PID=
	local st
	st=$(cat "$TMP/$name.status" 2>/dev/null)
	# 0: the routine ended; 143: our SIGTERM
	case $st in
	0 | 143) ;;
	'') die "$name: the program did not end after SIGTERM" ;;
	*) die "$name: the program exited with status $st" ;;
	esac
}

# tally TRACE FROM TO: counts over the syscalls that returned in [FROM, TO]
# (epoch seconds): "polls timeouts events writes bytes".
tally() {
	awk -v from="$2" -v to="$3" '
	$NF !~ /^<[0-9.]+>$/ { next }          # unfinished: no return yet
	{ d = $NF; gsub(/[<>]/, "", d); t = $2 + d }
	t < from || t > to { next }
	$3 ~ /^p?poll\(/ {
		rv = $0; sub(/^[^)]*\) = /, "", rv)
		polls++
		if (rv ~ /^0/) timeouts++; else if (rv ~ /^[1-9]/) events++
	}
	$3 ~ /^writev?\(1,$/ && $(NF - 2) == "=" && $(NF - 1) > 0 {
		writes++; bytes += $(NF - 1)
	}
	END { printf "%d %d %d %d %d\n", polls, timeouts, events, writes, bytes }' "$1"
}

# first_frame TRACE: when the first frame was complete (epoch seconds): the
# end of the last write on fd 1 before the program first waited.
first_frame() {
	awk '$3 ~ /^writev?\(1,$/ { d = $NF; gsub(/[<>]/, "", d); t = $2 + d }
	     $3 ~ /^p?poll\(/ { printf "%.6f\n", t + 1e-6; exit }' "$1"
}

ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }

echo "stretchtui bench: $ROUTINE, ${SECS} s at 80x24 ($BIN)"
# a session that outlives the others: tmux ends its server with the last
# session, and a new one started then can find it going away
btmux new-session -d -s hold "sleep 3600" || die "tmux would not start"

# ---- 1. playing -------------------------------------------------------------
start play
t_end=$(awk -v t="$T_EXEC" -v s="$SECS" 'BEGIN { printf "%.6f", t + s }')
t_first=$(first_frame "$TMP/play.trace")
sleep_until "$(awk -v t="$T_EXEC" 'BEGIN { printf "%.6f", t + 1 }')"
ns_1s=$(cpu_ns)
# sampled every second, so that a routine that ends early still has figures
while :; do
	sample=$(cpu_ns)
	[ -n "$sample" ] || break
	ns=$sample ticks=$(cpu_ticks) hwm=$(status_kb VmHWM) rss=$(status_kb VmRSS)
	anon=$(status_kb RssAnon) file=$(status_kb RssFile)
	left=$(awk -v t="$t_end" -v n="$(now)" 'BEGIN { d = t - n; printf "%.3f", (d < 1 ? d : 1) }')
	case $left in -* | 0.000) break ;; esac
	sleep "$left"
done
[ -n "${ns_1s:-}" ] && [ -n "${ns:-}" ] || die "play: the program ended within a second"
if [ -e "$TMP/play.status" ]; then
	t_end=$(awk '/exited with/ { print $2 }' "$TMP/play.trace")
	echo "  (the routine ended after $(ms "$T_EXEC" "$t_end") ms)"
fi
if [ "${BENCH_PMAP:-}" = 1 ] && command -v pmap >/dev/null; then
	pmap -x "$PID" >"$TMP/pmap.txt" 2>/dev/null
fi
stop play
read -r polls timeouts events writes bytes < <(tally "$TMP/play.trace" "$T_EXEC" "$t_end")
read -r _ _ _ writes0 bytes0 < <(tally "$TMP/play.trace" "$T_EXEC" "$t_first")
fmt_ms() { awk -v n="$1" 'BEGIN { printf "%.1f ms", n / 1e6 }'; }
# " = X/min" when the run was not a minute long
span=$(awk -v a="$T_EXEC" -v b="$t_end" 'BEGIN { printf "%.3f", b - a }')
per_min() {
	awk -v x="$1" -v s="$span" -v u="${2:-}" \
		'BEGIN { if (s < 59.5 || s > 60.5) printf " = %.1f%s/min", x * 60 / s, u }'
}
printf '  %-26s %s\n' \
	"CPU (schedstat)" "$(fmt_ms "$ns")$(per_min "$(awk -v n="$ns" 'BEGIN { print n / 1e6 }')" " ms"); first second $(fmt_ms "$ns_1s"), then $(fmt_ms $((ns - ns_1s)))" \
	"CPU (utime+stime)" "$((ticks * 1000 / $(getconf CLK_TCK))) ms (in $((1000 / $(getconf CLK_TCK))) ms ticks)" \
	"wake-ups (poll returns)" "$polls: $timeouts timeouts, $events with input$(per_min "$polls")" \
	"bytes written to fd 1" "$bytes in $writes writes, $bytes0 of them the first frame$(per_min "$bytes" "")" \
	"peak RSS (VmHWM)" "$hwm kB (at the end $rss kB: $anon anon, $file file)" \
	"first frame" "$(ms "$T_EXEC" "$t_first") ms after execve"
[ -s "$TMP/pmap.txt" ] && sed 's/^/    /' "$TMP/pmap.txt"
btmux kill-session -t play >/dev/null 2>&1

# ---- 2. launches ------------------------------------------------------------
# The first frame varies from launch to launch by a millisecond or more:
# LAUNCHES more starts, each stopped once its first frame is out.
if [ "$LAUNCHES" -gt 0 ]; then
	: >"$TMP/launches"
	for ((k = 1; k <= LAUNCHES; k++)); do
		start "launch$k"
		echo "$(ms "$T_EXEC" "$(first_frame "$TMP/launch$k.trace")") $(status_kb VmHWM)" \
			"$(awk -v n="$(cpu_ns)" 'BEGIN { printf "%.2f", n / 1e6 }')" >>"$TMP/launches"
		stop "launch$k"
		btmux kill-session -t "launch$k" >/dev/null 2>&1
	done
	# min, median, max of a column
	spread() { sort -n | awk '{ v[NR] = $1 } END { printf "min %s, median %s, max %s", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
	printf '  %-26s %s ms\n' "first frame, $LAUNCHES launches" "$(awk '{ print $1 }' "$TMP/launches" | spread)"
	printf '  %-26s %s kB\n' "peak RSS, $LAUNCHES launches" "$(awk '{ print $2 }' "$TMP/launches" | spread)"
	printf '  %-26s %s ms\n' "CPU to first frame" "$(awk '{ print $3 }' "$TMP/launches" | spread)"
fi

# ---- 3. paused --------------------------------------------------------------
echo "paused: space after 1 s, then ${PAUSE_SECS} s measured"
start pause
sleep_until "$(awk -v t="$T_EXEC" 'BEGIN { printf "%.6f", t + 1 }')"
t_key=$(now)
btmux send-keys -t pause:0.0 Space
sleep 1
t0=$(now) ns0=$(cpu_ns)
sleep "$PAUSE_SECS"
t1=$(now) ns1=$(cpu_ns)
[ -n "$ns1" ] || die "pause: the program ended while paused"
stop pause
read -r polls timeouts events writes bytes < <(tally "$TMP/pause.trace" "$t0" "$t1")
# the key: the first poll after it was sent that returned input, then the
# end of the first write after that
lat=$(awk -v from="$t_key" '
	{ d = $NF; gsub(/[<>]/, "", d); t = $2 + d }
	t < from { next }
	!seen && $3 ~ /^p?poll\(/ && /revents=POLLIN/ && /fd=0, revents/ { seen = t; next }
	seen && $3 ~ /^writev?\(1,$/ { printf "%.2f ms", (t - seen) * 1000; exit }' "$TMP/pause.trace")
printf '  %-26s %s\n' \
	"wake-ups while paused" "$polls (target 0)" \
	"bytes written while paused" "$bytes" \
	"CPU while paused" "$(awk -v a="$ns0" -v b="$ns1" 'BEGIN { printf "%.2f ms", (b - a) / 1e6 }')" \
	"key to redraw (space)" "${lat:-not seen}"
exit 0
