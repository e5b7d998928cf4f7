/* bigdigits — a built-in block font for the countdown: the digits 0-9 and
 * ':' as 3x5 bitmaps (':' is 1 wide), drawn in text cells at any scale.
 * Pure: no terminal, no allocation.
 *
 * At scale s a pixel is s cells wide and s half-rows tall (square on a
 * terminal whose cells are twice as tall as wide), so text is
 * bigdigits_rows(s) = ceil(5s / 2) rows tall, and s cells for every pixel
 * column across (3 a digit, 1 a ':', 1 the gap between two glyphs):
 *   BIGDIGITS_SMALL (1): 3 rows, half blocks ("▀▄█") with UTF-8, or a
 *     seven-segment figure of '_' and '|' without; a digit is 3 wide;
 *   BIGDIGITS_LARGE (2): 5 rows of "██" (or "##"); a digit is 6 wide;
 *   larger scales the same way: half blocks at odd scales with UTF-8;
 *     without it only even scales are exact (bigdigits_fit picks no
 *     other), an odd one draws each cell from its upper half.
 * Characters other than digits and ':' are drawn as blanks. */
#ifndef STRETCHTUI_BIGDIGITS_H
#define STRETCHTUI_BIGDIGITS_H

#include <stdbool.h>
#include <stddef.h>

enum { BIGDIGITS_SMALL = 1, BIGDIGITS_LARGE = 2 };

/* Rows text takes at a scale (0 below scale 1). */
int bigdigits_rows(int scale);

/* Width in terminal cells of text drawn at a scale. */
int bigdigits_width(const char *text, int scale);

/* The largest scale at which text fits in rows x cols (only 1 and even
 * scales without utf8); 0 when even scale 1 does not. */
int bigdigits_fit(const char *text, int rows, int cols, bool utf8);

/* Bytes a row of text at scale needs, its NUL included. */
size_t bigdigits_row_size(const char *text, int scale);
/* Row `row` (0-based) of text, as a NUL-terminated string of
 * bigdigits_width cells (UTF-8 block characters when utf8, else ASCII).
 * Returns buf, truncated to fit size_buf. */
char *bigdigits_row(const char *text, int scale, bool utf8, int row,
		    char *buf, size_t size_buf);

#endif
