/* ui — the ncurses front end: terminal setup and teardown, the wait for
 * keys and signals, painting the screen model, and the run from menu to
 * player to finish (see ui.h). */
#define _XOPEN_SOURCE_EXTENDED 1
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "safety.h"
#include "sig.h"
#include "ui_common.h"
#include "ui_priv.h"
#include "utf8.h"

/* ---- styles ------------------------------------------------------------------- */

struct ui_style {
	attr_t mono, color;
	short fg;             /* -1: no colour of its own */
};

/* What changes every second (the big digits, the clocks, the cue) is
 * drawn without colour: each colour switch costs bytes on every tick,
 * and the segment's kind is already in its coloured label. */
static const struct ui_style ui_styles[VIEW_N_STYLES] = {
	[VIEW_NORMAL] = { A_NORMAL, A_NORMAL, -1 },
	[VIEW_DIM] = { A_DIM, A_DIM, -1 },
	[VIEW_BOLD] = { A_BOLD, A_BOLD, -1 },
	[VIEW_KEY] = { A_BOLD, A_BOLD, COLOR_CYAN },
	[VIEW_BAR_DONE] = { A_BOLD, A_NORMAL, COLOR_GREEN },
	[VIEW_BAR_TODO] = { A_DIM, A_DIM, -1 },
	[VIEW_PREPARE] = { A_NORMAL, A_NORMAL, -1 },
	[VIEW_WORK] = { A_NORMAL, A_NORMAL, -1 },
	[VIEW_SWITCH] = { A_NORMAL, A_NORMAL, -1 },
	[VIEW_REST] = { A_NORMAL, A_NORMAL, -1 },
	[VIEW_PAUSED] = { A_DIM, A_DIM, -1 },
	[VIEW_BADGE_PREPARE] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_YELLOW },
	[VIEW_BADGE_WORK] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_GREEN },
	[VIEW_BADGE_SWITCH] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_MAGENTA },
	[VIEW_BADGE_REST] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_CYAN },
	[VIEW_BADGE_PAUSED] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_RED },
	[VIEW_CUE] = { A_BOLD, A_BOLD, -1 },
	[VIEW_SELECTED] = { A_REVERSE, A_REVERSE, -1 },
	[VIEW_BORDER] = { A_NORMAL, A_NORMAL, COLOR_CYAN },
	[VIEW_ALERT] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_RED },
};

static void ui_init_styles(struct ui *u)
{
	bool color = u->o->color && has_colors() && start_color() == OK;
	short bg = -1;
	if (color && use_default_colors() != OK)
		bg = COLOR_BLACK;
	for (int i = 0; i < VIEW_N_STYLES; i++) {
		const struct ui_style *s = &ui_styles[i];
		u->attr[i] = s->mono;
		u->pair[i] = 0;
		if (!color)
			continue;
		u->attr[i] = s->color;
		if (s->fg >= 0 && init_pair((short)(i + 1), s->fg, bg) == OK)
			u->pair[i] = (short)(i + 1);
		else if (s->fg >= 0)
			u->attr[i] = s->mono;
	}
}

/* ---- terminal ------------------------------------------------------------------ */

static int ui_open_input(struct ui *u)
{
	if (isatty(STDIN_FILENO)) {
		u->in = stdin;
		return 0;
	}
	int fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !(u->in = fdopen(fd, "r"))) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	u->own_in = true;
	return 0;
}

/* Back in curses mode with the keypad transmitting: endwin() turned it
 * off, and ncurses would turn it on only at the first key read, so the
 * first arrow would come in the other encoding and read as Esc. */
static void ui_keys_on(void)
{
	doupdate();
	keypad(stdscr, FALSE);
	keypad(stdscr, TRUE);
}

bool ui_term_usable(void)
{
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;          /* an unknown TERM: nothing was kept */
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1 && tigetflag("hc") <= 0 &&
		  tigetflag("gn") <= 0;
	del_curterm(cur_term);
	return ok;
}

/* LINES and COLUMNS override the terminal's own size in ncurses, which
 * then allocates whatever they say: only sane values are let through. */
static void ui_env_size(void)
{
	const char *v[] = { getenv("LINES"), getenv("COLUMNS") };
	for (size_t i = 0; i < 2; i++) {
		char *end;
		long n = v[i] ? strtol(v[i], &end, 10) : 1;
		if (n < 1 || n > UI_MAX_SIZE || (v[i] && *end))
			use_env(FALSE);
	}
}

static int ui_open(struct ui *u)
{
	u->v = malloc(sizeof *u->v);
	if (!u->v || ui_open_input(u) != 0)
		return -1;
	u->in_fd = fileno(u->in);
	u->sig_fd = sig_install(SIG_SET_FATAL | SIG_SET_TSTP | SIG_SET_WINCH | SIG_SET_CHLD);
	if (u->sig_fd < 0)
		return -1;
	ui_env_size();
	u->scr = newterm(NULL, stdout, u->in);
	if (!u->scr)
		return -1;
	set_term(u->scr);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	set_escdelay(25);
	typeahead(-1);             /* no input polls in the middle of updates */
	u->cursor = curs_set(0) == ERR ? -1 : 0;
	ui_init_styles(u);
	u->utf8 = utf8_locale();
	/* ncurses flushes after every cursor move until the screen has once
	 * been left and resumed; doing that now, before anything is drawn,
	 * gets one write per frame instead of one per move. */
	endwin();
	ui_keys_on();
	return 0;
}

static void ui_close(struct ui *u)
{
	if (u->scr) {
		if (u->cursor == 0)
			curs_set(1);
		endwin();
		delscreen(u->scr);
		u->scr = NULL;
	}
	if (u->sig_fd >= 0)
		sig_restore(u->sig_fd);
	u->sig_fd = -1;
	if (u->own_in && u->in)
		fclose(u->in);
	u->in = NULL;
	free(u->v);
	free(u->safety);
	u->v = NULL;
	u->safety = NULL;
}

void ui_repaint_all(struct ui *u)
{
	clearok(curscr, TRUE);
	u->rows_valid = false;
}

static void ui_resize(struct ui *u)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row < UI_MAX_SIZE ? ws.ws_row : UI_MAX_SIZE,
			   ws.ws_col < UI_MAX_SIZE ? ws.ws_col : UI_MAX_SIZE);
	ui_repaint_all(u);
}

/* Readable input that never yields a key, wake after wake, is a terminal
 * that has gone (EOF): treated as a hangup rather than spun on. */
static void ui_check_eof(struct ui *u, int *ev)
{
	if (!(*ev & UI_EV_KEY)) {
		u->empty_wakes = 0;
		return;
	}
	if (u->keys_read != u->keys_seen) {
		u->keys_seen = u->keys_read;
		u->empty_wakes = 0;
	} else if (++u->empty_wakes > 100) {
		u->fatal = SIGHUP;
		*ev |= UI_EV_FATAL;
	}
}

int ui_wait(struct ui *u, int timeout_ms)
{
	struct pollfd fds[2] = { { u->in_fd, POLLIN, 0 }, { u->sig_fd, POLLIN, 0 } };
	int ev = 0;
	struct sig_seen seen = { 0 };
	int n = poll(fds, 2, timeout_ms);
	if (n < 0 && errno != EINTR)
		seen.fatal = SIGHUP;
	if (n > 0 && (fds[1].revents & POLLIN))
		sig_drain(u->sig_fd, &seen);
	if (n > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
		seen.fatal = seen.fatal ? seen.fatal : SIGHUP;   /* the terminal went away */
	else if (n > 0 && (fds[0].revents & POLLIN))
		ev |= UI_EV_KEY;
	if (seen.winch) {
		ui_resize(u);
		ev |= UI_EV_RESIZE;
	}
	if (seen.tstp)
		ev |= UI_EV_TSTP;
	if (seen.chld)
		ev |= UI_EV_CHLD;
	if (seen.fatal) {
		u->fatal = seen.fatal;
		ev |= UI_EV_FATAL;
	}
	ui_check_eof(u, &ev);
	return ev;
}

bool ui_getkey(struct ui *u, struct ui_key *k)
{
	wint_t ch;
	int rc = wget_wch(stdscr, &ch);
	if (rc == ERR)
		return false;
	u->keys_read++;
	k->fn = rc == KEY_CODE_YES;
	k->code = (int)ch;
	return true;
}

static void ui_leave(void *ctx)
{
	(void)ctx;
	endwin();
}

static void ui_back(void *ctx)
{
	ui_resize(ctx);
	ui_keys_on();
}

void ui_suspend(struct ui *u)
{
	sig_suspend(u->in_fd, ui_leave, ui_back, u);
}

int ui_common_events(struct ui *u, int ev)
{
	if (ev & UI_EV_FATAL)
		return UI_END_SIGNAL;
	if (ev & UI_EV_TSTP)
		ui_suspend(u);
	return -1;
}

void ui_view_begin(struct ui *u)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	view_begin(u->v, rows, cols, u->utf8);
}

/* FNV-1a over every span of each row: a row whose spans are the same as
 * in the last frame is not touched at all, so ncurses neither converts
 * nor compares it. */
static void ui_hash_rows(const struct view *v, uint64_t *h, int rows)
{
	for (int r = 0; r < rows; r++)
		h[r] = 14695981039346656037u;
	for (size_t i = 0; i < v->n; i++) {
		const struct view_span *s = &v->span[i];
		if (s->row < 0 || s->row >= rows)
			continue;
		uint64_t x = h[s->row];
		unsigned char head[3] = { (unsigned char)s->col, (unsigned char)(s->col >> 8),
					  s->style };
		for (size_t k = 0; k < sizeof head; k++)
			x = (x ^ head[k]) * 1099511628211u;
		for (unsigned k = 0; k <= s->len; k++)
			x = (x ^ (unsigned char)v->text[s->off + k]) * 1099511628211u;
		h[s->row] = x;
	}
}

/* Which rows to paint: those that changed since the last frame. */
static bool ui_dirty_rows(struct ui *u, bool *dirty, int rows)
{
	uint64_t h[UI_MAX_ROWS];
	ui_hash_rows(u->v, h, rows);
	bool any = false;
	for (int r = 0; r < rows; r++) {
		dirty[r] = !u->rows_valid || h[r] != u->row_hash[r];
		u->row_hash[r] = h[r];
		any |= dirty[r];
	}
	u->rows_valid = true;
	return any;
}

/* UTF-8 to wide characters (what ncursesw takes without decoding byte by
 * byte); a malformed byte becomes '?'. Returns the count. */
static int ui_widen(const char *s, wchar_t *w, int max)
{
	size_t left = strlen(s);
	int n = 0;
	while (left > 0 && n < max) {
		uint32_t cp = '?';
		size_t len = utf8_decode(s, left, &cp);
		if (len == 0) {
			cp = '?';
			len = 1;
		}
		w[n++] = (wchar_t)cp;
		s += len;
		left -= len;
	}
	return n;
}

static void ui_put_span(struct ui *u, const struct view_span *s)
{
	wchar_t w[512];
	int n = ui_widen(u->v->text + s->off, w, 512);
	wattr_set(stdscr, u->attr[s->style], u->pair[s->style], NULL);
	mvwaddnwstr(stdscr, s->row, s->col, w, n);
}

void ui_paint(struct ui *u)
{
	const struct view *v = u->v;
	bool dirty[UI_MAX_ROWS];
	int rows = v->rows < UI_MAX_ROWS ? v->rows : UI_MAX_ROWS;
	if (rows != u->hash_rows)
		u->rows_valid = false;
	u->hash_rows = rows;
	bool any = ui_dirty_rows(u, dirty, rows);
	for (int r = 0; r < rows; r++) {
		if (dirty[r]) {
			wmove(stdscr, r, 0);
			wclrtoeol(stdscr);
		}
	}
	for (size_t i = 0; any && i < v->n; i++) {
		const struct view_span *s = &v->span[i];
		if (s->row >= rows || !dirty[s->row])
			continue;
		ui_put_span(u, s);
	}
	wattr_set(stdscr, A_NORMAL, 0, NULL);
	if (u->cursor >= 0 && u->cursor != (v->cursor ? 1 : 0)) {
		u->cursor = v->cursor ? 1 : 0;
		curs_set(u->cursor);
		leaveok(stdscr, v->cursor ? FALSE : TRUE);
	}
	if (v->cursor)
		wmove(stdscr, v->cursor_row, v->cursor_col);
	wnoutrefresh(stdscr);
	doupdate();
}

void ui_bell(struct ui *u)
{
	if (!u->o->quiet)
		beep();
}

const char *ui_safety(struct ui *u)
{
	if (!u->safety_loaded) {
		char *raw = safety_load(u->c);
		u->safety_loaded = true;
		size_t n = raw ? strlen(raw) + 1 : 0;
		u->safety = raw ? malloc(n) : NULL;
		if (u->safety)
			view_reflow(raw, u->safety, n);
		free(raw);
	}
	return u->safety;
}

/* ---- first-run notice --------------------------------------------------------------- */

static int ui_scroll_key(const struct ui_key *k, int page)
{
	if (k->fn && k->code == KEY_UP)
		return -1;
	if (k->fn && k->code == KEY_DOWN)
		return 1;
	if (k->fn && k->code == KEY_PPAGE)
		return -page;
	if (k->fn && k->code == KEY_NPAGE)
		return page;
	if (!k->fn && k->code == 'k')
		return -1;
	if (!k->fn && k->code == 'j')
		return 1;
	return 0;
}

/* 1 continue, 0 quit, -1 nothing yet. */
static int ui_first_run_key(struct ui_key *k, int *scroll)
{
	int d = ui_scroll_key(k, 10);
	if (d) {
		*scroll += d;
		return -1;
	}
	if (k->fn)
		return k->code == KEY_ENTER ? 1 : -1;
	if (k->code == ' ') {
		*scroll += 10;
		return -1;
	}
	if (k->code == '\r' || k->code == '\n')
		return 1;
	if (k->code == 'q')
		return 0;
	return -1;                 /* Esc too: a stray one must not quit */
}

bool ui_first_run(struct ui *u)
{
	if (u->o->no_safety || u->safety_read || safety_seen() || !ui_safety(u))
		return true;
	int scroll = 0;
	for (;;) {
		ui_view_begin(u);
		scroll = view_notice(u->v, "Before you start", u->safety,
				     "Enter: I have read this   q: quit", scroll);
		ui_paint(u);
		int ev = ui_wait(u, -1);
		if (ui_common_events(u, ev) == UI_END_SIGNAL)
			return false;
		struct ui_key k;
		while (ui_getkey(u, &k)) {
			int r = ui_first_run_key(&k, &scroll);
			if (r == 1) {
				u->safety_read = true;
				safety_mark_seen_or_say(u->warning, sizeof u->warning);
			}
			if (r >= 0)
				return r == 1;
		}
	}
}

/* ---- the run -------------------------------------------------------------------------- */

static enum ui_end ui_menu_loop(struct ui *u)
{
	struct ui_menu *m = ui_menu_open(u);
	enum ui_end end = UI_END_QUIT;
	if (!m)
		return end;
	for (;;) {
		struct plan p;
		end = ui_menu_run(u, m, &p);
		if (end != UI_END_PLAY)
			break;
		end = ui_player_run(u, &p);
		plan_free(&p);
		if (end != UI_END_MENU && end != UI_END_STOPPED)
			break;
		if (end == UI_END_STOPPED)  /* a finished one had its screen */
			ui_menu_notice(m, u->summary, false);
		u->summary[0] = '\0';     /* back in the menu: nothing to report */
	}
	ui_menu_close(m);
	return end;
}

int ui_run(const struct cli_options *o, struct catalog *c,
	   const char *routine_arg)
{
	struct ui u = { .o = o, .c = c, .sig_fd = -1, .in_fd = -1, .cursor = -1 };
	struct routine r;
	struct plan p;
	if (routine_arg && ui_load(c, routine_arg, &r, &p) != CLI_OK)
		return CLI_INVALID;
	/* Before the screen is set up, so that ncurses reuses the memory. */
	catalog_release_libs(c);
	if (ui_open(&u) != 0) {
		ui_close(&u);
		if (routine_arg) {
			plan_free(&p);
			routine_free(&r);
		}
		return UI_UNUSABLE;
	}
	enum ui_end end = UI_END_MENU;
	if (routine_arg)
		end = ui_player_run(&u, &p);
	if (end == UI_END_MENU) {
		u.summary[0] = '\0';
		end = ui_menu_loop(&u);
	}
	ui_close(&u);
	if (routine_arg) {
		plan_free(&p);
		routine_free(&r);
	}
	if (u.summary[0]) {          /* it holds the routine's name: made safe */
		utf8_fput(u.summary, strlen(u.summary), utf8_out_flags(), stdout);
		putchar('\n');
	}
	if (u.warning[0])
		fprintf(stderr, "%s\n", u.warning);
	return u.fatal ? 128 + u.fatal : CLI_OK;
}
