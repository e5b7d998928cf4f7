# lib.sh — helpers for the end-to-end tests, which drive the real binary in
# a private tmux server (send-keys, capture-pane). Source it from a test;
# the binary is $STRETCHTUI_BIN. Every wait is bounded. When the test ends,
# however it ends, every process it started in tmux is gone and its
# temporary directory (which holds the tmux socket) is removed.

: "${STRETCHTUI_BIN:?set STRETCHTUI_BIN to the stretchtui binary}"
# The tests' own grep, sed and awk match bytes, whatever the caller's
# locale; the program gets its locale from e2e_env.
LC_ALL=C
export LC_ALL
unset TMUX TMUX_PANE
case $0 in */*) E2E_DIR=${0%/*} ;; *) E2E_DIR=. ;; esac
E2E_DIR=$(cd "$E2E_DIR" && pwd)
. "$E2E_DIR/common.sh"
E2E_DATA=$(cd "$E2E_DIR/../data/e2e" && pwd) || exit 1
E2E_NAME=${0##*/}
E2E_NAME=${E2E_NAME%.sh}
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-e2e.XXXXXX") || exit 1
E2E_SOCK="$E2E_TMP/tmux.sock"
[ ${#E2E_SOCK} -lt 100 ] || { echo "e2e: TMPDIR is too long for a socket path" >&2; rm -rf "$E2E_TMP"; exit 1; }
E2E_PANE="e2e:0.0"
# The program's locale (run.sh finds it out once for all the tests and
# passes E2E_LOCALE down).
[ -n "${E2E_LOCALE:-}" ] || E2E_LOCALE=$(e2e_locale)
# The pane stays open, as it was, after its program ends: no "Pane is
# dead" line (tmux 3.3's remain-on-exit-format; -q where it is unknown).
printf 'set -g status off\nset -g remain-on-exit on\nset -gq remain-on-exit-format ""\n' \
	>"$E2E_TMP/tmux.conf"

# (descriptor 7, the test's end of $E2E_FIFO, is not handed on)
e2e_tmux() {
	TERM=xterm-256color tmux -f "$E2E_TMP/tmux.conf" -S "$E2E_SOCK" "$@" </dev/null 7>&-
}

# The tmux server and everything under it: its descendants, and whatever
# is left in a pane's session (a pane is a session leader) after its
# parent has gone.
e2e_procs() {
	# the server's pid, then the live panes' (a dead pane's pid may belong
	# to someone else by now)
	panes=$(e2e_tmux list-panes -a -F '#{pid} #{?pane_dead,,#{pane_pid}}' 2>/dev/null) ||
		return 0
	srv=${panes%% *}
	panes=$(printf '%s\n' "$panes" | while read -r _ p; do printf '%s ' "$p"; done)
	e2e_ps | awk -v srv="$srv" -v panes="$panes" '
		{ pid[NR] = $1; parent[$1] = $2; sid[$1] = $3 }
		END {
			n = split(panes, p, " ")
			for (i = 1; i <= n; i++) lead[p[i]] = 1
			for (i = 1; i <= NR; i++) {
				x = pid[i]
				if (sid[x] in lead) { print x; continue }
				for (d = 0; x != "" && x > 1 && d < 64; d++) {
					if (x == srv) { print pid[i]; break }
					x = parent[x]
				}
			}
		}'
}

# e2e_ps: "PID PPID SID" of every process, read from /proc where there is
# one (ps takes 20 ms; one cat of the stat files, 3); a name in a stat
# line may hold spaces and parentheses, so its fields are counted from
# the last ") ".
e2e_ps() {
	if [ -r /proc/self/stat ]; then
		cat /proc/[0-9]*/stat 2>/dev/null |
			awk '{ pid = $1; sub(/.*\) /, ""); print pid, $2, $4 }'
	else
		ps -A -o pid= -o ppid= -o sid= 2>/dev/null || ps -A -o pid= -o ppid= -o pgid=
	fi
}

# e2e_alive PID...: the ones still running (a zombie has ended). The
# state is read from /proc where there is one (no ps to start each time).
e2e_alive() {
	for p in "$@"; do
		if [ -r /proc/self/stat ]; then
			read -r st 2>/dev/null </proc/"$p"/stat || continue
			st=${st##*) }
		else
			st=$(ps -o stat= -p "$p" 2>/dev/null) || continue
		fi
		case $st in Z*|X*|"") ;; *) echo "$p" ;; esac
	done
}

# e2e_stop: ends the tmux server and every process started in it. The
# server's SIGHUP lets the programs restore the terminal; what is still
# there after a second (a stopped job, a process that ignores SIGHUP) is
# continued and killed.
# e2e_outlive PID...: waits up to a second for them to end; sets $procs
# to those still running.
e2e_outlive() {
	procs=$*
	n=20
	while [ -n "$procs" ] && [ "$n" -gt 0 ]; do
		procs=$(e2e_alive $procs)
		[ -n "$procs" ] && sleep 0.05
		n=$((n - 1))
	done
}

e2e_stop() {
	procs=$(e2e_procs)
	e2e_tmux kill-server >/dev/null 2>&1
	e2e_outlive $procs
	if [ -n "$procs" ]; then
		kill -CONT $procs 2>/dev/null
		kill -KILL $procs 2>/dev/null
		e2e_outlive $procs
	fi
	rm -f "$E2E_SOCK"
}

e2e_cleanup() {
	e2e_stop
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
	echo "FAIL $E2E_NAME: $*" >&2
	echo "---- screen:" >&2
	e2e_screen >&2 2>/dev/null
	exit 1
}

# The environment the program runs in: private state and config, a known
# terminal and locale, nothing inherited that changes the program (nor
# descriptor 7).
e2e_env() {
	printf '7>&- env -u STRETCHTUI_PATH -u NO_COLOR -u LINES -u COLUMNS TERM=xterm-256color '
	printf '%s LC_ALL=%s XDG_STATE_HOME=%s/state XDG_CONFIG_HOME=%s/config ' "${E2E_ENV:-}" \
		"$E2E_LOCALE" "$E2E_TMP" "$E2E_TMP"
}

# e2e_start COLS ROWS ARGS...: runs the binary in a fresh pane; its exit
# status lands in $E2E_TMP/status and the pane stays open.
e2e_start() {
	cols=$1 rows=$2
	shift 2
	printf '%s' "$(e2e_env)" >"$E2E_TMP/run.sh"
	printf '"%s"' "$STRETCHTUI_BIN" >>"$E2E_TMP/run.sh"
	for a in "$@"; do printf " '%s'" "$a" >>"$E2E_TMP/run.sh"; done
	printf '\necho $? >"%s/status"\n' "$E2E_TMP" >>"$E2E_TMP/run.sh"
	printf 'e2e_poke\n' >>"$E2E_TMP/run.sh"
	# the wrapper outlives the signals the program gets (Ctrl-C goes to both)
	printf 'trap true INT TERM HUP QUIT\n%s\n%s' "$(e2e_poke_fn)" "$(cat "$E2E_TMP/run.sh")" >"$E2E_TMP/run.sh"
	e2e_tmux new-session -d -s e2e -x "$cols" -y "$rows" "sh $E2E_TMP/run.sh" \; \
		pipe-pane -t "$E2E_PANE" "$(e2e_pipe_cmd)" || fail "tmux would not start"
	return 0
}

# e2e_shell COLS ROWS [sh]: an interactive shell in the pane (bash when
# there is one, or sh when asked: sh does not repair the terminal modes a
# program leaves behind), for tests that look at what is left after the
# program ends.
e2e_shell() {
	if [ "${3:-}" != sh ] && command -v bash >/dev/null; then
		sh_cmd="$(command -v bash) --norc --noprofile -i"
	else
		sh_cmd="sh -i"
	fi
	e2e_tmux new-session -d -s e2e -x "$1" -y "$2" "$(e2e_env) PS1='$ ' $sh_cmd" \; \
		pipe-pane -t "$E2E_PANE" "$(e2e_pipe_cmd)" || fail "tmux would not start"
	return 0
}

e2e_screen() {
	e2e_tmux capture-pane -p -t "$E2E_PANE"
}

e2e_keys() {
	e2e_tmux send-keys -t "$E2E_PANE" "$@"
}

# Waiting. What the pane writes goes (pipe-pane) into the FIFO $E2E_FIFO,
# which the test holds open on descriptor 7, and so does a byte from each
# helper that ends a wait of its own (the wrapper once the status is
# written, the fake speech command once it has logged): a wait looks again
# when something may have changed, or at the latest 0.5 s after it last
# looked, instead of forking a look twenty times a second.
E2E_FIFO=$E2E_TMP/e2e.fifo
mkfifo "$E2E_FIFO" && exec 7<>"$E2E_FIFO" || { rm -rf "$E2E_TMP"; exit 1; }

# e2e_pipe [FILE]: the pane's output into $E2E_FIFO, and appended to FILE
# as well when one is named (the pipe it replaces is closed); nothing when
# the pane's program has already ended. (e2e_start and e2e_shell open the
# first pipe in the same tmux command as the pane.)
e2e_pipe_cmd() {
	if [ -n "${1:-}" ]; then
		printf "exec tee -a '%s' >'%s'" "$1" "$E2E_FIFO"
	else
		printf "exec cat >'%s'" "$E2E_FIFO"
	fi
}

e2e_pipe() {
	e2e_tmux pipe-pane -t "$E2E_PANE" "$(e2e_pipe_cmd "${1:-}")" 2>/dev/null
}

# e2e_poke_fn: the shell function e2e_poke, for scripts the test writes:
# a byte into $E2E_FIFO (opened read-write, so that it never blocks).
e2e_poke_fn() {
	printf 'e2e_poke() { [ -p "%s" ] && printf . 1<>"%s"; }' "$E2E_FIFO" "$E2E_FIFO"
}
eval "$(e2e_poke_fn)"

# e2e_until SECONDS COMMAND...: until COMMAND succeeds; 1 after SECONDS
# (whole seconds).
e2e_until() {
	e2e_now
	end=$((now + $1 * 100))
	shift
	until "$@"; do
		e2e_now
		[ "$now" -lt "$end" ] || return 1
		timeout 0.5 dd bs=65536 count=1 status=none <&7 >/dev/null 2>&1
	done
	return 0
}

# e2e_shows TEXT: the screen shows TEXT (a fixed string); the screen it
# looked at is $e2e_seen.
e2e_shows() {
	e2e_seen=$(e2e_screen)
	case $e2e_seen in *"$1"*) return 0 ;; esac
	return 1
}

e2e_lacks() {
	! e2e_shows "$1"
}

# e2e_wait TEXT [SECONDS]: until the screen shows TEXT; $e2e_seen is
# that screen (one that is up only briefly: look at it, not again).
e2e_wait() {
	e2e_until "${2:-5}" e2e_shows "$1" || fail "timed out waiting for '$1'"
}

# e2e_wait_gone TEXT [SECONDS]: until TEXT has left the screen.
e2e_wait_gone() {
	e2e_until "${2:-5}" e2e_lacks "$1" || fail "timed out waiting for '$1' to go"
}

e2e_ended() {
	[ -s "$E2E_TMP/status" ]
}

# e2e_status [SECONDS]: the program's exit status, once it has ended.
e2e_status() {
	e2e_until "${1:-5}" e2e_ended || fail "the program did not end"
	cat "$E2E_TMP/status"
}

# The "MM:SS elapsed  MM:SS left" clocks of the player's header, as seconds.
e2e_elapsed() {
	e2e_screen | sed -n 's/.* \([0-9][0-9]\):\([0-9][0-9]\) elapsed.*/\1 \2/p' |
		awk 'NR == 1 { print $1 * 60 + $2 }'
}

e2e_left() {
	e2e_screen | sed -n 's/.* \([0-9][0-9]\):\([0-9][0-9]\) left.*/\1 \2/p' |
		awk 'NR == 1 { print $1 * 60 + $2 }'
}

# e2e_elapsed_over SECONDS: the header shows more than SECONDS elapsed.
e2e_elapsed_over() {
	e=$(e2e_elapsed)
	[ -n "$e" ] && [ "$e" -gt "$1" ]
}

# elapsed + left from one screen: the session's planned total, in seconds.
e2e_total() {
	e2e_screen | sed -n 's/.* \([0-9][0-9]\):\([0-9][0-9]\) elapsed  \([0-9][0-9]\):\([0-9][0-9]\) left.*/\1 \2 \3 \4/p' |
		awk 'NR == 1 { print $1 * 60 + $2 + $3 * 60 + $4 }'
}
