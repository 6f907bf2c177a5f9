/*
 * model.c - the model's lifetime, its derived indexes, the audience
 * predicates, and the sort orders and category helpers every output
 * shares (pages, ropa.csv, inventory.json).
 *
 * model_derive() turns the decoded, resolved objects into what the
 * renderers read: every list sorted (so output never depends on the
 * order files were read), and the reverse indexes the content never
 * types twice: which data entries use a purpose, a category or a
 * recipient, whether a purpose touches special-category data, the
 * latest adopted decision about each item, and which keys a data entry
 * states itself. Each index is built in two passes (count, then fill
 * an exact-size arena array): linear time, no per-item allocation.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"

/* --- lifetime ----------------------------------------------------- */

/* SOURCE_DATE_EPOCH when it is a plain non-negative integer, else -1. */
static long long
source_date_epoch(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (253402300799LL - (*s - '0')) / 10)
			return -1;	/* not a number, or past 9999-12-31 */
		v = v * 10 + (*s - '0');
	}
	return v;
}

void
model_init(struct model *m)
{
	time_t t;
	struct tm tm;

	memset(m, 0, sizeof(*m));
	m->source_date_epoch = source_date_epoch();
	t = m->source_date_epoch >= 0 ? (time_t)m->source_date_epoch :
	    time(NULL);
	if (gmtime_r(&t, &tm) != NULL) {
		m->today.y = tm.tm_year + 1900;
		m->today.m = tm.tm_mon + 1;
		m->today.d = tm.tm_mday;
	}
}

void
model_free(struct model *m)
{
	hmap_free(&m->system_ids);
	hmap_free(&m->purpose_ids);
	hmap_free(&m->recipient_ids);
	hmap_free(&m->category_keys);
	hmap_free(&m->page_ids);
	hmap_free(&m->report_ids);
	hmap_free(&m->decision_ids);
	arena_free(&m->tree);
	arena_free(&m->arena);
	memset(m, 0, sizeof(*m));
}

void
model_drop_trees(struct model *m)
{
	size_t i;

	m->site.node = NULL;
	m->committee.node = NULL;
	for (i = 0; i < m->nrecipients; i++)
		m->recipients[i]->node = NULL;
	arena_free(&m->tree);
}

/* --- sorting ------------------------------------------------------ */

/* Every sortable object starts with its id (or key): compare those. */
static int
by_id(const void *pa, const void *pb)
{
	const char *a = **(const char *const *const *)pa;
	const char *b = **(const char *const *const *)pb;

	return strcmp(a, b);
}

static int
page_cmp(const void *pa, const void *pb)
{
	const struct page *a = *(const struct page *const *)pa;
	const struct page *b = *(const struct page *const *)pb;

	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Newest first; one day's decisions by id. */
static int
decision_cmp(const void *pa, const void *pb)
{
	const struct decision *a = *(const struct decision *const *)pa;
	const struct decision *b = *(const struct decision *const *)pb;
	int c = date_cmp(&b->date, &a->date);

	return c ? c : strcmp(a->id, b->id);
}

/* qsort, which must not see a NULL base even for no items. */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static void
sort_lists(struct model *m)
{
	size_t i;

	/* by_id relies on the id being the first member. */
	_Static_assert(offsetof(struct system, id) == 0, "system id");
	_Static_assert(offsetof(struct purpose, id) == 0, "purpose id");
	_Static_assert(offsetof(struct recipient, id) == 0, "recipient id");
	_Static_assert(offsetof(struct category, key) == 0, "category key");
	_Static_assert(offsetof(struct report, id) == 0, "report id");

	sort(m->systems, m->nsystems, sizeof(*m->systems), by_id);
	sort(m->purposes, m->npurposes, sizeof(*m->purposes), by_id);
	sort(m->recipients, m->nrecipients, sizeof(*m->recipients), by_id);
	sort(m->categories, m->ncategories, sizeof(*m->categories), by_id);
	sort(m->reports, m->nreports, sizeof(*m->reports), by_id);
	sort(m->pages, m->npages, sizeof(*m->pages), page_cmp);
	sort(m->decisions, m->ndecisions, sizeof(*m->decisions),
	    decision_cmp);
	/* places in id order: renderers sort by these, not by strcmp */
	for (i = 0; i < m->nsystems; i++)
		m->systems[i]->ord = (unsigned)i + 1;
	for (i = 0; i < m->npurposes; i++)
		m->purposes[i]->ord = (unsigned)i + 1;
	for (i = 0; i < m->nrecipients; i++)
		m->recipients[i]->ord = (unsigned)i + 1;
	for (i = 0; i < m->ncategories; i++)
		m->categories[i]->ord = (unsigned)i + 1;
}

/* --- sort orders ------------------------------------------------- */

/* Earlier first: year, then month, then day (0, unknown, first). */
int
date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return (a->d > b->d) - (a->d < b->d);
}

/* Strings, byte order. */
int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * By id (key for categories), through the places model_derive() gave
 * the model's sorted lists: an integer compare instead of a strcmp over
 * strings spread across the model (this sort runs on every page that
 * lists purposes). Objects without a place (0) compare by id.
 */
static int
by_place(unsigned xo, const char *xid, unsigned yo, const char *yid)
{
	if (xo != 0 && yo != 0)
		return (xo > yo) - (xo < yo);
	return strcmp(xid, yid);
}

/* Purposes, recipients, systems and categories: by id or key. */
int
cmp_purpose(const void *a, const void *b)
{
	const struct purpose *x = *(const struct purpose *const *)a;
	const struct purpose *y = *(const struct purpose *const *)b;

	return by_place(x->ord, x->id, y->ord, y->id);
}

int
cmp_recipient(const void *a, const void *b)
{
	const struct recipient *x = *(const struct recipient *const *)a;
	const struct recipient *y = *(const struct recipient *const *)b;

	return by_place(x->ord, x->id, y->ord, y->id);
}

int
cmp_system(const void *a, const void *b)
{
	const struct system *x = *(const struct system *const *)a;
	const struct system *y = *(const struct system *const *)b;

	return by_place(x->ord, x->id, y->ord, y->id);
}

int
cmp_category(const void *a, const void *b)
{
	const struct category *x = *(const struct category *const *)a;
	const struct category *y = *(const struct category *const *)b;

	return by_place(x->ord, x->key, y->ord, y->key);
}

/* --- categories --------------------------------------------------- */

/* The top-level group of a category: the child of a taxonomy root. */
const struct category *
category_group(const struct category *c)
{
	while (c->parent != NULL && c->parent->parent != NULL)
		c = c->parent;
	return c;
}

/* By group key, then by category key. */
int
cmp_by_group(const void *a, const void *b)
{
	const struct catgroup *x = a, *y = b;
	int	 r = strcmp(x->g->key, y->g->key);

	return r != 0 ? r : strcmp(x->c->key, y->c->key);
}

/* Does the category hold data entries visible to aud? */
bool
category_in_use(const struct model *m, const struct category *c,
    enum audience aud)
{
	size_t	 i;

	for (i = 0; i < c->nentries; i++)
		if (entry_visible(c->entries[i], aud))
			return true;
	return false;
}

/* --- reverse indexes ---------------------------------------------- */

/* Append e to list[*n]; with list NULL only count. */
static void
add_entry(struct data_entry **list, size_t *n, struct data_entry *e)
{
	if (list != NULL)
		list[*n] = e;
	(*n)++;
}

/*
 * Visit every resolved (entry, target) pair once; fill = 0 counts.
 * decode.c dropped repeated ids from each list, so only the vendor can
 * come twice (also named in shared_with): skipped there.
 */
static void
walk_entries(struct model *m, int fill)
{
	size_t i, j, k;

	for (i = 0; i < m->nsystems; i++) {
		struct system *s = m->systems[i];
		struct recipient *vendor = s->vendor.to;

		for (j = 0; j < s->ndata; j++) {
			struct data_entry *e = &s->data[j];
			struct category *c = e->category.to;

			for (k = 0; k < e->purposes.n; k++) {
				struct purpose *p = e->purposes.v[k].to;

				if (p == NULL)
					continue;
				add_entry(fill ? p->uses : NULL, &p->nuses, e);
				if (c != NULL && c->special)
					p->special = true;
			}
			if (c != NULL)
				add_entry(fill ? c->entries : NULL,
				    &c->nentries, e);
			if (vendor != NULL)
				add_entry(fill ? vendor->shared : NULL,
				    &vendor->nshared, e);
			for (k = 0; k < e->shared_with.n; k++) {
				struct recipient *r = e->shared_with.v[k].to;

				if (r != NULL && r != vendor)
					add_entry(fill ? r->shared : NULL,
					    &r->nshared, e);
			}
		}
	}
}

static void
build_entry_indexes(struct model *m)
{
	size_t i;

	for (i = 0; i < m->npurposes; i++) {
		m->purposes[i]->nuses = 0;
		m->purposes[i]->special = false;
	}
	for (i = 0; i < m->ncategories; i++)
		m->categories[i]->nentries = 0;
	for (i = 0; i < m->nrecipients; i++)
		m->recipients[i]->nshared = 0;

	walk_entries(m, 0);

	for (i = 0; i < m->npurposes; i++) {
		struct purpose *p = m->purposes[i];

		p->uses = arena_alloc(&m->arena, p->nuses * sizeof(*p->uses));
		p->nuses = 0;
	}
	for (i = 0; i < m->ncategories; i++) {
		struct category *c = m->categories[i];

		c->entries = arena_alloc(&m->arena,
		    c->nentries * sizeof(*c->entries));
		c->nentries = 0;
	}
	for (i = 0; i < m->nrecipients; i++) {
		struct recipient *r = m->recipients[i];

		r->shared = arena_alloc(&m->arena,
		    r->nshared * sizeof(*r->shared));
		r->nshared = 0;
	}

	walk_entries(m, 1);
}

/* The latest adopted decision about each affected item. */
static void
link_decisions(struct model *m)
{
	size_t i, j;

	for (i = 0; i < m->nsystems; i++)
		m->systems[i]->decision = NULL;
	for (i = 0; i < m->npurposes; i++)
		m->purposes[i]->decision = NULL;
	for (i = 0; i < m->nrecipients; i++)
		m->recipients[i]->decision = NULL;
	for (i = 0; i < m->nreports; i++)
		m->reports[i]->decision = NULL;

	/* Newest first, so the first decision to claim an item wins. */
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = m->decisions[i];

		if (d->status != DS_ADOPTED)
			continue;
		for (j = 0; j < d->affects.n; j++) {
			const struct ref *r = &d->affects.v[j];

			if (r->to == NULL)
				continue;
			switch (r->id[0]) {
			case 'i': {
				struct system *s = r->to;
				if (s->decision == NULL)
					s->decision = d;
				break;
			}
			case 'p': {
				struct purpose *p = r->to;
				if (p->decision == NULL)
					p->decision = d;
				break;
			}
			case 'r':
				if (strncmp(r->id, "report:", 7) == 0) {
					struct report *rp = r->to;
					if (rp->decision == NULL)
						rp->decision = d;
				} else {
					struct recipient *rc = r->to;
					if (rc->decision == NULL)
						rc->decision = d;
				}
				break;
			default:
				abort();	/* decode.c admits no other kind */
			}
		}
	}
}

/* Each item's page, from one level down (model.h), and the names
 * pages show for a recipient's country code. */
static void
link_pages(struct model *m)
{
	size_t i;

	for (i = 0; i < m->nsystems; i++)
		m->systems[i]->href = arena_printf(&m->arena,
		    "../systems/%s.html", m->systems[i]->id);
	for (i = 0; i < m->npurposes; i++)
		m->purposes[i]->href = arena_printf(&m->arena,
		    "../purposes/%s.html", m->purposes[i]->id);
	for (i = 0; i < m->nrecipients; i++) {
		struct recipient *r = m->recipients[i];

		r->href = arena_printf(&m->arena, "../recipients.html#%s",
		    r->id);
		r->country_label = country_label(r->country);
	}
	for (i = 0; i < m->ncategories; i++)
		m->categories[i]->href = arena_printf(&m->arena,
		    "../data/%s.html", m->categories[i]->key);
}

/* Whether each entry is public, once: entry_visible() reads it. */
static void
mark_entries(struct model *m)
{
	size_t i, j;

	for (i = 0; i < m->nsystems; i++)
		for (j = 0; j < m->systems[i]->ndata; j++) {
			struct data_entry *e = &m->systems[i]->data[j];

			e->shown = 0;
			e->shown = entry_visible(e, AUD_PUBLIC) ? 2 : 1;
		}
}

void
model_derive(struct model *m)
{
	sort_lists(m);
	mark_entries(m);
	build_entry_indexes(m);
	link_decisions(m);
	link_pages(m);
}

/* --- audiences ---------------------------------------------------- */

bool
system_visible(const struct system *s, enum audience aud)
{
	return (aud & AUD_INTERNAL) || s->audience == AUD_PUBLIC;
}

bool
purpose_visible(const struct purpose *p, enum audience aud)
{
	return (aud & AUD_INTERNAL) ||
	    (p->audience == AUD_PUBLIC && p->status != PS_PROPOSED);
}

bool
recipient_visible(const struct recipient *r, enum audience aud)
{
	return (aud & AUD_INTERNAL) || r->audience == AUD_PUBLIC;
}

/* Public: its system is public and at least one of its purposes is. */
bool
entry_visible(const struct data_entry *e, enum audience aud)
{
	size_t i;

	if (aud & AUD_INTERNAL)
		return true;
	if (e->shown != 0)
		return e->shown == 2;
	if (!system_visible(e->system, aud))
		return false;
	for (i = 0; i < e->purposes.n; i++) {
		const struct purpose *p = e->purposes.v[i].to;

		if (p != NULL && purpose_visible(p, aud))
			return true;
	}
	return false;
}

bool
report_visible(const struct report *r, enum audience aud)
{
	return (aud & AUD_INTERNAL) || r->audience == AUD_PUBLIC;
}

bool
page_visible(const struct page *p, enum audience aud)
{
	return (aud & AUD_INTERNAL) || p->audience == AUD_PUBLIC;
}

bool
decision_published(const struct decision *d)
{
	return d->status == DS_ADOPTED && d->audience == AUD_PUBLIC &&
	    d->public_summary != NULL && d->public_summary[0] != '\0';
}
