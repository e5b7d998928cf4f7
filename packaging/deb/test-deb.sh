#!/bin/sh
# make deb-test: the .deb of make deb through lintian (any error fails;
# lintian is installed when missing and we are root), its contents
# checked, then, as root, the real thing on this machine: apt-get install
# ./stretchtui_*.deb, stretchtui run from / (list, --version, show), the
# man page found by man, apt-get remove, and not one of its files left.
# Refuses to touch a stretchtui installed by other means.
# Usage: packaging/deb/test-deb.sh VERSION   (from the top of the tree)
set -eu
version=$1
arch=$(dpkg --print-architecture)
deb=$(pwd)/stretchtui_${version}_$arch.deb
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
	echo "FAIL deb: $*" >&2
	failed=1
}
root=false
[ "$(id -u)" -eq 0 ] && root=true

if ! command -v lintian >/dev/null 2>&1; then
	if $root; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends lintian >/dev/null
	else
		echo "make deb-test: lintian is missing: sudo apt-get install lintian" >&2
		exit 1
	fi
fi
echo "== lintian $(lintian --version | cut -d' ' -f2) on $(basename "$deb") ($(wc -c <"$deb") bytes)"
rc=0
lintian -I -E --pedantic --fail-on error "$deb" >"$tmp/lintian" 2>&1 || rc=$?
grep -v 'running with root privileges' "$tmp/lintian" || true
[ "$rc" = 0 ] || fail "lintian exit status $rc"
grep -q '^E:' "$tmp/lintian" && fail "lintian: errors above"
echo "lintian: $(grep -c '^E:' "$tmp/lintian") errors, $(grep -c '^W:' "$tmp/lintian") warnings," \
	"$(grep -c '^[IP]:' "$tmp/lintian") notes (info and pedantic)"

echo "== contents"
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/paths"
for p in /usr/bin/stretchtui /usr/share/man/man1/stretchtui.1.gz \
	/usr/share/man/man5/stretchtui-routine.5.gz \
	/usr/share/bash-completion/completions/stretchtui \
	/usr/share/zsh/vendor-completions/_stretchtui \
	/usr/share/fish/vendor_completions.d/stretchtui.fish \
	/usr/share/stretchtui/routines/upper-back-15.yaml \
	/usr/share/stretchtui/routines/exercises.yaml /usr/share/stretchtui/routines/safety.txt \
	/usr/share/stretchtui/schema/routine.schema.json /usr/share/doc/stretchtui/copyright; do
	grep -qxF "$p" "$tmp/paths" || fail "not in the package: $p"
done
for lib in libncursesw6 libyaml-0-2; do
	dpkg-deb -f "$deb" Depends | grep -q "$lib" || fail "Depends: $(dpkg-deb -f "$deb" Depends)"
done
[ "$(dpkg-deb -f "$deb" Recommends)" = espeak-ng ] || fail "Recommends: $(dpkg-deb -f "$deb" Recommends)"
echo "$(grep -vc '/$' "$tmp/paths") files; Depends: $(dpkg-deb -f "$deb" Depends)"

if ! $root; then
	echo "make deb-test: not root, so not installed with apt-get (the rest passed)"
	exit "$failed"
fi
if dpkg-query -W -f '${Status}' stretchtui 2>/dev/null | grep -q 'installed'; then
	echo "make deb-test: stretchtui is installed already; not touching it" >&2
	exit 1
fi

echo "== apt-get install ./$(basename "$deb")"
(cd "$(dirname "$deb")" && DEBIAN_FRONTEND=noninteractive apt-get install -y "./$(basename "$deb")") >"$tmp/apt" 2>&1 ||
	{ cat "$tmp/apt" >&2; fail "apt-get install"; exit 1; }
dpkg-query -W -f '${Status} ${Version}\n' stretchtui
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_STATE_HOME="$tmp/home/.local/state"
(cd / && stretchtui list) >"$tmp/list" 2>&1 || fail "stretchtui list from /: $(cat "$tmp/list")"
grep -q '^upper-back-15 ' "$tmp/list" || fail "list: $(cat "$tmp/list")"
echo "stretchtui list from /: $(wc -l <"$tmp/list") routines"
(cd / && stretchtui --version) >"$tmp/version"
cat "$tmp/version"
grep -qx 'built-in routines: /usr/share/stretchtui/routines' "$tmp/version" || fail "--version"
(cd / && stretchtui show desk-break-5 | tail -n 1) | grep -qx 'total 05:00' || fail "show desk-break-5"
[ "$(man -w stretchtui 2>/dev/null)" = /usr/share/man/man1/stretchtui.1.gz ] || fail "man -w stretchtui"
man -w 5 stretchtui-routine >/dev/null 2>&1 || fail "man -w 5 stretchtui-routine"

echo "== apt-get remove stretchtui"
DEBIAN_FRONTEND=noninteractive apt-get remove -y stretchtui >"$tmp/apt" 2>&1 ||
	{ cat "$tmp/apt" >&2; fail "apt-get remove"; }
# No conffiles: removed is purged, and dpkg knows the package no more.
status=$(dpkg-query -W -f '${Status}' stretchtui 2>/dev/null || echo "unknown to dpkg")
echo "status after remove: $status"
case $status in "unknown to dpkg" | *not-installed) ;; *) fail "status after remove: $status" ;; esac
left=0
while IFS= read -r p; do
	case $p in */) [ -d "$p" ] && case $p in /usr/share/stretchtui/*|/usr/share/doc/stretchtui/) \
		echo "left: $p"; left=$((left + 1)) ;; esac ;;
	*) [ -e "$p" ] && { echo "left: $p"; left=$((left + 1)); } ;;
	esac
done <"$tmp/paths"
[ -e /usr/share/stretchtui ] && { echo "left: /usr/share/stretchtui"; left=$((left + 1)); }
[ "$left" = 0 ] || fail "$left paths left after apt-get remove"
echo "nothing of the package left"
[ "$failed" = 0 ] && echo "deb-test: ok"
exit "$failed"
