/* libFuzzer harness: any bytes through the exercise-library loader, in
 * memory. Then a routine that uses the first good and the first broken
 * exercise it found goes through the routine loader against it: a broken
 * exercise's routine must fail, and whatever loads must plan. rc 0 exactly
 * when no error was reported; every exercise kept is found by its id.
 * `make fuzz` runs it; `make test` replays tests/fuzz/regress/library/. */
#include "fuzz_common.h"

#include <stdio.h>
#include <string.h>

/* A one-step routine that uses id, quoted; false when it does not fit. */
static bool fuzz_use(char *buf, size_t size, const char *id)
{
	size_t n = (size_t)snprintf(buf, size, "name: r\nsteps:\n  - use: \"");
	for (; *id && n + 8 < size; id++) {
		if (*id == '"' || *id == '\\')
			buf[n++] = '\\';
		buf[n++] = *id;
	}
	if (*id)
		return false;
	memcpy(buf + n, "\"\n", 3);
	return true;
}

/* Loads a routine that uses id from lib; its rc. */
static int fuzz_use_routine(const struct library *lib, const char *id)
{
	char buf[2 * LOADER_MAX_SCALAR + 64];
	if (!fuzz_use(buf, sizeof buf, id))
		return -1;
	struct routine r;
	struct plan p;
	int rc = fuzz_routine(buf, strlen(buf), lib, &r, &p);
	if (rc == 0)
		plan_free(&p);
	routine_free(&r);
	return rc;
}

static void fuzz_check_library(const struct library *lib)
{
	for (size_t i = 0; i < lib->n; i++) {
		FUZZ_ASSERT(lib->v[i].id != NULL && lib->v[i].name != NULL);
		FUZZ_ASSERT(library_find(lib, lib->v[i].id) == &lib->v[i]);
	}
	for (size_t i = 0; i < lib->n_broken; i++) {
		FUZZ_ASSERT(lib->broken[i].id != NULL);
		FUZZ_ASSERT(library_find(lib, lib->broken[i].id) == NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct library lib;
	struct diags d = { 0 };
	int rc = loader_parse_library("exercises.yaml", (const char *)data,
				      size, &lib, &d);
	fuzz_check_diags(rc, &d, FUZZ_MAX_LOAD_DIAGS);
	FUZZ_ASSERT(rc == -1 || lib.n_broken == 0);
	fuzz_check_library(&lib);
	if (lib.n)
		fuzz_use_routine(&lib, lib.v[0].id);
	if (lib.n_broken)
		FUZZ_ASSERT(fuzz_use_routine(&lib, lib.broken[0].id) == -1);
	library_free(&lib);
	diag_free(&d);
	return 0;
}
