#!/bin/sh
# make screenshot: a real capture of the player for the README. The
# built-in upper-back-15 runs in a private tmux server at 80x24 (the
# reference size), skipped on to the open book and a few reps into it;
# tmux capture-pane -e gives the screen with its colours, aha turns that
# into HTML, headless chromium takes the picture.
# Needs tmux, aha, chromium and fonts-dejavu-core (apt-get install aha
# chromium fonts-dejavu-core). Usage: scripts/screenshot.sh BIN OUT.png
set -eu
bin=$1
out=$2
for tool in tmux aha chromium; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "make screenshot: $tool not found (apt-get install tmux aha chromium fonts-dejavu-core)" >&2
		exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stretchtui-shot.XXXXXX")
sock=$tmp/sock
t() { tmux -S "$sock" -f "$tmp/tmux.conf" "$@"; }
trap 't kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
printf 'set -g status off\nset -g default-terminal tmux-256color\n' >"$tmp/tmux.conf"
mkdir -p "$tmp/home"

# A home of its own: no safety notice, no history of the user's touched.
t -u new-session -d -s shot -x 80 -y 24 \
	"env HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_STATE_HOME=$tmp/home/.local/state \
	 LANG=C.UTF-8 LC_ALL=C.UTF-8 $bin --no-safety --quiet play upper-back-15"
sleep 1
t send-keys -t shot n          # thoracic extension
sleep 0.5
t send-keys -t shot n          # open book: 10 s to get ready, then reps of 6 s
sleep 17
t capture-pane -e -p -t shot >"$tmp/screen.ansi"
grep -q 'Open book' "$tmp/screen.ansi" || { echo "make screenshot: not the open book:" >&2; cat "$tmp/screen.ansi" >&2; exit 1; }

# 80 columns of DejaVu Sans Mono at 15px are 80 x 0.602 x 15 = 723 px;
# rows of 1.165 em (the font's height: block characters meet) are 24 x
# 17.5 = 420 px.
# Runs of full blocks get a background of their own colour, so that no
# seam shows between two block characters.
full=$(printf '\342\226\210')
aha --black --no-header <"$tmp/screen.ansi" |
	LC_ALL=C sed "s/\($full\)\{1,\}/<span class=b>&<\/span>/g" >"$tmp/body.html"
{
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>\n'
	printf 'html,body{margin:0;background:#000;}\n'
	printf 'pre{margin:0;padding:10px 12px;font:15px/1.165 "DejaVu Sans Mono",monospace;color:#ddd;}\n'
	printf '.b{background:currentColor;}\n'
	printf '</style></head><body><pre>'
	cat "$tmp/body.html"
	printf '</pre></body></html>\n'
} >"$tmp/screen.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
	--window-size=748,442 --screenshot="$tmp/shot.png" "file://$tmp/screen.html" >/dev/null 2>&1
[ -s "$tmp/shot.png" ] || { echo "make screenshot: chromium made no picture" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
cp "$tmp/shot.png" "$out"
echo "$out: $(wc -c <"$out") bytes"
