/*
 * render_checks.c - checks.html (internal), a page family of
 * render.c's: complete.c's analysis of the model as the staff read it:
 * the findings, the committee's missing functions, overdue reviews,
 * the matrices of items per purpose and per system (only rows that
 * miss something are listed) and the orphans.
 */
#include <stdio.h>
#include <string.h>

#include "render_impl.h"
#include "complete.h"

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
/* The heading of a finding's kind. */
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
/*
 * The worklist of a matrix (sys: of systems, else of purposes): a
 * P_ROW (TITLE ID HREF) or S_ROW (NAME ID HREF) per row that misses an
 * item; complete rows are counted, not listed (matrix_end()).
 */
static void
matrix_list(struct rctx *rc, struct tmpl_dict *c, const struct crow *rows,
    size_t n, int sys, const int *cols, size_t ncols)
{
	struct tmpl_dict *s;
	size_t	 i, ok;

	for (i = 0, ok = 0; i < n; i++) {
		const struct crow *r = &rows[i];

		if (r->nmissing == 0) {
			ok++;
			continue;
		}
		if (sys) {
			s = tmpl_section(c, "S_ROW");
			tmpl_set(s, "NAME", r->system->name);
			tmpl_set(s, "ID", r->system->id);
			set_href(rc, s, "HREF", "systems/", r->system->id,
			    ".html");
		} else {
			s = tmpl_section(c, "P_ROW");
			tmpl_set(s, "TITLE", r->purpose->title);
			tmpl_set(s, "ID", r->purpose->id);
			set_href(rc, s, "HREF", "purposes/", r->purpose->id,
			    ".html");
		}
		matrix_row(s, r, cols, ncols);
	}
	tmpl_set_int(c, sys ? "NSYSTEMS" : "NPURPOSES", (long long)n);
	tmpl_set_int(c, sys ? "NSYSTEMS_OK" : "NPURPOSES_OK", (long long)ok);
	matrix_end(rc, c, sys ? "S" : "P", sys ? "system" : "purpose", n, ok);
}

/* LAWS: the labels of the jurisdictions in jur, as in "EU GDPR, UK GDPR
 * and LGPD". */
static void
set_laws(struct rctx *rc, struct tmpl_dict *d, unsigned jur)
{
	const char *lab[JI__COUNT];
	size_t	 n = 0;
	int	 j;

	for (j = 1; j < JI__COUNT; j++)
		if (jur & JUR_BIT(j))
			lab[n++] = vocab_jurisdictions[j].label;
	set_series(rc, d, "LAWS", lab, n);
}

/* checks.html, from cp: the completeness analysis. */
static void
render_checks(struct rctx *rc)
{
	struct complete own;
	const struct complete *cp = gov_analysis(rc, &own);
	const struct model *m = rc->m;
	unsigned jur = m->site.jurisdictions;
	struct tmpl_dict *d, *c, *s;
	int	 pcols[CI__COUNT], scols[CI__COUNT];
	size_t	 npc = 0, nsc = 0, i;
	int	 j;

	d = page_begin(rc, 0, "checks", NULL, "Checks", "checks.tpl", &c);
	set_laws(rc, c, jur);
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
	matrix_list(rc, c, cp->purposes, cp->npurposes, 0, pcols, npc);
	matrix_list(rc, c, cp->systems, cp->nsystems, 1, scols, nsc);

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

/* --- the family --------------------------------------------------- */

const struct family family_checks = {
	.name = "checks",
	.audiences = AUD_INTERNAL,
	.templates = (const char *const[]){ "checks.tpl", NULL },
	.nav = { "checks", "checks.html", "Checks", NULL },
	.cost = 110000,		/* the 5 gov pages: one job of 110 ms */
	.once = render_checks
};
