#!/usr/bin/env bash
# hot.sh — writes src/hot.txt, the functions a play runs, which the
# Makefile links first (see there). Not a test: run it by hand after a
# change that moves code between functions, then `make` and `make bench`
# (its "code" row shows what a play keeps resident).
#
#   tests/bench/hot.sh            (needs tmux and valgrind; about a minute)
#
# A play of upper-back-15 runs under callgrind in a 100x30 tmux window
# (first frame, pause, resume, skip, back, help), after one that keeps the
# routine in the cache (rcache.h) as a real start finds it. The program's
# functions it ran are the list, by their sections' names (a clone such
# as NAME.constprop.0 under its own): together they fit one 64 KiB
# window of code.
set -u
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${STRETCHTUI_BIN:-$ROOT/build/stretchtui}
OUT=$ROOT/src/hot.txt
for tool in tmux valgrind callgrind_annotate; do
	command -v "$tool" >/dev/null || { echo "hot: needs $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "hot: no binary at $BIN (make first)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-hot.XXXXXX")
SOCK=$TMP/tmux.sock
htmux() { TERM=xterm-256color tmux -f /dev/null -S "$SOCK" "$@" </dev/null; }
trap 'htmux kill-server >/dev/null 2>&1; [ -n "${HOT_KEEP:-}" ] && echo "hot: kept $TMP" >&2 || rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM HUP
mkdir -p "$TMP/config" "$TMP/state" "$TMP/empty"
htmux new-session -d -s hold -x 100 -y 30 "sleep 3600" || { echo "hot: tmux would not start" >&2; exit 1; }
htmux set-option -g status off >/dev/null

# profile NAME "KEYS" ARGS...: callgrind of the program in a window, the
# keys sent a word at a time ("w1.5" waits 1.5 s), then ended by TERM.
profile() {
	local name=$1 keys=$2 k i
	shift 2
	htmux new-window -d -n "$name" "env -u NO_COLOR -u LINES -u COLUMNS TERM=xterm-256color \
LC_ALL=C.UTF-8 XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state STRETCHTUI_PATH=$TMP/empty \
valgrind --tool=callgrind --callgrind-out-file=$TMP/$name.cg --log-file=$TMP/$name.log \
$BIN --no-safety $*; echo \$? >$TMP/$name.done; exec sleep 3600"
	sleep 4
	for k in $keys; do
		case $k in
		w*) sleep "${k#w}" ;;
		*) htmux send-keys -t "hold:$name" "$k" ;;
		esac
	done
	pkill -TERM -f "callgrind-out-file=$TMP/$name.cg" 2>/dev/null
	for ((i = 0; i < 100; i++)); do [ -s "$TMP/$name.done" ] && break; sleep 0.1; done
	# "file:function" of the program's own functions (callgrind names a
	# recursive call NAME'2)
	callgrind_annotate --threshold=100 "$TMP/$name.cg" 2>/dev/null |
		awk -v bin="[$BIN]" '$NF == bin { sub(/^.*src\//, "", $(NF-1)); print $(NF-1) }' |
		sed "s/'[0-9]*\$//" | sort -u >"$TMP/$name.fns"
	[ -s "$TMP/$name.fns" ] || { echo "hot: the $name profile found nothing" >&2; exit 1; }
}
# A run first, so that the routine is kept (rcache.h) as in a real start.
profile warm "w1" play upper-back-15
profile play "w1 Space w1.5 Space w4 n w2 b w2 ? w1.5 Escape w1" play upper-back-15

# group FILE: "# file.c" above each file's names (main is placed by the
# Makefile with the start-up code)
group() { awk -F: '$2 != "main" { if ($1 != f) { f = $1; print "# " f } print $2 }' "$1"; }
{
	sed -n '1,/^$/p' "$OUT"
	group "$TMP/play.fns"
} >"$TMP/hot.txt"
mv "$TMP/hot.txt" "$OUT"
echo "hot: $(grep -c '^[A-Za-z_]' "$OUT") functions in $OUT"
