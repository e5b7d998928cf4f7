/* cli_list — the list and show commands (see cli_list.h). */
#include "cli_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "duration.h"
#include "rcache.h"
#include "utf8.h"

static void join_list(const struct strlist *l, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < l->n && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
				 l->v[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Outside text on stdout, made safe for the locale. */
static void put_text(const char *s, unsigned fl)
{
	utf8_fput(s, strlen(s), fl, stdout);
}

/* s made safe, then spaces up to width display cells (at least one). */
static void print_col(const char *s, int width, unsigned fl)
{
	utf8_fpad(s, width - 1, fl, stdout);
	putchar(' ');
}

/* What list prints of a routine, kept while the others load: the
 * routine itself is freed at once. */
struct list_row {
	const char *id;          /* the catalog's */
	const char *path;        /* the catalog's */
	char *name;
	char *tags, *gear;       /* joined with ", " */
	int64_t total_ms;
	struct rcache_id file;   /* the file's identity before it was read */
};

static int list_width(const struct list_row *rows, size_t n, bool id,
		      unsigned fl)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = id ? rows[i].id : rows[i].name;
		int k = utf8_widthn(s, strlen(s), fl);
		w = k > w ? k : w;
	}
	return w + 2;
}

static void list_print(const struct list_row *rows, size_t n)
{
	unsigned fl = utf8_out_flags();
	int wid = list_width(rows, n, true, fl);
	int wname = list_width(rows, n, false, fl);
	for (size_t i = 0; i < n; i++) {
		const struct list_row *w = &rows[i];
		char total[DURATION_BUF];
		print_col(w->id, wid, fl);
		print_col(w->name, wname, fl);
		printf("%s", duration_format(w->total_ms, total, sizeof total));
		printf("%s", *w->tags ? "  " : "");
		put_text(w->tags, fl);
		printf("%s", *w->gear ? "  (needs: " : "");
		put_text(w->gear, fl);
		printf("%s\n", *w->gear ? ")" : "");
	}
}

/* Entry i's row, its strings copied: 0, or -1 when out of memory. */
static int list_row_make(const struct catalog *c, size_t i, const char *name,
			 const char *tags, const char *gear, int64_t total_ms,
			 struct list_row *w)
{
	*w = (struct list_row){ .id = c->v[i].id, .path = c->v[i].path,
				.name = strdup(name), .tags = strdup(tags),
				.gear = strdup(gear), .total_ms = total_ms };
	if (w->name && w->tags && w->gear)
		return 0;
	free(w->name);
	free(w->tags);
	free(w->gear);
	diag_msg(DIAG_ERROR, "out of memory");
	return -1;
}

/* Entry i of the catalog as a row: 0, or -1 when it does not load. */
static int list_row_load(struct catalog *c, size_t i, struct list_row *w)
{
	struct routine r;
	struct plan p;
	if (cli_load_plan(c, c->v[i].id, &r, &p) != CLI_OK)
		return -1;
	char tags[256], gear[256];
	join_list(&r.tags, tags, sizeof tags);
	join_list(&r.equipment, gear, sizeof gear);
	int rc = list_row_make(c, i, r.name ? r.name : "", tags, gear, p.total_ms, w);
	plan_free(&p);
	routine_free(&r);
	return rc;
}

/* list --ids: the catalog's ids, overrides applied, no file read. */
static int list_ids(struct catalog *c)
{
	catalog_scan(c);   /* the names in the directories, no file opened */
	for (size_t i = 0; i < c->n; i++) {
		put_text(c->v[i].id, utf8_out_flags());
		putchar('\n');
	}
	return CLI_OK;
}

/* The rows kept for the next list, when any is new or gone. */
static void list_keep(const struct catalog *c, const char **libs,
		      const struct list_row *rows, size_t n)
{
	struct rcache_row *v = malloc((n + 1) * sizeof *v);
	struct rcache_id *ids = malloc((c->n_libs + 1) * sizeof *ids);
	for (size_t i = 0; v && i < n; i++) {
		v[i] = (struct rcache_row){ .path = rows[i].path, .name = rows[i].name,
					    .tags = rows[i].tags, .gear = rows[i].gear,
					    .total_ms = rows[i].total_ms,
					    .id_ok = rows[i].file.ok };
		memcpy(v[i].id, rows[i].file.v, sizeof v[i].id);
	}
	if (v && ids) {
		catalog_lib_ids(c, ids);
		rcache_rows_save(c->cache_dir, libs, c->n_libs, ids, v, n, clock_wall_s());
	}
	free(ids);
	free(v);
}

/* Each routine's row: kept from the last list when its file and the
 * libraries have not changed since, else loaded and planned. */
int cli_list(struct catalog *c, bool ids)
{
	if (ids)
		return list_ids(c);
	int status = CLI_OK;
	size_t n = 0, fresh = 0;
	catalog_scan(c);
	struct list_row *rows = calloc(c->n + 1, sizeof *rows);
	if (!rows) {
		diag_msg(DIAG_ERROR, "out of memory");
		return CLI_INVALID;
	}
	const char **libs = c->cache_dir ? catalog_lib_paths(c) : NULL;
	struct rcache_rows kept = { 0 };
	if (libs)
		rcache_rows_load(c->cache_dir, libs, c->n_libs, &kept);
	for (size_t i = 0; i < c->n; i++) {
		const struct rcache_row *k = rcache_rows_find(&kept, c->v[i].path);
		struct rcache_id file = { .ok = k != NULL };
		if (k)
			memcpy(file.v, k->id, sizeof file.v);
		else if (libs)   /* before it is read */
			file.ok = rcache_identity(c->v[i].path, file.v);
		fresh += !k;
		if ((k ? list_row_make(c, i, k->name, k->tags, k->gear, k->total_ms, &rows[n])
		       : list_row_load(c, i, &rows[n])) == 0)
			rows[n++].file = file;
		else
			status = CLI_INVALID;
	}
	if (libs && (fresh || kept.n != n))
		list_keep(c, libs, rows, n);
	rcache_rows_free(&kept);
	free(libs);
	list_print(rows, n);
	struct diags warn = { 0 };
	catalog_lib_warnings(c, &warn);
	diag_print(&warn, stderr);
	diag_free(&warn);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].tags);
		free(rows[i].gear);
	}
	free(rows);
	if (c->n == 0)
		diag_msg(DIAG_ERROR, "no routines found");
	return status;
}

/* Display widths of show's text columns: exercise, side, rep, phase. */
struct show_widths {
	int what, side, rep, cue;
};

/* "3/8", or with the exercise's rep_word "breath 3/10"; "-" for none. */
static const char *show_rep(const struct segment *g, char *buf, size_t size)
{
	if (!g->rep_n)
		return "-";
	if (g->exercise && g->exercise->rep_word.one)
		snprintf(buf, size, "%s %d/%d", g->exercise->rep_word.one, g->rep_i,
			 g->rep_n);
	else
		snprintf(buf, size, "%d/%d", g->rep_i, g->rep_n);
	return buf;
}

static const char *show_what(const struct segment *g)
{
	return g->exercise ? g->exercise->name : "Rest";
}

static const char *show_cue(const struct segment *g)
{
	return g->cue ? g->cue : (g->self_paced ? "(own pace)" : "-");
}

static int widest(int w, const char *s, unsigned fl)
{
	int k = utf8_widthn(s, strlen(s), fl);
	return k > w ? k : w;
}

static struct show_widths show_measure(const struct plan *p, unsigned fl)
{
	struct show_widths w = { 8, 4, 8, 5 };   /* the headings; rep's own */
	char rep[64];
	for (size_t i = 0; i < p->n; i++) {
		const struct segment *g = &p->seg[i];
		w.what = widest(w.what, show_what(g), fl);
		w.side = widest(w.side, g->side ? g->side : "-", fl);
		int rw = (int)strlen(show_rep(g, rep, sizeof rep)) + 1;
		w.rep = rw > w.rep ? rw : w.rep;
		w.cue = widest(w.cue, show_cue(g), fl);
	}
	w.what += 2;
	w.side += 2;
	w.cue += 2;
	return w;
}

static void show_segment(const struct plan *p, const struct segment *g,
			 const struct show_widths *w, unsigned fl)
{
	char start[DURATION_BUF], len[DURATION_BUF], set[16] = "-", rep[64];
	if (g->exercise)
		snprintf(set, sizeof set, "%d/%d", g->set_i, g->set_n);
	printf("%4zu/%-4zu %-10s %-8s ", (size_t)g->step + 1, p->routine->n_steps,
	       duration_format(g->start_ms, start, sizeof start),
	       plan_kind_name(g->kind));
	print_col(show_what(g), w->what, fl);
	print_col(g->side ? g->side : "-", w->side, fl);
	printf("%-6s %-*s ", set, w->rep, show_rep(g, rep, sizeof rep));
	print_col(show_cue(g), w->cue, fl);
	printf("%s\n", duration_format(g->len_ms, len, sizeof len));
}

int cli_show(struct catalog *c, const char *arg)
{
	struct routine r;
	struct plan p;
	if (cli_load_plan(c, arg, &r, &p) != CLI_OK)
		return CLI_INVALID;
	char total[DURATION_BUF];
	unsigned fl = utf8_out_flags();
	struct show_widths w = show_measure(&p, fl);
	put_text(r.name, fl);
	printf(" (");
	put_text(r.id, fl);
	printf("): %zu step%s, total %s\n", r.n_steps, r.n_steps == 1 ? "" : "s",
	       duration_format(p.total_ms, total, sizeof total));
	printf("%-9s %-10s %-8s ", "step", "start", "kind");
	print_col("exercise", w.what, fl);
	print_col("side", w.side, fl);
	printf("%-6s %-*s ", "set", w.rep, "rep");
	print_col("phase", w.cue, fl);
	printf("length\n");
	for (size_t i = 0; i < p.n; i++)
		show_segment(&p, &p.seg[i], &w, fl);
	printf("total %s\n", total);
	plan_free(&p);
	routine_free(&r);
	return CLI_OK;
}
