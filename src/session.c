/* session — what both front ends share about playing (see session.h). */
#include "session.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "duration.h"
#include "paths.h"
#include "start.h"

/* ---- clock ------------------------------------------------------------------ */

void session_clock_init(struct session_clock *c, double speed)
{
	c->t0_ms = clock_now_ms();
	c->speed = speed > 0 ? speed : 1.0;
}

int64_t session_clock_now(const struct session_clock *c)
{
	int64_t ms = clock_now_ms() - c->t0_ms;
	if (c->speed == 1.0)
		return ms;
	return (int64_t)((double)ms * c->speed + 1e-6);
}

int session_clock_timeout(const struct session_clock *c, int64_t engine_ms)
{
	if (engine_ms < 0)
		return -1;
	double q = (double)engine_ms / c->speed;
	if (q > 1e9)
		return 1000000000;
	int ms = (int)q;
	if ((double)ms < q)
		ms++;                   /* rounded up: never wake before the change */
	return ms < 1 ? 1 : ms;
}

/* ---- the player's actions -------------------------------------------------------- */

bool session_hold(struct engine *e, int64_t now)
{
	struct engine_state st;
	engine_state(e, now, &st);
	if (!st.paused)
		engine_pause(e, now);
	return !st.paused;
}

bool session_apply(struct engine *e, struct session_ask *ask,
		   enum keys_action a, int64_t now)
{
	switch (a) {
	case KEYS_ACT_PAUSE: engine_toggle_pause(e, now); break;
	case KEYS_ACT_SKIP: engine_skip(e, now); break;
	case KEYS_ACT_BACK: engine_back(e, now); break;
	case KEYS_ACT_EXTEND: engine_extend(e, now); break;
	case KEYS_ACT_UNEXTEND: engine_unextend(e, now); break;
	case KEYS_ACT_REP: engine_rep_done(e, now); break;
	case KEYS_ACT_ASK_QUIT:
		ask->open = true;
		ask->resume = session_hold(e, now);
		break;
	case KEYS_ACT_YES:
		ask->open = false;
		engine_quit(e, now);
		return true;
	case KEYS_ACT_NO:
		ask->open = false;
		if (ask->resume)
			engine_resume(e, now);
		break;
	default:
		break;
	}
	return false;
}

/* ---- summary, last routine ---------------------------------------------------- */

void session_summary_line(const char *name, const struct engine_summary *s,
			  char *buf, size_t size)
{
	char done[24], planned[24], ext[24];
	/* started later in the plan (--from, --resume): where it stopped */
	bool later = s->began_ms > 0 && !s->completed;
	duration_format_round(later ? s->stopped_ms : s->done_ms, done, sizeof done);
	duration_format_left(s->planned_ms, planned, sizeof planned);
	int n = snprintf(buf, size, "%s: %s %s of %s; %d of %d exercises done, %d skipped",
			 name, s->completed ? "finished," : "stopped at", done, planned,
			 s->exercises_done, s->exercises_total, s->exercises_skipped);
	if (s->extended_ms > 0 && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "; extended +%s",
			      duration_format_round(s->extended_ms, ext, sizeof ext));
	if (n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ".");
}

void session_record(struct history_record *h, const struct routine *rt,
		    const struct engine_summary *s, int64_t start, bool signal)
{
	enum history_outcome o = signal ? HISTORY_SIGNAL
				 : s->completed ? HISTORY_COMPLETED : HISTORY_QUIT;
	history_session(h, s, rt->id, rt->name, start, clock_utc_offset(start), o,
			HISTORY_FEEL_NONE);
}

enum history_feel session_feel(enum keys_action a)
{
	switch (a) {
	case KEYS_ACT_WORSE: return HISTORY_WORSE;
	case KEYS_ACT_SAME: return HISTORY_SAME;
	case KEYS_ACT_BETTER: return HISTORY_BETTER;
	default: return HISTORY_FEEL_NONE;
	}
}

void session_remember(const struct routine *r)
{
	if (r->id && !strchr(r->id, '\n'))
		paths_state_write(SESSION_LAST_ROUTINE, r->id);
}

void session_stopped(const struct plan *p, const struct engine *e,
		     int64_t now)
{
	struct engine_summary s;
	engine_summary(e, now, &s);
	size_t i = plan_seg_at(p, s.stopped_ms);
	int64_t whole = s.stopped_ms / 1000 * 1000;
	if (i < p->n)     /* down to the second, within its segment */
		s.stopped_ms = whole > p->seg[i].start_ms ? whole : p->seg[i].start_ms;
	start_session_ended(p->routine->path, &s, clock_wall_s());
}
