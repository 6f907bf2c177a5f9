/*
 * render_marks.c - what several pages mark, a part of the render kit
 * (it calls no page family):
 *
 *	add_decision()		the "Decided on 14 Oct 2026 — id" line of an
 *				affected item (purposes, recipients, systems,
 *				reports)
 *	gov_*_gaps()		the "not yet documented" markers, which ask
 *				complete.c, so a public page says "not yet
 *				documented" exactly where checks.html says
 *				"missing"
 *	set_short_date(), date_verb(), status_word(), function_label()
 *				the dates and words of the governance pages
 *	gov_analysis()		the completeness analysis the staff pages
 *				read (committee, checks)
 *
 * The public build only ever sees published decisions (adopted, public,
 * with a public_summary) and only their title, date and summary: the
 * rationale and internal notes are never put in a public dictionary.
 */
#include <string.h>

#include "render_impl.h"
#include "complete.h"

/* --- decision dates and words --- */

static const char *const mon3[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* key: "14 Oct 2026"; DATETIME: "2026-10-14". */
void
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
const char *
date_verb(enum decision_status s)
{
	return s == DS_PROPOSED ? "Proposed on" : "Decided on";
}

/* The status of a decision as the committee pages show it. */
const char *
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

/* Plain names of the default functions; others show as written. */
const char *
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

/* --- provenance and markers, for the other pages --- */

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

/* --- the analysis of the staff pages --- */

/* The completeness analysis committee/index.html and checks.html read:
 * the build's; only a model never checked needs its own, made into own
 * (its lists in the thread's scratch arena). */
const struct complete *
gov_analysis(struct rctx *rc, struct complete *own)
{
	const struct complete *shared;

	if ((shared = complete_shared(rc->m)) != NULL)
		return shared;
	complete_analyse(rc->m, &rc->scratch, own);
	return own;
}
