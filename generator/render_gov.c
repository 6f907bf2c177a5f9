/*
 * render_gov.c - the governance pages (a page family of render.c's):
 *
 *	changes.html		published decisions, plus atom.c's changes.atom
 *	committee/index.html	members, required functions, gaps (internal)
 *	committee/decisions.html the decision log, newest first (internal)
 *
 * The dates, words and analysis they share with other pages are
 * render_marks.c's. The public build only ever sees published
 * decisions, and only their title, date, summary and the items they
 * affect that it may see.
 */
#include <string.h>

#include "render_impl.h"
#include "atom.h"
#include "complete.h"

/* --- affected items --- */

enum akind { AK_SYSTEM, AK_PURPOSE, AK_RECIPIENT, AK_REPORT, AK_NONE };

/* What kind of item r, one of a decision's affects:, names. */
static enum akind
affect_kind(const struct ref *r)
{
	if (r->to == NULL)
		return AK_NONE;
	if (strncmp(r->id, "inventory:", 10) == 0)
		return AK_SYSTEM;
	if (strncmp(r->id, "purpose:", 8) == 0)
		return AK_PURPOSE;
	if (strncmp(r->id, "recipient:", 10) == 0)
		return AK_RECIPIENT;
	if (strncmp(r->id, "report:", 7) == 0)
		return AK_REPORT;
	return AK_NONE;
}

/*
 * One affected item into section sec: NAME, KIND and, where this
 * audience has a page for it, a LINK section (HREF), else NOLINK.
 * Returns 0 for an item this audience may not see (left out whole).
 */
static int
add_affect(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const char *link, const char *nolink, const struct ref *r)
{
	struct tmpl_dict *s, *l;
	const char *name, *kind, *a = NULL, *b = NULL, *c = NULL;

	switch (affect_kind(r)) {
	case AK_SYSTEM: {
		const struct system *sy = r->to;
		if (!system_visible(sy, rc->aud))
			return 0;
		name = sy->name;
		kind = "system";
		if (rc->staff)
			a = "systems/", b = sy->id, c = ".html";
		break;
	}
	case AK_PURPOSE: {
		const struct purpose *p = r->to;
		if (!purpose_visible(p, rc->aud))
			return 0;
		name = p->title;
		kind = "purpose";
		a = "purposes/", b = p->id, c = ".html";
		break;
	}
	case AK_RECIPIENT: {
		const struct recipient *rp = r->to;
		if (!recipient_visible(rp, rc->aud))
			return 0;
		name = rp->name;
		kind = "recipient";
		a = "recipients.html#", b = rp->id;
		break;
	}
	case AK_REPORT: {
		const struct report *rp = r->to;
		if (!report_visible(rp, rc->aud))
			return 0;
		name = rp->title;
		kind = "report";
		a = "reports/", b = rp->id, c = ".html";
		break;
	}
	case AK_NONE:
	default:
		return 0;
	}
	s = tmpl_section(d, sec);
	tmpl_set(s, "NAME", name != NULL ? name : r->id);
	tmpl_set(s, "KIND", kind);
	if (a != NULL) {
		l = tmpl_section(s, link);
		set_href(rc, l, "HREF", a, b, c);
	} else
		tmpl_show(s, nolink);
	return 1;
}

/* --- changes.html, changes.atom --- */

/* changes.html: the published decisions; changes.atom, their feed. */
static void
render_changes(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s;
	size_t	 i, j, n = 0, na;

	d = page_begin(rc, 0, "changes", NULL, "What has changed",
	    "changes.tpl", &c);
	set_href(rc, c, "FEED_HREF", "changes.atom", NULL, NULL);
	if (rc->staff)
		set_href(rc, c, "LOG_HREF", "committee/decisions.html", NULL,
		    NULL);
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *dc = m->decisions[i];

		if (!decision_published(dc))
			continue;
		n++;
		s = tmpl_section(c, "CHANGE_ITEM");
		tmpl_set(s, "ID", dc->id);
		tmpl_set(s, "TITLE", dc->title);
		tmpl_set(s, "SUMMARY", dc->public_summary);
		set_short_date(rc, s, "DECIDED", &dc->date);
		for (j = 0, na = 0; j < dc->affects.n; j++)
			na += (size_t)add_affect(rc, s, "CH_ITEM", "CH_LINK",
			    "CH_NOLINK", &dc->affects.v[j]);
		if (na > 0)
			tmpl_show(s, "CH_AFFECTS");
	}
	if (n == 0)
		tmpl_show(c, "NO_CHANGES");
	page_end(rc, d, "changes.html", NULL, NULL);

	buf_reset(&rc->out);
	atom_changes(m, &rc->out);
	emit_raw(rc, "changes.atom", rc->out.ptr, rc->out.len);
}

/* --- committee/index.html, committee/decisions.html (internal) --- */

/* Whether fn is one of the committee's required functions. */
static int
is_required(const struct committee *co, const char *fn)
{
	size_t	 i;

	for (i = 0; i < co->required_functions.n; i++)
		if (strcmp(co->required_functions.v[i], fn) == 0)
			return 1;
	return 0;
}

/* committee/index.html: required functions and who fills them,
 * members, the latest decisions; cp: the completeness analysis. */
static void
render_committee(struct rctx *rc)
{
	struct complete own;
	const struct complete *cp = gov_analysis(rc, &own);
	const struct model *m = rc->m;
	const struct committee *co = &m->committee;
	struct tmpl_dict *d, *c, *s, *x;
	size_t	 i, j, k, nad = 0, nrej = 0, npro = 0;

	d = page_begin(rc, 1, "committee", NULL, "Data policy committee",
	    "committee.tpl", &c);
	if (!co->present)
		tmpl_show(c, "NO_COMMITTEE");
	if (cp->nmissing_functions > 0) {
		s = tmpl_section(c, "MISSING");
		for (i = 0; i < cp->nmissing_functions; i++) {
			x = tmpl_section(s, "MISSING_FN");
			tmpl_set(x, "LABEL",
			    function_label(cp->missing_functions[i]));
		}
		tmpl_set_int(s, "NMISSING", (long long)cp->nmissing_functions);
	}
	for (i = 0; i < co->required_functions.n; i++) {
		const char *fn = co->required_functions.v[i];

		for (k = 0; k < i; k++)
			if (strcmp(co->required_functions.v[k], fn) == 0)
				break;
		if (k < i)
			continue;	/* named twice */
		s = tmpl_section(c, "FUNCTION");
		tmpl_set(s, "LABEL", function_label(fn));
		tmpl_set(s, "KEY", fn);
		for (j = 0, k = 0; j < co->nmembers; j++)
			if (co->members[j].function != NULL &&
			    strcmp(co->members[j].function, fn) == 0) {
				x = tmpl_section(s, "FN_MEMBER");
				tmpl_set(x, "NAME", co->members[j].name);
				k++;
			}
		if (k == 0)
			tmpl_show(s, "FN_NONE");
	}
	for (i = 0; i < co->nmembers; i++) {
		const struct member *mb = &co->members[i];

		s = tmpl_section(c, "MEMBER");
		tmpl_set(s, "NAME", mb->name);
		tmpl_set(s, "FUNCTION", mb->function != NULL ?
		    function_label(mb->function) : "");
		if (mb->since.y != 0)
			set_date(rc, tmpl_section(s, "SINCE"), "DATE",
			    &mb->since);
		if (mb->function != NULL && !is_required(co, mb->function))
			tmpl_show(s, "M_EXTRA");
	}
	tmpl_show(c, co->nmembers > 0 ? "HAS_MEMBERS" : "NO_MEMBERS");
	tmpl_set_int(c, "NMEMBERS", (long long)co->nmembers);

	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *dc = m->decisions[i];

		nad += dc->status == DS_ADOPTED;
		nrej += dc->status == DS_REJECTED;
		npro += dc->status == DS_PROPOSED;
		if (i < 5) {
			s = tmpl_section(c, "RECENT");
			tmpl_set(s, "TITLE", dc->title);
			tmpl_set(s, "STATUS", decision_status_key(dc->status));
			tmpl_set(s, "STATUS_LABEL", status_word(dc->status));
			set_short_date(rc, s, "DECIDED", &dc->date);
			set_href(rc, s, "HREF", "committee/decisions.html#d-",
			    dc->id, NULL);
		}
	}
	tmpl_set_int(c, "NDECISIONS", (long long)m->ndecisions);
	tmpl_set_int(c, "NADOPTED", (long long)nad);
	tmpl_set_int(c, "NREJECTED", (long long)nrej);
	tmpl_set_int(c, "NPROPOSED", (long long)npro);
	set_href(rc, c, "LOG_HREF", "committee/decisions.html", NULL, NULL);
	set_href(rc, c, "CHECKS_HREF", "checks.html", NULL, NULL);
	if (co->present)
		set_opt(c, "SOURCE_FILE", "PATH", content_path(rc, co->pos.file));
	page_end(rc, d, "committee/index.html", NULL, NULL);
}

/* committee/decisions.html: every decision, with why it is or is
 * not published. */
static void
render_decisions(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s, *x;
	size_t	 i, j, na;

	d = page_begin(rc, 1, NULL, "committee", "Decision log",
	    "decisions.tpl", &c);
	set_href(rc, c, "COMMITTEE_HREF", "committee/index.html", NULL, NULL);
	set_href(rc, c, "CHANGES_HREF", "changes.html", NULL, NULL);
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *dc = m->decisions[i];
		int	 pub = decision_published(dc);

		s = tmpl_section(c, "ROW");
		tmpl_set(s, "ID", dc->id);
		tmpl_set(s, "TITLE", dc->title);
		tmpl_set(s, "STATUS", decision_status_key(dc->status));
		tmpl_set(s, "STATUS_LABEL", status_word(dc->status));
		set_short_date(rc, s, "DECIDED", &dc->date);
		tmpl_set(s, "PUBLISHED", pub ? "Yes" : "No");

		s = tmpl_section(c, "DECISION_ITEM");
		tmpl_set(s, "ID", dc->id);
		tmpl_set(s, "VERB", date_verb(dc->status));
		tmpl_set(s, "TITLE", dc->title);
		tmpl_set(s, "STATUS", decision_status_key(dc->status));
		tmpl_set(s, "STATUS_LABEL", status_word(dc->status));
		set_short_date(rc, s, "DECIDED", &dc->date);
		if (dc->audience == AUD_INTERNAL)
			tmpl_show(s, "DI_INTERNAL");
		for (j = 0, na = 0; j < dc->affects.n; j++)
			na += (size_t)add_affect(rc, s, "DI_AFFECT", "DI_LINK",
			    "DI_NOLINK", &dc->affects.v[j]);
		if (na == 0)
			tmpl_show(s, "DI_NO_AFFECTS");
		if (dc->public_summary != NULL)
			set_opt(s, "DI_SUMMARY", "TEXT", dc->public_summary);
		else
			tmpl_show(s, "DI_NO_SUMMARY");
		if (pub) {
			x = tmpl_section(s, "DI_PUBLISHED");
			set_href(rc, x, "HREF", "changes.html#d-", dc->id, NULL);
		} else {
			x = tmpl_section(s, "DI_UNPUBLISHED");
			tmpl_set(x, "WHY", dc->status != DS_ADOPTED ?
			    "only adopted decisions are published" :
			    dc->audience == AUD_INTERNAL ?
			    "the decision is internal" :
			    "it has no public summary");
		}
		if (dc->rationale_html != NULL && *dc->rationale_html != '\0')
			set_opt(s, "DI_RATIONALE", "HTML", dc->rationale_html);
		else
			tmpl_show(s, "DI_NO_RATIONALE");
		set_opt(s, "DI_SOURCE", "PATH", content_path(rc, dc->pos.file));
		add_notes(rc, s, &dc->internal, 3);
	}
	tmpl_show(c, m->ndecisions > 0 ? "HAS_DECISIONS" : "NO_DECISIONS");
	page_end(rc, d, "committee/decisions.html", NULL, NULL);
}

/* --- the families ------------------------------------------------- */

const struct family family_changes = {
	.name = "changes",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "changes.tpl", NULL },
	.nav = { "changes", "changes.html", "Changes", NULL },
	.cost = 110000,		/* the 5 gov pages: one job of 110 ms */
	.once = render_changes
};

const struct family family_committee = {
	.name = "committee",
	.audiences = AUD_INTERNAL,
	.templates = (const char *const[]){ "committee.tpl", NULL },
	.nav = { "committee", "committee/index.html", "Committee", NULL },
	.cost = 110000,		/* the 5 gov pages: one job of 110 ms */
	.once = render_committee
};

const struct family family_decisions = {
	.name = "decisions",
	.audiences = AUD_INTERNAL,
	.templates = (const char *const[]){ "decisions.tpl", NULL },
	.cost = 110000,		/* the 5 gov pages: one job of 110 ms */
	.once = render_decisions
};
