/*
 * test_check.c - check.c: references resolved across files (with the
 * "did you mean" hints and their budget) and the rules that look at
 * more than one object, tested from YAML text with the exact
 * diagnostics a user would see.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"
#include "testcontent.h"

static void
test_references(void **state)
{
	put(&src.recipients, "recipients.yaml", NULL,
	    "royal-mail: {name: Royal Mail, country: GB}\n");
	add(INV, "inventory/shop.yaml", "shop",
	    "name: Shop\n"
	    "custodian: ecommerce\n"
	    "vendor: royal-mial\n"
	    "data:\n"
	    "  - category: user.contact.emial\n"
	    "    subjects: [customers, customer]\n"
	    "    purposes: [delivey, delivery]\n"
	    "    retention: 30 days\n"
	    "    source: royal-mail\n"
	    "    shared_with: [royal-mail, dhl]\n");
	add(PUR, "purposes/delivery.md", "delivery",
	    "title: T\nsummary: S\nlegal_basis: contract\n"
	    "use: essential.servise\n");
	add(DEC, "committee/decisions/d1.md", "d1",
	    "title: T\ndate: 2026-01-01\nstatus: adopted\n"
	    "affects: [inventory:shop, purpose:delivry, invntory:x, "
	    "report:Bad, recipient:royal-mail]\n");
	run();
	assert_diags(
	    "committee/decisions/d1.md:5:27: error: unknown purpose "
	    "'delivry' (did you mean 'delivery'?)\n"
	    "committee/decisions/d1.md:5:44: error: unknown kind 'invntory' "
	    "in 'invntory:x' (did you mean 'inventory'?)\n"
	    "committee/decisions/d1.md:5:56: error: invalid report id 'Bad' "
	    "(an id starts with a lowercase letter or a digit)\n"
	    "inventory/shop.yaml:3:9: error: unknown recipient 'royal-mial' "
	    "(did you mean 'royal-mail'?)\n"
	    "inventory/shop.yaml:5:15: error: unknown data category "
	    "'user.contact.emial' (did you mean 'user.contact.email'?)\n"
	    "inventory/shop.yaml:6:16: error: unknown data subject "
	    "'customers' (did you mean 'customer'?)\n"
	    "inventory/shop.yaml:7:16: error: unknown purpose 'delivey' "
	    "(did you mean 'delivery'?)\n"
	    "inventory/shop.yaml:10:31: error: unknown recipient 'dhl'\n"
	    "purposes/delivery.md:5:6: error: unknown data use "
	    "'essential.servise' (did you mean 'essential.service'?)\n");
	assert_ptr_equal(m.systems[0]->data[0].source_ref.to,
	    m.recipients[0]);
	assert_int_equal(m.recipients[0]->nshared, 1);
	/* The adopted decision reaches what it names. */
	assert_ptr_equal(m.systems[0]->decision, m.decisions[0]);
	assert_ptr_equal(m.recipients[0]->decision, m.decisions[0]);
	assert_null(m.purposes[0]->decision);
}

static void
test_rules(void **state)
{
	put(&src.recipients, "recipients.yaml", NULL,
	    "acme:\n"
	    "  name: Acme Inc\n"
	    "  country: US\n"
	    "  transfers:\n"
	    "    - {country: IN}\n"
	    "    - {country: DE}\n"
	    "    - {country: BR, safeguard: scc}\n"
	    "safe: {name: Safe, country: US, safeguard: adequacy}\n");
	add(INV, "inventory/clinic.yaml", "clinic",
	    "name: Clinic\n"
	    "custodian: care\n"
	    "data:\n"
	    "  - category: user.health_and_medical.record_id\n"
	    "    subjects: [customer]\n"
	    "    purposes: [care, news]\n"
	    "    retention: until treatment ends\n"
	    "    shared_with: [acme, safe]\n");
	add(PUR, "purposes/care.md", "care",
	    "title: Care\nsummary: S\nlegal_basis: legitimate-interests\n");
	add(PUR, "purposes/news.md", "news",
	    "title: News\nsummary: S\nlegal_basis: consent\n"
	    "special_condition: explicit-consent\n");
	add(PUR, "purposes/old.md", "old",
	    "title: Old\nsummary: S\nlegal_basis: contract\n"
	    "status: retired\n");
	add(PUR, "purposes/spare.md", "spare",
	    "title: Spare\nsummary: S\nlegal_basis: contract\n");
	run();
	assert_diags(
	    "purposes/care.md:2:1: error: purpose 'care' uses "
	    "special-category data ('user.health_and_medical.record_id') "
	    "but has no 'special_condition' (one of explicit-consent, "
	    "employment, vital-interests, not-for-profit, made-public, "
	    "legal-claims, substantial-public-interest, health-care, "
	    "public-health, archiving-research)\n"
	    "purposes/care.md:4:14: error: legal basis "
	    "'legitimate-interests' needs 'legitimate_interest' (the "
	    "interest it pursues)\n"
	    "purposes/news.md:4:14: error: legal basis 'consent' needs "
	    "'withdraw' (how people withdraw their consent)\n"
	    "purposes/spare.md:2:1: warning: purpose 'spare' is not used by "
	    "any data entry\n"
	    "recipients.yaml:3:12: error: recipient 'acme' is in 'US', "
	    "outside the UK/EEA, and has no 'safeguard' (one of adequacy, "
	    "scc, bcr, derogation)\n"
	    "recipients.yaml:5:7: error: transfer to 'IN' is outside the "
	    "UK/EEA and has no 'safeguard' (one of adequacy, scc, bcr, "
	    "derogation)\n");
	assert_true(m.purposes[0]->special);
}

static void
test_transfers_only_under_gdpr(void **state)
{
	put(&src.site, "site.yaml", NULL,
	    "organisation: {name: N, address: A, email: a@b.c}\n"
	    "jurisdictions: [ccpa]\n");
	put(&src.recipients, "recipients.yaml", NULL,
	    "acme: {name: Acme, country: CN}\n");
	run();
	assert_diags("recipients.yaml:1:1: warning: recipient 'acme' receives "
	    "no data (no data entry is shared with it and it runs no "
	    "system)\n");
}

static void
test_many_unknown_refs_stay_fast(void **state)
{
	struct buf rc = BUF_INIT, inv = BUF_INIT;
	size_t i;

	/* 5,000 recipients and an entry sharing with 20,000 unknown ones:
	 * "did you mean" would cost 10^8 edit distances; the hint budget
	 * keeps a file full of typos linear. */
	for (i = 0; i < 5000; i++)
		buf_printf(&rc, "recipient-number-%zu: {name: R, country: GB}\n",
		    i);
	buf_puts(&inv, "name: S\ncustodian: t\ndata:\n  - category: user\n"
	    "    subjects: [customer]\n    retention: 1 day\n"
	    "    purposes: [p]\n    shared_with:\n");
	for (i = 0; i < 20000; i++)
		buf_printf(&inv, "      - recipient-numbr-%zu\n", i);
	put(&src.recipients, "recipients.yaml", NULL, rc.ptr);
	add(INV, "inventory/s.yaml", "s", inv.ptr);
	add(PUR, "purposes/p.md", "p", purpose_ok);
	run();
	assert_int_equal(diag_errors(), 20000);
	/* The budget, not a stopwatch: at most 256 searches gave hints. */
	{
		char *text = diag_text();
		size_t hints = 0;
		const char *p = text;

		while ((p = strstr(p, "did you mean")) != NULL) {
			hints++;
			p++;
		}
		assert_true(hints <= 256);
		free(text);
	}
	diag_reset();
	buf_free(&rc);
	buf_free(&inv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transfers_only_under_gdpr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_unknown_refs_stay_fast, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
