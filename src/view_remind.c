/* view_remind — the reminder's screens: waiting and the prompt (see
 * view.h). */
#include <stdio.h>
#include <string.h>

#include "bigdigits.h"
#include "duration.h"
#include "remind.h"
#include "schedule.h"
#include "view.h"

#define VR_LINES 8

/* A line of the centred block. */
struct vr_line {
	enum view_style style;
	char text[160];
	bool digits;                 /* the countdown in the block font */
};

static void vr_header(struct view *v, const struct remind_info *i)
{
	int w = view_put(v, 0, 1, v->cols - 2, VIEW_BOLD, "Break reminders");
	int rw = view_cells(v, i->rules);
	if (1 + w + 2 + rw <= v->cols - 1)
		view_put(v, 0, v->cols - 1 - rw, rw, VIEW_DIM, i->rules);
}

static void vr_footer(struct view *v, const struct view_remind_in *in, bool prompt)
{
	struct view_hints h = { prompt ? &keys_prompt : &keys_remind, KEYS_ACT_NONE,
				KEYS_ACT_NONE, 0, 3 };
	int w = view_hints_width(v, &h);
	while (w > v->cols - 2 && h.level < 10) {   /* short of room: the least kept go */
		h.level++;
		w = view_hints_width(v, &h);
	}
	view_hints(v, v->rows - 1, w < v->cols - 2 ? (v->cols - w) / 2 : 1, &h);
	if (in->notice && *in->notice)
		view_centre(v, v->rows - 3, in->alert ? VIEW_ALERT : VIEW_NORMAL, in->notice);
}

static int vr_add(struct vr_line *l, int n, enum view_style style, const char *text)
{
	l[n].style = style;
	l[n].digits = false;
	snprintf(l[n].text, sizeof l[n].text, "%s", text);
	return n + 1;
}

/* The countdown in the block font: "12" (minutes), "1:05" (hours and
 * minutes), "45" (seconds in the last minute). */
static void vr_count(int64_t left, char *digits, size_t size)
{
	bool sec;
	int64_t n = schedule_countdown(left, &sec);
	if (!sec && n >= 60)
		snprintf(digits, size, "%lld:%02lld", (long long)(n / 60), (long long)(n % 60));
	else
		snprintf(digits, size, "%lld", (long long)n);
}

static int vr_waiting(const struct view *v, const struct remind_info *i, struct vr_line *l)
{
	char buf[160], digits[48], span[32], len[DURATION_BUF];
	int n = 0;
	if (!i->when[0])
		return vr_add(l, n, VIEW_ALERT, "No break can come: the hours are shorter "
						"than the interval");
	snprintf(buf, sizeof buf, "Next break %s%s", i->later ? "" : "at ", i->when);
	n = vr_add(l, n, VIEW_BOLD, buf);
	if (i->later) {
		n = vr_add(l, n, VIEW_DIM, "(waiting until then)");
	} else {
		vr_count(i->left_ms, digits, sizeof digits);
		n = vr_add(l, n, VIEW_BAR_DONE, digits);
		l[n - 1].digits = true;
		snprintf(buf, sizeof buf, "in %s", remind_span(i->left_ms, span, sizeof span));
		n = vr_add(l, n, VIEW_DIM, buf);
	}
	n = vr_add(l, n, VIEW_NORMAL, "");
	snprintf(buf, sizeof buf, "%s%s%s", i->routine, view_sep(v),
		 duration_format_left(i->routine_ms, len, sizeof len));
	n = vr_add(l, n, VIEW_NORMAL, buf);
	return vr_add(l, n, VIEW_DIM, i->tally);
}

static int vr_prompt(const struct view *v, const struct remind_info *i, struct vr_line *l)
{
	char buf[160], a[32], b[32], len[DURATION_BUF];
	int n = vr_add(l, 0, VIEW_BADGE_WORK, " Time for a break ");
	n = vr_add(l, n, VIEW_NORMAL, "");
	snprintf(buf, sizeof buf, "%s%s%s", i->routine, view_sep(v),
		 duration_format_left(i->routine_ms, len, sizeof len));
	n = vr_add(l, n, VIEW_BOLD, buf);
	n = vr_add(l, n, VIEW_NORMAL, "");
	snprintf(buf, sizeof buf, "Snooze: %s. Unanswered, it counts as missed in %s.",
		 remind_span(i->snooze_ms, a, sizeof a),
		 remind_span(i->missed_in_ms > 0 ? i->missed_in_ms : 0, b, sizeof b));
	n = vr_add(l, n, VIEW_DIM, buf);
	return vr_add(l, n, VIEW_DIM, i->tally);
}

void view_remind(struct view *v, const struct view_remind_in *in)
{
	struct vr_line l[VR_LINES];
	const struct remind_info *i = in->info;
	bool prompt = i->state == REMIND_PROMPT;
	view_begin(v, v->rows, v->cols, v->utf8);
	if (view_too_small(v->rows, v->cols)) {
		view_enlarge(v);
		return;
	}
	vr_header(v, i);
	int n = prompt ? vr_prompt(v, i, l) : vr_waiting(v, i, l);
	int top = 2, bottom = v->rows - 4;      /* rows free: [top, bottom) */
	int scale = 0, height = 0;
	for (int k = 0; k < n; k++)
		if (l[k].digits)
			scale = view_big_scale(v, bottom - top - n, l[k].text);
	for (int k = 0; k < n; k++)
		height += !l[k].digits ? 1 : scale ? bigdigits_rows(scale) : 0;
	int row = top + (bottom - top - height) / 2;
	for (int k = 0; k < n; k++) {
		if (l[k].digits && scale) {
			view_big_digits(v, row, scale, l[k].text);
			row += bigdigits_rows(scale);
		} else if (!l[k].digits) {
			view_centre(v, row++, l[k].style, l[k].text);
		}
	}
	vr_footer(v, in, prompt);
}
