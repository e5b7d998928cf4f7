#!/bin/sh
# make install into a temporary DESTDIR: the files expected and no other,
# with their modes; the routines name the installed schema; the man pages
# pass mandoc's checker; the installed binary runs. make uninstall then
# leaves nothing at all, and a second time says there is nothing to
# remove. With a file of the user's in the routines directory, uninstall
# keeps it (and the directories that hold it) and removes the rest.
# Uses the build of STRETCHTUI_BIN (its directory as BUILD), so nothing is
# rebuilt.
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${STRETCHTUI_BIN:-$top/build/stretchtui}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0
unset MAKEFLAGS MFLAGS MAKELEVEL
prefix=/usr/local
data=$prefix/share/stretchtui

fail() {
	echo "FAIL install: $*" >&2
	failed=1
}

mk() {
	make -s -C "$top" BUILD="$(dirname "$bin")" DESTDIR="$tmp/root" "$@" >"$tmp/out" 2>&1
}

# What install must put there, from the source tree.
{
	echo "$prefix/bin/stretchtui"
	for f in "$top"/routines/*.yaml "$top"/routines/*.txt; do
		[ -e "$f" ] && echo "$data/routines/${f##*/}"
	done
	for f in "$top"/schema/*.schema.json; do echo "$data/schema/${f##*/}"; done
	echo "$data/installed.txt"
	echo "$prefix/share/man/man1/stretchtui.1"
	echo "$prefix/share/man/man5/stretchtui-routine.5"
	echo "$prefix/share/bash-completion/completions/stretchtui"
	echo "$prefix/share/zsh/site-functions/_stretchtui"
	echo "$prefix/share/fish/vendor_completions.d/stretchtui.fish"
} | sort >"$tmp/want"

mk install || fail "make install: $(cat "$tmp/out")"
(cd "$tmp/root" && find . ! -type d | sed 's/^\.//' | sort) >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "installed files differ from the expected ones:
$(diff "$tmp/want" "$tmp/got")"

# Modes: the binary 755, the rest 644.
find "$tmp/root" -type f ! -perm 644 | sed "s|^$tmp/root||" >"$tmp/modes"
[ "$(cat "$tmp/modes")" = "$prefix/bin/stretchtui" ] || fail "files not 644: $(cat "$tmp/modes")"
[ -x "$tmp/root$prefix/bin/stretchtui" ] || fail "the binary is not executable"

# The list install wrote names every file, then the directories it made.
grep -v '/$' "$tmp/root$data/installed.txt" | sort >"$tmp/listed"
grep -vxF "$data/installed.txt" "$tmp/want" >"$tmp/want-listed"
cmp -s "$tmp/want-listed" "$tmp/listed" || fail "installed.txt does not list the files"
grep -qx "$data/" "$tmp/root$data/installed.txt" || fail "installed.txt does not list $data/"

# Contents: the schema line, the man pages, the completion, the binary.
for f in "$tmp/root$data"/routines/*.yaml; do
	case $f in */exercises.yaml) s=exercises ;; *) s=routine ;; esac
	[ "$(head -n 1 "$f")" = "# yaml-language-server: \$schema=$data/schema/$s.schema.json" ] ||
		fail "${f#$tmp/root}: first line $(head -n 1 "$f")"
done
[ -f "$tmp/root$data/schema/routine.schema.json" ] || fail "no routine schema"
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -W warning "$tmp/root$prefix/share/man/man1/stretchtui.1" \
		"$tmp/root$prefix/share/man/man5/stretchtui-routine.5" || fail "mandoc -Tlint of the installed pages"
fi
grep -q "$data/routines" "$tmp/root$prefix/share/man/man1/stretchtui.1" || fail "stretchtui.1 does not name $data"
bash -n "$tmp/root$prefix/share/bash-completion/completions/stretchtui" || fail "bash -n of the completion"
"$tmp/root$prefix/bin/stretchtui" --version >"$tmp/version" || fail "the installed binary does not run"
grep -q '^stretchtui [0-9]' "$tmp/version" || fail "--version: $(cat "$tmp/version")"

# Uninstall: nothing left, not even a directory.
mk uninstall || fail "make uninstall: $(cat "$tmp/out")"
left=$(cd "$tmp/root" && find . -mindepth 1)
[ -z "$left" ] || fail "left after make uninstall: $left"
mk uninstall && fail "a second make uninstall succeeded"
grep -q "nothing was installed there" "$tmp/out" || fail "second uninstall: $(cat "$tmp/out")"

# A file of the user's among the built-in routines: kept, with its
# directories; everything else removed.
mk install || fail "make install (again): $(cat "$tmp/out")"
echo "name: Mine" >"$tmp/root$data/routines/mine.yaml"
mk uninstall || fail "make uninstall (a file of the user's): $(cat "$tmp/out")"
left=$(cd "$tmp/root" && find . ! -type d)
[ "$left" = "./${data#/}/routines/mine.yaml" ] || fail "with a file of the user's, left: $left"
grep -q "kept $tmp/root$data/routines" "$tmp/out" || fail "uninstall did not say what it kept: $(cat "$tmp/out")"

[ "$failed" = 0 ] && echo "scripts: install ok ($(wc -l <"$tmp/want") files installed, all removed)"
exit "$failed"
