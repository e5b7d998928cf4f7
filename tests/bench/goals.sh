#!/usr/bin/env bash
# goals.sh — the figures behind the memory, start-up and scale goals, each
# beside its goal and, where the goal is a ratio, measured against a floor
# in the same run (times on a shared machine move with its load). Figures,
# not a test: `make bench` runs it; `make test` does not.
#
#   tests/bench/goals.sh [ROUTINE]            (upper-back-15)
#
# 1. memory    peak RSS (VmHWM) at 100x30 of a minimal ncursesw program
#              with setlocale(LC_CTYPE) (floor.c, built here), of ROUTINE
#              played full-screen and in plain mode, a second after start,
#              the median of ROUNDS (3) interleaved rounds (ROUTINE
#              kept in the routine cache first, by show; the least and
#              most a round was above its floor; and the first play,
#              which parses it, once after them); and where
#              the full screen's resident KiB are then (smaps): the
#              program's code, the rest of its file, heap and stack, the
#              rest, and libyaml (opened only to parse: none).
# 2. start-up  instructions to the first frame (valgrind's callgrind; the
#              process ends at its first poll(), see atpoll.c) of the same
#              three, ROUTINE kept in the routine cache (rcache.h) by the
#              runs before; and full-screen once more with the cache
#              emptied first (parsed).
# 3. catalog   10, 100, 1000, 10000 generated files (gen.sh) in
#              STRETCHTUI_PATH, left 3 s to age (newer files are not
#              kept) and listed once (parsed, its time shown too; that
#              keeps list's rows, and at most 32 routines): then
#              `list`, `show ONE` and the menu's first frame, in
#              instructions (growth per 10x) and wall time (median of 3;
#              runner.c), `list`'s peak RSS.
# 4. wake-ups  --plain on a routine of long holds (10 min each, the
#              default 5 s get-ready first): poll() returns in the first
#              WAKE_SECONDS (60) from the start, per minute; then while
#              paused for PAUSE_SECONDS (15).
#
# Environment: STRETCHTUI_BIN (build/stretchtui), ROUNDS, WAKE_SECONDS,
# PAUSE_SECONDS (15), BENCH_FILES ("10 100 1000 10000"), BENCH_KEEP=1.
# Needs tmux, valgrind, strace and a C compiler with ncursesw.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/bench
ROUTINE=${1:-upper-back-15}
BIN=${STRETCHTUI_BIN:-$ROOT/build/stretchtui}
ROUNDS=${ROUNDS:-3}
WAKE_SECS=${WAKE_SECONDS:-60}
PAUSE_SECS=${PAUSE_SECONDS:-15}
FILES=${BENCH_FILES:-10 100 1000 10000}
CC=${CC:-cc}

for tool in tmux valgrind strace awk readelf nm pkg-config "$CC"; do
	command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: no binary at $BIN (make first)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-goals.XXXXXX")
SOCK=$TMP/tmux.sock
cleanup() {
	btmux kill-server >/dev/null 2>&1
	if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
die() { echo "bench: $*" >&2; exit 1; }
btmux() { TERM=xterm-256color tmux -f /dev/null -S "$SOCK" "$@" </dev/null; }

# ---- the helpers --------------------------------------------------------------
"$CC" -O2 -o "$TMP/floor" "$HERE/floor.c" $(pkg-config --cflags --libs ncursesw) ||
	die "cannot build floor.c (ncursesw)"
"$CC" -O2 -shared -fPIC -o "$TMP/atpoll.so" "$HERE/atpoll.c" || die "cannot build atpoll.c"
"$CC" -O2 -o "$TMP/runner" "$HERE/runner.c" || die "cannot build runner.c"
mkdir -p "$TMP/config" "$TMP/state" "$TMP/empty"
ENV="env -u NO_COLOR -u LINES -u COLUMNS TERM=xterm-256color LC_ALL=C.UTF-8 \
XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state"
btmux new-session -d -s hold -x 100 -y 30 "sleep 3600" || die "tmux would not start"
btmux set-option -g status off >/dev/null
btmux set-option -g default-size 100x30 >/dev/null 2>&1

# pane NAME CMD...: CMD (with ENV, STRETCHTUI_PATH=$SPATH) in a fresh
# 100x30 window, exec'd from a shell whose pid it keeps; sets PID.
pane() {
	local name=$1 i
	shift
	rm -f "$TMP/$name.done" "$TMP/$name.pid"
	printf 'echo $$ >%s.pid\nexec %s STRETCHTUI_PATH=%s %s\n' "$TMP/$name" "$ENV" \
		"${SPATH:-$TMP/empty}" "$*" >"$TMP/$name.sh"
	btmux new-window -d -n "$name" "sh $TMP/$name.sh; echo \$? >$TMP/$name.done; exec sleep 3600" ||
		die "tmux would not start $name"
	for ((i = 0; i < 250; i++)); do
		[ -s "$TMP/$name.pid" ] && { PID=$(cat "$TMP/$name.pid"); return 0; }
		sleep 0.02
	done
	die "$name: did not start"
}
# wait_done NAME [TENTHS]: until the pane's command has ended.
wait_done() {
	local i
	for ((i = 0; i < ${2:-600}; i++)); do
		[ -s "$TMP/$1.done" ] && { btmux kill-window -t "$1" >/dev/null 2>&1; return 0; }
		sleep 0.1
	done
	die "$1: did not end"
}
close() { kill -TERM "$PID" 2>/dev/null; wait_done "$1" 50; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$PID/status" 2>/dev/null; }
# Where the resident KiB are (smaps): "text file heap stack libyaml
# rest": the program's code, the rest of its file, [heap], [stack], all
# of libyaml's mappings, and everything else (the C library, ncurses,
# locale files, anonymous maps).
parts_kb() {
	awk -v prog="$1" '/^[0-9a-f]+-/ {
		k = "rest"
		if ($6 == prog) k = ($2 ~ /x/) ? "text" : "file"
		else if ($6 == "[heap]") k = "heap"
		else if ($6 == "[stack]") k = "stack"
		else if ($6 ~ /libyaml/) k = "yaml"
	}
	$1 == "Rss:" { s[k] += $2 }
	END { print s["text"] + 0, s["file"] + 0, s["heap"] + 0, s["stack"] + 0, s["yaml"] + 0, s["rest"] + 0 }' \
		"/proc/$PID/smaps" 2>/dev/null
}

# ---- 1. memory ----------------------------------------------------------------
PLAY="$BIN --no-safety play $ROUTINE"
# Every round plays the routine as kept in the routine cache (show keeps
# it): the first play after an install, which parses it, is measured on
# its own after the rounds.
$ENV STRETCHTUI_PATH="$TMP/empty" $BIN show "$ROUTINE" >/dev/null 2>&1 </dev/null ||
	die "show $ROUTINE failed"
for ((r = 1; r <= ROUNDS; r++)); do
	for what in floor full plain; do
		case $what in
		floor) pane m "$TMP/floor" 30 ;;
		full) pane m $PLAY ;;
		plain) pane m "$BIN" --plain --no-safety play "$ROUTINE" ;;
		esac
		sleep 1.2
		echo "$(status_kb VmHWM) $(parts_kb "$(readlink "/proc/$PID/exe")")" >>"$TMP/mem.$what"
		close m
	done
done
rm -rf "$TMP/state/stretchtui/cache"
pane m $PLAY
sleep 1.2
M_COLD=$(status_kb VmHWM)
close m
hwm() { awk '{ print $1 }' "$TMP/mem.$1" | median; }
M_FLOOR=$(hwm floor) M_FULL=$(hwm full) M_PLAIN=$(hwm plain)
# the least and the most a round's full screen was above its floor
M_SPREAD=$(paste -d' ' "$TMP/mem.full" "$TMP/mem.floor" | awk '{ d = $1 - $8
	if (NR == 1 || d < lo) lo = d; if (NR == 1 || d > hi) hi = d } END { print lo " to " hi }')
# part N of WHAT's rounds (the median), 1 = text ... 6 = rest
part() { awk -v k=$(($2 + 1)) '{ print $k }' "$TMP/mem.$1" | median; }

# ---- 2. instructions to the first frame ------------------------------------------
# ir NAME CMD...: callgrind's instruction count, the process ending at
# its first poll() (status 99), in a pane.
ir() {
	local name=$1
	shift
	pane "$name" LD_PRELOAD="$TMP/atpoll.so" \
		valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		--log-file="$TMP/$name.cg" "$@"
	wait_done "$name" 6000
	[ "$(cat "$TMP/$name.done")" = 99 ] || die "$name: ended before its first frame ($(cat "$TMP/$name.done"))"
	awk '/Collected :/ { print $NF }' "$TMP/$name.cg"
}
I_FLOOR=$(ir i-floor "$TMP/floor" 30)
rm -rf "$TMP/state/stretchtui/cache"   # parsed: the routine not kept yet
I_COLD=$(ir i-cold $PLAY)
I_FULL=$(ir i-full $PLAY)              # the routine kept by the run before
I_PLAIN=$(ir i-plain "$BIN" --plain --no-safety play "$ROUTINE")

# ---- 3. the catalog -------------------------------------------------------------
# timed NAME CMD...: the median "ms kib" of 3 runs of CMD (output dropped).
timed() {
	local k
	for k in 1 2 3; do
		env STRETCHTUI_PATH="$SPATH" XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" \
			"$TMP/runner" "$TMP/t.$k" "$@" >/dev/null 2>&1
		cat "$TMP/t.$k"
	done | sort -n | sed -n 2p
}
cg() {   # instructions of CMD run to its end, outside tmux
	env STRETCHTUI_PATH="$SPATH" XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" \
		valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$TMP/c.cg" \
		"$@" >/dev/null 2>&1
	awk '/Collected :/ { print $NF }' "$TMP/c.cg"
}
for n in $FILES; do
	SPATH=$TMP/cat$n
	sh "$HERE/gen.sh" "$SPATH" "$n" || die "gen.sh failed"
	k=$(( n / 2 )); [ $((k % 2)) = 1 ] || k=$((k + 1))
	one=$(printf 'gen-%05d' "$k")   # odd: one that uses the library
	sleep 3                         # files as new as that are not kept (RCACHE_RACY_S: in whole seconds, 2 s is up to 3)
	env STRETCHTUI_PATH="$SPATH" XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" \
		"$TMP/runner" "$TMP/t.cold" "$BIN" list >/dev/null 2>&1   # parses, keeps
	read -r c_ms _ < "$TMP/t.cold"
	read -r l_ms l_kb _ < <(timed "$BIN" list)
	read -r s_ms _ _ < <(timed "$BIN" show "$one")
	l_ir=$(cg "$BIN" list)
	s_ir=$(cg "$BIN" show "$one")
	m_ir=$(ir "menu$n" "$BIN" --no-safety)
	pane "mt$n" LD_PRELOAD="$TMP/atpoll.so" "$TMP/runner" "$TMP/mt$n.out" "$BIN" --no-safety
	wait_done "mt$n" 600
	m_ms=$(awk '{ print $1 }' "$TMP/mt$n.out")
	echo "$n $l_ir $l_ms $l_kb $s_ir $s_ms $m_ir $m_ms $c_ms" >>"$TMP/cat"
	rm -rf "$SPATH"
done
SPATH=$TMP/empty

# ---- 4. plain wake-ups -----------------------------------------------------------
mkdir -p "$TMP/long"
{
	echo "name: Long holds"
	echo "steps:"
	for k in 1 2 3; do printf '  - exercise: {name: Hold %d}\n    hold: 10m\n' "$k"; done
} >"$TMP/long/long-holds.yaml"
pane w strace -f -qq -ttt -e trace=poll,ppoll,select,pselect6,epoll_wait \
	-o "$TMP/w.trace" "$BIN" --plain --no-safety --routines "$TMP/long" play long-holds
t1=$(date +%s.%N)
sleep "$WAKE_SECS"
t2=$(date +%s.%N)
btmux send-keys -t w Space
sleep 1
t3=$(date +%s.%N)
sleep "$PAUSE_SECS"
t4=$(date +%s.%N)
PID=$(pgrep -P "$PID" | head -1)   # the program under strace
close w
# returned calls between two times (epoch seconds), per minute
wakes() {
	awk -v a="$1" -v b="$2" '$2 >= a && $2 <= b && $3 ~ /^(p?poll|p?select6?|epoll_wait)\(/ && !/unfinished/ { n++ }
		/resumed>/ && $2 >= a && $2 <= b { n++ }
		END { printf "%.1f", n * 60 / (b - a) }' "$TMP/w.trace"
}
W_RUN=$(wakes "$t1" "$t2") W_PAUSE=$(wakes "$t3" "$t4")

# ---- the table ----------------------------------------------------------------------
ok() { awk "BEGIN { exit !($1) }" && echo ok || echo MISSED; }
# the size of the program's code: its executable segments (the hot and
# the cold, src/cold.ld), in KiB
text_kib() {
	local sz n=0
	for sz in $(readelf -lW "$BIN" 2>/dev/null | awk '$1 == "LOAD" && / R E / { print $5 }'); do
		n=$(( n + sz ))
	done
	echo $(( n / 1024 ))
}
# "K of N": the names of src/hot.txt (linked first, see the Makefile)
# that the program no longer has
hot_missing() {
	nm --defined-only "$BIN" 2>/dev/null | awk 'NR == FNR { if ($0 ~ /^[A-Za-z_]/) { want[$1] = 1; n++ } next }
		NF == 3 && ($2 == "t" || $2 == "T") && ($3 in want) && !seen[$3]++ { have++ }
		END { printf "%d of %d", n - have, n }' "$ROOT/src/hot.txt" -
}
row() { printf '  %-50s %-26s %-22s %s\n' "$1" "$2" "$3" "$4"; }
echo "stretchtui goals: $BIN, $ROUTINE, $(nproc 2>/dev/null || echo ?) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
row "figure" "measured" "goal" ""
row "floor: ncursesw+setlocale, peak RSS 100x30" "$M_FLOOR KiB" "(the floor)" ""
d=$((M_FULL - M_FLOOR))
row "full-screen peak RSS above the floor" "$d KiB ($M_FULL KiB)" "<= 160 KiB" "$(ok "$d <= 160")"
row "  rounds: above their floor" "$M_SPREAD KiB" "(no goal)" ""
row "  first play, routine not kept yet (parsed)" "$((M_COLD - M_FLOOR)) KiB" "(no goal)" ""
row "plain peak RSS vs the floor" "$((M_PLAIN - M_FLOOR)) KiB ($M_PLAIN KiB)" "< 0 (below the floor)" "$(ok "$M_PLAIN < $M_FLOOR")"
row "  of it: the program's code (of its $(text_kib) KiB)" "$(part full 1) KiB" "(no goal)" ""
row "  src/hot.txt names the program lacks" "$(hot_missing)" "0 (tests/bench/hot.sh)" ""
row "  the rest of the program's file" "$(part full 2) KiB" "(no goal)" ""
row "  heap, stack: above the floor's" "$(( $(part full 3) - $(part floor 3) )), $(( $(part full 4) - $(part floor 4) )) KiB" "(no goal)" ""
row "  everything else: above the floor's" "$(( $(part full 6) - $(part floor 6) )) KiB" "(no goal)" ""
row "libyaml resident at the first frame" "$(part full 5) KiB" "0" "$(ok "$(part full 5) == 0")"
row "floor: instructions to the first frame" "$I_FLOOR" "(the floor)" ""
x=$(awk -v a="$I_FULL" -v b="$I_FLOOR" 'BEGIN { printf "%.2f", a / b }')
row "full-screen instructions, x the floor" "${x}x ($I_FULL)" "<= 2x" "$(ok "$x <= 2")"
x=$(awk -v a="$I_COLD" -v b="$I_FLOOR" 'BEGIN { printf "%.2f", a / b }')
row "  the same, routine not kept yet (parsed)" "${x}x ($I_COLD)" "(no goal)" ""
x=$(awk -v a="$I_PLAIN" -v b="$I_FLOOR" 'BEGIN { printf "%.2f", a / b }')
row "plain instructions, x the floor" "${x}x ($I_PLAIN)" "(no goal)" ""
prev=
while read -r n l_ir l_ms l_kb s_ir s_ms m_ir m_ms c_ms; do
	if [ -n "$prev" ]; then
		read -r pl ps pm <<<"$prev"
		for f in "list $l_ir $pl" "show ONE $s_ir $ps" "menu first frame $m_ir $pm"; do
			set -- $f
			[ "$1" = menu ] && set -- "menu first frame" "$4" "$5"
			[ "$1" = show ] && set -- "show ONE" "$3" "$4"
			g=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", a / b }')
			row "$1: instructions $((n / 10)) -> $n files" "x$g ($2)" "<= x12 per 10x" "$(ok "$g <= 12")"
		done
	fi
	prev="$l_ir $s_ir $m_ir"
	last="$n $l_ms $l_kb $s_ms $m_ms $c_ms"
	[ -z "${first:-}" ] && first="$n $l_ms $l_kb $s_ms $m_ms"
done <"$TMP/cat"
read -r n0 _ _ s0 m0 <<<"$first"
read -r n l_ms l_kb s_ms m_ms c_ms <<<"$last"
row "list at $n files: time" "$l_ms ms" "< 300 ms" "$(ok "$l_ms < 300")"
row "  the same, routines not kept yet (parsed)" "$c_ms ms" "(no goal)" ""
row "list at $n files: peak RSS" "$((l_kb / 1024)) MiB ($l_kb KiB)" "< 16 MiB" "$(ok "$l_kb < 16384")"
row "show ONE at $n files (at $n0: $s0 ms)" "$s_ms ms" "< 5 ms" "$(ok "$s_ms < 5")"
row "menu first frame at $n files (at $n0: $m0 ms)" "$m_ms ms" "< 10 ms" "$(ok "$m_ms < 10")"
row "plain wake-ups a minute, long holds" "$W_RUN" "<= 8" "$(ok "$W_RUN <= 8")"
row "plain wake-ups a minute, paused" "$W_PAUSE" "0" "$(ok "$W_PAUSE == 0")"
exit 0
