/*
 * decode_site.c - the single files at the top of content/: site.yaml
 * (organisation, contacts, jurisdictions, language, disclosure rules),
 * categories.yaml (the site's own data categories, added under the
 * built-in taxonomy of vocab.c) and recipients.yaml (who receives
 * data, with roles, countries and transfer safeguards).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "decode_impl.h"
#include "markdown.h"

static const struct choices roles =
    CHOICES("role", vocab_role_keys);
static const struct choices safeguards = {
	"safeguard", NULL, vocab_safeguards, SG__COUNT
};
static const struct choices jurisdictions = {
	"jurisdiction", NULL, vocab_jurisdictions, JI__COUNT
};

/* --- site.yaml ---------------------------------------------------- */

enum { CT_NAME, CT_EMAIL, CT_ADDRESS, CT_PHONE, CT_URL, CT__N };
static const char *const contact_keys[CT__N] = {
	"name", "email", "address", "phone", "url"
};

/* One @ with something on both sides, and no blank or <>". */
static bool
email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at != s && at[1] != '\0' &&
	    strchr(at + 1, '@') == NULL && strpbrk(s, " \t\n<>\"") == NULL;
}

/* An absolute http:// or https:// address. */
static bool
http_url_ok(const char *s)
{
	return (strncmp(s, "https://", 8) == 0 && s[8] != '\0') ||
	    (strncmp(s, "http://", 7) == 0 && s[7] != '\0');
}

/* An email address (reported and NULL when it is not one). */
static const char *
get_email(struct dec *d, struct obj *o, int f, bool required)
{
	const char *s = get_str(d, o, f, required);

	if (s != NULL && !email_ok(s)) {
		gh_error(o->v[f]->pos, "invalid email address '%s'", s);
		return NULL;
	}
	return s;
}

/* An http(s) URL that also passes url_allowed(). */
static const char *
get_url(struct dec *d, struct obj *o, int f)
{
	const char *s = get_str(d, o, f, false);

	/* http_url_ok is the stricter rule; url_allowed, the one allow-list
	 * every link passes, stays the last word */
	if (s != NULL && (!http_url_ok(s) || !url_allowed(s))) {
		gh_error(o->v[f]->pos, "invalid URL '%s' for '%s' (expected "
		    "http:// or https://)", s, o->keys[f]);
		return NULL;
	}
	return s;
}

/* The contact mapping under parent's field f (dpo, representative,
 * authority). */
static void
decode_contact(struct dec *d, struct obj *parent, int f, struct contact *c)
{
	struct obj o;

	memset(c, 0, sizeof(*c));
	if (parent->v[f] == NULL ||
	    !obj_open(d, &o, parent->v[f], contact_keys, CT__N,
	    parent->keys[f], parent->pos))
		return;
	c->name = get_str(d, &o, CT_NAME, true);
	c->email = get_email(d, &o, CT_EMAIL, false);
	c->address = get_str(d, &o, CT_ADDRESS, false);
	c->phone = get_str(d, &o, CT_PHONE, false);
	c->url = get_url(d, &o, CT_URL);
}

enum {
	OR_NAME, OR_LEGAL_NAME, OR_ADDRESS, OR_EMAIL, OR_PHONE, OR_DPO,
	OR_REPRESENTATIVE, OR_AUTHORITY, OR__N
};
static const char *const org_keys[OR__N] = {
	"name", "legal_name", "address", "email", "phone", "dpo",
	"representative", "authority"
};
enum {
	SI_ORGANISATION, SI_TITLE, SI_JURISDICTIONS, SI_LANGUAGE,
	SI_DISCLOSURE, SI_BASE_URL, SI_THEME, SI_INTERNAL, SI__N
};
static const char *const site_keys[SI__N] = {
	"organisation", "title", "jurisdictions", "language", "disclosure",
	"base_url", "theme", "internal"
};
enum { DI_MIN_COUNT, DI_ROUND_TO, DI__N };
static const char *const disclosure_keys[DI__N] = { "min_count", "round_to" };

/* A BCP 47 tag, checked for shape only: en, en-GB, pt-BR, zh-Hant-TW. */
static bool
language_ok(const char *s)
{
	size_t n = 0;
	const char *p;

	for (p = s; *p >= 'a' && *p <= 'z'; p++)
		n++;
	if (n < 2 || n > 3)
		return false;
	while (*p == '-') {
		n = 0;
		for (p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    is_digit((unsigned char)*p); p++)
			n++;
		if (n < 1 || n > 8)
			return false;
	}
	return *p == '\0';
}

/* The JUR_* bits of site.yaml jurisdictions (EU GDPR when none). */
static unsigned
decode_jurisdictions(struct dec *d, struct obj *o)
{
	struct ynode *seq;
	unsigned bits = 0, bit;
	size_t i;
	int j;

	if (o->v[SI_JURISDICTIONS] == NULL)
		return JUR_EU_GDPR;
	if ((seq = get_seq(d, o, SI_JURISDICTIONS, true)) == NULL)
		return JUR_EU_GDPR;
	for (i = 0; i < seq->n; i++) {
		if ((j = match_choice(d, seq->items[i], "jurisdictions",
		    &jurisdictions)) <= 0)
			continue;
		bit = 1u << (j - 1);
		if (bits & bit)
			gh_warning(seq->items[i]->pos, "jurisdiction '%s' is "
			    "listed twice", seq->items[i]->str);
		bits |= bit;
	}
	return bits ? bits : JUR_EU_GDPR;
}

/* site.yaml: the organisation and the site settings, with their
 * defaults. */
void
decode_site(struct dec *d, const struct srcfile *f)
{
	struct site *s = &d->m->site;
	struct obj o, org, dis;

	s->pos = f->pos;
	s->language = "en";
	s->jurisdictions = JUR_EU_GDPR;
	s->min_count = 10;
	s->round_to = 5;
	if (f->path == NULL || f->failed)
		return;		/* missing or unreadable: load.c said so */
	if (!obj_open(d, &o, f->root, site_keys, SI__N, NULL, f->pos))
		return;
	s->pos = o.pos;
	s->node = f->root;
	if (obj_field(&o, SI_ORGANISATION, true) != NULL &&
	    obj_open(d, &org, o.v[SI_ORGANISATION], org_keys, OR__N,
	    "organisation", o.pos)) {
		s->name = get_str(d, &org, OR_NAME, true);
		s->legal_name = get_str(d, &org, OR_LEGAL_NAME, false);
		s->address = get_str(d, &org, OR_ADDRESS, true);
		s->email = get_email(d, &org, OR_EMAIL, true);
		s->phone = get_str(d, &org, OR_PHONE, false);
		decode_contact(d, &org, OR_DPO, &s->dpo);
		decode_contact(d, &org, OR_REPRESENTATIVE, &s->representative);
		decode_contact(d, &org, OR_AUTHORITY, &s->authority);
	}
	s->title = get_str(d, &o, SI_TITLE, false);
	if (s->title == NULL)
		s->title = s->name != NULL ? arena_printf(d->a,
		    "How %s uses your data", s->name) : "Privacy";
	s->jurisdictions = decode_jurisdictions(d, &o);
	if ((s->language = get_str(d, &o, SI_LANGUAGE, false)) == NULL)
		s->language = "en";
	else if (!language_ok(s->language)) {
		gh_error(o.v[SI_LANGUAGE]->pos, "invalid language tag '%s' "
		    "(expected a BCP 47 tag such as 'en' or 'en-GB')",
		    s->language);
		s->language = "en";
	}
	if (o.v[SI_DISCLOSURE] != NULL && obj_open(d, &dis,
	    o.v[SI_DISCLOSURE], disclosure_keys, DI__N, "disclosure", o.pos)) {
		s->min_count = (int)get_int(d, &dis, DI_MIN_COUNT, 10, 1,
		    INT_MAX);
		s->round_to = (int)get_int(d, &dis, DI_ROUND_TO, 5, 1, INT_MAX);
	}
	s->base_url = get_url(d, &o, SI_BASE_URL);
	s->theme = get_str(d, &o, SI_THEME, false);
	s->internal = get_notes(d, &o, SI_INTERNAL);
}

/* --- categories ----------------------------------------------------- */

/* Categories by key (byte order). */
static int
category_cmp(const void *pa, const void *pb)
{
	const struct category *a = *(struct category *const *)pa;
	const struct category *b = *(struct category *const *)pb;

	return strcmp(a->key, b->key);
}

/* A taxonomy key: dot-separated segments of [a-z0-9_-]. */
static bool
category_key_ok(const char *s)
{
	bool seg = false;

	for (; *s; s++) {
		if (*s == '.') {
			if (!seg)
				return false;
			seg = false;
		} else if ((*s >= 'a' && *s <= 'z') || is_digit((unsigned char)*s) ||
		    *s == '_' || *s == '-')
			seg = true;
		else
			return false;
	}
	return seg;
}

enum { CA_NAME, CA_DESCRIPTION, CA_SPECIAL, CA__N };
static const char *const category_keys[CA__N] = {
	"name", "description", "special"
};

/* special: false, true (Art. 9), 9 or 10; -1 when not given. */
static int
get_special(struct obj *o)
{
	struct ynode *v = obj_field(o, CA_SPECIAL, false);

	if (v == NULL)
		return -1;
	if (v->type == YN_SCALAR && v->plain) {
		if (strcmp(v->str, "false") == 0)
			return 0;
		if (strcmp(v->str, "true") == 0 || strcmp(v->str, "9") == 0)
			return 9;
		if (strcmp(v->str, "10") == 0)
			return 10;
	}
	gh_error(v->pos, "invalid value for 'special' (use false, true or 9 "
	    "for Article 9 data, 10 for Article 10 data)");
	return -1;
}

/* The built-in categories, then categories.yaml's own under their
 * parents; sorted by key. */
void
decode_categories(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	const struct ynode *root = f->path != NULL && !f->failed ? f->root : NULL;
	size_t i, nextra = root != NULL && root->type == YN_MAP ? root->n : 0;

	m->categories = arena_alloc(d->a,
	    (vocab_ncategories + nextra) * sizeof(*m->categories));
	/* Built-ins first; the table is sorted, so a parent comes
	 * before its children. */
	for (i = 0; i < vocab_ncategories; i++) {
		const struct term *t = &vocab_categories[i];
		struct category *c = arena_alloc(d->a, sizeof(*c));

		c->key = t->key;
		c->name = t->name;
		c->description = t->description;
		c->special = t->special;
		c->builtin = true;
		if (t->parent != NULL &&
		    (c->parent = hmap_get(&m->category_keys, t->parent)) &&
		    c->special == 0)
			c->special = c->parent->special;
		hmap_put(&m->category_keys, c->key, c);
		m->categories[m->ncategories++] = c;
	}
	if (root != NULL && root->type != YN_MAP)
		gh_error(root->pos, "expected a mapping of category key to "
		    "category");
	for (i = 0; i < nextra; i++) {
		const struct ynode *k = root->keys[i];
		struct category *c, *old;
		const char *dot;
		char *parent;
		struct obj o;
		int special;

		if (!category_key_ok(k->str)) {
			gh_error(k->pos, "invalid category key '%s' (expected "
			    "a dot path such as 'user.loyalty.points')", k->str);
			continue;
		}
		if ((old = hmap_get(&m->category_keys, k->str)) != NULL) {
			gh_error(k->pos, "category '%s' is already %s", k->str,
			    old->builtin ? "built in" : "defined");
			continue;
		}
		if ((dot = strrchr(k->str, '.')) == NULL) {
			gh_error(k->pos, "category '%s' has no parent (a new "
			    "key extends an existing one, such as 'user.%s')",
			    k->str, k->str);
			continue;
		}
		c = arena_alloc(d->a, sizeof(*c));
		c->key = arena_strndup(d->a, k->str, k->len);
		c->pos = k->pos;
		parent = arena_strndup(d->a, k->str, (size_t)(dot - k->str));
		if ((c->parent = hmap_get(&m->category_keys, parent)) == NULL) {
			struct suggest s;
			size_t j;

			suggest_init(&s, parent);
			for (j = 0; j < m->ncategories && !suggest_spent();
			    j++)
				suggest_add(&s, m->categories[j]->key);
			gh_error(k->pos, "unknown parent category '%s' of '%s'%s",
			    parent, k->str, suggest_hint(&s, d->a));
		}
		if (obj_open(d, &o, root->items[i], category_keys, CA__N,
		    k->str, k->pos)) {
			c->name = get_str(d, &o, CA_NAME, true);
			c->description = get_str(d, &o, CA_DESCRIPTION, false);
		}
		special = get_special(&o);
		c->special = special >= 0 ? special :
		    c->parent != NULL ? c->parent->special : 0;
		if (c->name == NULL)
			c->name = c->key;
		hmap_put(&m->category_keys, c->key, c);
		m->categories[m->ncategories++] = c;
	}
	qsort(m->categories, m->ncategories, sizeof(*m->categories),
	    category_cmp);
}

/* --- recipients.yaml ---------------------------------------------- */

enum { TR_COUNTRY, TR_SAFEGUARD, TR__N };
static const char *const transfer_keys[TR__N] = { "country", "safeguard" };
enum {
	RE_NAME, RE_ROLE, RE_COUNTRY, RE_PURPOSE, RE_SAFEGUARD, RE_TRANSFERS,
	RE_CONTRACT, RE_AUDIENCE, RE_INTERNAL, RE__N
};
static const char *const recipient_keys[RE__N] = {
	"name", "role", "country", "purpose", "safeguard", "transfers",
	"contract", "audience", "internal"
};

/* A recipient's transfers: country and safeguard each. */
static void
decode_transfers(struct dec *d, struct obj *o, struct recipient *r)
{
	struct ynode *seq = get_seq(d, o, RE_TRANSFERS, false);
	size_t i;

	if (seq == NULL)
		return;
	r->transfers = arena_alloc(d->a, seq->n * sizeof(*r->transfers));
	for (i = 0; i < seq->n; i++) {
		struct transfer *t = &r->transfers[r->ntransfers];
		struct obj to;

		if (!obj_open(d, &to, seq->items[i], transfer_keys, TR__N,
		    NULL, seq->items[i]->pos))
			continue;
		t->pos = to.pos;
		t->country = get_country(d, &to, TR_COUNTRY, true);
		t->safeguard = (enum safeguard)get_enum(d, &to, TR_SAFEGUARD,
		    &safeguards, SG_NONE);
		if (t->country != NULL)
			r->ntransfers++;
	}
}

/* recipients.yaml: recipient id -> recipient. */
void
decode_recipients(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	const struct ynode *root = f->path != NULL && !f->failed ? f->root : NULL;
	size_t i;

	if (root == NULL)
		return;
	if (root->type != YN_MAP) {
		gh_error(root->pos, "expected a mapping of recipient id to "
		    "recipient");
		return;
	}
	m->recipients = arena_alloc(d->a, root->n * sizeof(*m->recipients));
	for (i = 0; i < root->n; i++) {
		const struct ynode *k = root->keys[i];
		struct recipient *r;
		struct obj o;

		if (!check_id(k->str, "recipient", k->pos))
			continue;
		r = arena_alloc(d->a, sizeof(*r));
		r->id = arena_strndup(d->a, k->str, k->len);
		r->pos = k->pos;
		r->node = root->items[i];
		r->audience = AUD_PUBLIC;
		if (obj_open(d, &o, root->items[i], recipient_keys, RE__N,
		    k->str, k->pos)) {
			r->name = get_str(d, &o, RE_NAME, true);
			r->role = (enum recipient_role)get_enum(d, &o, RE_ROLE,
			    &roles, ROLE_PROCESSOR);
			r->country = get_country(d, &o, RE_COUNTRY, true);
			r->purpose = get_str(d, &o, RE_PURPOSE, false);
			r->safeguard = (enum safeguard)get_enum(d, &o,
			    RE_SAFEGUARD, &safeguards, SG_NONE);
			decode_transfers(d, &o, r);
			r->contract = get_str(d, &o, RE_CONTRACT, false);
			/* the internal pages link to it: one allow-list */
			if (r->contract != NULL && !url_allowed(r->contract)) {
				gh_error(o.v[RE_CONTRACT]->pos, "'contract' is "
				    "shown as a link: '%s' is not an http, "
				    "https, mailto or relative address",
				    r->contract);
				r->contract = NULL;
			}
			r->audience = get_audience(d, &o, RE_AUDIENCE,
			    AUD_PUBLIC);
			r->internal = get_notes(d, &o, RE_INTERNAL);
		}
		if (r->name == NULL)
			r->name = r->id;
		hmap_put(&m->recipient_ids, r->id, r);
		m->recipients[m->nrecipients++] = r;
	}
}
