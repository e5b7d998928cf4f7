#!/bin/sh
# completions/stretchtui.bash sourced in a non-interactive bash: COMPREPLY
# for words as bash would split them, in a home of its own (a user routine
# in $XDG_CONFIG_HOME, another in a --routines directory). The commands and
# options offered are checked against `stretchtui --help`, so that a new
# command or option that the completion does not know fails here.
# fish's completion is asked too when fish is installed.
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${STRETCHTUI_BIN:-$top/build/stretchtui}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-completion.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
	echo "FAIL completion: $*" >&2
	failed=1
}

command -v bash >/dev/null 2>&1 || { fail "no bash"; exit 1; }
HOME=$tmp/home
XDG_CONFIG_HOME=$tmp/home/.config
XDG_STATE_HOME=$tmp/home/.local/state
export HOME XDG_CONFIG_HOME XDG_STATE_HOME
unset STRETCHTUI_PATH
mkdir -p "$XDG_CONFIG_HOME/stretchtui/routines" "$tmp/extra" "$tmp/files/sub"
routine='name: Mine
steps:
  - rest: 30s
'
printf '%s' "$routine" >"$XDG_CONFIG_HOME/stretchtui/routines/my-stretch.yaml"
printf '%s' "$routine" >"$tmp/extra/extra-one.yaml"
printf '%s' "$routine" >"$tmp/files/a.yaml"
printf '%s' "$routine" >"$tmp/files/b.yml"
: >"$tmp/files/notes.txt"

# The program as a user has it: `stretchtui` on PATH.
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/stretchtui"
PATH=$tmp/bin:$PATH

# The completion function called as bash calls it, for a line split as
# bash splits it: at blanks, and around each '=' (of COMP_WORDBREAKS),
# which is a word of its own; a line that ends in a blank completes an
# empty word. COMPREPLY sorted, one a line.
cat >"$tmp/driver.bash" <<'EOF'
source "$1" || exit 1
read -ra blank_words <<<"stretchtui $2"
COMP_WORDS=()
for w in "${blank_words[@]}"; do
	while [[ $w == *=* ]]; do
		[[ -n ${w%%=*} ]] && COMP_WORDS+=("${w%%=*}")
		COMP_WORDS+=("=")
		w=${w#*=}
	done
	[[ -n $w ]] && COMP_WORDS+=("$w")
done
[[ $2 == *' ' || -z $2 ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="stretchtui $2"
COMP_POINT=${#COMP_LINE}
_stretchtui stretchtui "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
((${#COMPREPLY[@]} > 0)) && printf '%s\n' "${COMPREPLY[@]}" | sort
exit 0
EOF

# comp LINE: COMPREPLY for the line after `stretchtui `.
comp() {
	bash --norc --noprofile "$tmp/driver.bash" "$top/completions/stretchtui.bash" \
		"$1" 2>"$tmp/err"
	[ -s "$tmp/err" ] && fail "'$1' printed on stderr: $(cat "$tmp/err")"
}

# expect LINE WORD...: exactly these words.
expect() {
	line=$1
	shift
	comp "$line" >"$tmp/got"
	printf '%s\n' "$@" | sed '/^$/d' | sort >"$tmp/want"
	cmp -s "$tmp/want" "$tmp/got" ||
		fail "'$line': got [$(tr '\n' ' ' <"$tmp/got")], want [$(tr '\n' ' ' <"$tmp/want")]"
}

# offers LINE WORD...: at least these.
offers() {
	line=$1
	shift
	comp "$line" >"$tmp/got"
	for w in "$@"; do
		grep -qxF -- "$w" "$tmp/got" || fail "'$line' does not offer '$w'"
	done
}

"$bin" --help >"$tmp/help" || { fail "$bin --help"; exit 1; }

# list --ids, where the ids come from: sorted, every directory's, a user
# routine that overrides a built-in one listed once; with the line's
# --routines too; with any other command a usage error. And --version
# names the built-in directory read (the source tree's, not installed).
printf '%s' "$routine" >"$XDG_CONFIG_HOME/stretchtui/routines/desk-break-5.yaml"
{ ls "$top/routines" "$XDG_CONFIG_HOME/stretchtui/routines" "$tmp/extra"; } |
	sed -n 's/\.yaml$//p' | grep -vx exercises | sort -u >"$tmp/ids-want"
"$bin" --routines "$tmp/extra" list --ids >"$tmp/ids" 2>"$tmp/err" || fail "list --ids: exit $?"
cmp -s "$tmp/ids-want" "$tmp/ids" || fail "list --ids: $(tr '\n' ' ' <"$tmp/ids")"
[ -s "$tmp/err" ] && fail "list --ids printed on stderr: $(cat "$tmp/err")"
"$bin" show --ids desk-break-5 >/dev/null 2>"$tmp/err"
[ $? = 2 ] || fail "show --ids: not a usage error"
grep -q -- "--ids goes with the list command only" "$tmp/err" || fail "show --ids: $(cat "$tmp/err")"
"$bin" --version >"$tmp/version"
[ "$(sed -n 2p "$tmp/version")" = "built-in routines: $top/routines" ] ||
	case $(sed -n 2p "$tmp/version") in "built-in routines: /"*) ;; *) fail "--version: $(cat "$tmp/version")" ;; esac
rm "$XDG_CONFIG_HOME/stretchtui/routines/desk-break-5.yaml"

# Every command of --help, at the start of the line.
# (once each: play has two lines, play ROUTINE and play --resume)
commands=$(sed -n '/^Commands:/,/^$/p' "$tmp/help" | grep '^  [a-z]' | awk '!seen[$1]++ { print $1 }')
[ -n "$commands" ] || fail "no commands in --help"
# shellcheck disable=SC2086
expect "" $commands

# Every long option of --help's Options list, for "--".
options=$(sed -n '/^Options:/,/^$/p' "$tmp/help" | cut -c3-20 | grep -oE -- '--[a-z][a-z-]*')
# shellcheck disable=SC2086
offers "--" $options

# Each command's own options (in its first column, or indented under it).
for c in $commands; do
	own=$(awk -v c="$c" '
		/^Commands:/ { on = 1; next }
		on && /^$/ { exit }
		on && /^  [a-z]/ { mine = ($1 == c); if (mine) print substr($0, 3, 18); next }
		on && mine && /^    -/ { print $1 }' "$tmp/help" | grep -oE -- '--[a-z][a-z-]*')
	[ -n "$own" ] || continue
	# shellcheck disable=SC2086
	offers "$c --" $own
done

# Routine ids: built-in, the user's, a --routines directory's.
expect "play my" my-stretch
expect "show up" upper-back-15
offers "play " desk-break-5 upper-back-15 my-stretch
expect "--routines $tmp/extra play ex" extra-one
expect "--routines=$tmp/extra show ex" extra-one
expect "--speed=1" 10 100
offers "--speed=" 2 10
expect "history --routine=my" my-stretch
expect "--routines=$tmp/ext" "$tmp/extra"
expect "play --routines $tmp/extra ex" extra-one
expect "history --routine my" my-stretch
expect "list --i" --ids
expect "history --j" --json
# After history only its own options.
expect "history --no-" ""
# Option values.
expect "--routines $tmp/ext" "$tmp/extra"
offers "--speed " 2 10
expect "--speed 1" 10 100
offers "--on-event " sh
# Files: routine files and directories, not other files.
expect "check $tmp/files/" "$tmp/files/a.yaml" "$tmp/files/b.yml" "$tmp/files/sub"
expect "play $tmp/files/a" "$tmp/files/a.yaml"
# Nothing after the command line's operand-less commands' options.
expect "--plain safety --q" --quiet

# fish, when it is here: the same ids through list --ids.
if command -v fish >/dev/null 2>&1; then
	fish --no-config -c "source $top/completions/stretchtui.fish; complete -C 'stretchtui play my'" \
		>"$tmp/fish" 2>&1 || fail "fish: $(cat "$tmp/fish")"
	grep -q '^my-stretch' "$tmp/fish" || fail "fish 'play my': $(cat "$tmp/fish")"
	fish --no-config -c "source $top/completions/stretchtui.fish; complete -C 'stretchtui --routines $tmp/extra play ex'" \
		>"$tmp/fish" 2>&1
	grep -q '^extra-one' "$tmp/fish" || fail "fish '--routines DIR play ex': $(cat "$tmp/fish")"
	fish --no-config -c "source $top/completions/stretchtui.fish; complete -C 'stretchtui '" >"$tmp/fish" 2>&1
	for c in $commands; do
		grep -q "^$c	" "$tmp/fish" || fail "fish does not offer '$c'"
	done
fi
# zsh, when it is here: the file parses.
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$top/completions/_stretchtui" || fail "zsh -n _stretchtui"
fi

[ "$failed" = 0 ] && echo "scripts: completion ok"
exit "$failed"
