#!/bin/sh
# The real espeak-ng, through --speech-command: each utterance of a
# session written to a WAV file of its own (espeak-ng -w), each one a
# non-empty RIFF/WAVE file. Skipped (and said so) without espeak-ng.
# e2e: 4 s
. "$(dirname "$0")/lib.sh"
if ! command -v espeak-ng >/dev/null 2>&1; then
	echo "skipped: espeak-ng is not installed (scripts/install-deps.sh installs it)"
	exit 0
fi
mkdir "$E2E_TMP/wav"
mkdir -m 700 "$E2E_TMP/run"   # for the sound library, which would use $TMPDIR
{
	echo '#!/bin/sh'
	printf 'XDG_RUNTIME_DIR="%s/run"; export XDG_RUNTIME_DIR\n' "$E2E_TMP"
	printf 'f=$(mktemp "%s/wav/utt.XXXXXX") || exit 1\n' "$E2E_TMP"
	printf 'printf "%%s\\t%%s\\n" "$f" "$*" >>"%s/wav.list"\n' "$E2E_TMP"
	echo 'exec espeak-ng -w "$f" "$@"'
} >"$E2E_TMP/speak"
chmod +x "$E2E_TMP/speak"
eval "$(e2e_env)" '"$STRETCHTUI_BIN"' play quick --routines '"$E2E_DATA"' --no-safety \
	--speed 4 --speech-command '"$E2E_TMP/speak"' </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
	fail "status $?"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
cut -f2 "$E2E_TMP/wav.list" >"$E2E_TMP/said"
cat >"$E2E_TMP/want" <<'END'
Get ready: Neck tilt, left side, 3 seconds
Switch sides
Rest, 2 seconds. Next: Chin tuck
Get ready: Chin tuck, 2 reps
Done. Well done.
END
diff -u "$E2E_TMP/want" "$E2E_TMP/said" >&2 || fail "not what the plan says"
while IFS="$(printf '\t')" read -r f text; do
	size=$(wc -c <"$f")
	[ "$size" -gt 1000 ] || fail "'$text': $size bytes of WAV"
	[ "$(head -c 4 "$f")" = RIFF ] || fail "'$text': not RIFF"
	[ "$(dd if="$f" bs=1 skip=8 count=4 2>/dev/null)" = WAVE ] || fail "'$text': not WAVE"
done <"$E2E_TMP/wav.list"
