#!/bin/sh
# config.yaml: `stretchtui config` shows each setting's value and origin
# (default, config.yaml:LINE, NO_COLOR, an option) in the order default <
# file < environment < command line; the menu selects the file's routine
# over the one played last; a broken file is reported on stderr and the
# program goes on with the defaults; check validates a config file.
# e2e: 4 s
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
cfg=$E2E_TMP/config/stretchtui/config.yaml
mkdir -p "$E2E_TMP/config/stretchtui"
# 1. no file: every setting has its default
run config >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "config: status $?"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
grep -qF "# $cfg does not exist" "$E2E_TMP/out" || fail "$(head -1 "$E2E_TMP/out")"
[ "$(grep -c '^[a-z].* default' "$E2E_TMP/out")" = 14 ] || fail "not 14 defaults: $(cat "$E2E_TMP/out")"
# 2. a file, then NO_COLOR, then options
printf '# mine\nroutine: countdown\nbell: true\ncolor: always\nsafety_notice: false\nremind:\n  every: 45m\n  days: [mon, fri]\n' >"$cfg"
run config >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "config: status $?"
line() { grep "^$1 " "$E2E_TMP/out" | tr -s ' '; }
[ "$(line routine)" = "routine countdown config.yaml:2" ] || fail "$(line routine)"
[ "$(line bell)" = "bell true config.yaml:3" ] || fail "$(line bell)"
[ "$(line color)" = "color always config.yaml:4" ] || fail "$(line color)"
[ "$(line safety_notice)" = "safety_notice false config.yaml:5" ] || fail "$(line safety_notice)"
[ "$(line remind.every)" = "remind.every 45m config.yaml:7" ] || fail "$(line remind.every)"
[ "$(line remind.days)" = "remind.days [mon, fri] config.yaml:8" ] || fail "$(line remind.days)"
[ "$(line remind.snooze)" = "remind.snooze 5m default" ] || fail "$(line remind.snooze)"
# the remind: mapping is remind's default; its options win
briefly() { eval "$(e2e_env)" timeout 1 '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
briefly remind --plain --routines "$E2E_DATA" >"$E2E_TMP/out" 2>&1
grep -q 'every 45 min, Mon, Fri\.' "$E2E_TMP/out" || fail "remind: $(cat "$E2E_TMP/out")"
briefly remind --plain --every 20m --routines "$E2E_DATA" >"$E2E_TMP/out" 2>&1
grep -q 'every 20 min, Mon, Fri\.' "$E2E_TMP/out" || fail "remind --every: $(cat "$E2E_TMP/out")"
E2E_ENV="NO_COLOR=1"
run config >"$E2E_TMP/out" 2>&1 || fail "config: status $?"
[ "$(line color)" = "color never NO_COLOR" ] || fail "NO_COLOR: $(line color)"
run config --no-color --quiet --no-safety >"$E2E_TMP/out" 2>&1 || fail "config: status $?"
[ "$(line color)" = "color never --no-color" ] || fail "--no-color: $(line color)"
[ "$(line bell)" = "bell false --quiet" ] || fail "--quiet: $(line bell)"
[ "$(line safety_notice)" = "safety_notice false --no-safety" ] || fail "$(line safety_notice)"
E2E_ENV=
run check "$cfg" >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "check: $(cat "$E2E_TMP/err")"
grep -qxF "$cfg: ok, 6 settings" "$E2E_TMP/out" || fail "check: $(cat "$E2E_TMP/out")"
# 3. the menu selects the file's routine, over the one played last
run play quick --routines "$E2E_DATA" --speed 50 >/dev/null 2>&1 || fail "plain play: status $?"
e2e_start 80 24 --routines "$E2E_DATA"
e2e_wait "NAME"
# the frame can reach tmux in more than one write: wait for the marker
e2e_wait "> Countdown test"
e2e_screen | grep -q "^> Countdown test" || fail "the settings' routine is not selected"
e2e_keys q
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
# 4. a broken file: its diagnostics, then the defaults
printf 'bel: false\ncolor: blue\nremind:\n  snooze: 5h\n' >"$cfg"
run list --routines "$E2E_DATA" >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "list with a broken config: status $?"
grep -q "^quick " "$E2E_TMP/out" || fail "list: $(cat "$E2E_TMP/out")"
grep -qF "$cfg:1:1: error: unknown key 'bel' in config.yaml; did you mean 'bell'?" "$E2E_TMP/err" ||
	fail "stderr: $(cat "$E2E_TMP/err")"
[ "$(grep -c "^$cfg:" "$E2E_TMP/err")" = 3 ] || fail "not 3 diagnostics: $(cat "$E2E_TMP/err")"
run config >"$E2E_TMP/out" 2>"$E2E_TMP/err"
grep -qF "has errors: every setting has its default" "$E2E_TMP/out" || fail "$(head -1 "$E2E_TMP/out")"
[ "$(line color)" = "color auto default" ] || fail "broken file: $(line color)"
run check "$cfg" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "check of a broken config: not status 1"
[ "$(grep -c "^$cfg:" "$E2E_TMP/err")" = 3 ] || fail "check: $(cat "$E2E_TMP/err")"
# 5. edit config: the commented starter when there is none, checked on save
rm -f "$cfg"
rm -rf "$E2E_TMP/rounds" && mkdir "$E2E_TMP/rounds"
E2E_ENV="VISUAL= EDITOR=$E2E_DIR/editor.sh EDIT_ROUNDS=$E2E_TMP/rounds EDIT_DO_1=fix"
run edit config >"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "edit config: $(cat "$E2E_TMP/err")"
grep -qxF "$cfg: ok, 0 settings" "$E2E_TMP/out" || fail "edit config: $(cat "$E2E_TMP/out")"
grep -q '^# bell: true' "$cfg" || fail "no starter: $(cat "$cfg")"
rm -rf "$E2E_TMP/rounds" && mkdir "$E2E_TMP/rounds"
E2E_ENV="VISUAL= EDITOR=$E2E_DIR/editor.sh EDIT_ROUNDS=$E2E_TMP/rounds EDIT_DO_1=break"
run edit config >"$E2E_TMP/out" 2>"$E2E_TMP/err"
[ $? = 1 ] || fail "edit config with an error: not status 1"
grep -qF "$cfg:" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
grep -q '^hodl' "$cfg" && fail "the broken edit was saved"
[ "$(ls -A "$E2E_TMP/config/stretchtui")" = "config.yaml" ] || fail "left behind: $(ls -A "$E2E_TMP/config/stretchtui")"
