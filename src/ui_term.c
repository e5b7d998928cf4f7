/* ui_term — ncurses: the terminal set up and given back, the wait for
 * keys and signals, painting the screen model, and the one screen loop
 * (see ui_term.h). The only file that includes curses. */
#define _XOPEN_SOURCE_EXTENDED 1
#include "ui_term.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>
#include <term.h>

#include "sig.h"
#include "utf8.h"

#define UI_TERM_MAX_ROWS 512  /* rows beyond are left blank */
#define UI_TERM_MAX_SIZE 1000 /* the most rows or columns accepted */
/* The screen model starts on a page: a frame touches only its first
 * page (the header, the spans in use) and the first of its text, and
 * the rest of its 40 KiB is never resident. Unaligned, the two parts in
 * use straddle page boundaries: one or two pages more of peak RSS
 * (tests/bench/goals.sh). */
#define UI_TERM_PAGE 4096
#define UI_VIEW_SIZE ((sizeof(struct view) + UI_TERM_PAGE - 1) / UI_TERM_PAGE * UI_TERM_PAGE)

/* What woke the wait, as bits (0: the timeout). */
enum {
	UI_EV_KEY = 1,
	UI_EV_RESIZE = 2,
	UI_EV_TSTP = 4,       /* Ctrl-Z */
	UI_EV_FATAL = 8,      /* t->fatal holds the signal */
};

struct ui_term {
	SCREEN *scr;
	FILE *in;             /* the terminal's input (stdin or /dev/tty) */
	bool own_in;
	int in_fd, sig_fd;
	bool utf8;
	int cursor;           /* the cursor's visibility as last set */
	attr_t attr[VIEW_N_STYLES];
	short pair[VIEW_N_STYLES];
	struct view *v;       /* the one screen model, rebuilt per change */
	uint64_t *row_hash;   /* 2 * hash_rows: of the rows painted last,
	                       * then of the frame being painted (sized to
	                       * the screen, not to UI_TERM_MAX_ROWS) */
	int hash_rows;
	bool rows_valid;      /* false: paint every row next time */
	int fatal;            /* the signal that ends the program, or 0 */
	unsigned long keys_read, keys_seen;  /* for telling EOF from keys */
	int empty_wakes;
	bool titled;          /* a title is set: put the old one back */
};

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

static void ui_init_styles(struct ui_term *t, bool want_color)
{
	/* The default colours are asked for before start_color: after it,
	 * ncurses would go through every cell of the screen to re-colour
	 * pair 0 (89 k instructions at 100x30, 3 % of the start-up). */
	bool can = want_color && has_colors();
	bool dflt = can && use_default_colors() == OK;
	bool color = can && start_color() == OK;
	short bg = dflt ? -1 : COLOR_BLACK;
	for (int i = 0; i < VIEW_N_STYLES; i++) {
		const struct ui_style *s = &ui_styles[i];
		t->attr[i] = s->mono;
		t->pair[i] = 0;
		if (!color)
			continue;
		t->attr[i] = s->color;
		if (s->fg >= 0 && init_pair((short)(i + 1), s->fg, bg) == OK)
			t->pair[i] = (short)(i + 1);
		else if (s->fg >= 0)
			t->attr[i] = s->mono;
	}
}

/* ---- terminal ------------------------------------------------------------------ */

static int ui_open_input(struct ui_term *t)
{
	if (isatty(STDIN_FILENO)) {
		t->in = stdin;
		return 0;
	}
	int fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !(t->in = fdopen(fd, "r"))) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	t->own_in = true;
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

/* Whether the terminal newterm set up can run the full screen: it can
 * address the cursor and is not a hardcopy or generic one. */
static bool ui_term_capable(void)
{
	/* term.h's names for cup, hc and gn: read in place, not looked up */
	return cursor_address && !hard_copy && !generic_type;
}

/* LINES and COLUMNS override the terminal's own size in ncurses, which
 * then allocates whatever they say: only sane values are let through. */
static void ui_env_size(void)
{
	const char *v[] = { getenv("LINES"), getenv("COLUMNS") };
	for (size_t i = 0; i < 2; i++) {
		char *end;
		long n = v[i] ? strtol(v[i], &end, 10) : 1;
		if (n < 1 || n > UI_TERM_MAX_SIZE || (v[i] && *end))
			use_env(FALSE);
	}
}

static void ui_modes(void)
{
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	set_escdelay(25);
	typeahead(-1);             /* no input polls in the middle of updates */
}

struct ui_term *ui_term_open(bool color, bool *screen)
{
	*screen = true;
	struct ui_term *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->sig_fd = t->in_fd = t->cursor = -1;
	t->v = aligned_alloc(UI_TERM_PAGE, UI_VIEW_SIZE);
	if (!t->v || ui_open_input(t) != 0)
		goto fail;
	t->in_fd = fileno(t->in);
	t->sig_fd = sig_install(SIG_SET_FATAL | SIG_SET_TSTP | SIG_SET_WINCH |
				SIG_SET_CHLD);   /* a cue's child ended: the screen's update reaps */
	if (t->sig_fd < 0)
		goto fail;
	ui_env_size();
	t->scr = newterm(NULL, stdout, t->in);
	if (t->scr)
		set_term(t->scr);
	if (!t->scr || !ui_term_capable()) {
		*screen = false;   /* an unknown TERM, or one without a screen */
		goto fail;
	}
	ui_modes();
	t->cursor = curs_set(0) == ERR ? -1 : 0;
	ui_init_styles(t, color);
	t->utf8 = utf8_locale();
	/* ncurses flushes after every cursor move until the screen has once
	 * been left and resumed; leaving it now, before anything is drawn,
	 * gets one write per frame instead of one per move. The first frame
	 * resumes it (no blank screen painted first), with the keypad on. */
	endwin();
	keypad(stdscr, TRUE);
	return t;
fail:
	ui_term_close(t);
	return NULL;
}

void ui_term_close(struct ui_term *t)
{
	if (!t)
		return;
	ui_term_title(t, NULL);
	if (t->scr) {
		if (t->cursor == 0)
			curs_set(1);
		endwin();
		delscreen(t->scr);
	}
	if (t->sig_fd >= 0)
		sig_restore(t->sig_fd);
	if (t->own_in && t->in)
		fclose(t->in);
	free(t->row_hash);
	free(t->v);
	free(t);
}

int ui_term_signal(const struct ui_term *t)
{
	return t->fatal;
}

void ui_term_bell(struct ui_term *t)
{
	(void)t;
	beep();
}

/* Whether TERM is a terminal that takes xterm's title sequences. */
static bool ui_title_term(void)
{
	static const char *const kinds[] = { "xterm", "tmux", "screen", "rxvt", "alacritty",
					     "foot", "kitty", "st-", "vte", "gnome", "konsole",
					     "wezterm", "putty" };
	const char *term = getenv("TERM");
	for (size_t i = 0; term && i < sizeof kinds / sizeof *kinds; i++)
		if (strncmp(term, kinds[i], strlen(kinds[i])) == 0)
			return true;
	return false;
}

static void ui_write_all(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void ui_term_title(struct ui_term *t, const char *title)
{
	char safe[256], seq[320];
	if ((!title && !t->titled) || !ui_title_term())
		return;
	if (t->scr)
		doupdate();           /* ncurses' buffer out first */
	if (title) {
		utf8_safe_cut(title, strlen(title), 80, t->utf8 ? 0 : UTF8_ASCII, safe, sizeof safe);
		snprintf(seq, sizeof seq, "%s\033]2;%s\007", t->titled ? "" : "\033[22;0t", safe);
	} else {
		snprintf(seq, sizeof seq, "\033[23;0t");
	}
	ui_write_all(seq, strlen(seq));
	t->titled = title != NULL;
}

void ui_term_flush_input(struct ui_term *t)
{
	(void)t;
	flushinp();
}

/* Every row is painted on the next ui_paint (after a resize, Ctrl-L). */
static void ui_repaint_all(struct ui_term *t)
{
	clearok(curscr, TRUE);
	t->rows_valid = false;
}

static void ui_resize(struct ui_term *t)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row < UI_TERM_MAX_SIZE ? ws.ws_row : UI_TERM_MAX_SIZE,
			   ws.ws_col < UI_TERM_MAX_SIZE ? ws.ws_col : UI_TERM_MAX_SIZE);
	ui_repaint_all(t);
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

/* ---- waiting and keys ------------------------------------------------------------ */

/* Readable input that never yields a key, wake after wake, is a terminal
 * that has gone (EOF): treated as a hangup rather than spun on. */
static void ui_check_eof(struct ui_term *t, int *ev)
{
	if (!(*ev & UI_EV_KEY)) {
		t->empty_wakes = 0;
		return;
	}
	if (t->keys_read != t->keys_seen) {
		t->keys_seen = t->keys_read;
		t->empty_wakes = 0;
	} else if (++t->empty_wakes > 100) {
		t->fatal = SIGHUP;
		*ev |= UI_EV_FATAL;
	}
}

/* Polls the terminal and the signal pipe (timeout -1: until something
 * happens). Handles a resize itself. Returns UI_EV_* bits. */
static int ui_wait(struct ui_term *t, int timeout_ms)
{
	struct pollfd fds[2] = { { t->in_fd, POLLIN, 0 }, { t->sig_fd, POLLIN, 0 } };
	int ev = 0;
	struct sig_seen seen = { 0 };
	int n = poll(fds, 2, timeout_ms);
	if (n < 0 && errno != EINTR)
		seen.fatal = SIGHUP;
	if (n > 0 && (fds[1].revents & POLLIN))
		sig_drain(t->sig_fd, &seen);
	if (n > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
		seen.fatal = seen.fatal ? seen.fatal : SIGHUP;   /* the terminal went away */
	else if (n > 0 && (fds[0].revents & POLLIN))
		ev |= UI_EV_KEY;
	if (seen.winch) {
		ui_resize(t);
		ev |= UI_EV_RESIZE;
	}
	if (seen.tstp)
		ev |= UI_EV_TSTP;
	if (seen.fatal) {
		t->fatal = seen.fatal;
		ev |= UI_EV_FATAL;
	}
	ui_check_eof(t, &ev);
	return ev;
}

/* An ncurses function key as a keys code; 0 for a resize, which the
 * wait has handled already. */
static int ui_fn_code(int key)
{
	static const int fn[][2] = {
		{ KEY_ENTER, KEYS_ENTER }, { KEY_RIGHT, KEYS_RIGHT }, { KEY_LEFT, KEYS_LEFT },
		{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN }, { KEY_HOME, KEYS_HOME },
		{ KEY_END, KEYS_END }, { KEY_PPAGE, KEYS_PPAGE }, { KEY_NPAGE, KEYS_NPAGE },
		{ KEY_BACKSPACE, KEYS_BACKSPACE }, { KEY_RESIZE, 0 },
	};
	for (size_t i = 0; i < sizeof fn / sizeof *fn; i++)
		if (fn[i][0] == key)
			return fn[i][1];
	return KEYS_OTHER;
}

/* The next key already typed, as a keys code; false when none. */
static bool ui_getkey(struct ui_term *t, int *code)
{
	wint_t ch;
	for (;;) {
		int rc = wget_wch(stdscr, &ch);
		if (rc == ERR)
			return false;
		t->keys_read++;
		*code = rc == KEY_CODE_YES ? ui_fn_code((int)ch) : (int)ch;
		if (*code)
			return true;
	}
}

/* ---- painting -------------------------------------------------------------------- */

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

/* Room for the hashes of rows rows (when they cannot be had, every row
 * is painted). A change of size invalidates those of the last frame. */
static uint64_t *ui_hash_room(struct ui_term *t, int rows)
{
	if (rows != t->hash_rows) {
		free(t->row_hash);
		t->row_hash = malloc(2 * (size_t)rows * sizeof *t->row_hash);
		t->hash_rows = t->row_hash ? rows : 0;
		t->rows_valid = false;
	}
	return t->row_hash;
}

/* Which rows to paint: those that changed since the last frame. */
static bool ui_dirty_rows(struct ui_term *t, bool *dirty, int rows)
{
	if (rows <= 0)
		return false;
	uint64_t *last = ui_hash_room(t, rows);
	if (!last) {
		memset(dirty, true, (size_t)rows * sizeof *dirty);
		return true;
	}
	uint64_t *h = last + rows;
	ui_hash_rows(t->v, h, rows);
	bool any = false;
	for (int r = 0; r < rows; r++) {
		dirty[r] = !t->rows_valid || h[r] != last[r];
		last[r] = h[r];
		any |= dirty[r];
	}
	t->rows_valid = true;
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

static void ui_put_span(struct ui_term *t, const struct view_span *s)
{
	wchar_t w[512];
	int n = ui_widen(t->v->text + s->off, w, 512);
	wattr_set(stdscr, t->attr[s->style], t->pair[s->style], NULL);
	mvwaddnwstr(stdscr, s->row, s->col, w, n);
}

static void ui_cursor(struct ui_term *t, const struct view *v)
{
	if (t->cursor >= 0 && t->cursor != (v->cursor ? 1 : 0)) {
		t->cursor = v->cursor ? 1 : 0;
		curs_set(t->cursor);
		leaveok(stdscr, v->cursor ? FALSE : TRUE);
	}
	if (v->cursor)
		wmove(stdscr, v->cursor_row, v->cursor_col);
}

/* Paints t->v (ncurses sends only what changed). */
static void ui_paint(struct ui_term *t)
{
	const struct view *v = t->v;
	bool dirty[UI_TERM_MAX_ROWS];
	int rows = v->rows < UI_TERM_MAX_ROWS ? v->rows : UI_TERM_MAX_ROWS;
	bool any = ui_dirty_rows(t, dirty, rows);
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
		ui_put_span(t, s);
	}
	wattr_set(stdscr, A_NORMAL, 0, NULL);
	ui_cursor(t, v);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- the screen loop ------------------------------------------------------------- */

static void ui_draw(struct ui_term *t, const struct ui_screen *s)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	view_begin(t->v, rows, cols, t->utf8);
	s->draw(s->ctx, t->v);
	ui_paint(t);
}

/* Every key typed so far, through s's table to its act. */
static enum ui_end ui_keys(struct ui_term *t, const struct ui_screen *s)
{
	int code;
	while (ui_getkey(t, &code)) {
		enum keys_action a = keys_action(s->keys, code);
		if (a == KEYS_ACT_REDRAW) {
			ui_repaint_all(t);
			continue;
		}
		enum ui_end end = s->act(s->ctx, a, code);
		if (end != UI_STAY)
			return end;
	}
	return UI_STAY;
}

/* Ctrl-Z: the screen hears of it (the player pauses), then curses is
 * left, the program stops, and comes back with a full redraw. */
static enum ui_end ui_suspend(struct ui_term *t, const struct ui_screen *s)
{
	enum ui_end end = s->act(s->ctx, KEYS_ACT_SUSPEND, 0);
	sig_suspend(t->in_fd, ui_leave, ui_back, t);
	return end;
}

enum ui_end ui_term_run(struct ui_term *t, const struct ui_screen *s)
{
	for (;;) {
		enum ui_end end = s->update ? s->update(s->ctx) : UI_STAY;
		if (end != UI_STAY)
			return end;
		ui_draw(t, s);
		int ev = ui_wait(t, s->wake ? s->wake(s->ctx) : -1);
		if (ev & UI_EV_FATAL)
			return UI_END_SIGNAL;
		if ((ev & UI_EV_TSTP) && (end = ui_suspend(t, s)) != UI_STAY)
			return end;
		if ((end = ui_keys(t, s)) != UI_STAY)
			return end;
	}
}
