/*
 * test_complete.c - the completeness analysis (complete.c) on the
 * example content (content/), which is complete by design but for two
 * governance findings: the committee has no design member, and one
 * purpose is overdue for review. Each test takes one field away (in
 * memory) and checks the item turns missing, the finding names it, and
 * everything else stays put.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complete.h"
#include "testutil.h"
#include "example.h"

#define M	(example_cur->m)	/* the example model of the group */

static struct purpose *
purpose(const char *id)
{
	struct purpose *p = hmap_get(&M.purpose_ids, id);

	assert_non_null(p);
	return p;
}

static struct system *
system_(const char *id)
{
	struct system *s = hmap_get(&M.system_ids, id);

	assert_non_null(s);
	return s;
}

/* Findings of a fresh analysis as "file:line:col: msg" lines. */
static char *
findings(struct complete *c, struct arena *a)
{
	struct buf b = BUF_INIT;
	size_t i;

	complete_analyse(&M, a, c);
	for (i = 0; i < c->nfindings; i++)
		buf_printf(&b, "%s:%d:%d: %s\n", c->findings[i].pos.file,
		    c->findings[i].pos.line, c->findings[i].pos.col,
		    c->findings[i].msg);
	return buf_detach(&b, NULL);
}

static size_t
total_missing(const struct complete *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->npurposes; i++)
		n += c->purposes[i].nmissing;
	for (i = 0; i < c->nsystems; i++)
		n += c->systems[i].nmissing;
	return n;
}

/* ------------------------------------------------------------------ */

/* The example: exactly the two governance findings, nothing missing. */
static void
test_example(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	char *f;
	size_t i, nretired = 0;

	(void)state;
	f = findings(&c, &a);
	assert_string_equal(f,
	    "content/committee/members.yaml:3:55: required function 'design' "
	    "has no committee member\n"
	    "content/purposes/police-requests.md:9:12: purpose "
	    "'police-requests' is overdue for review (review_by 2026-06-30)\n");
	free(f);
	assert_int_equal(total_missing(&c), 0);
	for (i = 0; i < M.npurposes; i++)
		nretired += M.purposes[i]->status == PS_RETIRED;
	assert_int_equal(c.npurposes, M.npurposes - nretired);
	assert_int_equal(c.nsystems, M.nsystems);
	assert_int_equal(c.nmissing_functions, 1);
	assert_string_equal(c.missing_functions[0], "design");
	assert_int_equal(c.noverdue, 1);
	assert_string_equal(c.overdue[0]->id, "police-requests");
	assert_int_equal(c.norphan_purposes + c.norphan_recipients, 0);
	/* check_model printed the same findings as warnings. */
	diag_reset();
	complete_warn(&M);
	assert_diags(
	    "content/committee/members.yaml:3:55: warning: required function "
	    "'design' has no committee member\n"
	    "content/purposes/police-requests.md:9:12: warning: purpose "
	    "'police-requests' is overdue for review (review_by 2026-06-30)\n");
	arena_free(&a);
}

/* Reviews are compared against "today" (SOURCE_DATE_EPOCH or clock). */
static void
test_review_dates(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct date was = M.today;

	(void)state;
	M.today = (struct date){ 2026, 6, 30 };	/* due today: not late */
	complete_analyse(&M, &a, &c);
	assert_int_equal(c.noverdue, 0);
	M.today = (struct date){ 2027, 2, 1 };	/* five are late now */
	complete_analyse(&M, &a, &c);
	assert_int_equal(c.noverdue, 5);
	/* Oldest first, one day's by id. */
	assert_string_equal(c.overdue[0]->id, "police-requests");
	assert_string_equal(c.overdue[1]->id, "customer-support");
	assert_string_equal(c.overdue[2]->id, "business-reporting");
	assert_string_equal(c.overdue[3]->id, "criminal-record-checks");
	assert_string_equal(c.overdue[4]->id, "site-analytics");
	M.today = was;
	arena_free(&a);
}

/* A purpose without benefit or automated_decisions: both items turn
 * missing for it alone, with a finding each, and the renderers'
 * single answers agree. */
static void
test_purpose_fields(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct purpose *p = purpose("order-fulfilment");
	const char *benefit = p->benefit, *automated = p->automated_decisions;
	char *f;

	(void)state;
	assert_int_equal(complete_purpose_item(&M, p, CI_BENEFIT), CS_PRESENT);
	p->benefit = NULL;
	p->automated_decisions = NULL;
	assert_int_equal(complete_purpose_item(&M, p, CI_BENEFIT), CS_MISSING);
	assert_int_equal(complete_purpose_item(&M, p, CI_AUTOMATED),
	    CS_MISSING);
	f = findings(&c, &a);
	assert_non_null(strstr(f, "content/purposes/order-fulfilment.md:2:1: "
	    "purpose 'order-fulfilment' has no 'benefit' (what people get "
	    "from it; public pages say 'not yet documented')\n"));
	assert_non_null(strstr(f, "purpose 'order-fulfilment' has no "
	    "'automated_decisions' (expected under eu-gdpr and uk-gdpr; "
	    "write 'none' when no decision is made by automated means "
	    "alone)\n"));
	free(f);
	assert_int_equal(c.nfindings, 4);
	assert_int_equal(total_missing(&c), 2);
	p->benefit = benefit;
	p->automated_decisions = automated;
	arena_free(&a);
}

/* Site items: one finding for the site, missing in every row. */
static void
test_site_items(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct contact dpo = M.site.dpo;
	size_t i;
	char *f;

	(void)state;
	memset(&M.site.dpo, 0, sizeof(M.site.dpo));
	assert_int_equal(complete_site_item(&M, CI_DPO), CS_MISSING);
	f = findings(&c, &a);
	assert_non_null(strstr(f, "content/site.yaml:5:3: missing "
	    "'organisation.dpo' (expected under eu-gdpr and uk-gdpr)\n"));
	free(f);
	for (i = 0; i < c.npurposes; i++)
		assert_int_equal(c.purposes[i].state[CI_DPO], CS_MISSING);
	for (i = 0; i < c.nsystems; i++)
		assert_int_equal(c.systems[i].state[CI_DPO], CS_NA);
	M.site.dpo = dpo;
	assert_int_equal(complete_site_item(&M, CI_DPO), CS_PRESENT);
	arena_free(&a);
}

/* Where a system keeps data: no locations, or outside the UK/EEA with
 * nothing covering it, is missing for the system and its purposes. */
static void
test_transfers(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct system *sy = system_("helpdesk");
	struct strlist was = sy->locations;
	static const char *us[] = { "US" };
	size_t i;
	char *f;

	(void)state;
	sy->locations.v = us;
	sy->locations.n = 1;
	f = findings(&c, &a);
	assert_non_null(strstr(f, "system 'helpdesk' stores data in 'US', "
	    "outside the UK/EEA, and no safeguard covers it"));
	free(f);
	for (i = 0; i < c.nsystems; i++)
		assert_int_equal(c.systems[i].state[CI_TRANSFERS],
		    c.systems[i].system == sy ? CS_MISSING : CS_PRESENT);
	assert_int_equal(complete_purpose_item(&M, purpose("customer-support"),
	    CI_TRANSFERS), CS_MISSING);
	/* email-marketing is in the US too, but its vendor is there under
	 * standard contractual clauses. */
	assert_int_equal(complete_purpose_item(&M, purpose("email-newsletter"),
	    CI_TRANSFERS), CS_PRESENT);
	sy->locations.n = 0;
	f = findings(&c, &a);
	assert_non_null(strstr(f, "content/inventory/helpdesk.yaml:1:1: system "
	    "'helpdesk' has no 'locations'"));
	free(f);
	sy->locations = was;
	arena_free(&a);
}

/* Which items apply depends on the site's laws. */
static void
test_jurisdictions(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	unsigned was = M.site.jurisdictions;
	char *f;

	(void)state;
	assert_true(complete_applies(CI_TRANSFERS, JUR_UK_GDPR));
	assert_false(complete_applies(CI_TRANSFERS, JUR_CCPA | JUR_LGPD));
	assert_true(complete_applies(CI_SOLD, JUR_CCPA));
	assert_false(complete_applies(CI_SOLD, JUR_GDPR_ANY | JUR_LGPD));
	assert_true(complete_applies(CI_DPO, JUR_LGPD));
	assert_false(complete_applies(CI_COMPLAINT, JUR_LGPD | JUR_CCPA));
	assert_true(complete_applies(CI_BENEFIT, 0));	/* practice */
	/* Under the CCPA the example never says 'sold': one finding per
	 * entry; the GDPR-only items drop out. */
	M.site.jurisdictions = JUR_CCPA;
	f = findings(&c, &a);
	assert_non_null(strstr(f, "does not say whether it is 'sold' "
	    "(expected under ccpa)"));
	assert_null(strstr(f, "organisation.dpo"));
	free(f);
	assert_int_equal(c.purposes[0].state[CI_TRANSFERS], CS_NA);
	assert_int_equal(c.purposes[0].state[CI_SOLD], CS_MISSING);
	M.site.jurisdictions = was;
	arena_free(&a);
}

/* Orphans: a purpose no data uses, a recipient no data goes to. */
static void
test_orphans(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct purpose *p = purpose("product-recalls");
	struct recipient *r = hmap_get(&M.recipient_ids, "hmrc");
	size_t nuses = p->nuses, nshared;
	char *f;

	(void)state;
	assert_non_null(r);
	nshared = r->nshared;
	p->nuses = 0;
	r->nshared = 0;
	f = findings(&c, &a);
	assert_non_null(strstr(f, "purpose 'product-recalls' is not used by "
	    "any data entry\n"));
	assert_non_null(strstr(f, "recipient 'hmrc' receives no data"));
	free(f);
	assert_int_equal(c.norphan_purposes, 1);
	assert_int_equal(c.norphan_recipients, 1);
	/* Its data items follow from having no data: categories missing,
	 * the rest does not apply; no second finding says so. */
	assert_int_equal(complete_purpose_item(&M, p, CI_CATEGORIES),
	    CS_MISSING);
	assert_int_equal(complete_purpose_item(&M, p, CI_RETENTION), CS_NA);
	assert_int_equal(c.nfindings, 4);
	p->nuses = nuses;
	r->nshared = nshared;
	arena_free(&a);
}

/* The committee: required functions with no member, each once. */
static void
test_committee(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct member *mb = &M.committee.members[0];
	const char *fn = mb->function;

	(void)state;
	assert_string_equal(fn, "legal");
	mb->function = "design";	/* legal loses its only member */
	complete_analyse(&M, &a, &c);
	assert_int_equal(c.nmissing_functions, 1);
	assert_string_equal(c.missing_functions[0], "legal");
	M.committee.present = false;	/* no members.yaml: no finding */
	complete_analyse(&M, &a, &c);
	assert_int_equal(c.nmissing_functions, 0);
	M.committee.present = true;
	mb->function = fn;
	arena_free(&a);
}

/*
 * The index: an analysis answers for every purpose and data entry
 * exactly what the single answers say, missing items included (a
 * field taken away, the CCPA's 'sold' nobody states) and for retired
 * purposes (no row: computed on the spot). check_model() keeps its
 * analysis for the renderers, of that model only.
 */
static void
test_index(void **state)
{
	struct arena a = { 0 };
	struct complete c;
	struct purpose *p = purpose("order-fulfilment");
	struct purpose *retired = purpose("business-reporting");
	enum purpose_status status_was = retired->status;
	const char *auto_was = p->automated_decisions;
	unsigned jur_was = M.site.jurisdictions;
	struct model other;
	size_t i, j, nmissing = 0, nretired = 0;
	int it;

	(void)state;
	assert_non_null(complete_shared(&M));
	assert_ptr_equal(complete_shared(&M)->m, &M);
	memset(&other, 0, sizeof(other));
	assert_null(complete_shared(&other));
	assert_null(complete_shared(NULL));

	p->automated_decisions = NULL;
	M.site.jurisdictions |= JUR_CCPA;
	retired->status = PS_RETIRED;
	complete_analyse(&M, &a, &c);
	for (i = 0; i < M.npurposes; i++) {
		const struct purpose *q = M.purposes[i];

		nretired += q->status == PS_RETIRED;
		for (it = 0; it < CI__COUNT; it++) {
			enum cstate s = complete_purpose_item(&M, q, it);

			assert_int_equal(complete_purpose_state(&c, q, it), s);
			nmissing += s == CS_MISSING;
		}
	}
	assert_true(nretired > 0);
	assert_int_equal(complete_purpose_state(&c, p, CI_AUTOMATED),
	    CS_MISSING);
	for (i = 0; i < M.nsystems; i++)
		for (j = 0; j < M.systems[i]->ndata; j++) {
			const struct data_entry *e = &M.systems[i]->data[j];

			assert_int_equal(complete_entry_state(&c, e,
			    CI_REQUIREMENT), complete_entry_item(&M, e,
			    CI_REQUIREMENT));
			assert_int_equal(complete_entry_state(&c, e, CI_SOLD),
			    complete_entry_item(&M, e, CI_SOLD));
			nmissing += complete_entry_state(&c, e, CI_SOLD) ==
			    CS_MISSING;
		}
	assert_true(nmissing > M.nsystems);
	p->automated_decisions = auto_was;
	M.site.jurisdictions = jur_was;
	retired->status = status_was;
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_review_dates),
		cmocka_unit_test(test_purpose_fields),
		cmocka_unit_test(test_site_items),
		cmocka_unit_test(test_transfers),
		cmocka_unit_test(test_jurisdictions),
		cmocka_unit_test(test_orphans),
		cmocka_unit_test(test_committee),
		cmocka_unit_test(test_index),
	};

	return cmocka_run_group_tests(tests, example_setup,
	    example_teardown);
}
