#!/bin/sh
# make install / make uninstall (the Makefile passes the directories).
#
#   install.sh install     the binary, the built-in routines and the safety
#                          notice, the JSON Schemas, the man pages and the
#                          completions, under $DESTDIR
#   install.sh uninstall   exactly what install put there
#
# Install writes what it put there to $DATADIR/installed.txt: every file,
# then every directory that it had to create (deepest first), one path a
# line, without $DESTDIR. Uninstall removes the files listed, then those
# directories when they are empty, then the list: a directory that was
# there before (/usr/local/bin) stays, and so does a file that install did
# not put there (and the directories that hold it).
#
# Environment: DESTDIR, BINDIR, DATADIR, MANDIR, BASHCOMPDIR, ZSHCOMPDIR,
# FISHCOMPDIR (as the Makefile sets them); BIN, the binary to install.
set -eu
cd "$(dirname "$0")/.."
: "${BINDIR:?}" "${DATADIR:?}" "${MANDIR:?}" "${BASHCOMPDIR:?}" "${ZSHCOMPDIR:?}" "${FISHCOMPDIR:?}"
DESTDIR=${DESTDIR:-}
list=$DATADIR/installed.txt

# put MODE SOURCE TARGET [FILTER]: one file, its path recorded.
put() {
	if [ -n "${4:-}" ]; then
		sed -e "s|/usr/local/share/stretchtui|$DATADIR|g" \
		    -e "s|\$schema=\\.\\./schema/|\$schema=$DATADIR/schema/|" "$2" >"$DESTDIR$3"
		chmod "$1" "$DESTDIR$3"
	else
		install -m "$1" "$2" "$DESTDIR$3"
	fi
	echo "$3" >>"$tmp/files"
}

# mkdirs DIR...: creates them, recording those that were not there.
mkdirs() {
	for d in "$@"; do
		p=$d
		while [ -n "$p" ] && [ ! -d "$DESTDIR$p" ]; do
			grep -qxF "$p/" "$tmp/dirs" 2>/dev/null || echo "$p/" >>"$tmp/dirs"
			p=${p%/*}
		done
		install -d "$DESTDIR$d"
	done
}

do_install() {
	: "${BIN:?}"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-install.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	: >"$tmp/files"
	: >"$tmp/dirs"
	# An earlier install's files and directories stay on the list (an
	# older version may have had a routine that this one has not).
	: >"$tmp/old"
	[ -f "$DESTDIR$list" ] && grep '/$' "$DESTDIR$list" >"$tmp/dirs" || true
	[ -f "$DESTDIR$list" ] && grep -v '/$' "$DESTDIR$list" >"$tmp/old" || true
	mkdirs "$BINDIR" "$DATADIR/routines" "$DATADIR/schema" "$MANDIR/man1" "$MANDIR/man5" \
		"$BASHCOMPDIR" "$ZSHCOMPDIR" "$FISHCOMPDIR"
	put 755 "$BIN" "$BINDIR/stretchtui"
	for f in routines/*.yaml routines/*.txt; do
		[ -e "$f" ] && put 644 "$f" "$DATADIR/routines/${f##*/}" filter
	done
	for f in schema/*.schema.json; do
		put 644 "$f" "$DATADIR/schema/${f##*/}"
	done
	put 644 man/stretchtui.1 "$MANDIR/man1/stretchtui.1" filter
	put 644 man/stretchtui-routine.5 "$MANDIR/man5/stretchtui-routine.5" filter
	put 644 completions/stretchtui.bash "$BASHCOMPDIR/stretchtui"
	put 644 completions/_stretchtui "$ZSHCOMPDIR/_stretchtui"
	put 644 completions/stretchtui.fish "$FISHCOMPDIR/stretchtui.fish"
	# deepest first, so that uninstall can remove them in order
	n=$(wc -l <"$tmp/files")
	while IFS= read -r p; do
		[ -e "$DESTDIR$p" ] && ! grep -qxF "$p" "$tmp/files" && echo "$p" >>"$tmp/files"
	done <"$tmp/old"
	awk '{ print gsub("/", "/"), $0 }' "$tmp/dirs" | sort -k1,1nr -k2 | cut -d' ' -f2- |
		cat "$tmp/files" - >"$DESTDIR$list"
	chmod 644 "$DESTDIR$list"
	echo "installed $n files; the list of what is installed: $DESTDIR$list"
}

do_uninstall() {
	if [ ! -f "$DESTDIR$list" ]; then
		echo "make uninstall: no $DESTDIR$list: nothing was installed there" >&2
		exit 1
	fi
	paths=$(cat "$DESTDIR$list")
	files=0 dirs=0
	while IFS= read -r p; do
		case $p in
		/*/) ;;
		/*) rm -f "$DESTDIR$p" && files=$((files + 1)) ;;
		*) echo "make uninstall: skipped '$p' of $DESTDIR$list (not an absolute path)" >&2 ;;
		esac
	done <<EOF
$paths
EOF
	rm -f "$DESTDIR$list"
	while IFS= read -r p; do
		case $p in
		/*/)
			if rmdir "$DESTDIR${p%/}" 2>/dev/null; then
				dirs=$((dirs + 1))
			elif [ -d "$DESTDIR${p%/}" ]; then
				echo "make uninstall: kept $DESTDIR${p%/}: it holds files that make install did not put there" >&2
			fi ;;
		esac
	done <<EOF
$paths
EOF
	echo "removed $files files and $dirs directories"
}

case ${1:-} in
install) do_install ;;
uninstall) do_uninstall ;;
*) echo "usage: $0 install|uninstall" >&2; exit 2 ;;
esac
