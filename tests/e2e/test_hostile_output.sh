#!/bin/sh
# Hostile file names, YAML text, safety.txt, arguments and paths never
# reach stdout or stderr raw: on every line-printing surface (list, show,
# check's ok lines and diagnostics, safety, the plain menu, plain play and
# its first-run notice, usage errors, STRETCHTUI_PATH warnings) the bytes
# are checked one by one (tests/e2e/bytes.awk): no ESC, no other control
# but newline, no C1 (no raw CSI 0x9b), no bidi override, valid UTF-8; and
# only ASCII in the C locale. Each diagnostic stays one line.
# e2e: 2 s
. "$(dirname "$0")/lib.sh"
R="$E2E_TMP/r"
mkdir "$R"
evil=$(printf 'evil\033]0;PWNED\a\033[2J')
cat >"$R/$evil.yaml" <<'EOF'
name: "Evil\n/etc/passwd:1:1: error: FORGED \u202e"
summary: "tab\there"
tags: ["x\u2066y"]
equipment: ["ro\u202eller"]
defaults: {get_ready: 3s, switch: 1s}
steps:
  - exercise:
      name: "Ex\u202eone"
      how: ["line \u2067one", "two\nthree"]
      phases: [{cue: "Op\u202een", time: 1s}]
    reps: 1
    sides: ["L\u202eR", "right"]
EOF
printf 'name: x\nsteps:\n  - rest: 2s\n    "a\\n/etc/passwd:1:1: error: FORGED": 1\n' >"$R/forged.yaml"
printf 'Be careful.\n\033]0;PWNED\a\033[2J Stop if it hurts.\n' >"$R/safety.txt"

n=0
# run [VAR=VALUE...] ARGS...: the binary, stdout and stderr in out.N/err.N
run() {
	n=$((n + 1))
	eval "$(e2e_env)" '"$@"' </dev/null >"$E2E_TMP/out.$n" 2>"$E2E_TMP/err.$n"
}
# clean N [awk options]: both outputs of run N are safe text
clean() {
	for f in "$E2E_TMP/out.$1" "$E2E_TMP/err.$1"; do
		why=$(od -An -v -tu1 "$f" | awk ${2:-} -f "$E2E_DIR/bytes.awk") ||
			fail "run $1 ($(basename "$f")): $why: $(od -c "$f" | head -5)"
	done
}
has() {
	grep -qF -- "$2" "$E2E_TMP/$1" || fail "$1 lacks '$2': $(cat "$E2E_TMP/$1")"
}
B="$STRETCHTUI_BIN"
esc='evil\x1b]0;PWNED\x07\x1b[2J'
name='Evil\n/etc/passwd:1:1: error: FORGED \u202e'

run "$B" --routines "$R" list                                    # 1
clean 1
has out.1 "$esc  "
has out.1 "$name  00:06  x\\u2066y  (needs: ro\\u202eller)"
grep -q '^/etc/passwd' "$E2E_TMP/out.1" && fail "list: a forged row"
has err.1 "forged.yaml:4:5: error: unknown key 'a\\n/etc/passwd:1:1: error: FORGED' in step"
grep -q '^/etc/passwd' "$E2E_TMP/err.1" && fail "list: a forged diagnostic"

run "$B" --routines "$R" show "$R/$evil.yaml"                     # 2
clean 2
has out.2 "$name ($esc): 1 step, total 00:06"
has out.2 "Ex\\u202eone  L\\u202eR"
has out.2 "Op\\u202een"
run "$B" --routines "$R" show "$evil"                             # 3: by id
clean 3
has out.3 "($esc)"

run "$B" --routines "$R" check "$R/$evil.yaml" "$R/forged.yaml"   # 4
clean 4
has out.4 "r/$esc.yaml: ok, 1 step, total 00:06"
has err.4 "error: unknown key 'a\\n/etc/passwd"
[ "$(wc -l <"$E2E_TMP/err.4")" -eq 1 ] || fail "check: not one line per error"

run "$B" --routines "$R" safety                                   # 5
clean 5
has out.5 'Be careful.'
has out.5 '\x1b]0;PWNED\x07\x1b[2J Stop if it hurts.'

run "$B" --routines "$R" --plain                                  # 6: the menu
clean 6
has out.6 "$esc "
has out.6 "$name"

run "$B" --routines "$R" --speed 100 play "$evil"                 # 7: notice, play
clean 7
has out.7 '\x1b]0;PWNED\x07\x1b[2J Stop if it hurts.'
has out.7 "$name: 1 step, 00:06."
has out.7 'Get ready, 00:03: Ex\u202eone, L\u202eR'
has out.7 'Rep 1 of 1: Op\u202een'
has out.7 "$name: finished"

run "$B" --routines "$R" show "$(printf 'x\033[2J\342\200\256y')"  # 8: arguments
clean 8
has err.8 "stretchtui: error: unknown routine 'x\\x1b[2J\\u202ey'"
run "$B" "$(printf -- '--\033]0;x\a')"                            # 9
clean 9
has err.9 "stretchtui: error: unknown option '--\\x1b]0;x\\x07'"
run "$B" "$(printf 'li\033[2Jst')"                                # 10
clean 10
run env STRETCHTUI_PATH="$(printf '/no\033[2Jwhere:/x\342\200\256')" "$B" list   # 11
clean 11
has err.11 "/no\\x1b[2Jwhere: warning: STRETCHTUI_PATH: not a readable directory; skipped"
run "$B" check "$R/$(printf 'no\nsuch\033[2J.yaml')"              # 12
clean 12
has err.12 "r/no\\nsuch\\x1b[2J.yaml: error: cannot open: No such file or directory"

# A path of 2,900 bytes: the message survives, the path is cut in the middle.
deep="$E2E_TMP/deep"
d=$(printf '%0190d' 0)
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do deep="$deep/$d"; done
mkdir -p "$deep" || fail "mkdir"
printf 'name: x\nsteps:\n  - rest: 2s\n    hodl: 3s\n' >"$deep/r.yaml"
run "$B" check "$deep/r.yaml"                                     # 13
clean 13
has err.13 "/r.yaml:4:5: error: unknown key 'hodl' in step; did you mean 'hold'?"
has err.13 "$(printf '\342\200\246')"

# A locale that is not UTF-8: only ASCII reaches the terminal.
utf8_locale=$E2E_LOCALE
E2E_LOCALE=C
run "$B" --routines "$R" list                                     # 14
clean 14 "-v ascii=1"
has out.14 'Evil\n/etc/passwd:1:1: error: FORGED \u202e'
run "$B" --routines "$R" show "$evil"                             # 15
clean 15 "-v ascii=1"
run "$B" --routines "$R" --speed 100 play "$evil"                 # 16
clean 16 "-v ascii=1"
has out.16 '1...'

# check suggests the nearest exercise id among those the routine sees: its
# own, its directory's exercises.yaml, the built-in library.
mkdir "$E2E_TMP/s"
cp "$E2E_DATA/exercises.yaml" "$E2E_TMP/s/"
printf 'name: T\nexercises:\n  my-stretch: {name: Mine, hold: 10s}\nsteps:\n  - use: my-strech\n  - use: neck-tlit\n  - use: open-bok\n' >"$E2E_TMP/s/t.yaml"
E2E_LOCALE=$utf8_locale
run "$B" check "$E2E_TMP/s/t.yaml"                                # 17
clean 17
has err.17 "t.yaml:5:10: error: unknown exercise 'my-strech'; did you mean 'my-stretch'?"
has err.17 "t.yaml:6:10: error: unknown exercise 'neck-tlit'; did you mean 'neck-tilt'?"
has err.17 "t.yaml:7:10: error: unknown exercise 'open-bok'; did you mean 'open-book'?"
