#!/bin/sh
# Exit 0 when every build and test dependency is present, 1 otherwise.
# Usage: have-deps.sh [test]   ("test" also requires cmocka, tmux, ps and
# espeak-ng)
command -v cc >/dev/null 2>&1 || exit 1
command -v pkg-config >/dev/null 2>&1 || exit 1
pkg-config --exists ncursesw yaml-0.1 || exit 1
if [ "${1:-}" = test ]; then
	pkg-config --exists cmocka || exit 1
	command -v tmux >/dev/null 2>&1 || exit 1
	command -v ps >/dev/null 2>&1 || exit 1
	command -v espeak-ng >/dev/null 2>&1 || exit 1
fi
exit 0
