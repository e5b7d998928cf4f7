#!/bin/sh
# check-layers.sh [BUILD]: the one-way flow as a build rule. Fails (and
# names the file) when
#   - a file other than ui_term.c (the terminal of the full-screen front
#     end) includes curses or terminfo;
#   - a module below the front ends includes a front end's header;
#   - a front end (ui*, plain) includes cli.h: its options come in a
#     struct session_options;
#   - the engine or the plan reads a clock;
#   - a unit test binary in BUILD/tests links ncursesw.
# Prints "layers: ok" otherwise.
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
LC_ALL=C
export LC_ALL
bad=0
say() { echo "layers: $*" >&2; bad=1; }

curses='^[[:space:]]*#[[:space:]]*include[[:space:]]*<(n?curses[a-z]*|term)\.h>'
for f in src/*.c include/*.h; do
	case $f in src/ui_term.c) continue ;; esac
	grep -Eq "$curses" "$f" && say "$f includes curses; only src/ui_term.c may"
done

front='^[[:space:]]*#[[:space:]]*include[[:space:]]*"(ui|ui_[a-z]*|plain|cli)\.h"'
for f in src/*.c include/*.h; do
	case $f in src/ui*.c|include/ui*.h|src/plain*.c|src/cli.c|src/cli_list.c|src/cli_usage.c|src/main.c|include/plain.h|include/cli.h|include/cli_list.h) continue ;; esac
	grep -Eq "$front" "$f" && say "$f is below the front ends but includes one's header"
done

for f in src/ui*.c include/ui*.h src/plain*.c include/plain.h; do
	grep -Eq '^[[:space:]]*#[[:space:]]*include[[:space:]]*"cli\.h"' "$f" &&
		say "$f is a front end but includes cli.h"
done

for f in src/engine.c src/plan.c include/engine.h include/plan.h; do
	grep -Eq '#[[:space:]]*include[[:space:]]*"clock\.h"|clock_gettime|gettimeofday|[^a-z_]time\(' "$f" &&
		say "$f reads a clock; it is handed the time"
done

if command -v ldd >/dev/null 2>&1; then
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		ldd "$t" 2>/dev/null | grep -q ncurses && say "$t links ncurses"
	done
fi
[ $bad -eq 0 ] && echo "layers: ok"
exit $bad
