/* cli — options, subcommands and exit codes. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "cue.h"
#include "duration.h"
#include "keys.h"
#include "history_report.h"
#include "loader.h"
#include "plain.h"
#include "plan.h"
#include "safety.h"
#include "session.h"
#include "ui.h"
#include "ui_term.h"
#include "utf8.h"

/* The front ends return exit statuses in their own words. */
_Static_assert((int)SESSION_OK == (int)CLI_OK && (int)SESSION_FAILED == (int)CLI_INVALID &&
	       (int)SESSION_NO_ROUTINE == (int)CLI_USAGE, "front ends' statuses are exit codes");

/* --help: the commands, the options, the key lists (from the key
 * tables), the text after them. */
static const char usage_head[] =
	"Usage: stretchtui [OPTION]... [COMMAND [ARG]...]\n"
	"Guided stretch routines in the terminal.\n"
	"\n"
	"Commands:\n"
	"  (none)            pick a routine from the menu, then play it\n"
	"  play ROUTINE      play a routine: an id from 'list' (or a unique start\n"
	"                    of one), a routine's name, or a file path\n"
	"  list [--ids]      the routines: id, name, total time, tags, equipment\n"
	"                    (--ids: only the ids, one a line, without reading\n"
	"                    the files: for shell completion)\n"
	"  show ROUTINE      the plan: every segment with its start time; the total\n"
	"                    (ROUTINE as for play)\n"
	"  check FILE...     validate routine (or exercises.yaml) files; errors\n"
	"                    as FILE:LINE:COL: error: MESSAGE, exit 1 on any\n"
	"  safety            print the safety notice\n";

/* The options, after the commands (and the history command's own). */
static const char usage_options[] =
	"\n"
	"Options:\n"
	"  --routines DIR    also read routines from DIR (overrides same ids)\n"
	"  --plain           line-by-line output, no full-screen interface\n"
	"                    (the default when standard output is not a terminal)\n"
	"  --no-color        no colours (also when NO_COLOR is set)\n"
	"  --quiet           no terminal bell\n"
	"  --speak           say the cues aloud (espeak-ng, else spd-say)\n"
	"  --speech-command CMD\n"
	"                    say them with CMD, the text as its last argument\n"
	"                    (implies --speak)\n"
	"  --on-event CMD    run CMD with /bin/sh at each event of a session,\n"
	"                    STRETCHTUI_EVENT, STRETCHTUI_EXERCISE, ... set\n"
	"  --speed FACTOR    play FACTOR times faster, 0.1 to 100 (to preview)\n"
	"  --no-safety       skip the first-run safety notice\n"
	"  -h, --help        this help\n"
	"  -V, --version     the version and the built-in routines directory\n";

static const char usage_tail[] =
	"Routines are read from the built-in directory, then\n"
	"$XDG_CONFIG_HOME/stretchtui/routines (~/.config/stretchtui/routines),\n"
	"then each directory in $STRETCHTUI_PATH (colon-separated), then --routines.\n"
	"Exit status: 0 success, 1 invalid input or unknown routine, 2 usage error,\n"
	"128+N when signal N ended a session.\n";

/* "Player keys:" and one line per key of table t. */
static void usage_keys(const char *title, const struct keys_table *t)
{
	char names[64];
	printf("\n%s\n", title);
	for (size_t i = 0; i < t->n; i++) {
		const struct keys_row *r = &t->row[i];
		printf("  %-18s%s\n", keys_names(r, ", ", false, names, sizeof names), r->help);
	}
}

static void usage(void)
{
	fputs(usage_head, stdout);
	fputs(history_report_usage, stdout);
	fputs(usage_options, stdout);
	usage_keys("Player keys:", &keys_player);
	usage_keys("Menu keys:", &keys_menu);
	putchar('\n');
	fputs(usage_tail, stdout);
}

/* The version, and the built-in routines directory read (a path from the
 * build, shown safe all the same). */
static void version(void)
{
	const char *dir = catalog_builtin_dir();
	const char *shown = dir ? dir : STRETCHTUI_DATADIR "/routines";
	printf("stretchtui %s\nbuilt-in routines: ", STRETCHTUI_VERSION);
	utf8_fput(shown, strlen(shown), utf8_out_flags(), stdout);
	puts(dir ? "" : " (not found)");
}

static const char try_help[] = "Try 'stretchtui --help' for more information.\n";

/* "stretchtui: error: MSG 'ARG'": arg (outside text, NULL for none) is
 * quoted and made safe. */
static int usage_error(const char *msg, const char *arg)
{
	char q[DIAG_QUOTE_BUF] = "";
	if (arg)
		diag_quote(arg, strlen(arg), q, sizeof q);
	diag_msg(DIAG_ERROR, "%s%s%s", msg, arg ? " " : "", q);
	fputs(try_help, stderr);
	return CLI_USAGE;
}

/* The value of --opt VALUE or --opt=VALUE; NULL when missing. */
static const char *option_value(int argc, char **argv, int *i, size_t len)
{
	const char *arg = argv[*i];
	if (arg[len] == '=')
		return arg + len + 1;
	return *i + 1 < argc ? argv[++*i] : NULL;
}

static int parse_speed(const char *s, double *speed)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !(v >= CLI_SPEED_MIN && v <= CLI_SPEED_MAX))
		return usage_error("--speed takes a number from 0.1 to 100, not", s);
	*speed = v;
	return CLI_OK;
}

static int is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

static int flag_option(const char *arg, struct cli_options *o)
{
	if (strcmp(arg, "--plain") == 0)
		o->plain = true;
	else if (strcmp(arg, "--no-color") == 0 || strcmp(arg, "--no-colour") == 0)
		o->color = false;
	else if (strcmp(arg, "--quiet") == 0)
		o->quiet = true;
	else if (strcmp(arg, "--no-safety") == 0)
		o->no_safety = true;
	else if (strcmp(arg, "--speak") == 0)
		o->speak = true;
	else if (strcmp(arg, "--ids") == 0)
		o->ids = true;
	else
		return 0;
	return 1;
}

/* --speech-command CMD, --on-event CMD: a command, not blank. */
static int command_option(int argc, char **argv, int *i, struct cli_options *o)
{
	bool speech = is_option(argv[*i], "--speech-command");
	const char *name = speech ? "--speech-command" : "--on-event";
	const char *v = option_value(argc, argv, i, strlen(name));
	char **words = v ? cue_words(v) : NULL;
	free(words);
	if (!words && speech)
		return usage_error("--speech-command needs a command (words, quotes closed), not",
				   v ? v : "");
	if (!v || !v[strspn(v, " \t\n")])
		return usage_error("--on-event needs a command, not", v ? v : "");
	if (speech) {
		o->speech_command = v;
		o->speak = true;
	} else {
		o->on_event = v;
	}
	return CLI_OK;
}

/* -1: --help/--version printed, exit 0. */
static int parse_option(int argc, char **argv, int *i, struct cli_options *o)
{
	const char *arg = argv[*i], *v;
	if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
		usage();
		return -1;
	}
	if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
		version();
		return -1;
	}
	if (flag_option(arg, o))
		return CLI_OK;
	if (is_option(arg, "--routines")) {
		if (!(v = option_value(argc, argv, i, strlen("--routines"))))
			return usage_error("--routines needs a directory", NULL);
		o->routines_dir = v;
		return CLI_OK;
	}
	if (is_option(arg, "--speech-command") || is_option(arg, "--on-event"))
		return command_option(argc, argv, i, o);
	if (is_option(arg, "--speed")) {
		if (!(v = option_value(argc, argv, i, strlen("--speed"))))
			return usage_error("--speed needs a factor", NULL);
		return parse_speed(v, &o->speed);
	}
	return usage_error("unknown option", arg);
}

static int parse(int argc, char **argv, struct cli_options *o, char **operands)
{
	const char *no_color = getenv("NO_COLOR");
	*o = (struct cli_options){ .speed = 1.0, .color = true, .args = operands };
	o->color = !(no_color && *no_color);
	o->plain = !isatty(STDOUT_FILENO);
	int n = 0, options_done = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (!options_done && strcmp(arg, "--") == 0) {
			options_done = 1;
		} else if (!options_done && arg[0] == '-' && arg[1]) {
			int rc = parse_option(argc, argv, &i, o);
			if (rc != CLI_OK)
				return rc;
		} else {
			operands[n++] = argv[i];
			options_done |= n == 1 && strcmp(arg, "history") == 0; /* its own */
		}
	}
	if (n > 0) {
		o->command = operands[0];
		o->args = operands + 1;
		o->n_args = n - 1;
	}
	return CLI_OK;
}

static int open_catalog(const struct cli_options *o, struct catalog *c)
{
	struct diags d = { 0 };
	int rc = catalog_open(c, o->routines_dir, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (rc != 0)
		catalog_close(c);
	return rc == 0 ? CLI_OK : CLI_INVALID;
}

static void join_list(const struct strlist *l, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < l->n && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
				 l->v[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Outside text on stdout, made safe for the locale. */
static void put_text(const char *s, unsigned fl)
{
	utf8_fput(s, strlen(s), fl, stdout);
}

/* s made safe, then spaces up to width display cells (at least one). */
static void print_col(const char *s, int width, unsigned fl)
{
	utf8_fpad(s, width - 1, fl, stdout);
	putchar(' ');
}

struct list_row {
	struct routine r;
	int64_t total_ms;
};

static int list_width(const struct list_row *rows, size_t n, bool id,
		      unsigned fl)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = id ? rows[i].r.id : rows[i].r.name;
		int k = utf8_widthn(s, strlen(s), fl);
		w = k > w ? k : w;
	}
	return w + 2;
}

static void list_print(const struct list_row *rows, size_t n)
{
	unsigned fl = utf8_out_flags();
	int wid = list_width(rows, n, true, fl);
	int wname = list_width(rows, n, false, fl);
	for (size_t i = 0; i < n; i++) {
		const struct routine *r = &rows[i].r;
		char total[DURATION_BUF], tags[256], gear[256];
		join_list(&r->tags, tags, sizeof tags);
		join_list(&r->equipment, gear, sizeof gear);
		print_col(r->id, wid, fl);
		print_col(r->name, wname, fl);
		printf("%s", duration_format(rows[i].total_ms, total, sizeof total));
		printf("%s", *tags ? "  " : "");
		put_text(tags, fl);
		printf("%s", gear[0] ? "  (needs: " : "");
		put_text(gear, fl);
		printf("%s\n", gear[0] ? ")" : "");
	}
}

/* Loads routine arg and its plan; its problems go to stderr. */
static int load_plan(struct catalog *c, const char *arg, struct routine *r,
		     struct plan *p)
{
	struct diags d = { 0 };
	int rc = catalog_load_plan(c, arg, r, p, &d) == 0 ? CLI_OK : CLI_INVALID;
	diag_print(&d, stderr);
	diag_free(&d);
	return rc;
}

/* list --ids: the catalog's ids, overrides applied, no file read. */
static int cmd_list_ids(const struct catalog *c)
{
	for (size_t i = 0; i < c->n; i++) {
		put_text(c->v[i].id, utf8_out_flags());
		putchar('\n');
	}
	return CLI_OK;
}

static int cmd_list(struct catalog *c)
{
	int status = CLI_OK;
	size_t n = 0;
	struct list_row *rows = calloc(c->n + 1, sizeof *rows);
	if (!rows) {
		diag_msg(DIAG_ERROR, "out of memory");
		return CLI_INVALID;
	}
	for (size_t i = 0; i < c->n; i++) {
		struct plan p;
		if (load_plan(c, c->v[i].id, &rows[n].r, &p) != CLI_OK) {
			status = CLI_INVALID;
			continue;
		}
		rows[n++].total_ms = p.total_ms;
		plan_free(&p);
	}
	list_print(rows, n);
	struct diags warn = { 0 };
	catalog_lib_warnings(c, &warn);
	diag_print(&warn, stderr);
	diag_free(&warn);
	for (size_t i = 0; i < n; i++)
		routine_free(&rows[i].r);
	free(rows);
	if (c->n == 0)
		diag_msg(DIAG_ERROR, "no routines found");
	return status;
}

/* Display widths of show's text columns: exercise, side, phase. */
struct show_widths {
	int what, side, cue;
};

static const char *show_what(const struct segment *g)
{
	return g->exercise ? g->exercise->name : "Rest";
}

static const char *show_cue(const struct segment *g)
{
	return g->cue ? g->cue : (g->self_paced ? "(own pace)" : "-");
}

static int widest(int w, const char *s, unsigned fl)
{
	int k = utf8_widthn(s, strlen(s), fl);
	return k > w ? k : w;
}

static struct show_widths show_measure(const struct plan *p, unsigned fl)
{
	struct show_widths w = { 8, 4, 5 };   /* the headings */
	for (size_t i = 0; i < p->n; i++) {
		const struct segment *g = &p->seg[i];
		w.what = widest(w.what, show_what(g), fl);
		w.side = widest(w.side, g->side ? g->side : "-", fl);
		w.cue = widest(w.cue, show_cue(g), fl);
	}
	w.what += 2;
	w.side += 2;
	w.cue += 2;
	return w;
}

static void show_segment(const struct plan *p, const struct segment *g,
			 const struct show_widths *w, unsigned fl)
{
	char start[DURATION_BUF], len[DURATION_BUF], set[16] = "-", rep[16] = "-";
	if (g->exercise)
		snprintf(set, sizeof set, "%d/%d", g->set_i, g->set_n);
	if (g->rep_n)
		snprintf(rep, sizeof rep, "%d/%d", g->rep_i, g->rep_n);
	printf("%4zu/%-4zu %-10s %-8s ", g->step + 1, p->routine->n_steps,
	       duration_format(g->start_ms, start, sizeof start),
	       plan_kind_name(g->kind));
	print_col(show_what(g), w->what, fl);
	print_col(g->side ? g->side : "-", w->side, fl);
	printf("%-6s %-8s ", set, rep);
	print_col(show_cue(g), w->cue, fl);
	printf("%s\n", duration_format(g->len_ms, len, sizeof len));
}

static int cmd_show(struct catalog *c, const char *arg)
{
	struct routine r;
	struct plan p;
	if (load_plan(c, arg, &r, &p) != CLI_OK)
		return CLI_INVALID;
	char total[DURATION_BUF];
	unsigned fl = utf8_out_flags();
	struct show_widths w = show_measure(&p, fl);
	put_text(r.name, fl);
	printf(" (");
	put_text(r.id, fl);
	printf("): %zu step%s, total %s\n", r.n_steps, r.n_steps == 1 ? "" : "s",
	       duration_format(p.total_ms, total, sizeof total));
	printf("%-9s %-10s %-8s ", "step", "start", "kind");
	print_col("exercise", w.what, fl);
	print_col("side", w.side, fl);
	printf("%-6s %-8s ", "set", "rep");
	print_col("phase", w.cue, fl);
	printf("length\n");
	for (size_t i = 0; i < p.n; i++)
		show_segment(&p, &p.seg[i], &w, fl);
	printf("total %s\n", total);
	plan_free(&p);
	routine_free(&r);
	return CLI_OK;
}

static int check_library(const char *path)
{
	struct library lib;
	struct diags d = { 0 };
	int rc = loader_load_library(path, &lib, &d) == 0 ? CLI_OK : CLI_INVALID;
	diag_print(&d, stderr);
	if (rc == CLI_OK) {
		put_text(path, utf8_out_flags());
		printf(": ok, %zu exercises\n", lib.n);
	}
	library_free(&lib);
	diag_free(&d);
	return rc;
}

/* "ok" only when nothing at all went wrong: the routine, its plan, and
 * any library it needed that was loaded for it. */
static int check_routine(struct catalog *c, const char *path)
{
	struct routine r;
	struct plan p;
	struct diags d = { 0 };
	int rc = CLI_INVALID;
	if (catalog_load_file(c, path, &r, &d) == 0 && plan_check(&r, &p, &d) == 0) {
		char total[DURATION_BUF];
		put_text(path, utf8_out_flags());
		printf(": ok, %zu step%s, total %s\n", r.n_steps,
		       r.n_steps == 1 ? "" : "s",
		       duration_format(p.total_ms, total, sizeof total));
		plan_free(&p);
		rc = CLI_OK;
	}
	diag_print(&d, stderr);
	diag_free(&d);
	routine_free(&r);
	return rc;
}

static int cmd_check(struct catalog *c, char **files, int n)
{
	int status = CLI_OK;
	for (int i = 0; i < n; i++) {
		int rc = loader_is_library_path(files[i])
				 ? check_library(files[i])
				 : check_routine(c, files[i]);
		if (rc != CLI_OK)
			status = rc;
	}
	return status;
}

/* The full-screen front end when the terminal can run it, else (or when
 * it cannot be set up after all) the plain one. arg is loaded first,
 * once for both; NULL: the menu. */
static int play(const struct cli_options *o, struct catalog *c,
		const char *arg)
{
	struct session_options so = { o->speed, o->color, o->quiet, o->no_safety,
				      o->speak, o->speech_command, o->on_event };
	struct routine r;
	struct plan p;
	if (arg && load_plan(c, arg, &r, &p) != CLI_OK)
		return CLI_INVALID;
	/* The routine holds its own exercises; released before the screen is
	 * set up, so that ncurses reuses the memory. */
	catalog_release_libs(c);
	bool full = !o->plain && ui_term_usable();
	int rc = full ? ui_run(&so, c, arg ? &p : NULL) : UI_UNUSABLE;
	if (rc == UI_UNUSABLE) {
		if (full)
			diag_msg(DIAG_WARNING, "cannot use this terminal; playing in plain mode");
		rc = plain_run(&so, c, arg ? &p : NULL);
	}
	if (arg) {
		plan_free(&p);
		routine_free(&r);
	}
	return rc;
}

struct command {
	const char *name;
	int min_args, max_args;
	const char *operand;
};

static const struct command commands[] = {
	{ "play", 1, 1, "ROUTINE" },
	{ "list", 0, 0, "" },
	{ "show", 1, 1, "ROUTINE" },
	{ "check", 1, INT_MAX, "FILE..." },
	{ "safety", 0, 0, "" },
	{ "history", 0, INT_MAX, "" },
};

static int check_arity(const struct cli_options *o)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		const struct command *k = &commands[i];
		if (strcmp(o->command, k->name) != 0)
			continue;
		if (o->n_args >= k->min_args && o->n_args <= k->max_args)
			return CLI_OK;
		diag_msg(DIAG_ERROR, "usage: stretchtui %s%s%s", k->name,
			 *k->operand ? " " : "", k->operand);
		fputs(try_help, stderr);
		return CLI_USAGE;
	}
	return usage_error("unknown command", o->command);
}

/* Options that belong to one command. */
static int check_command_options(const struct cli_options *o)
{
	if (o->ids && !(o->command && strcmp(o->command, "list") == 0))
		return usage_error("--ids goes with the list command only", NULL);
	return CLI_OK;
}

static int dispatch(const struct cli_options *o, struct catalog *c)
{
	const char *cmd = o->command;
	if (!cmd)
		return play(o, c, NULL);
	if (strcmp(cmd, "play") == 0)
		return play(o, c, o->args[0]);
	if (strcmp(cmd, "list") == 0)
		return o->ids ? cmd_list_ids(c) : cmd_list(c);
	if (strcmp(cmd, "show") == 0)
		return cmd_show(c, o->args[0]);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(c, o->args, o->n_args);
	return safety_print(c, stdout);
}

/* Whatever went to stdout must have been written (as coreutils do): a
 * write error is reported and makes the exit status 1. A stdout that was
 * closed and never written to is not an error. */
static int close_stdout(int rc)
{
	bool failed = ferror(stdout) != 0;
	int err = 0;
	errno = 0;
	if (fflush(stdout) != 0) {
		failed = true;
		err = errno;
	}
	errno = 0;
	if (fclose(stdout) != 0 && (failed || errno != EBADF)) {
		failed = true;
		err = err ? err : errno;
	}
	if (!failed)
		return rc;
	if (err)
		diag_msg(DIAG_ERROR, "write error: %s", strerror(err));
	else
		diag_msg(DIAG_ERROR, "write error");
	return rc == CLI_OK ? CLI_INVALID : rc;
}

int cli_main(int argc, char **argv)
{
	char **operands = calloc((size_t)argc + 1, sizeof *operands);
	struct cli_options o;
	struct catalog c;
	if (!operands) {
		diag_msg(DIAG_ERROR, "out of memory");
		return CLI_INVALID;
	}
	setlocale(LC_CTYPE, "");   /* display widths; numbers stay in "C" */
	int rc = parse(argc, argv, &o, operands);
	if (rc == CLI_OK && o.command)
		rc = check_arity(&o);
	if (rc == CLI_OK)
		rc = check_command_options(&o);
	bool history = rc == CLI_OK && o.command && strcmp(o.command, "history") == 0;
	if (history)                 /* needs no routines */
		rc = history_report_run(o.n_args, o.args);
	else if (rc == CLI_OK)
		rc = open_catalog(&o, &c);
	if (rc == CLI_OK && !history) {
		rc = dispatch(&o, &c);
		catalog_close(&c);
	}
	free(operands);
	return close_stdout(rc < 0 ? CLI_OK : rc);
}
