/* Tests for paths (XDG rules, mkdir -p) and safety (the notice, the
 * "seen" marker). Every path lives under a mkdtemp directory; HOME and the
 * XDG variables are pointed there. Run from the repository root (the
 * shipped notice is read from routines/). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "paths.h"
#include "safety.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct fixture {
	char root[PATH_MAX];
};

static const char *root(void **state)
{
	return ((struct fixture *)*state)->root;
}

/* root/rel into buf. */
static char *under(void **state, const char *rel, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s", root(state), rel);
	assert_true(n > 0 && (size_t)n < size);
	return buf;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static int is_dir(const char *path, mode_t *mode)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (mode)
		*mode = st.st_mode & 07777;
	return 1;
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	const char *tmp = getenv("TMPDIR");
	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	snprintf(fx->root, sizeof fx->root, "%s/stretchtui-test-XXXXXX", tmp);
	if (!mkdtemp(fx->root)) {
		free(fx);
		return -1;
	}
	umask(022);
	*state = fx;
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *fx = *state;
	if (!fx)
		return 0;
	nftw(fx->root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

/* Each test starts with HOME at root/home and no XDG variables. */
static int env_setup(void **state)
{
	char home[PATH_MAX];
	under(state, "home", home, sizeof home);
	setenv("HOME", home, 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_STATE_HOME");
	return 0;
}

/* ---- paths ---------------------------------------------------------- */

static void test_config_dir_default(void **state)
{
	char buf[PATH_MAX], want[PATH_MAX];
	assert_int_equal(paths_config_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, under(state, "home/.config/stretchtui", want,
				       sizeof want));
}

static void test_config_dir_xdg(void **state)
{
	(void)state;
	char buf[PATH_MAX];
	setenv("XDG_CONFIG_HOME", "/somewhere/cfg", 1);
	assert_int_equal(paths_config_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, "/somewhere/cfg/stretchtui");
}

static void test_config_dir_relative_xdg_ignored(void **state)
{
	char buf[PATH_MAX], want[PATH_MAX];
	under(state, "home/.config/stretchtui", want, sizeof want);
	setenv("XDG_CONFIG_HOME", "relative/cfg", 1);
	assert_int_equal(paths_config_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, want);
	setenv("XDG_CONFIG_HOME", "", 1);
	assert_int_equal(paths_config_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, want);
}

static void test_state_dir_default(void **state)
{
	char buf[PATH_MAX], want[PATH_MAX];
	assert_int_equal(paths_state_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, under(state, "home/.local/state/stretchtui",
				       want, sizeof want));
}

static void test_state_dir_xdg(void **state)
{
	char buf[PATH_MAX], want[PATH_MAX];
	setenv("XDG_STATE_HOME", "/var/tmp/st", 1);
	assert_int_equal(paths_state_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, "/var/tmp/st/stretchtui");
	setenv("XDG_STATE_HOME", "st", 1);
	assert_int_equal(paths_state_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, under(state, "home/.local/state/stretchtui",
				       want, sizeof want));
}

static void test_no_usable_home(void **state)
{
	(void)state;
	char buf[PATH_MAX];
	unsetenv("HOME");
	assert_int_equal(paths_config_dir(buf, sizeof buf), -1);
	assert_int_equal(paths_state_dir(buf, sizeof buf), -1);
	setenv("HOME", "not/absolute", 1);
	assert_int_equal(paths_config_dir(buf, sizeof buf), -1);
	assert_int_equal(paths_state_dir(buf, sizeof buf), -1);
	/* An absolute XDG variable still works without a HOME. */
	setenv("XDG_STATE_HOME", "/st", 1);
	assert_int_equal(paths_state_dir(buf, sizeof buf), 0);
	assert_string_equal(buf, "/st/stretchtui");
}

static void test_buffer_too_small(void **state)
{
	(void)state;
	char buf[PATH_MAX];
	setenv("XDG_CONFIG_HOME", "/abc", 1);
	/* "/abc/stretchtui" is 15 characters: 16 bytes fit, 15 do not. */
	assert_int_equal(paths_config_dir(buf, 16), 0);
	assert_string_equal(buf, "/abc/stretchtui");
	assert_int_equal(paths_config_dir(buf, 15), -1);
	assert_int_equal(paths_config_dir(buf, 0), -1);
}

/* The allocating forms agree with the directories, fall back to HOME,
 * and fail (ENOENT) where the directories do. */
static void test_config_and_state_path(void **state)
{
	char want[PATH_MAX];
	char *p = paths_config_path("config.yaml");
	assert_non_null(p);
	assert_string_equal(p, under(state, "home/.config/stretchtui/config.yaml",
				     want, sizeof want));
	free(p);
	setenv("XDG_STATE_HOME", "/var/tmp/st", 1);
	p = paths_state_path("cache");
	assert_string_equal(p, "/var/tmp/st/stretchtui/cache");
	free(p);
	unsetenv("HOME");
	setenv("XDG_STATE_HOME", "relative", 1);
	errno = 0;
	assert_null(paths_state_path("cache"));
	assert_int_equal(errno, ENOENT);
	assert_null(paths_config_path("config.yaml"));
}

/* A state file written is read back as its first line, the directory
 * made on the way, no temporary left beside it; none is -1. */
static void test_state_write_read(void **state)
{
	char dir[PATH_MAX], path[PATH_MAX + 32], line[64];
	setenv("XDG_STATE_HOME", under(state, "sw", dir, sizeof dir), 1);
	assert_int_equal(paths_state_read("last", line, sizeof line), -1);
	assert_int_equal(paths_state_write("last", "upper-back-15"), 0);
	assert_int_equal(paths_state_write("last", "neck-5"), 0);
	assert_int_equal(paths_state_read("last", line, sizeof line), 0);
	assert_string_equal(line, "neck-5");
	snprintf(path, sizeof path, "%s/stretchtui/last.tmp", dir);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(paths_state_read("last", line, 4), 0);
	assert_string_equal(line, "nec");
	/* a directory in the way of the file: an error, nothing replaced */
	snprintf(path, sizeof path, "%s/stretchtui/blocked", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(paths_state_write("blocked", "x"), -1);
	assert_int_equal(paths_state_read("blocked", line, sizeof line), -1);
	/* removed: gone, and a second removal says there was none */
	assert_int_equal(paths_state_remove("last"), 0);
	assert_int_equal(paths_state_read("last", line, sizeof line), -1);
	errno = 0;
	assert_int_equal(paths_state_remove("last"), -1);
	assert_int_equal(errno, ENOENT);
}

static void test_mkdir_p(void **state)
{
	char dir[PATH_MAX], mid[PATH_MAX];
	mode_t mode = 0;
	under(state, "mk/a/b/c", dir, sizeof dir);
	assert_int_equal(paths_mkdir_p(dir), 0);
	assert_true(is_dir(dir, &mode));
	assert_int_equal(mode, 0700);
	assert_true(is_dir(under(state, "mk/a", mid, sizeof mid), &mode));
	assert_int_equal(mode, 0700);
	/* Again: nothing to do, still fine; trailing and doubled slashes. */
	assert_int_equal(paths_mkdir_p(dir), 0);
	under(state, "mk//a/b/d/", dir, sizeof dir);
	assert_int_equal(paths_mkdir_p(dir), 0);
	assert_true(is_dir(under(state, "mk/a/b/d", mid, sizeof mid), NULL));
}

static void test_mkdir_p_file_in_the_way(void **state)
{
	char file[PATH_MAX], dir[PATH_MAX];
	assert_int_equal(paths_mkdir_p(under(state, "fw", dir, sizeof dir)), 0);
	write_file(under(state, "fw/file", file, sizeof file), "x\n");
	errno = 0;
	assert_int_equal(paths_mkdir_p(file), -1);
	assert_int_equal(errno, ENOTDIR);
	errno = 0;
	assert_int_equal(paths_mkdir_p(under(state, "fw/file/sub", dir,
					     sizeof dir)), -1);
	assert_int_equal(errno, ENOTDIR);
	assert_int_equal(paths_mkdir_p(""), -1);
}

/* ---- the "seen" marker --------------------------------------------- */

static void test_marker(void **state)
{
	char st[PATH_MAX], marker[PATH_MAX], dir[PATH_MAX];
	mode_t mode = 0;
	setenv("XDG_STATE_HOME", under(state, "state1", st, sizeof st), 1);
	assert_false(safety_seen());
	assert_int_equal(safety_mark_seen(), 0);
	assert_true(safety_seen());
	assert_true(is_dir(under(state, "state1/stretchtui", dir, sizeof dir),
			   &mode));
	assert_int_equal(mode, 0700);
	under(state, "state1/stretchtui/safety-seen", marker, sizeof marker);
	assert_int_equal(access(marker, F_OK), 0);
	/* Marking twice is harmless. */
	assert_int_equal(safety_mark_seen(), 0);
	assert_true(safety_seen());
	/* Another state directory has not seen it. */
	setenv("XDG_STATE_HOME", under(state, "state2", st, sizeof st), 1);
	assert_false(safety_seen());
}

static void test_marker_default_location(void **state)
{
	char marker[PATH_MAX];
	assert_false(safety_seen());
	assert_int_equal(safety_mark_seen(), 0);
	under(state, "home/.local/state/stretchtui/safety-seen", marker,
	      sizeof marker);
	assert_int_equal(access(marker, F_OK), 0);
	assert_true(safety_seen());
}

static void test_marker_without_home(void **state)
{
	(void)state;
	unsetenv("HOME");
	assert_false(safety_seen());
	assert_int_equal(safety_mark_seen(), -1);
}

/* The warning when the marker cannot be written: one safe line in the
 * program's own diagnostic form, naming the directory and the reason. */
static void test_marker_warning(void **state)
{
	char st[PATH_MAX], buf[1024];
	under(state, "in\x1bthe-way", st, sizeof st);
	write_file(st, "a file where a directory should be\n");
	setenv("XDG_STATE_HOME", st, 1);
	assert_int_equal(safety_mark_seen_or_say(buf, sizeof buf), -1);
	const char *head = "stretchtui: warning: cannot record that the safety "
			   "notice was read (";
	assert_int_equal(strncmp(buf, head, strlen(head)), 0);
	assert_null(strchr(buf, '\x1b'));
	assert_non_null(strstr(buf, "in\\x1bthe-way/stretchtui: "));
	assert_non_null(strstr(buf, "); it will be shown again next time"));
	char tiny[24];
	assert_int_equal(safety_mark_seen_or_say(tiny, sizeof tiny), -1);
	assert_true(strlen(tiny) < sizeof tiny);
}

/* ---- the notice ----------------------------------------------------- */

static void test_load_priority(void **state)
{
	char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX], f[PATH_MAX];
	under(state, "dirs/a", a, sizeof a);
	under(state, "dirs/b", b, sizeof b);
	under(state, "dirs/c", c, sizeof c);
	assert_int_equal(paths_mkdir_p(a), 0);
	assert_int_equal(paths_mkdir_p(b), 0);
	assert_int_equal(paths_mkdir_p(c), 0);
	write_file(under(state, "dirs/a/safety.txt", f, sizeof f), "from a\n");
	write_file(under(state, "dirs/b/safety.txt", f, sizeof f), "from b\n");

	char *dirs[] = {a, b, c};
	struct catalog cat = {0};
	cat.dirs = dirs;
	cat.n_dirs = 3;
	char *text = safety_load(&cat);
	assert_non_null(text);
	assert_string_equal(text, "from b\n");
	free(text);

	cat.n_dirs = 1;
	text = safety_load(&cat);
	assert_non_null(text);
	assert_string_equal(text, "from a\n");
	free(text);

	cat.dirs = dirs + 2;
	assert_null(safety_load(&cat));
	cat.n_dirs = 0;
	assert_null(safety_load(&cat));
	assert_null(safety_load(NULL));
}

static char *read_stream(FILE *f)
{
	static const size_t cap = 4096;
	char *buf = calloc(1, cap);
	assert_non_null(buf);
	rewind(f);
	size_t n = fread(buf, 1, cap - 1, f);
	buf[n] = '\0';
	return buf;
}

static void test_print(void **state)
{
	char d[PATH_MAX], f[PATH_MAX];
	under(state, "print", d, sizeof d);
	assert_int_equal(paths_mkdir_p(d), 0);
	write_file(under(state, "print/safety.txt", f, sizeof f),
		   "no newline at the end");
	char *dirs[] = {d};
	struct catalog cat = {0};
	cat.dirs = dirs;
	cat.n_dirs = 1;

	FILE *out = tmpfile();
	assert_non_null(out);
	assert_int_equal(safety_print(&cat, out), 0);
	char *got = read_stream(out);
	assert_string_equal(got, "no newline at the end\n");
	free(got);
	fclose(out);

	/* Missing: status 1, nothing on out. */
	cat.n_dirs = 0;
	out = tmpfile();
	assert_non_null(out);
	/* (safety_print also says so on stderr.) */
	assert_int_equal(safety_print(&cat, out), 1);
	got = read_stream(out);
	assert_string_equal(got, "");
	free(got);
	fclose(out);
}

/* The shipped notice says what the issue asks for, in plain ASCII lines
 * that fit an 80-column terminal and the help overlay. */
static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		       tolower((unsigned char)hay[i]) ==
			       tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static void test_shipped_notice(void **state)
{
	(void)state;
	char shipped[] = "routines";
	char *dirs[] = {shipped};
	struct catalog cat = {0};
	cat.dirs = dirs;
	cat.n_dirs = 1;
	char *text = safety_load(&cat);
	assert_non_null(text);

	static const char *const must[] = {
		"not medical advice",
		"sharp", "comfortable",
		/* the red flags */
		"trauma", "osteoporosis", "cancer", "drug", "HIV",
		"immun", "corticosteroid", "fever", "chills", "weight loss",
		"infection", "numbness", "pins and needles", "constant",
		"worse", "stiffness in the morning", "shape of your chest",
	};
	for (size_t i = 0; i < sizeof must / sizeof must[0]; i++) {
		if (!contains_ci(text, must[i]))
			fail_msg("safety.txt does not mention \"%s\"", must[i]);
	}

	int col = 0, line = 1;
	for (const char *p = text; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '\n') {
			line++;
			col = 0;
			continue;
		}
		if (ch < 0x20 || ch > 0x7e)
			fail_msg("safety.txt:%d: not printable ASCII", line);
		if (++col > 72)
			fail_msg("safety.txt:%d: longer than 72 columns", line);
	}
	assert_true(strlen(text) > 0 && text[strlen(text) - 1] == '\n');
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_config_dir_default, env_setup),
		cmocka_unit_test_setup(test_config_dir_xdg, env_setup),
		cmocka_unit_test_setup(test_config_dir_relative_xdg_ignored,
				       env_setup),
		cmocka_unit_test_setup(test_state_dir_default, env_setup),
		cmocka_unit_test_setup(test_state_dir_xdg, env_setup),
		cmocka_unit_test_setup(test_no_usable_home, env_setup),
		cmocka_unit_test_setup(test_buffer_too_small, env_setup),
		cmocka_unit_test_setup(test_config_and_state_path, env_setup),
		cmocka_unit_test_setup(test_state_write_read, env_setup),
		cmocka_unit_test_setup(test_mkdir_p, env_setup),
		cmocka_unit_test_setup(test_mkdir_p_file_in_the_way, env_setup),
		cmocka_unit_test_setup(test_marker, env_setup),
		cmocka_unit_test_setup(test_marker_default_location, env_setup),
		cmocka_unit_test_setup(test_marker_without_home, env_setup),
		cmocka_unit_test_setup(test_marker_warning, env_setup),
		cmocka_unit_test_setup(test_load_priority, env_setup),
		cmocka_unit_test_setup(test_print, env_setup),
		cmocka_unit_test_setup(test_shipped_notice, env_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
