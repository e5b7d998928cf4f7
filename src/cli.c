/* cli — options, subcommands and exit codes. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "author.h"
#include "buildinfo.h"
#include "catalog.h"
#include "cli_list.h"
#include "cli_usage.h"
#include "clock.h"
#include "config.h"
#include "cue.h"
#include "history_report.h"
#include "loader.h"
#include "plain.h"
#include "plan.h"
#include "safety.h"
#include "session.h"
#include "start.h"
#include "ui.h"
#include "ui_term.h"
#include "utf8.h"

/* The front ends return exit statuses in their own words. */
_Static_assert((int)SESSION_OK == (int)CLI_OK && (int)SESSION_FAILED == (int)CLI_INVALID &&
	       (int)SESSION_NO_ROUTINE == (int)CLI_USAGE, "front ends' statuses are exit codes");

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


/* "stretchtui: error: MSG 'ARG'": arg (outside text, NULL for none) is
 * quoted and made safe. */
static int usage_error(const char *msg, const char *arg)
{
	diag_usage(NULL, msg, arg);
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
		o->s.color = false;
	else if (strcmp(arg, "--quiet") == 0)
		o->s.quiet = true;
	else if (strcmp(arg, "--no-safety") == 0)
		o->s.no_safety = true;
	else if (strcmp(arg, "--speak") == 0)
		o->s.speak = true;
	else if (strcmp(arg, "--resume") == 0)
		o->resume = true;
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
		o->s.speech_command = v;
		o->s.speak = true;
	} else {
		o->s.on_event = v;
	}
	return CLI_OK;
}

/* -1: --help/--version printed, exit 0. */
static int parse_option(int argc, char **argv, int *i, struct cli_options *o)
{
	const char *arg = argv[*i], *v;
	if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
		return cli_usage();
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
	if (is_option(arg, "--from")) {
		if (!(o->from = option_value(argc, argv, i, strlen("--from"))))
			return usage_error("--from needs a step number or an exercise", NULL);
		return CLI_OK;
	}
	if (is_option(arg, "--speed")) {
		if (!(v = option_value(argc, argv, i, strlen("--speed"))))
			return usage_error("--speed needs a factor", NULL);
		return parse_speed(v, &o->s.speed);
	}
	int k = remind_option(argc, argv, i, &o->remind);
	if (k)
		return k > 0 ? CLI_OK : CLI_USAGE;
	return usage_error("unknown option", arg);
}

static int parse(int argc, char **argv, struct cli_options *o, char **operands)
{
	*o = (struct cli_options){ .s = { .speed = 1.0, .color = true }, .args = operands };
	o->plain = !isatty(STDOUT_FILENO);
	remind_options_init(&o->remind);
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
			options_done |= n == 1 && (strcmp(arg, "history") == 0 ||
						   strcmp(arg, "status") == 0); /* their own */
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
	/* The files are listed only for what lists them (catalog_scan): a
	 * routine named by its id is found by name. */
	int rc = catalog_open_dirs(c, o->routines_dir, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (rc != 0)
		catalog_close(c);
	/* Loaded routines are kept (rcache.h), but not for the commands
	 * that check or write them: those parse every time. */
	static const char *const fresh[] = { "check", "new", "edit" };
	bool cache = rc == 0;
	for (size_t i = 0; cache && o->command && i < sizeof fresh / sizeof *fresh; i++)
		cache = strcmp(o->command, fresh[i]) != 0;
	if (cache)
		catalog_use_state_cache(c);
	return rc == 0 ? CLI_OK : CLI_INVALID;
}

/* --resume: the routine and the plan time of the session that stopped
 * last; arg (NULL for any) must name the same routine. */
static int resume_mark(struct catalog *c, const char *arg,
		       struct start_mark *m)
{
	struct diags d = { 0 };
	int rc = start_resume(c, arg, clock_wall_s(), m, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	return rc == 0 ? CLI_OK : CLI_INVALID;
}

/* Where the session of p starts: --from's step, or where the one --resume
 * goes on with stopped (resume_ms). */
static int start_at(const struct cli_options *o, const struct plan *p,
		    int64_t resume_ms, int64_t *at_ms)
{
	struct diags d = { 0 };
	*at_ms = resume_ms;
	if (o->from)
		start_from(p, o->from, at_ms, &d);
	else if (resume_ms >= p->total_ms && p->total_ms > 0)
		diag_error(&d, p->routine->path, 0, 0, "--resume: its session "
			   "had come to the end");
	diag_print(&d, stderr);
	int rc = d.errors ? CLI_INVALID : CLI_OK;
	diag_free(&d);
	return rc;
}

/* The full-screen front end when the terminal can run it, else (or when
 * it cannot be set up after all) the plain one. arg is loaded first,
 * once for both; NULL: the menu. rem: break reminders that play it. */
static int play(const struct cli_options *o, struct catalog *c,
		const char *arg, bool rem)
{
	struct session_options so = o->s;
	struct routine r;
	struct plan p;
	/* the mark's 4 KiB off the stack that the screen's frames go under */
	struct start_mark *m = o->resume ? malloc(sizeof *m) : NULL;
	if (o->resume && (!m || resume_mark(c, arg, m) != CLI_OK)) {
		free(m);
		return CLI_INVALID;
	}
	bool routine = arg || m;
	int rc = routine ? cli_load_plan(c, m ? m->path : arg, &r, &p) : CLI_OK;
	if (rc == CLI_OK && routine &&
	    (rc = start_at(o, &p, m ? m->at_ms : 0, &so.start_ms)) != CLI_OK) {
		plan_free(&p);
		routine_free(&r);
	}
	free(m);   /* the routine holds its own path */
	if (rc != CLI_OK)
		return CLI_INVALID;
	/* The routine holds its own exercises; released before the screen is
	 * set up, so that ncurses reuses the memory. */
	catalog_release_libs(c);
	/* The menu lists the routines itself (catalog_scan); plain mode's
	 * choice needs them listed first. */
	rc = o->plain ? UI_NO_SCREEN
	     : rem    ? ui_remind(&so, &o->remind, c, &p)
		      : ui_run(&so, c, routine ? &p : NULL);
	if (rc == UI_UNUSABLE || rc == UI_NO_SCREEN) {
		if (rc == UI_UNUSABLE)
			diag_msg(DIAG_WARNING, "cannot use this terminal; playing in plain mode");
		if (!routine && !rem)
			catalog_scan(c);
		rc = rem ? plain_remind(&so, &o->remind, c, &p)
			 : plain_run(&so, c, routine ? &p : NULL);
	}
	if (routine) {
		plan_free(&p);
		routine_free(&r);
	}
	return rc;
}

/* Names in place, not pointers: a constant the dynamic loader does not
 * relocate. */
struct command {
	char name[8];
	int min_args, max_args;
	char operand[12];
};

static const struct command commands[] = {
	{ "play", 0, 1, "ROUTINE" },
	{ "list", 0, 0, "" },
	{ "show", 1, 1, "ROUTINE" },
	{ "check", 1, INT_MAX, "FILE..." },
	{ "safety", 0, 0, "" },
	{ "history", 0, INT_MAX, "" },
	{ "new", 1, 1, "ID" },
	{ "edit", 1, 1, "ROUTINE" },
	{ "config", 0, 0, "" },
	{ "remind", 0, 0, "[OPTION]..." },
	{ "status", 0, INT_MAX, "" },
};

/* --from and --resume go with play (or the menu, for --resume); play
 * needs its ROUTINE unless it resumes. */
static int check_start(const struct cli_options *o)
{
	bool play = !o->command || strcmp(o->command, "play") == 0;
	if ((o->from || o->resume) && !play)
		return usage_error("--from and --resume go with play, not with",
				   o->command);
	if (o->from && o->resume)
		return usage_error("--from and --resume do not go together", NULL);
	if (o->from && o->n_args == 0)
		return usage_error("--from needs a routine: stretchtui play ROUTINE "
				   "--from STEP", NULL);
	if (o->command && play && o->n_args == 0 && !o->resume) {
		diag_msg(DIAG_ERROR, "usage: stretchtui play ROUTINE");
		diag_try_help();
		return CLI_USAGE;
	}
	return CLI_OK;
}

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
		diag_try_help();
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
		return play(o, c, NULL, false);
	if (strcmp(cmd, "play") == 0)
		return play(o, c, o->args[0], false);
	if (strcmp(cmd, "remind") == 0)
		return play(o, c, o->remind.routine, true);
	if (strcmp(cmd, "list") == 0)
		return cli_list(c, o->ids);
	if (strcmp(cmd, "show") == 0)
		return cli_show(c, o->args[0]);
	if (strcmp(cmd, "check") == 0)
		return author_check(c, o->args, o->n_args);
	if (strcmp(cmd, "new") == 0)
		return author_new(c, o->args[0]);
	if (strcmp(cmd, "edit") == 0)
		return author_edit(c, o->args[0]);
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

/* The settings nothing reads yet are told so by `stretchtui config`
 * (none now). */
#define CLI_SETTINGS_USED ((1ul << CONFIG_N_KEYS) - 1)

/* The remind: mapping under remind's options: a key of the file counts
 * where its option was not given; an option given names itself as the
 * origin. */
static void settings_remind(struct remind_options *ro, struct config *cfg)
{
	static const struct { int opt; enum config_key key; const char *name; } map[] = {
		{ REMIND_OPT_EVERY, CONFIG_REMIND_EVERY, "--every" },
		{ REMIND_OPT_SNOOZE, CONFIG_REMIND_SNOOZE, "--snooze" },
		{ REMIND_OPT_ROUTINE, CONFIG_REMIND_ROUTINE, "--routine" },
		{ REMIND_OPT_HOURS, CONFIG_REMIND_HOURS, "--hours" },
		{ REMIND_OPT_DAYS, CONFIG_REMIND_DAYS, "--days" },
		{ REMIND_OPT_NOTIFY_COMMAND, CONFIG_REMIND_NOTIFY_COMMAND, "--notify-command" },
		{ REMIND_OPT_NO_NOTIFY, CONFIG_REMIND_NOTIFY, "--no-notify" },
	};
	const struct config_remind *c = &cfg->remind;
	for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
		enum config_key k = map[i].key;
		if (ro->given & (1u << map[i].opt)) {
			cfg->by[k] = map[i].name;
			continue;
		}
		if (!cfg->loaded || !cfg->pos[k].line)
			continue;                 /* the default stays */
		switch (k) {
		case CONFIG_REMIND_EVERY: ro->every_ms = c->every_ms; break;
		case CONFIG_REMIND_SNOOZE: ro->snooze_ms = c->snooze_ms; break;
		case CONFIG_REMIND_ROUTINE: ro->routine = c->routine; break;
		case CONFIG_REMIND_HOURS:
			ro->hours_from = c->hours_from;
			ro->hours_to = c->hours_to;
			break;
		case CONFIG_REMIND_DAYS: ro->days_mask = c->days_mask; break;
		case CONFIG_REMIND_NOTIFY_COMMAND: ro->notify_words = c->notify_command; break;
		default:                  /* --notify-command asks for one */
			if (!(ro->given & (1u << REMIND_OPT_NOTIFY_COMMAND)))
				ro->notify = c->notify;
			break;
		}
	}
}

/* The options given over the settings (each naming itself as the origin),
 * then the merged settings back into o. */
static void settings_merge(struct cli_options *o, struct config *cfg)
{
	if (o->s.quiet)
		config_set_bool(cfg, CONFIG_BELL, false, "--quiet");
	if (!o->s.color)
		config_set_color(cfg, CONFIG_COLOR_NEVER, "--no-color");
	if (o->s.no_safety)
		config_set_bool(cfg, CONFIG_SAFETY_NOTICE, false, "--no-safety");
	if (o->s.speak)
		config_set_bool(cfg, CONFIG_SPEECH, true,
				o->s.speech_command ? "--speech-command" : "--speak");
	if (o->s.speech_command)
		config_set_command(cfg, CONFIG_SPEECH_COMMAND, o->s.speech_command,
				   "--speech-command");
	if (o->s.on_event)
		config_set_string(cfg, CONFIG_ON_EVENT, o->s.on_event, "--on-event");
	o->s.quiet = !cfg->bell;
	o->s.color = cfg->color != CONFIG_COLOR_NEVER;
	o->s.no_safety = !cfg->safety_notice;
	o->s.speak = cfg->speech;
	o->s.speech_command = config_command(cfg, CONFIG_SPEECH_COMMAND);
	o->s.on_event = cfg->on_event && *cfg->on_event ? cfg->on_event : NULL;
	o->s.menu_routine = cfg->routine;
	settings_remind(&o->remind, cfg);
}

/* config.yaml (its problems on stderr; broken, it counts for nothing),
 * then NO_COLOR, then the options. `check` and `history` read no
 * settings (check judges files, config.yaml among them). */
static void settings(struct cli_options *o, struct config *cfg)
{
	struct diags d = { 0 };
	config_init(cfg);
	if (o->command && (strcmp(o->command, "check") == 0 ||
			   strcmp(o->command, "history") == 0))
		return;
	config_load_user(cfg, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	config_apply_env(cfg, getenv("NO_COLOR"));
	settings_merge(o, cfg);
}

int cli_main(int argc, char **argv)
{
	char **operands = calloc((size_t)argc + 1, sizeof *operands);
	struct cli_options o;
	struct catalog c;
	struct config cfg;
	if (!operands) {
		diag_msg(DIAG_ERROR, "out of memory");
		return CLI_INVALID;
	}
	setlocale(LC_CTYPE, "");   /* display widths; numbers stay in "C" */
	int rc = parse(argc, argv, &o, operands);
	if (rc == CLI_OK && o.command)
		rc = check_arity(&o);
	if (rc == CLI_OK)
		rc = check_start(&o);
	if (rc == CLI_OK && o.remind.set_by && (!o.command || strcmp(o.command, "remind") != 0))
		rc = usage_error("this option is remind's:", o.remind.set_by);
	config_init(&cfg);
	if (rc == CLI_OK)
		settings(&o, &cfg);
	/* remind's options with the settings' remind: under them */
	if (rc == CLI_OK && o.command && strcmp(o.command, "remind") == 0 &&
	    remind_check(&o.remind) != 0)
		rc = CLI_USAGE;
	bool history = rc == CLI_OK && o.command && (strcmp(o.command, "history") == 0 ||
						    strcmp(o.command, "status") == 0);
	bool config = rc == CLI_OK && o.command && strcmp(o.command, "config") == 0;
	if (rc == CLI_OK)
		rc = check_command_options(&o);
	if (history)                 /* needs no routines */
		rc = o.command[0] == 'h' ? history_report_run(o.n_args, o.args)
					 : remind_status_run(o.n_args, o.args);
	else if (config)
		config_print(&cfg, CLI_SETTINGS_USED, stdout);
	else if (rc == CLI_OK)
		rc = open_catalog(&o, &c);
	if (rc == CLI_OK && !history && !config) {
		rc = dispatch(&o, &c);
		catalog_close(&c);
	}
	config_free(&cfg);
	free(operands);
	return close_stdout(rc < 0 ? CLI_OK : rc);
}
