/*
 * ropa.c - the Article 30 record of processing: ropa_row_fill computes
 * one row per purpose (shared with ropa.html, render_ropa.c) and csv_ropa
 * writes the whole record as RFC 4180 CSV: a header line, CRLF line
 * ends, fields quoted when they hold a comma, quote, CR or LF.
 *
 * The controller and its contacts are repeated on every row so each
 * row stands on its own in a spreadsheet; lists within a field are
 * joined with "; ". The record is internal: every purpose, every entry.
 */
#include <stdlib.h>
#include <string.h>

#include "ropa.h"

static int
cmp_term(const void *a, const void *b)
{
	return strcmp((*(const struct term *const *)a)->key,
	    (*(const struct term *const *)b)->key);
}

static const char *
safeguard(enum safeguard sg)
{
	return sg > SG_NONE && sg < SG__COUNT ? vocab_safeguards[sg].label :
	    "no safeguard recorded";
}

/*
 * Sorted unique "period\037category" strings become one string per
 * period: "Until you close your account: Your name, Your password".
 */
static void
retention_merge(struct pvec *l, struct arena *a)
{
	struct buf b = BUF_INIT;
	size_t	 i, j, n = 0, plen;
	const char *s, *sep;

	for (i = 0; i < l->n; i = j) {
		s = l->v[i];
		sep = strchr(s, '\037');
		plen = (size_t)(sep - s);
		buf_reset(&b);
		buf_put(&b, s, plen);
		if (b.ptr[0] >= 'a' && b.ptr[0] <= 'z')
			b.ptr[0] -= 'a' - 'A';
		buf_puts(&b, ": ");
		for (j = i; j < l->n; j++) {
			const char *t = l->v[j];
			if (strncmp(t, s, plen) != 0 || t[plen] != '\037')
				break;
			if (j > i)
				buf_puts(&b, ", ");
			buf_puts(&b, t + plen + 1);
		}
		l->v[n++] = arena_strdup(a, b.ptr);
	}
	l->n = n;
	buf_free(&b);
}

/* "a" sep "b" in the arena: arena_printf's work without the format. */
static const char *
join2(struct arena *ar, const char *a, char sep, const char *b)
{
	size_t	 na, nb;
	char	*s;

	a = a != NULL ? a : "";
	b = b != NULL ? b : "";
	na = strlen(a);
	nb = strlen(b);
	s = arena_alloc(ar, na + nb + 2);

	memcpy(s, a, na);
	s[na] = sep;
	memcpy(s + na + 1, b, nb + 1);
	return s;
}

void
ropa_row_fill(struct ropa_row *r, const struct purpose *p, struct arena *a)
{
	size_t	 i, k;

	r->subjects.n = r->categories.n = r->recipients.n = 0;
	r->transfers.n = r->retention.n = r->security.n = 0;
	for (i = 0; i < p->nuses; i++) {
		const struct data_entry *e = p->uses[i];
		const struct category *cat = e->category.to;
		const struct system *sy = e->system;
		const struct recipient *v;

		for (k = 0; k < e->subjects.n; k++)
			pv_add(&r->subjects, e->subjects.v[k].to);
		pv_add(&r->categories, cat);
		for (k = 0; k < e->shared_with.n; k++)
			pv_add(&r->recipients, e->shared_with.v[k].to);
		/* "period\037category", merged per period below */
		pv_add(&r->retention, join2(a, e->retention.text, '\037',
		    cat != NULL ? cat->name : e->category.id));
		if (sy == NULL)
			continue;
		/* The processor running the system receives its data. */
		pv_add(&r->recipients, sy->vendor.to);
		for (k = 0; k < sy->security.n; k++)
			pv_add(&r->security, sy->security.v[k]);
		/* Storage outside the UK/EEA is a transfer too; the
		 * vendor that runs the system carries the safeguard. */
		v = sy->vendor.to;
		for (k = 0; k < sy->locations.n; k++)
			if (!country_in_eea_uk(sy->locations.v[k]))
				pv_add(&r->transfers, arena_printf(a,
				    "%s stored in %s (%s)", sy->name,
				    country_label(sy->locations.v[k]),
				    v != NULL ? safeguard(v->safeguard) :
				    safeguard(SG_NONE)));
	}
	pv_uniq(&r->subjects, cmp_term);
	pv_uniq(&r->categories, cmp_category);
	pv_uniq(&r->recipients, cmp_recipient);
	for (i = 0; i < r->recipients.n; i++) {
		const struct recipient *rc = r->recipients.v[i];
		if (rc->country != NULL && !country_in_eea_uk(rc->country))
			pv_add(&r->transfers, arena_printf(a, "%s in %s (%s)",
			    rc->name, country_label(rc->country),
			    safeguard(rc->safeguard)));
		for (k = 0; k < rc->ntransfers; k++)
			pv_add(&r->transfers, arena_printf(a,
			    "%s onward to %s (%s)", rc->name,
			    country_label(rc->transfers[k].country),
			    safeguard(rc->transfers[k].safeguard)));
	}
	pv_uniq(&r->transfers, cmp_str);
	pv_uniq(&r->retention, cmp_str);
	retention_merge(&r->retention, a);
	pv_uniq(&r->security, cmp_str);
}

void
ropa_row_free(struct ropa_row *r)
{
	pv_free(&r->subjects);
	pv_free(&r->categories);
	pv_free(&r->recipients);
	pv_free(&r->transfers);
	pv_free(&r->retention);
	pv_free(&r->security);
}

/* A contact as one field: "Name <email>, address, phone". */
static void
contact_str(struct buf *b, const struct contact *c)
{
	const char *sep = "";

	buf_reset(b);
	if (c->name != NULL) {
		buf_puts(b, c->name);
		sep = ", ";
	}
	if (c->email != NULL) {
		buf_printf(b, c->name != NULL ? " <%s>" : "%s", c->email);
		sep = ", ";
	}
	if (c->address != NULL) {
		buf_printf(b, "%s%s", sep, c->address);
		sep = ", ";
	}
	if (c->phone != NULL)
		buf_printf(b, "%s%s", sep, c->phone);
}

static void
field(struct buf *out, const char *s, int last)
{
	buf_put_csv(out, s != NULL ? s : "");
	buf_puts(out, last ? "\r\n" : ",");
}

/* A list as one field, joined with "; ". name maps an element to text. */
static void
list_field(struct buf *out, struct buf *tmp, const struct pvec *l,
    const char *(*name)(const void *), int last)
{
	size_t	 i;

	buf_reset(tmp);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_puts(tmp, "; ");
		buf_puts(tmp, name(l->v[i]));
	}
	field(out, tmp->ptr, last);
}

static const char *
str_name(const void *x)
{
	return x;
}
static const char *
term_name(const void *x)
{
	return ((const struct term *)x)->name;
}
static const char *
category_name(const void *x)
{
	return ((const struct category *)x)->name;
}

static const char *const columns[] = {
	"Purpose ID", "Purpose", "Status", "Description", "Controller",
	"Controller contact", "Data protection officer", "Representative",
	"Legal basis", "Legitimate interest", "Special category condition",
	"Data subjects", "Data categories", "Recipients",
	"Transfers and safeguards", "Retention", "Security measures"
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

void
csv_ropa(const struct model *m, struct buf *out)
{
	struct sink s;

	sink_init(&s, NULL, NULL);	/* everything stays in s.b */
	s.b = *out;
	csv_ropa_sink(m, &s);
	*out = s.b;
}

/* Handed on after each row; a row's strings live until the next. */
void
csv_ropa_sink(const struct model *m, struct sink *sk)
{
	const struct site *st = &m->site;
	struct buf	*out = &sk->b;
	struct ropa_row	 row;
	struct arena	 a;
	struct buf	 ctl = BUF_INIT, dpo = BUF_INIT, rep = BUF_INIT,
			 tmp = BUF_INIT;
	size_t		 i, k;

	memset(&row, 0, sizeof row);
	memset(&a, 0, sizeof a);
	for (i = 0; i < NCOLUMNS; i++)
		field(out, columns[i], i + 1 == NCOLUMNS);

	buf_printf(&ctl, "%s", st->email != NULL ? st->email : "");
	if (st->address != NULL)
		buf_printf(&ctl, ", %s", st->address);
	if (st->phone != NULL)
		buf_printf(&ctl, ", %s", st->phone);
	contact_str(&dpo, &st->dpo);
	contact_str(&rep, &st->representative);

	for (i = 0; i < m->npurposes; i++) {
		const struct purpose *p = m->purposes[i];
		const char *status = status_key(p->status);

		arena_reset(&a);
		ropa_row_fill(&row, p, &a);
		field(out, p->id, 0);
		field(out, p->title, 0);
		field(out, status, 0);
		field(out, p->summary, 0);
		field(out, st->legal_name != NULL ? st->legal_name : st->name,
		    0);
		field(out, ctl.ptr, 0);
		field(out, dpo.ptr, 0);
		field(out, rep.ptr, 0);
		field(out, p->legal_basis > LB_NONE &&
		    p->legal_basis < LB__COUNT ?
		    vocab_legal_bases[p->legal_basis].label : NULL, 0);
		field(out, p->legitimate_interest, 0);
		field(out, p->special_condition > SC_NONE &&
		    p->special_condition < SC__COUNT ?
		    vocab_special_conditions[p->special_condition].label :
		    NULL, 0);
		list_field(out, &tmp, &row.subjects, term_name, 0);
		list_field(out, &tmp, &row.categories, category_name, 0);
		buf_reset(&tmp);
		for (k = 0; k < row.recipients.n; k++) {
			const struct recipient *r = row.recipients.v[k];
			/* "; Name (role, CC)" */
			if (k > 0)
				buf_put(&tmp, "; ", 2);
			buf_puts(&tmp, r->name);
			buf_put(&tmp, " (", 2);
			buf_puts(&tmp, r->role == ROLE_CONTROLLER ?
			    "controller" : r->role == ROLE_JOINT_CONTROLLER ?
			    "joint controller" : "processor");
			buf_put(&tmp, ", ", 2);
			buf_puts(&tmp, r->country != NULL ? r->country :
			    "(null)");
			buf_putc(&tmp, ')');
		}
		field(out, tmp.ptr, 0);
		list_field(out, &tmp, &row.transfers, str_name, 0);
		list_field(out, &tmp, &row.retention, str_name, 0);
		list_field(out, &tmp, &row.security, str_name, 1);
		(void)sink_check(sk);
	}
	ropa_row_free(&row);
	arena_free(&a);
	buf_free(&ctl);
	buf_free(&dpo);
	buf_free(&rep);
	buf_free(&tmp);
}
