/* Tests for the shipped data: routines/exercises.yaml, every routine in
 * routines/ and routines/safety.txt. Each routine loads without a
 * diagnostic, every `use:` names a library exercise, the plan total equals
 * the declared duration exactly (not within check's slack) and the total
 * in the file's arithmetic comment, and every exercise is well formed:
 * short cues, a frame per phase, figures within 12 rows x 28 columns of
 * plain ASCII, also when flipped for the second side. The cues say what
 * the safety review asked for, and no routine changes floor position
 * without at least 10 s to get there. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "figure.h"
#include "loader.h"
#include "plan.h"
#include "routine.h"

#define DIR_ROUTINES  "routines"
#define LIBRARY_PATH  DIR_ROUTINES "/exercises.yaml"

#define FIGURE_MAX_ROWS 12
#define FIGURE_MAX_COLS 28
#define SUMMARY_MAX     40
#define HOW_MAX         60

/* The routines the issue asks for, with their exact lengths. */
static const struct {
	const char *id;
	int64_t ms;
	int no_equipment;
} shipped[] = {
	{"upper-back-15", 15 * 60000, 0},
	{"desk-break-5", 5 * 60000, 1},
	{"thoracic-mobility-10", 10 * 60000, 0},
	{"posture-strength-12", 12 * 60000, 0},
	{"foam-roll-8", 8 * 60000, 0},
	{"breathing-3", 3 * 60000, 1},
	{"neck-shoulders-5", 5 * 60000, 1},
	{"morning-10", 10 * 60000, 0},
	{"evening-unwind-8", 8 * 60000, 0},
	{"micro-break-2", 2 * 60000, 1},
	{"full-upper-back-20", 20 * 60000, 0},
};
#define N_SHIPPED (sizeof shipped / sizeof shipped[0])

/* Ids the blueprint's example and the issue rely on. */
static const char *const required_ids[] = {
	"foam-roll-upper-back", "foam-roll-arms-crossed",
	"foam-roll-extension", "thoracic-extension", "thoracic-opener",
	"ball-trigger-point", "shrug-rotations", "cork-screws", "open-book",
	"thread-the-needle", "overhead-lat-stretch", "chest-opener",
	"cat-cow", "childs-pose", "scapular-squeezes", "wall-angels",
	"iyt-raises", "swimmers", "crab-pose", "band-distraction",
	"diaphragmatic-breathing", "chin-tucks", "shoulder-rolls",
	"ball-chest-stretch", "pelvic-tilts", "hip-flexor-stretch",
	"hip-circles", "dead-bug", "bird-dog", "band-serratus-punch",
	"band-face-pull", "squat-wall-angels", "levator-scapulae-stretch",
	"neck-side-bends", "wrist-flexor-stretch", "wrist-extensor-stretch",
	"eye-break",
};

/* Side labels that are directions, not sides: the switch between them
 * must say "Change direction" (side_word: direction). */
static const char *const direction_words[] = {
	"forward", "backward", "clockwise", "anticlockwise", "up", "down",
};

/* Cues that take a joint towards the end of its range say how far. */
static const char *const end_range[] = {
	"open-book", "thread-the-needle", "overhead-lat-stretch",
	"desk-lat-stretch", "chest-opener", "seated-rotation",
	"ball-chest-stretch", "foam-roll-extension", "neck-side-bends",
	"hip-flexor-stretch", "wrist-flexor-stretch",
};

/* Where the head would hang, the hands (or a cushion) carry it. */
static const char *const head_support[] = {
	"foam-roll-upper-back", "foam-roll-arms-crossed",
	"foam-roll-extension", "thoracic-extension", "thoracic-opener",
};

/* Roller work that moves up the back says where to stop. */
static const char *const stop_point[] = {
	"foam-roll-upper-back", "foam-roll-arms-crossed",
	"foam-roll-extension", "thoracic-opener",
};

/* Loaded shoulder positions carry a caution. */
static const char *const shoulder_caution[] = {
	"crab-pose", "band-distraction", "chest-opener",
};

struct fixture {
	struct library lib;
	struct library *libs[1];
};

static void print_diags(const struct diags *d)
{
	if (d->n)
		diag_print(d, stderr);
}

static int group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	struct diags d = {0};
	int rc = loader_load_library(LIBRARY_PATH, &fx->lib, &d);
	print_diags(&d);
	size_t n = d.n;
	diag_free(&d);
	if (rc != 0 || n != 0) {
		library_free(&fx->lib);
		free(fx);
		return -1;
	}
	fx->libs[0] = &fx->lib;
	*state = fx;
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *fx = *state;
	if (fx) {
		library_free(&fx->lib);
		free(fx);
	}
	return 0;
}

static struct library *lib_of(void **state)
{
	return &((struct fixture *)*state)->lib;
}

/* Loads routines/ID.yaml against the library; fails on any diagnostic. */
static void load(void **state, const char *path, struct routine *r)
{
	struct fixture *fx = *state;
	struct diags d = {0};
	int rc = loader_load_routine(path, fx->libs, 1, r, &d);
	print_diags(&d);
	size_t n = d.n;
	diag_free(&d);
	if (rc != 0 || n != 0)
		fail_msg("%s: %zu diagnostic(s)", path, n);
}

/* The total as the blueprint lays a plan out, computed here from the
 * routine alone, independently of plan.c. */
static int64_t spec_total(const struct routine *r)
{
	int64_t t = 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step *s = &r->steps[i];
		if (s->kind == STEP_REST) {
			t += s->rest_ms;
			continue;
		}
		int64_t work = 0;
		if (s->kind == STEP_HOLD) {
			work = s->hold_ms;
		} else if (s->self_paced || s->exercise->n_phases == 0) {
			work = s->reps * s->tempo_ms;
		} else {
			int64_t rep = 0;
			for (size_t k = 0; k < s->exercise->n_phases; k++)
				rep += s->exercise->phases[k].ms;
			work = s->reps * rep;
		}
		int64_t sides = s->sides.n ? (int64_t)s->sides.n : 1;
		int64_t sets = s->sets;
		t += s->get_ready_ms + sets * sides * work +
		     sets * (sides - 1) * s->switch_ms +
		     (sets - 1) * s->set_rest_ms;
	}
	return t;
}

static int kebab_case(const char *s)
{
	if (!s || !islower((unsigned char)s[0]))
		return 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (!(islower(c) || isdigit(c) || c == '-'))
			return 0;
		if (c == '-' && (p[1] == '-' || p[1] == '\0'))
			return 0;
	}
	return 1;
}

/* A frame: at most 12 rows of at most 28 printable ASCII characters. */
static void check_frame(const char *who, size_t i, const char *frame)
{
	int rows = 0, col = 0, ink = 0;
	for (const char *p = frame; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n') {
			rows++;
			col = 0;
			continue;
		}
		if (c < 0x20 || c > 0x7e)
			fail_msg("%s: frame %zu has a character that is not "
				 "printable ASCII (0x%02x)", who, i + 1, c);
		if (c != ' ')
			ink = 1;
		if (++col > FIGURE_MAX_COLS)
			fail_msg("%s: frame %zu is wider than %d columns", who,
				 i + 1, FIGURE_MAX_COLS);
	}
	if (col > 0)
		rows++;    /* a last row without a newline */
	if (rows > FIGURE_MAX_ROWS)
		fail_msg("%s: frame %zu has %d rows (at most %d)", who, i + 1,
			 rows, FIGURE_MAX_ROWS);
	if (!ink)
		fail_msg("%s: frame %zu is blank", who, i + 1);
}

/* Rows and widest row of a frame. */
static void frame_size(const char *f, int *rows, int *cols)
{
	int col = 0;
	*rows = *cols = 0;
	for (; *f; f++) {
		if (*f == '\n') {
			++*rows;
			col = 0;
		} else if (++col > *cols) {
			*cols = col;
		}
	}
	if (col > 0)
		++*rows;
}

static void check_exercise(const struct exercise *e, const char *who)
{
	if (!e->name || !*e->name)
		fail_msg("%s: no name", who);
	if (!e->summary || !*e->summary)
		fail_msg("%s: no summary", who);
	if (strlen(e->summary) > SUMMARY_MAX)
		fail_msg("%s: summary longer than %d characters", who,
			 SUMMARY_MAX);
	if (e->how.n < 2 || e->how.n > 4)
		fail_msg("%s: %zu how lines (2 to 4)", who, e->how.n);
	for (size_t i = 0; i < e->how.n; i++)
		if (strlen(e->how.v[i]) > HOW_MAX)
			fail_msg("%s: how line %zu longer than %d", who, i + 1,
				 HOW_MAX);
	if (e->area.n == 0)
		fail_msg("%s: no area", who);

	if (e->n_phases > 0) {
		if (e->reps <= 0)
			fail_msg("%s: phases but no default reps", who);
		if (e->figure.n != e->n_phases)
			fail_msg("%s: %zu frames for %zu phases", who,
				 e->figure.n, e->n_phases);
		for (size_t i = 0; i < e->n_phases; i++)
			if (!e->phases[i].cue || !*e->phases[i].cue ||
			    e->phases[i].ms < ROUTINE_MIN_MS)
				fail_msg("%s: phase %zu without cue or time",
					 who, i + 1);
	} else {
		if (e->hold_ms <= 0)
			fail_msg("%s: neither phases nor a default hold", who);
		if (e->figure.n != 1)
			fail_msg("%s: a hold has %zu frames (want 1)", who,
				 e->figure.n);
	}
	/* Frames of one exercise have the same rows, so that the figure
	 * stays put as the phases change (the player places every frame at
	 * the same column, as wide as the widest). */
	int rows0 = 0;
	for (size_t i = 0; i < e->figure.n; i++) {
		int rows, cols;
		check_frame(who, i, e->figure.v[i]);
		frame_size(e->figure.v[i], &rows, &cols);
		if (i == 0)
			rows0 = rows;
		else if (rows != rows0)
			fail_msg("%s: frame %zu has %d rows, frame 1 has %d", who,
				 i + 1, rows, rows0);
	}
}

/* ---- the library ---------------------------------------------------- */

static void test_library_size_and_ids(void **state)
{
	struct library *lib = lib_of(state);
	assert_true(lib->n >= 36);
	for (size_t i = 0; i < sizeof required_ids / sizeof required_ids[0];
	     i++)
		if (!library_find(lib, required_ids[i]))
			fail_msg("library has no '%s'", required_ids[i]);
	for (size_t i = 0; i < lib->n; i++)
		if (!kebab_case(lib->v[i].id))
			fail_msg("'%s' is not a kebab-case id", lib->v[i].id);
}

static void assert_same_strlist(const struct strlist *a, const struct strlist *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		assert_string_equal(a->v[i], b->v[i]);
}

static void assert_same_str(const char *a, const char *b)
{
	assert_int_equal(a == NULL, b == NULL);
	if (a)
		assert_string_equal(a, b);
}

/* Opened (each entry parsed alone, when used), the shipped library gives
 * every exercise exactly as loaded whole, at the same place. */
static void test_library_opened_as_loaded(void **state)
{
	struct library *whole = lib_of(state), opened;
	struct diags d = { 0 };
	assert_int_equal(loader_open_library(LIBRARY_PATH, &opened, &d), 0);
	assert_int_equal(d.n, 0);
	for (size_t i = 0; i < whole->n; i++) {
		const struct exercise *a = &whole->v[i];
		const struct exercise *b = library_find(&opened, a->id);
		assert_non_null(b);
		assert_true(library_by_entry(&opened));   /* never the whole file */
		assert_string_equal(a->id, b->id);
		assert_string_equal(a->name, b->name);
		assert_same_str(a->summary, b->summary);
		assert_same_strlist(&a->how, &b->how);
		assert_same_strlist(&a->area, &b->area);
		assert_same_strlist(&a->figure, &b->figure);
		assert_same_strlist(&a->sides, &b->sides);
		assert_int_equal(a->n_phases, b->n_phases);
		for (size_t k = 0; k < a->n_phases; k++) {
			assert_string_equal(a->phases[k].cue, b->phases[k].cue);
			assert_int_equal(a->phases[k].ms, b->phases[k].ms);
		}
		assert_int_equal(a->hold_ms, b->hold_ms);
		assert_int_equal(a->reps, b->reps);
		assert_int_equal(a->side_word, b->side_word);
		assert_int_equal(a->position, b->position);
		assert_int_equal(a->mirror, b->mirror);
		assert_same_str(a->rep_word.one, b->rep_word.one);
		assert_same_str(a->rep_word.many, b->rep_word.many);
		assert_int_equal(a->pos.line, b->pos.line);
		assert_int_equal(a->pos.col, b->pos.col);
	}
	assert_null(library_find(&opened, "no-such-exercise"));
	library_free(&opened);
	diag_free(&d);
}

static void test_library_exercises_well_formed(void **state)
{
	struct library *lib = lib_of(state);
	for (size_t i = 0; i < lib->n; i++)
		check_exercise(&lib->v[i], lib->v[i].id);
}

/* The phase shapes the issue names. */
static void test_library_phases(void **state)
{
	struct library *lib = lib_of(state);
	const struct exercise *e = library_find(lib, "open-book");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 2);
	assert_string_equal(e->phases[0].cue, "Open");
	assert_string_equal(e->phases[1].cue, "Close");
	assert_int_equal(e->sides.n, 2);

	e = library_find(lib, "cat-cow");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 2);
	assert_string_equal(e->phases[0].cue, "Cat: round up");
	assert_string_equal(e->phases[1].cue, "Cow: dip");

	/* I-Y-T: each shape is lifted, then lowered. */
	e = library_find(lib, "iyt-raises");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 6);
	for (size_t k = 0; k < e->n_phases; k += 2) {
		assert_non_null(strstr(e->phases[k].cue, "Lift"));
		assert_string_equal(e->phases[k + 1].cue, "Lower");
	}

	/* Shrug rotations: a cycle of three. */
	e = library_find(lib, "shrug-rotations");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 3);

	e = library_find(lib, "diaphragmatic-breathing");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 2);
	assert_int_equal(e->phases[0].ms, 4000);
	assert_int_equal(e->phases[1].ms, 6000);

	e = library_find(lib, "scapular-squeezes");
	assert_non_null(e);
	assert_int_equal(e->phases[0].ms, 10000);
	assert_true(e->reps >= 10 && e->reps <= 15);

	e = library_find(lib, "overhead-lat-stretch");
	assert_non_null(e);
	assert_int_equal(e->phases[0].ms, 15000);

	e = library_find(lib, "thoracic-opener");
	assert_non_null(e);
	assert_true(e->hold_ms >= 60000 && e->hold_ms <= 120000);
}


/* ---- positions, mirrored figures, wording --------------------------- */

static int in_list(const char *const *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], id) == 0)
			return 1;
	return 0;
}
#define IN(list, id) in_list(list, sizeof list / sizeof list[0], id)

/* On the floor: floor ..., all fours, kneeling. */
static int on_floor(const char *position)
{
	for (int k = 0; routine_position_names[k]; k++)
		if (strcmp(routine_position_names[k], position) == 0)
			return routine_position_on_floor(k);
	return 0;
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; hay && *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		       tolower((unsigned char)hay[i]) ==
			       tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The summary or a how line says it. */
static int says(const struct exercise *e, const char *needle)
{
	if (contains_ci(e->summary, needle))
		return 1;
	for (size_t i = 0; i < e->how.n; i++)
		if (contains_ci(e->how.v[i], needle))
			return 1;
	return 0;
}

/* A word starting with "arch" (arch, arched, arching), in any case. */
static int has_arch(const char *s)
{
	for (const char *p = s; p && *p; p++)
		if ((p == s || !isalpha((unsigned char)p[-1])) &&
		    strncasecmp(p, "arch", 4) == 0)
			return 1;
	return 0;
}

/* Every exercise says where it is done (the loader knows the words). */
static void test_library_positions(void **state)
{
	struct library *lib = lib_of(state);
	for (size_t i = 0; i < lib->n; i++)
		if (lib->v[i].position == ROUTINE_POS_NONE)
			fail_msg("%s: no position", lib->v[i].id);
}

/* The frame flipped as the player flips it: each row within the
 * figure's width (the widest frame). */
static char *mirror_frame(const char *f, int width)
{
	size_t cap = strlen(f) + 1 + (size_t)(FIGURE_MAX_ROWS + 1) *
					      (size_t)(width + 1);
	char *out = malloc(cap), *o = out;
	assert_non_null(out);
	while (*f) {
		size_t len = strcspn(f, "\n");
		o += figure_mirror_row(f, len, width, 0, o, cap - (size_t)(o - out));
		f += len;
		if (*f == '\n') {
			*o++ = '\n';
			f++;
		}
	}
	*o = '\0';
	return out;
}

/* A flipped figure: of exercises with two sides; nothing in it that
 * reads wrong reversed (letters, digits); within the size limits. */
static void test_library_mirrored_figures(void **state)
{
	struct library *lib = lib_of(state);
	size_t n = 0;
	for (size_t i = 0; i < lib->n; i++) {
		const struct exercise *e = &lib->v[i];
		if (!e->mirror)
			continue;
		n++;
		if (e->sides.n != 2 || e->figure.n == 0)
			fail_msg("%s: flipped, but not two sides and a figure",
				 e->id);
		int width = 0;
		for (size_t k = 0; k < e->figure.n; k++) {
			int rows, cols;
			frame_size(e->figure.v[k], &rows, &cols);
			width = cols > width ? cols : width;
			for (const char *p = e->figure.v[k]; *p; p++)
				if (isalnum((unsigned char)*p) &&
				    !strchr("oOXv", *p))
					fail_msg("%s: frame %zu has '%c', which "
						 "reads wrong flipped", e->id,
						 k + 1, *p);
		}
		for (size_t k = 0; k < e->figure.n; k++) {
			char *m = mirror_frame(e->figure.v[k], width);
			check_frame(e->id, k, m);
			int rows, cols, rows0, cols0;
			frame_size(m, &rows, &cols);
			frame_size(e->figure.v[k], &rows0, &cols0);
			assert_int_equal(rows, rows0);
			assert_int_equal(cols, width);
			free(m);
		}
	}
	assert_true(n >= 11);   /* every left/right exercise with a figure */
}

/* Sides that are directions say so; breathing counts breaths. */
static void test_library_side_and_rep_words(void **state)
{
	struct library *lib = lib_of(state);
	for (size_t i = 0; i < lib->n; i++) {
		const struct exercise *e = &lib->v[i];
		int turns = e->sides.n && IN(direction_words, e->sides.v[0]);
		if (turns != (e->side_word == ROUTINE_DIRECTIONS))
			fail_msg("%s: sides %s but side_word %s", e->id,
				 e->sides.n ? e->sides.v[0] : "(none)",
				 routine_side_word_names[e->side_word]);
		if (e->sides.n == 2 && strcmp(e->sides.v[0], "left") == 0 &&
		    e->figure.n && !e->mirror)
			fail_msg("%s: left and right, but the figure does not "
				 "flip", e->id);
	}
	const struct exercise *b = library_find(lib, "diaphragmatic-breathing");
	assert_non_null(b);
	assert_string_equal(routine_rep_word(b, 1), "breath");
	assert_string_equal(routine_rep_word(b, 10), "breaths");
}

static void test_library_wording(void **state)
{
	struct library *lib = lib_of(state);
	for (size_t i = 0; i < lib->n; i++) {
		const struct exercise *e = &lib->v[i];
		if (has_arch(e->name) || has_arch(e->summary))
			fail_msg("%s: says 'arch'", e->id);
		for (size_t k = 0; k < e->how.n; k++)
			if (has_arch(e->how.v[k]))
				fail_msg("%s: how line %zu says 'arch'", e->id,
					 k + 1);
		for (size_t k = 0; k < e->n_phases; k++)
			if (has_arch(e->phases[k].cue))
				fail_msg("%s: cue %zu says 'arch'", e->id, k + 1);
		if (says(e, "shoulder tops"))
			fail_msg("%s: 'shoulder tops' (the top of the shoulder "
				 "blades?)", e->id);
		/* Left and right: the how lines say what the label means. */
		if (e->sides.n && strcmp(e->sides.v[0], "left") == 0 &&
		    !says(e, "Left side:"))
			fail_msg("%s: no line says what 'left' means", e->id);
		if (IN(end_range, e->id) && !says(e, "as far as is comfortable"))
			fail_msg("%s: no 'as far as is comfortable'", e->id);
		if (IN(head_support, e->id) && !(says(e, "head") &&
						 (says(e, "hands") ||
						  says(e, "cushion"))))
			fail_msg("%s: does not say what carries the head", e->id);
		if (IN(stop_point, e->id) && !says(e, "top of the"))
			fail_msg("%s: no stopping point (the top of the "
				 "shoulder blades)", e->id);
		if (IN(shoulder_caution, e->id) && !says(e, "pinch"))
			fail_msg("%s: no shoulder caution", e->id);
	}
	/* Every list names library exercises. */
	const char *const *lists[] = { end_range, head_support, stop_point,
				       shoulder_caution };
	const size_t ns[] = { sizeof end_range / sizeof *end_range,
			      sizeof head_support / sizeof *head_support,
			      sizeof stop_point / sizeof *stop_point,
			      sizeof shoulder_caution / sizeof *shoulder_caution };
	for (size_t l = 0; l < 4; l++)
		for (size_t k = 0; k < ns[l]; k++)
			if (!library_find(lib, lists[l][k]))
				fail_msg("'%s' is not in the library", lists[l][k]);
}

/* ---- the routines --------------------------------------------------- */

/* Between two exercises in different positions, one of them on the
 * floor, there are at least 10 s (the get-ready and any rest between).
 * Routines tagged desk stay off the floor. */
static void check_positions(const char *path, const struct routine *r)
{
	const char *prev = NULL;
	int64_t gap = 0;
	int desk = 0;
	for (size_t i = 0; i < r->tags.n; i++)
		desk |= strcmp(r->tags.v[i], "desk") == 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step *s = &r->steps[i];
		if (s->kind == STEP_REST) {
			gap += s->rest_ms;
			continue;
		}
		if (s->position == ROUTINE_POS_NONE)
			fail_msg("%s: step %zu: '%s' has no position", path,
				 i + 1, s->exercise->id);
		const char *pos = routine_position_names[s->position];
		gap += s->get_ready_ms;
		if (prev && strcmp(prev, pos) != 0 &&
		    (on_floor(prev) || on_floor(pos)) && gap < 10000)
			fail_msg("%s: step %zu goes from %s to %s with %lld ms "
				 "to get there (at least 10 s)", path, i + 1,
				 prev, pos, (long long)gap);
		if (desk && on_floor(pos))
			fail_msg("%s: step %zu is on the floor (%s) in a desk "
				 "routine", path, i + 1, pos);
		prev = pos;
		gap = 0;
	}
}

/* Side labels that are directions change, they do not switch sides. */
static void check_side_words(const char *path, const struct routine *r)
{
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step *s = &r->steps[i];
		int turns = s->sides.n && IN(direction_words, s->sides.v[0]);
		if (turns != (s->side_word == ROUTINE_DIRECTIONS))
			fail_msg("%s: step %zu: sides %s but side_word %s", path,
				 i + 1, s->sides.n ? s->sides.v[0] : "(none)",
				 routine_side_word_names[s->side_word]);
	}
}

/* The file's arithmetic comment ends with "total SECONDS = M:SS". */
static void check_comment_total(const char *path, int64_t total_ms)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[512];
	int found = 0;
	while (fgets(line, sizeof line, f) && line[0] == '#') {
		const char *t = strstr(line, "total");
		int secs, m, ss;
		if (!t || sscanf(t + 5, " %d = %d:%d", &secs, &m, &ss) != 3)
			continue;
		found = 1;
		if ((int64_t)secs * 1000 != total_ms ||
		    (int64_t)(m * 60 + ss) * 1000 != total_ms)
			fail_msg("%s: the comment's total (%d = %d:%02d) is not "
				 "the plan's %lld ms", path, secs, m, ss,
				 (long long)total_ms);
	}
	fclose(f);
	if (!found)
		fail_msg("%s: no 'total N = M:SS' in the header comment", path);
}

/* want_ms 0: whatever it declares; no_equipment -1: not checked. */
static void check_routine(void **state, const char *path, int64_t want_ms,
			  int no_equipment)
{
	struct library *lib = lib_of(state);
	struct routine r;
	routine_init(&r);
	load(state, path, &r);

	if (!r.name || !r.summary || !r.description)
		fail_msg("%s: name, summary and description are required "
			 "here", path);
	if (strlen(r.summary) > 48)
		fail_msg("%s: summary longer than 48 characters", path);
	if (r.tags.n == 0)
		fail_msg("%s: no tags", path);
	if (no_equipment == 1 && r.equipment.n != 0)
		fail_msg("%s: should need no equipment", path);
	if (no_equipment == 0 && r.equipment.n == 0)
		fail_msg("%s: lists no equipment", path);
	if (r.duration_ms == 0)
		fail_msg("%s: no declared duration", path);
	if (want_ms && r.duration_ms != want_ms)
		fail_msg("%s: declares %lld ms, expected %lld ms", path,
			 (long long)r.duration_ms, (long long)want_ms);

	for (size_t i = 0; i < r.n_steps; i++) {
		const struct step *s = &r.steps[i];
		if (s->kind == STEP_REST)
			continue;
		if (!s->exercise)
			fail_msg("%s: step %zu has no exercise", path, i + 1);
		/* Shipped routines use the library only. */
		if (!s->exercise->id || !library_find(lib, s->exercise->id))
			fail_msg("%s: step %zu does not use a library "
				 "exercise", path, i + 1);
		check_exercise(s->exercise, s->exercise->id);
	}
	check_side_words(path, &r);

	struct plan p;
	memset(&p, 0, sizeof p);
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	if (p.total_ms != r.duration_ms)
		fail_msg("%s: plan total %lld ms, declared %lld ms", path,
			 (long long)p.total_ms, (long long)r.duration_ms);
	if (spec_total(&r) != p.total_ms)
		fail_msg("%s: plan total %lld ms, blueprint layout %lld ms",
			 path, (long long)p.total_ms,
			 (long long)spec_total(&r));
	/* The segments tile the timeline. */
	int64_t at = 0;
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(p.seg[i].start_ms, at);
		at += p.seg[i].len_ms;
	}
	assert_int_equal(at, p.total_ms);
	check_comment_total(path, p.total_ms);
	check_positions(path, &r);
	plan_free(&p);
	routine_free(&r);
}


static void test_shipped_routines(void **state)
{
	for (size_t i = 0; i < N_SHIPPED; i++) {
		char path[256];
		snprintf(path, sizeof path, DIR_ROUTINES "/%s.yaml",
			 shipped[i].id);
		check_routine(state, path, shipped[i].ms,
			      shipped[i].no_equipment);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted paths of the routine files (routines/NAME.yaml), the library
 * left out. */
static size_t routine_files(char ***out)
{
	DIR *dir = opendir(DIR_ROUTINES);
	assert_non_null(dir);
	char **v = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		size_t len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(de->d_name, "exercises.yaml") == 0)
			continue;
		char **nv = realloc(v, (n + 1) * sizeof *v);
		assert_non_null(nv);
		v = nv;
		v[n] = malloc(sizeof DIR_ROUTINES + len + 1);
		assert_non_null(v[n]);
		sprintf(v[n], DIR_ROUTINES "/%s", de->d_name);
		n++;
	}
	closedir(dir);
	qsort(v, n, sizeof *v, cmp_str);
	*out = v;
	return n;
}

/* Whatever else is shipped meets the same bar, and nothing is missing. */
static void test_every_file_in_routines(void **state)
{
	char **files = NULL;
	size_t n = routine_files(&files);
	assert_true(n >= N_SHIPPED && n >= 11);
	for (size_t i = 0; i < N_SHIPPED; i++) {
		char path[256];
		snprintf(path, sizeof path, DIR_ROUTINES "/%s.yaml",
			 shipped[i].id);
		int found = 0;
		for (size_t k = 0; k < n; k++)
			found |= strcmp(files[k], path) == 0;
		if (!found)
			fail_msg("%s is missing", path);
	}
	for (size_t i = 0; i < n; i++) {
		check_routine(state, files[i], 0, -1);
		free(files[i]);
	}
	free(files);
}

/* Every `use:` in the files, read as text (independently of the loader),
 * names an exercise of the library. */
static void test_every_use_resolves(void **state)
{
	struct library *lib = lib_of(state);
	char **files = NULL;
	size_t n = routine_files(&files);
	size_t uses = 0;
	for (size_t i = 0; i < n; i++) {
		FILE *f = fopen(files[i], "r");
		assert_non_null(f);
		char line[512];
		int lineno = 0;
		while (fgets(line, sizeof line, f)) {
			lineno++;
			char *p = line;
			while (*p == ' ')
				p++;
			if (*p == '-')
				p++;
			while (*p == ' ')
				p++;
			if (strncmp(p, "use:", 4) != 0)
				continue;
			p += 4;
			while (*p == ' ')
				p++;
			size_t len = strcspn(p, " #\r\n");
			char id[128];
			assert_true(len > 0 && len < sizeof id);
			memcpy(id, p, len);
			id[len] = '\0';
			if (!library_find(lib, id))
				fail_msg("%s:%d: use: %s is not in "
					 LIBRARY_PATH, files[i], lineno, id);
			uses++;
		}
		fclose(f);
		free(files[i]);
	}
	free(files);
	assert_true(uses > 0);
}


/* The safety notice's additions from the review, in our words. */
static void test_notice_additions(void **state)
{
	(void)state;
	FILE *f = fopen(DIR_ROUTINES "/safety.txt", "r");
	assert_non_null(f);
	static char text[16384];
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	static const char *const must[] = {
		"weakness in the legs", "bladder", "bowel", "urgent",
		"osteoporosis, do not roll", "dislocated", "band",
		"overhead", "never the neck", "never the low back",
		"top of the shoulder blades",
	};
	for (size_t i = 0; i < sizeof must / sizeof must[0]; i++) {
		/* lines wrap: compare with the newlines and indents folded */
		char flat[sizeof text];
		size_t k = 0;
		for (const char *p = text; *p; p++) {
			if (*p == '\n' || *p == ' ') {
				if (k && flat[k - 1] == ' ')
					continue;
				flat[k++] = ' ';
			} else {
				flat[k++] = *p;
			}
		}
		flat[k] = '\0';
		if (!contains_ci(flat, must[i]))
			fail_msg("safety.txt does not say \"%s\"", must[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_library_size_and_ids),
		cmocka_unit_test(test_library_exercises_well_formed),
		cmocka_unit_test(test_library_opened_as_loaded),
		cmocka_unit_test(test_library_phases),
		cmocka_unit_test(test_library_positions),
		cmocka_unit_test(test_library_mirrored_figures),
		cmocka_unit_test(test_library_side_and_rep_words),
		cmocka_unit_test(test_library_wording),
		cmocka_unit_test(test_shipped_routines),
		cmocka_unit_test(test_every_file_in_routines),
		cmocka_unit_test(test_every_use_resolves),
		cmocka_unit_test(test_notice_additions),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
