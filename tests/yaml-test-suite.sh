#!/bin/sh
# yaml-test-suite.sh DIR [BIN] — `stretchtui check` over every in.yaml of a
# checked-out yaml-test-suite, as hostile input. Not part of make test nor
# CI: it needs the suite, which is not shipped here. To get it:
#     git clone -b data --depth 1 https://github.com/yaml/yaml-test-suite DIR
# (the data branch: DIR/ID/in.yaml, and DIR/ID/NN/in.yaml for the tests
# with several cases; the links under name/ and tags/ are skipped). BIN
# defaults to build/stretchtui.
#
# Reports, per file and in total:
#   crash       exit status 128 or more (killed by a signal)
#   hang        still running after 2 s (timeout)
#   multi-line  diagnostics on stderr that do not each fit one line of
#               FILE[:LINE[:COL]]: error|warning: MESSAGE
#   escape      an ESC byte in stdout or stderr
#   other exit  an exit status other than 0 (ok) and 1 (rejected)
# Runs in C.UTF-8 with a HOME of its own. A sanitizer build (make sanitize
# leaves one in build/san/stretchtui) aborts on its first report, so that
# counts as a crash. Exit status 1 when any crash,
# hang, escape or other exit status was seen; the multi-line count is
# reported, not failed on. Set VERBOSE=1 to name every file of a category.
set -u
dir=${1:?usage: yaml-test-suite.sh DIR [BIN]}
bin=${2:-build/stretchtui}
[ -x "$bin" ] || { echo "yaml-test-suite: no binary $bin (make first)" >&2; exit 2; }
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-yts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home"
esc=$(printf '\033')
diag='^[^:][^:]*(:[0-9][0-9]*(:[0-9][0-9]*)?)?: (error|warning): '

files=0 ok=0 rejected=0 crash=0 hang=0 multi=0 multi_lines=0 escape=0 other=0
note() {   # category file [detail]
	echo "$1 $2${3:+ ($3)}" >>"$tmp/list"
}

for f in "$dir"/*/in.yaml "$dir"/*/*/in.yaml; do
	# name/ and tags/ hold symbolic links to the same tests
	[ -f "$f" ] && [ ! -L "$(dirname "$f")" ] || continue
	files=$((files + 1))
	env -i PATH="$PATH" HOME="$tmp/home" LC_ALL=C.UTF-8 TERM=dumb \
		ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1}" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:-abort_on_error=1:print_stacktrace=1}" \
		timeout 2 "$bin" check "$f" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	case $rc in
	0) ok=$((ok + 1)) ;;
	1) rejected=$((rejected + 1)) ;;
	124) hang=$((hang + 1)); note hang "$f" ;;
	*) if [ "$rc" -ge 128 ]; then crash=$((crash + 1)); note crash "$f" "status $rc"
	   else other=$((other + 1)); note other-exit "$f" "status $rc"; fi ;;
	esac
	bad=$(grep -Evc "$diag" "$tmp/err")
	if [ "$bad" -gt 0 ]; then
		multi=$((multi + 1))
		multi_lines=$((multi_lines + bad))
		note multi-line "$f" "$bad lines"
	fi
	if grep -q "$esc" "$tmp/out" "$tmp/err"; then
		escape=$((escape + 1))
		note escape "$f"
	fi
done

if [ -s "$tmp/list" ]; then
	if [ -n "${VERBOSE:-}" ]; then
		sort "$tmp/list"
	else   # the first three of each category
		sort "$tmp/list" | awk '{ if (++n[$1] <= 3) print }'
	fi
fi
echo "yaml-test-suite: $files files: $ok ok, $rejected rejected;" \
     "$crash crashes, $hang hangs, $escape with ESC, $other other exit;" \
     "$multi with multi-line diagnostics ($multi_lines lines)"
[ $((crash + hang + escape + other)) -eq 0 ]
