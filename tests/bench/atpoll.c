/* atpoll.c — an LD_PRELOAD shim for tests/bench/goals.sh: the first call
 * of poll() ends the process (status 99). A program that waits in poll()
 * once its first frame is out is thus measured (instructions, memory,
 * time) up to exactly its first frame. Not part of the program. */
#include <poll.h>
#include <unistd.h>

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	(void)fds;
	(void)n;
	(void)timeout;
	_exit(99);
}
