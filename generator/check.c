/*
 * check.c - references and rules across objects.
 *
 * decode has checked every object on its own; here every reference
 * is resolved through the model's hash maps (ref->to), unknown ones
 * are errors with a "did you mean", and the rules that look at more
 * than one object are applied: what a legal basis requires, special-
 * category data, transfers outside the UK/EEA. The warnings (missing
 * notice items, orphans, committee gaps, overdue reviews) come from the
 * completeness analysis in complete.c.
 */
#include <stddef.h>
#include <string.h>

#include "check.h"
#include "complete.h"

/* "Did you mean" scans every candidate; past this many searches an
 * unknown name gets no hint, so a file full of typos stays linear. */
#define HINT_BUDGET	256

struct chk {
	struct model	*m;
	struct arena	*a;
	int		 hints;		/* searches left */
};

/* Objects of one kind, for hints: v[i]'s name is at byte offset off. */
struct objs {
	void		**v;
	size_t		  n;
	size_t		  off;
};

static const char *
obj_name(const struct objs *o, size_t i)
{
	return *(const char *const *)((const char *)o->v[i] + o->off);
}

static bool
hint_allowed(struct chk *c)
{
	if (c->hints <= 0)
		return false;
	c->hints--;
	return true;
}

static void
suggest_objs(struct suggest *s, const struct objs *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		suggest_add(s, obj_name(o, i));
}

static void
suggest_terms(struct suggest *s, const struct term *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		suggest_add(s, t[i].key);
}

/* Resolve r in map; report "unknown <what> 'id'" with a hint from o. */
static bool
resolve(struct chk *c, struct ref *r, const struct hmap *map,
    const char *what, const struct objs *o)
{
	struct suggest s;

	if (r->id == NULL)
		return false;
	if ((r->to = hmap_get(map, r->id)) != NULL)
		return true;
	suggest_init(&s, r->id);
	if (hint_allowed(c))
		suggest_objs(&s, o);
	gh_error(r->pos, "unknown %s '%s'%s", what, r->id,
	    suggest_hint(&s, c->a));
	return false;
}

/* Resolve r in a built-in term table. */
static bool
resolve_term(struct chk *c, struct ref *r, const struct term *t, size_t n,
    const char *what)
{
	struct suggest s;

	if (r->id == NULL)
		return false;
	if ((r->to = (void *)vocab_find(t, n, r->id)) != NULL)
		return true;
	suggest_init(&s, r->id);
	if (hint_allowed(c))
		suggest_terms(&s, t, n);
	gh_error(r->pos, "unknown %s '%s'%s", what, r->id,
	    suggest_hint(&s, c->a));
	return false;
}

#define OBJS(arr, n, type, field) \
	{ (void **)(arr), (n), offsetof(type, field) }

static void
resolve_entry(struct chk *c, struct data_entry *e)
{
	struct model *m = c->m;
	const struct objs purposes = OBJS(m->purposes, m->npurposes,
	    struct purpose, id);
	const struct objs recipients = OBJS(m->recipients, m->nrecipients,
	    struct recipient, id);
	const struct objs categories = OBJS(m->categories, m->ncategories,
	    struct category, key);
	size_t i;

	resolve(c, &e->category, &m->category_keys, "data category",
	    &categories);
	for (i = 0; i < e->subjects.n; i++)
		resolve_term(c, &e->subjects.v[i], vocab_subjects,
		    vocab_nsubjects, "data subject");
	for (i = 0; i < e->purposes.n; i++)
		resolve(c, &e->purposes.v[i], &m->purpose_ids, "purpose",
		    &purposes);
	for (i = 0; i < e->shared_with.n; i++)
		resolve(c, &e->shared_with.v[i], &m->recipient_ids,
		    "recipient", &recipients);
	if (e->source == SRC_RECIPIENT && e->source_ref.id != NULL &&
	    (e->source_ref.to = hmap_get(&m->recipient_ids,
	    e->source_ref.id)) == NULL) {
		struct suggest s;

		suggest_init(&s, e->source_ref.id);
		suggest_add(&s, "you");
		suggest_add(&s, "observed");
		if (hint_allowed(c))
			suggest_objs(&s, &recipients);
		gh_error(e->source_ref.pos, "unknown source '%s'%s",
		    e->source_ref.id, s.best != NULL ? suggest_hint(&s, c->a) :
		    " (expected you, observed or a recipient id)");
	}
}

/* "inventory:web-analytics" -> the system, and so on. */
static void
resolve_affect(struct chk *c, struct ref *r)
{
	struct model *m = c->m;
	const char *colon = strchr(r->id, ':');
	struct ref id;

	if (colon == NULL)
		return;		/* decode.c keeps only well-formed ones */
	id = *r;
	id.id = colon + 1;
	if (strncmp(r->id, "inventory:", 10) == 0) {
		const struct objs o = OBJS(m->systems, m->nsystems,
		    struct system, id);
		resolve(c, &id, &m->system_ids, "system", &o);
	} else if (strncmp(r->id, "purpose:", 8) == 0) {
		const struct objs o = OBJS(m->purposes, m->npurposes,
		    struct purpose, id);
		resolve(c, &id, &m->purpose_ids, "purpose", &o);
	} else if (strncmp(r->id, "recipient:", 10) == 0) {
		const struct objs o = OBJS(m->recipients, m->nrecipients,
		    struct recipient, id);
		resolve(c, &id, &m->recipient_ids, "recipient", &o);
	} else if (strncmp(r->id, "report:", 7) == 0) {
		const struct objs o = OBJS(m->reports, m->nreports,
		    struct report, id);
		resolve(c, &id, &m->report_ids, "report", &o);
	}
	r->to = id.to;
}

static void
resolve_all(struct chk *c)
{
	struct model *m = c->m;
	const struct objs recipients = OBJS(m->recipients, m->nrecipients,
	    struct recipient, id);
	size_t i, j;

	for (i = 0; i < m->nsystems; i++) {
		struct system *s = m->systems[i];

		resolve(c, &s->vendor, &m->recipient_ids, "recipient",
		    &recipients);
		for (j = 0; j < s->ndata; j++)
			resolve_entry(c, &s->data[j]);
	}
	for (i = 0; i < m->npurposes; i++)
		resolve_term(c, &m->purposes[i]->use, vocab_uses, vocab_nuses,
		    "data use");
	for (i = 0; i < m->ndecisions; i++)
		for (j = 0; j < m->decisions[i]->affects.n; j++)
			resolve_affect(c, &m->decisions[i]->affects.v[j]);
}

/* "a, b, c" from an enum table (entry 0 unused). */
static const char *
enum_list(struct chk *c, const struct enumval *ev, size_t n)
{
	struct buf b = BUF_INIT;
	const char *s;
	size_t i;

	for (i = 1; i < n; i++) {
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, ev[i].key);
	}
	s = arena_strndup(c->a, b.ptr, b.len);
	buf_free(&b);
	return s;
}

/* The rules of one purpose; needs the derived uses. */
static void
check_purpose(struct chk *c, const struct purpose *p)
{
	struct pos lb = p->legal_basis_at;
	size_t i;

	if (p->legal_basis == LB_CONSENT && p->withdraw == NULL)
		gh_error(lb, "legal basis 'consent' needs 'withdraw' (how "
		    "people withdraw their consent)");
	if (p->legal_basis == LB_LEGITIMATE_INTERESTS &&
	    p->legitimate_interest == NULL)
		gh_error(lb, "legal basis 'legitimate-interests' needs "
		    "'legitimate_interest' (the interest it pursues)");
	if (p->special && p->special_condition == SC_NONE) {
		const char *key = NULL;

		for (i = 0; i < p->nuses && key == NULL; i++) {
			const struct category *cat = p->uses[i]->category.to;

			if (cat != NULL && cat->special)
				key = cat->key;
		}
		gh_error(p->pos, "purpose '%s' uses special-category data "
		    "('%s') but has no 'special_condition' (one of %s)",
		    p->id, key != NULL ? key : "?",
		    enum_list(c, vocab_special_conditions, SC__COUNT));
	}
}

/* Under the GDPRs a transfer outside the UK/EEA needs a safeguard. */
static void
check_transfers(struct chk *c, const struct recipient *r)
{
	const char *list = NULL;
	size_t i;

	if (r->country != NULL && !country_in_eea_uk(r->country) &&
	    r->safeguard == SG_NONE) {
		list = enum_list(c, vocab_safeguards, SG__COUNT);
		gh_error(yml_key_pos(r->node, "country", r->pos), "recipient '%s' "
		    "is in '%s', outside the UK/EEA, and has no 'safeguard' "
		    "(one of %s)", r->id, r->country, list);
	}
	for (i = 0; i < r->ntransfers; i++) {
		const struct transfer *t = &r->transfers[i];

		if (country_in_eea_uk(t->country) || t->safeguard != SG_NONE)
			continue;
		if (list == NULL)
			list = enum_list(c, vocab_safeguards, SG__COUNT);
		gh_error(t->pos, "transfer to '%s' is outside the UK/EEA and "
		    "has no 'safeguard' (one of %s)", t->country, list);
	}
}

void
check_model(struct model *m)
{
	struct chk c;
	size_t i;

	c.m = m;
	c.a = &m->arena;
	c.hints = HINT_BUDGET;
	resolve_all(&c);
	model_derive(m);
	for (i = 0; i < m->npurposes; i++)
		check_purpose(&c, m->purposes[i]);
	if (m->site.jurisdictions & JUR_GDPR_ANY)
		for (i = 0; i < m->nrecipients; i++)
			check_transfers(&c, m->recipients[i]);
	/* What is not wrong but missing or due: complete.c, which
	 * internal/checks.html lists in the same words. */
	complete_warn(m);
}
