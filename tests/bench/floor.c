/* floor.c — the floor the bench measures stretchtui against: a minimal
 * wide-character ncurses program (setlocale(LC_CTYPE), initscr, a
 * countdown redrawn once a second, poll() on the terminal between). Built
 * by tests/bench/goals.sh; not part of the program. Usage: floor SECONDS */
#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int secs = argc > 1 ? atoi(argv[1]) : 10;
	setlocale(LC_CTYPE, "");
	initscr();
	cbreak();
	noecho();
	curs_set(0);
	for (int s = secs; s >= 0; s--) {
		mvprintw(LINES / 2, COLS / 2 - 3, "%02d:%02d", s / 60, s % 60);
		refresh();
		struct pollfd p = { .fd = 0, .events = POLLIN };
		if (poll(&p, 1, 1000) > 0)
			break;
	}
	endwin();
	return 0;
}
