#!/bin/sh
# Exit 0 when every build and test dependency is present, 1 otherwise.
# Usage: have-deps.sh [test]   ("test" also requires cmocka, tmux, ps,
# espeak-ng, mandoc, and a python3 with jsonschema and yaml: the one named
# by STRETCHTUI_PYTHON, else /usr/bin/python3 (which Debian's
# python3-jsonschema and python3-yaml serve) or python3)
command -v cc >/dev/null 2>&1 || exit 1
command -v pkg-config >/dev/null 2>&1 || exit 1
pkg-config --exists ncursesw yaml-0.1 || exit 1
if [ "${1:-}" = test ]; then
	pkg-config --exists cmocka || exit 1
	command -v tmux >/dev/null 2>&1 || exit 1
	command -v ps >/dev/null 2>&1 || exit 1
	command -v espeak-ng >/dev/null 2>&1 || exit 1
	command -v mandoc >/dev/null 2>&1 || exit 1
	found=
	for py in ${STRETCHTUI_PYTHON:-/usr/bin/python3 python3}; do
		"$py" -c 'import jsonschema, yaml' >/dev/null 2>&1 && found=1 && break
	done
	[ -n "$found" ] || exit 1
fi
exit 0
