/* test_utf8 — decoding, display width, and safe text: controls, DEL, C1,
 * bidi overrides and invalid bytes escaped; cuts between characters with
 * an ellipsis; never part of an escape. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char *safe(const char *s, unsigned flags)
{
	static char buf[256];
	size_t n = utf8_safen(s, strlen(s), flags, buf, sizeof buf);
	assert_int_equal(n, strlen(buf));
	return buf;
}

static const char *cut(const char *s, int cells, unsigned flags, size_t size)
{
	static char buf[256];
	assert_true(size <= sizeof buf);
	size_t n = utf8_safe_cut(s, strlen(s), cells, flags, buf, size);
	assert_int_equal(n, strlen(buf));
	return buf;
}

static void test_decode(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(utf8_decode("\xe2\x80\xae", 3, &cp), 3);
	assert_int_equal(cp, 0x202e);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(utf8_decode("\xc0\x80", 2, &cp), 0);       /* overlong */
	assert_int_equal(utf8_decode("\xe0\x80\xaf", 3, &cp), 0);   /* overlong */
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0);   /* surrogate */
	assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(utf8_decode("\xe2\x80", 2, &cp), 0);       /* truncated */
	assert_int_equal(utf8_decode("\x9b", 1, &cp), 0);
	assert_int_equal(utf8_decode("", 0, &cp), 0);
}

/* Encoding is decoding backwards, for every kind of length. */
static void test_encode(void **state)
{
	(void)state;
	const uint32_t cps[] = { 0, 'A', 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x202e,
				 0xd7ff, 0xe000, 0xffff, 0x10000, 0x1f600, 0x10ffff };
	char buf[4];
	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		uint32_t back = 0xffffffffu;
		size_t n = utf8_encode(cps[i], buf);
		assert_int_equal(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2
				 : cps[i] < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	assert_int_equal(utf8_encode(0xe9, buf), 2);
	assert_memory_equal(buf, "\xc3\xa9", 2);
	assert_int_equal(utf8_encode(0xd800, buf), 0);
	assert_int_equal(utf8_encode(0xdfff, buf), 0);
	assert_int_equal(utf8_encode(0x110000, buf), 0);
}

static void test_controls_escaped(void **state)
{
	(void)state;
	assert_string_equal(safe("a\nb\tc\rd", 0), "a\\nb\\tc\\rd");
	assert_string_equal(safe("evil\x1b]0;PWNED\a\x1b[2J", 0),
			    "evil\\x1b]0;PWNED\\x07\\x1b[2J");
	assert_string_equal(safe("\x01\x7f", 0), "\\x01\\x7f");
	assert_string_equal(safe("\xc2\x9b" "2J \xc2\x85", 0), "\\u009b2J \\u0085");
	assert_string_equal(safe("plain text, caf\xc3\xa9 \\ / \xe2\x80\xa6", 0),
			    "plain text, caf\xc3\xa9 \\ / \xe2\x80\xa6");
	const char nul[] = "a\0b";
	char buf[16];
	assert_int_equal(utf8_safen(nul, 3, 0, buf, sizeof buf), 6);
	assert_string_equal(buf, "a\\x00b");
}

static void test_bidi_escaped(void **state)
{
	(void)state;
	assert_string_equal(safe("a\xe2\x80\xaa" "b\xe2\x80\xae" "c", 0),
			    "a\\u202ab\\u202ec");
	assert_string_equal(safe("\xe2\x81\xa6\xe2\x81\xa9", 0), "\\u2066\\u2069");
	/* neighbours that do not reorder text pass */
	assert_string_equal(safe("\xe2\x80\xa9\xe2\x81\xa5", 0),
			    "\xe2\x80\xa9\xe2\x81\xa5");
}

static void test_invalid_bytes(void **state)
{
	(void)state;
	assert_string_equal(safe("caf\xe9 \xff\x9b", 0), "caf\\xe9 \\xff\\x9b");
	assert_string_equal(safe("\xc0\x80", 0), "\\xc0\\x80");
	assert_string_equal(safe("\xe2\x80", 0), "\\xe2\\x80");
}

static void test_keep_newlines(void **state)
{
	(void)state;
	assert_string_equal(safe("one\ntwo\r\nthree\rx\t\x1b", UTF8_KEEP_NL),
			    "one\ntwo\r\nthree\\rx\\t\\x1b");
}

static void test_ascii(void **state)
{
	(void)state;
	assert_string_equal(safe("caf\xc3\xa9 3\xe2\x80\xa6 \xf0\x9f\x98\x80",
				 UTF8_ASCII),
			    "caf\\u00e9 3... \\U0001f600");
	assert_string_equal(safe("\xe2\x80\xae\x1b", UTF8_ASCII), "\\u202e\\x1b");
}

static void test_never_part_of_an_escape(void **state)
{
	(void)state;
	char buf[8];
	assert_int_equal(utf8_safen("ab\x1b", 3, 0, buf, 6), 6);
	assert_string_equal(buf, "ab");
	assert_int_equal(utf8_safen("a\xc3\xa9", 3, 0, buf, 3), 3);
	assert_string_equal(buf, "a");
	assert_int_equal(utf8_safen("abc", 3, 0, NULL, 0), 3);
	assert_int_equal(utf8_safe("\xe2\x80\xae", buf, sizeof buf), 6);
	assert_string_equal(buf, "\\u202e");
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("abc"), 3);
	assert_int_equal(utf8_width("caf\xc3\xa9"), 4);
	assert_int_equal(utf8_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	assert_int_equal(utf8_width("\x1b"), 4);
	assert_int_equal(utf8_width("\xff"), 4);
	assert_int_equal(utf8_width("\xe2\x80\xae"), 6);
	assert_int_equal(utf8_widthn("caf\xc3\xa9", 5, UTF8_ASCII), 9);
	assert_int_equal(utf8_widthn("\xe6\x97\xa5\xcc\x81\x1b", 6, UTF8_CHARS), 6);
	int cells;
	assert_int_equal(utf8_char("\xe6\x97\xa5x", 4, 0, &cells), 3);
	assert_int_equal(cells, 2);
	assert_int_equal(utf8_char("\xff" "a", 2, 0, &cells), 1);
	assert_int_equal(cells, 4);
	/* utf8_char_shown: the same, with the size of the safe form, and
	 * whether that is the character itself */
	size_t shown;
	bool as_is;
	assert_int_equal(utf8_char_shown("\xe2\x96\x91", 3, 0, &cells, &shown, &as_is), 3);
	assert_true(as_is);
	assert_int_equal(shown, 3);
	assert_int_equal(cells, 1);
	assert_int_equal(utf8_char_shown("\x1b[", 2, 0, &cells, &shown, &as_is), 1);
	assert_false(as_is);
	assert_int_equal(shown, 4);   /* as its escape */
	assert_int_equal(utf8_char_shown("\xe2\x80\xa6", 3, UTF8_ASCII, &cells, &shown,
					 &as_is), 3);
	assert_false(as_is);         /* the ellipsis as "..." */
	assert_int_equal(cells, 3);
	assert_int_equal(utf8_char_shown("\xff", 1, 0, &cells, &shown, &as_is), 1);
	assert_false(as_is);
	assert_int_equal(shown, utf8_safen("\xff", 1, 0, NULL, 0));
}

static void test_is_safe(void **state)
{
	(void)state;
	assert_true(utf8_is_safe("Open book, caf\xc3\xa9", 16, 0));
	assert_false(utf8_is_safe("caf\xc3\xa9", 5, UTF8_ASCII));
	assert_false(utf8_is_safe("a\nb", 3, 0));
	assert_true(utf8_is_safe("a\nb", 3, UTF8_KEEP_NL));
	assert_false(utf8_is_safe("\xe2\x80\xae", 3, 0));
	assert_false(utf8_is_safe("\xff", 1, 0));
}

static void test_cut(void **state)
{
	(void)state;
	assert_string_equal(cut("abcde", 5, 0, 256), "abcde");
	assert_string_equal(cut("abcdefgh", 5, 0, 256), "abcd\xe2\x80\xa6");
	assert_string_equal(cut("abcdefgh", 5, UTF8_ASCII, 256), "ab...");
	assert_string_equal(cut("abcd\xc3\xa9" "fgh", 5, UTF8_CUT_DOTS, 256), "ab...");
	assert_string_equal(cut("abcd\xc3\xa9", 5, UTF8_CUT_DOTS, 256), "abcd\xc3\xa9");
	assert_string_equal(cut("ab\x1b" "cd", 5, 0, 256), "ab\xe2\x80\xa6");
	assert_string_equal(cut("ab\x1b" "cd", 7, 0, 256), "ab\\x1b\xe2\x80\xa6");
	assert_string_equal(cut("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, 0, 256),
			    "\xe6\x97\xa5\xe2\x80\xa6");
	assert_string_equal(cut("abcdefgh", -1, 0, 6), "ab\xe2\x80\xa6");
	assert_string_equal(cut("abcdefgh", 0, 0, 256), "");
	assert_string_equal(cut("a\nb", -1, 0, 256), "a\\nb");
	char one[1];
	assert_int_equal(utf8_safe_cut("abc", 3, -1, 0, one, 1), 0);
	assert_string_equal(one, "");
}

static void test_fput_and_pad(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(utf8_fput("x\x1by\xe2\x80\xaez\n", 8, 0, f), 0);
	assert_int_equal(utf8_fpad("\xc3\xa9", 4, 0, f), 4);
	assert_int_equal(utf8_fpad("long", 2, 0, f), 4);
	assert_int_equal(utf8_fput("a\nb", 3, UTF8_KEEP_NL, f), 0);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(buf, "x\\x1by\\u202ez\\n\xc3\xa9   longa\nb");
	free(buf);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_controls_escaped),
		cmocka_unit_test(test_bidi_escaped),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_keep_newlines),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_never_part_of_an_escape),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_is_safe),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_fput_and_pad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
