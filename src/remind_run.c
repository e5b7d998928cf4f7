/* remind_run — a running reminder (see remind.h): the clocks into the
 * schedule, the prompt's outputs, the records and counts, the state file. */
#include "remind.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "clock.h"
#include "cue.h"
#include "diag.h"
#include "history.h"
#include "paths.h"
#include "plan.h"
#include "schedule.h"
#include "session.h"
#include "utf8.h"

#define REMIND_TEXT 256
#define REMIND_STATE_MAX 256
#define REMIND_N_COUNTS 4            /* prompt outcomes, from HISTORY_TAKEN */

struct remind {
	struct remind_options o;
	const struct plan *p;
	struct cue_front front;
	bool bell;
	struct cue_kids *kids;       /* speech and the notification */
	char **notify;               /* its words, then title, body, NULL */
	size_t n_notify;
	char **notify_owned;         /* the words of notify_command */
	struct schedule s;
	struct schedule_clock now;   /* the last reading */
	const char *test_clock;      /* REMIND_TEST_CLOCK's file, or NULL */
	int64_t today;               /* the local day counted */
	int count[REMIND_N_COUNTS];
	bool warned_history, warned_notify;
	char state[REMIND_STATE_MAX];   /* the line written last */
};

/* ---- clocks --------------------------------------------------------------- */

/* The test hook's offsets, in seconds (see remind.h). */
static void remind_test_offsets(const char *path, int64_t off[3])
{
	char buf[128];
	long long v[3] = { 0, 0, 0 };
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (sscanf(buf, "%lld %lld %lld", &v[0], &v[1], &v[2]) < 1)
		return;
	for (int i = 0; i < 3; i++)
		off[i] = (int64_t)v[i] * 1000;
}

static void remind_read_clocks(struct remind *r)
{
	r->now = (struct schedule_clock){ clock_wall_ms(), clock_boot_ms(), clock_now_ms() };
	if (!r->test_clock)
		return;
	int64_t off[3] = { 0, 0, 0 };
	remind_test_offsets(r->test_clock, off);
	r->now.wall_ms += off[0];
	r->now.boot_ms += off[1];
	r->now.mono_ms += off[2];
}

static int64_t remind_day(const struct remind *r, int64_t wall_ms)
{
	int64_t t = wall_ms / 1000;
	return clock_local_day(t, schedule_offset(&r->s.r, t));
}

/* ---- the history ------------------------------------------------------------ */

static int remind_count_of(enum history_outcome o)
{
	return o >= HISTORY_TAKEN && o <= HISTORY_MISSED ? (int)(o - HISTORY_TAKEN) : -1;
}

static void remind_warn(struct remind *r, const char *msg)
{
	if (r->front.warn)
		r->front.warn(r->front.ctx, msg);
}

/* A prompt record now; a failure is told once. */
static void remind_record(struct remind *r, enum history_outcome o)
{
	struct history_record rec;
	char why[HISTORY_WHY_MAX];
	int64_t t = r->now.wall_ms / 1000;
	const struct routine *rt = r->p->routine;
	history_prompt(&rec, rt->id, rt->name, t, schedule_offset(&r->s.r, t), o);
	r->count[remind_count_of(o)]++;
	if (history_append(&rec, why, sizeof why) != 0 && !r->warned_history) {
		r->warned_history = true;
		remind_warn(r, why);
	}
}

static int remind_on_record(void *ctx, const struct history_record *rec, long line)
{
	struct remind *r = ctx;
	(void)line;
	int k = remind_count_of(rec->outcome);
	if (rec->kind == HISTORY_PROMPT && k >= 0 && history_day(rec) == r->today)
		r->count[k]++;
	return 0;
}

/* Today's prompts so far (a reminder started again goes on counting). */
static void remind_load_counts(struct remind *r)
{
	char why[HISTORY_WHY_MAX];
	struct history_reader rd = { remind_on_record, NULL, r };
	history_read(&rd, why, sizeof why);
}

static void remind_new_day(struct remind *r)
{
	int64_t day = remind_day(r, r->now.wall_ms);
	if (day != r->today) {
		r->today = day;
		memset(r->count, 0, sizeof r->count);
	}
}

/* ---- the state file -------------------------------------------------------------- */

static const char *const state_names[] = { "waiting", "prompt", "playing" };

static enum remind_state remind_state_of(const struct remind *r)
{
	return r->s.paused ? REMIND_PLAYING : r->s.prompting ? REMIND_PROMPT : REMIND_WAITING;
}

/* Written again when it changed (atomically: a new file renamed). */
static void remind_save_state(struct remind *r)
{
	char line[REMIND_STATE_MAX], id[128];
	const char *rid = r->p->routine->id ? r->p->routine->id : "";
	history_text(id, sizeof id, rid, strlen(rid));
	int64_t due = r->s.due_ms == SCHEDULE_NEVER ? 0 : r->s.due_ms;
	snprintf(line, sizeof line, "%d %ld %lld %s %s", REMIND_STATE_VERSION, (long)getpid(),
		 (long long)due, state_names[remind_state_of(r)], id);
	if (strcmp(line, r->state) == 0)
		return;
	if (paths_state_write(REMIND_STATE_FILE, line) == 0)
		memcpy(r->state, line, sizeof line);
}

/* Removed when it is this reminder's own. */
static void remind_drop_state(void)
{
	char line[REMIND_STATE_MAX];
	struct remind_state_line st;
	if (paths_state_read(REMIND_STATE_FILE, line, sizeof line) == 0 &&
	    remind_state_parse(line, &st) == 0 && st.pid == (long)getpid())
		paths_state_remove(REMIND_STATE_FILE);
}

/* ---- the prompt's outputs ------------------------------------------------------------ */

static bool remind_have_desktop(void)
{
	static const char *const vars[] = { "DISPLAY", "WAYLAND_DISPLAY",
					    "DBUS_SESSION_BUS_ADDRESS" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return true;
	}
	return false;
}

/* The notification's words: the command given, or notify-send when a
 * desktop can show it; room for the title, the body and the NULL. */
static int remind_notify_words(struct remind *r)
{
	static const char *const dflt[] = { "notify-send", "-a", "stretchtui" };
	const char *const *w = NULL;
	size_t n = 0;
	if (!r->o.notify)
		return 0;
	if (r->o.notify_command) {
		if (!(r->notify_owned = cue_words(r->o.notify_command)))
			return -1;
		for (w = (const char *const *)r->notify_owned; w[n]; n++)
			;
	} else if (r->o.notify_words.n) {
		w = r->o.notify_words.v;
		n = r->o.notify_words.n;
	} else if (remind_have_desktop() && cue_findable(dflt[0])) {
		w = dflt;
		n = 3;
	}
	if (!w)
		return 0;
	if (!(r->notify = calloc(n + 3, sizeof *r->notify)))
		return -1;
	for (size_t i = 0; i < n; i++)
		r->notify[i] = (char *)w[i];
	r->n_notify = n;
	return 0;
}

static void remind_notify(struct remind *r, const char *title, const char *body)
{
	if (!r->notify)
		return;
	r->notify[r->n_notify] = (char *)title;
	r->notify[r->n_notify + 1] = (char *)body;
	int rc = cue_kids_run(r->kids, r->notify);
	if (rc != 0 && rc != EAGAIN && !r->warned_notify) {
		char q[DIAG_QUOTE_BUF], msg[DIAG_QUOTE_BUF + 96];
		r->warned_notify = true;
		snprintf(msg, sizeof msg, "cannot run the notification command %s: %s",
			 diag_quote(r->notify[0], strlen(r->notify[0]), q, sizeof q), strerror(rc));
		remind_warn(r, msg);
	}
}

/* A break is due: the bell, the notification, the spoken words. */
static void remind_due(struct remind *r)
{
	char title[REMIND_TEXT], body[REMIND_TEXT], say[REMIND_TEXT], safe[REMIND_TEXT];
	const char *name = r->p->routine->name ? r->p->routine->name : "";
	utf8_safe(name, safe, sizeof safe);
	remind_texts(safe, r->p->total_ms, title, body, say, sizeof title);
	if (r->bell && r->front.bell)
		r->front.bell(r->front.ctx);
	remind_notify(r, title, body);
	cue_kids_say(r->kids, say);
}

/* ---- the reminder ------------------------------------------------------------------- */

static struct schedule_rules remind_rules(const struct remind_options *o)
{
	return (struct schedule_rules){ o->every_ms, o->snooze_ms, o->hours_from, o->hours_to,
					o->days_mask, NULL, NULL };
}

struct remind *remind_open(const struct remind_options *o, const struct session_options *so,
			   const struct plan *p, const struct cue_front *front)
{
	struct remind *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->o = *o;
	r->p = p;
	r->front = *front;
	r->bell = !so->quiet;
	const char *tc = getenv(REMIND_TEST_CLOCK);
	r->test_clock = tc && *tc ? tc : NULL;
	struct cue_config cfg = { false, so->speak, so->speech_command, NULL };
	if (!(r->kids = cue_kids_open(&cfg, front)) || remind_notify_words(r) != 0) {
		remind_close(r);
		return NULL;
	}
	remind_read_clocks(r);
	struct schedule_rules rules = remind_rules(o);
	schedule_init(&r->s, &rules, &r->now);
	r->today = remind_day(r, r->now.wall_ms);
	remind_load_counts(r);
	remind_save_state(r);
	return r;
}

void remind_close(struct remind *r)
{
	if (!r)
		return;
	if (r->s.prompting && r->p) {
		remind_read_clocks(r);
		remind_record(r, HISTORY_MISSED);
	}
	if (r->state[0])
		remind_drop_state();
	cue_kids_close(r->kids, CUE_END_SPEECH_MS, CUE_END_HOOK_MS);
	free(r->notify);
	free(r->notify_owned);
	free(r);
}

int remind_update(struct remind *r)
{
	remind_read_clocks(r);
	cue_kids_reap(r->kids);
	remind_new_day(r);
	enum schedule_event ev = schedule_update(&r->s, &r->now);
	if (ev == SCHEDULE_DUE)
		remind_due(r);
	else if (ev == SCHEDULE_MISSED)
		remind_record(r, HISTORY_MISSED);
	remind_save_state(r);
	return (int)ev;
}

int remind_wake(const struct remind *r, bool countdown)
{
	int64_t ms = schedule_wake_ms(&r->s, &r->now, countdown);
	return ms > INT_MAX ? INT_MAX : (int)ms;
}

void remind_answer(struct remind *r, enum remind_answer a)
{
	remind_read_clocks(r);
	remind_new_day(r);
	switch (a) {
	case REMIND_START:
		remind_record(r, HISTORY_TAKEN);
		schedule_pause(&r->s);
		break;
	case REMIND_SNOOZE:
		remind_record(r, HISTORY_SNOOZED);
		schedule_snooze(&r->s, &r->now);
		break;
	case REMIND_SKIP:
		remind_record(r, HISTORY_SKIPPED);
		schedule_skip(&r->s, &r->now);
		break;
	case REMIND_QUIT:
	case REMIND_GONE:
		if (r->s.prompting)
			remind_record(r, a == REMIND_QUIT ? HISTORY_SKIPPED : HISTORY_MISSED);
		r->s.prompting = false;
		break;
	}
	remind_save_state(r);
}

void remind_played(struct remind *r)
{
	remind_read_clocks(r);
	remind_new_day(r);
	schedule_restart(&r->s, &r->now);
	remind_save_state(r);
}

/* ---- what is shown ----------------------------------------------------------------- */

/* "10:30", "tomorrow 09:30", "Monday 09:30" for the due time. */
static void remind_when(const struct remind *r, char *buf, size_t size)
{
	int64_t due = r->s.due_ms;
	if (due == SCHEDULE_NEVER) {
		buf[0] = '\0';
		return;
	}
	int64_t t = due / 1000, local = t + schedule_offset(&r->s.r, t);
	int64_t day = clock_local_day(local, 0), sec = local - day * 86400;
	int64_t ahead = day - remind_day(r, r->now.wall_ms);
	char hm[16];
	snprintf(hm, sizeof hm, "%02d:%02d", (int)(sec / 3600), (int)(sec / 60 % 60));
	if (ahead == 0)
		snprintf(buf, size, "%s", hm);
	else if (ahead == 1)
		snprintf(buf, size, "tomorrow %s", hm);
	else
		snprintf(buf, size, "%s %s", clock_weekday_name(clock_weekday(day), true), hm);
}

static void remind_rules_text(const struct remind *r, char *buf, size_t size)
{
	char every[32], days[64];
	const struct remind_options *o = &r->o;
	int n = snprintf(buf, size, "every %s", remind_span(o->every_ms, every, sizeof every));
	if (o->hours_from || o->hours_to)
		n += snprintf(buf + n, size - (size_t)n, ", %02d:%02d-%02d:%02d", o->hours_from / 60,
			      o->hours_from % 60, o->hours_to / 60, o->hours_to % 60);
	if ((o->days_mask & SCHEDULE_ALL_DAYS) != SCHEDULE_ALL_DAYS && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ", %s",
			 remind_days_text(o->days_mask, days, sizeof days));
}

void remind_info(const struct remind *r, struct remind_info *i)
{
	memset(i, 0, sizeof *i);
	i->state = remind_state_of(r);
	i->routine = r->p->routine->name ? r->p->routine->name : "";
	i->routine_ms = r->p->total_ms;
	i->left_ms = schedule_left_ms(&r->s, &r->now);
	i->later = r->s.due_ms == SCHEDULE_NEVER ||
		   remind_day(r, r->s.due_ms) != remind_day(r, r->now.wall_ms) ||
		   !schedule_allowed(&r->s.r, r->now.wall_ms);
	remind_when(r, i->when, sizeof i->when);
	remind_rules_text(r, i->rules, sizeof i->rules);
	i->taken = r->count[remind_count_of(HISTORY_TAKEN)];
	i->skipped = r->count[remind_count_of(HISTORY_SKIPPED)];
	i->snoozed = r->count[remind_count_of(HISTORY_SNOOZED)];
	i->missed = r->count[remind_count_of(HISTORY_MISSED)];
	int n = snprintf(i->tally, sizeof i->tally, "Today: %d taken, %d skipped, %d snoozed",
			 i->taken, i->skipped, i->snoozed);
	if (i->missed && n > 0 && (size_t)n < sizeof i->tally)
		snprintf(i->tally + n, sizeof i->tally - (size_t)n, ", %d missed", i->missed);
	i->snooze_ms = r->o.snooze_ms;
	if (r->s.prompting)
		i->missed_in_ms = SCHEDULE_MISSED_MS - (r->now.mono_ms - r->s.prompt_mono);
	i->away_ms = r->s.away_ms;
}
