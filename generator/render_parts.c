/*
 * render_parts.c - what several page families show alike: a data
 * entry's source in plain words (source_text), the processor that
 * receives an entry through the system it runs (entry_vendor), and the
 * ENTRY rows of a data table (entry_rows_*), which the category,
 * purpose and system pages fill lazily, one row's dictionary at a
 * time. Built on the kit; calls no page family.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/* --- where data comes from and goes ------------------------------- */

/* Where a data entry comes from, in plain words. */
const char *
source_text(struct rctx *rc, const struct data_entry *e)
{
	const struct recipient *r;

	switch (e->source) {
	case SRC_OBSERVED:
		return "Collected automatically when you use our services";
	case SRC_RECIPIENT:
		r = e->source_ref.to;
		if (r != NULL && recipient_visible(r, rc->aud)) {
			long ri = recipient_index(rc, r);
			if (ri >= 0)
				return rc->from[ri];
		}
		return "From another organisation";
	case SRC_YOU:
	default:
		return "From you";
	}
}

/* The processor that runs the system holding e receives e too. */
const struct recipient *
entry_vendor(const struct rctx *rc, const struct data_entry *e)
{
	const struct recipient *v;

	if (e->system == NULL || (v = e->system->vendor.to) == NULL)
		return NULL;
	return recipient_visible(v, rc->aud) ? v : NULL;
}

/* --- data-entry rows ---------------------------------------------- */

/*
 * One row of a data table: a data entry with what the audience may
 * see. cols says which context columns to fill (COL_*: category,
 * system, purposes), the rest is always there.
 */
static void
entry_fill(struct rctx *rc, struct tmpl_dict *s, const struct data_entry *e,
    int cols)
{
	struct tmpl_dict *x;
	const struct category *c = e->category.to;
	size_t	 i, n = 0;

	if ((cols & COL_CATEGORY) && c != NULL)
		category_link(rc, s, "E_CATEGORY", c);
	if ((cols & COL_SYSTEM) && e->system != NULL)
		system_link(rc, s, "E_SYSTEM", e->system);
	if (cols & COL_PURPOSES)
		for (i = 0; i < e->purposes.n; i++) {
			const struct purpose *p = e->purposes.v[i].to;
			if (p != NULL && purpose_visible(p, rc->aud))
				purpose_link(rc, s, "E_PURPOSE", p);
		}
	for (i = 0; i < e->subjects.n; i++) {
		const struct term *t = e->subjects.v[i].to;
		x = tmpl_section(s, "E_SUBJECT");
		tmpl_set(x, "NAME", t != NULL ? t->name : e->subjects.v[i].id);
	}
	set_cap(rc, s, "RETENTION", e->retention.text);
	tmpl_set(s, "SOURCE", source_text(rc, e));
	tmpl_set(s, "REQUIRED", required_label(e->required));
	for (i = 0; i < e->shared_with.n; i++) {
		const struct recipient *r = e->shared_with.v[i].to;
		if (r != NULL && recipient_visible(r, rc->aud))
			recipient_link(rc, s, "E_RECIPIENT", r), n++;
	}
	if (n == 0)
		tmpl_show(s, "E_NOT_SHARED");
	if (!e->linked)
		tmpl_show(s, "E_NOT_LINKED");
	if (e->tracking)
		tmpl_show(s, "E_TRACKING");
	if (e->sold)
		tmpl_show(s, "E_SOLD");
	gov_entry_gaps(rc, s, e);	/* "not yet documented" */
}

/* Fill row i while the page expands (tmpl_section_lazy). */
static void
entry_rows_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct entry_rows *er = arg;

	entry_fill(er->rc, s, er->v.v[i], er->cols);
}

/* Start empty rows showing the columns cols (COL_*). */
void
entry_rows_begin(struct entry_rows *er, struct rctx *rc, int cols)
{
	memset(er, 0, sizeof *er);
	er->rc = rc;
	er->cols = cols;
}

/* Add e to the rows (when the audience may see it). */
void
entry_rows_add(struct entry_rows *er, const struct data_entry *e)
{
	if (entry_visible(e, er->rc->aud))
		pv_add(&er->v, e);
}

/* Put the rows into d as its lazy ENTRY section; returns how many. */
size_t
entry_rows_set(struct entry_rows *er, struct tmpl_dict *d)
{
	tmpl_section_lazy(d, "ENTRY", er->v.n, entry_rows_fill, er);
	return er->v.n;
}
