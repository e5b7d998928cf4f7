/* routine — a routine's defaults and its lifetime. */
#include "routine.h"

#include <stdio.h>
#include <string.h>

const char *const routine_position_names[] = {
	"standing", "seated", "floor back", "floor front", "floor side",
	"floor seated", "all fours", "kneeling", NULL
};

const char *const routine_side_word_names[] = { "side", "direction", NULL };

const char *routine_rep_word(const struct exercise *x, int n)
{
	if (x && x->rep_word.one && x->rep_word.many)
		return n == 1 ? x->rep_word.one : x->rep_word.many;
	return n == 1 ? "rep" : "reps";
}

const char *routine_rep_word_cap(const struct exercise *x, int n, char *buf,
				 size_t size)
{
	const char *w = routine_rep_word(x, n);
	if (size == 0)
		return buf;
	snprintf(buf, size, "%s", w);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

bool routine_position_on_floor(int position)
{
	return position >= ROUTINE_POS_FLOOR_BACK &&
	       position <= ROUTINE_POS_KNEELING;
}

void routine_init(struct routine *r)
{
	memset(r, 0, sizeof *r);
	r->get_ready_ms = ROUTINE_DEFAULT_GET_READY_MS;
	r->switch_ms = ROUTINE_DEFAULT_SWITCH_MS;
	r->set_rest_ms = ROUTINE_DEFAULT_SET_REST_MS;
}

void routine_free(struct routine *r)
{
	arena_free(&r->arena);
	routine_init(r);
}
