/*
 * render_guard.c - the disclosure guard of content-format section 5, a
 * part of the render kit (it calls no page family; render_guard.h is
 * its interface to render_report.c).
 *
 * In the public build every byte of the report pages that is handed to
 * the writer - pages, CSV files, and the "reports" member of
 * inventory.json - is first scanned (sdc_scan) for a true count the
 * rules hide: a suppressed count, or the exact value behind a rounded
 * figure. A hit is a content error at the output path and position;
 * the render fails (render_site, or render_end on threads), so the
 * build stops before wr_commit and nothing is written.
 * It guards against the theme (a template can print anything, a figure
 * copied from the staff wiki included) and against this code. Numbers
 * the page shows on purpose (published figures, the rules' thresholds,
 * period years, numbers in the public text around the figures) are
 * allowed; disclose.h says which digits the scan reads as numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "render_guard.h"
#include "json.h"
#include "write.h"

/* --- small helpers --- */

/* render_guard.h */
const char *
fig_text(struct rrun *rr, const struct rview *v, size_t i, size_t j)
{
	buf_reset(&rr->b);
	sdc_text(&rr->b, sdc_at(&v->t, i, j), &v->rules, SDC_GROUPED);
	return arena_strdup(&rr->rc->scratch, rr->b.ptr);
}

/* 1-based line and column of data[off]. */
static void
line_col(const char *data, size_t off, int *line, int *col)
{
	size_t	 p;

	*line = 1;
	*col = 1;
	for (p = 0; p < off; p++) {
		if (data[p] == '\n')
			(*line)++, *col = 1;
		else if (((unsigned char)data[p] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* --- the guard --- */

/* Allow the numbers of public text shown around the figures. */
static void
allow_text(struct sdc_guard *g, const char *s)
{
	sdc_guard_allow_text(g, s);
}

/* An id that is a number ("2024") is printed as one. */
static void
allow_id(struct sdc_guard *g, const char *id)
{
	if (*id != '\0' && id[strspn(id, "0123456789")] == '\0')
		allow_text(g, id);
}

/* Sums of the true counts, as sdc_table_make() makes them. */
static long long
truth(const struct rview *v, size_t i, size_t j)
{
	size_t	 R = v->r->nperiods, C = v->ngroups, a, b;
	long long s = 0, x;

	for (a = (i == R ? 0 : i); a < (i == R ? R : i + 1); a++)
		for (b = (j == C ? 0 : j); b < (j == C ? C : j + 1); b++) {
			x = v->counts[a * C + b];
			if (x <= 0)
				continue;
			s = s > SDC_MAX - x ? SDC_MAX : s + x;
		}
	return s;
}

/* The figures of view v into the guard of every series and into own,
 * its own; the text around them allowed. */
static void
guard_view(struct rrun *rr, const struct rview *v, struct sdc_guard *own)
{
	struct arena *A = &rr->rc->scratch;
	const struct report *r = v->r;
	const struct site *st = &rr->rc->m->site;
	size_t	 i, j;

	for (i = 0; i <= r->nperiods; i++)
		for (j = 0; j <= v->ngroups; j++) {
			const struct sdc_fig *f = sdc_at(&v->t, i, j);
			const char *what, *shown = fig_text(rr, v, i, j);

			if (f->state == SDC_MISSING)
				continue;
			if (i < r->nperiods && j < v->ngroups)
				what = arena_printf(A, "the count for '%s' in %s",
				    v->groups[j], r->periods[i].label);
			else if (i < r->nperiods)
				what = arena_printf(A, "the total for %s",
				    r->periods[i].label);
			else if (j < v->ngroups)
				what = arena_printf(A, "the total for '%s'",
				    v->groups[j]);
			else
				what = "the grand total";
			what = arena_printf(A, "%s of report '%s', published as "
			    "'%s'", what, r->id, shown);
			sdc_guard_fig(&rr->guard, truth(v, i, j), f, what);
			sdc_guard_fig(own, truth(v, i, j), f, what);
		}
	/* Years are printed on their own ("2025", "Q3 2025"); the rest of
	 * a period label, and digits inside ids ("team-7"), the scan skips
	 * anyway, so only ids that are all digits need allowing. */
	for (i = 0; i < r->nperiods; i++)
		sdc_guard_allow(&rr->guard, r->periods[i].year);
	for (j = 0; j < v->ngroups; j++)
		allow_id(&rr->guard, v->groups[j]);
	allow_id(&rr->guard, r->id);
	allow_text(&rr->guard, r->title);
	allow_text(&rr->guard, r->measure);
	allow_text(&rr->guard, r->by);
	if (r->decision != NULL)
		allow_text(&rr->guard, r->decision->public_summary);
	sdc_guard_allow(&rr->guard, st->min_count);
	sdc_guard_allow(&rr->guard, st->round_to);
}

/* render_guard.h */
void
guard_build(struct rrun *rr)
{
	const struct rctx *rc = rr->rc;
	const struct site *st = &rc->m->site;
	size_t	 i;

	sdc_guard_init(&rr->guard);
	rr->own = xcalloc(rr->n + 1, sizeof(*rr->own));
	for (i = 0; i < rr->n; i++) {
		sdc_guard_init(&rr->own[i]);
		guard_view(rr, &rr->v[i], &rr->own[i]);
		sdc_guard_seal(&rr->own[i]);
	}
	/* what a header or footer may show on every page */
	allow_text(&rr->guard, st->title);
	allow_text(&rr->guard, st->name);
	allow_text(&rr->guard, st->legal_name);
	allow_text(&rr->guard, st->address);
	allow_text(&rr->guard, st->email);
	allow_text(&rr->guard, st->phone);
	allow_text(&rr->guard, st->dpo.email);
	allow_text(&rr->guard, st->dpo.phone);
	for (i = 0; i < rc->nnav; i++)
		allow_text(&rr->guard, rc->nav[i].label);
	sdc_guard_seal(&rr->guard);
	rr->guarded = 1;
}

/* A hit: a content error at the output file, nothing written. */
static void
leak(struct rrun *rr, const char *rel, int line, int col,
    const struct sdc_secret *s)
{
	struct rctx *rc = rr->rc;
	struct pos p;

	p.file = arena_printf(&rc->scratch, "%s/%s%s", wr_dir(rc->w),
	    rc->prefix, rel);
	p.line = line;
	p.col = col;
	gh_error(p, "undisclosed figure '%lld' (%s): the disclosure rules "
	    "hide it, but the theme's templates or the renderer printed "
	    "it; nothing was written", s->value, s->what);
	rc->err = -1;
}

/* render_guard.h: hand a file to the writer, after the guard has
 * read it. */
void
guard_emit(struct rrun *rr, const char *rel, const char *data, size_t len,
    enum sdc_scan_mode mode, const struct sdc_guard *own)
{
	const struct sdc_secret *s;
	struct sdc_hit h;

	if (rr->guarded && sdc_scan(&rr->guard, data, len, mode, &h)) {
		/* say whose figure it is as the file's own series would */
		if (own == NULL ||
		    (s = sdc_guard_find(own, h.secret->value)) == NULL)
			s = h.secret;
		leak(rr, rel, h.line, h.col, s);
		return;
	}
	emit_raw(rr->rc, rel, data, len);
}

/* render_guard.h: page_end() with the guard in between; own: the
 * guard of the page's series (NULL for an index). */
void
guard_emit_page(struct rrun *rr, struct tmpl_dict *d, const char *rel,
    const struct sdc_guard *own)
{
	struct buf err = BUF_INIT;

	buf_reset(&rr->out);
	if (tmpl_expand_err(theme_tpl("layout.tpl")->path, d, &rr->out,
	    &err) == -1) {
		gh_fatal_msg("%s%s: cannot expand the page templates: %s",
		    rr->rc->prefix, rel, err.ptr);
		rr->rc->err = -1;
	} else
		guard_emit(rr, rel, rr->out.ptr, rr->out.len, SDC_SCAN_HTML,
		    own);
	tmpl_dict_free(d);
	buf_free(&err);
}

/* The "reports" member of inventory.json (what json.c puts there); on a
 * hit, the whole file is made again to point at the line. */
static void
guard_json(struct rrun *rr)
{
	const struct rctx *rc = rr->rc;
	struct buf frag = BUF_INIT, full = BUF_INIT;
	struct sdc_hit h;
	const char *at;
	int	 line = 0, col = 0;

	json_reports(rc->m, rc->aud, &frag, 1);
	if (sdc_scan(&rr->guard, frag.ptr, frag.len, SDC_SCAN_TEXT, &h)) {
		json_inventory(rc->m, rc->aud, &full);
		if ((at = strstr(full.ptr, frag.ptr)) != NULL)
			line_col(full.ptr, (size_t)(at - full.ptr) + h.off,
			    &line, &col);
		leak(rr, "inventory.json", line, col, h.secret);
	}
	buf_free(&frag);
	buf_free(&full);
}

/* render_guard.h */
void
guard_end(struct rrun *rr)
{
	size_t	 i;

	if (!rr->guarded)
		return;
	guard_json(rr);
	sdc_guard_free(&rr->guard);
	for (i = 0; i < rr->n; i++)
		sdc_guard_free(&rr->own[i]);
	free(rr->own);
}
