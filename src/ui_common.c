/* ui_common — signals, clock and helpers shared by ui and plain. */
#include "ui_common.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "diag.h"
#include "duration.h"
#include "view.h"

/* The self-pipe's write end: the one thing a handler touches. */
static volatile sig_atomic_t ui_sig_wfd = -1;

static const int ui_fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static void ui_on_signal(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;
	if (ui_sig_wfd >= 0 && write(ui_sig_wfd, &b, 1) < 0)
		b = 0;
	errno = saved;
}

void ui_signal_reinstall(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(sig, &sa, NULL);
}

static int ui_pipe_flags(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int ui_signals_install(int which)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	if (ui_pipe_flags(fds[0]) != 0 || ui_pipe_flags(fds[1]) != 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	ui_sig_wfd = fds[1];
	if (which & UI_SIG_FATAL)
		for (size_t i = 0; i < sizeof ui_fatal_signals / sizeof *ui_fatal_signals; i++)
			ui_signal_reinstall(ui_fatal_signals[i]);
	if (which & UI_SIG_TSTP)
		ui_signal_reinstall(SIGTSTP);
	if (which & UI_SIG_WINCH)
		ui_signal_reinstall(SIGWINCH);
	return fds[0];
}

void ui_signals_restore(int fd)
{
	for (size_t i = 0; i < sizeof ui_fatal_signals / sizeof *ui_fatal_signals; i++)
		signal(ui_fatal_signals[i], SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGWINCH, SIG_DFL);
	if (ui_sig_wfd >= 0)
		close(ui_sig_wfd);
	ui_sig_wfd = -1;
	if (fd >= 0)
		close(fd);
}

void ui_signals_drain(int fd, int *fatal, bool *tstp, bool *winch)
{
	unsigned char buf[64];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == SIGTSTP)
				*tstp = true;
			else if (buf[i] == SIGWINCH)
				*winch = true;
			else if (buf[i] && !*fatal)
				*fatal = buf[i];
		}
	}
}

/* ---- clock ------------------------------------------------------------------ */

void ui_clock_init(struct ui_clock *c, double speed)
{
	c->t0_ms = clock_now_ms();
	c->speed = speed > 0 ? speed : 1.0;
}

int64_t ui_clock_now(const struct ui_clock *c)
{
	int64_t ms = clock_now_ms() - c->t0_ms;
	if (c->speed == 1.0)
		return ms;
	return (int64_t)((double)ms * c->speed + 1e-6);
}

int ui_clock_timeout(const struct ui_clock *c, int64_t engine_ms)
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

/* ---- routines ------------------------------------------------------------------ */

int ui_load(struct catalog *c, const char *arg, struct routine *r,
	    struct plan *p)
{
	struct diags d = { 0 };
	int rc = catalog_load(c, arg, r, &d);
	if (rc == 0 && d.errors == 0)
		rc = plan_check(r, p, &d);
	diag_print(&d, stderr);
	rc = rc == 0 && d.errors == 0 ? CLI_OK : CLI_INVALID;
	diag_free(&d);
	if (rc != CLI_OK)
		routine_free(r);
	return rc;
}

bool ui_event_rings(const struct plan *p, const struct engine_event *ev)
{
	if (ev->kind == ENGINE_SEGMENT_START || ev->kind == ENGINE_FINISHED)
		return true;
	if (ev->kind != ENGINE_TICK || ev->seg >= p->n)
		return false;
	const struct segment *g = &p->seg[ev->seg];
	return !(g->rep_n > 0 && g->len_ms < 5000);
}

void ui_summary_line(const char *name, const struct engine_summary *s,
		     char *buf, size_t size)
{
	char done[24], planned[24], ext[24];
	view_mmss((s->done_ms + 500) / 1000, done, sizeof done);
	view_mmss(duration_ceil_seconds(s->planned_ms), planned, sizeof planned);
	int n = snprintf(buf, size, "%s: %s %s of %s; %d of %d exercises done, %d skipped",
			 name, s->completed ? "finished," : "stopped at", done, planned,
			 s->exercises_done, s->exercises_total, s->exercises_skipped);
	if (s->extended_ms > 0 && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "; extended +%s",
			      view_mmss((s->extended_ms + 500) / 1000, ext, sizeof ext));
	if (n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ".");
}

/* ---- keys ---------------------------------------------------------------------- */

static enum ui_action ui_answer_action(int key)
{
	switch (key) {
	case 'y': case 'Y': return UI_ACT_YES;
	case 'n': case 'N': case 'q': case 27: return UI_ACT_NO;
	case UI_K_RESIZE: return UI_ACT_RESIZE;
	default: return UI_ACT_NONE;
	}
}

enum ui_action ui_key_action(int key, bool asking)
{
	static const struct { int key; enum ui_action a; } map[] = {
		{ ' ', UI_ACT_PAUSE }, { 'n', UI_ACT_SKIP }, { UI_K_RIGHT, UI_ACT_SKIP },
		{ 'b', UI_ACT_BACK }, { UI_K_LEFT, UI_ACT_BACK },
		{ '+', UI_ACT_EXTEND }, { '=', UI_ACT_EXTEND }, { '-', UI_ACT_UNEXTEND },
		{ '\r', UI_ACT_REP }, { '\n', UI_ACT_REP }, { UI_K_ENTER, UI_ACT_REP },
		{ '?', UI_ACT_HELP }, { 27, UI_ACT_CLOSE }, { 'q', UI_ACT_ASK_QUIT },
		{ 'L' & 0x1f, UI_ACT_REDRAW }, { UI_K_RESIZE, UI_ACT_RESIZE },
		{ UI_K_UP, UI_ACT_LINE_UP }, { 'k', UI_ACT_LINE_UP },
		{ UI_K_DOWN, UI_ACT_LINE_DOWN }, { 'j', UI_ACT_LINE_DOWN },
		{ UI_K_PPAGE, UI_ACT_PAGE_UP }, { UI_K_NPAGE, UI_ACT_PAGE_DOWN },
	};
	if (asking)
		return ui_answer_action(key);
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].key == key)
			return map[i].a;
	return UI_ACT_NONE;
}

static void ui_ask_quit(struct engine *e, struct ui_ask *ask, int64_t now)
{
	struct engine_state st;
	engine_state(e, now, &st);
	ask->open = true;
	ask->resume = !st.paused;
	if (ask->resume)
		engine_pause(e, now);
}

bool ui_apply(struct engine *e, struct ui_ask *ask, enum ui_action a,
	      int64_t now)
{
	switch (a) {
	case UI_ACT_PAUSE: engine_toggle_pause(e, now); break;
	case UI_ACT_SKIP: engine_skip(e, now); break;
	case UI_ACT_BACK: engine_back(e, now); break;
	case UI_ACT_EXTEND: engine_extend(e, now); break;
	case UI_ACT_UNEXTEND: engine_unextend(e, now); break;
	case UI_ACT_REP: engine_rep_done(e, now); break;
	case UI_ACT_ASK_QUIT: ui_ask_quit(e, ask, now); break;
	case UI_ACT_YES:
		ask->open = false;
		engine_quit(e, now);
		return true;
	case UI_ACT_NO:
		ask->open = false;
		if (ask->resume)
			engine_resume(e, now);
		break;
	default:
		break;
	}
	return false;
}

bool ui_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}
