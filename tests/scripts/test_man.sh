#!/bin/sh
# man/stretchtui.1 against `stretchtui --help`, so that they cannot drift
# apart: every command of --help is an item (.It Cm NAME) of the page's
# Commands list and every item there is a command of --help; every option
# that --help names (--routines, -V, history's --since, list's --ids...)
# appears in the rendered page; every key of each "NAME keys:" list of
# --help is an item of the page's "NAME keys" subsection.
# Needs mandoc (scripts/install-deps.sh). STRETCHTUI_BIN: the binary.
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${STRETCHTUI_BIN:-$top/build/stretchtui}
page=$top/man/stretchtui.1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-man.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
	echo "FAIL man: $*" >&2
	failed=1
}

command -v mandoc >/dev/null 2>&1 || { fail "mandoc is not installed"; exit 1; }
"$bin" --help >"$tmp/help" || { fail "$bin --help failed"; exit 1; }
bs=$(printf '\b')
mandoc -Tascii -Owidth=300 "$page" | sed "s/.$bs//g" >"$tmp/page" ||
	{ fail "mandoc could not render $page"; exit 1; }

# The .It lines of the page's part from line /$1/ to the next .Ss or .Sh,
# as words: macros, commas and escapes taken out.
items() {
	awk -v start="$1" '
		$0 ~ start { on = 1; next }
		on && /^\.(Ss|Sh) / { exit }
		on && /^\.It / { print }' "$page" |
	sed -e 's/^\.It //' -e 's/\\&//g' -e 's/\\-/-/g' |
	tr ' ' '\n' | grep -v -x -e '' -e ',' -e 'Ic' -e 'Cm' -e 'Ar' -e 'Op' -e 'Fl'
}

# Commands: the first word of each line "  NAME ..." of --help's list.
sed -n '/^Commands:/,/^$/p' "$tmp/help" | grep '^  [a-z]' | awk '{ print $1 }' \
	>"$tmp/commands"
awk '/^\.Ss Commands/ { on = 1; next } on && /^\.(Ss|Sh) / { exit }
     on && /^\.It Cm / { print $3 }' "$page" >"$tmp/page-commands"
[ -s "$tmp/commands" ] || fail "no commands found in --help"
while read -r c; do
	grep -qxF "$c" "$tmp/page-commands" ||
		fail "command '$c' of --help is not an item (.It Cm $c) of Commands in man/stretchtui.1"
done <"$tmp/commands"
while read -r c; do
	grep -qxF "$c" "$tmp/commands" ||
		fail "command '$c' of man/stretchtui.1 is not in --help"
done <"$tmp/page-commands"

# Options: every --long and -x that --help names.
grep -oE -- '--[a-z][a-z-]*|(^|[ ,[(])-[a-zA-Z]([^a-zA-Z-]|$)' "$tmp/help" |
	sed -e 's/^[ ,[(]//' -e 's/[^a-zA-Z-]$//' | sort -u >"$tmp/options"
[ -s "$tmp/options" ] || fail "no options found in --help"
while read -r o; do
	grep -qE -- "(^|[^a-zA-Z-])$o([^a-zA-Z-]|\$)" "$tmp/page" ||
		fail "option '$o' of --help is not in man/stretchtui.1"
done <"$tmp/options"

# Keys: each "TITLE keys:" list of --help, its first column split at ", ".
n_keys=0
grep -E '^[A-Z][a-z]* keys:$' "$tmp/help" | sed 's/:$//' >"$tmp/titles"
[ -s "$tmp/titles" ] || fail "no key lists found in --help"
while read -r title; do
	items "^\\.Ss $title\$" >"$tmp/page-keys"
	[ -s "$tmp/page-keys" ] || { fail "no subsection '$title' in KEYS"; continue; }
	sed -n "/^$title:\$/,/^\$/p" "$tmp/help" | sed 1d | grep '^  ' |
		cut -c3-20 | sed -e 's/ *$//' -e 's/, /\n/g' >"$tmp/keys"
	while read -r k; do
		n_keys=$((n_keys + 1))
		grep -qxF -- "$k" "$tmp/page-keys" ||
			fail "key '$k' of '$title:' in --help is not an item of '$title' in man/stretchtui.1"
	done <"$tmp/keys"
done <"$tmp/titles"

[ "$failed" = 0 ] && echo "scripts: man ok ($(wc -l <"$tmp/commands") commands," \
	"$(wc -l <"$tmp/options") options, $n_keys keys of --help in stretchtui.1)"
exit "$failed"
