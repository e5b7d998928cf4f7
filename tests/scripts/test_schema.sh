#!/bin/sh
# The JSON Schemas of schema/ with a real validator (Debian's
# python3-jsonschema, draft 2020-12; YAML read by python3-yaml as YAML 1.2's
# core schema, as editors read it): the schemas are valid schemas; every
# shipped file and the good corpus validate; every shipped file names its
# schema on its first line; a sample of the bad corpus that a schema can
# express is rejected; the cases of tests/data/schema/agree.txt get the
# verdict of `stretchtui check`; the config samples get theirs (and, once
# `check` reads config.yaml, check's too). STRETCHTUI_BIN: the binary;
# STRETCHTUI_PYTHON: the python3 to use.
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${STRETCHTUI_BIN:-$top/build/stretchtui}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-schema.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
	echo "FAIL schema: $*" >&2
	failed=1
}

py=
for p in ${STRETCHTUI_PYTHON:-/usr/bin/python3 python3}; do
	"$p" -c 'import jsonschema, yaml' >/dev/null 2>&1 && py=$p && break
done
[ -n "$py" ] || { fail "no python3 with jsonschema and yaml (apt-get install python3-jsonschema python3-yaml)"; exit 1; }
HOME=$tmp/home
XDG_CONFIG_HOME=$tmp/home/.config
XDG_STATE_HOME=$tmp/home/.local/state
export HOME XDG_CONFIG_HOME XDG_STATE_HOME
unset STRETCHTUI_PATH
check() {
	"$py" "$top/tests/scripts/schema_check.py" "$top/schema" "$@" || fail "$1: see above"
}

cd "$top" || exit 1

# Shipped files, each naming its schema first, and the good corpus.
for f in routines/*.yaml; do
	case $f in
	*/exercises.yaml) want=exercises ;;
	*) want=routine ;;
	esac
	line="# yaml-language-server: \$schema=../schema/$want.schema.json"
	[ "$(head -n 1 "$f")" = "$line" ] || fail "$f: the first line is not '$line'"
done
check good routines/*.yaml tests/data/good/*.yaml tests/data/good/*.yml

# The bad corpus that a schema can express: types, unknown keys, missing
# keys, ranges, the shape of a step, blank or control-laden text.
sample="blank-name-and-side bom-steps-scalar cascade-hodl cascade-steps
cascade-tempo duration-long-fraction duration-negative duration-overflow
duration-precision duration-syntax empty-file empty-name empty-steps
escape-control escaped-keys-cut escaped-values forged-key hold-too-long
hold-too-short long-scalar missing-name missing-steps multiple-errors
null-steps phases-too-many reps-overflow reps-range reps-zero rest-with-reps
rest-with-sides sets-range sides-duplicate sides-empty sides-range
step-no-source step-two-kinds step-two-sources target-range transition-range
type-defaults-list type-exercises-list type-hold-list type-how-colon
type-name-list type-phases-mapping type-reps-fraction type-reps-string
type-root-list type-self-paced type-step-scalar type-steps-mapping
type-tag-item type-tags-mapping type-tags-string type-use-mapping
unknown-key-defaults unknown-key-exercise unknown-key-no-hint
unknown-key-phase unknown-key-routine unknown-key-step"
libs="lib-bad-exercise lib-missing-exercises lib-not-mapping lib-unknown-key"
files=
for n in $sample; do files="$files tests/data/bad/$n.yaml"; done
lib_files=
for n in $libs; do lib_files="$lib_files tests/data/bad/$n.yaml"; done
# shellcheck disable=SC2086
check bad $files --as exercises $lib_files
n_sample=$(echo $sample $libs | wc -w)
n_bad=$(ls tests/data/bad/*.yaml | wc -l)

# The schema and check on the same cases.
mkdir "$tmp/agree"
check agree "$bin" tests/data/schema/agree.txt "$tmp/agree"
n_agree=$(grep -c '^[=~] ' tests/data/schema/agree.txt)

# config.yaml: the samples, and check's verdict once it reads the file.
check good --as config tests/data/schema/config-good/*.yaml
check bad --as config tests/data/schema/config-bad/*.yaml
mkdir -p "$tmp/probe"
cp tests/data/schema/config-good/short.yaml "$tmp/probe/config.yaml"
if "$bin" check "$tmp/probe/config.yaml" >/dev/null 2>&1; then
	for f in tests/data/schema/config-good/*.yaml tests/data/schema/config-bad/*.yaml; do
		d=$tmp/config/$(basename "$f" .yaml)
		mkdir -p "$d"
		cp "$f" "$d/config.yaml"
		"$bin" check "$d/config.yaml" >/dev/null 2>&1
		rc=$?
		case $f in
		*config-good*) [ $rc = 0 ] || fail "check rejects $f, which the schema accepts" ;;
		*) [ $rc != 0 ] || fail "check accepts $f, which the schema rejects" ;;
		esac
	done
fi
# The config corpus of the loader, when it has one: what a schema can say.
if [ -d tests/data/bad-config ]; then
	for n in bad-days color-case empty-program not-a-mapping out-of-range \
		remind-scalar unknown-keys wrong-types; do
		[ -f "tests/data/bad-config/$n.yaml" ] && check bad --as config "tests/data/bad-config/$n.yaml"
	done
fi

[ "$failed" = 0 ] && echo "scripts: schema ok ($(ls routines/*.yaml | wc -l) shipped files valid," \
	"$n_sample of $n_bad bad files rejected as they must be, $n_agree cases as check judges them)"
exit "$failed"
