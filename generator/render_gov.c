/*
 * render_gov.c - the governance pages, beside render.c's:
 *
 *	committee/index.html	members, required functions, gaps (internal)
 *	committee/decisions.html the decision log, newest first (internal)
 *	changes.html		published decisions, plus atom.c's changes.atom
 *	checks.html		the completeness analysis (internal)
 *	label.html		the privacy label
 *
 * and what other pages borrow from governance: add_decision() (the
 * "Decided on 14 Oct 2026 — id" line of an affected item) and the
 * "not yet documented" markers, which ask complete.c, so a public page
 * says "not yet documented" exactly where checks.html says "missing".
 *
 * The public build only ever sees published decisions (adopted, public,
 * with a public_summary) and only their title, date and summary: the
 * rationale and internal notes are never put in a public dictionary.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glasshouse.h"
#include "complete.h"
#include "render.h"

static const char *const mon3[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* key: "14 Oct 2026"; DATETIME: "2026-10-14". */
static void
set_short_date(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const struct date *dt)
{
	if (dt->m < 1 || dt->m > 12)
		set_fmt(rc, d, key, "%04d", dt->y);
	else if (dt->d == 0)
		set_fmt(rc, d, key, "%s %04d", mon3[dt->m - 1], dt->y);
	else
		set_fmt(rc, d, key, "%d %s %04d", dt->d, mon3[dt->m - 1], dt->y);
	set_fmt(rc, d, "DATETIME", "%04d-%02d-%02d", dt->y, dt->m < 1 ? 1 :
	    dt->m, dt->d < 1 ? 1 : dt->d);
}

/* "Decided on" a date, or only "Proposed on" it. */
static const char *
date_verb(enum decision_status s)
{
	return s == DS_PROPOSED ? "Proposed on" : "Decided on";
}

static const char *
status_word(enum decision_status s)
{
	switch (s) {
	case DS_REJECTED:
		return "Rejected";
	case DS_PROPOSED:
		return "Proposed";
	case DS_ADOPTED:
	default:
		return "Adopted";
	}
}

/* ------------------------------------------------------------------ */
/* Provenance and markers, for the other pages */

/*
 * The latest adopted decision about an item (model.c links it). The
 * public build shows it only when it is published, as CHANGE (SUMMARY,
 * DATE, DECIDED, DATETIME, ID, HREF to the changelog); staff get
 * DECISION with the title, status, rationale and notes, HREF to the
 * decision log.
 */
void
add_decision(struct rctx *rc, struct tmpl_dict *d, const struct decision *dc)
{
	struct tmpl_dict *s;
	size_t	 i;

	if (dc == NULL)
		return;
	if (!rc->staff) {
		if (!decision_published(dc))
			return;
		s = tmpl_section(d, "CHANGE");
		tmpl_set(s, "SUMMARY", dc->public_summary);
		set_date(rc, s, "DATE", &dc->date);
		set_short_date(rc, s, "DECIDED", &dc->date);
		tmpl_set(s, "ID", dc->id);
		set_href(rc, s, "HREF", "changes.html#d-", dc->id, NULL);
		return;
	}
	s = tmpl_section(d, "DECISION");
	tmpl_set(s, "TITLE", dc->title);
	tmpl_set(s, "STATUS", decision_status_key(dc->status));
	tmpl_set(s, "ID", dc->id);
	set_date(rc, s, "DATE", &dc->date);
	set_short_date(rc, s, "DECIDED", &dc->date);
	set_href(rc, s, "HREF", "committee/decisions.html#d-", dc->id, NULL);
	set_opt(s, "PUBLIC_SUMMARY", "TEXT", dc->public_summary);
	tmpl_set(s, "VISIBILITY", dc->audience == AUD_INTERNAL ? "internal" :
	    "public");
	if (dc->rationale_html != NULL && *dc->rationale_html != '\0')
		set_opt(s, "RATIONALE", "HTML", dc->rationale_html);
	for (i = 0; i < dc->internal.n; i++) {
		struct tmpl_dict *x = tmpl_section(s, "DEC_NOTE");
		tmpl_set(x, "KEY", dc->internal.v[i].key);
		tmpl_set(x, "TEXT", dc->internal.v[i].text);
	}
}

/*
 * The markers read the analysis check_model() made once for the build
 * (complete_shared(), shared read-only by both render threads), so no
 * page works an item out again; a model rendered without that analysis
 * (never in a build) gets each answer computed on the spot.
 */
static enum cstate
purpose_item(const struct rctx *rc, const struct purpose *p, enum citem it)
{
	const struct complete *cp = complete_shared(rc->m);

	return cp != NULL ? complete_purpose_state(cp, p, it) :
	    complete_purpose_item(rc->m, p, it);
}

static enum cstate
entry_item(const struct rctx *rc, const struct data_entry *e, enum citem it)
{
	const struct complete *cp = complete_shared(rc->m);

	return cp != NULL ? complete_entry_state(cp, e, it) :
	    complete_entry_item(rc->m, e, it);
}

/* A purpose page: BENEFIT_UNDOCUMENTED, AUTOMATED_UNDOCUMENTED. */
void
gov_purpose_gaps(struct rctx *rc, struct tmpl_dict *d, const struct purpose *p)
{
	if (purpose_item(rc, p, CI_BENEFIT) == CS_MISSING)
		tmpl_show(d, "BENEFIT_UNDOCUMENTED");
	if (purpose_item(rc, p, CI_AUTOMATED) == CS_MISSING)
		tmpl_show(d, "AUTOMATED_UNDOCUMENTED");
}

/* A data table row: E_REQUIRED_UNDOCUMENTED (REQUIRED emptied, as
 * the default "Optional" was never stated), E_SOLD_UNDOCUMENTED. */
void
gov_entry_gaps(struct rctx *rc, struct tmpl_dict *row,
    const struct data_entry *e)
{
	if (entry_item(rc, e, CI_REQUIREMENT) == CS_MISSING) {
		tmpl_set(row, "REQUIRED", "");
		tmpl_show(row, "E_REQUIRED_UNDOCUMENTED");
	}
	if (entry_item(rc, e, CI_SOLD) == CS_MISSING)
		tmpl_show(row, "E_SOLD_UNDOCUMENTED");
}

/* Contact blocks: DPO_UNDOCUMENTED, AUTHORITY_UNDOCUMENTED. */
void
gov_site_gaps(struct rctx *rc, struct tmpl_dict *d)
{
	if (complete_site_item(rc->m, CI_DPO) == CS_MISSING)
		tmpl_show(d, "DPO_UNDOCUMENTED");
	if (complete_site_item(rc->m, CI_COMPLAINT) == CS_MISSING)
		tmpl_show(d, "AUTHORITY_UNDOCUMENTED");
}

/* ------------------------------------------------------------------ */
/* Affected items */

enum akind { AK_SYSTEM, AK_PURPOSE, AK_RECIPIENT, AK_REPORT, AK_NONE };

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

/* ------------------------------------------------------------------ */
/* changes.html, changes.atom */

static void
render_changes(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s;
	size_t	 i, j, n = 0, na;

	d = page_begin(rc, 0, "changes", NULL, "What has changed", T_CHANGES,
	    &c);
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

/* ------------------------------------------------------------------ */
/* committee/index.html, committee/decisions.html (internal) */

/* Plain names of the default functions; others show as written. */
static const char *
function_label(const char *fn)
{
	static const struct {
		const char *key, *label;
	} labels[] = {
		{ "customer-care", "Customer care" }, { "design", "Design" },
		{ "engineering", "Engineering" }, { "it", "IT" },
		{ "legal", "Legal" }, { "marketing", "Marketing" },
		{ "sales", "Sales" }, { "security", "Security" },
		{ "hr", "HR" }, { "finance", "Finance" }
	};
	size_t	 i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(fn, labels[i].key) == 0)
			return labels[i].label;
	return fn;
}

static int
is_required(const struct committee *co, const char *fn)
{
	size_t	 i;

	for (i = 0; i < co->required_functions.n; i++)
		if (strcmp(co->required_functions.v[i], fn) == 0)
			return 1;
	return 0;
}

static void
render_committee(struct rctx *rc, const struct complete *cp)
{
	const struct model *m = rc->m;
	const struct committee *co = &m->committee;
	struct tmpl_dict *d, *c, *s, *x;
	size_t	 i, j, k, nad = 0, nrej = 0, npro = 0;

	d = page_begin(rc, 1, "committee", NULL, "Data policy committee",
	    T_COMMITTEE, &c);
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

static void
render_decisions(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s, *x;
	size_t	 i, j, na;

	d = page_begin(rc, 1, NULL, "committee", "Decision log", T_DECISIONS,
	    &c);
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

/* ------------------------------------------------------------------ */
/* checks.html (internal) */

/* Column headings of the matrices. */
static const char *const item_short[CI__COUNT] = {
	[CI_CONTROLLER] = "Controller", [CI_DPO] = "DPO",
	[CI_PURPOSE] = "Purpose and basis", [CI_INTEREST] = "Legitimate interest",
	[CI_CATEGORIES] = "Categories", [CI_RECIPIENTS] = "Recipients",
	[CI_TRANSFERS] = "Transfers", [CI_RETENTION] = "Retention",
	[CI_RIGHTS] = "Rights", [CI_WITHDRAW] = "Withdrawal",
	[CI_COMPLAINT] = "Complaint", [CI_REQUIREMENT] = "Must give?",
	[CI_SOURCE] = "Source", [CI_AUTOMATED] = "Automated decisions",
	[CI_SOLD] = "Sold or shared", [CI_BENEFIT] = "Benefit"
};

static const char *
finding_kind(enum cfinding_kind k)
{
	switch (k) {
	case CF_SITE:
		return "Site";
	case CF_ORPHAN:
		return "Orphan";
	case CF_COMMITTEE:
		return "Committee";
	case CF_REVIEW:
		return "Review due";
	case CF_ITEM:
	default:
		return "Missing item";
	}
}

/* One matrix row: CK_CELL sections with CELL_PRESENT / CELL_MISSING /
 * CELL_NA, over the items cols[0..ncols). */
static void
matrix_row(struct tmpl_dict *row, const struct crow *r, const int *cols,
    size_t ncols)
{
	struct tmpl_dict *x;
	size_t	 i;

	for (i = 0; i < ncols; i++) {
		x = tmpl_section(row, "CK_CELL");
		tmpl_set(x, "ITEM", complete_items[cols[i]].label);
		switch (r->state[cols[i]]) {
		case CS_PRESENT:
			tmpl_show(x, "CELL_PRESENT");
			break;
		case CS_MISSING:
			tmpl_show(x, "CELL_MISSING");
			break;
		default:
			tmpl_show(x, "CELL_NA");
			break;
		}
	}
	tmpl_set_int(row, "NMISSING", (long long)r->nmissing);
}

/* After the worklist of a matrix: PFX_NO_ROWS (none at all), PFX_ALL_OK
 * (none missing anything) or HAS_PFX_ROWS with PFX_OK_NOTE(TEXT), how
 * many complete rows are not listed. */
static void
matrix_end(struct rctx *rc, struct tmpl_dict *c, const char *pfx,
    const char *noun, size_t n, size_t ok)
{
	char	 name[32];

	if (n == 0) {
		snprintf(name, sizeof(name), "NO_%s_ROWS", pfx);
		tmpl_show(c, name);
	} else if (ok == n) {
		snprintf(name, sizeof(name), "%s_ALL_OK", pfx);
		tmpl_show(c, name);
	} else {
		snprintf(name, sizeof(name), "HAS_%s_ROWS", pfx);
		tmpl_show(c, name);
		if (ok > 0) {
			snprintf(name, sizeof(name), "%s_OK_NOTE", pfx);
			set_fmt(rc, tmpl_section(c, name), "TEXT", "%zu complete "
			    "%s%s %s not listed.", ok, noun, ok == 1 ? "" : "s",
			    ok == 1 ? "is" : "are");
		}
	}
}

static void
render_checks(struct rctx *rc, const struct complete *cp)
{
	const struct model *m = rc->m;
	unsigned jur = m->site.jurisdictions;
	struct tmpl_dict *d, *c, *s;
	int	 pcols[CI__COUNT], scols[CI__COUNT];
	size_t	 npc = 0, nsc = 0, i, ok;
	int	 j;

	d = page_begin(rc, 0, "checks", NULL, "Checks", T_CHECKS, &c);
	/* "EU GDPR and UK GDPR" */
	{
		const char *lab[JI__COUNT];
		int	 n = 0, k;

		for (j = 1; j < JI__COUNT; j++)
			if (jur & JUR_BIT(j))
				lab[n++] = vocab_jurisdictions[j].label;
		buf_reset(&rc->tmp);
		for (k = 0; k < n; k++) {
			if (k > 0)
				buf_puts(&rc->tmp, k == n - 1 ? " and " : ", ");
			buf_puts(&rc->tmp, lab[k]);
		}
		tmpl_setn(c, "LAWS", rc->tmp.ptr, rc->tmp.len);
	}
	tmpl_set_int(c, "NFINDINGS", (long long)cp->nfindings);
	for (i = 0; i < cp->nfindings; i++) {
		const struct cfinding *f = &cp->findings[i];

		s = tmpl_section(c, "FINDING");
		if (f->pos.line > 0)
			set_fmt(rc, s, "WHERE", "%s:%d:%d",
			    content_path(rc, f->pos.file), f->pos.line,
			    f->pos.col);
		else
			tmpl_set(s, "WHERE", content_path(rc, f->pos.file));
		tmpl_set(s, "KIND", finding_kind(f->kind));
		tmpl_set(s, "MSG", f->msg);
	}
	tmpl_show(c, cp->nfindings > 0 ? "HAS_FINDINGS" : "NO_FINDINGS");

	/* Committee and reviews. */
	set_href(rc, c, "COMMITTEE_HREF", "committee/index.html", NULL, NULL);
	for (i = 0; i < cp->nmissing_functions; i++) {
		s = tmpl_section(c, "MISSING_FN");
		tmpl_set(s, "LABEL", function_label(cp->missing_functions[i]));
	}
	tmpl_show(c, cp->nmissing_functions > 0 ? "HAS_MISSING_FN" :
	    m->committee.present ? "NO_MISSING_FN" : "NO_COMMITTEE");
	for (i = 0; i < cp->noverdue; i++) {
		const struct purpose *p = cp->overdue[i];

		s = tmpl_section(c, "OVERDUE");
		tmpl_set(s, "TITLE", p->title);
		set_href(rc, s, "HREF", "purposes/", p->id, ".html");
		set_date(rc, s, "DATE", &p->review_by);
		set_opt(s, "OV_OWNER", "TEXT", p->owner);
	}
	tmpl_show(c, cp->noverdue > 0 ? "HAS_OVERDUE" : "NO_OVERDUE");
	/* Only a pinned date is printed: a build without SOURCE_DATE_EPOCH
	 * carries no timestamp (the check itself still uses the clock). */
	if (m->today.y != 0 && m->source_date_epoch >= 0)
		set_date(rc, tmpl_section(c, "AS_OF"), "DATE", &m->today);

	/* The matrices: items that apply under the site's laws. */
	for (j = 0; j < CI__COUNT; j++) {
		if (!complete_applies((enum citem)j, jur))
			continue;
		pcols[npc++] = j;
		if (complete_items[j].scope == CSC_DATA)
			scols[nsc++] = j;
	}
	for (i = 0; i < npc; i++) {
		const struct citem_info *ci = &complete_items[pcols[i]];

		s = tmpl_section(c, "P_COL");
		tmpl_set(s, "SHORT", item_short[pcols[i]]);
		tmpl_set(s, "LABEL", ci->label);
		s = tmpl_section(c, "ITEM");
		tmpl_set(s, "SHORT", item_short[pcols[i]]);
		tmpl_set(s, "LABEL", ci->label);
		tmpl_set(s, "KEY", ci->key);
		if (jur & JUR_GDPR_ANY)
			tmpl_set(tmpl_section(s, "IT_GDPR"), "TEXT",
			    ci->gdpr != NULL ? ci->gdpr : "\xe2\x80\x93");
		if (jur & JUR_LGPD)
			tmpl_set(tmpl_section(s, "IT_LGPD"), "TEXT",
			    ci->lgpd != NULL ? ci->lgpd : "\xe2\x80\x93");
		if (jur & JUR_CCPA)
			tmpl_set(tmpl_section(s, "IT_CCPA"), "TEXT",
			    ci->ccpa != NULL ? ci->ccpa : "\xe2\x80\x93");
		if (ci->gdpr == NULL && ci->lgpd == NULL && ci->ccpa == NULL)
			tmpl_show(s, "IT_PRACTICE");
	}
	for (i = 0; i < nsc; i++) {
		s = tmpl_section(c, "S_COL");
		tmpl_set(s, "SHORT", item_short[scols[i]]);
		tmpl_set(s, "LABEL", complete_items[scols[i]].label);
	}
	if (jur & JUR_GDPR_ANY)
		tmpl_show(c, "LAW_GDPR");
	if (jur & JUR_LGPD)
		tmpl_show(c, "LAW_LGPD");
	if (jur & JUR_CCPA)
		tmpl_show(c, "LAW_CCPA");
	/* The worklist: complete rows are counted, not listed. */
	for (i = 0, ok = 0; i < cp->npurposes; i++) {
		const struct crow *r = &cp->purposes[i];

		if (r->nmissing == 0) {
			ok++;
			continue;
		}
		s = tmpl_section(c, "P_ROW");
		tmpl_set(s, "TITLE", r->purpose->title);
		tmpl_set(s, "ID", r->purpose->id);
		set_href(rc, s, "HREF", "purposes/", r->purpose->id, ".html");
		matrix_row(s, r, pcols, npc);
	}
	tmpl_set_int(c, "NPURPOSES", (long long)cp->npurposes);
	tmpl_set_int(c, "NPURPOSES_OK", (long long)ok);
	matrix_end(rc, c, "P", "purpose", cp->npurposes, ok);
	for (i = 0, ok = 0; i < cp->nsystems; i++) {
		const struct crow *r = &cp->systems[i];

		if (r->nmissing == 0) {
			ok++;
			continue;
		}
		s = tmpl_section(c, "S_ROW");
		tmpl_set(s, "NAME", r->system->name);
		tmpl_set(s, "ID", r->system->id);
		set_href(rc, s, "HREF", "systems/", r->system->id, ".html");
		matrix_row(s, r, scols, nsc);
	}
	tmpl_set_int(c, "NSYSTEMS", (long long)cp->nsystems);
	tmpl_set_int(c, "NSYSTEMS_OK", (long long)ok);
	matrix_end(rc, c, "S", "system", cp->nsystems, ok);

	/* Orphans. */
	for (i = 0; i < cp->norphan_purposes; i++)
		purpose_link(rc, c, "ORPHAN_PURPOSE", cp->orphan_purposes[i]);
	for (i = 0; i < cp->norphan_recipients; i++)
		recipient_link(rc, c, "ORPHAN_RECIPIENT",
		    cp->orphan_recipients[i]);
	tmpl_show(c, cp->norphan_purposes + cp->norphan_recipients > 0 ?
	    "HAS_ORPHANS" : "NO_ORPHANS");
	page_end(rc, d, "checks.html", NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* label.html */

/* The group of a category: the child of its taxonomy root. */
static const struct category *
group_of(const struct category *c)
{
	while (c->parent != NULL && c->parent->parent != NULL)
		c = c->parent;
	return c;
}

struct lrow {
	const struct category	*c, *g;
};
static int
cmp_lrow(const void *a, const void *b)
{
	const struct lrow *x = a, *y = b;
	int	 r = strcmp(x->g->key, y->g->key);

	return r != 0 ? r : strcmp(x->c->key, y->c->key);
}

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
	struct lrow	*rows;		/* categories in use, by group */
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
		lb->rows[i].g = group_of(lb->rows[i].c);
	}
	lb->nrows = rc->cats.n;
	if (lb->nrows > 1)
		qsort(lb->rows, lb->nrows, sizeof(*lb->rows), cmp_lrow);
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
		if (lb->rows[i].g != lastg) {
			lastg = lb->rows[i].g;
			g = tmpl_section(c, gname);
			tmpl_set(g, "NAME", lastg->name);
		}
		s = tmpl_section(g, cname);
		tmpl_set(s, "NAME", lb->rows[i].c->name);
		set_href(rc, s, "HREF", "data/", lb->rows[i].c->key, ".html");
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
		if (lb->rows[i].g != lastg) {
			lastg = lb->rows[i].g;
			g = tmpl_section(c, "GRID_GROUP");
			tmpl_set(g, "NAME", lastg->name);
		}
		s = tmpl_section(g, "GRID_ROW");
		tmpl_set(s, "NAME", lb->rows[i].c->name);
		set_href(rc, s, "HREF", "data/", lb->rows[i].c->key, ".html");
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
		if (lb->rows[i].g != lastg) {
			lastg = lb->rows[i].g;
			g = tmpl_section(c, "SUM_GROUP");
			tmpl_set(g, "NAME", lastg->name);
		}
		s = tmpl_section(g, "SUM_ROW");
		tmpl_set(s, "NAME", lb->rows[i].c->name);
		set_href(rc, s, "HREF", "data/", lb->rows[i].c->key, ".html");
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

static void
render_label(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s;
	struct label lb;
	size_t	 i, j, n;
	int	 sec;

	d = page_begin(rc, 0, "label", NULL, "Privacy label", T_LABEL, &c);
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

/* ------------------------------------------------------------------ */

void
render_gov(struct rctx *rc)
{
	const struct complete *shared;
	struct complete cp;

	render_label(rc);
	render_changes(rc);
	if (!rc->staff)
		return;
	/* The build's analysis; only a model never checked needs its own. */
	if ((shared = complete_shared(rc->m)) == NULL) {
		complete_analyse(rc->m, &rc->scratch, &cp);
		shared = &cp;
	}
	render_committee(rc, shared);
	render_decisions(rc);
	render_checks(rc, shared);
}
