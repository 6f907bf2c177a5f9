/*
 * render_purpose.c - the pages written in Markdown with front matter:
 * one page per purpose (purposes/<id>.html: its data entries, legal
 * basis, recipients, the reader's choices, and for staff the review
 * date and notes) and the site's free pages (pages/<id>.html).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/* --- purposes/<id>.html ------------------------------------------- */

/* purposes/<id>.html of purpose k, if the audience may see it: what
 * it uses and why, who receives it, the reader's choices. */
static void
render_purpose(struct rctx *rc, size_t k)
{
	const struct model *m = rc->m;
	const struct purpose *p = m->purposes[k];
	struct tmpl_dict *d, *c, *s;
	struct pvec	 recips = { 0 };
	struct entry_rows er;
	size_t	 i, j, nrows = 0;

	if (!purpose_visible(p, rc->aud))
		return;
	entry_rows_begin(&er, rc, COL_CATEGORY | COL_SYSTEM);
	d = page_begin(rc, 1, NULL, "index", p->title, "purpose.tpl", &c);
	tmpl_set(c, "TITLE", p->title);
	tmpl_set(c, "ID", p->id);
	tmpl_set(c, "SUMMARY", p->summary);
	if (p->body_html != NULL && *p->body_html != '\0') {
		s = tmpl_section(c, "HAS_BODY");
		tmpl_set(s, "BODY", p->body_html);
	}
	if (p->status == PS_RETIRED)
		tmpl_show(c, "RETIRED");
	else if (p->status == PS_PROPOSED)
		tmpl_show(c, "PROPOSED");

	for (i = 0; i < p->nuses; i++) {
		const struct data_entry *e = p->uses[i];
		if (!entry_visible(e, rc->aud))
			continue;
		nrows++;
		entry_rows_add(&er, e);
		for (j = 0; j < e->shared_with.n; j++) {
			const struct recipient *r = e->shared_with.v[j].to;
			if (r != NULL && recipient_visible(r, rc->aud))
				pv_add(&recips, r);
		}
		pv_add(&recips, entry_vendor(rc, e));
	}
	entry_rows_set(&er, c);
	if (nrows == 0)
		tmpl_show(c, "NO_DATA");
	else
		tmpl_show(c, "HAS_DATA");

	if (p->legal_basis > LB_NONE && p->legal_basis < LB__COUNT) {
		s = tmpl_section(c, "BASIS");
		tmpl_set(s, "LABEL", vocab_legal_bases[p->legal_basis].label);
		tmpl_set(s, "PLAIN", vocab_legal_bases[p->legal_basis].plain);
		tmpl_set(s, "KEY", vocab_legal_bases[p->legal_basis].key);
	}
	set_opt(c, "LEGITIMATE_INTEREST", "TEXT", p->legitimate_interest);
	if (p->special_condition > SC_NONE &&
	    p->special_condition < SC__COUNT) {
		const struct enumval *v =
		    &vocab_special_conditions[p->special_condition];
		s = tmpl_section(c, "SPECIAL_CONDITION");
		tmpl_set(s, "LABEL", v->label);
		tmpl_set(s, "PLAIN", v->plain);
	}
	if (p->special)
		tmpl_show(c, "SPECIAL");
	set_opt(c, "BENEFIT", "TEXT", p->benefit);
	if (p->use.to != NULL)
		set_opt(c, "USE", "NAME",
		    ((const struct term *)p->use.to)->name);

	pv_uniq(&recips, cmp_recipient);
	for (i = 0; i < recips.n; i++) {
		const struct recipient *r = recips.v[i];
		s = tmpl_section(c, "RECIPIENT");
		tmpl_set(s, "NAME", r->name);
		tmpl_set(s, "ROLE", role_label(r->role));
		tmpl_set(s, "COUNTRY", r->country_label);
		set_opt(s, "REC_PURPOSE", "TEXT", r->purpose);
		set_link(rc, s, "HREF", r->href);
	}
	tmpl_show(c, recips.n == 0 ? "NO_RECIPIENTS" : "HAS_RECIPIENTS");
	pv_free(&recips);

	/* Your choices: the wording depends on the legal basis. */
	switch (p->legal_basis) {
	case LB_CONSENT:
		s = tmpl_section(c, "CHOICE_CONSENT");
		tmpl_set(s, "WITHDRAW", p->withdraw != NULL ? p->withdraw : "");
		break;
	case LB_LEGITIMATE_INTERESTS:
		tmpl_show(c, "CHOICE_OBJECT");
		break;
	case LB_CONTRACT:
		tmpl_show(c, "CHOICE_CONTRACT");
		break;
	case LB_LEGAL_OBLIGATION:
		tmpl_show(c, "CHOICE_LAW");
		break;
	default:
		tmpl_show(c, "CHOICE_OTHER");
		break;
	}
	if (p->automated_decisions != NULL) {
		if (text_is_none(p->automated_decisions))
			tmpl_show(c, "NO_AUTOMATED");
		else
			set_opt(c, "AUTOMATED", "TEXT", p->automated_decisions);
	}
	gov_purpose_gaps(rc, c, p);	/* "not yet documented" */
	set_href(rc, c, "RIGHTS_HREF", "rights.html", NULL, NULL);
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	add_decision(rc, c, p->decision);

	if (rc->staff) {
		s = tmpl_section(c, "STAFF_FIELDS");
		tmpl_set(s, "STATUS", status_label(p->status));
		set_opt(s, "OWNER", "TEXT", p->owner);
		if (p->review_by.y != 0) {
			struct tmpl_dict *r = tmpl_section(s, "REVIEW_BY");
			set_date(rc, r, "DATE", &p->review_by);
			if (date_cmp(&p->review_by, &m->today) < 0)
				tmpl_show(r, "OVERDUE");
		}
		tmpl_set(s, "VISIBILITY", p->audience == AUD_INTERNAL ||
		    p->status == PS_PROPOSED ? "internal" : "public");
		if (p->use.id != NULL)
			set_opt(s, "USE_KEY", "KEY", p->use.id);
		set_opt(s, "SOURCE_FILE", "PATH", content_path(rc, p->path));
		add_notes(rc, c, &p->internal, 2);
	}
	page_end(rc, d, "purposes/", p->id, ".html");
	pv_free(&er.v);
}

/* --- pages/<id>.html ---------------------------------------------- */

/* pages/<id>.html of page k, if the audience may see it: a free page
 * of the content, its Markdown body. */
static void
render_page(struct rctx *rc, size_t k)
{
	const struct page *pg = rc->m->pages[k];
	struct tmpl_dict *d, *c, *s;
	char	 key[ID_MAX + 8];

	if (!page_visible(pg, rc->aud))
		return;
	snprintf(key, sizeof key, "page:%s", pg->id);
	d = page_begin(rc, 1, key, NULL, pg->title, "page.tpl", &c);
	tmpl_set(c, "TITLE", pg->title);
	tmpl_set(c, "ID", pg->id);
	if (pg->body_html != NULL) {
		s = tmpl_section(c, "HAS_BODY");
		tmpl_set(s, "BODY", pg->body_html);
	}
	if (rc->staff && pg->audience == AUD_INTERNAL)
		tmpl_show(c, "INTERNAL_PAGE");
	add_notes(rc, c, &pg->internal, 2);
	page_end(rc, d, "pages/", pg->id, ".html");
}

/* --- the families ------------------------------------------------- */

/* The model's purposes, all of them (render_purpose skips). */
static size_t
purpose_count(const struct rctx *rc)
{
	return rc->m->npurposes;
}

const struct family family_purpose = {
	.name = "purpose",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "purpose.tpl", NULL },
	.cost = 60,
	.count = purpose_count,
	.run = 16,
	.item = render_purpose
};

/* A header entry for each page the audience may see, in model order. */
static size_t
page_nav(struct rctx *rc, struct navitem *out)
{
	const struct model *m = rc->m;
	size_t	 i, n = 0;

	for (i = 0; i < m->npages; i++) {
		const struct page *pg = m->pages[i];
		if (!page_visible(pg, rc->aud))
			continue;
		if (out != NULL) {
			out[n].key = arena_printf(&rc->scratch, "page:%s",
			    pg->id);
			out[n].href = arena_printf(&rc->scratch,
			    "pages/%s.html", pg->id);
			out[n].label = pg->title;
		}
		n++;
	}
	return n;
}

/* The model's free pages, all of them (render_page skips). */
static size_t
page_count(const struct rctx *rc)
{
	return rc->m->npages;
}

const struct family family_page = {
	.name = "page",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "page.tpl", NULL },
	.nav_fn = page_nav,
	.cost = 60,			/* not measured: as a purpose */
	.count = page_count,
	.run = 1,
	.item = render_page
};
