# bytes.awk — reads `od -An -v -tu1` (one decimal byte after another) and
# exits 1, saying why, unless the bytes are safe terminal text: valid UTF-8
# with no control character but newline, no C1 control (a raw CSI 0x9b is
# not UTF-8 at all), no bidi override or isolate.
#   -v ascii=1   no byte past 127 either (output for a non-UTF-8 locale)
#   -v esc=1     a terminal's raw output (what ncurses paints): C0
#                controls allowed but BEL, no DCS (ESC P) string, and no
#                OSC (ESC ]) string but ncurses' own colour reset (OSC 104)
function check(c) {
	if (c == 10 || (esc && c < 32 && c != 7))
		return
	if (c < 32 || c == 127)
		bad("control character " c)
	if (c >= 128 && c <= 159)
		bad("C1 control U+00" sprintf("%X", c))
	if ((c >= 8234 && c <= 8238) || (c >= 8294 && c <= 8297))
		bad("bidi override U+" sprintf("%X", c))
}
function bad(why) {
	printf "byte %d: %s\n", pos, why
	failed = 1
	exit 1
}
{
	for (i = 1; i <= NF; i++) {
		b = $i + 0
		pos++
		if (esc && prev == 27 && b == 80)
			bad("ESC P (a DCS string)")
		if (esc && prev == 27 && b == 93) {
			osc = 1; body = ""; prev = b
			continue
		}
		prev = b
		if (osc) {
			if (b != 7 && b != 27) {
				body = body sprintf("%c", b)
				continue
			}
			if (body != "104")
				bad("an OSC string: ESC ] " body)
			osc = 0
			continue
		}
		if (need > 0) {
			if (b < 128 || b > 191)
				bad("invalid UTF-8")
			cp = cp * 64 + (b - 128)
			if (--need == 0)
				check(cp)
			continue
		}
		if (b < 128) {
			check(b)
			continue
		}
		if (ascii)
			bad("non-ASCII byte " b)
		if (b >= 194 && b <= 223) {
			cp = b - 192; need = 1
		} else if (b >= 224 && b <= 239) {
			cp = b - 224; need = 2
		} else if (b >= 240 && b <= 244) {
			cp = b - 240; need = 3
		} else {
			bad("invalid UTF-8 byte " b)
		}
	}
}
END {
	if (!failed && need)
		bad("truncated UTF-8")
}
