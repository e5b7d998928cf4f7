/* config — config.yaml through the loader's schema tables (see config.h).
 * The tables below are the one description of the settings: they read
 * and check the file, and `stretchtui config` walks them to print each
 * value (by the row's type and offset) and its origin (by the row's
 * position member). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "paths.h"
#include "remind.h"
#include "schema.h"
#include "suggest.h"
#include "utf8.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static const char *const config_colors[] = { "auto", "always", "never", NULL };
static const char *const config_day_names[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
};

static bool config_check_days(struct schema *s, const struct ynode *seq,
			      const void *candidate);
static bool config_check_hours(struct schema *s, const struct ynode *v,
			       const void *candidate);
static bool config_check_command(struct schema *s, const struct ynode *seq,
				 const void *candidate);

/* What the rows name (schema.h: struct schema_set), by index. */
enum { CT_NONE, CT_ROUTINE, CT_HOURS, CT_DAYS_RULE, CT_DAYS, CT_COMMAND_RULE,
       CT_COMMAND, CT_N };
static const char *const config_text[CT_N] = {
	[CT_ROUTINE] = "a routine id",
	[CT_HOURS] = "a time range such as \"09:00-17:30\"",
	[CT_DAYS_RULE] = "must list {min} to {max} days",
	[CT_DAYS] = "a list of days such as [mon, tue]",
	[CT_COMMAND_RULE] = "must have {min} to {max} words",
	[CT_COMMAND] = "a list of words: the program, then its arguments",
};
enum { CN_NONE, CN_COLORS, CN_N };
static const char *const *const config_names[CN_N] = { [CN_COLORS] = config_colors };
enum { CC_NONE, CC_DAYS, CC_HOURS, CC_COMMAND, CC_N };
static const schema_check_fn config_checks[CC_N] = {
	[CC_DAYS] = config_check_days, [CC_HOURS] = config_check_hours,
	[CC_COMMAND] = config_check_command,
};
enum { CM_NONE, CM_REMIND, CM_N };

#define CPOS(k) .pos = SCHEMA_POS(struct config, pos[k])
#define CCOMMAND .min = 1, .max = CONFIG_COMMAND_MAX, .rule = CT_COMMAND_RULE, \
		 .check = CC_COMMAND, .what = CT_COMMAND

/* remind: nested, but its rows are members of struct config. */
static const struct schema_field config_remind_fields[] = {
	{ SCHEMA_FIELD("every", DURATION, struct config, remind.every_ms),
	  .min = CONFIG_EVERY_MIN_MS, .max = CONFIG_EVERY_MAX_MS,
	  CPOS(CONFIG_REMIND_EVERY) },
	{ SCHEMA_FIELD("routine", STRING, struct config, remind.routine),
	  .flags = SCHEMA_NONEMPTY, CPOS(CONFIG_REMIND_ROUTINE) },
	{ SCHEMA_FIELD("hours", STRING, struct config, remind.hours),
	  .check = CC_HOURS, .what = CT_HOURS, CPOS(CONFIG_REMIND_HOURS) },
	{ SCHEMA_FIELD("days", STRLIST, struct config, remind.days),
	  .min = 1, .max = 7, .rule = CT_DAYS_RULE, .check = CC_DAYS,
	  .what = CT_DAYS, CPOS(CONFIG_REMIND_DAYS) },
	{ SCHEMA_FIELD("snooze", DURATION, struct config, remind.snooze_ms),
	  .min = CONFIG_SNOOZE_MIN_MS, .max = CONFIG_SNOOZE_MAX_MS,
	  CPOS(CONFIG_REMIND_SNOOZE) },
	{ SCHEMA_FIELD("notify", BOOL, struct config, remind.notify),
	  CPOS(CONFIG_REMIND_NOTIFY) },
	{ SCHEMA_FIELD("notify_command", STRLIST, struct config,
		       remind.notify_command), CCOMMAND,
	  CPOS(CONFIG_REMIND_NOTIFY_COMMAND) },
	SCHEMA_END
};
static const struct schema_map config_remind_map = {
	.place = "remind", .must = "remind must be a mapping",
	.fields = config_remind_fields, .size = sizeof(struct config)
};

static const struct schema_field config_fields[] = {
	{ SCHEMA_FIELD("routine", STRING, struct config, routine),
	  .flags = SCHEMA_NONEMPTY, .what = CT_ROUTINE, CPOS(CONFIG_ROUTINE) },
	{ SCHEMA_FIELD("bell", BOOL, struct config, bell), CPOS(CONFIG_BELL) },
	{ SCHEMA_FIELD("color", ENUM, struct config, color),
	  .names = CN_COLORS, CPOS(CONFIG_COLOR) },
	{ SCHEMA_FIELD("safety_notice", BOOL, struct config, safety_notice),
	  CPOS(CONFIG_SAFETY_NOTICE) },
	{ SCHEMA_FIELD("speech", BOOL, struct config, speech),
	  CPOS(CONFIG_SPEECH) },
	{ SCHEMA_FIELD("speech_command", STRLIST, struct config, speech_command),
	  CCOMMAND, CPOS(CONFIG_SPEECH_COMMAND) },
	{ SCHEMA_FIELD("on_event", STRING, struct config, on_event),
	  CPOS(CONFIG_ON_EVENT) },
	{ SCHEMA_KEY("remind", MAP), .map = CM_REMIND },
	SCHEMA_END
};
static const struct schema_map config_map = {
	.place = "config.yaml", .must = "config.yaml must be a mapping of settings",
	.fields = config_fields, .size = sizeof(struct config)
};

static const struct schema_map *const config_maps[CM_N] = {
	[CM_REMIND] = &config_remind_map,
};
static const struct schema_set config_set = {
	.text = config_text, .names = config_names, .check = config_checks,
	.map = config_maps,
};

/* What an unset (empty) value means, for `config`. */
static const char *const config_unset[CONFIG_N_KEYS] = {
	[CONFIG_ROUTINE] = "(none: the one played last)",
	[CONFIG_SPEECH_COMMAND] = "(espeak-ng, else spd-say)",
	[CONFIG_ON_EVENT] = "(none)",
	[CONFIG_REMIND_ROUTINE] = REMIND_ROUTINE,
	[CONFIG_REMIND_HOURS] = "(all day)",
	[CONFIG_REMIND_DAYS] = "(every day)",
	[CONFIG_REMIND_NOTIFY_COMMAND] = "(notify-send -a stretchtui)",
};

/* ---- the rules the types do not cover ---------------------------------- */

/* Each item one of the day names, once. */
static bool config_check_days(struct schema *s, const struct ynode *seq,
			      const void *candidate)
{
	(void)candidate;   /* the same strings as seq's items */
	unsigned seen = 0;
	bool ok = true;
	for (const struct ynode *it = seq->head; it; it = it->next) {
		struct suggest g = suggest_start(it->str, it->len);
		int day = -1;
		for (int i = 0; config_day_names[i]; i++) {
			if (strcmp(it->str, config_day_names[i]) == 0)
				day = i;
			if (strncasecmp(it->str, config_day_names[i], 3) == 0)
				g.best = config_day_names[i];   /* "monday", "Mon" */
			else
				suggest_offer(&g, config_day_names[i]);
		}
		char q[DIAG_QUOTE_BUF];
		if (day < 0)
			schema_error(s, it, "%s is not a day: use mon, tue, wed, thu, "
				     "fri, sat or sun%s%s%s",
				     diag_quote(it->str, it->len, q, sizeof q),
				     g.best ? "; did you mean '" : "",
				     g.best ? g.best : "", g.best ? "'?" : "");
		else if (seen & (1u << day))
			schema_error(s, it, "day '%s' is listed twice", it->str);
		ok &= day >= 0 && !(seen & (1u << day));
		if (day >= 0)
			seen |= 1u << day;
	}
	return ok;
}

/* "HH:MM" at s: minutes since midnight (24:00 allowed), or -1. */
static int config_hhmm(const char *s)
{
	for (int i = 0; i < 5; i++)
		if (i == 2 ? s[i] != ':' : (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m > 0))
		return -1;
	return h * 60 + m;
}

/* "09:00-17:30": both ends and their order. 0, or -1. */
static int config_parse_hours(const char *str, int *from, int *to)
{
	if (strlen(str) != 11 || str[5] != '-')
		return -1;
	*from = config_hhmm(str);
	*to = config_hhmm(str + 6);
	return *from >= 0 && *to >= 0 ? 0 : -1;
}

static bool config_check_hours(struct schema *s, const struct ynode *v,
			       const void *candidate)
{
	const char *str = *(const char *const *)candidate;
	int from, to;
	char q[DIAG_QUOTE_BUF];
	if (config_parse_hours(str, &from, &to) != 0) {
		schema_error(s, v, "hours must be a time range such as "
			     "\"09:00-17:30\" (HH:MM-HH:MM), not %s",
			     diag_quote(v->str, v->len, q, sizeof q));
		return false;
	}
	if (from >= to) {
		schema_error(s, v, "hours must end after they start, not %s",
			     diag_quote(v->str, v->len, q, sizeof q));
		return false;
	}
	return true;
}

/* A command's first word is its program: not blank. */
static bool config_check_command(struct schema *s, const struct ynode *seq,
				 const void *candidate)
{
	const struct strlist *l = candidate;
	if (l->n > 0 && schema_is_blank(l->v[0])) {
		schema_error(s, seq->head, "the first word of a command (the "
			     "program) must not be empty");
		return false;
	}
	return true;
}

/* ---- loading ----------------------------------------------------------- */

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->bell = true;
	c->color = CONFIG_COLOR_AUTO;
	c->safety_notice = true;
	c->on_event = "";
	c->remind.every_ms = 30 * 60000;
	c->remind.days_mask = 0x7f;
	c->remind.snooze_ms = 5 * 60000;
	c->remind.notify = true;
}

void config_free(struct config *c)
{
	arena_free(&c->arena);
	free(c->path);
	config_init(c);
}

#define CONFIG_FILE "config.yaml"   /* in the config directory */

int config_path(char *buf, size_t size)
{
	if (paths_config_dir(buf, size) != 0 ||
	    strlen(buf) + sizeof "/" CONFIG_FILE > size)
		return -1;
	strcat(buf, "/" CONFIG_FILE);
	return 0;
}

bool config_is_config_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "config.yaml") == 0 || strcmp(base, "config.yml") == 0;
}

bool config_is_key(const char *key)
{
	for (const struct schema_field *f = config_fields; f->key[0]; f++)
		if (strcmp(f->key, key) == 0)
			return true;
	return false;
}

/* A file of another name that is a settings file all the same: a
 * mapping with a settings key and neither a routine's name nor steps. */
bool config_looks_like(const char *path)
{
	struct ydoc doc;
	struct diags quiet = { 0 };
	bool yes = false;
	if (ydoc_load_file(&doc, path, &quiet) == 0 && doc.root &&
	    doc.root->kind == YNODE_MAP && !ynode_find(doc.root, "name") &&
	    !ynode_find(doc.root, "steps") && !ynode_find(doc.root, "exercises"))
		for (const struct ynode *k = doc.root->head; k && !yes; k = k->next)
			yes = config_is_key(k->str);
	ydoc_free(&doc);
	diag_free(&quiet);
	return yes;
}

static void config_read(struct schema *s, const struct ynode *root)
{
	schema_read_root(s, root, &config_map, s->user);
}

/* What the rows leave to be worked out: the hours and the days as
 * numbers. */
static void config_derive(struct config *c)
{
	struct config_remind *r = &c->remind;
	if (r->hours)
		config_parse_hours(r->hours, &r->hours_from, &r->hours_to);
	if (r->days.n) {
		r->days_mask = 0;
		for (size_t i = 0; i < r->days.n; i++)
			for (unsigned k = 0; config_day_names[k]; k++)
				if (strcmp(r->days.v[i], config_day_names[k]) == 0)
					r->days_mask |= 1u << k;
	}
}

/* buf NULL: the file at path. */
static int config_read_file(struct config *c, const char *path,
			    const char *buf, size_t len, struct diags *d)
{
	config_free(c);
	struct schema s = { .path = path, .a = &c->arena, .set = &config_set,
			    .user = c };
	int rc = schema_load(&s, buf, len, config_read, d);
	if (rc != 0) {   /* a broken file counts for nothing */
		config_free(c);
		c->path = strdup(path);
		c->broken = true;
		return -1;
	}
	c->path = strdup(path);
	c->loaded = true;
	config_derive(c);
	return 0;
}

int config_load(struct config *c, const char *path, struct diags *d)
{
	struct stat st;
	if (stat(path, &st) != 0 && errno == ENOENT) {
		config_free(c);
		c->path = strdup(path);
		return 0;
	}
	return config_read_file(c, path, NULL, 0, d);
}

int config_load_user(struct config *c, struct diags *d)
{
	char *path = paths_config_path(CONFIG_FILE);
	int rc = path ? config_load(c, path, d) : 0;
	free(path);
	return rc;
}

int config_parse(struct config *c, const char *path, const char *buf,
		 size_t len, struct diags *d)
{
	return config_read_file(c, path, buf ? buf : "", buf ? len : 0, d);
}

/* ---- merging ----------------------------------------------------------- */

void config_apply_env(struct config *c, const char *no_color)
{
	if (no_color && *no_color)
		config_set_color(c, CONFIG_COLOR_NEVER, "NO_COLOR");
}

/* The row of setting k, and whether it is one of remind's. */
static const struct schema_field *config_row(enum config_key k, bool *remind)
{
	const struct schema_field *tables[] = { config_fields, config_remind_fields };
	size_t at = offsetof(struct config, pos) + 1;
	for (size_t t = 0; t < 2; t++) {
		for (const struct schema_field *f = tables[t]; f->key[0]; f++) {
			if (f->pos && (f->pos - at) / sizeof(struct srcpos) == (size_t)k) {
				if (remind)
					*remind = t == 1;
				return f;
			}
		}
	}
	return NULL;
}

/* The member of setting k when it is of type t; NULL otherwise. */
static void *config_member(struct config *c, enum config_key k,
			   enum schema_type t)
{
	const struct schema_field *f = config_row(k, NULL);
	return f && f->type == t ? (char *)c + f->offset : NULL;
}

void config_set_bool(struct config *c, enum config_key k, bool v,
		     const char *option)
{
	bool *field = config_member(c, k, SCHEMA_BOOL);
	if (field) {
		*field = v;
		c->by[k] = option;
	}
}

void config_set_color(struct config *c, enum config_color v,
		      const char *option)
{
	int *field = config_member(c, CONFIG_COLOR, SCHEMA_ENUM);
	*field = (int)v;
	c->by[CONFIG_COLOR] = option;
}

void config_set_string(struct config *c, enum config_key k, const char *v,
		       const char *option)
{
	const char **field = config_member(c, k, SCHEMA_STRING);
	if (field) {
		*field = v;
		c->by[k] = option;
	}
}

void config_set_command(struct config *c, enum config_key k, const char *line,
			const char *option)
{
	if (config_member(c, k, SCHEMA_STRLIST)) {
		c->line[k] = line;
		c->by[k] = option;
	}
}

/* s in single quotes, each ' as '\'' (sh's way, which cue_words reads). */
static size_t config_quote(const char *s, char *out)
{
	size_t n = 0;
	out[n++] = '\'';
	for (; *s; s++) {
		if (*s == '\'') {
			memcpy(out + n, "'\\''", 4);
			n += 4;
		} else {
			out[n++] = *s;
		}
	}
	out[n++] = '\'';
	return n;
}

const char *config_command(struct config *c, enum config_key k)
{
	const struct strlist *l = config_member(c, k, SCHEMA_STRLIST);
	if (!l || c->line[k] || l->n == 0)
		return l ? c->line[k] : NULL;
	size_t size = 1;
	for (size_t i = 0; i < l->n; i++)
		size += 4 * strlen(l->v[i]) + 3;
	char *out = arena_alloc(&c->arena, size);
	if (!out)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			out[n++] = ' ';
		n += config_quote(l->v[i], out + n);
	}
	out[n] = '\0';
	c->line[k] = out;
	return out;
}

/* ---- showing ----------------------------------------------------------- */

const char *config_key_name(enum config_key k, char *buf, size_t size)
{
	bool remind = false;
	const struct schema_field *f = config_row(k, &remind);
	snprintf(buf, size, "%s%s", remind ? "remind." : "", f ? f->key : "?");
	return buf;
}

const char *config_origin(const struct config *c, enum config_key k,
			  char *buf, size_t size)
{
	if (c->by[k])
		snprintf(buf, size, "%s", c->by[k]);
	else if (c->pos[k].line > 0 && c->path) {
		const char *base = strrchr(c->path, '/');
		char safe[256];
		utf8_safe_cut(base ? base + 1 : c->path, strlen(base ? base + 1 : c->path),
			      60, utf8_out_flags(), safe, sizeof safe);
		snprintf(buf, size, "%s:%d", safe, c->pos[k].line);
	} else
		snprintf(buf, size, "default");
	return buf;
}

/* s made safe, appended at buf + *used. */
static void config_put(char *buf, size_t size, size_t *used, const char *s)
{
	if (*used + 1 >= size)
		return;
	size_t n = utf8_safe_cut(s, strlen(s), -1, utf8_out_flags(), buf + *used,
				 size - *used);
	*used += n;
}

static void config_list_value(const struct strlist *l, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	config_put(buf, size, &used, "[");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			config_put(buf, size, &used, ", ");
		config_put(buf, size, &used, l->v[i]);
	}
	config_put(buf, size, &used, "]");
}

const char *config_value(const struct config *c, enum config_key k,
			 char *buf, size_t size)
{
	const struct schema_field *f = config_row(k, NULL);
	const char *at = f ? (const char *)c + f->offset : NULL;
	const char *str = NULL;
	const struct strlist *list = NULL;
	buf[0] = '\0';
	switch (f ? f->type : SCHEMA_CUSTOM) {
	case SCHEMA_STRING:
		memcpy(&str, at, sizeof str);
		if (!str || (!*str && config_unset[k]))
			snprintf(buf, size, "%s", config_unset[k] ? config_unset[k] : "");
		else
			utf8_safe_cut(str, strlen(str), -1, utf8_out_flags(), buf, size);
		break;
	case SCHEMA_BOOL:
		snprintf(buf, size, "%s", *(const bool *)at ? "true" : "false");
		break;
	case SCHEMA_ENUM:
		snprintf(buf, size, "%s", config_names[f->names][*(const int *)at]);
		break;
	case SCHEMA_DURATION:
		schema_ms_text(*(const int64_t *)at, buf, size);
		break;
	case SCHEMA_STRLIST:
		list = (const struct strlist *)at;
		if (c->by[k] && c->line[k])   /* an option's command line */
			utf8_safe_cut(c->line[k], strlen(c->line[k]), -1,
				      utf8_out_flags(), buf, size);
		else if (list->n == 0 && config_unset[k])
			snprintf(buf, size, "%s", config_unset[k]);
		else
			config_list_value(list, buf, size);
		break;
	default:
		break;
	}
	return buf;
}

#define CONFIG_VALUE_BUF 512
#define CONFIG_VALUE_COLS 48   /* a value column no wider than this */

static int config_value_width(const struct config *c)
{
	char value[CONFIG_VALUE_BUF];
	int w = 0;
	for (int k = 0; k < CONFIG_N_KEYS; k++) {
		config_value(c, (enum config_key)k, value, sizeof value);
		int n = utf8_widthn(value, strlen(value), UTF8_CHARS);
		w = n > w && n <= CONFIG_VALUE_COLS ? n : w;
	}
	return w;
}

void config_print(const struct config *c, unsigned long used, FILE *out)
{
	char name[64], value[CONFIG_VALUE_BUF], origin[300];
	int width = config_value_width(c);
	fputs("# ", out);
	if (c->path)
		utf8_fput(c->path, strlen(c->path), utf8_out_flags(), out);
	else
		fputs("(no settings file: HOME and XDG_CONFIG_HOME are not set)", out);
	fputs(c->broken ? " has errors: every setting has its default\n"
	      : c->loaded ? "\n" : " does not exist: every setting has its default\n", out);
	for (int k = 0; k < CONFIG_N_KEYS; k++) {
		config_key_name((enum config_key)k, name, sizeof name);
		config_value(c, (enum config_key)k, value, sizeof value);
		config_origin(c, (enum config_key)k, origin, sizeof origin);
		int w = utf8_widthn(value, strlen(value), UTF8_CHARS);
		fprintf(out, "%-22s %s%*s  %s%s\n", name, value, w < width ? width - w : 0,
			"", origin, used & (1ul << k) ? "" : "  (not used yet)");
	}
}
