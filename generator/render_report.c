/*
 * render_report.c - the pages of report series (content-format
 * section 4), for both audiences, a page family of render.c's:
 *
 *   reports/index.html  every report series of the audience
 *   reports/<id>.html   a bar chart of the period totals, the table
 *   reports/<id>.csv    the same table (report.c)
 *   access/index.html   staff: every kind: access series, highlights
 *   access/<id>.html    staff: per group the latest period, the change
 *                       against the previous one and a sparkline; the
 *                       groups that opened fewer records, celebrated
 *
 * Every figure comes from rview_make() (report.h): disclosed in the
 * public build, exact for staff; charts get only those figures. Every
 * file goes out through the disclosure guard (render_guard.c), which in
 * the public build fails the render on a true count the rules hide.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"
#include "chart.h"
#include "render_guard.h"
#include "report.h"

/* --- small helpers --- */

/* A period's label, in the scratch arena. */
static const char *
plabel(struct rrun *rr, const struct period *p)
{
	char	 tmp[48];

	return arena_strdup(&rr->rc->scratch, period_label(p, tmp, sizeof tmp));
}

/* A group id as words, in the scratch arena. */
static const char *
glabel(struct rrun *rr, const char *group)
{
	char	 tmp[ID_MAX + 1];

	return arena_strdup(&rr->rc->scratch,
	    group_label(group, tmp, sizeof tmp));
}

/* "Q1 2025 to Q3 2026" (or the one period). */
static const char *
range_text(struct rrun *rr, const struct report *r)
{
	char	 a[48], b[48];

	if (r->nperiods == 0)
		return "no periods";
	period_label(&r->periods[0], a, sizeof a);
	if (r->nperiods == 1)
		return arena_strdup(&rr->rc->scratch, a);
	period_label(&r->periods[r->nperiods - 1], b, sizeof b);
	return arena_printf(&rr->rc->scratch, "%s to %s", a, b);
}

/* Whether the report counts by word ("team", "person"). */
static int
is_by(const struct report *r, const char *word)
{
	return r->by != NULL && strcmp(r->by, word) == 0;
}

/* --- tables and charts --- */

/*
 * The table include (report_table.tpl) of view v; pub: for staff, the
 * public figures of the same series (a cell the public site hides says
 * so), else NULL.
 */
static void
fill_table(struct rrun *rr, struct tmpl_dict *c, const struct rview *v,
    const struct rview *pub)
{
	const struct report *r = v->r;
	struct tmpl_dict *t, *row, *cell;
	size_t	 i, j;

	t = tmpl_include(c, "TABLE", theme_tpl("report_table.tpl")->path);
	tmpl_set(t, "TABLE_ID", arena_printf(&rr->rc->scratch, "t-%s", r->id));
	buf_reset(&rr->b);
	buf_printf(&rr->b, "%s by %s and %s", r->measure != NULL ? r->measure :
	    "counts", r->by != NULL ? r->by : "group",
	    granularity_word(r->granularity));
	set_cap(rr->rc, t, "CAPTION", rr->b.ptr);
	set_cap(rr->rc, t, "PERIOD_HEAD", granularity_word(r->granularity));
	for (j = 0; j < v->ngroups; j++)
		tmpl_set(tmpl_section(t, "GROUP_HEAD"), "NAME",
		    glabel(rr, v->groups[j]));
	for (i = 0; i <= r->nperiods; i++) {
		if (i < r->nperiods) {
			row = tmpl_section(t, "ROW");
			tmpl_set(row, "PERIOD", plabel(rr, &r->periods[i]));
		} else {
			row = tmpl_section(t, "FOOT");
			tmpl_set(row, "LABEL", "All periods");
		}
		for (j = 0; j <= v->ngroups; j++) {
			const struct sdc_fig *f = sdc_at(&v->t, i, j);
			const char *txt = fig_text(rr, v, i, j);

			cell = tmpl_section(row, "CELL");
			tmpl_set(cell, "TEXT", txt);
			if (j == v->ngroups)
				tmpl_show(cell, "C_TOTAL");
			if (f->state == SDC_SMALL || f->state == SDC_WITHHELD)
				tmpl_show(cell, "C_HIDDEN");
			else if (f->state == SDC_MISSING)
				tmpl_show(cell, "C_MISSING");
			/* staff: where the public site hides the figure */
			if (pub != NULL && (sdc_at(&pub->t, i, j)->state ==
			    SDC_SMALL || sdc_at(&pub->t, i, j)->state ==
			    SDC_WITHHELD))
				set_opt(cell, "C_PUB", "PUB",
				    fig_text(rr, pub, i, j));
		}
	}
}

/* The bar chart of the period totals. */
static void
fill_chart(struct rrun *rr, struct tmpl_dict *c, const struct rview *v)
{
	const struct report *r = v->r;
	struct chart_point *pts;
	const char *per = granularity_word(r->granularity), *title, *intro;
	size_t	 i;

	pts = xcalloc(r->nperiods + 1, sizeof(*pts));
	for (i = 0; i < r->nperiods; i++) {
		pts[i].label = plabel(rr, &r->periods[i]);
		pts[i].fig = *sdc_at(&v->t, i, v->ngroups);
		pts[i].text = fig_text(rr, v, i, v->ngroups);
	}
	title = arena_printf(&rr->rc->scratch, "%s: total per %s", r->title,
	    per);
	buf_reset(&rr->b);
	buf_puts(&rr->b, r->measure != NULL ? r->measure : "counts");
	if (rr->b.len > 0 && rr->b.ptr[0] >= 'a' && rr->b.ptr[0] <= 'z')
		rr->b.ptr[0] -= 'a' - 'A';
	buf_printf(&rr->b, " per %s, all together.", per);
	intro = arena_strdup(&rr->rc->scratch, rr->b.ptr);
	buf_reset(&rr->out);
	chart_bars(&rr->out, arena_printf(&rr->rc->scratch, "chart-%s",
	    r->id), title, intro, pts, r->nperiods);
	tmpl_setn(c, "CHART", rr->out.ptr, rr->out.len);
	tmpl_set(c, "CHART_CAPTION", arena_printf(&rr->rc->scratch,
	    "Total %s per %s.", r->measure != NULL ? r->measure : "", per));
	free(pts);
}

/* --- report pages --- */

/* reports/<id>.html and reports/<id>.csv of view v; own: the guard of
 * its series (NULL for staff). */
static void
render_report_page(struct rrun *rr, const struct rview *v,
    const struct sdc_guard *own)
{
	struct rctx *rc = rr->rc;
	const struct report *r = v->r;
	struct tmpl_dict *d, *c, *s;
	struct rview pub;
	int	 have_pub = 0;

	d = page_begin(rc, 1, NULL, "reports", r->title, "report.tpl", &c);
	tmpl_set(c, "TITLE", r->title);
	set_cap(rc, c, "MEASURE_CAP", r->measure);
	tmpl_set(c, "BY", r->by != NULL ? r->by : "group");
	tmpl_set(c, "PER", granularity_word(r->granularity));
	tmpl_set(c, "RANGE", range_text(rr, r));
	set_href(rc, c, "INDEX_HREF", "reports/index.html", NULL, NULL);
	set_href(rc, c, "CSV_HREF", "reports/", r->id, ".csv");
	if (!rc->staff) {
		s = tmpl_section(c, "RULES");
		set_fmt(rc, s, "MIN_COUNT", "%lld", v->rules.min_count);
		if (v->rules.round_to > 1)
			set_fmt(rc, tmpl_section(s, "ROUNDED"), "ROUND_TO", "%lld",
			    v->rules.round_to);
		if (v->t.nwithheld > 0)
			tmpl_show(s, "WITHHELD");
	} else {
		s = tmpl_section(c, "EXACT");
		if (r->audience == AUD_PUBLIC) {
			struct tmpl_dict *pv = tmpl_section(s, "PUBLIC_VERSION");
			if (rc->m->site.round_to > 1)
				set_fmt(rc, tmpl_section(pv, "P_ROUNDED"),
				    "ROUND_TO", "%d", rc->m->site.round_to);
			rview_make(&pub, r, &rc->m->site, AUD_PUBLIC);
			have_pub = 1;
		}
		if (r->kind == RK_ACCESS)
			set_href(rc, tmpl_section(s, "ACCESS_LINK"), "HREF",
			    "access/", r->id, ".html");
	}
	fill_chart(rr, c, v);
	fill_table(rr, c, v, have_pub ? &pub : NULL);
	add_decision(rc, c, r->decision);
	add_notes(rc, c, &r->internal, 2);
	guard_emit_page(rr, d, arena_printf(&rc->scratch, "reports/%s.html",
	    r->id), own);
	if (have_pub)
		rview_free(&pub);

	buf_reset(&rr->out);
	csv_report(v, &rr->out);
	guard_emit(rr, arena_printf(&rc->scratch, "reports/%s.csv", r->id),
	    rr->out.ptr, rr->out.len, SDC_SCAN_CSV, own);
}

/* reports/index.html */
static void
render_reports_index(struct rrun *rr)
{
	struct rctx *rc = rr->rc;
	const struct site *st = &rc->m->site;
	struct tmpl_dict *d, *c, *s;
	size_t	 i;

	d = page_begin(rc, 1, "reports", NULL, "Reports", "reports.tpl", &c);
	if (!rc->staff) {
		s = tmpl_section(c, "RULES");
		set_fmt(rc, s, "MIN_COUNT", "%d", st->min_count);
		if (st->round_to > 1)
			set_fmt(rc, tmpl_section(s, "ROUNDED"), "ROUND_TO", "%d",
			    st->round_to);
	} else if (rr->naccess > 0)
		set_href(rc, tmpl_section(c, "ACCESS_INDEX"), "HREF",
		    "access/index.html", NULL, NULL);
	for (i = 0; i < rr->n; i++) {
		const struct report *r = rr->v[i].r;

		s = tmpl_section(c, "REPORT");
		tmpl_set(s, "TITLE", r->title);
		set_href(rc, s, "HREF", "reports/", r->id, ".html");
		set_href(rc, s, "CSV_HREF", "reports/", r->id, ".csv");
		set_cap(rc, s, "MEASURE", r->measure);
		tmpl_set(s, "BY", r->by != NULL ? r->by : "group");
		tmpl_set(s, "PER", granularity_word(r->granularity));
		tmpl_set(s, "RANGE", range_text(rr, r));
		if (rc->staff) {
			tmpl_set(tmpl_section(s, "R_STAFF"), "AUDIENCE",
			    r->audience == AUD_PUBLIC ? "public" : "internal");
			if (r->kind == RK_ACCESS)
				set_href(rc, tmpl_section(s, "R_ACCESS"),
				    "ACCESS_HREF", "access/", r->id, ".html");
		}
	}
	tmpl_show(c, rr->n == 0 ? "NONE" : "HAS_REPORTS");
	guard_emit_page(rr, d, "reports/index.html", NULL);
}

/* --- access pages (staff) --- */

/* What a group's figure did from the previous period to the latest. */
struct trend {
	size_t		 j;		/* group, or ngroups for the total */
	int		 both;		/* both periods have a figure */
	long long	 now, before;
};

/* The trend of group j (or the total) over the last two periods. */
static struct trend
trend_of(const struct rview *v, size_t j)
{
	const struct report *r = v->r;
	struct trend t = { j, 0, 0, 0 };
	const struct sdc_fig *a, *b;

	if (r->nperiods < 2)
		return t;
	a = sdc_at(&v->t, r->nperiods - 1, j);
	b = sdc_at(&v->t, r->nperiods - 2, j);
	if (a->state != SDC_SHOWN || b->state != SDC_SHOWN)
		return t;
	t.both = 1;
	t.now = a->value;
	t.before = b->value;
	return t;
}

/* Percentage less, rounded half up; 0 when not meaningful. */
static long long
pct_less(const struct trend *t)
{
	long long before = t->before, d = t->before - t->now;

	if (before <= 0 || d <= 0)
		return 0;
	while (before > (1LL << 50)) {	/* keep d * 200 in range */
		before >>= 1;
		d >>= 1;
	}
	return before > 0 ? (d * 200 + before) / (2 * before) : 0;
}

/* Most improved first: by percentage, then by how many, then order. */
static int
cmp_trend(const void *pa, const void *pb)
{
	const struct trend *a = pa, *b = pb;
	long long pa_ = pct_less(a), pb_ = pct_less(b);

	if (pa_ != pb_)
		return pa_ > pb_ ? -1 : 1;
	if (a->before - a->now != b->before - b->now)
		return a->before - a->now > b->before - b->now ? -1 : 1;
	return (a->j > b->j) - (a->j < b->j);
}

/* The groups that opened fewer than in the previous period, sorted.
 * Returns how many (the caller frees *out). */
static size_t
less_access(const struct rview *v, struct trend **out)
{
	size_t	 j, n = 0;

	*out = xcalloc(v->ngroups + 1, sizeof(**out));
	for (j = 0; j < v->ngroups; j++) {
		struct trend t = trend_of(v, j);
		if (t.both && t.now < t.before)
			(*out)[n++] = t;
	}
	if (n > 1)
		qsort(*out, n, sizeof(**out), cmp_trend);
	return n;
}

/* Who the groups are, in the plural. */
static const char *
who_word(const struct report *r)
{
	if (is_by(r, "team"))
		return "teams";
	if (is_by(r, "person"))
		return "people";
	return "groups";
}

/* A number as grouped digits, in the scratch arena. */
static const char *
num_text(struct rrun *rr, long long v)
{
	buf_reset(&rr->b);
	sdc_num(&rr->b, v, SDC_GROUPED);
	return arena_strdup(&rr->rc->scratch, rr->b.ptr);
}

/* CHANGE and CH_CLASS of group j (or the total) into d. */
static void
set_change(struct rrun *rr, struct tmpl_dict *d, const struct rview *v,
    size_t j)
{
	const struct report *r = v->r;
	const struct sdc_fig *a = sdc_at(&v->t, r->nperiods - 1, j);
	const struct sdc_fig *b = sdc_at(&v->t, r->nperiods - 2, j);
	struct trend t = trend_of(v, j);

	if (!t.both) {
		tmpl_set(d, "CHANGE", a->state == SDC_MISSING ? "not counted" :
		    b->state == SDC_MISSING ? "new" : "");
		tmpl_set(d, "CH_CLASS", "new");
	} else if (t.now < t.before) {
		tmpl_set(d, "CHANGE", arena_printf(&rr->rc->scratch, "down %s",
		    num_text(rr, t.before - t.now)));
		tmpl_set(d, "CH_CLASS", "down");
	} else if (t.now > t.before) {
		tmpl_set(d, "CHANGE", arena_printf(&rr->rc->scratch, "up %s",
		    num_text(rr, t.now - t.before)));
		tmpl_set(d, "CH_CLASS", "up");
	} else {
		tmpl_set(d, "CHANGE", "no change");
		tmpl_set(d, "CH_CLASS", "same");
	}
}

/* access/<id>.html (staff) */
static void
render_access_page(struct rrun *rr, const struct rview *v)
{
	struct rctx *rc = rr->rc;
	const struct report *r = v->r;
	struct tmpl_dict *d, *c, *s, *x;
	struct chart_point *pts;
	struct trend *hl;
	size_t	 i, j, nhl, L = r->nperiods - 1;
	const char *latest, *previous = NULL;

	d = page_begin(rc, 1, NULL, "access", r->title, "access.tpl", &c);
	latest = plabel(rr, &r->periods[L]);
	tmpl_set(c, "TITLE", r->title);
	set_cap(rc, c, "MEASURE_CAP", r->measure);
	tmpl_set(c, "BY", r->by != NULL ? r->by : "group");
	set_cap(rc, c, "BY_CAP", r->by != NULL ? r->by : "group");
	tmpl_set(c, "WHO", who_word(r));
	tmpl_set(c, "PER", granularity_word(r->granularity));
	tmpl_set(c, "RANGE", range_text(rr, r));
	tmpl_set(c, "LATEST", latest);
	set_href(rc, c, "INDEX_HREF", "access/index.html", NULL, NULL);
	set_href(rc, c, "REPORT_HREF", "reports/", r->id, ".html");
	set_href(rc, c, "CSV_HREF", "reports/", r->id, ".csv");
	if (r->nperiods > 1) {
		previous = plabel(rr, &r->periods[L - 1]);
		tmpl_set(tmpl_section(c, "PREV"), "PREVIOUS", previous);
		tmpl_set(c, "PREVIOUS", previous);
	}

	/* the highlights: fewer records than in the previous period */
	nhl = less_access(v, &hl);
	if (r->nperiods < 2)
		tmpl_show(c, "SINGLE");
	else if (nhl == 0)
		tmpl_show(c, "NO_HL");
	else {
		s = tmpl_section(c, "HL_INTRO");
		for (i = 0; i < nhl; i++) {
			long long p = pct_less(&hl[i]);

			x = tmpl_section(s, "HL");
			tmpl_set(x, "NAME", glabel(rr, v->groups[hl[i].j]));
			tmpl_set(x, "LESS", num_text(rr, hl[i].before -
			    hl[i].now));
			tmpl_set(x, "FROM", num_text(rr, hl[i].before));
			tmpl_set(x, "TO", num_text(rr, hl[i].now));
			if (p > 0)
				set_opt(x, "HL_PCT", "PCT", arena_printf(
				    &rc->scratch, "%lld%%", p));
		}
	}
	free(hl);

	/* per group: sparkline, latest, previous, change */
	pts = xcalloc(r->nperiods + 1, sizeof(*pts));
	for (j = 0; j <= v->ngroups; j++) {
		if (j < v->ngroups) {
			s = tmpl_section(c, "TEAM");
			tmpl_set(s, "NAME", glabel(rr, v->groups[j]));
			for (i = 0; i < r->nperiods; i++) {
				pts[i].label = plabel(rr, &r->periods[i]);
				pts[i].fig = *sdc_at(&v->t, i, j);
				pts[i].text = fig_text(rr, v, i, j);
			}
			buf_reset(&rr->out);
			chart_spark(&rr->out, arena_printf(&rc->scratch,
			    "spark-%s-%zu", r->id, j), arena_printf(
			    &rc->scratch, "%s: %s per %s, %s", glabel(rr,
			    v->groups[j]), r->measure != NULL ? r->measure :
			    "counts", granularity_word(
			    r->granularity), range_text(rr, r)), pts,
			    r->nperiods);
			tmpl_setn(s, "SPARK", rr->out.ptr, rr->out.len);
		} else
			s = tmpl_section(c, "TEAM_TOTAL");
		tmpl_set(s, "NOW", fig_text(rr, v, L, j));
		if (r->nperiods > 1) {
			tmpl_show(s, "T_PREV");
			tmpl_set(s, "BEFORE", fig_text(rr, v, L - 1, j));
			set_change(rr, s, v, j);
		}
	}
	free(pts);

	fill_chart(rr, c, v);
	fill_table(rr, c, v, NULL);
	add_decision(rc, c, r->decision);
	add_notes(rc, c, &r->internal, 2);
	guard_emit_page(rr, d, arena_printf(&rc->scratch, "access/%s.html",
	    r->id), NULL);
}

/* access/index.html (staff) */
static void
render_access_index(struct rrun *rr)
{
	struct rctx *rc = rr->rc;
	struct tmpl_dict *d, *c, *s, *x;
	struct trend *hl;
	size_t	 i, k, nhl;

	d = page_begin(rc, 1, "access", NULL, "Access to personal records",
	    "access_index.tpl", &c);
	set_href(rc, c, "REPORTS_HREF", "reports/index.html", NULL, NULL);
	for (i = 0; i < rr->n; i++) {
		const struct rview *v = &rr->v[i];
		const struct report *r = v->r;
		size_t L = r->nperiods - 1;

		if (r->kind != RK_ACCESS || r->nperiods == 0)
			continue;
		s = tmpl_section(c, "SERIES");
		tmpl_set(s, "ID", r->id);
		tmpl_set(s, "TITLE", r->title);
		set_href(rc, s, "HREF", "access/", r->id, ".html");
		set_href(rc, s, "REPORT_HREF", "reports/", r->id, ".html");
		buf_reset(&rr->b);
		buf_printf(&rr->b, "%s: ", plabel(rr, &r->periods[L]));
		sdc_text(&rr->b, sdc_at(&v->t, L, v->ngroups), &v->rules,
		    SDC_GROUPED);
		buf_printf(&rr->b, " %s in all", r->measure != NULL ?
		    r->measure : "counted");
		nhl = less_access(v, &hl);
		if (r->nperiods > 1) {
			buf_puts(&rr->b, " (");
			sdc_text(&rr->b, sdc_at(&v->t, L - 1, v->ngroups),
			    &v->rules, SDC_GROUPED);
			buf_printf(&rr->b, " in %s). ", plabel(rr,
			    &r->periods[L - 1]));
			if (nhl == 0)
				buf_printf(&rr->b, "None of the %zu %s opened "
				    "fewer than the period before.",
				    v->ngroups, who_word(r));
			else
				buf_printf(&rr->b, "%zu of %zu %s opened fewer "
				    "than the period before:", nhl, v->ngroups,
				    who_word(r));
		} else
			buf_puts(&rr->b, ".");
		tmpl_set(s, "SUMMARY", rr->b.ptr);
		if (nhl > 0) {
			x = tmpl_section(s, "S_HL_LIST");
			for (k = 0; k < nhl; k++) {
				struct tmpl_dict *y = tmpl_section(x, "S_HL");
				tmpl_set(y, "NAME", glabel(rr,
				    v->groups[hl[k].j]));
				tmpl_set(y, "LESS", num_text(rr,
				    hl[k].before - hl[k].now));
			}
		}
		free(hl);
	}
	if (rr->naccess == 0)
		tmpl_show(c, "NONE");
	guard_emit_page(rr, d, "access/index.html", NULL);
}

/* --- the family --- */

/* The header's entries (public: "Reports" when a public report exists;
 * staff: "Reports" and "Access"), written to nav unless it is NULL.
 * Returns how many. */
static size_t
report_nav(struct rctx *rc, struct navitem *nav)
{
	const struct model *m = rc->m;
	size_t	 i, n = 0, any = 0, access = 0;

	for (i = 0; i < m->nreports; i++)
		if (report_visible(m->reports[i], rc->aud)) {
			any++;
			if (m->reports[i]->kind == RK_ACCESS)
				access++;
		}
	if (any > 0) {
		if (nav != NULL)
			nav[n] = (struct navitem){ "reports",
			    "reports/index.html", "Reports", NULL };
		n++;
	}
	if (rc->staff && access > 0) {
		if (nav != NULL)
			nav[n] = (struct navitem){ "access",
			    "access/index.html", "Access", NULL };
		n++;
	}
	return n;
}

/* Every report and access page of the audience, through the guard in
 * the public build. */
static void
render_reports(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct rrun rr;
	size_t	 i;

	memset(&rr, 0, sizeof(rr));
	rr.rc = rc;
	buf_init(&rr.out);
	buf_init(&rr.b);
	rr.v = xcalloc(m->nreports + 1, sizeof(*rr.v));
	for (i = 0; i < m->nreports; i++) {
		const struct report *r = m->reports[i];

		if (!report_visible(r, rc->aud))
			continue;
		rview_make(&rr.v[rr.n++], r, &m->site, rc->aud);
		if (r->kind == RK_ACCESS && r->nperiods > 0)
			rr.naccess++;
	}
	if (!rc->staff)
		guard_build(&rr);
	if (rr.n > 0) {
		render_reports_index(&rr);
		/* every page even after a leak: one run shows them all */
		for (i = 0; i < rr.n; i++)
			render_report_page(&rr, &rr.v[i], rr.guarded ?
			    &rr.own[i] : NULL);
	}
	if (rc->staff && rr.naccess > 0) {
		render_access_index(&rr);
		for (i = 0; i < rr.n; i++)
			if (rr.v[i].r->kind == RK_ACCESS &&
			    rr.v[i].r->nperiods > 0)
				render_access_page(&rr, &rr.v[i]);
	}
	guard_end(&rr);
	for (i = 0; i < rr.n; i++)
		rview_free(&rr.v[i]);
	free(rr.v);
	buf_free(&rr.out);
	buf_free(&rr.b);
}

/* It runs even after another job failed: the guard names every leak
 * in one run. */
const struct family family_reports = {
	.name = "reports",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "reports.tpl", "report.tpl",
	    "report_table.tpl", "access_index.tpl", "access.tpl", NULL },
	.nav_fn = report_nav,
	.finish_after_error = 1,
	.once = render_reports
};
