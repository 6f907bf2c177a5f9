/*
 * render_index.c - the overview (index.html) and one page per category
 * in use (data/<key>.html), with what each category adds up to for the
 * audience: its purposes, retention periods, sources and recipients
 * (struct catsum, computed by the driver's sums jobs through
 * catsum_fill before these pages are built).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/* --- what a category adds up to ----------------------------------- */

/* At most this many purposes per category on the overview; the rest
 * are "N more" with a link to the category's page, which lists all. */
#define INDEX_PURPOSES	5

/* What c adds up to for rc's audience, into cs (a sums job). */
void
catsum_fill(struct rctx *rc, const struct category *c, struct catsum *cs)
{
	size_t	 i, j;

	for (i = 0; i < c->nentries; i++) {
		const struct data_entry *e = c->entries[i];
		if (!entry_visible(e, rc->aud))
			continue;
		for (j = 0; j < e->purposes.n; j++) {
			const struct purpose *p = e->purposes.v[j].to;
			if (p != NULL && purpose_visible(p, rc->aud))
				pv_add(&cs->purposes, p);
		}
		pv_add(&cs->retention, e->retention.text);
		pv_add(&cs->sources, source_text(rc, e));
		for (j = 0; j < e->shared_with.n; j++) {
			const struct recipient *r = e->shared_with.v[j].to;
			if (r != NULL && recipient_visible(r, rc->aud))
				pv_add(&cs->recipients, r);
		}
		pv_add(&cs->recipients, entry_vendor(rc, e));
		pv_add(&cs->systems, e->system);
	}
	pv_uniq(&cs->purposes, cmp_purpose);
	pv_uniq(&cs->retention, cmp_str);
	pv_uniq(&cs->sources, cmp_str);
	pv_uniq(&cs->recipients, cmp_recipient);
	pv_uniq(&cs->systems, cmp_system);
}

/* Free the sums' lists. */
void
catsum_free(struct catsum *cs)
{
	pv_free(&cs->purposes);
	pv_free(&cs->retention);
	pv_free(&cs->sources);
	pv_free(&cs->recipients);
	pv_free(&cs->systems);
}

/*
 * How long c's data is kept for p: each retention of the entries of c
 * visible here that serve p, once, as section PREFIX_KEPT (TEXT) of the
 * purpose's item. The overview shows these next to the purpose, so that
 * a period is never read as belonging to the purpose beside it.
 */
static void
kept_set(struct rctx *rc, struct tmpl_dict *s, const char *sec,
    const struct category *c, const struct purpose *p)
{
	struct pvec kept = { 0 };
	size_t	 i, j;

	for (i = 0; i < c->nentries; i++) {
		const struct data_entry *e = c->entries[i];

		if (!entry_visible(e, rc->aud))
			continue;
		for (j = 0; j < e->purposes.n; j++)
			if (e->purposes.v[j].to == p) {
				pv_add(&kept, e->retention.text);
				break;
			}
	}
	pv_uniq(&kept, cmp_str);
	for (i = 0; i < kept.n; i++)
		tmpl_set(tmpl_section(s, sec), "TEXT", kept.v[i]);
	pv_free(&kept);
}

/* The sums as sections PREFIX_PURPOSE, _RETENTION, _SOURCE, _RECIPIENT
 * and flags PREFIX_NO_PURPOSES, PREFIX_NO_RECIPIENTS: the prefix keeps
 * them apart from same-named sections of enclosing dictionaries (which
 * ctemplate would otherwise iterate in their place).
 * With idx set (the overview, for that category), at most
 * INDEX_PURPOSES purposes, each with how long it keeps the data
 * (PREFIX_KEPT), a section PREFIX_MORE_PURPOSES (N, HREF: more), and
 * no recipients. */
static void
catsum_set(struct rctx *rc, struct tmpl_dict *d, const char *pfx,
    const struct catsum *cs, const struct category *idx)
{
	struct tmpl_dict *s;
	char	 name[64], kept[64];
	size_t	 i, np = cs->purposes.n;

#define SEC(x) (snprintf(name, sizeof name, "%s_%s", pfx, (x)), name)
	if (idx != NULL && np > INDEX_PURPOSES)
		np = INDEX_PURPOSES;
	snprintf(kept, sizeof kept, "%s_KEPT", pfx);
	for (i = 0; i < np; i++) {
		s = purpose_link(rc, d, SEC("PURPOSE"), cs->purposes.v[i]);
		if (idx != NULL)
			kept_set(rc, s, kept, idx, cs->purposes.v[i]);
	}
	if (np < cs->purposes.n) {
		s = tmpl_section(d, SEC("MORE_PURPOSES"));
		tmpl_set_int(s, "N", (long long)(cs->purposes.n - np));
		set_href(rc, s, "HREF", "data/", idx->key, ".html#why-h");
	}
	tmpl_show(d, SEC(cs->purposes.n == 0 ? "NO_PURPOSES" :
	    "HAS_PURPOSES"));
	for (i = 0; idx == NULL && i < cs->retention.n; i++) {
		s = tmpl_section(d, SEC("RETENTION"));
		set_cap(rc, s, "TEXT", cs->retention.v[i]);
	}
	for (i = 0; i < cs->sources.n; i++) {
		s = tmpl_section(d, SEC("SOURCE"));
		tmpl_set(s, "TEXT", cs->sources.v[i]);
	}
	if (idx != NULL)
		return;
	for (i = 0; i < cs->recipients.n; i++)
		recipient_link(rc, d, SEC("RECIPIENT"), cs->recipients.v[i]);
	tmpl_show(d, SEC(cs->recipients.n == 0 ? "NO_RECIPIENTS" :
	    "HAS_RECIPIENTS"));
#undef SEC
}

/* --- index.html --------------------------------------------------- */

/* A category in use, in overview order (cmp_by_group). */
struct catrow {
	struct catgroup	 cg;	/* first: cmp_by_group reads it */
	size_t		 k;	/* in rc->cats and rc->sums */
};

/* The purpose cards of index.html, filled while the page expands. */
static void
card_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct lazy_rows *cr = arg;
	struct rctx *rc = cr->rc;
	const struct purpose *p = cr->v.v[i];

	tmpl_set(s, "TITLE", p->title);
	tmpl_set(s, "SUMMARY", p->summary);
	tmpl_set(s, "ID", p->id);
	set_link(rc, s, "HREF", p->href);
	tmpl_set(s, "BASIS", p->legal_basis > LB_NONE &&
	    p->legal_basis < LB__COUNT ?
	    vocab_legal_bases[p->legal_basis].label : "");
	if (p->status != PS_ACTIVE)
		set_opt(s, "CARD_STATUS", "TEXT", status_label(p->status));
	if (p->special)
		tmpl_show(s, "CARD_SPECIAL");
}

/* index.html: the categories in groups, the purpose cards, the contact. */
static void
render_index(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *g = NULL, *s;
	struct catrow	*rows;
	const struct category *lastg = NULL;
	struct lazy_rows cr;
	size_t	 i, nr = 0;

	d = page_begin(rc, 0, "index", NULL, m->site.title, "index.tpl", &c);
	rows = xcalloc(rc->cats.n + 1, sizeof *rows);
	for (i = 0; i < rc->cats.n; i++) {
		rows[i].cg.c = rc->cats.v[i];
		rows[i].cg.g = category_group(rows[i].cg.c);
		rows[i].k = i;
	}
	qsort(rows, rc->cats.n, sizeof *rows, cmp_by_group);
	for (i = 0; i < rc->cats.n; i++) {
		if (rows[i].cg.g != lastg) {
			lastg = rows[i].cg.g;
			g = tmpl_section(c, "GROUP");
			tmpl_set(g, "NAME", lastg->name);
			tmpl_set(g, "ID", lastg->key);
			set_opt(g, "GROUP_DESC", "TEXT", lastg->description);
		}
		s = tmpl_section(g, "CATEGORY");
		tmpl_set(s, "NAME", rows[i].cg.c->name);
		tmpl_set(s, "KEY", rows[i].cg.c->key);
		set_opt(s, "CAT_DESC", "TEXT", rows[i].cg.c->description);
		set_link(rc, s, "HREF", rows[i].cg.c->href);
		if (rows[i].cg.c->special)
			tmpl_show(s, "CAT_SPECIAL");
		catsum_set(rc, s, "CAT", &rc->sums[rows[i].k], rows[i].cg.c);
	}
	free(rows);
	if (rc->cats.n == 0)
		tmpl_show(c, "NO_DATA");

	memset(&cr, 0, sizeof cr);
	cr.rc = rc;
	for (i = 0; i < m->npurposes; i++)
		if (purpose_visible(m->purposes[i], rc->aud))
			pv_add(&cr.v, m->purposes[i]);
	tmpl_section_lazy(c, "CARD", cr.v.n, card_fill, &cr);
	tmpl_show(c, cr.v.n == 0 ? "NO_CARDS" : "HAS_CARDS");
	for (i = 0; i < m->nrecipients; i++)
		if (recipient_visible(m->recipients[i], rc->aud))
			nr++;
	tmpl_set_int(c, "NCATEGORIES", (long long)rc->cats.n);
	tmpl_set_int(c, "NPURPOSES", (long long)cr.v.n);
	tmpl_set_int(c, "NRECIPIENTS", (long long)nr);
	set_href(rc, c, "RECIPIENTS_HREF", "recipients.html", NULL, NULL);
	set_href(rc, c, "RIGHTS_HREF", "rights.html", NULL, NULL);
	s = tmpl_section(c, "CONTACT");
	tmpl_set(s, "ADDRESS", m->site.address);
	tmpl_set(s, "EMAIL", m->site.email);
	set_opt(s, "CONTACT_PHONE", "TEXT", m->site.phone);
	if (m->site.dpo.name != NULL || m->site.dpo.email != NULL) {
		struct tmpl_dict *x = tmpl_section(s, "CONTACT_DPO");
		tmpl_set(x, "NAME", m->site.dpo.name != NULL ?
		    m->site.dpo.name : "Data protection officer");
		set_opt(x, "DPO_EMAIL", "EMAIL", m->site.dpo.email);
	}
	gov_site_gaps(rc, s);		/* "not yet documented" */
	if (rc->staff) {
		tmpl_set_int(c, "NSYSTEMS", (long long)m->nsystems);
		set_href(rc, c, "SYSTEMS_HREF", "systems/index.html", NULL,
		    NULL);
		set_href(rc, c, "ROPA_HREF", "ropa.html", NULL, NULL);
		add_notes(rc, c, &m->site.internal, 2);
	}
	page_end(rc, d, "index.html", NULL, NULL);
	pv_free(&cr.v);
}

/* --- data/<key>.html ---------------------------------------------- */

/* The page of rc->cats.v[k]. */
static void
render_category(struct rctx *rc, size_t k)
{
	const struct category *cat = rc->cats.v[k];
	struct tmpl_dict *d, *c, *s;
	const struct category *p;
	struct entry_rows er;
	size_t	 i;

	d = page_begin(rc, 1, NULL, "index", cat->name, "category.tpl", &c);
	tmpl_set(c, "NAME", cat->name);
	tmpl_set(c, "KEY", cat->key);
	set_opt(c, "DESCRIPTION", "TEXT", cat->description);
	set_opt(c, "SPECIAL", "TEXT", special_label(cat->special));
	if (cat->special == 9)
		tmpl_show(c, "ART9");
	else if (cat->special == 10)
		tmpl_show(c, "ART10");
	/* Breadcrumb: the ancestors below the taxonomy root, outermost
	 * first; each links to its own page when it has one, the group
	 * to its place on the overview. */
	{
		const struct category *chain[16];
		size_t	 n = 0;
		for (p = cat->parent; p != NULL && p->parent != NULL &&
		    n < 16; p = p->parent)
			chain[n++] = p;
		while (n-- > 0) {
			struct tmpl_dict *l;
			s = tmpl_section(c, "PARENT");
			tmpl_set(s, "NAME", chain[n]->name);
			if (category_in_use(rc->m, chain[n], rc->aud)) {
				l = tmpl_section(s, "PARENT_LINK");
				set_href(rc, l, "HREF", "data/", chain[n]->key,
				    ".html");
			} else if (category_group(cat) == chain[n]) {
				l = tmpl_section(s, "PARENT_LINK");
				set_href(rc, l, "HREF", "index.html#g-",
				    chain[n]->key, NULL);
			} else
				tmpl_show(s, "PARENT_TEXT");
		}
	}
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	catsum_set(rc, c, "SUM", &rc->sums[k], NULL);
	entry_rows_begin(&er, rc, COL_SYSTEM | COL_PURPOSES);
	for (i = 0; i < cat->nentries; i++)
		entry_rows_add(&er, cat->entries[i]);
	entry_rows_set(&er, c);
	set_href(rc, c, "RIGHTS_HREF", "rights.html", NULL, NULL);
	set_href(rc, c, "RECIPIENTS_HREF", "recipients.html", NULL, NULL);
	page_end(rc, d, "data/", cat->key, ".html");
	pv_free(&er.v);
}

/* --- the families ------------------------------------------------- */

const struct family family_index = {
	.name = "index",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "index.tpl", NULL },
	.nav = { "index", "index.html", "Overview", NULL },
	.cost = 15000,
	.once = render_index
};

/* The categories in use for the audience (rc->cats). */
static size_t
category_count(const struct rctx *rc)
{
	return rc->cats.n;
}

const struct family family_category = {
	.name = "category",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "category.tpl", NULL },
	.cost = 100,			/* to 25,000, by the category's size */
	.count = category_count,
	.run = 1,
	.item = render_category
};
