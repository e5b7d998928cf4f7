/* bigdigits — a built-in block font for the countdown: the digits 0-9 and
 * ':' drawn in text cells. Pure: no terminal, no allocation.
 *   LARGE: 5 rows, a 3x5 bitmap with each pixel two cells wide ("██" or
 *          "##"), so a digit is 6 cells wide;
 *   SMALL: 3 rows, the same bitmap in half blocks ("▀▄█") with UTF-8, or a
 *          seven-segment figure of '_' and '|' without; a digit is 3 wide.
 * Characters other than digits and ':' are drawn as blanks. */
#ifndef STRETCHTUI_BIGDIGITS_H
#define STRETCHTUI_BIGDIGITS_H

#include <stdbool.h>
#include <stddef.h>

enum bigdigits_size { BIGDIGITS_LARGE, BIGDIGITS_SMALL };

/* Rows a size takes. */
int bigdigits_rows(enum bigdigits_size size);

/* Width in terminal cells of text drawn in that size. */
int bigdigits_width(const char *text, enum bigdigits_size size);

/* Row `row` (0-based) of text, as a NUL-terminated string of `width` cells
 * (UTF-8 block characters when utf8, else ASCII). Returns buf, truncated
 * to fit size. */
char *bigdigits_row(const char *text, enum bigdigits_size size, bool utf8,
		    int row, char *buf, size_t size_buf);

#endif
