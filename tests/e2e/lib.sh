# lib.sh — helpers for the end-to-end tests, which drive the real binary in
# a private tmux server (send-keys, capture-pane). Source it from a test;
# the binary is $STRETCHTUI_BIN. Every wait is bounded; the server is
# always killed on exit.

: "${STRETCHTUI_BIN:?set STRETCHTUI_BIN to the stretchtui binary}"
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
E2E_DATA=$(cd "$E2E_DIR/../data/e2e" && pwd)
E2E_NAME=$(basename "$0" .sh)
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-e2e.XXXXXX")
E2E_SOCK="stretchtui-e2e-$$-$E2E_NAME"
E2E_PANE="e2e:0.0"
E2E_LOCALE=C.UTF-8
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || E2E_LOCALE=C

e2e_tmux() {
	TERM=xterm-256color tmux -f /dev/null -L "$E2E_SOCK" "$@" </dev/null
}

e2e_cleanup() {
	e2e_tmux kill-server >/dev/null 2>&1
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT

fail() {
	echo "FAIL $E2E_NAME: $*" >&2
	echo "---- screen:" >&2
	e2e_screen >&2 2>/dev/null
	exit 1
}

# The environment the program runs in: private state and config, a known
# terminal and locale, nothing inherited that changes the program.
e2e_env() {
	printf 'env -u STRETCHTUI_PATH -u NO_COLOR -u LINES -u COLUMNS TERM=xterm-256color '
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
	printf '\necho $? >"%s/status"\nexec sleep 600\n' "$E2E_TMP" >>"$E2E_TMP/run.sh"
	# the wrapper outlives the signals the program gets (Ctrl-C goes to both)
	printf 'trap true INT TERM HUP QUIT\n%s' "$(cat "$E2E_TMP/run.sh")" >"$E2E_TMP/run.sh"
	e2e_tmux new-session -d -s e2e -x "$cols" -y "$rows" "sh $E2E_TMP/run.sh" ||
		fail "tmux would not start"
	e2e_tmux set-option -t e2e status off >/dev/null
}

# e2e_shell COLS ROWS: an interactive shell in the pane, for tests that
# look at what is left after the program ends.
e2e_shell() {
	if command -v bash >/dev/null; then
		sh_cmd="$(command -v bash) --norc --noprofile -i"
	else
		sh_cmd="sh -i"
	fi
	e2e_tmux new-session -d -s e2e -x "$1" -y "$2" "$(e2e_env) PS1='$ ' $sh_cmd" ||
		fail "tmux would not start"
	e2e_tmux set-option -t e2e status off >/dev/null
}

e2e_screen() {
	e2e_tmux capture-pane -p -t "$E2E_PANE"
}

e2e_keys() {
	e2e_tmux send-keys -t "$E2E_PANE" "$@"
}

# e2e_wait TEXT [SECONDS]: until the screen shows TEXT (fixed string).
e2e_wait() {
	n=$(( ${2:-5} * 20 ))
	while [ "$n" -gt 0 ]; do
		e2e_screen | grep -qF -- "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	fail "timed out waiting for '$1'"
}

# e2e_wait_gone TEXT [SECONDS]: until TEXT has left the screen.
e2e_wait_gone() {
	n=$(( ${2:-5} * 20 ))
	while [ "$n" -gt 0 ]; do
		e2e_screen | grep -qF -- "$1" || return 0
		sleep 0.05
		n=$((n - 1))
	done
	fail "timed out waiting for '$1' to go"
}

# e2e_status [SECONDS]: the program's exit status, once it has ended.
e2e_status() {
	n=$(( ${1:-5} * 20 ))
	while [ "$n" -gt 0 ]; do
		[ -s "$E2E_TMP/status" ] && { cat "$E2E_TMP/status"; return 0; }
		sleep 0.05
		n=$((n - 1))
	done
	fail "the program did not end"
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

# elapsed + left from one screen: the session's planned total, in seconds.
e2e_total() {
	e2e_screen | sed -n 's/.* \([0-9][0-9]\):\([0-9][0-9]\) elapsed  \([0-9][0-9]\):\([0-9][0-9]\) left.*/\1 \2 \3 \4/p' |
		awk 'NR == 1 { print $1 * 60 + $2 + $3 * 60 + $4 }'
}
