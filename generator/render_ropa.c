/*
 * render_ropa.c - ropa.html (staff): the Article 30 record of
 * processing as a page, one row per purpose, from the same row
 * (ropa.h: ropa_row_fill) that ropa.csv is made of, so the two cannot
 * disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"
#include "ropa.h"

/* One row of the record of processing, filled while ropa.html expands
 * (tmpl_section_lazy): thousands of purposes never sit in memory as one
 * dictionary. The row's strings go to an arena of their own, reset for
 * the next row (the dictionary holds copies). */
struct ropa_fill {
	struct rctx	*rc;
	struct ropa_row	 row;
	struct arena	 a;
};

/* Fill row i (purpose i) from ropa_row_fill's row. */
static void
ropa_fill_row(struct tmpl_dict *s, size_t i, void *arg)
{
	struct ropa_fill *f = arg;
	struct rctx *rc = f->rc;
	const struct purpose *p = rc->m->purposes[i];
	struct ropa_row *row = &f->row;
	struct tmpl_dict *x;
	size_t	 j;

	arena_reset(&f->a);
	ropa_row_fill(row, p, &f->a);
	tmpl_set(s, "TITLE", p->title);
	tmpl_set(s, "ID", p->id);
	set_link(rc, s, "HREF", p->href);
	tmpl_set(s, "SUMMARY", p->summary);
	if (p->status != PS_ACTIVE)
		set_opt(s, "ROW_STATUS", "TEXT", status_label(p->status));
	tmpl_set(s, "BASIS", p->legal_basis > LB_NONE &&
	    p->legal_basis < LB__COUNT ?
	    vocab_legal_bases[p->legal_basis].label : "");
	set_opt(s, "ROW_LI", "TEXT", p->legitimate_interest);
	if (p->special_condition > SC_NONE &&
	    p->special_condition < SC__COUNT)
		set_opt(s, "ROW_SC", "TEXT",
		    vocab_special_conditions[p->special_condition].label);
	for (j = 0; j < row->subjects.n; j++) {
		x = tmpl_section(s, "SUBJECT");
		tmpl_set(x, "NAME",
		    ((const struct term *)row->subjects.v[j])->name);
	}
	for (j = 0; j < row->categories.n; j++) {
		const struct category *cat = row->categories.v[j];
		x = tmpl_section(s, "CATEGORY");
		tmpl_set(x, "NAME", cat->name);
		tmpl_set(x, "KEY", cat->key);
		if (cat->special)
			tmpl_show(x, "CAT_SPECIAL");
	}
	for (j = 0; j < row->recipients.n; j++) {
		const struct recipient *r = row->recipients.v[j];
		x = tmpl_section(s, "RECIPIENT");
		tmpl_set(x, "NAME", r->name);
		tmpl_set(x, "ROLE", role_key(r->role));
		tmpl_set(x, "COUNTRY", r->country);
	}
	for (j = 0; j < row->transfers.n; j++) {
		x = tmpl_section(s, "TRANSFER");
		tmpl_set(x, "TEXT", row->transfers.v[j]);
	}
	for (j = 0; j < row->retention.n; j++) {
		x = tmpl_section(s, "RETENTION");
		tmpl_set(x, "TEXT", row->retention.v[j]);
	}
	for (j = 0; j < row->security.n; j++) {
		x = tmpl_section(s, "SECURITY");
		tmpl_set(x, "TEXT", row->security.v[j]);
	}
	if (row->recipients.n == 0)
		tmpl_show(s, "NO_RECIPIENTS");
	if (row->transfers.n == 0)
		tmpl_show(s, "NO_TRANSFERS");
	if (row->security.n == 0)
		tmpl_show(s, "NO_SECURITY");
}

/*
 * The Article 30 record, one row per purpose. The controller and its
 * contacts are the same for every row and stand once above the table;
 * ropa.csv repeats them per row (ropa.c) so a spreadsheet row is whole.
 */
static void
render_ropa(struct rctx *rc)
{
	const struct model *m = rc->m;
	const struct site *st = &m->site;
	struct tmpl_dict *d, *c;
	struct ropa_fill f;

	memset(&f, 0, sizeof f);
	f.rc = rc;
	d = page_begin(rc, 0, "ropa", NULL, "Record of processing activities",
	    "ropa.tpl", &c);
	tmpl_set(c, "CONTROLLER", st->legal_name != NULL ? st->legal_name :
	    st->name);
	tmpl_set(c, "ADDRESS", st->address);
	tmpl_set(c, "EMAIL", st->email);
	set_opt(c, "PHONE", "TEXT", st->phone);
	contact_block(c, "DPO", &st->dpo);
	contact_block(c, "REPRESENTATIVE", &st->representative);
	if (rc->updated[0] != '\0')
		set_opt(c, "AS_OF", "DATE", rc->updated);
	set_href(rc, c, "CSV_HREF", "ropa.csv", NULL, NULL);
	tmpl_section_lazy(c, "ROW", m->npurposes, ropa_fill_row, &f);
	tmpl_show(c, m->npurposes == 0 ? "NONE" : "HAS_ROWS");
	page_end(rc, d, "ropa.html", NULL, NULL);
	ropa_row_free(&f.row);
	arena_free(&f.a);
}

/* --- the family --------------------------------------------------- */

/* Its dictionary alone is some 250 MB at N = 10,000: heavy. */
const struct family family_ropa = {
	.name = "ropa",
	.audiences = AUD_INTERNAL,
	.templates = (const char *const[]){ "ropa.tpl", NULL },
	.nav = { "ropa", "ropa.html", "Record of processing", NULL },
	.cost = 390000,
	.heavy = 1,
	.once = render_ropa
};
