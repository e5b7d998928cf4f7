#!/bin/sh
# make deb: stretchtui_VERSION_ARCH.deb with dpkg-deb, no debhelper.
#   - a build of its own (BUILD=build/deb/build) for PREFIX=/usr with
#     Debian's flags and all of its hardening (dpkg-buildflags);
#   - make install into a staging root, the zsh completion in Debian's
#     vendor-completions; the binary stripped; man pages and the changelog
#     gzip -9n; copyright in the machine-readable format from LICENSE;
#   - Depends from dpkg-shlibdeps on the binary and on a probe that links
#     what it opens at run time (libyaml), Recommends espeak-ng;
#     md5sums; owner root (dpkg-deb --root-owner-group); every time stamp
#     the changelog's, so that the same tree makes the same package.
# Usage: packaging/deb/build-deb.sh VERSION   (from the top of the tree)
# Environment: DEB_MAINTAINER (default: the changelog's trailer).
set -eu
version=$1
top=$(pwd)
here=$top/packaging/deb
work=$top/build/deb
arch=$(dpkg --print-architecture)
deb=$top/stretchtui_${version}_$arch.deb
unset MAKEFLAGS MFLAGS MAKELEVEL

for tool in dpkg-deb dpkg-shlibdeps dpkg-parsechangelog dpkg-buildflags; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "make deb: $tool not found (apt-get install dpkg-dev)" >&2; exit 1; }
done
changelog_version=$(dpkg-parsechangelog -l "$here/changelog" -S Version)
[ "$changelog_version" = "$version" ] || {
	echo "make deb: packaging/deb/changelog is at $changelog_version, the Makefile at $version" >&2
	exit 1; }
maintainer=${DEB_MAINTAINER:-$(dpkg-parsechangelog -l "$here/changelog" -S Maintainer)}

rm -rf "$work/root" "$work/meta"
mkdir -p "$work/root" "$work/meta/debian"
root=$work/root

DEB_BUILD_MAINT_OPTIONS=hardening=+all
export DEB_BUILD_MAINT_OPTIONS
cflags="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
# SRCDIR=DATADIR: the package reads no source tree.
make -s BUILD="$work/build" PREFIX=/usr SRCDIR=/usr/share/stretchtui CFLAGS="$cflags" \
	LDFLAGS="$ldflags" all
make -s BUILD="$work/build" PREFIX=/usr SRCDIR=/usr/share/stretchtui DESTDIR="$root" \
	ZSHCOMPDIR=/usr/share/zsh/vendor-completions install >/dev/null
rm -f "$root/usr/share/stretchtui/installed.txt"   # dpkg keeps the list
strip --remove-section=.comment --remove-section=.note "$root/usr/bin/stretchtui"
gzip -9n "$root/usr/share/man/man1/stretchtui.1" "$root/usr/share/man/man5/stretchtui-routine.5"

doc=$root/usr/share/doc/stretchtui
mkdir -p "$doc"
gzip -9n <"$here/changelog" >"$doc/changelog.gz"
{
	echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
	echo "Upstream-Name: stretchtui"
	echo
	echo "Files: *"
	echo "Copyright: $(sed -n 's/^Copyright (c) //p' "$top/LICENSE")"
	echo "License: Expat"
	sed -e '1,/^Copyright/d' -e 's/^$/./' -e 's/^/ /' "$top/LICENSE" | sed '1{/^ \.$/d}'
} >"$doc/copyright"

# libyaml is opened while something parses (dlopen, src/ydoc.c), which
# dpkg-shlibdeps cannot see: a probe linking the calls made stands in.
cat >"$work/yaml-probe.c" <<'EOF'
#include <yaml.h>
int main(void)
{
	yaml_parser_t p;
	yaml_event_t e;
	if (!yaml_parser_initialize(&p))
		return 1;
	yaml_parser_set_input_string(&p, (const unsigned char *)"", 0);
	if (yaml_parser_parse(&p, &e))
		yaml_event_delete(&e);
	yaml_parser_delete(&p);
	return 0;
}
EOF
${CC:-cc} -o "$work/yaml-probe" "$work/yaml-probe.c" $(pkg-config --cflags --libs yaml-0.1)
# dpkg-shlibdeps reads debian/control: a minimal one of our own.
printf 'Source: stretchtui\n\nPackage: stretchtui\nArchitecture: any\n' >"$work/meta/debian/control"
depends=$(cd "$work/meta" && dpkg-shlibdeps -O -e"$root/usr/bin/stretchtui" -e"$work/yaml-probe" 2>"$work/shlibdeps.err" |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { cat "$work/shlibdeps.err" >&2; echo "make deb: dpkg-shlibdeps found nothing" >&2; exit 1; }

chmod -R u=rwX,go=rX "$root"
mkdir -p "$root/DEBIAN"
(cd "$root" && find usr -type f | sort | xargs md5sum) >"$root/DEBIAN/md5sums"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@SIZE@|$size|" -e "s|@DEPENDS@|$depends|" "$here/control.in" >"$root/DEBIAN/control"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

# Reproducible: every time stamp is the changelog's.
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$here/changelog" -S Timestamp)
export SOURCE_DATE_EPOCH
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
rm -f "$top"/stretchtui_*_"$arch".deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$(basename "$deb"): $(wc -c <"$deb") bytes, Installed-Size $size KiB"
echo "Depends: $depends"
