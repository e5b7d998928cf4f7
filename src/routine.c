/* routine — the rules a valid routine follows. */
#include "routine.h"

#include <string.h>

const char *routine_rule_duration(int64_t ms)
{
	if (ms < ROUTINE_MIN_MS || ms > ROUTINE_MAX_MS)
		return "must be from 0.5s to 1h";
	return NULL;
}

const char *routine_rule_transition(int64_t ms)
{
	if (ms == 0)
		return NULL;
	return routine_rule_duration(ms) ? "must be 0s (none) or from 0.5s to 1h"
					 : NULL;
}

const char *routine_rule_reps(long reps)
{
	return reps >= 1 && reps <= ROUTINE_MAX_REPS ? NULL
						     : "must be from 1 to 500";
}

const char *routine_rule_sets(long sets)
{
	return sets >= 1 && sets <= ROUTINE_MAX_SETS ? NULL
						     : "must be from 1 to 20";
}

const char *routine_rule_sides(size_t n)
{
	return n >= 1 && n <= ROUTINE_MAX_SIDES ? NULL
						: "must list 1 to 4 sides";
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
