#!/bin/sh
# edit of a built-in routine: a copy under the same id in the user
# directory, saying so at its top; an editor that breaks the file gets the
# errors and "e edit again"; its second round fixes it and the copy is
# saved (exit 0), with nothing left beside it.
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
id=$(run list | awk 'NR == 1 { print $1 }')
[ -n "$id" ] || fail "no built-in routine"
mkdir "$E2E_TMP/rounds"
E2E_ENV="VISUAL= EDITOR=$E2E_DIR/editor.sh EDIT_ROUNDS=$E2E_TMP/rounds EDIT_DO_1=break EDIT_DO_2=fix"
e2e_start 300 30 edit "$id"
e2e_wait "What now? e edit again"
e2e_screen | grep -qF "/stretchtui/routines/$id.yaml:" || fail "the error does not name the copy"
e2e_screen | grep -qF "error: unknown key 'hodl' in routine" || fail "no error shown"
[ -e "$E2E_TMP/config/stretchtui/routines/$id.yaml" ] && fail "written before it was good"
e2e_keys e
e2e_wait "$id.yaml: ok, "
[ "$(e2e_status)" = 0 ] || fail "status $(cat "$E2E_TMP/status")"
e2e_screen | grep -qF "your copy, which overrides the built-in routine" || fail "no word of the copy"
copy=$E2E_TMP/config/stretchtui/routines/$id.yaml
head -1 "$copy" | grep -qF '# Copied by `stretchtui edit` from the built-in routine' || fail "header: $(head -2 "$copy")"
grep -qx '# fixed in round 2' "$copy" || fail "the second round's fix is not there"
grep -q '^hodl' "$copy" && fail "the first round's error is there"
[ "$(ls "$E2E_TMP/rounds" | wc -l)" -eq 2 ] || fail "the editor ran $(ls "$E2E_TMP/rounds" | wc -l) times"
[ "$(ls -A "$E2E_TMP/config/stretchtui/routines")" = "$id.yaml" ] || fail "left behind: $(ls -A "$E2E_TMP/config/stretchtui/routines")"
run check "$copy" >/dev/null 2>&1 || fail "the saved copy does not pass check"
run list | grep -q "^$id " || fail "list lost the routine"
