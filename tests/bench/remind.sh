#!/usr/bin/env bash
# remind.sh — what waiting for a break costs. Figures, not a test: not run
# by `make test`; run it directly:
#
#   tests/bench/remind.sh [WAIT_SECONDS]          (600: ten minutes)
#
# Starts `remind --every WAIT+65s` four times at once, full-screen in a
# detached tmux at 80x24 and --plain, each once under strace (execve,
# poll, ppoll, write, writev) for the wake-ups and bytes and once without
# for the CPU (strace stops the program at each traced call, which costs
# CPU of its own), with private XDG dirs, C.UTF-8, --quiet --no-notify.
# Then, for each:
#   waiting      WAIT seconds from 2 s after the start, while the countdown
#                shows minutes: wake-ups (poll/ppoll calls with a timeout
#                that returned; ncurses' own poll with none is no wake),
#                CPU (/proc/PID/schedstat), bytes written to fd 1
#   last minute  the 60 s before the break: the same (the screen counts
#                seconds then; plain mode still wakes only at its cap)
# The wait caps every sleep at a minute (schedule.h: a suspend or a clock
# step is seen that soon), so a wait with minutes shown wakes about once
# a minute. Exits 0 unless the set-up failed.
#
# Environment: STRETCHTUI_BIN (default build/stretchtui), BENCH_KEEP=1
# (keep the traces).
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WAIT=${1:-600}
BIN=${STRETCHTUI_BIN:-$ROOT/build/stretchtui}
case $WAIT in '' | *[!0-9]*) echo "usage: $0 [WAIT_SECONDS]" >&2; exit 2 ;; esac
for tool in tmux strace awk; do
	command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: no binary at $BIN (make first)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-bench.XXXXXX")
EVERY=$((WAIT + 65))
declare -A PID T_EXEC

btmux() { TERM=xterm-256color tmux -f /dev/null -S "$TMP/sock" "$@" </dev/null; }
cleanup() {
	for p in "${PID[@]}"; do kill -TERM "$p" 2>/dev/null; done
	btmux kill-server >/dev/null 2>&1
	if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: traces kept in $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
die() { echo "bench: $*" >&2; exit 1; }
now() { date +%s.%N; }
sleep_until() {
	sleep "$(awk -v t="$1" -v n="$(now)" 'BEGIN { d = t - n; printf "%.3f", (d > 0 ? d : 0) }')"
}

# start NAME TRACE ARGS...: remind ARGS in a tmux window, traced into
# $TMP/NAME.trace when TRACE is 1 (else its pid is written to $TMP/NAME.pid)
start() {
	local name=$1 trace=$2 i p t
	shift 2
	mkdir -p "$TMP/$name/config" "$TMP/$name/state"
	{
		printf 'echo $$ >"%s"\n' "$TMP/$name.pid"
		printf 'exec env -u STRETCHTUI_PATH -u NO_COLOR TERM=xterm-256color LC_ALL=C.UTF-8 '
		printf 'XDG_CONFIG_HOME=%s XDG_STATE_HOME=%s ' "$TMP/$name/config" "$TMP/$name/state"
		[ "$trace" = 1 ] &&
			printf 'strace -f --seccomp-bpf -ttt -T -s 16 -e trace=execve,poll,ppoll,write,writev -o "%s" -- ' \
				"$TMP/$name.trace"
		printf -- '"%s" --quiet --no-safety remind --no-notify --every %ss %s 2>"%s"\n' \
			"$BIN" "$EVERY" "$*" "$TMP/$name.err"
	} >"$TMP/$name.sh"
	btmux new-window -d -n "$name" "sh $TMP/$name.sh" || die "tmux would not start"
	for ((i = 0; i < 200; i++)); do
		if [ "$trace" = 1 ]; then
			read -r p t < <(awk '$3 ~ /^execve\(/ && / = 0 </ { print $1, $2; exit }' \
				"$TMP/$name.trace" 2>/dev/null)
		else
			p=$(cat "$TMP/$name.pid" 2>/dev/null) t=$(now)
		fi
		[ -n "${p:-}" ] && break
		sleep 0.05
	done
	[ -n "${p:-}" ] || die "$name: did not start"
	PID[$name]=$p
	T_EXEC[$name]=$t
}

cpu_ns() { awk '{ print $1 }' "/proc/$1/schedstat" 2>/dev/null; }

# tally TRACE FROM TO: "wakes bytes" of the calls that returned in [FROM, TO]
tally() {
	awk -v from="$2" -v to="$3" '
	$NF !~ /^<[0-9.]+>$/ { next }
	{ d = $NF; gsub(/[<>]/, "", d); t = $2 + d }
	t < from || t > to { next }
	$3 ~ /^p?poll\(/ && !/, 0\) = / { wakes++ }     # not the zero-timeout poll of a key read
	$3 ~ /^writev?\(1,$/ && $(NF - 2) == "=" && $(NF - 1) > 0 { bytes += $(NF - 1) }
	END { printf "%d %d\n", wakes, bytes }' "$1"
}

echo "stretchtui bench: remind, waiting ${WAIT} s with minutes shown, then the last minute ($BIN)"
btmux new-session -d -s bench -x 80 -y 24 "sleep 3600" || die "tmux would not start"
start screen 1
start plain 1 --plain
start screen_cpu 0
start plain_cpu 0 --plain
t0=$(awk -v t="${T_EXEC[screen]}" 'BEGIN { printf "%.6f", t + 2 }')
t1=$(awk -v t="$t0" -v w="$WAIT" 'BEGIN { printf "%.6f", t + w }')
t2=$(awk -v t="${T_EXEC[screen]}" -v e="$EVERY" 'BEGIN { printf "%.6f", t + e - 60 }')
t3=$(awk -v t="${T_EXEC[screen]}" -v e="$EVERY" 'BEGIN { printf "%.6f", t + e - 0.2 }')
declare -A NS
for mark in 0 1 2 3; do
	eval "sleep_until \$t$mark"
	for name in screen_cpu plain_cpu; do NS[$name$mark]=$(cpu_ns "${PID[$name]}"); done
done
for name in screen plain; do
	c=${name}_cpu
	[ -n "${NS[${c}3]}" ] || die "$name: ended early: $(cat "$TMP/$c.err")"
	read -r w1 b1 < <(tally "$TMP/$name.trace" "$t0" "$t1")
	read -r w2 b2 < <(tally "$TMP/$name.trace" "$t2" "$t3")
	printf '  %-8s waiting %4d s: %3d wake-ups, %6.2f ms CPU, %6d bytes\n' "$name" "$WAIT" "$w1" \
		"$(awk -v a="${NS[${c}0]}" -v b="${NS[${c}1]}" 'BEGIN { print (b - a) / 1e6 }')" "$b1"
	printf '  %-8s last minute: %3d wake-ups, %6.2f ms CPU, %6d bytes\n' "$name" "$w2" \
		"$(awk -v a="${NS[${c}2]}" -v b="${NS[${c}3]}" 'BEGIN { print (b - a) / 1e6 }')" "$b2"
done
exit 0
