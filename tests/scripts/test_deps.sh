#!/bin/sh
# scripts/install-deps.sh and scripts/have-deps.sh with stub commands:
# PATH holds only a temporary directory of stubs (id, sudo, apt-get, cc,
# ...), each logging its arguments, so nothing real is ever installed.
# Asserts what the script prints or runs for root, for a user with or
# without a working sudo, and without apt-get.
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-deps.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
sh=$(command -v sh)
pkgs="build-essential pkg-config libncurses-dev libyaml-dev libcmocka-dev tmux procps espeak-ng mandoc python3-jsonschema python3-yaml"
# have-deps asks only the stub python3 (never the machine's /usr/bin/python3)
STRETCHTUI_PYTHON=python3
export STRETCHTUI_PYTHON
install="apt-get install -y --no-install-recommends $pkgs"
failed=0

fail() {
	echo "FAIL $name: $*" >&2
	echo "---- output:" >&2
	cat "$tmp/out" >&2
	echo "---- calls:" >&2
	cat "$tmp/log" >&2 2>/dev/null
	failed=1
}

# stub NAME [STATUS]: a command that logs "NAME ARGS" and exits STATUS.
stub() {
	printf '#!%s\necho "%s $*" >>"%s/log"\nexit %s\n' "$sh" "$1" "$tmp" "${2:-0}" \
		>"$tmp/bin/$1"
	chmod +x "$tmp/bin/$1"
}

# fresh UID: an empty stub directory whose `id -u` prints UID.
fresh() {
	rm -rf "$tmp/bin" "$tmp/log"
	mkdir "$tmp/bin"
	: >"$tmp/log"
	printf '#!%s\n[ "$1" = -u ] && echo %s\n' "$sh" "$1" >"$tmp/bin/id"
	chmod +x "$tmp/bin/id"
}

# run SCRIPT [ARG]: with only the stubs on PATH and no terminal on input.
run() {
	PATH="$tmp/bin" "$sh" "$top/scripts/$1" ${2:+"$2"} </dev/null >"$tmp/out" 2>&1
}

name="user without sudo"
fresh 1000
stub apt-get
run install-deps.sh && fail "exit status 0"
grep -qxF "  su -c 'apt-get update && $install'" "$tmp/out" || fail "no su -c command"
grep -q -e "^ *sudo " -e " sudo apt-get" "$tmp/out" && fail "a sudo command, but sudo is not installed"
[ -s "$tmp/log" ] && fail "ran something"

name="user whose sudo needs a password, no terminal"
fresh 1000
stub apt-get
stub sudo 1
run install-deps.sh && fail "exit status 0"
grep -qxF "  sudo apt-get update && sudo $install" "$tmp/out" || fail "no sudo command"
[ "$(cat "$tmp/log")" = "sudo -n true" ] || fail "ran more than 'sudo -n true'"

name="user with sudo"
fresh 1000
stub apt-get
stub sudo
run install-deps.sh || fail "exit status $?"
printf 'sudo -n true\nsudo apt-get update -qq\nsudo %s\n' "$install" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/log" || fail "not apt-get through sudo"

name="root"
fresh 0
stub apt-get
run install-deps.sh || fail "exit status $?"
printf 'apt-get update -qq\n%s\n' "$install" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/log" || fail "not apt-get directly"

name="no apt-get"
fresh 1000
run install-deps.sh && fail "exit status 0"
grep -qF "no apt-get here; install the equivalents of: $pkgs" "$tmp/out" || fail "message"

# The tools that only the tests need: each one missing fails "test" only.
test_tools="tmux ps espeak-ng mandoc python3"

name="have-deps, everything present"
fresh 1000
for c in cc pkg-config $test_tools; do stub "$c"; done
run have-deps.sh test || fail "exit status $?: make test would install"
run have-deps.sh || fail "exit status $?"
grep -qx "python3 -c import jsonschema, yaml" "$tmp/log" || fail "python3's modules not asked for"

for missing in $test_tools; do
	name="have-deps, no $missing"
	fresh 1000
	for c in cc pkg-config $test_tools; do [ "$c" = "$missing" ] || stub "$c"; done
	run have-deps.sh test && fail "exit status 0 without $missing"
	run have-deps.sh || fail "exit status $? ($missing is for tests only)"
done

name="have-deps, python3 without jsonschema or yaml"
fresh 1000
for c in cc pkg-config $test_tools; do stub "$c"; done
stub python3 1
run have-deps.sh test && fail "exit status 0 without the python modules"

[ "$failed" = 0 ] && echo "scripts: deps ok"
exit "$failed"
