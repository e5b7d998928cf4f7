#!/bin/sh
# Install the Debian packages that stretchtui needs to build and test.
# Runs apt-get as root, or through sudo when sudo can work here; otherwise
# prints a command that works on this machine and fails.
# Needs only sh, id and apt-get (all on a minimal Debian).
set -eu

# procps: ps, which the end-to-end tests use to leave no process behind;
# espeak-ng: the speech the tests play through (--speak), not a build need;
# mandoc: the man pages' lint; python3-jsonschema, python3-yaml: the JSON
# Schema test
PACKAGES="build-essential pkg-config libncurses-dev libyaml-dev libcmocka-dev tmux procps espeak-ng mandoc python3-jsonschema python3-yaml"
CMD="apt-get install -y --no-install-recommends $PACKAGES"

if ! command -v apt-get >/dev/null 2>&1; then
	echo "stretchtui: no apt-get here; install the equivalents of: $PACKAGES" >&2
	exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
	SUDO="sudo"   # may ask for a password: only when someone can answer
elif command -v sudo >/dev/null 2>&1; then
	echo "stretchtui: missing build dependencies; install them with:" >&2
	echo "  sudo apt-get update && sudo $CMD" >&2
	exit 1
else
	echo "stretchtui: missing build dependencies; sudo is not installed, so install them as root:" >&2
	echo "  su -c 'apt-get update && $CMD'" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO $CMD
