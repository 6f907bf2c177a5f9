/*
 * decode_purposes.c - the Markdown files with front matter:
 * purposes/<id>.md (why data is processed: legal basis, conditions,
 * status, review date, owner) and pages/<id>.md (free pages: title,
 * audience, order). The body is Markdown, rendered by body_html().
 */
#include <limits.h>

#include "decode_impl.h"

static const struct choices statuses =
    CHOICES("status", vocab_status_keys);
static const struct choices legal_bases = {
	"legal basis", NULL, vocab_legal_bases, LB__COUNT
};
static const struct choices conditions = {
	"special-category condition", NULL, vocab_special_conditions,
	SC__COUNT
};

/* --- purposes/<id>.md --------------------------------------------- */

enum {
	PU_TITLE, PU_SUMMARY, PU_LEGAL_BASIS, PU_LEGITIMATE_INTEREST,
	PU_WITHDRAW, PU_SPECIAL_CONDITION, PU_USE, PU_BENEFIT,
	PU_AUTOMATED_DECISIONS, PU_STATUS, PU_REVIEW_BY, PU_OWNER,
	PU_AUDIENCE, PU_INTERNAL, PU__N
};
static const char *const purpose_keys[PU__N] = {
	"title", "summary", "legal_basis", "legitimate_interest", "withdraw",
	"special_condition", "use", "benefit", "automated_decisions",
	"status", "review_by", "owner", "audience", "internal"
};

/* purposes/<id>.md: one purpose; a proposed one is internal whatever
 * its audience says. */
void
decode_purpose(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct purpose *p = arena_alloc(d->a, sizeof(*p));
	struct obj o;

	p->id = f->id;
	p->path = f->path;
	p->pos = file_pos(f);
	p->legal_basis_at = yml_key_pos(f->root, "legal_basis", p->pos);
	p->special_condition_at = yml_key_pos(f->root, "special_condition",
	    p->pos);
	p->review_by_at = yml_key_pos(f->root, "review_by", p->pos);
	p->audience = AUD_PUBLIC;
	if (!register_id(&m->purpose_ids, "purpose", p->id, p, f->pos))
		return;
	m->purposes[m->npurposes++] = p;
	/* rendered ahead by the loader; a body its guard refused is
	 * rendered again here, in file order, to report why */
	p->body_html = f->html != NULL ? f->html : body_html(d, f);
	if (!file_open(d, &o, f, purpose_keys, PU__N))
		return;
	p->title = get_str(d, &o, PU_TITLE, true);
	p->summary = get_str(d, &o, PU_SUMMARY, true);
	if (obj_field(&o, PU_LEGAL_BASIS, true) != NULL)
		p->legal_basis = (enum legal_basis)get_enum(d, &o,
		    PU_LEGAL_BASIS, &legal_bases, LB_NONE);
	p->legitimate_interest = get_str(d, &o, PU_LEGITIMATE_INTEREST, false);
	p->withdraw = get_str(d, &o, PU_WITHDRAW, false);
	p->special_condition = (enum special_condition)get_enum(d, &o,
	    PU_SPECIAL_CONDITION, &conditions, SC_NONE);
	p->use = get_ref(d, &o, PU_USE, false, NULL);
	p->benefit = get_str(d, &o, PU_BENEFIT, false);
	p->automated_decisions = get_str(d, &o, PU_AUTOMATED_DECISIONS, false);
	p->status = (enum purpose_status)get_enum(d, &o, PU_STATUS, &statuses,
	    PS_ACTIVE);
	p->review_by = get_date(d, &o, PU_REVIEW_BY, false, false);
	p->owner = get_team(d, &o, PU_OWNER, false);
	p->audience = get_audience(d, &o, PU_AUDIENCE, AUD_PUBLIC);
	if (p->status == PS_PROPOSED)
		p->audience = AUD_INTERNAL;
	p->internal = get_notes(d, &o, PU_INTERNAL);
	if (p->title == NULL)
		p->title = p->id;
}

/* --- pages/<id>.md ------------------------------------------------ */

enum { PG_TITLE, PG_AUDIENCE, PG_ORDER, PG_INTERNAL, PG__N };
static const char *const page_keys[PG__N] = {
	"title", "audience", "order", "internal"
};

/* pages/<id>.md: one free page. */
void
decode_page(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct page *pg = arena_alloc(d->a, sizeof(*pg));
	struct obj o;

	pg->id = f->id;
	pg->pos = file_pos(f);
	pg->audience = AUD_PUBLIC;
	if (!register_id(&m->page_ids, "page", pg->id, pg, f->pos))
		return;
	m->pages[m->npages++] = pg;
	pg->body_html = body_html(d, f);
	if (!file_open(d, &o, f, page_keys, PG__N))
		return;
	pg->title = get_str(d, &o, PG_TITLE, true);
	pg->audience = get_audience(d, &o, PG_AUDIENCE, AUD_PUBLIC);
	pg->order = (long)get_int(d, &o, PG_ORDER, 0, INT_MIN, INT_MAX);
	pg->internal = get_notes(d, &o, PG_INTERNAL);
	if (pg->title == NULL)
		pg->title = pg->id;
}
