/*
 * test_decode.c - decode*.c: types, required keys, enums, grammars,
 * one content file kind after another (check.c's references and rules
 * are test_check.c's, model.c's indexes test_model.c's).
 *
 * The three parsers the fuzzers hit (retention, date, period) are
 * tested as accept/reject tables; decoding is tested from YAML text
 * with the exact diagnostics a user would see, as Lua's
 * testes/errors.lua tests its messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <time.h>

#include "decode.h"
#include "testutil.h"
#include "testcontent.h"

/* --- retention_parse ---------------------------------------------- */

static void
test_retention_accepts(void **state)
{
	static const struct {
		const char		*in;
		enum retention_kind	 kind;
		long			 n;
		enum retention_unit	 unit;
		const char		*event;
	} ok[] = {
		{ "30 days", RET_PERIOD, 30, UNIT_DAY, NULL },
		{ "1 day", RET_PERIOD, 1, UNIT_DAY, NULL },
		{ "1 years", RET_PERIOD, 1, UNIT_YEAR, NULL },
		{ "2 weeks", RET_PERIOD, 2, UNIT_WEEK, NULL },
		{ "1 month after the end of the trial", RET_PERIOD, 1,
		    UNIT_MONTH, "the end of the trial" },
		{ "6 years after last order", RET_PERIOD, 6, UNIT_YEAR,
		    "last order" },
		{ "  3  years\tafter  a  b  ", RET_PERIOD, 3, UNIT_YEAR,
		    "a  b" },
		{ "007 days", RET_PERIOD, 7, UNIT_DAY, NULL },
		{ "2147483647 days", RET_PERIOD, INT_MAX, UNIT_DAY, NULL },
		{ "until you close your account", RET_UNTIL, 0, UNIT_DAY,
		    "you close your account" },
		{ "until after x", RET_UNTIL, 0, UNIT_DAY, "after x" },
	};
	struct retention r;
	const char *cause;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (retention_parse(&m.arena, ok[i].in, &r, &cause) != 0)
			fail_msg("rejected '%s': %s", ok[i].in, cause);
		assert_ptr_equal(r.text, ok[i].in);
		assert_int_equal(r.kind, ok[i].kind);
		if (ok[i].kind == RET_PERIOD) {
			assert_int_equal(r.n, ok[i].n);
			assert_int_equal(r.unit, ok[i].unit);
		}
		if (ok[i].event == NULL)
			assert_null(r.event);
		else
			assert_string_equal(r.event, ok[i].event);
	}
}

static void
test_retention_rejects(void **state)
{
	static const char forms[] = "expected 'N days|weeks|months|years "
	    "[after EVENT]' or 'until EVENT'";
	static const struct {
		const char	*in;
		const char	*cause;
	} bad[] = {
		{ "", forms }, { "   ", forms }, { "forever", forms },
		{ "6", forms }, { "6 ", forms }, { "6 yrs", forms },
		{ "6 Years", forms }, { "6years", forms },
		{ "days", forms }, { "six years", forms },
		{ "-1 days", forms }, { "+1 days", forms },
		{ "1.5 years", forms }, { "6 years after", forms },
		{ "6 years after   ", forms }, { "6 years afterwards", forms },
		{ "6 years before x", forms }, { "6 years until x", forms },
		{ "6 yearsafter x", forms }, { "until", forms },
		{ "until   ", forms }, { "Until x", forms },
		{ "untilx", forms }, { "after x", forms },
		{ "0 days", "N must be a positive integer" },
		{ "0 days after x", "N must be a positive integer" },
		{ "2147483648 days", "N is too large" },
		{ "99999999999999999999999999 days", "N is too large" },
	};
	struct retention r;
	const char *cause;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (retention_parse(&m.arena, bad[i].in, &r, &cause) != -1)
			fail_msg("accepted '%s'", bad[i].in);
		assert_string_equal(cause, bad[i].cause);
	}
	assert_int_equal(retention_parse(&m.arena, NULL, &r, &cause), -1);
}

/* --- date_parse and period_parse ---------------------------------- */

static void
test_dates(void **state)
{
	static const char *const ok[] = {
		"2026-02-28", "2024-02-29", "2000-02-29", "0001-01-01",
		"9999-12-31", "2026-04-30", "2026-12-31",
	};
	static const char *const bad[] = {
		"2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
		"2026-1-01", "26-01-01", "2026-01-01T00:00", "2026/01/01",
		"", "0000-01-01", "2025-01", " 2026-01-01", "2026-01-0a",
		"+026-01-01", "2026-01-01 ",
	};
	struct date d;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (date_parse(ok[i], &d, false) != 0)
			fail_msg("rejected '%s'", ok[i]);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (date_parse(bad[i], &d, false) != -1)
			fail_msg("accepted '%s'", bad[i]);
		assert_int_equal(d.y, 0);
	}
	assert_int_equal(date_parse("2024-02-29", &d, false), 0);
	assert_int_equal(d.y, 2024);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 29);
	assert_int_equal(date_parse("2025-01", &d, true), 0);
	assert_int_equal(d.y, 2025);
	assert_int_equal(d.m, 1);
	assert_int_equal(d.d, 0);
	assert_int_equal(date_parse("2025-01-31", &d, true), 0);
	assert_int_equal(date_parse("2025-13", &d, true), -1);
	assert_int_equal(date_parse("2025-1", &d, true), -1);
	assert_int_equal(date_parse(NULL, &d, true), -1);
}

static void
test_periods(void **state)
{
	static const struct {
		const char		*in;
		enum period_kind	 kind;
		int			 year, sub;
	} ok[] = {
		{ "2026-07", PERIOD_MONTH, 2026, 7 },
		{ "2026-12", PERIOD_MONTH, 2026, 12 },
		{ "2026-Q1", PERIOD_QUARTER, 2026, 1 },
		{ "2026-Q4", PERIOD_QUARTER, 2026, 4 },
		{ "2026", PERIOD_YEAR, 2026, 0 },
	};
	static const char *const bad[] = {
		"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-q1", "26",
		"2026-7", "2026-07-01", "", "0000", "2026-", "abcd", "2026 ",
		"2026-Q", "2026-Q12", "H1-2026", "20260",
	};
	enum period_kind kind;
	int year, sub;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (period_parse(ok[i].in, &kind, &year, &sub) != 0)
			fail_msg("rejected '%s'", ok[i].in);
		assert_int_equal(kind, ok[i].kind);
		assert_int_equal(year, ok[i].year);
		assert_int_equal(sub, ok[i].sub);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (period_parse(bad[i], &kind, &year, &sub) != -1)
			fail_msg("accepted '%s'", bad[i]);
	}
}

/* --- decoding ----------------------------------------------------- */

static void
test_clean_content(void **state)
{
	add(INV, "inventory/shop.yaml", "shop", system_ok);
	add(PUR, "purposes/delivery.md", "delivery", purpose_ok);
	run();
	assert_diags("");
	assert_int_equal(m.nsystems, 1);
	assert_string_equal(m.site.title, "How Northwind uses your data");
	assert_string_equal(m.site.language, "en");
	assert_int_equal(m.site.jurisdictions, JUR_EU_GDPR);
	assert_int_equal(m.site.min_count, 10);
	assert_int_equal(m.site.round_to, 5);
	assert_int_equal(m.systems[0]->ndata, 1);
	assert_true(m.systems[0]->data[0].linked);
	assert_false(m.systems[0]->data[0].sold);
	assert_int_equal(m.systems[0]->data[0].source, SRC_YOU);
	assert_int_equal(m.systems[0]->data[0].retention.n, 6);
	assert_string_equal(m.systems[0]->data[0].retention.event,
	    "last order");
	assert_int_equal(m.purposes[0]->nuses, 1);
	assert_ptr_equal(m.purposes[0]->uses[0], &m.systems[0]->data[0]);
}

static void
test_unknown_and_missing_keys(void **state)
{
	add(INV, "inventory/shop.yaml", "shop",
	    "nmae: Shop\n"
	    "custodian: ecommerce\n"
	    "data:\n"
	    "  - category: user.contact.email\n"
	    "    subjects: [customer]\n"
	    "    purposes: [delivery]\n"
	    "    retension: 6 years\n"
	    "    colour: blue\n");
	add(PUR, "purposes/delivery.md", "delivery", purpose_ok);
	run();
	assert_diags(
	    "inventory/shop.yaml:1:1: error: unknown key 'nmae' (did you "
	    "mean 'name'?)\n"
	    "inventory/shop.yaml:1:1: error: missing required key 'name'\n"
	    "inventory/shop.yaml:4:5: error: missing required key "
	    "'retention'\n"
	    "inventory/shop.yaml:7:5: error: unknown key 'retension' (did "
	    "you mean 'retention'?)\n"
	    "inventory/shop.yaml:8:5: error: unknown key 'colour'\n");
}

static void
test_types(void **state)
{
	add(INV, "inventory/shop.yaml", "shop",
	    "name: [Shop]\n"
	    "description: 1.10\n"
	    "custodian: ecommerce\n"
	    "locations: IE\n"
	    "data:\n"
	    "  - category: user.contact.email\n"
	    "    subjects: customer\n"
	    "    purposes: [delivery, {a: b}]\n"
	    "    retention: 30 days\n"
	    "    linked: yes\n"
	    "    tracking: 'false'\n"
	    "    sold: NO\n"
	    "  - just a string\n"
	    "audience: internal\n"
	    "internal: {notes: NO, deep: [x]}\n");
	add(PUR, "purposes/delivery.md", "delivery", purpose_ok);
	run();
	assert_diags(
	    "inventory/shop.yaml:1:7: error: expected a string for 'name'\n"
	    "inventory/shop.yaml:4:12: error: expected a list for "
	    "'locations'\n"
	    "inventory/shop.yaml:7:15: error: expected a list for "
	    "'subjects'\n"
	    "inventory/shop.yaml:8:26: error: expected a string in "
	    "'purposes'\n"
	    "inventory/shop.yaml:10:13: error: 'yes' is not a boolean (use "
	    "true or false)\n"
	    "inventory/shop.yaml:11:15: error: 'false' is not a boolean (use "
	    "true or false without quotes)\n"
	    "inventory/shop.yaml:12:11: error: 'NO' is not a boolean (use "
	    "true or false)\n"
	    "inventory/shop.yaml:13:5: error: expected a mapping\n"
	    "inventory/shop.yaml:15:29: error: expected a string for "
	    "'internal.deep'\n");
	/* Strings stay as written; the system decoded what it could. */
	assert_string_equal(m.systems[0]->description, "1.10");
	assert_int_equal(m.systems[0]->audience, AUD_INTERNAL);
	assert_int_equal(m.systems[0]->internal.n, 1);
	assert_string_equal(m.systems[0]->internal.v[0].text, "NO");
	assert_string_equal(m.systems[0]->name, "shop");
}

static void
test_values(void **state)
{
	add(INV, "inventory/shop.yaml", "shop",
	    "name: Shop\n"
	    "custodian: E-Commerce\n"
	    "vendor: shopify\n"
	    "locations: [ie, XX, GB, GB]\n"
	    "data:\n"
	    "  - category: user.contact.email\n"
	    "    subjects: [customer]\n"
	    "    purposes: [delivery, Delivery]\n"
	    "    retention: forever\n"
	    "    required: contrakt\n"
	    "    source: observd\n");
	add(PUR, "purposes/delivery.md", "delivery",
	    "title: ''\n"
	    "summary: We deliver.\n"
	    "legal_basis: contrakt\n"
	    "status: gone\n"
	    "review_by: 2026-02-30\n");
	run();
	assert_diags(
	    "inventory/shop.yaml:2:12: error: invalid team id 'E-Commerce' "
	    "(an id starts with a lowercase letter or a digit)\n"
	    "inventory/shop.yaml:3:9: error: unknown recipient 'shopify'\n"
	    "inventory/shop.yaml:4:13: error: country code 'ie' must be "
	    "uppercase ('IE')\n"
	    "inventory/shop.yaml:4:17: error: unknown country code 'XX' "
	    "(expected ISO 3166-1 alpha-2, such as 'GB' or 'IE')\n"
	    "inventory/shop.yaml:4:25: warning: 'GB' is listed twice in "
	    "'locations'\n"
	    "inventory/shop.yaml:8:26: error: invalid purpose id 'Delivery' "
	    "(an id starts with a lowercase letter or a digit)\n"
	    "inventory/shop.yaml:9:16: error: invalid retention 'forever' "
	    "(expected 'N days|weeks|months|years [after EVENT]' or "
	    "'until EVENT')\n"
	    "inventory/shop.yaml:10:15: error: unknown requirement "
	    "'contrakt' (did you mean 'contract'?)\n"
	    "inventory/shop.yaml:11:13: error: unknown source 'observd' "
	    "(did you mean 'observed'?)\n"
	    "purposes/delivery.md:2:8: error: empty value for 'title'\n"
	    "purposes/delivery.md:4:14: error: unknown legal basis "
	    "'contrakt' (did you mean 'contract'?)\n"
	    "purposes/delivery.md:5:9: error: unknown status 'gone' (one of "
	    "active, proposed, retired)\n"
	    "purposes/delivery.md:6:12: error: invalid date '2026-02-30' "
	    "(expected YYYY-MM-DD)\n");
}

static void
test_site(void **state)
{
	put(&src.site, "site.yaml", NULL,
	    "organisation:\n"
	    "  name: Northwind\n"
	    "  email: not-an-email\n"
	    "  dpo: Priya\n"
	    "title: 42\n"
	    "jurisdictions: [uk-gdpr, eu_gdpr, ccpa]\n"
	    "language: english\n"
	    "disclosure: {min_count: 0, round_to: 2.5}\n"
	    "base_url: ftp://x\n");
	run();
	assert_diags(
	    "site.yaml:2:3: error: missing required key 'address'\n"
	    "site.yaml:2:3: warning: missing 'organisation.dpo' (expected "
	    "under uk-gdpr)\n"
	    "site.yaml:2:3: warning: missing 'organisation.authority' "
	    "(expected under uk-gdpr)\n"
	    "site.yaml:3:10: error: invalid email address 'not-an-email'\n"
	    "site.yaml:4:8: error: expected a mapping for 'dpo'\n"
	    "site.yaml:6:26: error: unknown jurisdiction 'eu_gdpr' (did you "
	    "mean 'eu-gdpr'?)\n"
	    "site.yaml:7:11: error: invalid language tag 'english' (expected "
	    "a BCP 47 tag such as 'en' or 'en-GB')\n"
	    "site.yaml:8:25: error: 'min_count' must be at least 1\n"
	    "site.yaml:8:38: error: '2.5' is not an integer (for "
	    "'round_to')\n"
	    "site.yaml:9:11: error: invalid URL 'ftp://x' for 'base_url' "
	    "(expected http:// or https://)\n");
	assert_string_equal(m.site.title, "42");
	assert_int_equal(m.site.jurisdictions, JUR_UK_GDPR | JUR_CCPA);
}

static void
test_site_warnings(void **state)
{
	put(&src.site, "site.yaml", NULL,
	    "organisation: {name: N, address: A, email: a@b.c}\n"
	    "jurisdictions: [uk-gdpr, eu-gdpr]\n");
	run();
	assert_diags(
	    "site.yaml:1:15: warning: missing 'organisation.dpo' (expected "
	    "under eu-gdpr and uk-gdpr)\n"
	    "site.yaml:1:15: warning: missing 'organisation.authority' "
	    "(expected under eu-gdpr and uk-gdpr)\n");
}

static void
test_reports(void **state)
{
	add(REP, "reports/access.yaml", "access",
	    "title: Access\n"
	    "audience: public\n"
	    "kind: acess\n"
	    "measure: records opened\n"
	    "by: person\n"
	    "periods:\n"
	    "  2026-08: {a: 1, b: -3, c: 2.5, d: many, e: '12', f: [1]}\n"
	    "  2026-07: {a: 9007199254740992, b: 9007199254740993, "
	    "c: 99999999999999999999999, d: 1e3, e: , f: -0}\n"
	    "  2026-Q3: {a: 1}\n"
	    "  2026-13: {a: 1}\n");
	run();
	assert_diags(
	    "reports/access.yaml:3:7: error: unknown report kind 'acess' "
	    "(did you mean 'access'?)\n"
	    "reports/access.yaml:5:5: error: 'by: person' is not allowed in "
	    "a public report (counts per named person stay internal)\n"
	    "reports/access.yaml:7:22: error: invalid count '-3' (counts "
	    "cannot be negative)\n"
	    "reports/access.yaml:7:29: error: invalid count '2.5' (counts "
	    "are whole numbers)\n"
	    "reports/access.yaml:7:37: error: invalid count 'many' (expected "
	    "a whole number)\n"
	    "reports/access.yaml:7:46: error: invalid count '12' (write a "
	    "number without quotes)\n"
	    "reports/access.yaml:7:55: error: expected a count for 'f'\n"
	    "reports/access.yaml:8:37: error: invalid count "
	    "'9007199254740993' (larger than 2^53)\n"
	    "reports/access.yaml:8:58: error: invalid count "
	    "'99999999999999999999999' (larger than 2^53)\n"
	    "reports/access.yaml:8:86: error: invalid count '1e3' (counts "
	    "are whole numbers)\n"
	    "reports/access.yaml:8:94: error: missing count for 'e'\n"
	    "reports/access.yaml:9:3: error: period '2026-Q3' is a quarter, "
	    "but this series counts by month (see '2026-08'; one granularity "
	    "per series)\n"
	    "reports/access.yaml:10:3: error: invalid period '2026-13' "
	    "(expected YYYY-MM, YYYY-Qn or YYYY)\n");
	/* Sorted by time; the good counts kept. */
	assert_int_equal(m.reports[0]->nperiods, 2);
	assert_string_equal(m.reports[0]->periods[0].label, "2026-07");
	assert_int_equal(m.reports[0]->periods[0].ncells, 2);
	assert_int_equal(m.reports[0]->periods[0].cells[0].count,
	    9007199254740992LL);
	assert_int_equal(m.reports[0]->periods[0].cells[1].count, 0);
	assert_int_equal(m.reports[0]->periods[1].cells[0].count, 1);
}

static void
test_report_defaults(void **state)
{
	add(REP, "reports/r.yaml", "r",
	    "title: R\nmeasure: m\nby: person\n"
	    "periods:\n  2026-Q2: {x: 3}\n  2025-Q4: {x: 0}\n");
	run();
	assert_diags("");
	assert_int_equal(m.reports[0]->audience, AUD_INTERNAL);
	assert_int_equal(m.reports[0]->kind, RK_OTHER);
	assert_int_equal(m.reports[0]->granularity, PERIOD_QUARTER);
	assert_int_equal(m.reports[0]->periods[0].year, 2025);
	assert_false(report_visible(m.reports[0], AUD_PUBLIC));
	assert_true(report_visible(m.reports[0], AUD_INTERNAL));
}

static void
test_categories(void **state)
{
	put(&src.categories, "categories.yaml", NULL,
	    "user.loyalty: {name: Loyalty}\n"
	    "user.loyalty.points: {name: Points, special: false}\n"
	    "user.health_and_medical.diet: {name: Diet}\n"
	    "user.health_and_medical.sport: {name: Sport, special: false}\n"
	    "user.contact.email: {name: Email}\n"
	    "loyalty: {name: L}\n"
	    "user.loyality.tier: {name: Tier}\n"
	    "User.X: {name: X}\n"
	    "user.other: {special: maybe}\n");
	run();
	assert_diags(
	    "categories.yaml:5:1: error: category 'user.contact.email' is "
	    "already built in\n"
	    "categories.yaml:6:1: error: category 'loyalty' has no parent (a "
	    "new key extends an existing one, such as 'user.loyalty')\n"
	    "categories.yaml:7:1: error: unknown parent category "
	    "'user.loyality' of 'user.loyality.tier' (did you mean "
	    "'user.loyalty'?)\n"
	    "categories.yaml:8:1: error: invalid category key 'User.X' "
	    "(expected a dot path such as 'user.loyalty.points')\n"
	    "categories.yaml:9:13: error: missing required key 'name'\n"
	    "categories.yaml:9:23: error: invalid value for 'special' (use "
	    "false, true or 9 for Article 9 data, 10 for Article 10 data)\n");
	{
		const struct category *diet = hmap_get(&m.category_keys,
		    "user.health_and_medical.diet");
		const struct category *sport = hmap_get(&m.category_keys,
		    "user.health_and_medical.sport");
		const struct category *pts = hmap_get(&m.category_keys,
		    "user.loyalty.points");
		size_t i;

		assert_non_null(diet);
		assert_int_equal(diet->special, 9);
		assert_false(diet->builtin);
		assert_int_equal(sport->special, 0);
		assert_string_equal(pts->parent->key, "user.loyalty");
		for (i = 1; i < m.ncategories; i++)
			assert_true(strcmp(m.categories[i - 1]->key,
			    m.categories[i]->key) < 0);
	}
}

static void
test_committee(void **state)
{
	put(&src.members, "committee/members.yaml", NULL,
	    "members:\n"
	    "  - {name: Priya, function: legal, since: 2025-01}\n"
	    "  - {name: Sam, function: it, since: 2025-13}\n"
	    "  - {function: sales}\n");
	add(DEC, "committee/decisions/a.md", "a",
	    "title: A\ndate: 2026-10-14\nstatus: adopted\n"
	    "affects: [purpose:p]\n");
	add(DEC, "committee/decisions/b.md", "b",
	    "title: B\ndate: 2026-11-01\nstatus: rejected\n"
	    "affects: [purpose:p]\n");
	add(DEC, "committee/decisions/c.md", "c",
	    "title: C\ndate: 2026-09-01\nstatus: adopted\n"
	    "affects: [purpose:p, purpose:p]\n");
	add(DEC, "committee/decisions/d.md", "d", "title: D\ndate: 2026-9-1\n");
	add(PUR, "purposes/p.md", "p",
	    "title: P\nsummary: S\nlegal_basis: contract\nstatus: retired\n");
	run();
	assert_diags(
	    "committee/decisions/c.md:5:22: warning: 'purpose:p' is listed "
	    "twice in 'affects'\n"
	    "committee/decisions/d.md:3:7: error: invalid date '2026-9-1' "
	    "(expected YYYY-MM-DD)\n"
	    "committee/members.yaml:3:38: error: invalid date '2025-13' "
	    "(expected YYYY-MM)\n"
	    "committee/members.yaml:4:5: error: missing required key "
	    "'name'\n");
	assert_true(m.committee.present);
	assert_int_equal(m.committee.nmembers, 2);
	assert_int_equal(m.committee.members[0].since.m, 1);
	assert_int_equal(m.committee.required_functions.n, 8);
	/* Newest first; undated last; the latest adopted one wins. */
	assert_string_equal(m.decisions[0]->id, "b");
	assert_string_equal(m.decisions[1]->id, "a");
	assert_string_equal(m.decisions[2]->id, "c");
	assert_int_equal(m.decisions[3]->status, DS_PROPOSED);
	assert_string_equal(m.purposes[0]->decision->id, "a");
}

static void
test_pages(void **state)
{
	add(PAG, "pages/a.md", "a", "title: A\norder: 99999999999999999999\n");
	add(PAG, "pages/b.md", "b", "title: B\norder: -99999999999999999999\n");
	add(PAG, "pages/c.md", "c", "title: C\norder: '3'\naudience: staff\n"
	    "internal: {owner: web}\n");
	run();
	assert_diags(
	    "pages/a.md:3:8: error: '99999999999999999999' is too large for "
	    "'order' (at most 2147483647)\n"
	    "pages/b.md:3:8: error: 'order' must be at least -2147483648\n"
	    "pages/c.md:3:8: error: expected an integer for 'order'\n"
	    "pages/c.md:4:11: error: unknown audience 'staff' (one of "
	    "public, internal)\n");
	assert_int_equal(m.npages, 3);
	assert_int_equal(m.pages[2]->internal.n, 1);
	assert_true(page_visible(m.pages[2], AUD_PUBLIC));
}

static void
test_empty_and_failed_files(void **state)
{
	add(INV, "inventory/empty.yaml", "empty", "");
	add(INV, "inventory/broken.yaml", "broken", "a: [\n");
	add(INV, "inventory/scalar.yaml", "scalar", "hello\n");
	add(PUR, "purposes/bare.md", "bare", "");
	run();
	/* The broken file is reported once, by yml.c; references to
	 * it still resolve. */
	assert_diags(
	    "inventory/broken.yaml:2:1: error: invalid YAML: did not find "
	    "expected node content while parsing a flow node\n"
	    "inventory/empty.yaml:1:1: error: missing required key 'name'\n"
	    "inventory/empty.yaml:1:1: error: missing required key "
	    "'custodian'\n"
	    "inventory/empty.yaml:1:1: error: missing required key 'data'\n"
	    "inventory/scalar.yaml:1:1: error: expected a mapping\n"
	    "purposes/bare.md:1:1: error: missing required key 'title'\n"
	    "purposes/bare.md:1:1: error: missing required key 'summary'\n"
	    "purposes/bare.md:1:1: error: missing required key "
	    "'legal_basis'\n"
	    "purposes/bare.md:1:1: warning: purpose 'bare' is not used by "
	    "any data entry\n");
	assert_non_null(hmap_get(&m.system_ids, "broken"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_retention_accepts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retention_rejects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_periods, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clean_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_and_missing_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_types, setup, teardown),
		cmocka_unit_test_setup_teardown(test_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_site, setup, teardown),
		cmocka_unit_test_setup_teardown(test_site_warnings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_categories, setup, teardown),
		cmocka_unit_test_setup_teardown(test_committee, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_failed_files, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
