/* plain — the line-oriented front end (see plain.h): the same engine and
 * keys as the full-screen player, told one line at a time, for screen
 * readers, pipes and dumb terminals. No cursor addressing. */
#include "plain.h"

#include <errno.h>
#include <stdarg.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "diag.h"
#include "duration.h"
#include "clock.h"
#include "cue.h"
#include "engine.h"
#include "keys.h"
#include "history.h"
#include "plan.h"
#include "safety.h"
#include "session.h"
#include "sig.h"
#include "utf8.h"

struct plain {
	const struct session_options *o;
	struct catalog *c;
	const struct plan *p;
	struct engine *e;
	struct cue *cue;             /* bell, speech and hooks */
	struct session_clock clk;
	struct engine_state st;
	int sig_fd;
	bool keys;                   /* stdin is a terminal: keys work */
	struct plain_tty tty;        /* stdin's modes, changed while keys are read */
	bool bell;
	const char *ell;             /* "…" or "..." */
	struct session_ask ask;
	bool said_auto_reps;         /* the no-keyboard line was printed */
	size_t halfway_told;         /* 1 + the segment whose half-way was told */
	int64_t lead_shown;          /* last lead-in second printed */
	int fatal;
	unsigned out_flags;          /* utf8_out_flags() */
	int write_err;               /* errno of the first failed write */
	int64_t start_ms;            /* plan time to start at (--from, --resume) */
};

enum { PLAIN_GO_ON, PLAIN_QUIT };

#define PLAIN_HALFWAY_MS 30000       /* holds this long are told their half-way */

/* ---- the terminal ---------------------------------------------------------------- */

void plain_tty_raw(struct plain_tty *tty)
{
	struct termios t;
	if (tty->raw || tcgetattr(STDIN_FILENO, &tty->saved) != 0)
		return;
	t = tty->saved;
	t.c_lflag &= (tcflag_t)~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tty->raw = tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0;
}

void plain_tty_cooked(struct plain_tty *tty)
{
	if (tty->raw)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &tty->saved);
	tty->raw = false;
}

void plain_tty_leave(void *t)
{
	struct plain_tty *tty = t;
	tty->resume = tty->raw;
	plain_tty_cooked(tty);
}

void plain_tty_back(void *t)
{
	struct plain_tty *tty = t;
	if (tty->resume)
		plain_tty_raw(tty);
}

static void plain_raw(struct plain *pl)
{
	if (pl->keys)
		plain_tty_raw(&pl->tty);
}

static void plain_cooked(struct plain *pl)
{
	plain_tty_cooked(&pl->tty);
}

/* ---- lines -------------------------------------------------------------------------- */

static void plain_line(struct plain *pl, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* One line: its text (names, cues, sides come from files) made safe. */
static void plain_line(struct plain *pl, const char *fmt, ...)
{
	char small[512], *buf = small;
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof small && (buf = malloc((size_t)n + 1)))
		vsnprintf(buf, (size_t)n + 1, fmt, again);
	va_end(again);
	if (!buf)
		buf = small;   /* out of memory: the line, cut */
	size_t len = n < 0 ? 0 : strnlen(buf, (size_t)n);
	utf8_fput(buf, len, pl->out_flags, stdout);
	putchar('\n');
	if (buf != small)
		free(buf);
}

/* Flushes stdout; the first write error ends the session. */
static void plain_flush(struct plain *pl)
{
	errno = 0;
	if ((fflush(stdout) != 0 || ferror(stdout)) && !pl->write_err)
		pl->write_err = errno ? errno : EIO;
}

/* ", left side, set 2 of 3"; "" when the segment has neither. */
static void plain_where(const struct segment *g, char *buf, size_t size)
{
	snprintf(buf, size, ", ");
	if (size < 3 || !*plan_where(g, 0, ", ", buf + 2, size - 2))
		buf[0] = '\0';
}

/* The WORK segments from i on that belong to one side of one set. */
static int64_t plain_block_ms(const struct plan *p, size_t i)
{
	int64_t ms = 0;
	const struct segment *g = &p->seg[i];
	for (size_t j = i; j < p->n; j++) {
		const struct segment *h = &p->seg[j];
		if (h->kind != SEG_WORK || h->step != g->step ||
		    h->set_i != g->set_i || h->side_i != g->side_i)
			break;
		ms += h->len_ms;
	}
	return ms;
}

static bool plain_block_start(const struct plan *p, size_t i)
{
	const struct segment *g = &p->seg[i];
	return g->kind == SEG_WORK &&
	       (g->rep_n == 0 || (g->rep_i == 1 && g->phase_i <= 1));
}

static void plain_step_line(struct plain *pl, size_t i)
{
	const struct segment *g = &pl->p->seg[i];
	char where[160], t[24], what[96] = "", n[48];
	plain_where(g, where, sizeof where);
	plan_reps_text(g->exercise, g->rep_n, n, sizeof n);
	if (g->self_paced)
		snprintf(what, sizeof what, ", %s at your own pace, about", n);
	else if (g->rep_n)
		snprintf(what, sizeof what, ", %s,", n);
	else
		snprintf(what, sizeof what, ",");
	bool press = g->self_paced && pl->keys;
	plain_line(pl, "Step %zu/%zu: %s%s%s %s%s%s%s%s", (size_t)g->step + 1,
		   pl->p->routine->n_steps, g->exercise->name, where, what,
		   duration_format_left(plain_block_ms(pl->p, i), t, sizeof t),
		   press ? "; press " : "", press ? keys_name(&keys_player, KEYS_ACT_REP) : "",
		   press ? " after each " : "",
		   press ? routine_rep_word(g->exercise, 1) : "");
}

/* The exercise's summary and instructions, once per step. */
static void plain_instructions(struct plain *pl, const struct segment *g)
{
	const struct exercise *ex = g->exercise;
	if (g->set_i != 1 || g->side_i != 1)
		return;
	if (ex->summary)
		plain_line(pl, "  %s", ex->summary);
	for (size_t k = 0; k < ex->how.n; k++)
		plain_line(pl, "  - %s", ex->how.v[k]);
}

static void plain_transition(struct plain *pl, size_t i)
{
	const struct segment *g = &pl->p->seg[i], *w = plan_next_work(pl->p, i);
	char where[160], t[24];
	plain_where(w, where, sizeof where);
	duration_format_left(g->len_ms, t, sizeof t);
	if (g->kind == SEG_PREPARE)
		plain_line(pl, "Get ready, %s: %s%s", t, g->exercise->name, where);
	else if (g->kind == SEG_SWITCH)
		plain_line(pl, "%s, %s: next %s%s", plan_switch_text(pl->p, g, 0), t,
			   g->exercise->name, where);
	else if (g->exercise)
		plain_line(pl, "Rest, %s: next %s%s", t, g->exercise->name, where);
	else
		plain_line(pl, "Step %zu/%zu: Rest, %s", (size_t)g->step + 1,
			   pl->p->routine->n_steps, t);
}

static void plain_segment(struct plain *pl, size_t i)
{
	const struct segment *g = &pl->p->seg[i];
	if (g->kind != SEG_WORK) {
		plain_transition(pl, i);
		return;
	}
	if (plain_block_start(pl->p, i)) {
		plain_step_line(pl, i);
		plain_instructions(pl, g);
	}
	if (g->self_paced && !pl->keys && !pl->said_auto_reps) {
		plain_line(pl, "(no keyboard: counting reps at the planned tempo)");
		pl->said_auto_reps = true;
	}
	char rep[64];
	plan_rep_text(g, 0, rep, sizeof rep);
	if (g->self_paced)
		plain_line(pl, "%s", rep);
	else if (g->cue && g->phase_i == 1)
		plain_line(pl, "%s: %s", rep, g->cue);
	else if (g->cue)
		plain_line(pl, "%s", g->cue);
	else if (g->rep_n)
		plain_line(pl, "%s", rep);
}

static void plain_summary(struct plain *pl)
{
	struct engine_summary s;
	char buf[512];
	engine_summary(pl->e, session_clock_now(&pl->clk), &s);
	session_summary_line(pl->p->routine->name, &s, buf, sizeof buf);
	size_t n = strlen(buf);
	if (n + 1 < sizeof buf && cue_note(pl->cue, buf + n + 1, sizeof buf - n - 1))
		buf[n] = ' ';
	plain_line(pl, "%s", buf);
}

/* The 3-2-1 told in lines: not in a rep phase under 5 s, where it would
 * never stop (what rings is cue's to say). */
static bool plain_tick_told(const struct plan *p, const struct engine_event *ev)
{
	const struct segment *g = ev->seg < p->n ? &p->seg[ev->seg] : NULL;
	return g && !(g->rep_n > 0 && g->len_ms < 5000);
}

static void plain_event(struct plain *pl, const struct engine_event *ev)
{
	switch (ev->kind) {
	case ENGINE_SEGMENT_START:
		plain_segment(pl, ev->seg);
		break;
	case ENGINE_TICK:
		if (plain_tick_told(pl->p, ev))
			plain_line(pl, "%d%s", ev->value, pl->ell);
		break;
	case ENGINE_PAUSED:
		if (!pl->ask.open)   /* the quit question says enough */
			plain_line(pl, "Paused. Press %s to go on.",
				   keys_name(&keys_player, KEYS_ACT_PAUSE));
		break;
	case ENGINE_RESUMED:
		plain_line(pl, "Go.");
		break;
	case ENGINE_SKIPPED:
		plain_line(pl, "Skipped.");
		break;
	case ENGINE_FINISHED:
		plain_summary(pl);
		break;
	default:
		break;
	}
}

/* The lead-in after a resume: "Resuming in 3…", "2…", "1…". */
static void plain_lead_in(struct plain *pl)
{
	int64_t s = duration_ceil_seconds(pl->st.resume_in_ms);
	if (s == pl->lead_shown)
		return;
	pl->lead_shown = s;
	if (s > 0 && s >= ENGINE_RESUME_MS / 1000)
		plain_line(pl, "Resuming in %lld%s", (long long)s, pl->ell);
	else if (s > 0)
		plain_line(pl, "%lld%s", (long long)s, pl->ell);
}

/* Session ms until the half-way point of a hold of PLAIN_HALFWAY_MS or
 * more that has not been told yet; -1 when there is none to come. */
static int64_t plain_halfway_ms(const struct plain *pl, const struct engine_state *st)
{
	const struct segment *g = st->seg;
	if (!g || g->kind != SEG_WORK || g->rep_n || st->seg_len_ms < PLAIN_HALFWAY_MS ||
	    pl->halfway_told == st->seg_index + 1 || st->paused || st->resume_in_ms > 0)
		return -1;
	int64_t left = st->seg_len_ms / 2 - st->seg_elapsed_ms;
	return left > 0 ? left : 0;
}

static void plain_halfway(struct plain *pl)
{
	char t[24];
	if (plain_halfway_ms(pl, &pl->st) != 0)
		return;
	pl->halfway_told = pl->st.seg_index + 1;
	plain_line(pl, "Halfway: %s left.",
		   duration_format_left(pl->st.seg_remaining_ms, t, sizeof t));
}

static void plain_update(struct plain *pl, int64_t now)
{
	const struct engine_event *ev;
	size_t n = engine_update(pl->e, now, &ev);
	engine_state(pl->e, now, &pl->st);
	cue_update(pl->cue, ev, n, &pl->st);
	for (size_t i = 0; i < n; i++)
		plain_event(pl, &ev[i]);
	plain_lead_in(pl);
	plain_halfway(pl);
	plain_flush(pl);
}

/* ---- keys ---------------------------------------------------------------------------- */

/* Whether this front end does what a's key does (no screen to redraw;
 * the help is what is being read). */
static bool plain_has(enum keys_action a)
{
	return a != KEYS_ACT_REDRAW && a != KEYS_ACT_HELP;
}

/* "Keys: space pause / resume (...); n or Right skip to ...; ..." and
 * the safety notes. */
static void plain_help(struct plain *pl)
{
	char line[1024], names[64];
	size_t used = (size_t)snprintf(line, sizeof line, "Keys:");
	for (const struct keys_row *r = keys_next(&keys_player, NULL); r && used < sizeof line;
	     r = keys_next(&keys_player, r)) {
		if (!plain_has(r->action))
			continue;
		int n = snprintf(line + used, sizeof line - used, "%s %s %s",
				 used > 5 ? ";" : "", keys_names(r, " or ", false, names,
								 sizeof names), keys_word(r, KEYS_HELP));
		used += n > 0 ? (size_t)n : 0;
	}
	plain_line(pl, "%s.", line);
	char *s = safety_load(pl->c);
	if (s) {
		safety_put(s, stdout);
		free(s);
	}
}

/* What a front end of lines says about an action it has applied. */
static void plain_acted(struct plain *pl, enum keys_action a, int64_t now)
{
	char t[24], answers[32];
	if (a == KEYS_ACT_HELP) {     /* the session waits while it is read */
		session_hold(pl->e, now);
		plain_help(pl);
	}
	else if (a == KEYS_ACT_ASK_QUIT && pl->ask.open)
		plain_line(pl, "%s (%s)", keys_quit.prompt,
			   keys_hint_text(&keys_quit, false, NULL, "/", false, answers,
					  sizeof answers));
	else if (a == KEYS_ACT_NO)
		plain_line(pl, "Going on.");
	if (a != KEYS_ACT_EXTEND && a != KEYS_ACT_UNEXTEND)
		return;
	engine_state(pl->e, now, &pl->st);
	if (pl->st.seg)
		plain_line(pl, "%s 10 seconds: %s left.",
			   a == KEYS_ACT_EXTEND ? "Plus" : "Minus",
			   duration_format_left(pl->st.seg_remaining_ms, t, sizeof t));
}

static int plain_key(struct plain *pl, int key)
{
	int64_t now = session_clock_now(&pl->clk);
	enum keys_action a = keys_action(pl->ask.open ? &keys_quit : &keys_player, key);
	if (session_apply(pl->e, &pl->ask, a, now))
		return PLAIN_QUIT;
	plain_acted(pl, a, now);
	plain_flush(pl);
	return PLAIN_GO_ON;
}

/* The key at buf[*i] (an arrow is ESC [ C or ESC O C); *i moves past it. */
static int plain_keycode(const unsigned char *buf, ssize_t n, ssize_t *i)
{
	static const char arrows[] = "CDAB";
	static const int codes[] = { KEYS_RIGHT, KEYS_LEFT, KEYS_UP, KEYS_DOWN };
	int ch = buf[*i];
	if (ch != KEYS_ESC || *i + 2 >= n || (buf[*i + 1] != '[' && buf[*i + 1] != 'O'))
		return ch;
	*i += 2;
	const char *a = buf[*i] ? strchr(arrows, buf[*i]) : NULL;
	return a ? codes[a - arrows] : KEYS_OTHER;
}

static int plain_keys(struct plain *pl)
{
	unsigned char buf[64];
	ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		pl->keys = false;            /* the terminal went away */
		return PLAIN_GO_ON;
	}
	for (ssize_t i = 0; i < n; i++)
		if (plain_key(pl, plain_keycode(buf, n, &i)) == PLAIN_QUIT)
			return PLAIN_QUIT;
	return PLAIN_GO_ON;
}

/* ---- the loop ----------------------------------------------------------------------------- */

static void plain_suspend(struct plain *pl)
{
	session_hold(pl->e, session_clock_now(&pl->clk));
	fflush(stdout);
	sig_suspend(STDIN_FILENO, plain_tty_leave, plain_tty_back, &pl->tty);
}

/* Without a keyboard nobody can end a self-paced rep: it is counted
 * when its tempo (the segment's planned length) runs out. The time left
 * until then (session ms), or -1 when that does not apply now. */
static int64_t plain_auto_rep_ms(const struct plain *pl, const struct engine_state *st)
{
	if (pl->keys || !st->seg || !st->seg->self_paced || st->paused ||
	    st->resume_in_ms > 0)
		return -1;
	int64_t left = st->seg_len_ms - st->seg_elapsed_ms;
	return left > 0 ? left : 0;
}

/* Counts every self-paced rep whose tempo ran out by now, each at the
 * session time its tempo ended. */
static void plain_auto_reps(struct plain *pl, int64_t now)
{
	struct engine_state st;
	engine_state(pl->e, now, &st);
	while (plain_auto_rep_ms(pl, &st) == 0) {
		engine_rep_done(pl->e, now - (st.seg_elapsed_ms - st.seg_len_ms));
		engine_state(pl->e, now, &st);
	}
}

/* Lines show no countdown: in a timed segment nothing is printed between
 * its start and its last PLAIN_TICKS_MS (the 3-2-1 ticks), so the wait
 * until then can skip the countdown's seconds. */
#define PLAIN_TICKS_MS 3000

static int plain_timeout(struct plain *pl, int64_t now)
{
	int64_t ms = engine_ms_until_change(pl->e, now);
	const struct engine_state *st = &pl->st;
	if (ms > 0 && st->seg && !st->seg->self_paced && !st->paused &&
	    st->resume_in_ms <= 0 && st->seg_remaining_ms - PLAIN_TICKS_MS > ms)
		ms = st->seg_remaining_ms - PLAIN_TICKS_MS;
	int64_t rep = plain_auto_rep_ms(pl, &pl->st), half = plain_halfway_ms(pl, &pl->st);
	if (rep >= 0 && (ms < 0 || rep < ms))
		ms = rep > 0 ? rep : 1;
	if (half >= 0 && (ms < 0 || half < ms))
		ms = half > 0 ? half : 1;
	return session_clock_timeout(&pl->clk, cue_timeout(pl->cue, &pl->st, ms));
}

/* Sleeps until the next change, a key or a signal; false to stop. */
static bool plain_wait(struct plain *pl, int64_t now)
{
	struct pollfd fds[2] = { { pl->sig_fd, POLLIN, 0 },
				 { pl->keys ? STDIN_FILENO : -1, POLLIN, 0 } };
	int n = poll(fds, 2, plain_timeout(pl, now));
	struct sig_seen seen = { .fatal = pl->fatal };
	if (n > 0 && (fds[0].revents & POLLIN))
		sig_drain(pl->sig_fd, &seen);
	pl->fatal = seen.fatal;
	if (seen.chld)
		cue_reap(pl->cue);
	if (pl->fatal) {
		engine_quit(pl->e, session_clock_now(&pl->clk));
		plain_summary(pl);
		return false;
	}
	if (seen.tstp)
		plain_suspend(pl);
	if (n > 0 && (fds[1].revents & (POLLHUP | POLLERR)) && !(fds[1].revents & POLLIN))
		pl->keys = false;
	if (n > 0 && (fds[1].revents & POLLIN) && plain_keys(pl) == PLAIN_QUIT) {
		plain_summary(pl);
		return false;
	}
	return true;
}

static void plain_bell(void *ctx)
{
	(void)ctx;
	putchar('\a');
}

void plain_warn(void *ctx, const char *msg)
{
	(void)ctx;
	fflush(stdout);
	diag_msg(DIAG_WARNING, "%s", msg);
}

static struct cue *plain_cue(struct plain *pl)
{
	const struct session_options *o = pl->o;
	struct cue_config cfg = { pl->bell, o->speak, o->speech_command, o->on_event };
	struct cue_front front = { pl, plain_bell, plain_warn };
	return cue_open(pl->p, &cfg, &front);
}

/* ---- the check-in ------------------------------------------------------------------- */

/* The first key typed, or 0 when a signal ends the program (pl->fatal)
 * or the terminal has gone. Ctrl-Z stops the program in between. */
static int plain_checkin_key(struct plain *pl)
{
	unsigned char buf[64];
	for (;;) {
		struct pollfd fds[2] = { { pl->sig_fd, POLLIN, 0 }, { STDIN_FILENO, POLLIN, 0 } };
		int n = poll(fds, 2, -1);
		if (n < 0 && errno != EINTR)
			return 0;
		struct sig_seen seen = { .fatal = pl->fatal };
		if (n > 0 && (fds[0].revents & POLLIN))
			sig_drain(pl->sig_fd, &seen);
		if ((pl->fatal = seen.fatal) != 0)
			return 0;
		if (seen.tstp)
			sig_suspend(STDIN_FILENO, plain_tty_leave, plain_tty_back, &pl->tty);
		if (n <= 0 || !(fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		ssize_t got = read(STDIN_FILENO, buf, sizeof buf), i = 0;
		if (got > 0)
			return plain_keycode(buf, got, &i);
		if (got == 0 || (errno != EINTR && errno != EAGAIN))
			return 0;
	}
}

/* After a session played to the end, on a terminal: "How does your back
 * feel? 1 worse, 2 same, 3 better, Enter to skip:", one key (keys
 * typed during the session do not count). */
static enum history_feel plain_checkin(struct plain *pl)
{
	char line[256];
	size_t used = (size_t)snprintf(line, sizeof line, "%s", keys_checkin.prompt);
	for (const struct keys_row *r = keys_next(&keys_checkin, NULL); r && used < sizeof line;
	     r = keys_next(&keys_checkin, r)) {
		if (session_feel(r->action) != HISTORY_FEEL_NONE) {
			int n = snprintf(line + used, sizeof line - used, "%s %s %s",
					 used > strlen(keys_checkin.prompt) ? "," : "",
					 keys_word(r, KEYS_HINT), keys_word(r, KEYS_LABEL));
			used += n > 0 ? (size_t)n : 0;
		}
	}
	tcflush(STDIN_FILENO, TCIFLUSH);
	plain_line(pl, "%s, Enter to skip:", line);
	plain_flush(pl);
	enum history_feel f = session_feel(keys_action(&keys_checkin, plain_checkin_key(pl)));
	if (pl->fatal)
		return HISTORY_FEEL_NONE;
	if (f == HISTORY_FEEL_NONE)
		plain_line(pl, "Check-in skipped.");
	else
		plain_line(pl, "Check-in: %s.", history_feel_name(f));
	plain_flush(pl);
	return f;
}

/* The session into the history, however it ended (a signal too); one
 * played to the end on a terminal with its check-in, asked first (the
 * history is append-only). A signal during the check-in: saved without
 * a feel. */
static void plain_save(struct plain *pl, int64_t wall)
{
	struct engine_summary s;
	struct history_record r;
	char why[HISTORY_WHY_MAX];
	engine_summary(pl->e, session_clock_now(&pl->clk), &s);
	session_record(&r, pl->p->routine, &s, wall, pl->fatal != 0);
	if (s.completed && pl->keys && !pl->fatal && !pl->write_err && !pl->o->no_checkin)
		r.feel = plain_checkin(pl);
	if (history_append(&r, why, sizeof why) != 0)
		diag_msg(DIAG_WARNING, "%s", why);
}

static void plain_play(struct plain *pl)
{
	char t[24], keys[256] = "";
	size_t steps = pl->p->routine->n_steps;
	if (pl->keys)
		keys_hint_text(&keys_player, false, " ", ", ", false, keys, sizeof keys);
	plain_line(pl, "%s: %zu step%s, %s.%s%s%s", pl->p->routine->name, steps,
		   steps == 1 ? "" : "s", duration_format_left(pl->p->total_ms, t, sizeof t),
		   pl->keys ? " Keys: " : "", keys, pl->keys ? "." : "");
	if (pl->start_ms > 0 && pl->start_ms < pl->p->total_ms)
		plain_line(pl, "Starting at %s, step %zu/%zu.",
			   duration_format_s(pl->start_ms / 1000, t, sizeof t),
			   (size_t)pl->p->seg[plan_seg_at(pl->p, pl->start_ms)].step + 1,
			   steps);
	session_clock_init(&pl->clk, pl->o->speed);
	int64_t wall = clock_wall_s();
	pl->e = engine_start_at(pl->p, session_clock_now(&pl->clk), pl->start_ms);
	if (!pl->e)
		return;
	pl->cue = plain_cue(pl);
	for (;;) {
		int64_t now = session_clock_now(&pl->clk);
		plain_auto_reps(pl, now);
		plain_update(pl, now);
		if (pl->write_err) {
			engine_quit(pl->e, session_clock_now(&pl->clk));
			break;
		}
		if (pl->st.finished || !plain_wait(pl, now))
			break;
	}
	plain_flush(pl);
	cue_end(pl->cue, pl->e, session_clock_now(&pl->clk));
	plain_save(pl, wall);
	session_stopped(pl->p, pl->e, session_clock_now(&pl->clk));
	engine_free(pl->e);
}

/* Plays with the signal handlers and the terminal's modes in place. */
static int plain_session(struct plain *pl)
{
	pl->sig_fd = sig_install(SIG_SET_FATAL | SIG_SET_CHLD |
				 (pl->keys ? SIG_SET_TSTP : 0));
	if (pl->sig_fd < 0) {
		diag_msg(DIAG_ERROR, "cannot install the signal handlers: %s",
			 strerror(errno));
		return SESSION_FAILED;
	}
	session_remember(pl->p->routine);
	plain_raw(pl);
	plain_play(pl);
	plain_cooked(pl);
	sig_restore(pl->sig_fd);
	return pl->fatal ? 128 + pl->fatal : SESSION_OK;
}

/* ---- before playing ------------------------------------------------------------------------ */

/* A line from the terminal (cooked), without its newline; false at EOF. */
static bool plain_read_line(char *buf, size_t size)
{
	if (!fgets(buf, (int)size, stdin))
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return true;
}

/* The first-run notice; false when the person said no. */
static bool plain_first_run(struct plain *pl)
{
	char line[64];
	if (pl->o->no_safety || safety_seen())
		return true;
	char *s = safety_load(pl->c);
	if (!s)
		return true;
	safety_put(s, stdout);
	free(s);
	if (!pl->keys)
		return true;         /* nobody could confirm it: shown again next time */
	printf("Press Enter to start, or q and Enter to quit: ");
	fflush(stdout);
	if (!plain_read_line(line, sizeof line) || line[0] == 'q')
		return false;
	char why[512];
	if (safety_mark_seen_or_say(why, sizeof why) != 0)
		fprintf(stderr, "%s\n", why);
	return true;
}

/* One line of the list: number, id, name and total (made safe). */
static void plain_list_entry(struct catalog *c, size_t i, unsigned fl)
{
	struct diags d = { 0 };
	struct routine r;
	struct plan p;
	char t[24];
	printf("%3zu. ", i + 1);
	utf8_fpad(c->v[i].id, 22, fl, stdout);
	putchar(' ');
	if (catalog_load(c, c->v[i].id, &r, &d) == 0 &&
	    plan_build(&r, &p) == PLAN_OK) {
		utf8_fpad(r.name, 32, fl, stdout);
		printf(" %s\n", duration_format_left(p.total_ms, t, sizeof t));
		plan_free(&p);
	} else {
		printf("(has errors: stretchtui check ");
		utf8_fput(c->v[i].path, strlen(c->v[i].path), fl, stdout);
		printf(")\n");
	}
	routine_free(&r);
	diag_free(&d);
}

/* No routine given: the list, and a choice when stdin is a terminal. */
static const char *plain_choose(struct plain *pl, char *buf, size_t size)
{
	struct catalog *c = pl->c;
	for (size_t i = 0; i < c->n; i++)
		plain_list_entry(c, i, pl->out_flags);
	if (!pl->keys || c->n == 0) {
		diag_msg(DIAG_ERROR, "no routine given; use: stretchtui play ROUTINE");
		return NULL;
	}
	printf("Routine to play (number or name, Enter to quit): ");
	fflush(stdout);
	if (!plain_read_line(buf, size) || !buf[0])
		return NULL;
	char *end;
	unsigned long k = strtoul(buf, &end, 10);
	if (!*end && k >= 1 && k <= c->n)
		return c->v[k - 1].id;
	return buf;
}

/* Plays p: the notice when it is due, then the session. */
static int plain_play_plan(struct plain *pl, const struct plan *p)
{
	pl->p = p;
	int rc = plain_first_run(pl) ? plain_session(pl) : SESSION_OK;
	if (pl->write_err) {          /* said here, where errno is known */
		diag_msg(DIAG_ERROR, "write error: %s", strerror(pl->write_err));
		clearerr(stdout);
		rc = rc == SESSION_OK ? SESSION_FAILED : rc;
	}
	return rc;
}

/* No routine given: the one chosen from the list, loaded here (its
 * problems on stderr), then played. */
static int plain_play_chosen(struct plain *pl)
{
	char choice[256];
	struct routine r;
	struct plan p;
	struct diags d = { 0 };
	const char *arg = plain_choose(pl, choice, sizeof choice);
	if (!arg)
		return pl->keys && pl->c->n ? SESSION_OK : SESSION_NO_ROUTINE;
	int rc = catalog_load_plan(pl->c, arg, &r, &p, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (rc != 0)
		return SESSION_FAILED;
	catalog_release_libs(pl->c);   /* the routine holds its own exercises */
	rc = plain_play_plan(pl, &p);
	plan_free(&p);
	routine_free(&r);
	return rc;
}

int plain_run(const struct session_options *o, struct catalog *c,
	      const struct plan *p)
{
	struct plain pl = { .o = o, .c = c, .sig_fd = -1 };
	pl.keys = isatty(STDIN_FILENO);
	pl.bell = !o->quiet && isatty(STDOUT_FILENO);
	pl.ell = utf8_locale() ? "\xe2\x80\xa6" : "...";
	pl.out_flags = utf8_out_flags();
	pl.start_ms = p ? o->start_ms : 0;   /* a plan the menu had not chosen */
	return p ? plain_play_plan(&pl, p) : plain_play_chosen(&pl);
}
