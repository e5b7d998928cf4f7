#!/bin/sh
# gen.sh DIR N: N generated routine files gen-00001.yaml ... in DIR (made
# if missing), for tests/bench/goals.sh. Every other one uses exercises of
# the shipped library (routines/exercises.yaml, which is in every
# catalog); the others define theirs inline. Not part of the program.
dir=$1 n=$2
mkdir -p "$dir" || exit 1
awk -v dir="$dir" -v n="$n" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/gen-%05d.yaml", dir, i)
		printf "name: Generated routine %d\n", i > f
		printf "summary: A routine made for measuring the catalog\n" > f
		printf "tags: [bench, gen-%d]\n", i % 7 > f
		printf "steps:\n" > f
		if (i % 2) {
			printf "  - use: open-book\n    sides: [left, right]\n    reps: %d\n", 2 + i % 5 > f
			printf "  - rest: 20s\n  - use: chin-tucks\n    reps: 5\n" > f
		} else {
			printf "  - exercise:\n      name: Neck tilt %d\n", i > f
			printf "      how: [Sit tall., Tilt the head to one side.]\n" > f
			printf "    hold: %ds\n    sides: [left, right]\n", 20 + i % 40 > f
			printf "  - rest: 15s\n" > f
			printf "  - exercise:\n      name: Shrug\n" > f
			printf "      phases: [{cue: Up, time: 2s}, {cue: Down, time: 2s}]\n" > f
			printf "    reps: 8\n" > f
		}
		close(f)
	}
}'
