/* bigdigits — the countdown's block font (see bigdigits.h). */
#include "bigdigits.h"

#include <string.h>

/* 3x5 bitmaps: one row per byte, bit 2 the left pixel. */
static const unsigned char bigdigits_font[10][5] = {
	{ 7, 5, 5, 5, 7 }, { 2, 6, 2, 2, 7 }, { 7, 1, 7, 4, 7 },
	{ 7, 1, 7, 1, 7 }, { 5, 5, 7, 1, 1 }, { 7, 4, 7, 1, 7 },
	{ 7, 4, 7, 5, 7 }, { 7, 1, 1, 1, 1 }, { 7, 5, 7, 5, 7 },
	{ 7, 5, 7, 1, 7 },
};
static const unsigned char bigdigits_colon[5] = { 0, 1, 0, 1, 0 };

/* Seven-segment figures for the small size without UTF-8. */
static const char *const bigdigits_seg7[3][10] = {
	{ " _ ", "   ", " _ ", " _ ", "   ", " _ ", " _ ", " _ ", " _ ", " _ " },
	{ "| |", "  |", " _|", " _|", "|_|", "|_ ", "|_ ", "  |", "|_|", "|_|" },
	{ "|_|", "  |", "|_ ", " _|", "  |", " _|", "|_|", "  |", "|_|", " _|" },
};
static const char *const bigdigits_seg7_colon[3] = { " ", ":", " " };

#define BIGDIGITS_FULL  "\xe2\x96\x88"   /* █ */
#define BIGDIGITS_UPPER "\xe2\x96\x80"   /* ▀ */
#define BIGDIGITS_LOWER "\xe2\x96\x84"   /* ▄ */

int bigdigits_rows(enum bigdigits_size size)
{
	return size == BIGDIGITS_LARGE ? 5 : 3;
}

/* Pixels across a glyph (1 for ':'), and the cells per pixel. */
static int bigdigits_pixels(char ch)
{
	return ch == ':' ? 1 : 3;
}

static int bigdigits_gap(enum bigdigits_size size)
{
	return size == BIGDIGITS_LARGE ? 2 : 1;
}

static int bigdigits_cell(enum bigdigits_size size)
{
	return size == BIGDIGITS_LARGE ? 2 : 1;
}

int bigdigits_width(const char *text, enum bigdigits_size size)
{
	int w = 0;
	for (const char *p = text; *p; p++) {
		if (p != text)
			w += bigdigits_gap(size);
		w += bigdigits_pixels(*p) * bigdigits_cell(size);
	}
	return w;
}

/* The bitmap row of a glyph (0 outside the bitmap). */
static unsigned bigdigits_bits(char ch, int r)
{
	if (r < 0 || r > 4)
		return 0;
	if (ch == ':')
		return bigdigits_colon[r];
	if (ch >= '0' && ch <= '9')
		return bigdigits_font[ch - '0'][r];
	return 0;
}

struct bigdigits_out {
	char *p, *end;
};

static void bigdigits_put(struct bigdigits_out *o, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(o->end - o->p) <= n)
		return;
	memcpy(o->p, s, n);
	o->p += n;
	*o->p = '\0';
}

static void bigdigits_large(struct bigdigits_out *o, char ch, bool utf8, int r)
{
	unsigned bits = bigdigits_bits(ch, r);
	int n = bigdigits_pixels(ch);
	for (int x = n - 1; x >= 0; x--) {
		const char *px = (bits >> x) & 1 ? (utf8 ? BIGDIGITS_FULL : "#") : " ";
		bigdigits_put(o, px);
		bigdigits_put(o, px);
	}
}

static void bigdigits_half(struct bigdigits_out *o, char ch, int r)
{
	unsigned top = bigdigits_bits(ch, 2 * r), bottom = bigdigits_bits(ch, 2 * r + 1);
	int n = bigdigits_pixels(ch);
	for (int x = n - 1; x >= 0; x--) {
		unsigned t = (top >> x) & 1, b = (bottom >> x) & 1;
		bigdigits_put(o, t && b ? BIGDIGITS_FULL
				 : t ? BIGDIGITS_UPPER : b ? BIGDIGITS_LOWER : " ");
	}
}

static void bigdigits_seg7_glyph(struct bigdigits_out *o, char ch, int r)
{
	if (ch == ':')
		bigdigits_put(o, bigdigits_seg7_colon[r]);
	else if (ch >= '0' && ch <= '9')
		bigdigits_put(o, bigdigits_seg7[r][ch - '0']);
	else
		bigdigits_put(o, "   ");
}

char *bigdigits_row(const char *text, enum bigdigits_size size, bool utf8,
		    int row, char *buf, size_t size_buf)
{
	struct bigdigits_out o = { buf, buf + size_buf };
	if (size_buf == 0)
		return buf;
	buf[0] = '\0';
	if (row < 0 || row >= bigdigits_rows(size))
		return buf;
	for (const char *p = text; *p; p++) {
		for (int g = p != text ? bigdigits_gap(size) : 0; g > 0; g--)
			bigdigits_put(&o, " ");
		if (size == BIGDIGITS_LARGE)
			bigdigits_large(&o, *p, utf8, row);
		else if (utf8)
			bigdigits_half(&o, *p, row);
		else
			bigdigits_seg7_glyph(&o, *p, row);
	}
	return buf;
}
