/*
 * complete.c - the completeness analysis (complete.h): which items of a
 * privacy notice each purpose and system documents, for the laws the
 * site names, and the findings check.c prints and checks.html lists.
 *
 * An item is missing only where the content could have said it and
 * did not: a field left out (benefit, automated_decisions, the DPO),
 * a default the content format fills in silently where the law wants
 * an answer ('required' on data people give us, 'sold' under the
 * CCPA), or a fact the notice needs but the inventory lacks (where a
 * system stores data). Items the decoder already makes errors of
 * (a consent purpose without 'withdraw') count as missing in the
 * matrix but give no second diagnostic: one problem, one message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "complete.h"

const struct citem_info complete_items[CI__COUNT] = {
	[CI_CONTROLLER] = { "controller", "Who we are and how to reach us",
	    CSC_SITE, "Art. 13(1)(a), 14(1)(a)", "Art. 9(III), 9(IV)", NULL },
	[CI_DPO] = { "dpo", "Data protection officer", CSC_SITE,
	    "Art. 13(1)(b), 14(1)(b)", "Art. 41 \xc2\xa7" "1", NULL },
	[CI_PURPOSE] = { "purpose", "Purpose and legal basis", CSC_PURPOSE,
	    "Art. 13(1)(c), 14(1)(c)", "Art. 9(I), 7",
	    "\xc2\xa7" "1798.100(a)(1)" },
	[CI_INTEREST] = { "interest", "Legitimate interest pursued",
	    CSC_PURPOSE, "Art. 13(1)(d), 14(2)(b)", NULL, NULL },
	[CI_CATEGORIES] = { "categories", "Categories of data", CSC_DATA,
	    "Art. 14(1)(d)", NULL, "\xc2\xa7" "1798.100(a)(1)" },
	[CI_RECIPIENTS] = { "recipients", "Recipients", CSC_DATA,
	    "Art. 13(1)(e), 14(1)(e)", "Art. 9(V), 9(VI)", NULL },
	[CI_TRANSFERS] = { "transfers", "Transfers outside the UK/EEA and "
	    "their safeguards", CSC_DATA, "Art. 13(1)(f), 14(1)(f)", NULL,
	    NULL },
	[CI_RETENTION] = { "retention", "How long data is kept", CSC_DATA,
	    "Art. 13(2)(a), 14(2)(a)", "Art. 9(II)",
	    "\xc2\xa7" "1798.100(a)(3)" },
	[CI_RIGHTS] = { "rights", "Rights and how to use them", CSC_SITE,
	    "Art. 13(2)(b), 14(2)(c)", "Art. 9(VII), 18",
	    "Regs. \xc2\xa7" "7012(e)(5)\xe2\x80\x93(6)" },
	[CI_WITHDRAW] = { "withdraw", "How to withdraw consent", CSC_PURPOSE,
	    "Art. 13(2)(c), 14(2)(d)", "Art. 8 \xc2\xa7" "5", NULL },
	[CI_COMPLAINT] = { "complaint", "Right to complain to the authority",
	    CSC_SITE, "Art. 13(2)(d), 14(2)(e)", NULL, NULL },
	[CI_REQUIREMENT] = { "requirement", "Whether people must give the "
	    "data, and why", CSC_DATA, "Art. 13(2)(e)", NULL, NULL },
	[CI_SOURCE] = { "source", "Where the data comes from", CSC_DATA,
	    "Art. 14(2)(f)", NULL, NULL },
	[CI_AUTOMATED] = { "automated", "Automated decisions", CSC_PURPOSE,
	    "Art. 13(2)(f), 14(2)(g)", NULL, NULL },
	[CI_SOLD] = { "sold", "Whether data is sold or shared", CSC_DATA,
	    NULL, NULL, "\xc2\xa7" "1798.100(a)(1)" },
	[CI_BENEFIT] = { "benefit", "What people get from it", CSC_PURPOSE,
	    NULL, NULL, NULL },
};

bool
complete_applies(enum citem it, unsigned jur)
{
	const struct citem_info *ci = &complete_items[it];

	if (ci->gdpr == NULL && ci->lgpd == NULL && ci->ccpa == NULL)
		return true;	/* good practice: everywhere */
	return (ci->gdpr != NULL && (jur & JUR_GDPR_ANY)) ||
	    (ci->lgpd != NULL && (jur & JUR_LGPD)) ||
	    (ci->ccpa != NULL && (jur & JUR_CCPA));
}

/* --- states ------------------------------------------------------- */

static enum cstate
site_state(const struct model *m, enum citem it)
{
	const struct site *s = &m->site;

	if (!complete_applies(it, s->jurisdictions))
		return CS_NA;
	switch (it) {
	case CI_CONTROLLER:
		return s->name != NULL && s->address != NULL &&
		    s->email != NULL ? CS_PRESENT : CS_MISSING;
	case CI_DPO:
		return s->dpo.name != NULL || s->dpo.email != NULL ?
		    CS_PRESENT : CS_MISSING;
	case CI_COMPLAINT:
		return s->authority.name != NULL ? CS_PRESENT : CS_MISSING;
	case CI_RIGHTS:
		return CS_PRESENT;	/* rights.html, from the vocabulary */
	default:
		abort();		/* not a site item */
	}
}

enum cstate
complete_site_item(const struct model *m, enum citem it)
{
	return site_state(m, it);
}

enum cstate
complete_entry_item(const struct model *m, const struct data_entry *e,
    enum citem it)
{
	unsigned jur = m->site.jurisdictions;

	if (!complete_applies(it, jur))
		return CS_NA;
	switch (it) {
	case CI_REQUIREMENT:
		/* Art. 13(2)(e) is about data people give us. */
		if (e->source != SRC_YOU)
			return CS_NA;
		/* written in the entry itself, not a default (model_derive) */
		return e->required_stated ? CS_PRESENT : CS_MISSING;
	case CI_SOLD:
		return e->sold_stated ? CS_PRESENT : CS_MISSING;
	default:
		abort();		/* not an entry item */
	}
}

/* A country outside the UK/EEA where a system keeps data is covered
 * when the vendor that runs it is there under a safeguard, or has a
 * safeguarded onward transfer there. */
static bool
location_covered(const struct system *sy, const char *cc)
{
	const struct recipient *v = sy->vendor.to;
	size_t i;

	if (country_in_eea_uk(cc))
		return true;
	if (v == NULL)
		return false;
	if (v->country != NULL && strcmp(v->country, cc) == 0 &&
	    v->safeguard != SG_NONE)
		return true;
	for (i = 0; i < v->ntransfers; i++)
		if (v->transfers[i].country != NULL &&
		    strcmp(v->transfers[i].country, cc) == 0 &&
		    v->transfers[i].safeguard != SG_NONE)
			return true;
	return false;
}

/* The first location of sy that no safeguard covers, or NULL. */
static const char *
uncovered_location(const struct system *sy)
{
	size_t i;

	for (i = 0; i < sy->locations.n; i++)
		if (!location_covered(sy, sy->locations.v[i]))
			return sy->locations.v[i];
	return NULL;
}

static enum cstate
system_transfers(const struct model *m, const struct system *sy)
{
	if (!complete_applies(CI_TRANSFERS, m->site.jurisdictions))
		return CS_NA;
	if (sy->locations.n == 0 || uncovered_location(sy) != NULL)
		return CS_MISSING;
	return CS_PRESENT;
}

/* --- the index ----------------------------------------------------- */

/*
 * Open addressing from the model's objects to a small value: a data
 * entry to its two own items (requirement in bits 0-1, sold in 2-3), a
 * system to its transfers state, a purpose to its row. Entries,
 * systems and purposes are distinct objects, so one table holds all.
 */
struct cslot {
	const void	*key;		/* NULL: free */
	uint32_t	 val;
};
struct cindex {
	struct cslot	*slots;		/* key and value side by side: one
					 * cache line per lookup */
	size_t		 mask;
};

static size_t
ci_slot(const struct cindex *ix, const void *k)
{
	uint64_t h = (uint64_t)(uintptr_t)k;
	size_t i;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	for (i = (size_t)h & ix->mask; ix->slots[i].key != NULL &&
	    ix->slots[i].key != k; i = (i + 1) & ix->mask)
		;
	return i;
}

static void
ci_put(struct cindex *ix, const void *k, uint32_t v)
{
	size_t i = ci_slot(ix, k);

	ix->slots[i].key = k;
	ix->slots[i].val = v;
}

static bool
ci_get(const struct cindex *ix, const void *k, uint32_t *v)
{
	size_t i;

	if (ix == NULL)
		return false;
	i = ci_slot(ix, k);
	if (ix->slots[i].key == NULL)
		return false;
	*v = ix->slots[i].val;
	return true;
}

static enum cstate
transfers_item(const struct model *m, const struct cindex *ix,
    const struct system *sy)
{
	uint32_t v;

	if (ci_get(ix, sy, &v))
		return (enum cstate)v;
	return system_transfers(m, sy);
}

/* Index every system of m (purposes come with their rows; an entry's
 * items are two of its own fields, cheaper to read than to look up).
 * Sized for half occupancy at most. */
static struct cindex *
index_build(const struct model *m, struct arena *a)
{
	struct cindex *ix;
	size_t i, n = m->npurposes + m->nsystems, cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	ix = arena_alloc(a, sizeof(*ix));
	ix->slots = arena_alloc(a, cap * sizeof(*ix->slots));
	memset(ix->slots, 0, cap * sizeof(*ix->slots));
	ix->mask = cap - 1;
	for (i = 0; i < m->nsystems; i++)
		ci_put(ix, m->systems[i],
		    (uint32_t)system_transfers(m, m->systems[i]));
	return ix;
}

/* Merge one entry's data items into a row's states. */
static void
merge(unsigned char *st, enum citem it, enum cstate s)
{
	if (s == CS_MISSING || (s == CS_PRESENT && st[it] == CS_NA))
		st[it] = (unsigned char)s;
}

/* The items that hang on data, over n entries (e[i] or *ep[i]); ix,
 * when not NULL, has the entries' and systems' own states. */
static void
data_states(const struct model *m, const struct cindex *ix,
    unsigned char *st, const struct data_entry *e,
    struct data_entry *const *ep, size_t n)
{
	unsigned jur = m->site.jurisdictions;
	size_t i;

	st[CI_CATEGORIES] = st[CI_RECIPIENTS] = st[CI_TRANSFERS] =
	    st[CI_RETENTION] = st[CI_REQUIREMENT] = st[CI_SOURCE] =
	    st[CI_SOLD] = CS_NA;
	if (n == 0) {
		/* Nothing to describe: the categories are what is missing
		 * (an orphan finding says so), the rest follows from them. */
		if (complete_applies(CI_CATEGORIES, jur))
			st[CI_CATEGORIES] = CS_MISSING;
		return;
	}
	for (i = 0; i < n; i++) {
		const struct data_entry *x = ep != NULL ? ep[i] : &e[i];

		if (complete_applies(CI_CATEGORIES, jur))
			merge(st, CI_CATEGORIES, x->category.to != NULL ?
			    CS_PRESENT : CS_MISSING);
		if (complete_applies(CI_RECIPIENTS, jur))
			merge(st, CI_RECIPIENTS, CS_PRESENT);
		if (complete_applies(CI_RETENTION, jur))
			merge(st, CI_RETENTION, x->retention.text != NULL ?
			    CS_PRESENT : CS_MISSING);
		if (x->system != NULL)
			merge(st, CI_TRANSFERS, transfers_item(m, ix,
			    x->system));
		merge(st, CI_REQUIREMENT, complete_entry_item(m, x,
		    CI_REQUIREMENT));
		if (complete_applies(CI_SOURCE, jur) && x->source != SRC_YOU)
			merge(st, CI_SOURCE, x->source == SRC_RECIPIENT &&
			    x->source_ref.to == NULL ? CS_MISSING : CS_PRESENT);
		merge(st, CI_SOLD, complete_entry_item(m, x, CI_SOLD));
	}
}

/* Every item of one purpose, into st. */
static void
purpose_states(const struct model *m, const struct cindex *ix,
    const struct purpose *p, unsigned char *st)
{
	unsigned jur = m->site.jurisdictions;
	bool consent;

	memset(st, CS_NA, CI__COUNT);
	st[CI_CONTROLLER] = (unsigned char)site_state(m, CI_CONTROLLER);
	st[CI_DPO] = (unsigned char)site_state(m, CI_DPO);
	st[CI_RIGHTS] = (unsigned char)site_state(m, CI_RIGHTS);
	st[CI_COMPLAINT] = (unsigned char)site_state(m, CI_COMPLAINT);
	if (complete_applies(CI_PURPOSE, jur))
		st[CI_PURPOSE] = p->summary != NULL &&
		    p->legal_basis != LB_NONE ? CS_PRESENT : CS_MISSING;
	if (complete_applies(CI_INTEREST, jur) &&
	    p->legal_basis == LB_LEGITIMATE_INTERESTS)
		st[CI_INTEREST] = p->legitimate_interest != NULL ?
		    CS_PRESENT : CS_MISSING;
	consent = p->legal_basis == LB_CONSENT ||
	    p->special_condition == SC_EXPLICIT_CONSENT;
	if (complete_applies(CI_WITHDRAW, jur) && consent)
		st[CI_WITHDRAW] = p->withdraw != NULL ? CS_PRESENT :
		    CS_MISSING;
	if (complete_applies(CI_AUTOMATED, jur))
		st[CI_AUTOMATED] = p->automated_decisions != NULL ?
		    CS_PRESENT : CS_MISSING;
	if (complete_applies(CI_BENEFIT, jur))
		st[CI_BENEFIT] = p->benefit != NULL ? CS_PRESENT : CS_MISSING;
	data_states(m, ix, st, NULL, p->uses, p->nuses);
}

enum cstate
complete_purpose_item(const struct model *m, const struct purpose *p,
    enum citem it)
{
	unsigned char st[CI__COUNT];

	purpose_states(m, NULL, p, st);
	return (enum cstate)st[it];
}

enum cstate
complete_purpose_state(const struct complete *c, const struct purpose *p,
    enum citem it)
{
	uint32_t v;

	if (ci_get(c->index, p, &v))
		return (enum cstate)c->purposes[v].state[it];
	return complete_purpose_item(c->m, p, it);	/* retired: no row */
}

enum cstate
complete_entry_state(const struct complete *c, const struct data_entry *e,
    enum citem it)
{
	return complete_entry_item(c->m, e, it);
}

static size_t
count_missing(const unsigned char *st)
{
	size_t i, n = 0;

	for (i = 0; i < CI__COUNT; i++)
		n += st[i] == CS_MISSING;
	return n;
}

/* --- findings ----------------------------------------------------- */

struct cx {
	const struct model	*m;
	struct arena		*a;
	struct complete		*c;
	size_t			 cap;
	bool			 always;	/* for the next finds */
};

static void
find(struct cx *x, struct pos pos, enum cfinding_kind kind,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
find(struct cx *x, struct pos pos, enum cfinding_kind kind,
    const char *fmt, ...)
{
	struct complete *c = x->c;
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (c->nfindings == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		c->findings = xrealloc(c->findings,
		    x->cap * sizeof(*c->findings));
	}
	if (pos.file == NULL)
		pos.file = "";
	c->findings[c->nfindings].pos = pos;
	c->findings[c->nfindings].kind = kind;
	c->findings[c->nfindings].msg = arena_strndup(x->a, b.ptr, b.len);
	c->findings[c->nfindings].always = x->always;
	c->nfindings++;
	buf_free(&b);
}

/* "eu-gdpr, uk-gdpr and lgpd": the site's laws that ask for item. */
static const char *
laws_for(struct cx *x, enum citem it)
{
	const struct citem_info *ci = &complete_items[it];
	unsigned jur = x->m->site.jurisdictions;
	const char *v[JI__COUNT];
	struct buf b = BUF_INIT;
	const char *s;
	int j, n = 0, k;

	for (j = 1; j < JI__COUNT; j++) {
		unsigned bit = JUR_BIT(j);
		const char *ref = bit & JUR_GDPR_ANY ? ci->gdpr :
		    bit == JUR_LGPD ? ci->lgpd : ci->ccpa;

		if ((jur & bit) && ref != NULL)
			v[n++] = vocab_jurisdictions[j].key;
	}
	for (k = 0; k < n; k++) {
		if (k > 0)
			buf_puts(&b, k == n - 1 ? " and " : ", ");
		buf_puts(&b, v[k]);
	}
	s = arena_strndup(x->a, b.ptr, b.len);
	buf_free(&b);
	return s;
}

static void
site_findings(struct cx *x)
{
	const struct site *s = &x->m->site;
	struct pos org;

	if (s->node == NULL)
		return;		/* no site.yaml: already an error */
	org = yml_key_pos(s->node, "organisation", s->pos);
	/* The warnings check.c printed before this analysis existed
	 * stay printed next to errors, as they were. */
	x->always = true;
	if (site_state(x->m, CI_DPO) == CS_MISSING)
		find(x, org, CF_SITE, "missing 'organisation.dpo' (expected "
		    "under %s)", laws_for(x, CI_DPO));
	if (site_state(x->m, CI_COMPLAINT) == CS_MISSING)
		find(x, org, CF_SITE, "missing 'organisation.authority' "
		    "(expected under %s)", laws_for(x, CI_COMPLAINT));
	x->always = false;
}

static void
purpose_findings(struct cx *x, const struct purpose *p,
    const unsigned char *st)
{
	if (st[CI_BENEFIT] == CS_MISSING)
		find(x, p->pos, CF_ITEM, "purpose '%s' has no 'benefit' (what "
		    "people get from it; public pages say 'not yet "
		    "documented')", p->id);
	if (st[CI_AUTOMATED] == CS_MISSING)
		find(x, p->pos, CF_ITEM, "purpose '%s' has no "
		    "'automated_decisions' (expected under %s; write 'none' "
		    "when no decision is made by automated means alone)",
		    p->id, laws_for(x, CI_AUTOMATED));
	/* A consent basis without 'withdraw' is a decode error; explicit
	 * consent under another basis is only this warning. */
	if (st[CI_WITHDRAW] == CS_MISSING && p->legal_basis != LB_CONSENT)
		find(x, p->special_condition_at, CF_ITEM,
		    "purpose '%s' relies on explicit consent but has no "
		    "'withdraw' (how people withdraw it)", p->id);
}

static const char *
entry_name(const struct data_entry *e)
{
	return e->category.id != NULL ? e->category.id : "?";
}

static void
system_findings(struct cx *x, const struct system *sy)
{
	const char *cc;
	size_t i;

	if (complete_applies(CI_TRANSFERS, x->m->site.jurisdictions)) {
		if (sy->locations.n == 0)
			find(x, sy->pos, CF_ITEM, "system '%s' has no "
			    "'locations' (where it stores data; needed to "
			    "tell people about transfers)", sy->id);
		else if ((cc = uncovered_location(sy)) != NULL)
			find(x, sy->locations_at,
			    CF_ITEM, "system '%s' stores data in '%s', outside "
			    "the UK/EEA, and no safeguard covers it (a "
			    "'vendor' there with a 'safeguard', or a vendor "
			    "transfer to '%s')", sy->id, cc, cc);
	}
	for (i = 0; i < sy->ndata; i++) {
		const struct data_entry *e = &sy->data[i];

		if (complete_entry_item(x->m, e, CI_REQUIREMENT) ==
		    CS_MISSING)
			find(x, e->pos, CF_ITEM, "data entry '%s' does not "
			    "say whether people must give it ('required': "
			    "contract, law or optional)", entry_name(e));
		if (complete_entry_item(x->m, e, CI_SOLD) == CS_MISSING)
			find(x, e->pos, CF_ITEM, "data entry '%s' does not say "
			    "whether it is 'sold' (expected under ccpa)",
			    entry_name(e));
	}
}

static void
orphan_findings(struct cx *x)
{
	const struct model *m = x->m;
	struct complete *c = x->c;
	struct hmap ridx = { 0 };
	bool *source;
	size_t i, j, k;

	c->orphan_purposes = arena_alloc(x->a, (m->npurposes + 1) *
	    sizeof(*c->orphan_purposes));
	for (i = 0; i < m->npurposes; i++) {
		const struct purpose *p = m->purposes[i];

		/* Retired purposes stay as history after their data. */
		if (p->nuses > 0 || p->status == PS_RETIRED)
			continue;
		c->orphan_purposes[c->norphan_purposes++] = p;
		x->always = true;	/* as before complete.c */
		find(x, p->pos, CF_ORPHAN, "purpose '%s' is not used by any "
		    "data entry", p->id);
		x->always = false;
	}
	/* Recipients that are a source of data are not orphans either. */
	source = xcalloc(m->nrecipients + 1, sizeof(*source));
	for (i = 0; i < m->nrecipients; i++)
		hmap_put(&ridx, m->recipients[i]->id,
		    (void *)(uintptr_t)(i + 1));
	for (i = 0; i < m->nsystems; i++)
		for (j = 0; j < m->systems[i]->ndata; j++) {
			const struct data_entry *e = &m->systems[i]->data[j];
			const struct recipient *r = e->source_ref.to;

			if (e->source != SRC_RECIPIENT || r == NULL)
				continue;
			k = (size_t)(uintptr_t)hmap_get(&ridx, r->id);
			if (k > 0 && m->recipients[k - 1] == r)
				source[k - 1] = true;
		}
	hmap_free(&ridx);
	c->orphan_recipients = arena_alloc(x->a, (m->nrecipients + 1) *
	    sizeof(*c->orphan_recipients));
	for (i = 0; i < m->nrecipients; i++) {
		const struct recipient *r = m->recipients[i];

		if (r->nshared > 0 || source[i])
			continue;
		c->orphan_recipients[c->norphan_recipients++] = r;
		find(x, r->pos, CF_ORPHAN, "recipient '%s' receives no data "
		    "(no data entry is shared with it and it runs no system)",
		    r->id);
	}
	free(source);
}

/* Where a required function is named in members.yaml. */
static struct pos
function_pos(const struct committee *co, const char *fn)
{
	const struct ynode *l;
	size_t i;

	if (co->node == NULL || co->node->type != YN_MAP ||
	    (l = yml_get(co->node, "required_functions")) == NULL)
		return co->pos;
	if (l->type != YN_SEQ)
		return l->pos;
	for (i = 0; i < l->n; i++)
		if (l->items[i]->type == YN_SCALAR &&
		    strcmp(l->items[i]->str, fn) == 0)
			return l->items[i]->pos;
	return l->pos;
}

static void
committee_findings(struct cx *x)
{
	const struct committee *co = &x->m->committee;
	struct complete *c = x->c;
	size_t i, j;

	if (!co->present)
		return;
	c->missing_functions = arena_alloc(x->a,
	    (co->required_functions.n + 1) * sizeof(*c->missing_functions));
	for (i = 0; i < co->required_functions.n; i++) {
		const char *fn = co->required_functions.v[i];

		for (j = 0; j < co->nmembers; j++)
			if (co->members[j].function != NULL &&
			    strcmp(co->members[j].function, fn) == 0)
				break;
		if (j < co->nmembers)
			continue;
		for (j = 0; j < c->nmissing_functions; j++)
			if (strcmp(c->missing_functions[j], fn) == 0)
				break;
		if (j < c->nmissing_functions)
			continue;	/* listed twice: one finding */
		c->missing_functions[c->nmissing_functions++] = fn;
		find(x, function_pos(co, fn), CF_COMMITTEE, "required "
		    "function '%s' has no committee member", fn);
	}
}

/* Review dates, earliest first; one day's purposes by id. */
static int
overdue_cmp(const void *pa, const void *pb)
{
	const struct purpose *a = *(const struct purpose *const *)pa;
	const struct purpose *b = *(const struct purpose *const *)pb;
	int c = date_cmp(&a->review_by, &b->review_by);

	return c ? c : strcmp(a->id, b->id);
}

static void
review_findings(struct cx *x)
{
	const struct model *m = x->m;
	struct complete *c = x->c;
	size_t i;

	c->overdue = arena_alloc(x->a, (m->npurposes + 1) *
	    sizeof(*c->overdue));
	if (m->today.y == 0)
		return;
	for (i = 0; i < m->npurposes; i++) {
		const struct purpose *p = m->purposes[i];

		if (p->review_by.y == 0 || p->status == PS_RETIRED ||
		    date_cmp(&p->review_by, &m->today) >= 0)
			continue;
		c->overdue[c->noverdue++] = p;
		find(x, p->review_by_at, CF_REVIEW,
		    "purpose '%s' is overdue for review (review_by "
		    "%04d-%02d-%02d)", p->id, p->review_by.y, p->review_by.m,
		    p->review_by.d);
	}
	if (c->noverdue > 1)
		qsort(c->overdue, c->noverdue, sizeof(*c->overdue),
		    overdue_cmp);
}

/* Findings in the order diagnostics print: file, line, column, then
 * the order they were found. */
struct fsort {
	const struct cfinding	*f;
	size_t			 seq;
};
static int
finding_cmp(const void *pa, const void *pb)
{
	const struct fsort *a = pa, *b = pb;
	int c = strcmp(a->f->pos.file, b->f->pos.file);

	if (c)
		return c;
	if (a->f->pos.line != b->f->pos.line)
		return a->f->pos.line < b->f->pos.line ? -1 : 1;
	if (a->f->pos.col != b->f->pos.col)
		return a->f->pos.col < b->f->pos.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
sort_findings(struct cx *x)
{
	struct complete *c = x->c;
	struct fsort *v;
	struct cfinding *out;
	size_t i;

	if (c->nfindings == 0) {
		free(c->findings);
		c->findings = NULL;
		return;
	}
	v = xcalloc(c->nfindings, sizeof(*v));
	for (i = 0; i < c->nfindings; i++) {
		v[i].f = &c->findings[i];
		v[i].seq = i;
	}
	qsort(v, c->nfindings, sizeof(*v), finding_cmp);
	/* Into the arena, so the result has one owner. */
	out = arena_alloc(x->a, c->nfindings * sizeof(*out));
	for (i = 0; i < c->nfindings; i++)
		out[i] = *v[i].f;
	free(v);
	free(c->findings);
	c->findings = out;
}

/* --- the analysis ------------------------------------------------- */

void
complete_analyse(const struct model *m, struct arena *a, struct complete *c)
{
	struct cx x;
	size_t i;

	memset(c, 0, sizeof(*c));
	c->m = m;
	c->index = index_build(m, a);
	x.m = m;
	x.a = a;
	x.c = c;
	x.cap = 0;
	x.always = false;
	c->jurisdictions = m->site.jurisdictions;

	site_findings(&x);
	c->purposes = arena_alloc(a, (m->npurposes + 1) * sizeof(*c->purposes));
	for (i = 0; i < m->npurposes; i++) {
		const struct purpose *p = m->purposes[i];
		struct crow *r;

		if (p->status == PS_RETIRED)
			continue;
		ci_put(c->index, p, (uint32_t)c->npurposes);
		r = &c->purposes[c->npurposes++];
		r->purpose = p;
		purpose_states(m, c->index, p, r->state);
		r->nmissing = count_missing(r->state);
		purpose_findings(&x, p, r->state);
	}
	c->systems = arena_alloc(a, (m->nsystems + 1) * sizeof(*c->systems));
	for (i = 0; i < m->nsystems; i++) {
		const struct system *sy = m->systems[i];
		struct crow *r = &c->systems[c->nsystems++];

		r->system = sy;
		memset(r->state, CS_NA, CI__COUNT);
		data_states(m, c->index, r->state, sy->data, NULL, sy->ndata);
		r->nmissing = count_missing(r->state);
		system_findings(&x, sy);
	}
	orphan_findings(&x);
	committee_findings(&x);
	review_findings(&x);
	sort_findings(&x);
}

void
complete_warn(struct model *m)
{
	struct complete *c = arena_alloc(&m->arena, sizeof(*c));
	size_t i;
	int errors = diag_errors() > 0;

	complete_analyse(m, &m->arena, c);
	m->complete = c;
	for (i = 0; i < c->nfindings; i++)
		if (!errors || c->findings[i].always)
			gh_warning(c->findings[i].pos, "%s",
			    c->findings[i].msg);
}

const struct complete *
complete_shared(const struct model *m)
{
	return m != NULL ? m->complete : NULL;
}
