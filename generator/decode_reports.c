/*
 * decode_reports.c - reports/<id>.yaml: one series of counts (period
 * -> group -> count) with its title, kind, measure and grouping. Every
 * period of a series has one granularity (month, quarter or year) and
 * the periods end up sorted; counts are plain whole numbers.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode_impl.h"

static const struct choices report_kinds =
    CHOICES("report kind", vocab_report_kind_keys);

enum {
	RP_TITLE, RP_AUDIENCE, RP_KIND, RP_MEASURE, RP_BY, RP_PERIODS,
	RP_INTERNAL, RP__N
};
static const char *const report_keys[RP__N] = {
	"title", "audience", "kind", "measure", "by", "periods", "internal"
};
static const char *const granularity_names[] = {
	[PERIOD_MONTH] = "month", [PERIOD_QUARTER] = "quarter",
	[PERIOD_YEAR] = "year"
};

/* One count: a plain whole number from 0 to 2^53. */
static bool
decode_count(const struct ynode *v, const char *group, long long *out)
{
	const char *why = NULL;

	if (v->type != YN_SCALAR) {
		gh_error(v->pos, "expected a count for '%s'", group);
		return false;
	}
	if (yml_is_null(v)) {
		gh_error(v->pos, "missing count for '%s'", group);
		return false;
	}
	if (!v->plain) {
		gh_error(v->pos, "invalid count '%s' (write a number without "
		    "quotes)", v->str);
		return false;
	}
	switch (num_parse(v->str, out)) {
	case NUM_OK:
		if (*out < 0)
			why = "counts cannot be negative";
		break;
	case NUM_FRAC:
		why = v->str[0] == '-' ? "counts cannot be negative" :
		    "counts are whole numbers";
		break;
	case NUM_BIG:
		why = v->str[0] == '-' ? "counts cannot be negative" :
		    "larger than 2^53";
		break;
	case NUM_NAN:
		why = "expected a whole number";
		break;
	}
	if (why != NULL) {
		gh_error(v->pos, "invalid count '%s' (%s)", v->str, why);
		return false;
	}
	return true;
}

/* Periods in time order (all of one granularity). */
static int
period_cmp(const void *pa, const void *pb)
{
	const struct period *a = pa, *b = pb;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (a->sub > b->sub) - (a->sub < b->sub);
}

/* The 'periods' mapping: period -> group -> count, sorted by period. */
static void
decode_periods(struct dec *d, struct obj *o, struct report *r)
{
	struct ynode *v = obj_field(o, RP_PERIODS, true);
	const struct period *first = NULL;
	size_t i, j;

	if (v == NULL)
		return;
	if (v->type != YN_MAP) {
		gh_error(v->pos, "expected a mapping of period to counts for "
		    "'periods'");
		return;
	}
	if (v->n == 0) {
		gh_error(v->pos, "empty mapping for 'periods' (at least one "
		    "period is required)");
		return;
	}
	r->periods = arena_alloc(d->a, v->n * sizeof(*r->periods));
	for (i = 0; i < v->n; i++) {
		const struct ynode *k = v->keys[i], *cells = v->items[i];
		struct period *p = &r->periods[r->nperiods];
		enum period_kind kind;

		if (period_parse(k->str, &kind, &p->year, &p->sub) != 0) {
			gh_error(k->pos, "invalid period '%s' (expected "
			    "YYYY-MM, YYYY-Qn or YYYY)", k->str);
			continue;
		}
		if (first == NULL) {
			r->granularity = kind;
			first = p;
		} else if (kind != r->granularity) {
			gh_error(k->pos, "period '%s' is a %s, but this series "
			    "counts by %s (see '%s'; one granularity per "
			    "series)", k->str, granularity_names[kind],
			    granularity_names[r->granularity], first->label);
			continue;
		}
		p->label = arena_strndup(d->a, k->str, k->len);
		p->pos = k->pos;
		r->nperiods++;
		if (yml_is_null(cells)) {
			gh_error(k->pos, "missing counts for period '%s' "
			    "(write {group: count, ...})", k->str);
			continue;
		}
		if (cells->type != YN_MAP) {
			gh_error(cells->pos, "expected a mapping of group to "
			    "count for '%s'", k->str);
			continue;
		}
		if (cells->n == 0) {
			gh_error(cells->pos, "empty mapping for '%s' (at least "
			    "one group is required)", k->str);
			continue;
		}
		p->cells = arena_alloc(d->a, cells->n * sizeof(*p->cells));
		for (j = 0; j < cells->n; j++) {
			struct cell *c = &p->cells[p->ncells];

			if (is_blank(cells->keys[j]->str)) {
				gh_error(cells->keys[j]->pos, "empty group name");
				continue;
			}
			/* groups are plain ids (content-format section 1) */
			if (!check_id(cells->keys[j]->str, "group",
			    cells->keys[j]->pos))
				continue;
			c->group = arena_strndup(d->a, cells->keys[j]->str,
			    cells->keys[j]->len);
			c->pos = cells->items[j]->pos;
			if (decode_count(cells->items[j], c->group, &c->count))
				p->ncells++;
		}
	}
	qsort(r->periods, r->nperiods, sizeof(*r->periods), period_cmp);
	/* yml.c rejects duplicate keys and each period has one spelling,
	 * so this only guards a future, laxer period syntax. */
	for (i = 1; i < r->nperiods; i++)
		if (period_cmp(&r->periods[i - 1], &r->periods[i]) == 0)
			gh_error(r->periods[i].pos, "duplicate period '%s'",
			    r->periods[i].label);
}

/* reports/<id>.yaml: one series of counts; internal unless it says
 * otherwise. */
void
decode_report(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct report *r = arena_alloc(d->a, sizeof(*r));
	struct obj o;

	r->id = f->id;
	r->pos = file_pos(f);
	r->audience = AUD_INTERNAL;
	if (!register_id(&m->report_ids, "report", r->id, r, f->pos))
		return;
	m->reports[m->nreports++] = r;
	if (!file_open(d, &o, f, report_keys, RP__N))
		return;
	r->title = get_str(d, &o, RP_TITLE, true);
	r->audience = get_audience(d, &o, RP_AUDIENCE, AUD_INTERNAL);
	r->kind = (enum report_kind)get_enum(d, &o, RP_KIND, &report_kinds,
	    RK_OTHER);
	r->measure = get_str(d, &o, RP_MEASURE, true);
	r->by = get_str(d, &o, RP_BY, true);
	if (r->by != NULL && strcasecmp(r->by, "person") == 0 &&
	    r->audience == AUD_PUBLIC)
		gh_error(o.v[RP_BY]->pos, "'by: person' is not allowed in a "
		    "public report (counts per named person stay internal)");
	decode_periods(d, &o, r);
	r->internal = get_notes(d, &o, RP_INTERNAL);
	if (r->title == NULL)
		r->title = r->id;
}
