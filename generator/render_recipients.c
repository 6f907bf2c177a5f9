/*
 * render_recipients.c - recipients.html: every organisation that
 * receives data, its role, country and transfers, and what it receives
 * for which purposes: what we share with it and what sits in the
 * systems it runs for us (the driver's vendor_of/source_of indexes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/* Add a visible entry's category and visible purposes to the sets. */
static void
received(struct rctx *rc, const struct data_entry *e, struct pvec *cats,
    struct pvec *purps)
{
	size_t	 k;

	if (!entry_visible(e, rc->aud))
		return;
	pv_add(cats, e->category.to);
	for (k = 0; k < e->purposes.n; k++) {
		const struct purpose *p = e->purposes.v[k].to;
		if (p != NULL && purpose_visible(p, rc->aud))
			pv_add(purps, p);
	}
}

/* The rows of recipients.html, filled while the page expands: one
 * recipient's dictionary at a time. */
static void
recipient_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct lazy_rows *rr = arg;
	struct rctx *rc = rr->rc;
	const struct recipient *r = rr->v.v[i];
	struct tmpl_dict *x;
	struct pvec cats = { 0 }, purps = { 0 };
	long	 ri = recipient_index(rc, r);
	size_t	 j;

	tmpl_set(s, "ID", r->id);
	tmpl_set(s, "NAME", r->name);
	tmpl_set(s, "ROLE", role_label(r->role));
	tmpl_set(s, "ROLE_PLAIN", role_plain(r->role));
	tmpl_set(s, "ROLE_KEY", role_key(r->role));
	tmpl_set(s, "COUNTRY", r->country_label);
	tmpl_set(s, "COUNTRY_CODE", r->country);
	set_opt(s, "R_PURPOSE", "TEXT", r->purpose);
	if (r->country != NULL && !country_in_eea_uk(r->country))
		tmpl_show(s, "OUTSIDE");
	if (r->safeguard > SG_NONE && r->safeguard < SG__COUNT) {
		x = tmpl_section(s, "SAFEGUARD");
		tmpl_set(x, "LABEL", vocab_safeguards[r->safeguard].label);
		tmpl_set(x, "PLAIN", vocab_safeguards[r->safeguard].plain);
	}
	for (j = 0; j < r->ntransfers; j++) {
		const struct transfer *t = &r->transfers[j];
		x = tmpl_section(s, "TRANSFER");
		tmpl_set(x, "COUNTRY", country_label(t->country));
		if (t->safeguard > SG_NONE && t->safeguard < SG__COUNT) {
			struct tmpl_dict *y =
			    tmpl_section(x, "T_SAFEGUARD");
			tmpl_set(y, "LABEL",
			    vocab_safeguards[t->safeguard].label);
			tmpl_set(y, "PLAIN",
			    vocab_safeguards[t->safeguard].plain);
		}
	}
	if (r->ntransfers > 0)
		tmpl_show(s, "HAS_TRANSFERS");
	/* What it receives, and for which purposes: what we share
	 * with it and what sits in the systems it runs for us. */
	for (j = 0; j < r->nshared; j++)
		received(rc, r->shared[j], &cats, &purps);
	if (ri >= 0) {
		const struct pvec *vs = &rc->vendor_of[ri];
		size_t	 k;
		for (k = 0; k < vs->n; k++) {
			const struct system *sy = vs->v[k];
			for (j = 0; j < sy->ndata; j++)
				received(rc, &sy->data[j], &cats,
				    &purps);
		}
	}
	pv_uniq(&cats, cmp_category);
	pv_uniq(&purps, cmp_purpose);
	for (j = 0; j < cats.n; j++)
		category_link(rc, s, "R_CATEGORY", cats.v[j]);
	for (j = 0; j < purps.n; j++)
		purpose_link(rc, s, "R_FOR", purps.v[j]);
	if (cats.n > 0)
		tmpl_show(s, "RECEIVES");
	pv_free(&cats);
	pv_free(&purps);
	if (ri >= 0) {
		const struct pvec *vs = &rc->vendor_of[ri];
		const struct pvec *ss = &rc->source_of[ri];
		for (j = 0; j < vs->n; j++)
			system_link(rc, s, "R_RUNS", vs->v[j]);
		if (vs->n > 0)
			tmpl_show(s, "HAS_RUNS");
		cats = (struct pvec){ 0 };
		for (j = 0; j < ss->n; j++)
			pv_add(&cats, ((const struct data_entry *)
			    ss->v[j])->category.to);
		pv_uniq(&cats, cmp_category);
		for (j = 0; j < cats.n; j++)
			category_link(rc, s, "R_SOURCE_CATEGORY",
			    cats.v[j]);
		if (cats.n > 0)
			tmpl_show(s, "IS_SOURCE");
		pv_free(&cats);
	}
	add_decision(rc, s, r->decision);
	if (rc->staff) {
		x = tmpl_section(s, "STAFF_FIELDS");
		tmpl_set(x, "VISIBILITY", r->audience == AUD_INTERNAL ?
		    "internal" : "public");
		set_opt(x, "CONTRACT", "URL", r->contract);
		add_notes(rc, s, &r->internal, 3);
	}
}

/* recipients.html: one row per visible recipient, filled lazily. */
static void
render_recipients(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c;
	struct lazy_rows rr;
	size_t	 i;

	d = page_begin(rc, 0, "recipients", NULL, "Who receives your data",
	    "recipients.tpl", &c);
	memset(&rr, 0, sizeof rr);
	rr.rc = rc;
	for (i = 0; i < m->nrecipients; i++)
		if (recipient_visible(m->recipients[i], rc->aud))
			pv_add(&rr.v, m->recipients[i]);
	tmpl_section_lazy(c, "RECIPIENT", rr.v.n, recipient_fill, &rr);
	if (rr.v.n == 0)
		tmpl_show(c, "NONE");
	page_end(rc, d, "recipients.html", NULL, NULL);
	pv_free(&rr.v);
}

/* --- the family --------------------------------------------------- */

const struct family family_recipients = {
	.name = "recipients",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "recipients.tpl", NULL },
	.nav = { "recipients", "recipients.html", "Who receives data", NULL },
	.cost = 160000,
	.heavy = 1,
	.once = render_recipients
};
