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

int bigdigits_rows(int scale)
{
	return scale < 1 ? 0 : (5 * scale + 1) / 2;
}

/* Pixel columns of a glyph. */
static int bigdigits_pixels(char ch)
{
	return ch == ':' ? 1 : 3;
}

int bigdigits_width(const char *text, int scale)
{
	int w = 0;
	for (const char *p = text; *p; p++)
		w += (p != text) + bigdigits_pixels(*p);
	return scale < 1 ? 0 : w * scale;
}

int bigdigits_fit(const char *text, int rows, int cols, bool utf8)
{
	int unit = bigdigits_width(text, 1);
	int s = unit > 0 ? cols / unit : 0;
	while (s > 0 && bigdigits_rows(s) > rows)
		s--;
	if (!utf8 && s > 1 && s % 2)
		s--;
	return s;
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

static void bigdigits_put(struct bigdigits_out *o, const char *s, int times)
{
	size_t n = strlen(s);
	for (; times > 0; times--) {
		if ((size_t)(o->end - o->p) <= n)
			return;
		memcpy(o->p, s, n);
		o->p += n;
		*o->p = '\0';
	}
}

/* One glyph's cells in a row: each pixel column s cells of the half
 * block its two half-rows make. */
static void bigdigits_glyph(struct bigdigits_out *o, char ch, int scale,
			    bool utf8, int r)
{
	unsigned top = bigdigits_bits(ch, 2 * r / scale);
	unsigned bottom = bigdigits_bits(ch, (2 * r + 1) / scale);
	for (int x = bigdigits_pixels(ch) - 1; x >= 0; x--) {
		unsigned t = (top >> x) & 1, b = (bottom >> x) & 1;
		const char *cell = " ";
		if (!utf8)
			cell = t ? "#" : " ";
		else if (t || b)
			cell = t && b ? BIGDIGITS_FULL : t ? BIGDIGITS_UPPER : BIGDIGITS_LOWER;
		bigdigits_put(o, cell, scale);
	}
}

static void bigdigits_seg7_glyph(struct bigdigits_out *o, char ch, int r)
{
	if (ch == ':')
		bigdigits_put(o, bigdigits_seg7_colon[r], 1);
	else if (ch >= '0' && ch <= '9')
		bigdigits_put(o, bigdigits_seg7[r][ch - '0'], 1);
	else
		bigdigits_put(o, "   ", 1);
}

size_t bigdigits_row_size(const char *text, int scale)
{
	/* A cell is at most one block character (3 bytes of UTF-8). */
	return 3 * (size_t)bigdigits_width(text, scale) + 1;
}

char *bigdigits_row(const char *text, int scale, bool utf8, int row,
		    char *buf, size_t size_buf)
{
	struct bigdigits_out o = { buf, buf + size_buf };
	if (size_buf == 0)
		return buf;
	buf[0] = '\0';
	if (row < 0 || row >= bigdigits_rows(scale))
		return buf;
	for (const char *p = text; *p; p++) {
		if (p != text)
			bigdigits_put(&o, " ", scale);
		if (scale == 1 && !utf8)
			bigdigits_seg7_glyph(&o, *p, row);
		else
			bigdigits_glyph(&o, *p, scale, utf8, row);
	}
	return buf;
}
