/* history_sum — what the records add up to: totals, streaks, the calendar,
 * the menu's glance (see history.h). Pure but for history_glance_read,
 * which streams the file: "today" is handed in. */
#include "history.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "paths.h"

const int64_t history_cal_from[HISTORY_CAL_LEVELS] = { 0, 1, 5 * 60, 15 * 60, 30 * 60 };

int history_cal_level(int64_t seconds)
{
	int level = 0;
	for (int i = 1; i < HISTORY_CAL_LEVELS; i++)
		if (seconds >= history_cal_from[i])
			level = i;
	return level;
}

/* ---- a set of days ------------------------------------------------------ */

/* Room for day below d->lo: the bitmap grows downwards by whole bytes, at
 * least doubling. */
static int days_grow_down(struct history_days *d, int64_t day)
{
	size_t add = (size_t)((d->lo - day + 7) / 8);
	if (add < d->bytes)
		add = d->bytes;
	unsigned char *b = realloc(d->bits, d->bytes + add);
	if (!b)
		return -1;
	memmove(b + add, b, d->bytes);
	memset(b, 0, add);
	d->bits = b;
	d->bytes += add;
	d->lo -= (int64_t)add * 8;
	return 0;
}

static int days_grow_up(struct history_days *d, int64_t day)
{
	size_t need = (size_t)((day - d->lo) / 8) + 1;
	size_t n = d->bytes * 2 > need ? d->bytes * 2 : need;
	unsigned char *b = realloc(d->bits, n);
	if (!b)
		return -1;
	memset(b + d->bytes, 0, n - d->bytes);
	d->bits = b;
	d->bytes = n;
	return 0;
}

int history_days_add(struct history_days *d, int64_t day)
{
	if (!d->bits) {
		d->lo = day - (day % 8 + 8) % 8;
		d->bytes = 0;
	}
	if (day < d->lo && days_grow_down(d, day) != 0)
		return -1;
	if ((day - d->lo) / 8 >= (int64_t)d->bytes && days_grow_up(d, day) != 0)
		return -1;
	int64_t i = day - d->lo;
	d->bits[i / 8] |= (unsigned char)(1u << (i % 8));
	return 0;
}

bool history_days_has(const struct history_days *d, int64_t day)
{
	if (!d->bits || day < d->lo || (day - d->lo) / 8 >= (int64_t)d->bytes)
		return false;
	int64_t i = day - d->lo;
	return (d->bits[i / 8] >> (i % 8)) & 1;
}

void history_days_free(struct history_days *d)
{
	free(d->bits);
	*d = (struct history_days){ 0 };
}

int64_t history_days_streak(const struct history_days *d, int64_t today)
{
	int64_t day = history_days_has(d, today) ? today : today - 1, n = 0;
	while (history_days_has(d, day - n))
		n++;
	return n;
}

int64_t history_days_longest(const struct history_days *d)
{
	int64_t best = 0, run = 0;
	for (size_t i = 0; i < d->bytes; i++) {
		if (d->bits[i] == 0) {
			run = 0;
			continue;
		}
		for (int k = 0; k < 8; k++) {
			run = (d->bits[i] >> k) & 1 ? run + 1 : 0;
			best = run > best ? run : best;
		}
	}
	return best;
}

/* ---- the summary ---------------------------------------------------------- */

void history_summary_init(struct history_summary *s, int64_t today)
{
	int64_t y;
	int m, d;
	memset(s, 0, sizeof *s);
	s->today = today;
	s->week_first = today - clock_weekday(today);
	clock_civil_from_days(today, &y, &m, &d);
	s->month_first = today - (d - 1);
	s->month_last = (m == 12 ? clock_days_from_civil(y + 1, 1, 1)
				 : clock_days_from_civil(y, m + 1, 1)) - 1;
	s->cal_first = s->week_first - (HISTORY_CAL_WEEKS - 1) * 7;
}

static void total_add(struct history_total *t, const struct history_record *r)
{
	t->sessions++;
	t->completed += r->outcome == HISTORY_COMPLETED;
	t->done_s += r->done_s;
}

void history_summary_add(struct history_summary *s, const struct history_record *r)
{
	if (r->kind != HISTORY_SESSION) {
		s->prompts++;
		return;
	}
	int64_t day = history_day(r);
	total_add(&s->all, r);
	if (day >= s->week_first && day < s->week_first + 7)
		total_add(&s->week, r);
	if (day >= s->month_first && day <= s->month_last)
		total_add(&s->month, r);
	if (day >= s->cal_first && day < s->cal_first + HISTORY_CAL_DAYS)
		s->cal_s[day - s->cal_first] += r->done_s;
	if (r->outcome == HISTORY_COMPLETED && !s->oom &&
	    history_days_add(&s->done, day) != 0)
		s->oom = true;
}

void history_summary_end(struct history_summary *s)
{
	s->streak = history_days_streak(&s->done, s->today);
	s->longest = history_days_longest(&s->done);
}

void history_summary_free(struct history_summary *s)
{
	history_days_free(&s->done);
}

/* ---- a glance --------------------------------------------------------------- */

static int glance_cmp(const void *a, const void *b)
{
	const struct history_glance_id *x = a, *y = b;
	return strcmp(x->id, y->id);
}

int history_glance_init(struct history_glance *g, int64_t today,
			const char *const *ids, size_t n)
{
	memset(g, 0, sizeof *g);
	g->today = today;
	g->last = malloc((n ? n : 1) * sizeof *g->last);
	g->by_id = malloc((n ? n : 1) * sizeof *g->by_id);
	if (!g->last || !g->by_id) {
		history_glance_free(g);
		return -1;
	}
	g->n = n;
	for (size_t i = 0; i < n; i++) {
		g->last[i] = HISTORY_NEVER;
		g->by_id[i] = (struct history_glance_id){ ids[i], i };
	}
	bool sorted = true;   /* as a catalog's ids are: no sort then */
	for (size_t i = 1; i < n && sorted; i++)
		sorted = glance_cmp(&g->by_id[i - 1], &g->by_id[i]) <= 0;
	if (!sorted)
		qsort(g->by_id, n, sizeof *g->by_id, glance_cmp);
	return 0;
}

/* The routine's last day: every entry with its id (ids are unique in a
 * catalog, but nothing breaks when they are not). */
static void glance_last(struct history_glance *g, const char *id, int64_t day)
{
	struct history_glance_id key = { id, 0 };
	const struct history_glance_id *hit = g->n ? bsearch(&key, g->by_id, g->n,
							     sizeof *g->by_id, glance_cmp) : NULL;
	if (!hit)
		return;
	size_t k = (size_t)(hit - g->by_id);
	while (k > 0 && strcmp(g->by_id[k - 1].id, id) == 0)
		k--;
	for (; k < g->n && strcmp(g->by_id[k].id, id) == 0; k++) {
		int64_t *last = &g->last[g->by_id[k].i];
		if (*last == HISTORY_NEVER || day > *last)
			*last = day;
	}
}

/* One record, without the streak (which history_glance_read and
 * history_glance_add work out once). */
static void glance_take(struct history_glance *g, const struct history_record *r)
{
	if (r->kind != HISTORY_SESSION)
		return;
	int64_t day = history_day(r);
	if (day == g->today)
		g->today_s += r->done_s;
	if (r->outcome != HISTORY_COMPLETED)
		return;
	glance_last(g, r->routine, day);
	if (!g->oom && history_days_add(&g->done, day) != 0)
		g->oom = true;
}

static void glance_end(struct history_glance *g)
{
	g->streak = g->oom ? 0 : history_days_streak(&g->done, g->today);
}

void history_glance_add(struct history_glance *g, const struct history_record *r)
{
	glance_take(g, r);
	glance_end(g);
}

int64_t history_glance_streak_with(const struct history_glance *g, int64_t day)
{
	if (g->oom)
		return 0;
	const struct history_days *d = &g->done;
	int64_t from = history_days_has(d, g->today) || day == g->today ? g->today
								      : g->today - 1, n = 0;
	while (history_days_has(d, from - n) || from - n == day)
		n++;
	return n;
}

void history_glance_free(struct history_glance *g)
{
	free(g->last);
	free(g->by_id);
	history_days_free(&g->done);
	memset(g, 0, sizeof *g);
}

static int glance_record(void *ctx, const struct history_record *r, long line)
{
	(void)line;
	glance_take(ctx, r);
	return 0;
}


int history_glance_read(struct history_glance *g, char *why, size_t size)
{
	struct history_reader rd = { glance_record, NULL, g };
	int rc = history_read(&rd, why, size);
	glance_end(g);
	return rc == HISTORY_NONE ? 0 : rc;
}
