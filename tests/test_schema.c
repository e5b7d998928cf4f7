/* test_schema — the loader's table machinery on a table of its own, shaped
 * like a settings file: every type is read into its member, each refusal
 * has its exact message and leaves the member as it was, rule messages are
 * made from the limits, positions are stored, variants say where a key
 * does not belong, and the diagnostics come out sorted and capped. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

struct item {
	const char *cue;
	int64_t ms;
};

struct remind {
	int64_t every_ms;
	const char *hours;
	struct srcpos every_pos;
};

struct conf {
	const char *routine;
	bool bell;
	int color;
	int count;
	int64_t snooze_ms, gap_ms;
	struct strlist cmd;
	struct remind remind;
	struct item *items;
	size_t n_items;
	unsigned days;              /* a bit per day, by the custom reader */
	struct srcpos bell_pos;
	const char *kind_a, *kind_b;
};

static const char *const colors[] = { "auto", "always", "never", NULL };

/* "HH:MM-HH:MM", as a further rule on a string. */
static bool check_hours(struct schema *s, const struct ynode *value,
			const void *candidate)
{
	const char *const *str = candidate;
	int h1, m1, h2, m2;
	char end;
	if (sscanf(*str, "%d:%d-%d:%d%c", &h1, &m1, &h2, &m2, &end) == 4)
		return true;
	schema_error(s, value, "hours must be HH:MM-HH:MM");
	return false;
}

/* A list of day names into a bit mask: a custom reader. */
static bool read_days(struct schema *s, const struct ynode *key,
		      const struct schema_field *f, void *field)
{
	static const char *const days[] = { "mon", "tue", "wed", "thu",
					    "fri", "sat", "sun" };
	if (key->value->kind != YNODE_SEQ) {
		schema_wrong_type(s, key, schema_text(s, f->what));
		return false;
	}
	unsigned mask = 0;
	for (const struct ynode *it = key->value->head; it; it = it->next) {
		size_t d = 0;
		while (d < 7 && (!schema_is_text(it) || strcmp(it->str, days[d])))
			d++;
		if (d == 7) {
			schema_error(s, it, "not a day");
			return false;
		}
		mask |= 1u << d;
	}
	memcpy(field, &mask, sizeof mask);
	return true;
}

/* What the rows name, by index (struct schema_set). */
enum { T_NONE, T_CMD, T_DAYS, T_KIND, T_N };
static const char *const texts[T_N] = {
	[T_CMD] = "must name a program and at most {max} words in all",
	[T_DAYS] = "a list of days",
	[T_KIND] = "'{key}' belongs to the other kind",
};
enum { N_NONE, N_COLORS, N_N };
static const char *const *const names[N_N] = { [N_COLORS] = colors };
enum { R_NONE, R_DAYS, R_N };
static const schema_read_fn reads[R_N] = { [R_DAYS] = read_days };
enum { C_NONE, C_HOURS, C_N };
static const schema_check_fn checks[C_N] = { [C_HOURS] = check_hours };
enum { M_NONE, M_REMIND, M_ITEM, M_N };

static const struct schema_field remind_fields[] = {
	{ SCHEMA_FIELD("every", DURATION, struct remind, every_ms),
	  .min = 60000, .max = 5400000,
	  .pos = SCHEMA_POS(struct remind, every_pos) },
	{ SCHEMA_FIELD("hours", STRING, struct remind, hours),
	  .check = C_HOURS },
	SCHEMA_END
};
static const struct schema_map remind_map = {
	.place = "remind", .must = "remind must be a mapping",
	.fields = remind_fields, .size = sizeof(struct remind)
};

static const struct schema_field item_fields[] = {
	{ SCHEMA_FIELD("cue", STRING, struct item, cue),
	  .flags = SCHEMA_REQUIRED | SCHEMA_NONEMPTY },
	{ SCHEMA_FIELD("time", DURATION, struct item, ms), .min = 500,
	  .max = 3600000 },
	SCHEMA_END
};
static const struct schema_map item_map = {
	.place = "item", .must = "an item must be a mapping",
	.fields = item_fields, .size = sizeof(struct item)
};

#define VARIANT_A 1u
#define VARIANT_B 2u

static const struct schema_field conf_fields[] = {
	{ SCHEMA_FIELD("routine", STRING, struct conf, routine) },
	{ SCHEMA_FIELD("bell", BOOL, struct conf, bell),
	  .pos = SCHEMA_POS(struct conf, bell_pos) },
	{ SCHEMA_FIELD("color", ENUM, struct conf, color), .names = N_COLORS },
	{ SCHEMA_FIELD("count", INT, struct conf, count), .min = 1, .max = 10 },
	{ SCHEMA_FIELD("snooze", DURATION, struct conf, snooze_ms),
	  .min = 60000, .max = 5400000 },
	{ SCHEMA_FIELD("gap", DURATION, struct conf, gap_ms), .min = 500,
	  .max = 3600000, .flags = SCHEMA_ZERO },
	{ SCHEMA_FIELD("cmd", STRLIST, struct conf, cmd), .min = 1, .max = 3,
	  .rule = T_CMD },
	{ SCHEMA_FIELD("remind", MAP, struct conf, remind), .map = M_REMIND },
	{ SCHEMA_FIELD("items", LIST, struct conf, items), .map = M_ITEM,
	  .count = offsetof(struct conf, n_items), .min = 1, .max = 4 },
	{ SCHEMA_FIELD("days", CUSTOM, struct conf, days), .read = R_DAYS,
	  .what = T_DAYS },
	{ SCHEMA_FIELD("a", STRING, struct conf, kind_a), .only = VARIANT_A,
	  .elsewhere = T_KIND },
	{ SCHEMA_FIELD("b", STRING, struct conf, kind_b), .only = VARIANT_B },
	SCHEMA_END
};
static const struct schema_map conf_map = {
	.place = "settings", .must = "settings must be a mapping",
	.fields = conf_fields, .size = sizeof(struct conf)
};

static const struct schema_map *const maps[M_N] = {
	[M_REMIND] = &remind_map, [M_ITEM] = &item_map,
};
static const struct schema_set set = {
	.text = texts, .names = names, .read = reads, .check = checks, .map = maps,
};

static const struct schema_field need_fields[] = {
	{ SCHEMA_FIELD("routine", STRING, struct conf, routine),
	  .flags = SCHEMA_REQUIRED },
	{ SCHEMA_FIELD("count", INT, struct conf, count), .min = 1, .max = 9,
	  .flags = SCHEMA_REQUIRED },
	{ SCHEMA_FIELD("bell", BOOL, struct conf, bell),
	  .flags = SCHEMA_REQUIRED },
	SCHEMA_END
};
static const struct schema_map need_map = {
	.place = "thing", .must = "a thing must be a mapping",
	.fields = need_fields, .size = sizeof(struct conf)
};

/* The widest a row holds: a key of SCHEMA_KEY_SIZE - 1 bytes (a longer
 * one does not compile), the longest range of the program's own tables
 * (remind.every: 1m to 24h, in a row's int32_t). */
static const struct schema_field wide_fields[] = {
	{ SCHEMA_FIELD("fifteen_letters", BOOL, struct conf, bell) },
	{ SCHEMA_FIELD("snooze", DURATION, struct conf, snooze_ms),
	  .min = 60000, .max = 86400000 },
	SCHEMA_END
};
static const struct schema_map wide_map = {
	.place = "wide", .must = "wide must be a mapping",
	.fields = wide_fields, .size = sizeof(struct conf)
};

/* ---- helpers ------------------------------------------------------------- */

struct run {
	struct arena arena;
	struct conf conf;
	const struct schema_map *map;
	unsigned variant;           /* 0: schema_read_root */
	int rc;
};

static void read_root(struct schema *s, const struct ynode *root)
{
	struct run *t = s->user;
	if (!t->variant) {
		schema_read_root(s, root, t->map, &t->conf);
		return;
	}
	schema_check_keys(s, root, t->map);
	schema_read_fields(s, root, t->map, &t->conf, t->variant);
}

/* Reads text with the table; the diagnostics as printed, one a line,
 * malloc'd. t->conf keeps what was read. */
static char *run(struct run *t, const char *text)
{
	struct diags d = { 0 };
	struct schema s = { .path = "c.yaml", .a = &t->arena, .set = &set,
			    .user = t };
	t->rc = schema_load(&s, text, strlen(text), read_root, &d);
	assert_int_equal(t->rc, d.errors ? -1 : 0);
	size_t cap = 1, len = 0;
	for (size_t i = 0; i < d.n; i++)
		cap += 512;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	for (size_t i = 0; i < d.n; i++) {
		diag_format(&d.v[i], out + len, 512);
		len += strlen(out + len);
		out[len++] = '\n';
		out[len] = '\0';
	}
	diag_free(&d);
	return out;
}

static void start(struct run *t, const struct schema_map *m)
{
	memset(t, 0, sizeof *t);
	t->map = m;
	t->conf.count = 7;   /* defaults a refused value leaves alone */
	t->conf.snooze_ms = 300000;
	t->conf.color = 2;
}

/* One file's diagnostics must be exactly want. */
static void expect(const char *text, const char *want)
{
	struct run t;
	start(&t, &conf_map);
	char *got = run(&t, text);
	if (strcmp(got, want) != 0)
		print_error("for:\n%s\nexpected:\n%sgot:\n%s", text, want, got);
	assert_string_equal(got, want);
	free(got);
	arena_free(&t.arena);
}

/* ---- tests --------------------------------------------------------------- */

static void test_every_type(void **state)
{
	(void)state;
	struct run t;
	start(&t, &conf_map);
	char *out = run(&t, "routine: desk-break-5\n"
			    "bell: True\n"
			    "color: always\n"
			    "count: 10\n"
			    "snooze: 1m30s\n"
			    "gap: 0\n"
			    "cmd: [espeak-ng, -s, \"150\"]\n"
			    "remind:\n"
			    "  every: 30m\n"
			    "  hours: \"09:00-17:30\"\n"
			    "items:\n"
			    "  - {cue: Open, time: 3s}\n"
			    "  - {cue: Close, time: 1.5}\n"
			    "days: [mon, fri]\n");
	assert_string_equal(out, "");
	assert_int_equal(t.rc, 0);
	assert_string_equal(t.conf.routine, "desk-break-5");
	assert_true(t.conf.bell);
	assert_int_equal(t.conf.bell_pos.line, 2);
	assert_int_equal(t.conf.bell_pos.col, 7);
	assert_int_equal(t.conf.color, 1);
	assert_int_equal(t.conf.count, 10);
	assert_int_equal(t.conf.snooze_ms, 90000);
	assert_int_equal(t.conf.gap_ms, 0);
	assert_int_equal(t.conf.cmd.n, 3);
	assert_string_equal(t.conf.cmd.v[2], "150");
	assert_int_equal(t.conf.remind.every_ms, 1800000);
	assert_int_equal(t.conf.remind.every_pos.line, 9);
	assert_int_equal(t.conf.remind.every_pos.col, 10);
	assert_string_equal(t.conf.remind.hours, "09:00-17:30");
	assert_int_equal(t.conf.n_items, 2);
	assert_string_equal(t.conf.items[1].cue, "Close");
	assert_int_equal(t.conf.items[1].ms, 1500);
	assert_int_equal(t.conf.days, 1u | 1u << 4);
	free(out);
	arena_free(&t.arena);
}

/* A refused value is reported and its member keeps the default. */
static void test_refused_keeps_default(void **state)
{
	(void)state;
	struct run t;
	start(&t, &conf_map);
	char *out = run(&t, "count: 11\nsnooze: 2h\ncolor: sometimes\n"
			    "bell: yes\n");
	assert_int_equal(t.rc, -1);
	assert_int_equal(t.conf.count, 7);
	assert_int_equal(t.conf.snooze_ms, 300000);
	assert_int_equal(t.conf.color, 2);
	assert_false(t.conf.bell);
	assert_int_equal(t.conf.bell_pos.line, 0);   /* not accepted */
	free(out);
	arena_free(&t.arena);
}

static void test_type_messages(void **state)
{
	(void)state;
	expect("routine: [a]\n",
	       "c.yaml:1:10: error: routine must be a string, not a list\n");
	expect("routine: {a: b}\n",
	       "c.yaml:1:10: error: routine must be a string, not a mapping; "
	       "put text that contains ': ' in quotes\n");
	expect("bell:\n", "c.yaml:1:1: error: bell must be true or false, "
			  "not empty\n");
	expect("count: 2.5\n",
	       "c.yaml:1:8: error: count must be a whole number, not '2.5'\n");
	expect("snooze: soon\n",
	       "c.yaml:1:9: error: invalid duration 'soon'; use e.g. 45s, 1m30s, "
	       "2m, 1.5s or a number of seconds\n");
	expect("snooze: 1.00001m\n",
	       "c.yaml:1:9: error: snooze must be whole milliseconds, "
	       "not 1.00001m\n");
	expect("cmd: say\n",
	       "c.yaml:1:6: error: cmd must be a list of strings, not 'say'\n");
	expect("cmd: [say, [x]]\n",
	       "c.yaml:1:12: error: each item of cmd must be a string, "
	       "not a list\n");
	expect("remind: 5\n",
	       "c.yaml:1:9: error: remind must be a mapping, not '5'\n");
	expect("items: {cue: x}\n",
	       "c.yaml:1:8: error: items must be a list, not a mapping\n");
	expect("days: mon\n",
	       "c.yaml:1:7: error: days must be a list of days, not 'mon'\n");
}

/* One of a list of words, with a "did you mean". */
static void test_enum(void **state)
{
	(void)state;
	expect("color: alway\n",
	       "c.yaml:1:8: error: color must be one of auto, always or never, "
	       "not 'alway'; did you mean 'always'?\n");
	expect("color: purple\n",
	       "c.yaml:1:8: error: color must be one of auto, always or never, "
	       "not 'purple'\n");
	expect("color: [auto]\n",
	       "c.yaml:1:8: error: color must be one of auto, always or never, "
	       "not a list\n");
}

/* Rules are made from the limits in the table. */
static void test_rules_from_limits(void **state)
{
	(void)state;
	expect("count: 0\n",
	       "c.yaml:1:8: error: count must be from 1 to 10, not 0\n");
	expect("count: 99999999999999999999\n",
	       "c.yaml:1:8: error: count must be from 1 to 10, "
	       "not 99999999999999999999\n");
	expect("snooze: 91m\n",
	       "c.yaml:1:9: error: snooze must be from 1m to 1h30m, not 91m\n");
	expect("gap: 0.1s\n",
	       "c.yaml:1:6: error: gap must be 0s (none) or from 0.5s to 1h, "
	       "not 0.1s\n");
	expect("cmd: []\n",
	       "c.yaml:1:6: error: cmd must name a program and at most 3 words "
	       "in all, not 0\n");
	expect("items: [{cue: a}, {cue: b}, {cue: c}, {cue: d}, {cue: e}]\n",
	       "c.yaml:1:8: error: items must have 1 to 4 items, not 5\n");
}

static void test_ms_text(void **state)
{
	(void)state;
	char b[SCHEMA_MS_BUF];
	assert_string_equal(schema_ms_text(0, b, sizeof b), "0s");
	assert_string_equal(schema_ms_text(500, b, sizeof b), "0.5s");
	assert_string_equal(schema_ms_text(1250, b, sizeof b), "1.25s");
	assert_string_equal(schema_ms_text(90000, b, sizeof b), "1m30s");
	assert_string_equal(schema_ms_text(3600000, b, sizeof b), "1h");
	assert_string_equal(schema_ms_text(3723004, b, sizeof b), "1h2m3.004s");
	assert_string_equal(schema_ms_text(14400000, b, sizeof b), "4h");
}

/* Nested mappings and lists of mappings: their own place, their items. */
static void test_nested(void **state)
{
	(void)state;
	expect("remind:\n  evry: 30m\n  every: 1s\n",
	       "c.yaml:2:3: error: unknown key 'evry' in remind; did you mean "
	       "'every'?\n"
	       "c.yaml:3:10: error: every must be from 1m to 1h30m, not 1s\n");
	expect("remind: {hours: 9-5}\n",
	       "c.yaml:1:17: error: hours must be HH:MM-HH:MM\n");
	expect("items:\n  - cue: a\n  - x\n  - {time: 1s}\n  - {cue: ' '}\n",
	       "c.yaml:3:5: error: an item must be a mapping, not 'x'\n"
	       "c.yaml:4:5: error: missing required key 'cue' in item\n"
	       "c.yaml:5:11: error: cue must not be empty\n");
	struct run t;
	start(&t, &conf_map);
	char *out = run(&t, "items: [{cue: a}, x, {cue: b}]\n");
	assert_int_equal(t.conf.n_items, 2);   /* the ones without errors */
	assert_string_equal(t.conf.items[1].cue, "b");
	free(out);
	arena_free(&t.arena);
}

/* Unknown keys, sorted with the rest; a misspelled required key is not
 * also reported missing; an empty file names what it needs. */
static void test_keys(void **state)
{
	(void)state;
	expect("belll: true\ncount: 0\nzzz: 1\n",
	       "c.yaml:1:1: error: unknown key 'belll' in settings; did you mean "
	       "'bell'?\n"
	       "c.yaml:2:8: error: count must be from 1 to 10, not 0\n"
	       "c.yaml:3:1: error: unknown key 'zzz' in settings\n");
	struct run t;
	start(&t, &need_map);
	char *out = run(&t, "");
	assert_string_equal(out, "c.yaml:1:1: error: empty file; a thing needs "
				 "'routine', 'count' and 'bell'\n");
	free(out);
	out = run(&t, "- a\n");
	assert_string_equal(out, "c.yaml:1:1: error: a thing must be a mapping, "
				 "not a list\n");
	free(out);
	out = run(&t, "rutine: x\ncount: 3\n");
	assert_string_equal(out, "c.yaml:1:1: error: unknown key 'rutine' in "
				 "thing; did you mean 'routine'?\n"
				 "c.yaml:1:1: error: missing required key 'bell' "
				 "in thing\n");
	free(out);
	arena_free(&t.arena);
	start(&t, &conf_map);   /* no required keys: an empty file is fine */
	out = run(&t, "# nothing\n");
	assert_string_equal(out, "");
	assert_int_equal(t.rc, 0);
	free(out);
	arena_free(&t.arena);
}

/* A variant reads its rows; the others' keys say so, or are left to the
 * caller. */
static void test_variants(void **state)
{
	(void)state;
	struct run t;
	start(&t, &conf_map);
	t.variant = VARIANT_B;
	char *out = run(&t, "a: x\nb: y\nbell: true\n");
	assert_string_equal(out, "c.yaml:1:1: error: 'a' belongs to the other "
				 "kind\n");
	assert_null(t.conf.kind_a);
	assert_string_equal(t.conf.kind_b, "y");
	assert_true(t.conf.bell);   /* rows without .only are in every one */
	free(out);
	t.variant = VARIANT_A;
	out = run(&t, "a: x\nb: y\n");   /* b has no .elsewhere: silent */
	assert_string_equal(out, "");
	assert_string_equal(t.conf.kind_a, "x");
	free(out);
	arena_free(&t.arena);
}

/* Rows are small (no pointers: plain constants), and still hold the
 * longest key and the widest range. */
static void test_wide_row(void **state)
{
	(void)state;
	assert_true(sizeof(struct schema_field) <= 40);
	assert_int_equal(strlen(wide_fields[0].key), SCHEMA_KEY_SIZE - 1);
	struct run t;
	start(&t, &wide_map);
	char *out = run(&t, "fifteen_letters: true\nsnooze: 1440m\n");
	assert_string_equal(out, "");
	assert_true(t.conf.bell);
	assert_int_equal(t.conf.snooze_ms, 86400000);
	free(out);
	out = run(&t, "fifteen_letterz: true\nsnooze: 1441m\n");
	assert_string_equal(out, "c.yaml:1:1: error: unknown key 'fifteen_letterz' "
				 "in wide; did you mean 'fifteen_letters'?\n"
				 "c.yaml:2:9: error: snooze must be from 1m to 24h, "
				 "not 1441m\n");
	free(out);
	arena_free(&t.arena);
}

/* At most SCHEMA_MAX_ERRORS, then one line for the rest. */
static void test_error_cap(void **state)
{
	(void)state;
	char text[60 * 8 + 1] = "";
	for (int i = 0; i < 60; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text),
			 "k%02d: 1\n", i);
	struct run t;
	start(&t, &conf_map);
	char *out = run(&t, text);
	size_t lines = 0;
	for (const char *p = out; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, SCHEMA_MAX_ERRORS + 1);
	assert_non_null(strstr(out, "c.yaml:51:1: error: too many errors; "
				    "10 more not shown\n"));
	free(out);
	arena_free(&t.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_type),
		cmocka_unit_test(test_refused_keeps_default),
		cmocka_unit_test(test_type_messages),
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_rules_from_limits),
		cmocka_unit_test(test_ms_text),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_wide_row),
		cmocka_unit_test(test_error_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
