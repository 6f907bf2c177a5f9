/*
 * json.c - inventory.json: the model as data, for tools and audits.
 *
 * One object with keys in a fixed order: audience, organisation,
 * jurisdictions, systems, purposes, recipients, categories (those in
 * use), pages, reports (report.c: figures disclosed as on the pages).
 * Lists keep the model's sorted order, so the bytes depend on the
 * content only. Each system, purpose, recipient, category and page is
 * one line (a diff shows which changed, and thousands of entries carry
 * no indentation); the rest is indented by 2. Optional values are null,
 * never left out, so a consumer sees one shape; staff-only keys
 * (custodian, access, security, owner, review_by, contract, audience,
 * internal) exist only in the internal file, and the public file holds
 * only what the visibility predicates of model.h let through.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "report.h"

#define JSON_DEPTH	16

/* A small streaming writer: 2-space indent, commas managed. */
struct jw {
	struct buf	*b;
	int		 depth;
	bool		 first[JSON_DEPTH];
	int		 inline_;	/* open one-line arrays and objects */
};

/* "\n" and the indent of the deepest level, written in one go. */
static const char jw_indent[] = "\n                                ";
_Static_assert(sizeof jw_indent >= 2 + 2 * JSON_DEPTH, "indent");

/* Comma, newline and indent as needed, then key (NULL in an array),
 * which must be a literal needing no escapes (jw_notes escapes its own). */
static void
jw_sep(struct jw *w, const char *key)
{
	bool	 first = w->first[w->depth];

	if (!first)
		buf_putc(w->b, ',');
	w->first[w->depth] = false;
	if (w->inline_) {
		if (!first)	/* the first follows its '[' */
			buf_putc(w->b, ' ');
	} else
		buf_put(w->b, jw_indent, 1 + 2 * (size_t)w->depth);
	if (key != NULL) {	/* a name of ours: nothing to escape */
		buf_putc(w->b, '"');
		buf_puts(w->b, key);
		buf_put(w->b, "\": ", 3);
	}
}

static void
jw_open(struct jw *w, const char *key, int c)
{
	jw_sep(w, key);
	buf_putc(w->b, c);
	if (w->depth + 1 < JSON_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
}

static void
jw_close(struct jw *w, int c)
{
	bool	 empty = w->first[w->depth];

	w->depth--;
	if (!empty && !w->inline_)
		buf_put(w->b, jw_indent, 1 + 2 * (size_t)w->depth);
	buf_putc(w->b, c);
}

static void
jw_obj(struct jw *w, const char *key)
{
	jw_open(w, key, '{');
}
static void
jw_end_obj(struct jw *w)
{
	jw_close(w, '}');
}
static void
jw_arr(struct jw *w, const char *key)
{
	jw_open(w, key, '[');
}
static void
jw_end_arr(struct jw *w)
{
	jw_close(w, ']');
}
/* A one-line array of scalars: "locations": ["GB", "IE"]. */
static void
jw_arr_inline(struct jw *w, const char *key)
{
	jw_open(w, key, '[');
	w->inline_++;
}
static void
jw_end_arr_inline(struct jw *w)
{
	jw_close(w, ']');
	w->inline_--;
}
/* An object on one line, with all it holds: {"id": "x", "data": []}. */
static void
jw_obj_line(struct jw *w)
{
	jw_open(w, NULL, '{');
	w->inline_++;
}
static void
jw_end_obj_line(struct jw *w)
{
	jw_close(w, '}');
	w->inline_--;
}

static void
jw_str(struct jw *w, const char *key, const char *val)
{
	jw_sep(w, key);
	if (val == NULL)
		buf_puts(w->b, "null");
	else
		buf_put_json(w->b, val);
}
static void
jw_bool(struct jw *w, const char *key, bool val)
{
	jw_sep(w, key);
	buf_puts(w->b, val ? "true" : "false");
}
static void
jw_int(struct jw *w, const char *key, long long val)
{
	jw_sep(w, key);
	buf_printf(w->b, "%lld", val);
}
static void
jw_date(struct jw *w, const char *key, const struct date *d)
{
	char	 s[32];

	if (d->y == 0) {
		jw_str(w, key, NULL);
		return;
	}
	if (d->m == 0)
		snprintf(s, sizeof s, "%04d", d->y);
	else if (d->d == 0)
		snprintf(s, sizeof s, "%04d-%02d", d->y, d->m);
	else
		snprintf(s, sizeof s, "%04d-%02d-%02d", d->y, d->m, d->d);
	jw_str(w, key, s);
}

static const char *
enum_key(const struct enumval *tab, int n, int i)
{
	return i > 0 && i < n ? tab[i].key : NULL;
}

static void
jw_strlist(struct jw *w, const char *key, const struct strlist *l)
{
	size_t	 i;

	jw_arr_inline(w, key);
	for (i = 0; i < l->n; i++)
		jw_str(w, NULL, l->v[i]);
	jw_end_arr_inline(w);
}

static void
jw_notes(struct jw *w, const struct notes *n)
{
	size_t	 i;

	jw_obj(w, "internal");
	for (i = 0; i < n->n; i++) {
		/* the keys come from the content: escaped */
		jw_sep(w, NULL);
		buf_put_json(w->b, n->v[i].key);
		buf_put(w->b, ": ", 2);
		if (n->v[i].text == NULL)
			buf_puts(w->b, "null");
		else
			buf_put_json(w->b, n->v[i].text);
	}
	jw_end_obj(w);
}

static void
jw_contact(struct jw *w, const char *key, const struct contact *c)
{
	if (c->name == NULL && c->email == NULL && c->address == NULL &&
	    c->phone == NULL && c->url == NULL) {
		jw_str(w, key, NULL);
		return;
	}
	jw_obj(w, key);
	jw_str(w, "name", c->name);
	jw_str(w, "email", c->email);
	jw_str(w, "address", c->address);
	jw_str(w, "phone", c->phone);
	jw_str(w, "url", c->url);
	jw_end_obj(w);
}

static void
json_entry(struct jw *w, const struct data_entry *e, enum audience aud)
{
	const struct recipient *src = e->source_ref.to;
	size_t	 i;

	jw_obj(w, NULL);
	jw_str(w, "category", e->category.id);
	jw_arr_inline(w, "subjects");
	for (i = 0; i < e->subjects.n; i++)
		jw_str(w, NULL, e->subjects.v[i].id);
	jw_end_arr_inline(w);
	jw_arr_inline(w, "purposes");
	for (i = 0; i < e->purposes.n; i++) {
		const struct purpose *p = e->purposes.v[i].to;
		if (p != NULL && purpose_visible(p, aud))
			jw_str(w, NULL, p->id);
	}
	jw_end_arr_inline(w);
	switch (e->source) {
	case SRC_OBSERVED:
		jw_str(w, "source", "observed");
		break;
	case SRC_RECIPIENT:
		/* An internal source stays anonymous in public. */
		jw_str(w, "source", src != NULL &&
		    recipient_visible(src, aud) ? src->id : "third-party");
		break;
	case SRC_YOU:
	default:
		jw_str(w, "source", "you");
		break;
	}
	jw_str(w, "retention", e->retention.text);
	jw_str(w, "required", requirement_key(e->required));
	jw_arr_inline(w, "shared_with");
	for (i = 0; i < e->shared_with.n; i++) {
		const struct recipient *r = e->shared_with.v[i].to;
		if (r != NULL && recipient_visible(r, aud))
			jw_str(w, NULL, r->id);
	}
	jw_end_arr_inline(w);
	jw_bool(w, "linked", e->linked);
	jw_bool(w, "tracking", e->tracking);
	jw_bool(w, "sold", e->sold);
	jw_end_obj(w);
}

static void
json_system(struct jw *w, struct buf *tmp, const struct system *s,
    enum audience aud)
{
	const struct recipient *v = s->vendor.to;
	bool	 staff = aud == AUD_INTERNAL;
	size_t	 i;

	jw_obj_line(w);
	jw_str(w, "id", s->id);
	jw_str(w, "name", s->name);
	jw_str(w, "description", s->description);
	jw_str(w, "vendor", v != NULL && recipient_visible(v, aud) ?
	    v->id : NULL);
	jw_strlist(w, "locations", &s->locations);
	if (staff) {
		buf_reset(tmp);
		buf_printf(tmp, "systems/%s.html", s->id);
		jw_str(w, "url", tmp->ptr);
		jw_str(w, "custodian", s->custodian);
		jw_strlist(w, "access", &s->access);
		jw_strlist(w, "security", &s->security);
		jw_str(w, "audience", audience_key(s->audience));
	}
	jw_arr(w, "data");
	for (i = 0; i < s->ndata; i++)
		if (entry_visible(&s->data[i], aud))
			json_entry(w, &s->data[i], aud);
	jw_end_arr(w);
	if (staff)
		jw_notes(w, &s->internal);
	jw_end_obj_line(w);
}

static void
json_purpose(struct jw *w, struct buf *tmp, const struct purpose *p,
    enum audience aud)
{
	const struct term *use = p->use.to;
	struct hmap seen_ = { 0 }, *seen = &seen_;
	size_t	 i;

	jw_obj_line(w);
	jw_str(w, "id", p->id);
	buf_reset(tmp);
	buf_printf(tmp, "purposes/%s.html", p->id);
	jw_str(w, "url", tmp->ptr);
	jw_str(w, "title", p->title);
	jw_str(w, "summary", p->summary);
	jw_str(w, "legal_basis", enum_key(vocab_legal_bases, LB__COUNT,
	    p->legal_basis));
	jw_str(w, "legitimate_interest", p->legitimate_interest);
	jw_str(w, "withdraw", p->withdraw);
	jw_str(w, "special_condition", enum_key(vocab_special_conditions,
	    SC__COUNT, p->special_condition));
	jw_str(w, "use", use != NULL ? use->key : p->use.id);
	jw_str(w, "benefit", p->benefit);
	jw_str(w, "automated_decisions", p->automated_decisions);
	jw_str(w, "status", status_key(p->status));
	jw_bool(w, "special", p->special);
	/* The categories it uses, derived from the inventory: each key
	 * once, in the order of p->uses (a set keeps it linear). */
	jw_arr_inline(w, "categories");
	for (i = 0; i < p->nuses; i++) {
		const struct data_entry *e = p->uses[i];
		if (entry_visible(e, aud) &&
		    hmap_put(seen, e->category.id, (void *)e) == NULL)
			jw_str(w, NULL, e->category.id);
	}
	jw_end_arr_inline(w);
	if (aud == AUD_INTERNAL) {
		jw_date(w, "review_by", &p->review_by);
		jw_str(w, "owner", p->owner);
		jw_str(w, "audience", audience_key(p->audience));
		jw_notes(w, &p->internal);
	}
	jw_end_obj_line(w);
	hmap_free(seen);
}

static void
json_recipient(struct jw *w, const struct recipient *r, enum audience aud)
{
	size_t	 i;

	jw_obj_line(w);
	jw_str(w, "id", r->id);
	jw_str(w, "name", r->name);
	jw_str(w, "role", role_key(r->role));
	jw_str(w, "country", r->country);
	jw_str(w, "purpose", r->purpose);
	jw_str(w, "safeguard", enum_key(vocab_safeguards, SG__COUNT,
	    r->safeguard));
	jw_arr(w, "transfers");
	for (i = 0; i < r->ntransfers; i++) {
		jw_obj(w, NULL);
		jw_str(w, "country", r->transfers[i].country);
		jw_str(w, "safeguard", enum_key(vocab_safeguards, SG__COUNT,
		    r->transfers[i].safeguard));
		jw_end_obj(w);
	}
	jw_end_arr(w);
	if (aud == AUD_INTERNAL) {
		jw_str(w, "contract", r->contract);
		jw_str(w, "audience", audience_key(r->audience));
		jw_notes(w, &r->internal);
	}
	jw_end_obj_line(w);
}

void
json_inventory(const struct model *m, enum audience aud, struct buf *out)
{
	struct sink s;

	sink_init(&s, NULL, NULL);	/* everything stays in s.b */
	s.b = *out;
	json_inventory_sink(m, aud, &s);
	*out = s.b;
}

/* Handed on after each object of the long arrays. */
void
json_inventory_sink(const struct model *m, enum audience aud,
    struct sink *sk)
{
	const struct site *st = &m->site;
	struct buf *out = &sk->b;
	struct jw w;
	struct buf tmp = BUF_INIT;
	size_t	 i;
	int	 j;

	memset(&w, 0, sizeof w);
	w.b = out;
	w.first[0] = true;
	buf_putc(out, '{');
	w.depth = 1;
	w.first[1] = true;
	jw_str(&w, "audience", audience_key(aud));

	jw_obj(&w, "organisation");
	jw_str(&w, "name", st->name);
	jw_str(&w, "legal_name", st->legal_name);
	jw_str(&w, "address", st->address);
	jw_str(&w, "email", st->email);
	jw_str(&w, "phone", st->phone);
	jw_contact(&w, "dpo", &st->dpo);
	jw_contact(&w, "representative", &st->representative);
	jw_contact(&w, "authority", &st->authority);
	jw_str(&w, "title", st->title);
	jw_str(&w, "language", st->language);
	if (aud == AUD_INTERNAL)
		jw_notes(&w, &st->internal);
	jw_end_obj(&w);

	jw_arr_inline(&w, "jurisdictions");
	for (j = 1; j < JI__COUNT; j++)
		if (st->jurisdictions & (1u << (j - 1)))
			jw_str(&w, NULL, vocab_jurisdictions[j].key);
	jw_end_arr_inline(&w);

	jw_arr(&w, "systems");
	for (i = 0; i < m->nsystems; i++)
		if (system_visible(m->systems[i], aud)) {
			json_system(&w, &tmp, m->systems[i], aud);
			(void)sink_check(sk);
		}
	jw_end_arr(&w);

	jw_arr(&w, "purposes");
	for (i = 0; i < m->npurposes; i++)
		if (purpose_visible(m->purposes[i], aud)) {
			json_purpose(&w, &tmp, m->purposes[i], aud);
			(void)sink_check(sk);
		}
	jw_end_arr(&w);

	jw_arr(&w, "recipients");
	for (i = 0; i < m->nrecipients; i++)
		if (recipient_visible(m->recipients[i], aud)) {
			json_recipient(&w, m->recipients[i], aud);
			(void)sink_check(sk);
		}
	jw_end_arr(&w);

	jw_arr(&w, "categories");
	for (i = 0; i < m->ncategories; i++) {
		const struct category *c = m->categories[i];
		if (!category_in_use(m, c, aud))
			continue;
		jw_obj_line(&w);
		jw_str(&w, "key", c->key);
		buf_reset(&tmp);
		buf_printf(&tmp, "data/%s.html", c->key);
		jw_str(&w, "url", tmp.ptr);
		jw_str(&w, "name", c->name);
		jw_str(&w, "description", c->description);
		jw_str(&w, "parent", c->parent != NULL ? c->parent->key : NULL);
		jw_int(&w, "special", c->special);
		jw_end_obj_line(&w);
		(void)sink_check(sk);
	}
	jw_end_arr(&w);

	jw_arr(&w, "pages");
	for (i = 0; i < m->npages; i++) {
		const struct page *pg = m->pages[i];
		if (!page_visible(pg, aud))
			continue;
		jw_obj_line(&w);
		jw_str(&w, "id", pg->id);
		buf_reset(&tmp);
		buf_printf(&tmp, "pages/%s.html", pg->id);
		jw_str(&w, "url", tmp.ptr);
		jw_str(&w, "title", pg->title);
		if (aud == AUD_INTERNAL)
			jw_str(&w, "audience", audience_key(pg->audience));
		jw_end_obj_line(&w);
		(void)sink_check(sk);
	}
	jw_end_arr(&w);

	/* report series, disclosed for aud (report.c) */
	jw_sep(&w, "reports");
	json_reports(m, aud, out, w.depth);

	buf_puts(out, "\n}\n");
	buf_free(&tmp);
}
