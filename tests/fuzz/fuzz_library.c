/* libFuzzer harness: any bytes through the exercise-library loader, in
 * memory. Then a routine that uses the first good and the first broken
 * exercise it found goes through the routine loader against it: a broken
 * exercise's routine must fail, and whatever loads must plan. rc 0 exactly
 * when no error was reported; every exercise kept is found by its id.
 * The same bytes opened (each entry parsed alone when looked up) give
 * every exercise of the whole parse the same values at the same place.
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
static int fuzz_use_routine(struct library *lib, const char *id)
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

static void fuzz_check_library(struct library *lib)
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

static void fuzz_same_exercise(const struct exercise *a,
			       const struct exercise *b)
{
	FUZZ_ASSERT(b != NULL);
	FUZZ_ASSERT(strcmp(a->name, b->name) == 0);
	FUZZ_ASSERT(a->hold_ms == b->hold_ms && a->reps == b->reps);
	FUZZ_ASSERT(a->n_phases == b->n_phases && a->how.n == b->how.n);
	FUZZ_ASSERT(a->figure.n == b->figure.n && a->sides.n == b->sides.n);
	for (size_t k = 0; k < a->how.n; k++)
		FUZZ_ASSERT(strcmp(a->how.v[k], b->how.v[k]) == 0);
	for (size_t k = 0; k < a->figure.n; k++)
		FUZZ_ASSERT(strcmp(a->figure.v[k], b->figure.v[k]) == 0);
	FUZZ_ASSERT(a->pos.line == b->pos.line && a->pos.col == b->pos.col);
}

/* What the whole parse kept, the opened library gives alike. */
static void fuzz_check_opened(const uint8_t *data, size_t size,
			      const struct library *whole)
{
	struct library lib;
	struct diags d = { 0 };
	loader_open_library_text("exercises.yaml", (const char *)data, size,
				 &lib, &d);
	for (size_t i = 0; i < whole->n; i++)
		fuzz_same_exercise(&whole->v[i], library_find(&lib, whole->v[i].id));
	for (size_t i = 0; i < whole->n_broken; i++)
		FUZZ_ASSERT(library_find(&lib, whole->broken[i].id) == NULL);
	library_free(&lib);
	diag_free(&d);
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
	fuzz_check_opened(data, size, &lib);
	library_free(&lib);
	diag_free(&d);
	return 0;
}
