#!/bin/sh
# A scripted editor for the edit tests: $EDIT_ROUNDS (a directory) counts
# its runs; what it does in run N is $EDIT_DO_N: "break" appends an
# unknown key, "fix" takes it out and appends a comment, "fail" exits 1
# after breaking the file, "none" changes nothing.
n=$(($(ls "$EDIT_ROUNDS" | wc -l) + 1))
touch "$EDIT_ROUNDS/$n"
eval "what=\${EDIT_DO_$n:-none}"
case $what in
break) printf 'hodl: 3\n' >>"$1" ;;
fix) grep -v '^hodl: 3$' "$1" >"$1.new" && printf '# fixed in round %s\n' "$n" >>"$1.new" && mv "$1.new" "$1" ;;
fail) printf 'hodl: 3\n' >>"$1"; exit 1 ;;
esac
exit 0
