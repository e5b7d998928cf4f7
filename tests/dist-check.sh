#!/bin/sh
# make distcheck: the archive of make dist unpacked in a temporary
# directory, away from the git tree, then `make CI=1 test` there (every
# test, the tmux end-to-end ones included: a few minutes) and
# `make install`/`uninstall` into a DESTDIR. The archive must hold the
# committed files only: no build output, no archive or package.
# Usage: tests/dist-check.sh stretchtui-VERSION.tar.gz
set -eu
archive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
name=$(basename "$archive" .tar.gz)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-dist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL

tar -tzf "$archive" >"$tmp/list"
if grep -E "^$name/(build/|.*\.o$|.*\.tar\.gz$|.*\.deb$)" "$tmp/list"; then
	echo "distcheck: the archive holds build output (above)" >&2
	exit 1
fi
git ls-files | sed "s|^|$name/|" | sort >"$tmp/tracked"
grep -v '/$' "$tmp/list" | sort >"$tmp/files"
if ! cmp -s "$tmp/tracked" "$tmp/files"; then
	echo "distcheck: the archive is not the tracked files (uncommitted changes?):" >&2
	diff "$tmp/tracked" "$tmp/files" >&2 || true
	exit 1
fi
echo "distcheck: $(wc -l <"$tmp/files") files; unpacking in $tmp"
tar -xzf "$archive" -C "$tmp"
cd "$tmp/$name"
make CI=1 test
make -s install DESTDIR="$tmp/root"
make -s uninstall DESTDIR="$tmp/root"
[ -z "$(find "$tmp/root" -mindepth 1)" ] || { echo "distcheck: uninstall left files" >&2; exit 1; }
echo "distcheck: $name.tar.gz builds, passes make test and installs cleanly"
