/* config — the settings: $XDG_CONFIG_HOME/stretchtui/config.yaml read
 * through the loader's schema tables (located diagnostics, "did you mean",
 * type and range checks, the ydoc limits), then merged: default < file <
 * environment (NO_COLOR) < command line. Each setting remembers where its
 * value came from, for `stretchtui config`. A file with errors counts for
 * nothing: every setting keeps its default. */
#ifndef STRETCHTUI_CONFIG_H
#define STRETCHTUI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "routine.h"   /* struct strlist, struct srcpos */

enum config_color { CONFIG_COLOR_AUTO, CONFIG_COLOR_ALWAYS, CONFIG_COLOR_NEVER };

/* Every setting, in the order `stretchtui config` lists them. */
enum config_key {
	CONFIG_ROUTINE,
	CONFIG_BELL,
	CONFIG_COLOR,
	CONFIG_SAFETY_NOTICE,
	CONFIG_SPEECH,
	CONFIG_SPEECH_COMMAND,
	CONFIG_ON_EVENT,
	CONFIG_REMIND_EVERY,
	CONFIG_REMIND_ROUTINE,
	CONFIG_REMIND_HOURS,
	CONFIG_REMIND_DAYS,
	CONFIG_REMIND_SNOOZE,
	CONFIG_REMIND_NOTIFY,
	CONFIG_REMIND_NOTIFY_COMMAND,
	CONFIG_N_KEYS
};

#define CONFIG_EVERY_MIN_MS  60000        /* remind.every: 1m ... */
#define CONFIG_EVERY_MAX_MS  86400000     /* ... 24h */
#define CONFIG_SNOOZE_MIN_MS 60000        /* remind.snooze: 1m ... */
#define CONFIG_SNOOZE_MAX_MS 7200000      /* ... 2h */
#define CONFIG_COMMAND_MAX   32           /* words of a command list */

struct config_remind {
	int64_t every_ms;
	const char *routine;              /* NULL: the menu's choice */
	const char *hours;                /* "09:00-17:30" as written */
	int hours_from, hours_to;         /* minutes since midnight */
	struct strlist days;              /* mon ... sun */
	unsigned days_mask;               /* bit 0 Monday ... bit 6 Sunday */
	int64_t snooze_ms;
	bool notify;
	struct strlist notify_command;
};

struct config {
	struct arena arena;               /* the file's strings and lists */
	char *path;                       /* the file read (a copy), or NULL */
	bool loaded;                      /* it existed and had no error */
	bool broken;                      /* it had errors: defaults used */
	const char *routine;              /* preselected in the menu; NULL */
	bool bell;
	int color;                        /* enum config_color */
	bool safety_notice;
	bool speech;
	struct strlist speech_command;
	const char *on_event;             /* "" for none */
	struct config_remind remind;
	/* Where each value came from: a line of the file (pos), or an option
	 * or variable that overrode it (by; NULL when none). */
	struct srcpos pos[CONFIG_N_KEYS];
	const char *by[CONFIG_N_KEYS];
	const char *line[CONFIG_N_KEYS];  /* command lists as one line */
};

/* The defaults (DESIGN.md, "Configuration"); nothing to free but the
 * arena, which config_free does. */
void config_init(struct config *c);
void config_free(struct config *c);

/* $XDG_CONFIG_HOME/stretchtui/config.yaml into buf; 0, or -1. */
int config_path(char *buf, size_t size);
/* config_load of that file; 0 too when there is no place for it (c then
 * holds the defaults, its path NULL). */
int config_load_user(struct config *c, struct diags *d);

/* Reads the file at path into c (config_init first). A missing file is
 * not an error (0, c->loaded false). Any other problem goes to d, and c
 * keeps every default: -1. */
int config_load(struct config *c, const char *path, struct diags *d);
/* The same for bytes in memory; path names them in diagnostics. */
int config_parse(struct config *c, const char *path, const char *buf,
		 size_t len, struct diags *d);

/* True for a path whose base name is config.yaml / config.yml. */
bool config_is_config_path(const char *path);
/* True for a top-level key of the settings ("bell", "remind"). */
bool config_is_key(const char *key);
/* A file of another name that is a settings file all the same (for
 * `check`): a mapping with a settings key, and no routine's name, steps
 * or exercises. */
bool config_looks_like(const char *path);

/* The environment over the file: NO_COLOR, when set and not empty, makes
 * color never (its origin "NO_COLOR"). */
void config_apply_env(struct config *c, const char *no_color);
/* A command-line option over everything: the value and the option that
 * set it ("--quiet"). */
void config_set_bool(struct config *c, enum config_key k, bool v,
		     const char *option);
void config_set_color(struct config *c, enum config_color v,
		      const char *option);
void config_set_string(struct config *c, enum config_key k, const char *v,
		       const char *option);
/* A command list (speech_command) given as one command line, words
 * quoted as in sh ("espeak-ng -v en"): shown as it was given. */
void config_set_command(struct config *c, enum config_key k, const char *line,
			const char *option);
/* Command list k as one command line, its words quoted for cue_words
 * (an option's line as it was given); NULL when unset. Kept in c. */
const char *config_command(struct config *c, enum config_key k);

/* The dotted name of a setting ("remind.every"), into buf. Returns buf. */
const char *config_key_name(enum config_key k, char *buf, size_t size);
/* Where k's value came from: "default", "config.yaml:7", "--quiet",
 * "NO_COLOR", into buf. Returns buf. */
const char *config_origin(const struct config *c, enum config_key k,
			  char *buf, size_t size);
/* k's value as the file would write it ("true", "30m", "[mon, tue]"),
 * its text made safe for the locale, into buf. Returns buf. */
const char *config_value(const struct config *c, enum config_key k,
			 char *buf, size_t size);

/* `stretchtui config`: the file's name, then every setting, its value and
 * where it came from; "(not used yet)" after those nothing reads yet
 * (used: a bit per enum config_key for those that are). */
void config_print(const struct config *c, unsigned long used, FILE *out);

#endif
