/*
 * render_label.c - label.html, the privacy label, a page family of
 * render.c's: per box (tracking, linked, not linked, sold) the
 * categories of data in use, grouped, with the purposes using them;
 * the built-in groups not collected; and a grid of categories by
 * purposes, or for many purposes a summary row per category.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

enum { LS_TRACK, LS_LINKED, LS_UNLINKED, LS_SOLD, LS__COUNT };
static const char *const ls_prefix[LS__COUNT] = {
	"TRACK", "LINKED", "UNLINKED", "SOLD"
};

/*
 * The label is one page people read, so it stays short at any size:
 * O(categories x a constant), never categories x purposes.
 *
 * LABEL_FOR_MAX: each category of a box names at most this many
 * purposes, then "and N more" links to the category's own page, which
 * lists every one. Ten links fill about two lines of a box on a phone;
 * the example organisation has at most 9 per category (staff), so its
 * label is unchanged.
 *
 * LABEL_GRID_MAX: the grid has one column per purpose up to this many
 * purposes (already a table that scrolls sideways); beyond it the
 * grid becomes one row per category with the legal bases relied on,
 * how many purposes use it and how long it is kept (at most
 * LABEL_RET_MAX periods, then "and N more" to the category page).
 */
enum { LABEL_FOR_MAX = 10, LABEL_GRID_MAX = 24, LABEL_RET_MAX = 3 };

struct label {
	struct catgroup	*rows;		/* categories in use, by group */
	size_t		 nrows;
	const struct purpose **cols;	/* purposes with visible data */
	size_t		 ncols;
	int		 grid;		/* ncols <= LABEL_GRID_MAX */
	struct hmap	 rowidx, colidx;	/* key/id -> index + 1 */
	struct pvec	*cells;		/* grid: rows x cols, retention texts */
	struct pvec	*rets;		/* summary: per row, retention texts */
	unsigned	*bases;		/* summary: per row, 1 << legal_basis */
	struct pvec	*sec[LS__COUNT + 1];	/* per row: purposes; the last
					 * is every purpose (summary) */
};

/* The index + 1 under key k of h, 0 when absent. */
static size_t
idx(const struct hmap *h, const char *k)
{
	return (size_t)(uintptr_t)hmap_get(h, k);	/* 0 = absent */
}

/*
 * pv_add for the label's lists, which get one element per entry and
 * purpose, mostly repeats (hundreds of thousands at N = 10,000, some
 * 10 MB of lists that only shrink at the final pv_uniq): a full list
 * drops its repeats before it grows, so it stays within twice its
 * distinct elements. The final pv_uniq gives the same list.
 */
static void
lb_add(struct pvec *p, const void *x, int (*cmp)(const void *, const void *))
{
	if (p->n == p->cap && p->n >= 64) {
		pv_uniq(p, cmp);
		if (p->n > p->cap / 2) {
			p->cap *= 2;
			p->v = xrealloc(p->v, p->cap * sizeof *p->v);
		}
	}
	pv_add(p, x);
}

/* What the label shows, in one pass over the data entries. */
static void
label_fill(struct rctx *rc, struct label *lb)
{
	const struct model *m = rc->m;
	size_t	 i, j, k, ri, ci;
	int	 s;

	memset(lb, 0, sizeof(*lb));
	lb->rows = xcalloc(rc->cats.n + 1, sizeof(*lb->rows));
	for (i = 0; i < rc->cats.n; i++) {
		lb->rows[i].c = rc->cats.v[i];
		lb->rows[i].g = category_group(lb->rows[i].c);
	}
	lb->nrows = rc->cats.n;
	if (lb->nrows > 1)
		qsort(lb->rows, lb->nrows, sizeof(*lb->rows), cmp_by_group);
	for (i = 0; i < lb->nrows; i++)
		hmap_put(&lb->rowidx, lb->rows[i].c->key,
		    (void *)(uintptr_t)(i + 1));
	lb->cols = xcalloc(m->npurposes + 1, sizeof(*lb->cols));
	for (i = 0; i < m->npurposes; i++) {
		const struct purpose *p = m->purposes[i];

		if (!purpose_visible(p, rc->aud))
			continue;
		for (j = 0; j < p->nuses; j++)
			if (entry_visible(p->uses[j], rc->aud))
				break;
		if (j == p->nuses)
			continue;
		lb->cols[lb->ncols++] = p;
		hmap_put(&lb->colidx, p->id, (void *)(uintptr_t)lb->ncols);
	}
	lb->grid = lb->ncols <= LABEL_GRID_MAX;
	if (lb->grid)
		lb->cells = xcalloc(lb->nrows * lb->ncols + 1,
		    sizeof(*lb->cells));
	else {
		lb->rets = xcalloc(lb->nrows + 1, sizeof(*lb->rets));
		lb->bases = xcalloc(lb->nrows + 1, sizeof(*lb->bases));
	}
	for (s = 0; s <= LS__COUNT; s++)
		lb->sec[s] = xcalloc(lb->nrows + 1, sizeof(*lb->sec[s]));
	for (i = 0; i < m->nsystems; i++) {
		const struct system *sy = m->systems[i];

		for (j = 0; j < sy->ndata; j++) {
			const struct data_entry *e = &sy->data[j];
			const struct category *cat = e->category.to;

			if (cat == NULL || !entry_visible(e, rc->aud) ||
			    (ri = idx(&lb->rowidx, cat->key)) == 0)
				continue;
			ri--;
			for (k = 0; k < e->purposes.n; k++) {
				const struct purpose *p = e->purposes.v[k].to;

				if (p == NULL || !purpose_visible(p, rc->aud) ||
				    (ci = idx(&lb->colidx, p->id)) == 0)
					continue;
				ci--;
				if (lb->grid)
					lb_add(&lb->cells[ri * lb->ncols + ci],
					    e->retention.text, cmp_str);
				else {
					lb_add(&lb->sec[LS__COUNT][ri], p,
					    cmp_purpose);
					if (e->retention.text != NULL)
						lb_add(&lb->rets[ri],
						    e->retention.text, cmp_str);
					lb->bases[ri] |= 1u << p->legal_basis;
				}
				if (e->tracking)
					lb_add(&lb->sec[LS_TRACK][ri], p,
					    cmp_purpose);
				lb_add(&lb->sec[e->linked ? LS_LINKED :
				    LS_UNLINKED][ri], p, cmp_purpose);
				if (e->sold)
					lb_add(&lb->sec[LS_SOLD][ri], p,
					    cmp_purpose);
			}
		}
	}
	if (lb->grid)
		for (i = 0; i < lb->nrows * lb->ncols; i++)
			pv_uniq(&lb->cells[i], cmp_str);
	else
		for (i = 0; i < lb->nrows; i++)
			pv_uniq(&lb->rets[i], cmp_str);
	for (s = 0; s <= LS__COUNT; s++)
		for (i = 0; i < lb->nrows; i++)
			pv_uniq(&lb->sec[s][i], cmp_purpose);
}

/* Frees what label_fill() made. */
static void
label_free(struct label *lb)
{
	size_t	 i;
	int	 s;

	if (lb->grid)
		for (i = 0; i < lb->nrows * lb->ncols; i++)
			pv_free(&lb->cells[i]);
	else
		for (i = 0; i < lb->nrows; i++)
			pv_free(&lb->rets[i]);
	for (s = 0; s <= LS__COUNT; s++) {
		for (i = 0; i < lb->nrows; i++)
			pv_free(&lb->sec[s][i]);
		free(lb->sec[s]);
	}
	free(lb->cells);
	free(lb->rets);
	free(lb->bases);
	free(lb->rows);
	free(lb->cols);
	hmap_free(&lb->rowidx);
	hmap_free(&lb->colidx);
}

/* "and N more", linking to the category's page, in section sec. */
static void
label_more(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct category *c, size_t n)
{
	struct tmpl_dict *s = tmpl_section(d, sec);

	tmpl_set_int(s, "N", (long long)n);
	set_href(rc, s, "HREF", "data/", c->key, ".html");
}

/* The row of category i in section rsec, under a new gsec (NAME) when
 * its group is not the one of the row before (*lastg, in *g). */
static struct tmpl_dict *
label_row(struct rctx *rc, struct tmpl_dict *c, const struct label *lb,
    size_t i, const char *gsec, const char *rsec,
    const struct category **lastg, struct tmpl_dict **g)
{
	struct tmpl_dict *s;

	if (lb->rows[i].g != *lastg) {
		*lastg = lb->rows[i].g;
		*g = tmpl_section(c, gsec);
		tmpl_set(*g, "NAME", (*lastg)->name);
	}
	s = tmpl_section(*g, rsec);
	tmpl_set(s, "NAME", lb->rows[i].c->name);
	set_href(rc, s, "HREF", "data/", lb->rows[i].c->key, ".html");
	return s;
}

/* One box of the label: PFX_GROUP (NAME, PFX_CAT (NAME HREF, PFX_FOR
 * purpose links, at most LABEL_FOR_MAX, then PFX_MORE (N HREF))) or
 * PFX_NONE. */
static void
label_box(struct rctx *rc, struct tmpl_dict *c, const struct label *lb,
    int sec)
{
	const struct category *lastg = NULL;
	struct tmpl_dict *g = NULL, *s;
	char	 gname[32], cname[32], fname[32], mname[32];
	size_t	 i, j, n = 0;

	snprintf(gname, sizeof(gname), "%s_GROUP", ls_prefix[sec]);
	snprintf(cname, sizeof(cname), "%s_CAT", ls_prefix[sec]);
	snprintf(fname, sizeof(fname), "%s_FOR", ls_prefix[sec]);
	snprintf(mname, sizeof(mname), "%s_MORE", ls_prefix[sec]);
	for (i = 0; i < lb->nrows; i++) {
		const struct pvec *pv = &lb->sec[sec][i];

		if (pv->n == 0)
			continue;
		n++;
		s = label_row(rc, c, lb, i, gname, cname, &lastg, &g);
		for (j = 0; j < pv->n && j < LABEL_FOR_MAX; j++)
			purpose_link(rc, s, fname, pv->v[j]);
		if (pv->n > LABEL_FOR_MAX)
			label_more(rc, s, mname, lb->rows[i].c,
			    pv->n - LABEL_FOR_MAX);
	}
	snprintf(gname, sizeof(gname), "%s_%s", ls_prefix[sec], n > 0 ?
	    "SOME" : "NONE");
	tmpl_show(c, gname);
}

/* The grid: categories x purposes, for a few purposes. */
static void
label_grid(struct rctx *rc, struct tmpl_dict *c, const struct label *lb)
{
	const struct category *lastg = NULL;
	struct tmpl_dict *s, *g = NULL, *x;
	size_t	 i, j, k;

	for (j = 0; j < lb->ncols; j++) {
		const struct purpose *p = lb->cols[j];

		s = tmpl_section(c, "COL");
		tmpl_set(s, "TITLE", p->title);
		set_href(rc, s, "HREF", "purposes/", p->id, ".html");
	}
	tmpl_set_int(c, "NCOLS", (long long)lb->ncols + 1);
	for (i = 0; i < lb->nrows; i++) {
		s = label_row(rc, c, lb, i, "GRID_GROUP", "GRID_ROW", &lastg,
		    &g);
		for (j = 0; j < lb->ncols; j++) {
			const struct pvec *pv = &lb->cells[i * lb->ncols + j];
			const struct purpose *p = lb->cols[j];

			x = tmpl_section(s, "CELL");
			if (pv->n == 0) {
				tmpl_show(x, "CELL_EMPTY");
				continue;
			}
			x = tmpl_section(x, "CELL_USED");
			tmpl_set(x, "BASIS", p->legal_basis > LB_NONE &&
			    p->legal_basis < LB__COUNT ?
			    vocab_legal_bases[p->legal_basis].label : "");
			tmpl_set(x, "PURPOSE", p->title);
			for (k = 0; k < pv->n; k++)
				set_cap(rc, tmpl_section(x, "CELL_RET"), "TEXT",
				    pv->v[k]);
		}
	}
	tmpl_show(c, lb->nrows > 0 && lb->ncols > 0 ? "HAS_GRID" : "NO_GRID");
}

/* Too many purposes for a grid: one row per category. SUM_GROUP(NAME,
 * SUM_ROW(NAME HREF NPURPOSES, SUM_BASIS(TEXT), SUM_RET(TEXT),
 * SUM_RET_MORE(N HREF))). */
static void
label_summary(struct rctx *rc, struct tmpl_dict *c, const struct label *lb)
{
	const struct category *lastg = NULL;
	struct tmpl_dict *s, *g = NULL;
	size_t	 i, k;
	int	 b;

	tmpl_set_int(c, "NPURPOSES", (long long)lb->ncols);
	for (i = 0; i < lb->nrows; i++) {
		const struct pvec *rv = &lb->rets[i];

		if (lb->sec[LS__COUNT][i].n == 0)
			continue;
		s = label_row(rc, c, lb, i, "SUM_GROUP", "SUM_ROW", &lastg, &g);
		tmpl_set_int(s, "NPURPOSES",
		    (long long)lb->sec[LS__COUNT][i].n);
		for (b = LB_NONE + 1; b < LB__COUNT; b++)
			if (lb->bases[i] & (1u << b))
				tmpl_set(tmpl_section(s, "SUM_BASIS"), "TEXT",
				    vocab_legal_bases[b].label);
		for (k = 0; k < rv->n && k < LABEL_RET_MAX; k++)
			set_cap(rc, tmpl_section(s, "SUM_RET"), "TEXT",
			    rv->v[k]);
		if (rv->n > LABEL_RET_MAX)
			label_more(rc, s, "SUM_RET_MORE", lb->rows[i].c,
			    rv->n - LABEL_RET_MAX);
	}
	tmpl_show(c, lb->nrows > 0 && lb->ncols > 0 ? "HAS_SUMMARY" :
	    "NO_GRID");
}

/* label.html */
static void
render_label(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s;
	struct label lb;
	size_t	 i, j, n;
	int	 sec;

	d = page_begin(rc, 0, "label", NULL, "Privacy label", "label.tpl", &c);
	label_fill(rc, &lb);
	for (sec = 0; sec < LS__COUNT; sec++)
		label_box(rc, c, &lb, sec);

	/* Not collected: the built-in groups of the "user" taxonomy with
	 * no visible data under them. Groups from categories.yaml are
	 * content, and one no visible data uses may be internal. */
	for (i = 0, n = 0; i < m->ncategories; i++) {
		const struct category *grp = m->categories[i];

		if (!grp->builtin || grp->parent == NULL ||
		    grp->parent->parent != NULL ||
		    strcmp(grp->parent->key, "user") != 0)
			continue;
		for (j = 0; j < lb.nrows; j++)
			if (lb.rows[j].g == grp)
				break;
		if (j < lb.nrows)
			continue;
		s = tmpl_section(c, "NC_GROUP");
		tmpl_set(s, "NAME", grp->name);
		n++;
	}
	tmpl_show(c, n > 0 ? "NC_SOME" : "NC_NONE");

	if (lb.grid) {
		tmpl_show(c, "GRID_INTRO");
		label_grid(rc, c, &lb);
	} else {
		tmpl_show(c, "SUM_INTRO");
		label_summary(rc, c, &lb);
	}
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	set_href(rc, c, "RECIPIENTS_HREF", "recipients.html", NULL, NULL);
	label_free(&lb);
	page_end(rc, d, "label.html", NULL, NULL);
}

/* --- the family --------------------------------------------------- */

const struct family family_label = {
	.name = "label",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "label.tpl", NULL },
	.nav = { "label", "label.html", "Privacy label", NULL },
	.cost = 110000,		/* the 5 gov pages: one job of 110 ms */
	.once = render_label
};
