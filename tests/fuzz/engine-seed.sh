#!/bin/sh
# engine-seed.sh LIBRARY ROUTINE...: prints, for each routine, a seed input
# of fuzz_engine.c to a file of the same base name in $SEED_DIR: the routine
# with the library's exercises it uses appended as its own `exercises:`
# (so it loads on its own), a NUL, then a fixed stream of commands:
#   wake x2, pause, wake, resume, wake x4, extend, wake, skip, wake, back,
#   wait 5 s, rep_done, wake, toggle, wake, toggle, wait 25.5 s, wake, skip.
set -eu
lib=$1
shift
for f in "$@"; do
	out="$SEED_DIR/$(basename "$f")"
	{
		cat "$f"
		awk 'NR == FNR { if (match($0, /use: *[^ #]+/)) {
				 v = substr($0, RSTART, RLENGTH); sub(/use: */, "", v);
				 used[v] = 1 }
			 next }
		     /^exercises:/ { inlib = 1; print; next }
		     inlib && /^  [^ #][^:]*:/ { id = $1; sub(/:$/, "", id); keep = (id in used) }
		     inlib && keep' "$f" "$lib"
		printf '\000\011\011\000\011\001\011\011\011\011\005\011\003\011\004\010\062\006\011\002\011\002\010\377\011\003'
	} > "$out"
done
