/* routine — a routine's defaults and its lifetime. */
#include "routine.h"

#include <string.h>

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
