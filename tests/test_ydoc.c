/* test_ydoc — libyaml opened only while something parses: a parse leaves
 * it unmapped, a hold keeps it for a batch, and a library that will not
 * load is a located error, not a crash. The file is built with ydoc.c
 * itself, to reach the open with a name that does not exist. */
#define _GNU_SOURCE 1   /* RTLD_NOLOAD */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../src/ydoc.c"

static const char doc_text[] = "name: Test\nsteps:\n  - rest: 5s\n";

/* Whether libyaml is mapped in this process now. */
static bool libyaml_loaded(void)
{
	void *h = dlopen(YDOC_LIBYAML, RTLD_LAZY | RTLD_NOLOAD);
	if (h)
		dlclose(h);
	return h != NULL;
}

static int parse(struct diags *d)
{
	struct ydoc doc;
	int rc = ydoc_parse(&doc, "t.yaml", doc_text, sizeof doc_text - 1, 0, d);
	assert_non_null(doc.root);
	assert_int_equal(doc.root->kind, YNODE_MAP);
	assert_int_equal(doc.root->n, 2);
	ydoc_free(&doc);
	return rc;
}

static void test_parse_leaves_it_unloaded(void **state)
{
	(void)state;
	struct diags d = { 0 };
	assert_false(libyaml_loaded());
	assert_int_equal(parse(&d), 0);
	assert_int_equal(d.n, 0);
	assert_false(libyaml_loaded());
	diag_free(&d);
}

static void test_hold_keeps_it_for_a_batch(void **state)
{
	(void)state;
	struct diags d = { 0 };
	void *hold = ydoc_hold();
	assert_non_null(hold);
	assert_true(libyaml_loaded());
	for (int i = 0; i < 3; i++) {
		assert_int_equal(parse(&d), 0);
		assert_true(libyaml_loaded());
	}
	ydoc_release(hold);
	assert_false(libyaml_loaded());
	ydoc_release(NULL);   /* a hold that failed */
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

static void test_missing_library_is_located(void **state)
{
	(void)state;
	struct diags d = { 0 };
	struct ydoc doc = { 0 };
	struct ybuild b = { .doc = &doc, .path = "routines/x.yaml", .d = &d };
	struct ydoc_yaml y;
	assert_int_equal(ydoc_yaml_open(&y, "libstretchtui-test-no-such-yaml.so.0", &b), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].level, DIAG_ERROR);
	assert_string_equal(d.v[0].file, "routines/x.yaml");
	assert_non_null(strstr(d.v[0].msg, "cannot parse: libyaml (libstretchtui-test-no-such-yaml.so.0) would not load"));
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_leaves_it_unloaded),
		cmocka_unit_test(test_hold_keeps_it_for_a_batch),
		cmocka_unit_test(test_missing_library_is_located),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
