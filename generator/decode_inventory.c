/*
 * decode_inventory.c - inventory/<id>.yaml: one system (name,
 * custodian, vendor, locations, security, access) and its data
 * entries (category, subjects, purposes, source, retention, whether
 * the data is required, linked, used for tracking or sold).
 */
#include <string.h>

#include "decode_impl.h"

static const struct choices requirements =
    CHOICES("requirement", vocab_requirement_keys);

enum {
	DE_CATEGORY, DE_SUBJECTS, DE_PURPOSES, DE_SOURCE, DE_RETENTION,
	DE_REQUIRED, DE_SHARED_WITH, DE_LINKED, DE_TRACKING, DE_SOLD, DE__N
};
static const char *const entry_keys[DE__N] = {
	"category", "subjects", "purposes", "source", "retention", "required",
	"shared_with", "linked", "tracking", "sold"
};
enum {
	SY_NAME, SY_DESCRIPTION, SY_CUSTODIAN, SY_VENDOR, SY_LOCATIONS,
	SY_SECURITY, SY_ACCESS, SY_DATA, SY_AUDIENCE, SY_INTERNAL, SY__N
};
static const char *const system_keys[SY__N] = {
	"name", "description", "custodian", "vendor", "locations", "security",
	"access", "data", "audience", "internal"
};

/* Where an entry's data comes from: you (the default), observed, or a
 * recipient id. */
static void
decode_source(struct dec *d, struct obj *o, struct data_entry *e)
{
	const char *s = get_str(d, o, DE_SOURCE, false);
	const char *why;

	e->source = SRC_YOU;
	if (s == NULL || strcmp(s, "you") == 0)
		return;
	if (strcmp(s, "observed") == 0) {
		e->source = SRC_OBSERVED;
		return;
	}
	if (!id_valid(s, &why)) {
		struct suggest sg;

		suggest_init(&sg, s);
		suggest_add(&sg, "you");
		suggest_add(&sg, "observed");
		gh_error(o->v[DE_SOURCE]->pos, "invalid source '%s'%s", s,
		    sg.best != NULL ? suggest_hint(&sg, d->a) :
		    " (expected you, observed or a recipient id)");
		return;
	}
	e->source = SRC_RECIPIENT;
	e->source_ref = make_ref(o->v[DE_SOURCE]);
}

/* The required retention, in the grammar of retention_parse(). */
static void
decode_retention(struct dec *d, struct obj *o, struct data_entry *e)
{
	const char *s = get_str(d, o, DE_RETENTION, true), *cause;

	if (s == NULL)
		return;
	if (retention_parse(d->a, s, &e->retention, &cause) != 0) {
		gh_error(o->v[DE_RETENTION]->pos, "invalid retention '%s' (%s)",
		    s, cause);
		e->retention.text = s;
	}
}

/* One data entry of sys; false when node is not a mapping (reported). */
static bool
decode_entry(struct dec *d, const struct ynode *node, struct system *sys,
    struct data_entry *e)
{
	struct obj o;

	if (!obj_open(d, &o, node, entry_keys, DE__N, NULL, node->pos))
		return false;
	e->pos = node->pos;
	e->system = sys;
	e->category = get_ref(d, &o, DE_CATEGORY, true, NULL);
	e->subjects = get_refs(d, &o, DE_SUBJECTS, true, NULL);
	e->purposes = get_refs(d, &o, DE_PURPOSES, true, "purpose");
	decode_source(d, &o, e);
	decode_retention(d, &o, e);
	e->required = (enum requirement)get_enum(d, &o, DE_REQUIRED,
	    &requirements, REQ_OPTIONAL);
	e->shared_with = get_refs(d, &o, DE_SHARED_WITH, false, "recipient");
	e->linked = get_bool(d, &o, DE_LINKED, true);
	e->tracking = get_bool(d, &o, DE_TRACKING, false);
	e->sold = get_bool(d, &o, DE_SOLD, false);
	/* written in the entry itself, not a default (completeness) */
	e->required_stated = (o.present >> DE_REQUIRED) & 1;
	e->sold_stated = (o.present >> DE_SOLD) & 1;
	return true;
}

/* inventory/<id>.yaml: one system and its data entries. */
void
decode_system(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct system *s = arena_alloc(d->a, sizeof(*s));
	struct ynode *seq;
	struct obj o;
	size_t i;

	s->id = f->id;
	s->path = f->path;
	s->pos = file_pos(f);
	s->locations_at = yml_key_pos(f->root, "locations", s->pos);
	s->audience = AUD_PUBLIC;
	if (!register_id(&m->system_ids, "system", s->id, s, f->pos))
		return;
	m->systems[m->nsystems++] = s;
	if (!file_open(d, &o, f, system_keys, SY__N))
		return;
	s->name = get_str(d, &o, SY_NAME, true);
	s->description = get_str(d, &o, SY_DESCRIPTION, false);
	s->custodian = get_team(d, &o, SY_CUSTODIAN, true);
	s->vendor = get_ref(d, &o, SY_VENDOR, false, "recipient");
	s->locations = get_countries(d, &o, SY_LOCATIONS);
	s->security = get_strlist(d, &o, SY_SECURITY, false, NULL);
	s->access = get_strlist(d, &o, SY_ACCESS, false, "team");
	if ((seq = get_seq(d, &o, SY_DATA, true)) != NULL) {
		s->data = arena_alloc(d->a, seq->n * sizeof(*s->data));
		for (i = 0; i < seq->n; i++)
			if (decode_entry(d, seq->items[i], s, &s->data[s->ndata]))
				s->ndata++;
	}
	s->audience = get_audience(d, &o, SY_AUDIENCE, AUD_PUBLIC);
	s->internal = get_notes(d, &o, SY_INTERNAL);
	if (s->name == NULL)
		s->name = s->id;
}
