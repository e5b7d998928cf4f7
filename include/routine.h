/* routine — the data model of a routine and its exercises, and the limits
 * that make one valid. Knows nothing of YAML: the loader fills these
 * structs, and its tables (schema.h) check each value against these limits
 * and write the messages that state a limit from them, so every number
 * lives here once. */
#ifndef STRETCHTUI_ROUTINE_H
#define STRETCHTUI_ROUTINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Limits of format version 1. */
#define ROUTINE_MIN_MS        500            /* a duration: 0.5 s ... */
#define ROUTINE_MAX_MS        3600000        /* ... to 1 h */
#define ROUTINE_MAX_PLAN_MS   14400000       /* a whole plan: 4 h */
#define ROUTINE_MAX_REPS      500
#define ROUTINE_MAX_SETS      20
#define ROUTINE_MAX_SIDES     4
#define ROUTINE_MAX_PHASES    16
#define ROUTINE_MAX_STEPS     500
#define ROUTINE_DURATION_SLACK_MS 5000       /* declared vs planned total */
#define ROUTINE_MAX_REP_WORD  16             /* letters of a rep_word */

#define ROUTINE_DEFAULT_GET_READY_MS 5000
#define ROUTINE_DEFAULT_SWITCH_MS    5000
#define ROUTINE_DEFAULT_SET_REST_MS  15000

/* Where a value stood in its file (1-based; 0 = unknown). */
struct srcpos {
	int line, col;
};

struct strlist {
	const char **v;
	size_t n;
};

struct phase {
	const char *cue;
	int64_t ms;
};

/* Where an exercise is done (`position:`); ROUTINE_POS_NONE when not
 * said. routine_position_names[] holds the words, in this order. */
enum routine_position {
	ROUTINE_POS_NONE = -1,
	ROUTINE_POS_STANDING,
	ROUTINE_POS_SEATED,
	ROUTINE_POS_FLOOR_BACK,
	ROUTINE_POS_FLOOR_FRONT,
	ROUTINE_POS_FLOOR_SIDE,
	ROUTINE_POS_FLOOR_SEATED,
	ROUTINE_POS_ALL_FOURS,
	ROUTINE_POS_KNEELING,
};
extern const char *const routine_position_names[];   /* NULL-terminated */

/* What the side labels of a step are (`side_word:`): sides (left, right)
 * or directions (forward, backward), which change instead of switching.
 * routine_side_word_names[] holds the words, in this order. */
enum routine_side_word { ROUTINE_SIDES, ROUTINE_DIRECTIONS };
extern const char *const routine_side_word_names[];  /* NULL-terminated */

/* The word reps are counted in (`rep_word:`), singular and plural;
 * NULL and NULL: "rep", "reps". */
struct rep_word {
	const char *one, *many;
};

struct exercise {
	const char *id;           /* library or routine id; NULL when inline */
	const char *name;         /* required */
	const char *summary;      /* one glanceable line, may be NULL */
	struct strlist how;       /* instruction lines */
	struct strlist area;      /* body areas */
	struct strlist figure;    /* ASCII-art frames, one per phase (or one) */
	struct phase *phases;     /* one rep, in order */
	size_t n_phases;
	/* Defaults for steps that use the exercise; 0 / empty when absent. */
	int64_t hold_ms;
	int reps;
	struct strlist sides;
	int side_word;            /* enum routine_side_word of those sides */
	int position;             /* enum routine_position */
	bool mirror;              /* the figure flips on every second side */
	struct rep_word rep_word; /* what a rep is counted in */
	struct srcpos pos;        /* where it was defined */
};

enum step_kind { STEP_HOLD, STEP_REPS, STEP_REST };

struct step {
	enum step_kind kind;
	const struct exercise *exercise;  /* NULL for a rest step */
	int64_t hold_ms;                  /* STEP_HOLD */
	int64_t rest_ms;                  /* STEP_REST */
	int reps;                         /* STEP_REPS */
	bool self_paced;                  /* STEP_REPS: a key press per rep */
	int64_t tempo_ms;                 /* estimated (self-paced) or phase-less rep */
	struct strlist sides;             /* empty: one side, unlabelled */
	int side_word;                    /* enum routine_side_word of sides:
	                                   * the step's, else (sides from the
	                                   * exercise) the exercise's */
	int position;                     /* enum routine_position: the
	                                   * step's, else the exercise's */
	int sets;                         /* >= 1 */
	/* Transitions, resolved against the routine's defaults. */
	int64_t get_ready_ms, switch_ms, set_rest_ms;
	struct srcpos pos;
};

struct routine {
	struct arena arena;               /* owns every string and array below */
	const char *path;
	const char *id;                   /* file name without .yaml */
	const char *name;                 /* required */
	const char *summary;
	const char *description;
	int64_t duration_ms;              /* declared target; 0 when absent */
	struct srcpos duration_pos;
	struct srcpos steps_pos;
	struct strlist tags;
	struct strlist equipment;
	int64_t get_ready_ms, switch_ms, set_rest_ms;   /* defaults */
	struct step *steps;
	size_t n_steps;
};

/* The word n reps of x are counted in: "rep" (n == 1) or "reps", or the
 * exercise's rep_word ("breath", "breaths"). x may be NULL. */
const char *routine_rep_word(const struct exercise *x, int n);
/* The same with a capital first letter ("Rep", "Breaths") in buf. */
const char *routine_rep_word_cap(const struct exercise *x, int n, char *buf,
				 size_t size);

/* Whether a position is on the floor (floor ..., all fours, kneeling). */
bool routine_position_on_floor(int position);

/* The routine's defaults, as the blueprint gives them. */
void routine_init(struct routine *r);
void routine_free(struct routine *r);

#endif
