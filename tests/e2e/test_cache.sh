#!/bin/sh
# A routine once loaded is kept in the state directory's cache and read
# from there; an edit to it (even to the same size) or to its library is
# seen at once; check never uses the cache. Files changed in the last two
# seconds are not kept, hence the wait. A run adds at most 32 entries;
# list keeps its rows in one file, and sees an edit just the same; the
# files kept for the directories, a file added or removed.
# e2e: 3 s
. "$(dirname "$0")/lib.sh"
run() { eval "$(e2e_env)" '"$STRETCHTUI_BIN"' '"$@"' </dev/null; }
dir=$E2E_TMP/config/stretchtui/routines
cache=$E2E_TMP/state/stretchtui/cache
mkdir -p "$dir"
printf 'exercises:\n  reach:\n    name: Overhead reach\n    hold: 20s\n' >"$dir/exercises.yaml"
printf 'name: Alpha\nsteps:\n  - use: reach\n  - rest: 10s\n' >"$dir/mine.yaml"
more=$E2E_TMP/more
mkdir -p "$more"
for i in $(seq 40); do printf 'name: Many %d\nsteps:\n  - rest: 10s\n' "$i" >"$more/many-$i.yaml"; done
sleep 3
run check "$dir/mine.yaml" >/dev/null 2>&1 || fail "check"
[ -e "$cache" ] && fail "check wrote the cache"
run show mine >"$E2E_TMP/out" 2>&1 || fail "show: $(cat "$E2E_TMP/out")"
grep -q "^Alpha (mine)" "$E2E_TMP/out" || fail "show: $(head -1 "$E2E_TMP/out")"
[ "$(ls "$cache" | wc -l)" -eq 1 ] || fail "not kept: $(ls -A "$cache" 2>&1)"
run show mine >"$E2E_TMP/again" 2>&1 || fail "show again"
cmp -s "$E2E_TMP/out" "$E2E_TMP/again" || fail "kept, it shows otherwise"
E2E_ENV="STRETCHTUI_PATH=$more"
run list >"$E2E_TMP/list" 2>&1 || fail "list: $(cat "$E2E_TMP/list")"
grep -q "^many-40 " "$E2E_TMP/list" || fail "list: no many-40"
n=$(ls "$cache"/*.rc | wc -l)
[ "$n" -eq 33 ] || fail "one list left $n entries, not 1 + 32"
ls "$cache"/*.rows >/dev/null 2>&1 || fail "list kept no rows"
ls "$cache"/*.files >/dev/null 2>&1 || fail "list kept no file list"
run list >"$E2E_TMP/list2" 2>&1 || fail "list again"
cmp -s "$E2E_TMP/list" "$E2E_TMP/list2" || fail "the kept rows list otherwise"
printf 'name: Late\nsteps:\n  - rest: 10s\n' >"$more/late.yaml"
run list --ids >"$E2E_TMP/ids" 2>&1 || fail "list --ids"
grep -qx "late" "$E2E_TMP/ids" || fail "a file added is not listed"
rm "$more/many-7.yaml"
run list --ids >"$E2E_TMP/ids" 2>&1 || fail "list --ids"
grep -qx "many-7" "$E2E_TMP/ids" && fail "a file removed is still listed"
E2E_ENV=
printf 'name: Bravo\nsteps:\n  - use: reach\n  - rest: 10s\n' >"$dir/mine.yaml"
run show mine >"$E2E_TMP/out" 2>&1 || fail "show after the edit"
grep -q "^Bravo (mine)" "$E2E_TMP/out" || fail "the edit was not seen: $(head -1 "$E2E_TMP/out")"
E2E_ENV="STRETCHTUI_PATH=$more"
run list >"$E2E_TMP/list" 2>&1 || fail "list after the edit"
grep -q "^mine  *Bravo " "$E2E_TMP/list" || fail "list: the edit was not seen: $(grep '^mine' "$E2E_TMP/list")"
E2E_ENV=
printf 'exercises:\n  reach:\n    name: Overhead REACH\n    hold: 20s\n' >"$dir/exercises.yaml"
run show mine >"$E2E_TMP/out" 2>&1 || fail "show after the library's edit"
grep -q "Overhead REACH" "$E2E_TMP/out" || fail "the library's edit was not seen"
exit 0
