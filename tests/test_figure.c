/* Tests for figure: frame sizes, the mirror image of a row and of a whole
 * figure, which side is flipped, and which frame a moment shows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "figure.h"
#include "utf8.h"

/* (UTF8_CHARS: a character is a cell, whatever the locale.) */
static const char *mirror(const char *row, int width, char *buf, size_t size)
{
	figure_mirror_row(row, strlen(row), width, UTF8_CHARS, buf, size);
	return buf;
}

static void test_mirror_char(void **state)
{
	(void)state;
	const char from[] = "/\\()<>[]{}", to[] = "\\/)(><][}{";
	for (size_t i = 0; i < sizeof from - 1; i++) {
		assert_int_equal(figure_mirror_char(from[i]), to[i]);
		assert_int_equal(figure_mirror_char(to[i]), from[i]);
	}
	const char same[] = " |-_=.oO'`^v:*+#~";
	for (size_t i = 0; i < sizeof same - 1; i++)
		assert_int_equal(figure_mirror_char(same[i]), same[i]);
	assert_int_equal(figure_mirror_char('\0'), '\0');
}

/* Reversed, swapped, and padded on the left to the box's width. */
static void test_mirror_row(void **state)
{
	(void)state;
	char buf[64];
	assert_string_equal(mirror("o/", 2, buf, sizeof buf), "\\o");
	assert_string_equal(mirror(" (o)-<", 6, buf, sizeof buf), ">-(o) ");
	assert_string_equal(mirror("[{", 2, buf, sizeof buf), "}]");
	assert_string_equal(mirror("ab", 5, buf, sizeof buf), "   ba");
	assert_string_equal(mirror("", 3, buf, sizeof buf), "   ");
	assert_string_equal(mirror("", 0, buf, sizeof buf), "");
	/* wider than the box: within its own width, nothing lost */
	assert_string_equal(mirror("abc/", 2, buf, sizeof buf), "\\cba");
	/* twice is the row again, padded */
	char twice[64];
	mirror(" __O/ ", 8, buf, sizeof buf);
	assert_string_equal(mirror(buf, 8, twice, sizeof twice), " __O/   ");
}

/* Characters, not bytes, are reversed; widths are cells. */
static void test_mirror_row_utf8(void **state)
{
	(void)state;
	char buf[64];
	/* "é/" is 2 cells: padded to 4 */
	assert_string_equal(mirror("\xc3\xa9/", 4, buf, sizeof buf),
			    "  \\\xc3\xa9");
	/* a stray byte is one unit and stays as it is (escaped when shown) */
	assert_string_equal(mirror("a\xff(", 0, buf, sizeof buf), ")\xff" "a");
	mirror("\xe2\x80\xa6<", 2, buf, sizeof buf);
	assert_string_equal(buf, ">\xe2\x80\xa6");
	assert_true(utf8_is_safe(buf, strlen(buf), 0));
}

/* A buffer too small: cut between characters, always terminated. */
static void test_mirror_row_small_buffer(void **state)
{
	(void)state;
	char buf[4];
	size_t n = figure_mirror_row("a\xc3\xa9", 3, 2, UTF8_CHARS, buf, sizeof buf);
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "\xc3\xa9" "a");
	n = figure_mirror_row("\xc3\xa9", 2, 3, UTF8_CHARS, buf, sizeof buf);
	assert_string_equal(buf, "  ");   /* not half of a character */
	n = figure_mirror_row("abc", 3, 10, 0, buf, sizeof buf);
	assert_int_equal(n, 3);
	assert_string_equal(buf, "   ");
	n = figure_mirror_row("abc", 3, 0, 0, buf, 1);
	assert_int_equal(n, 0);
	assert_string_equal(buf, "");
	assert_int_equal(figure_mirror_row("abc", 3, 0, 0, buf, 0), 0);
}

static void test_sizes(void **state)
{
	(void)state;
	int rows, cols;
	figure_frame_size(" o\n/|\\\n / \\\n", 0, &rows, &cols);
	assert_int_equal(rows, 3);
	assert_int_equal(cols, 4);
	figure_frame_size(" o\n/|", 0, &rows, &cols);   /* no last newline */
	assert_int_equal(rows, 2);
	assert_int_equal(cols, 2);
	figure_frame_size("", 0, &rows, &cols);
	assert_int_equal(rows, 0);
	assert_int_equal(cols, 0);
	figure_frame_size("\xc3\xa9\n", UTF8_ASCII, &rows, &cols);   /* \u00e9 */
	assert_int_equal(cols, 6);

	const char *v[] = { " o\n/|\\\n", "\\o/\n |\n / \\\n" };
	struct strlist frames = { v, 2 };
	figure_size(&frames, 0, &rows, &cols);
	assert_int_equal(rows, 3);
	assert_int_equal(cols, 4);
}

static void test_flipped(void **state)
{
	(void)state;
	struct exercise x = { .name = "x", .mirror = true };
	assert_false(figure_flipped(&x, 1));
	assert_true(figure_flipped(&x, 2));
	assert_false(figure_flipped(&x, 3));
	assert_true(figure_flipped(&x, 4));
	assert_false(figure_flipped(&x, 0));
	x.mirror = false;
	assert_false(figure_flipped(&x, 2));
	assert_false(figure_flipped(NULL, 2));
}

/* Phase k shows frame k; before the reps, the last one (where a rep
 * starts); a hold its one frame. */
static void test_frame_index(void **state)
{
	(void)state;
	const char *v[] = { "a", "b", "c" };
	struct exercise x = { .name = "x", .figure = { v, 3 } };
	assert_int_equal(figure_frame_index(&x, 1, false), 0);
	assert_int_equal(figure_frame_index(&x, 3, false), 2);
	assert_int_equal(figure_frame_index(&x, 4, false), 0);   /* round */
	assert_int_equal(figure_frame_index(&x, 0, true), 2);
	assert_int_equal(figure_frame_index(&x, 0, false), 0);
	x.figure.n = 1;
	assert_int_equal(figure_frame_index(&x, 0, true), 0);
	assert_int_equal(figure_frame_index(&x, 2, false), 0);
	x.figure.n = 0;
	assert_int_equal(figure_frame_index(&x, 2, true), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mirror_char),
		cmocka_unit_test(test_mirror_row),
		cmocka_unit_test(test_mirror_row_utf8),
		cmocka_unit_test(test_mirror_row_small_buffer),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_flipped),
		cmocka_unit_test(test_frame_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
