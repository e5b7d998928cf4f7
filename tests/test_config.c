/* test_config — config.yaml: every key valid, of the wrong type, out of
 * range, misspelt (with its suggestion); a broken file keeps every
 * default; the merge order default < file < environment < command line;
 * each setting's origin and value as `stretchtui config` shows them; and
 * the bad corpus tests/data/bad-config/ with the exact diagnostics of each
 * file's .expect. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#define BAD_DIR "tests/data/bad-config"
#define MIN_BAD_FIXTURES 8

/* The diagnostics of parsing text, one per line ("" when none). */
static char *parse_diags(struct config *c, const char *text, int *rc)
{
	struct diags d = { 0 };
	config_init(c);
	*rc = config_parse(c, "config.yaml", text, strlen(text), &d);
	size_t cap = 1, len = 0;
	for (size_t i = 0; i < d.n; i++)
		cap += 600;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	for (size_t i = 0; i < d.n; i++) {
		char line[600];
		diag_format(&d.v[i], line, sizeof line);
		len += (size_t)snprintf(out + len, cap - len, "%s\n", line);
	}
	assert_int_equal(*rc != 0, d.errors != 0);
	diag_free(&d);
	return out;
}

/* text must load without a word; then key k reads want, from line. */
static void good(const char *text, enum config_key k, const char *want, int line)
{
	struct config c;
	int rc;
	char *out = parse_diags(&c, text, &rc);
	if (*out)
		print_error("%s", out);
	assert_string_equal(out, "");
	assert_int_equal(rc, 0);
	assert_true(c.loaded);
	char buf[512];
	assert_string_equal(config_value(&c, k, buf, sizeof buf), want);
	char where[64];
	snprintf(where, sizeof where, "config.yaml:%d", line);
	assert_string_equal(config_origin(&c, k, buf, sizeof buf), where);
	free(out);
	config_free(&c);
}

/* text must fail with exactly the diagnostic want, keeping the defaults. */
static void bad(const char *text, const char *want)
{
	struct config c, def;
	int rc;
	char *out = parse_diags(&c, text, &rc);
	char line[600];
	snprintf(line, sizeof line, "%s\n", want);
	if (strcmp(out, line) != 0)
		print_error("for:\n%sgot:\n%s", text, out);
	assert_string_equal(out, line);
	assert_int_equal(rc, -1);
	assert_true(c.broken);
	assert_false(c.loaded);
	config_init(&def);
	for (int k = 0; k < CONFIG_N_KEYS; k++) {
		char a[512], b[512];
		assert_string_equal(config_value(&c, (enum config_key)k, a, sizeof a),
				    config_value(&def, (enum config_key)k, b, sizeof b));
		assert_string_equal(config_origin(&c, (enum config_key)k, a, sizeof a),
				    "default");
	}
	free(out);
	config_free(&c);
}

static void test_defaults(void **state)
{
	(void)state;
	struct config c;
	char buf[512];
	config_init(&c);
	static const char *const want[CONFIG_N_KEYS] = {
		"(none: the one played last)", "true", "auto",
		"true", "false", "(espeak-ng, else spd-say)", "(none)", "30m",
		"desk-break-5", "(all day)", "(every day)",
		"5m", "true", "(notify-send -a stretchtui)",
	};
	for (int k = 0; k < CONFIG_N_KEYS; k++) {
		assert_string_equal(config_value(&c, (enum config_key)k, buf, sizeof buf),
				    want[k]);
		assert_string_equal(config_origin(&c, (enum config_key)k, buf, sizeof buf),
				    "default");
	}
	assert_true(c.bell);
	assert_int_equal(c.color, CONFIG_COLOR_AUTO);
	assert_int_equal(c.remind.days_mask, 0x7f);
	config_free(&c);
}

static void test_names(void **state)
{
	(void)state;
	static const char *const want[CONFIG_N_KEYS] = {
		"routine", "bell", "color", "safety_notice", "speech",
		"speech_command", "on_event", "remind.every", "remind.routine",
		"remind.hours", "remind.days", "remind.snooze", "remind.notify",
		"remind.notify_command",
	};
	char buf[64];
	for (int k = 0; k < CONFIG_N_KEYS; k++)
		assert_string_equal(config_key_name((enum config_key)k, buf, sizeof buf),
				    want[k]);
}

/* ---- every key: valid, wrong type, out of range, misspelt -------------- */

static void test_routine(void **state)
{
	(void)state;
	good("# mine\nroutine: upper-back-15\n", CONFIG_ROUTINE, "upper-back-15", 2);
	bad("routine: [a]\n", "config.yaml:1:10: error: routine must be a routine id, not a list");
	bad("routine: \"\"\n", "config.yaml:1:10: error: routine must not be empty");
	bad("rutine: x\n", "config.yaml:1:1: error: unknown key 'rutine' in config.yaml; did you mean 'routine'?");
}

static void test_bell(void **state)
{
	(void)state;
	good("bell: false\n", CONFIG_BELL, "false", 1);
	good("bell: TRUE\n", CONFIG_BELL, "true", 1);
	bad("bell: yes\n", "config.yaml:1:7: error: bell must be true or false, not 'yes'");
	bad("bell: 'true'\n", "config.yaml:1:7: error: bell must be true or false, not 'true'");
	bad("bel: false\n", "config.yaml:1:1: error: unknown key 'bel' in config.yaml; did you mean 'bell'?");
}

static void test_color(void **state)
{
	(void)state;
	good("color: never\n", CONFIG_COLOR, "never", 1);
	good("\n\ncolor: always\n", CONFIG_COLOR, "always", 3);
	bad("color: allways\n", "config.yaml:1:8: error: color must be one of auto, always or never, not 'allways'; did you mean 'always'?");
	bad("color: blue\n", "config.yaml:1:8: error: color must be one of auto, always or never, not 'blue'");
	bad("color: [auto]\n", "config.yaml:1:8: error: color must be one of auto, always or never, not a list");
	bad("colour: auto\n", "config.yaml:1:1: error: unknown key 'colour' in config.yaml; did you mean 'color'?");
}

static void test_safety_notice(void **state)
{
	(void)state;
	good("safety_notice: false\n", CONFIG_SAFETY_NOTICE, "false", 1);
	bad("safety_notice: 0\n", "config.yaml:1:16: error: safety_notice must be true or false, not '0'");
	bad("safety_notise: false\n", "config.yaml:1:1: error: unknown key 'safety_notise' in config.yaml; did you mean 'safety_notice'?");
}

static void test_speech(void **state)
{
	(void)state;
	good("speech: true\n", CONFIG_SPEECH, "true", 1);
	bad("speech: on\n", "config.yaml:1:9: error: speech must be true or false, not 'on'");
	bad("speach: true\n", "config.yaml:1:1: error: unknown key 'speach' in config.yaml; did you mean 'speech'?");
}

static void test_speech_command(void **state)
{
	(void)state;
	good("speech_command: [espeak-ng, -s, \"150\"]\n", CONFIG_SPEECH_COMMAND,
	     "[espeak-ng, -s, 150]", 1);
	bad("speech_command: espeak-ng -s 150\n", "config.yaml:1:17: error: speech_command must be a list of words: the program, then its arguments, not 'espeak-ng -s 150'");
	bad("speech_command: []\n", "config.yaml:1:17: error: speech_command must have 1 to 32 words, not 0");
	bad("speech_command: [\"\", x]\n", "config.yaml:1:18: error: the first word of a command (the program) must not be empty");
	bad("speech_command: [a, [b]]\n", "config.yaml:1:21: error: each item of speech_command must be a string, not a list");
	bad("speech_comand: [x]\n", "config.yaml:1:1: error: unknown key 'speech_comand' in config.yaml; did you mean 'speech_command'?");
}

static void test_on_event(void **state)
{
	(void)state;
	good("on_event: \"notify-send \\\"$STRETCHTUI_EVENT\\\"\"\n", CONFIG_ON_EVENT,
	     "notify-send \"$STRETCHTUI_EVENT\"", 1);
	good("on_event: \"\"\n", CONFIG_ON_EVENT, "(none)", 1);
	bad("on_event: [a]\n", "config.yaml:1:11: error: on_event must be a string, not a list");
	bad("on_event: notify-send a: b\n", "config.yaml:1:24: error: unexpected ':'; put a value that contains ': ' in quotes");
	bad("on-event: x\n", "config.yaml:1:1: error: unknown key 'on-event' in config.yaml; did you mean 'on_event'?");
}

static void test_remind_every(void **state)
{
	(void)state;
	good("remind:\n  every: 45m\n", CONFIG_REMIND_EVERY, "45m", 2);
	good("remind:\n  every: 90m\n", CONFIG_REMIND_EVERY, "1h30m", 2);
	bad("remind:\n  every: 30s\n", "config.yaml:2:10: error: every must be from 1m to 24h, not 30s");
	bad("remind:\n  every: 1441m\n", "config.yaml:2:10: error: every must be from 1m to 24h, not 1441m");
	bad("remind:\n  every: soon\n", "config.yaml:2:10: error: invalid duration 'soon'; use e.g. 45s, 1m30s, 2m, 1.5s or a number of seconds");
	bad("remind:\n  every: [30m]\n", "config.yaml:2:10: error: every must be a duration, not a list");
	bad("remind:\n  evry: 30m\n", "config.yaml:2:3: error: unknown key 'evry' in remind; did you mean 'every'?");
}

static void test_remind_routine(void **state)
{
	(void)state;
	good("remind:\n  routine: desk-break-5\n", CONFIG_REMIND_ROUTINE, "desk-break-5", 2);
	bad("remind:\n  routine: {a: b}\n", "config.yaml:2:12: error: routine must be a string, not a mapping; put text that contains ': ' in quotes");
	bad("remind:\n  routine: ' '\n", "config.yaml:2:12: error: routine must not be empty");
	bad("remind:\n  rotine: x\n", "config.yaml:2:3: error: unknown key 'rotine' in remind; did you mean 'routine'?");
}

static void test_remind_hours(void **state)
{
	(void)state;
	good("remind:\n  hours: \"09:00-17:30\"\n", CONFIG_REMIND_HOURS, "09:00-17:30", 2);
	good("remind:\n  hours: 00:00-24:00\n", CONFIG_REMIND_HOURS, "00:00-24:00", 2);
	bad("remind:\n  hours: 9-17\n", "config.yaml:2:10: error: hours must be a time range such as \"09:00-17:30\" (HH:MM-HH:MM), not '9-17'");
	bad("remind:\n  hours: 09:00-25:00\n", "config.yaml:2:10: error: hours must be a time range such as \"09:00-17:30\" (HH:MM-HH:MM), not '09:00-25:00'");
	bad("remind:\n  hours: 17:00-09:00\n", "config.yaml:2:10: error: hours must end after they start, not '17:00-09:00'");
	bad("remind:\n  hours: [9, 17]\n", "config.yaml:2:10: error: hours must be a time range such as \"09:00-17:30\", not a list");
	bad("remind:\n  hour: 09:00-17:00\n", "config.yaml:2:3: error: unknown key 'hour' in remind; did you mean 'hours'?");
}

static void test_remind_days(void **state)
{
	(void)state;
	good("remind:\n  days: [mon, tue, fri]\n", CONFIG_REMIND_DAYS, "[mon, tue, fri]", 2);
	struct config c;
	struct diags d = { 0 };
	config_init(&c);
	const char *t = "remind:\n  days: [sun, mon, wed]\n";
	assert_int_equal(config_parse(&c, "config.yaml", t, strlen(t), &d), 0);
	assert_int_equal(c.remind.days_mask, 0x45);
	config_free(&c);
	bad("remind:\n  days: [mon, tues]\n", "config.yaml:2:15: error: 'tues' is not a day: use mon, tue, wed, thu, fri, sat or sun; did you mean 'tue'?");
	bad("remind:\n  days: [mon, mon]\n", "config.yaml:2:15: error: day 'mon' is listed twice");
	bad("remind:\n  days: []\n", "config.yaml:2:9: error: days must list 1 to 7 days, not 0");
	bad("remind:\n  days: mon-fri\n", "config.yaml:2:9: error: days must be a list of days such as [mon, tue], not 'mon-fri'");
	bad("remind:\n  dayz: [mon]\n", "config.yaml:2:3: error: unknown key 'dayz' in remind; did you mean 'days'?");
}

static void test_remind_snooze(void **state)
{
	(void)state;
	good("remind:\n  snooze: 10m\n", CONFIG_REMIND_SNOOZE, "10m", 2);
	bad("remind:\n  snooze: 121m\n", "config.yaml:2:11: error: snooze must be from 1m to 2h, not 121m");
	bad("remind:\n  snooze: 10s\n", "config.yaml:2:11: error: snooze must be from 1m to 2h, not 10s");
	bad("remind:\n  snoze: 5m\n", "config.yaml:2:3: error: unknown key 'snoze' in remind; did you mean 'snooze'?");
}

static void test_remind_notify(void **state)
{
	(void)state;
	good("remind:\n  notify: false\n", CONFIG_REMIND_NOTIFY, "false", 2);
	bad("remind:\n  notify: no\n", "config.yaml:2:11: error: notify must be true or false, not 'no'");
	bad("remind:\n  notfy: true\n", "config.yaml:2:3: error: unknown key 'notfy' in remind; did you mean 'notify'?");
}

static void test_remind_notify_command(void **state)
{
	(void)state;
	good("remind:\n  notify_command: [notify-send, -u, low]\n",
	     CONFIG_REMIND_NOTIFY_COMMAND, "[notify-send, -u, low]", 2);
	bad("remind:\n  notify_command: notify-send\n", "config.yaml:2:19: error: notify_command must be a list of words: the program, then its arguments, not 'notify-send'");
	bad("remind:\n  notify_command: []\n", "config.yaml:2:19: error: notify_command must have 1 to 32 words, not 0");
	bad("remind:\n  notify_comand: [x]\n", "config.yaml:2:3: error: unknown key 'notify_comand' in remind; did you mean 'notify_command'?");
}

static void test_remind_itself(void **state)
{
	(void)state;
	bad("remind: 30m\n", "config.yaml:1:9: error: remind must be a mapping, not '30m'");
	bad("remnd:\n  every: 30m\n", "config.yaml:1:1: error: unknown key 'remnd' in config.yaml; did you mean 'remind'?");
	bad("- bell\n", "config.yaml:1:1: error: config.yaml must be a mapping of settings, not a list");
	bad("banana: 1\n", "config.yaml:1:1: error: unknown key 'banana' in config.yaml");
}

/* Empty, comments only: all defaults, and no error. */
static void test_empty(void **state)
{
	(void)state;
	struct config c;
	int rc;
	char *out = parse_diags(&c, "# nothing yet\n", &rc);
	assert_string_equal(out, "");
	assert_int_equal(rc, 0);
	free(out);
	config_free(&c);
	out = parse_diags(&c, "", &rc);
	assert_string_equal(out, "");
	assert_int_equal(rc, 0);
	free(out);
	config_free(&c);
}

/* Every error of a file, not only the first; then nothing of it holds. */
static void test_every_error(void **state)
{
	(void)state;
	struct config c;
	int rc;
	char *out = parse_diags(&c, "bell: false\ncolr: never\nremind:\n  every: 2s\n", &rc);
	assert_string_equal(out,
		"config.yaml:2:1: error: unknown key 'colr' in config.yaml; did you mean 'color'?\n"
		"config.yaml:4:10: error: every must be from 1m to 24h, not 2s\n");
	assert_true(c.bell);   /* the file's valid bell does not hold either */
	free(out);
	config_free(&c);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct config c;
	struct diags d = { 0 };
	config_init(&c);
	assert_int_equal(config_load(&c, "tests/data/no-such-config.yaml", &d), 0);
	assert_int_equal(d.n, 0);
	assert_false(c.loaded);
	assert_false(c.broken);
	config_free(&c);
}

/* ---- merging and origins ----------------------------------------------- */

static void test_merge_order(void **state)
{
	(void)state;
	struct config c;
	struct diags d = { 0 };
	char buf[64];
	const char *t = "bell: true\ncolor: always\nsafety_notice: true\nroutine: a\n";
	config_init(&c);
	assert_int_equal(config_parse(&c, "/home/x/.config/stretchtui/config.yaml",
				      t, strlen(t), &d), 0);
	assert_string_equal(config_origin(&c, CONFIG_COLOR, buf, sizeof buf), "config.yaml:2");
	config_apply_env(&c, "");             /* set but empty: no effect */
	assert_int_equal(c.color, CONFIG_COLOR_ALWAYS);
	config_apply_env(&c, NULL);
	assert_int_equal(c.color, CONFIG_COLOR_ALWAYS);
	config_apply_env(&c, "1");            /* the environment over the file */
	assert_int_equal(c.color, CONFIG_COLOR_NEVER);
	assert_string_equal(config_origin(&c, CONFIG_COLOR, buf, sizeof buf), "NO_COLOR");
	config_set_color(&c, CONFIG_COLOR_NEVER, "--no-color");   /* the option over both */
	assert_string_equal(config_origin(&c, CONFIG_COLOR, buf, sizeof buf), "--no-color");
	config_set_bool(&c, CONFIG_BELL, false, "--quiet");
	assert_false(c.bell);
	assert_string_equal(config_origin(&c, CONFIG_BELL, buf, sizeof buf), "--quiet");
	assert_string_equal(config_value(&c, CONFIG_BELL, buf, sizeof buf), "false");
	assert_string_equal(config_origin(&c, CONFIG_SAFETY_NOTICE, buf, sizeof buf), "config.yaml:3");
	config_set_string(&c, CONFIG_ROUTINE, "b", "--test");
	assert_string_equal(c.routine, "b");
	config_set_bool(&c, CONFIG_ROUTINE, true, "--wrong-type");   /* not a bool: ignored */
	assert_string_equal(config_origin(&c, CONFIG_ROUTINE, buf, sizeof buf), "--test");
	assert_string_equal(config_origin(&c, CONFIG_SPEECH, buf, sizeof buf), "default");
	config_free(&c);
}

static void test_print(void **state)
{
	(void)state;
	struct config c;
	struct diags d = { 0 };
	const char *t = "routine: ab\nremind:\n  days: [mon]\n";
	config_init(&c);
	assert_int_equal(config_parse(&c, "/h\x1b/config.yaml", t, strlen(t), &d), 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	config_print(&c, 1ul << CONFIG_ROUTINE, f);
	fclose(f);
	assert_non_null(strstr(text, "# /h\\x1b/config.yaml\n"));
	char want[256];   /* values in a column as wide as the widest */
	int w = (int)strlen("(notify-send -a stretchtui)");
	snprintf(want, sizeof want, "\n%-22s %-*s  %s\n", "bell", w, "true",
		 "default  (not used yet)");
	assert_non_null(strstr(text, want));
	snprintf(want, sizeof want, "\n%-22s %-*s  %s\n", "remind.days", w, "[mon]",
		 "config.yaml:3  (not used yet)");
	assert_non_null(strstr(text, want));
	snprintf(want, sizeof want, "\n%-22s %-*s  %s\n", "routine", w, "ab",
		 "config.yaml:1");
	assert_non_null(strstr(text, want));
	assert_null(strchr(text, '\x1b'));
	free(text);
	config_free(&c);
}

static void test_is_config_path(void **state)
{
	(void)state;
	assert_true(config_is_config_path("config.yaml"));
	assert_true(config_is_config_path("/a/b/config.yml"));
	assert_false(config_is_config_path("/a/config.yaml/x.yaml"));
	assert_false(config_is_config_path("myconfig.yaml"));
}

/* ---- the bad corpus ---------------------------------------------------- */

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 16);
	size_t n = buf ? fread(buf, 1, (1 << 16) - 1, f) : 0;
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

static void test_bad_fixture(void **state)
{
	const char *path = *state;
	char expect[512];
	snprintf(expect, sizeof expect, "%.*s.expect",
		 (int)(strlen(path) - strlen(".yaml")), path);
	char *want = read_text(expect);
	if (!want)
		fail_msg("missing %s", expect);
	struct config c;
	struct diags d = { 0 };
	config_init(&c);
	assert_int_equal(config_load(&c, path, &d), -1);
	char got[1 << 14] = "";
	size_t used = 0;
	for (size_t i = 0; i < d.n && used < sizeof got; i++) {
		char line[600];
		diag_format(&d.v[i], line, sizeof line);
		used += (size_t)snprintf(got + used, sizeof got - used, "%s\n", line);
	}
	if (strcmp(got, want) != 0)
		print_error("%s: expected\n%sgot\n%s", path, want, got);
	assert_string_equal(got, want);
	assert_true(c.broken);
	diag_free(&d);
	config_free(&c);
	free(want);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_dir(const char *suffix, size_t *count)
{
	DIR *dir = opendir(BAD_DIR);
	size_t n = 0, cap = 64;
	char **v = calloc(cap, sizeof *v);
	for (struct dirent *e; dir && v && (e = readdir(dir)) && n + 1 < cap;) {
		size_t len = strlen(e->d_name), sl = strlen(suffix);
		if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0)
			continue;
		v[n] = malloc(sizeof BAD_DIR + len + 1);
		sprintf(v[n++], "%s/%s", BAD_DIR, e->d_name);
	}
	if (dir)
		closedir(dir);
	if (v)
		qsort(v, n, sizeof *v, by_name);
	*count = n;
	return v;
}

static void free_list(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static void test_bad_corpus_complete(void **state)
{
	(void)state;
	size_t n_yaml, n_expect;
	char **yaml = list_dir(".yaml", &n_yaml);
	char **expect = list_dir(".expect", &n_expect);
	assert_true(n_yaml >= MIN_BAD_FIXTURES);
	assert_int_equal(n_yaml, n_expect);
	free_list(yaml);
	free_list(expect);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_routine),
		cmocka_unit_test(test_bell),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_safety_notice),
		cmocka_unit_test(test_speech),
		cmocka_unit_test(test_speech_command),
		cmocka_unit_test(test_on_event),
		cmocka_unit_test(test_remind_every),
		cmocka_unit_test(test_remind_routine),
		cmocka_unit_test(test_remind_hours),
		cmocka_unit_test(test_remind_days),
		cmocka_unit_test(test_remind_snooze),
		cmocka_unit_test(test_remind_notify),
		cmocka_unit_test(test_remind_notify_command),
		cmocka_unit_test(test_remind_itself),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_every_error),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_merge_order),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_is_config_path),
		cmocka_unit_test(test_bad_corpus_complete),
	};
	size_t n_fixed = sizeof fixed / sizeof fixed[0], n_bad;
	char **bad_files = list_dir(".yaml", &n_bad);
	struct CMUnitTest *tests = calloc(n_fixed + n_bad, sizeof *tests);
	if (!tests || !bad_files)
		return 1;
	memcpy(tests, fixed, sizeof fixed);
	for (size_t i = 0; i < n_bad; i++) {
		struct CMUnitTest *t = &tests[n_fixed + i];
		t->name = bad_files[i] + strlen(BAD_DIR) + 1;
		t->test_func = test_bad_fixture;
		t->initial_state = bad_files[i];
	}
	int rc = _cmocka_run_group_tests("config", tests, n_fixed + n_bad, NULL, NULL);
	free(tests);
	free_list(bad_files);
	return rc;
}
