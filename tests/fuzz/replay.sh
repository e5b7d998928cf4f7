#!/bin/sh
# replay.sh BUILD HARNESS... -- SEED_DIR...
# Runs each harness's replay driver (BUILD/fuzz/replay_HARNESS, see
# replay.c) over tests/fuzz/regress/HARNESS/ and the seed corpus (the
# engine's also over BUILD/fuzz/seed-engine/), then prints the total:
#     fuzz replay: N inputs, F failed
# Exit status 1 when any input failed (the failures are named on stderr).
set -eu
build=$1
shift
harnesses=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	harnesses="$harnesses $1"
	shift
done
[ $# -gt 0 ] && shift
total=0 failed=0 status=0
for h in $harnesses; do
	extra=
	[ "$h" = engine ] && extra=$build/fuzz/seed-engine
	out=$("$build/fuzz/replay_$h" "$h" "$@" $extra "tests/fuzz/regress/$h") || status=1
	echo "  $out"
	n=$(echo "$out" | sed -n 's/^[^:]*: \([0-9]*\) inputs, \([0-9]*\) failed$/\1 \2/p')
	[ -n "$n" ] || { status=1; continue; }
	total=$((total + ${n% *})); failed=$((failed + ${n#* }))
done
echo "fuzz replay: $total inputs, $failed failed"
exit $status
