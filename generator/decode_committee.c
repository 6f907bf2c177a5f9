/*
 * decode_committee.c - committee/: members.yaml (the functions the
 * committee must cover and its members) and committee/decisions/
 * <id>.md (one decision: date, status, what it affects as KIND:ID, a
 * public summary; the Markdown body is the rationale).
 */
#include <string.h>

#include "decode_impl.h"

static const struct choices decision_statuses =
    CHOICES("decision status", vocab_decision_status_keys);

enum { CO_REQUIRED_FUNCTIONS, CO_MEMBERS, CO__N };
static const char *const committee_keys[CO__N] = {
	"required_functions", "members"
};
enum { ME_NAME, ME_FUNCTION, ME_SINCE, ME__N };
static const char *const member_keys[ME__N] = { "name", "function", "since" };
static const char *const default_functions[] = {
	"marketing", "sales", "customer-care", "design", "engineering",
	"legal", "security", "it"
};

/* committee/members.yaml: the required functions (a default set when
 * not given) and the members. */
void
decode_members(struct dec *d, const struct srcfile *f)
{
	struct committee *c = &d->m->committee;
	struct ynode *seq;
	struct obj o;
	size_t i;

	c->pos = f->pos;
	c->present = f->path != NULL;
	c->required_functions.v = (const char **)default_functions;
	c->required_functions.n = sizeof(default_functions) /
	    sizeof(default_functions[0]);
	if (f->path == NULL || f->failed || f->root == NULL)
		return;
	if (!obj_open(d, &o, f->root, committee_keys, CO__N, NULL, f->pos))
		return;
	c->pos = o.pos;
	c->node = f->root;
	if (o.v[CO_REQUIRED_FUNCTIONS] != NULL) {
		c->required_functions = get_strlist(d, &o,
		    CO_REQUIRED_FUNCTIONS, false, "function");
		if (o.v[CO_REQUIRED_FUNCTIONS]->type != YN_SEQ) {
			c->required_functions.v = (const char **)default_functions;
			c->required_functions.n = sizeof(default_functions) /
			    sizeof(default_functions[0]);
		}
	}
	if ((seq = get_seq(d, &o, CO_MEMBERS, false)) == NULL)
		return;
	c->members = arena_alloc(d->a, seq->n * sizeof(*c->members));
	for (i = 0; i < seq->n; i++) {
		struct member *mb = &c->members[c->nmembers];
		struct obj mo;

		if (!obj_open(d, &mo, seq->items[i], member_keys, ME__N, NULL,
		    seq->items[i]->pos))
			continue;
		mb->pos = mo.pos;
		mb->name = get_str(d, &mo, ME_NAME, true);
		mb->function = get_str(d, &mo, ME_FUNCTION, true);
		if (mb->function != NULL &&
		    !check_id(mb->function, "function", mo.v[ME_FUNCTION]->pos))
			mb->function = NULL;
		mb->since = get_date(d, &mo, ME_SINCE, false, true);
		if (mb->name != NULL)
			c->nmembers++;
	}
}

enum {
	DC_TITLE, DC_DATE, DC_STATUS, DC_AFFECTS, DC_PUBLIC_SUMMARY,
	DC_AUDIENCE, DC_INTERNAL, DC__N
};
static const char *const decision_keys[DC__N] = {
	"title", "date", "status", "affects", "public_summary", "audience",
	"internal"
};
static const char *const affect_kinds[] = {
	"inventory", "purpose", "recipient", "report"
};

/* "kind:id" with a known kind and a valid id. */
static bool
check_affect(struct dec *d, const struct ynode *it)
{
	const char *colon = strchr(it->str, ':');
	struct suggest s;
	size_t i, n = sizeof(affect_kinds) / sizeof(affect_kinds[0]);
	char *kind;

	if (colon == NULL) {
		gh_error(it->pos, "invalid affected item '%s' (expected "
		    "KIND:ID, KIND one of inventory, purpose, recipient, "
		    "report)", it->str);
		return false;
	}
	kind = arena_strndup(d->a, it->str, (size_t)(colon - it->str));
	for (i = 0; i < n; i++)
		if (strcmp(kind, affect_kinds[i]) == 0)
			break;
	if (i == n) {
		suggest_init(&s, kind);
		for (i = 0; i < n; i++)
			suggest_add(&s, affect_kinds[i]);
		gh_error(it->pos, "unknown kind '%s' in '%s'%s", kind, it->str,
		    s.best != NULL ? suggest_hint(&s, d->a) : " (one of "
		    "inventory, purpose, recipient, report)");
		return false;
	}
	return check_id(colon + 1, kind, it->pos);
}

/* committee/decisions/<id>.md: one decision; its body is the
 * rationale. */
void
decode_decision(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct decision *dc = arena_alloc(d->a, sizeof(*dc));
	struct ynode *seq;
	struct obj o;
	size_t i;

	dc->id = f->id;
	dc->pos = file_pos(f);
	dc->status = DS_PROPOSED;
	dc->audience = AUD_PUBLIC;
	if (!register_id(&m->decision_ids, "decision", dc->id, dc, f->pos))
		return;
	m->decisions[m->ndecisions++] = dc;
	dc->rationale_html = body_html(d, f);
	if (!file_open(d, &o, f, decision_keys, DC__N))
		return;
	dc->title = get_str(d, &o, DC_TITLE, true);
	dc->date = get_date(d, &o, DC_DATE, true, false);
	dc->status = (enum decision_status)get_enum(d, &o, DC_STATUS,
	    &decision_statuses, DS_PROPOSED);
	if ((seq = get_seq(d, &o, DC_AFFECTS, false)) != NULL) {
		struct hmap set = { 0 };

		dc->affects.v = arena_alloc(d->a, seq->n * sizeof(struct ref));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *it = seq->items[i];

			if (item_str(it, "affects") == NULL ||
			    !check_affect(d, it))
				continue;
			if (list_seen(&set, dc->affects.v, sizeof(struct ref),
			    dc->affects.n, it->str))
				warn_dup(it, "affects");
			else
				dc->affects.v[dc->affects.n++] = make_ref(it);
		}
		hmap_free(&set);
	}
	dc->public_summary = get_str(d, &o, DC_PUBLIC_SUMMARY, false);
	dc->audience = get_audience(d, &o, DC_AUDIENCE, AUD_PUBLIC);
	dc->internal = get_notes(d, &o, DC_INTERNAL);
	if (dc->title == NULL)
		dc->title = dc->id;
}
