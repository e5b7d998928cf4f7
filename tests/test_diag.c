/* test_diag — one diagnostic is one safe line: newlines, controls and bidi
 * overrides in file names and messages are escaped, a path of any length
 * keeps the message whole, quoted text is cut, and messages of any length
 * are kept. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *format_one(const struct diags *d, size_t i, char *buf,
			      size_t size)
{
	diag_format(&d->v[i], buf, size);
	assert_null(strchr(buf, '\n'));
	assert_null(strchr(buf, '\x1b'));
	return buf;
}

static void test_one_line(void **state)
{
	(void)state;
	struct diags d = { 0 };
	char buf[512];
	diag_error(&d, "a\nb\x1b]0;x\a.yaml", 4, 5, "unknown key %s in step",
		   "'x\n/etc/passwd:1:1: error: FORGED'");
	diag_warning(&d, "r\xe2\x80\xae" "lmy.yaml", 0, 0, "bad \xff byte\t!");
	assert_string_equal(format_one(&d, 0, buf, sizeof buf),
			    "a\\nb\\x1b]0;x\\x07.yaml:4:5: error: unknown key "
			    "'x\\n/etc/passwd:1:1: error: FORGED' in step");
	assert_string_equal(format_one(&d, 1, buf, sizeof buf),
			    "r\\u202elmy.yaml: warning: bad \\xff byte\\t!");
	diag_free(&d);
}

static void test_long_path_keeps_message(void **state)
{
	(void)state;
	struct diags d = { 0 };
	size_t n = 3000;
	char *path = malloc(n + 1);
	assert_non_null(path);
	memset(path, 'd', n);
	memcpy(path + n - 7, "/x.yaml", 7);
	path[n] = '\0';
	diag_error(&d, path, 12, 5, "unknown key 'hodl' in step; did you mean 'hold'?");
	char buf[2048];
	format_one(&d, 0, buf, sizeof buf);
	const char *tail = "/x.yaml:12:5: error: unknown key 'hodl' in step; "
			   "did you mean 'hold'?";
	assert_true(strlen(buf) < sizeof buf);
	assert_int_equal(strncmp(buf, "ddd", 3), 0);
	assert_non_null(strstr(buf, "\xe2\x80\xa6"));
	assert_string_equal(buf + strlen(buf) - strlen(tail), tail);
	free(path);
	diag_free(&d);
}

static void test_long_message_kept(void **state)
{
	(void)state;
	struct diags d = { 0 };
	char big[3000];
	memset(big, 'm', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	diag_error(&d, "f.yaml", 1, 1, "%s!", big);
	assert_int_equal(strlen(d.v[0].msg), sizeof big);
	char buf[256];
	format_one(&d, 0, buf, sizeof buf);      /* cut last, with "…" */
	assert_int_equal(strncmp(buf, "f.yaml:1:1: error: mmm", 22), 0);
	assert_string_equal(buf + strlen(buf) - 4, "m\xe2\x80\xa6");
	diag_free(&d);
}

static void test_quote(void **state)
{
	(void)state;
	char q[DIAG_QUOTE_BUF];
	assert_string_equal(diag_quote("hodl", 4, q, sizeof q), "'hodl'");
	assert_string_equal(diag_quote("a\nb\tc", 5, q, sizeof q), "'a\\nb\\tc'");
	const char *k = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk";
	assert_string_equal(diag_quote(k, strlen(k), q, sizeof q),
			    "'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...'");
	char combining[400];   /* zero-width: the buffer is the limit */
	for (size_t i = 0; i + 2 < sizeof combining; i += 2)
		memcpy(combining + i, "\xcc\x81", 2);
	size_t n = sizeof combining - 2;
	assert_true(strlen(diag_quote(combining, n, q, sizeof q)) < sizeof q);
	assert_string_equal(q + strlen(q) - 4, "...'");
}

static void test_print_without_file_and_ascii(void **state)
{
	(void)state;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	char msg[] = "unknown routine 'caf\xc3\xa9\x1b'";
	struct diag g = { DIAG_ERROR, NULL, 0, 0, msg };
	setlocale(LC_CTYPE, "C");
	diag_print_one(&g, f);
	setlocale(LC_CTYPE, "C.UTF-8");
	assert_int_equal(fclose(f), 0);
	assert_string_equal(out, "stretchtui: error: unknown routine 'caf\\u00e9\\x1b'\n");
	free(out);
}

/* A module's own wrapper, as ydoc's and the loader's are. */
static void at_node(struct diags *d, int line, const char *fmt, ...)
	DIAG_PRINTF(3, 4);

static void at_node(struct diags *d, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(d, "r.yaml", line, 3, fmt, ap);
	va_end(ap);
}

static void test_verror_and_counts(void **state)
{
	(void)state;
	struct diags d = { 0 };
	char buf[256], big[600];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	at_node(&d, 7, "unknown key '%s' in %s", "hodl", "step");
	diag_warning(&d, NULL, 0, 0, "only a warning");
	at_node(&d, 9, "%s", big);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.errors, 2);   /* a warning does not count */
	assert_string_equal(format_one(&d, 0, buf, sizeof buf),
			    "r.yaml:7:3: error: unknown key 'hodl' in step");
	assert_string_equal(format_one(&d, 1, buf, sizeof buf),
			    "stretchtui: warning: only a warning");
	assert_string_equal(d.v[2].msg, big);   /* formatted whole, once */
	diag_clear(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_long_path_keeps_message),
		cmocka_unit_test(test_long_message_kept),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_print_without_file_and_ascii),
		cmocka_unit_test(test_verror_and_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
