/* plain_remind — `remind --plain` (see plain.h): the reminder told one
 * line per event, for a multiplexer's pane, a screen reader or a log;
 * the keys work when stdin is a terminal, and a break's routine is
 * played by plain_run in the same terminal. */
#include "plain.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cue.h"
#include "diag.h"
#include "duration.h"
#include "keys.h"
#include "remind.h"
#include "schedule.h"
#include "sig.h"
#include "utf8.h"

#define PR_SIGNALS (SIG_SET_FATAL | SIG_SET_CHLD)

struct plain_remind {
	const struct session_options *o;
	struct catalog *c;
	const struct plan *p;
	struct remind *rm;
	struct remind_info info;
	int sig_fd;
	bool keys;                   /* stdin is a terminal */
	struct plain_tty tty;
	int status;                  /* 128 + a signal, when one ended it */
	bool quit;
	unsigned fl;
};

/* ---- lines and the terminal ------------------------------------------------------ */

static void pr_line(struct plain_remind *pr, const char *fmt, ...) DIAG_PRINTF(2, 3);
static void pr_line(struct plain_remind *pr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	size_t len = n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
	utf8_fput(buf, len, pr->fl, stdout);   /* names come from files */
	putchar('\n');
	fflush(stdout);
}

static void pr_raw(struct plain_remind *pr)
{
	if (pr->keys)
		plain_tty_raw(&pr->tty);
}

static void pr_cooked(struct plain_remind *pr)
{
	plain_tty_cooked(&pr->tty);
}

/* "Next break at 10:30", "Next break tomorrow 09:30". */
static const char *pr_next(const struct remind_info *i, char *buf, size_t size)
{
	if (!i->when[0])
		snprintf(buf, size, "No break can come: the hours are shorter than the interval");
	else
		snprintf(buf, size, "Next break %s%s", i->later ? "" : "at ", i->when);
	return buf;
}

static void pr_keys_text(const struct plain_remind *pr, const struct keys_table *t,
			 char *buf, size_t size)
{
	char keys[256];
	buf[0] = '\0';
	if (pr->keys)
		snprintf(buf, size, " Keys: %s.",
			 keys_hint_text(t, false, " ", ", ", false, keys, sizeof keys));
}

/* ---- events and answers --------------------------------------------------------------- */

static void pr_event(struct plain_remind *pr, int ev)
{
	const struct remind_info *i = &pr->info;
	char next[128], span[32], len[32], keys[300];
	if (ev == SCHEDULE_DUE) {
		pr_keys_text(pr, &keys_prompt, keys, sizeof keys);
		pr_line(pr, "%s: %s (%s).%s", keys_prompt.prompt, i->routine,
			duration_format_left(i->routine_ms, len, sizeof len), keys);
	} else if (ev == SCHEDULE_SLEPT) {
		pr_line(pr, "Away for %s: that counts as a break. %s.",
			remind_span(i->away_ms, span, sizeof span), pr_next(i, next, sizeof next));
	} else if (ev == SCHEDULE_MISSED) {
		pr_line(pr, "The break went unanswered: it counts as missed. %s.",
			pr_next(i, next, sizeof next));
	}
}

/* The routine, played by the plain player with its own signals and
 * terminal modes; then ours again. */
static void pr_play(struct plain_remind *pr)
{
	pr_cooked(pr);
	sig_restore(pr->sig_fd);
	struct session_options o = *pr->o;
	o.no_checkin = true;      /* the waiting comes back at once */
	int rc = plain_run(&o, pr->c, pr->p);
	pr->sig_fd = sig_install(PR_SIGNALS | (pr->keys ? SIG_SET_TSTP : 0));
	pr_raw(pr);
	if (rc >= 128 || pr->sig_fd < 0) {
		pr->status = rc >= 128 ? rc : SESSION_FAILED;
		pr->quit = true;
	}
}

static void pr_act(struct plain_remind *pr, enum keys_action a)
{
	char next[128];
	bool prompt = pr->info.state == REMIND_PROMPT;
	if (a == KEYS_ACT_QUIT) {
		remind_answer(pr->rm, REMIND_QUIT);
		pr->quit = true;
		return;
	}
	if (a != KEYS_ACT_START && a != KEYS_ACT_SNOOZE && a != KEYS_ACT_SKIP)
		return;
	remind_answer(pr->rm, a == KEYS_ACT_START ? REMIND_START
			      : a == KEYS_ACT_SNOOZE ? REMIND_SNOOZE : REMIND_SKIP);
	if (a == KEYS_ACT_START) {
		pr_play(pr);
		remind_played(pr->rm);
	}
	remind_info(pr->rm, &pr->info);
	if (a == KEYS_ACT_SNOOZE)
		pr_line(pr, "Snoozed: the break comes at %s.", pr->info.when);
	else if (a == KEYS_ACT_SKIP && prompt)
		pr_line(pr, "Skipped: the next break is at %s.", pr->info.when);
	else if (a == KEYS_ACT_SKIP)
		pr_line(pr, "The next break skipped: the one after is at %s.", pr->info.when);
	else if (!pr->quit)
		pr_line(pr, "%s.", pr_next(&pr->info, next, sizeof next));
}

static void pr_keys(struct plain_remind *pr)
{
	unsigned char buf[64];
	ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
		pr->keys = false;            /* the terminal went away */
	for (ssize_t i = 0; i < n && !pr->quit; i++) {
		const struct keys_table *t = pr->info.state == REMIND_PROMPT ? &keys_prompt
									     : &keys_remind;
		pr_act(pr, keys_action(t, buf[i]));
	}
}

/* ---- the loop ---------------------------------------------------------------------- */

/* Sleeps until the reminder's next wake, a key or a signal. */
static void pr_wait(struct plain_remind *pr)
{
	struct pollfd fds[2] = { { pr->sig_fd, POLLIN, 0 },
				 { pr->keys ? STDIN_FILENO : -1, POLLIN, 0 } };
	int n = poll(fds, 2, remind_wake(pr->rm, false));
	struct sig_seen seen = { 0 };
	if (n > 0 && (fds[0].revents & POLLIN))
		sig_drain(pr->sig_fd, &seen);
	if (seen.fatal) {
		pr->status = 128 + seen.fatal;
		pr->quit = true;
		return;
	}
	if (seen.tstp)
		sig_suspend(STDIN_FILENO, plain_tty_leave, plain_tty_back, &pr->tty);
	if (n > 0 && (fds[1].revents & (POLLHUP | POLLERR)) && !(fds[1].revents & POLLIN))
		pr->keys = false;
	if (n > 0 && (fds[1].revents & POLLIN))
		pr_keys(pr);
}

static void pr_bell(void *ctx)
{
	(void)ctx;
	if (isatty(STDOUT_FILENO))
		putchar('\a');
}

static void pr_start(struct plain_remind *pr)
{
	char next[128], len[32], keys[300];
	remind_info(pr->rm, &pr->info);
	pr_keys_text(pr, &keys_remind, keys, sizeof keys);
	pr_line(pr, "Break reminders: %s (%s), %s. %s.%s", pr->info.routine,
		duration_format_left(pr->info.routine_ms, len, sizeof len), pr->info.rules,
		pr_next(&pr->info, next, sizeof next), keys);
}

int plain_remind(const struct session_options *o, const struct remind_options *ro,
		 struct catalog *c, const struct plan *p)
{
	struct plain_remind pr = { .o = o, .c = c, .p = p, .fl = utf8_out_flags() };
	struct cue_front front = { &pr, pr_bell, plain_warn };
	pr.keys = isatty(STDIN_FILENO);
	pr.sig_fd = sig_install(PR_SIGNALS | (pr.keys ? SIG_SET_TSTP : 0));
	if (pr.sig_fd < 0 || !(pr.rm = remind_open(ro, o, p, &front))) {
		diag_msg(DIAG_ERROR, "cannot start the reminders: %s", strerror(errno));
		sig_restore(pr.sig_fd);
		return SESSION_FAILED;
	}
	pr_raw(&pr);
	pr_start(&pr);
	while (!pr.quit) {
		int ev = remind_update(pr.rm);
		remind_info(pr.rm, &pr.info);
		pr_event(&pr, ev);
		pr_wait(&pr);
	}
	pr_cooked(&pr);
	remind_answer(pr.rm, REMIND_GONE);
	remind_info(pr.rm, &pr.info);
	pr_line(&pr, "Reminders stopped. %s.", pr.info.tally);
	remind_close(pr.rm);
	sig_restore(pr.sig_fd);
	return pr.status;
}
