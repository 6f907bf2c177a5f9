/*
 * report.c - a report series as a disclosed table (report.h), and its
 * CSV and JSON exports. No I/O: output goes to the caller's buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

const char *
period_label(const struct period *p, char *buf, size_t len)
{
	size_t	 n = p->label != NULL ? strlen(p->label) : 0;

	if (n == 7 && p->label[5] == 'Q')
		snprintf(buf, len, "Q%d %04d", p->sub, p->year);
	else if (n == 7 && p->sub >= 1 && p->sub <= 12)
		snprintf(buf, len, "%s %04d", month_names[p->sub - 1], p->year);
	else
		snprintf(buf, len, "%04d", p->year);
	return buf;
}

const char *
granularity_word(enum period_kind k)
{
	switch (k) {
	case PERIOD_QUARTER:
		return "quarter";
	case PERIOD_YEAR:
		return "year";
	case PERIOD_MONTH:
	default:
		return "month";
	}
}

const char *
group_label(const char *id, char *buf, size_t len)
{
	size_t	 i;

	for (i = 0; id[i] != '\0' && i + 1 < len; i++)
		buf[i] = id[i] == '-' ? ' ' : id[i];
	buf[i] = '\0';
	return buf;
}

void
rview_make(struct rview *v, const struct report *r, const struct site *st,
    enum audience aud)
{
	struct hmap	 idx;
	size_t		 i, j, n = 0, cap = 0;

	memset(v, 0, sizeof(*v));
	memset(&idx, 0, sizeof(idx));
	v->r = r;
	v->rules.min_count = st->min_count;
	v->rules.round_to = st->round_to;
	v->rules.exact = aud != AUD_PUBLIC;
	/* groups in order of first appearance (periods are sorted) */
	for (i = 0; i < r->nperiods; i++)
		for (j = 0; j < r->periods[i].ncells; j++) {
			const char *g = r->periods[i].cells[j].group;
			if (hmap_get(&idx, g) != NULL)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				v->groups = xrealloc(v->groups,
				    cap * sizeof(*v->groups));
			}
			v->groups[n++] = g;
			hmap_put(&idx, g, (void *)(uintptr_t)n);
		}
	v->ngroups = n;
	v->counts = xcalloc(r->nperiods * n + 1, sizeof(*v->counts));
	for (i = 0; i < r->nperiods * n; i++)
		v->counts[i] = SDC_NONE;
	for (i = 0; i < r->nperiods; i++)
		for (j = 0; j < r->periods[i].ncells; j++) {
			const struct cell *c = &r->periods[i].cells[j];
			size_t g = (size_t)(uintptr_t)hmap_get(&idx, c->group) - 1;
			v->counts[i * n + g] = c->count;
		}
	hmap_free(&idx);
	sdc_table_make(&v->t, v->counts, r->nperiods, n, &v->rules);
}

void
rview_free(struct rview *v)
{
	sdc_table_free(&v->t);
	free(v->groups);
	free(v->counts);
	memset(v, 0, sizeof(*v));
}

/* --- CSV --- */

static void
csv_fig(struct buf *b, const struct rview *v, size_t i, size_t j)
{
	struct buf t = BUF_INIT;

	sdc_text(&t, sdc_at(&v->t, i, j), &v->rules, SDC_CSV);
	buf_putc(b, ',');
	buf_put_csv(b, t.ptr);
	buf_free(&t);
}

void
csv_report(const struct rview *v, struct buf *b)
{
	size_t	 i, j;

	buf_puts(b, "period");
	for (j = 0; j < v->ngroups; j++) {
		buf_putc(b, ',');
		buf_put_csv(b, v->groups[j]);
	}
	buf_puts(b, ",total\r\n");
	for (i = 0; i <= v->r->nperiods; i++) {
		buf_put_csv(b, i < v->r->nperiods ? v->r->periods[i].label :
		    "total");
		for (j = 0; j <= v->ngroups; j++)
			csv_fig(b, v, i, j);
		buf_puts(b, "\r\n");
	}
}

/* --- JSON --- */

static void
indent(struct buf *b, int depth)
{
	buf_putc(b, '\n');
	while (depth-- > 0)
		buf_puts(b, "  ");
}

static void
key(struct buf *b, int depth, int *first, const char *k)
{
	if (!*first)
		buf_putc(b, ',');
	*first = 0;
	indent(b, depth);
	buf_put_json(b, k);
	buf_puts(b, ": ");
}

static void
json_str(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_puts(b, "null");
	else
		buf_put_json(b, s);
}

/* "counts": [..], "shown": [..], "total": n, "total_shown": ".." for
 * row i of the published table (i == nperiods: the group totals). */
static void
json_row(struct buf *b, const struct rview *v, size_t i, int depth, int *first)
{
	struct buf t = BUF_INIT;
	const struct sdc_fig *f;
	size_t	 j;

	key(b, depth, first, "counts");
	buf_putc(b, '[');
	for (j = 0; j < v->ngroups; j++) {
		f = sdc_at(&v->t, i, j);
		if (j > 0)
			buf_puts(b, ", ");
		if (f->state == SDC_SHOWN)
			sdc_num(b, f->value, 0);
		else
			buf_puts(b, "null");
	}
	buf_putc(b, ']');
	key(b, depth, first, "shown");
	buf_putc(b, '[');
	for (j = 0; j < v->ngroups; j++) {
		if (j > 0)
			buf_puts(b, ", ");
		buf_reset(&t);
		sdc_text(&t, sdc_at(&v->t, i, j), &v->rules, SDC_GROUPED);
		buf_put_json(b, t.ptr);
	}
	buf_putc(b, ']');
	f = sdc_at(&v->t, i, v->ngroups);
	key(b, depth, first, "total");
	if (f->state == SDC_SHOWN)
		sdc_num(b, f->value, 0);
	else
		buf_puts(b, "null");
	key(b, depth, first, "total_shown");
	buf_reset(&t);
	sdc_text(&t, f, &v->rules, SDC_GROUPED);
	buf_put_json(b, t.ptr);
	buf_free(&t);
}

static void
json_report(struct buf *b, const struct rview *v, enum audience aud, int d)
{
	const struct report *r = v->r;
	struct buf t = BUF_INIT;
	size_t	 i, j;
	int	 first = 1, f2;

	indent(b, d);
	buf_putc(b, '{');
	key(b, d + 1, &first, "id");
	json_str(b, r->id);
	key(b, d + 1, &first, "url");
	buf_printf(&t, "reports/%s.html", r->id);
	json_str(b, t.ptr);
	key(b, d + 1, &first, "csv");
	buf_reset(&t);
	buf_printf(&t, "reports/%s.csv", r->id);
	json_str(b, t.ptr);
	key(b, d + 1, &first, "title");
	json_str(b, r->title);
	key(b, d + 1, &first, "kind");
	json_str(b, report_kind_key(r->kind));
	key(b, d + 1, &first, "measure");
	json_str(b, r->measure);
	key(b, d + 1, &first, "by");
	json_str(b, r->by);
	key(b, d + 1, &first, "granularity");
	json_str(b, granularity_word(r->granularity));
	if (aud == AUD_INTERNAL) {
		key(b, d + 1, &first, "audience");
		json_str(b, r->audience == AUD_PUBLIC ? "public" : "internal");
	}
	/* null: exact counts (the staff file) */
	key(b, d + 1, &first, "disclosure");
	if (v->rules.exact)
		buf_puts(b, "null");
	else
		buf_printf(b, "{\"min_count\": %lld, \"round_to\": %lld}",
		    v->rules.min_count, v->rules.round_to);
	key(b, d + 1, &first, "groups");
	buf_putc(b, '[');
	for (j = 0; j < v->ngroups; j++) {
		if (j > 0)
			buf_puts(b, ", ");
		json_str(b, v->groups[j]);
	}
	buf_putc(b, ']');
	key(b, d + 1, &first, "periods");
	buf_putc(b, '[');
	for (i = 0; i < r->nperiods; i++) {
		if (i > 0)
			buf_putc(b, ',');
		indent(b, d + 2);
		buf_putc(b, '{');
		f2 = 1;
		key(b, d + 3, &f2, "period");
		json_str(b, r->periods[i].label);
		json_row(b, v, i, d + 3, &f2);
		indent(b, d + 2);
		buf_putc(b, '}');
	}
	if (r->nperiods > 0)
		indent(b, d + 1);
	buf_putc(b, ']');
	key(b, d + 1, &first, "totals");
	buf_putc(b, '{');
	f2 = 1;
	json_row(b, v, r->nperiods, d + 2, &f2);
	indent(b, d + 1);
	buf_putc(b, '}');
	if (aud == AUD_INTERNAL) {
		key(b, d + 1, &first, "internal");
		buf_putc(b, '{');
		for (i = 0; i < r->internal.n; i++) {
			if (i > 0)
				buf_puts(b, ", ");
			buf_put_json(b, r->internal.v[i].key);
			buf_puts(b, ": ");
			json_str(b, r->internal.v[i].text);
		}
		buf_putc(b, '}');
	}
	indent(b, d);
	buf_putc(b, '}');
	buf_free(&t);
}

void
json_reports(const struct model *m, enum audience aud, struct buf *b,
    int depth)
{
	struct rview v;
	size_t	 i, n = 0;

	buf_putc(b, '[');
	for (i = 0; i < m->nreports; i++) {
		if (!report_visible(m->reports[i], aud))
			continue;
		if (n++ > 0)
			buf_putc(b, ',');
		rview_make(&v, m->reports[i], &m->site, aud);
		json_report(b, &v, aud, depth + 1);
		rview_free(&v);
	}
	if (n > 0)
		indent(b, depth);
	buf_putc(b, ']');
}
