/*
 * test_model.c - model.c: the lists sorted by id, the derived indexes
 * (what a purpose uses, who receives what) and the audience
 * predicates, on a content tree decoded and checked from YAML text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "testutil.h"
#include "testcontent.h"

static void
test_derive_and_audiences(void **state)
{
	put(&src.recipients, "recipients.yaml", NULL,
	    "zed: {name: Z, country: GB}\n"
	    "host: {name: H, country: IE, audience: internal}\n");
	/* File order differs from id order: "b-x" < "b" as file names. */
	add(INV, "inventory/b-x.yaml", "b-x",
	    "name: BX\ncustodian: t\nvendor: host\n"
	    "data:\n"
	    "  - {category: user.contact.email, subjects: [customer], "
	    "purposes: [pub], retention: 1 day, shared_with: [zed, host]}\n");
	add(INV, "inventory/b.yaml", "b",
	    "name: B\ncustodian: t\naudience: internal\n"
	    "data:\n"
	    "  - {category: user.contact.email, subjects: [customer], "
	    "purposes: [pub, prop], retention: 1 day}\n");
	add(INV, "inventory/c.yaml", "c",
	    "name: C\ncustodian: t\n"
	    "data:\n"
	    "  - {category: user.contact, subjects: [customer], "
	    "purposes: [prop, hid], retention: 1 day}\n"
	    "  - {category: user.contact.email, subjects: [customer], "
	    "purposes: [pub], retention: 1 day}\n");
	add(PUR, "purposes/pub.md", "pub",
	    "title: P\nsummary: S\nlegal_basis: contract\n");
	add(PUR, "purposes/prop.md", "prop",
	    "title: P\nsummary: S\nlegal_basis: contract\nstatus: proposed\n"
	    "audience: public\n");
	add(PUR, "purposes/hid.md", "hid",
	    "title: P\nsummary: S\nlegal_basis: contract\n"
	    "audience: internal\n");
	add(PAG, "pages/z.md", "z", "title: Z\norder: -1\n");
	add(PAG, "pages/a.md", "a", "title: A\naudience: internal\n");
	add(PAG, "pages/b.md", "b", "title: B\n");
	run();
	/* No errors; the completeness warnings these bare entries get
	 * are test_complete.c's business. */
	assert_int_equal(diag_errors(), 0);

	assert_string_equal(m.systems[0]->id, "b");
	assert_string_equal(m.systems[1]->id, "b-x");
	assert_string_equal(m.systems[2]->id, "c");
	assert_string_equal(m.recipients[0]->id, "host");
	assert_string_equal(m.purposes[0]->id, "hid");
	assert_string_equal(m.pages[0]->id, "z");
	assert_string_equal(m.pages[1]->id, "a");
	assert_string_equal(m.pages[2]->id, "b");

	/* pub: by system id, then entry order. */
	{
		const struct purpose *pub = hmap_get(&m.purpose_ids, "pub");
		const struct category *email = hmap_get(&m.category_keys,
		    "user.contact.email");
		const struct recipient *host = m.recipients[0];

		assert_int_equal(pub->nuses, 3);
		assert_ptr_equal(pub->uses[0], &m.systems[0]->data[0]);
		assert_ptr_equal(pub->uses[1], &m.systems[1]->data[0]);
		assert_ptr_equal(pub->uses[2], &m.systems[2]->data[1]);
		assert_int_equal(email->nentries, 3);
		/* The vendor gets the system's data once, even when also
		 * named in shared_with. */
		assert_int_equal(host->nshared, 1);
		assert_int_equal(m.recipients[1]->nshared, 1);
		assert_false(recipient_visible(host, AUD_PUBLIC));
		assert_true(recipient_visible(host, AUD_INTERNAL));
	}
	assert_false(system_visible(m.systems[0], AUD_PUBLIC));
	assert_true(system_visible(m.systems[1], AUD_PUBLIC));
	assert_false(purpose_visible(hmap_get(&m.purpose_ids, "prop"),
	    AUD_PUBLIC));
	assert_false(purpose_visible(hmap_get(&m.purpose_ids, "hid"),
	    AUD_PUBLIC));
	assert_true(purpose_visible(hmap_get(&m.purpose_ids, "hid"),
	    AUD_INTERNAL));
	/* Internal system hides its entries; an entry with no public
	 * purpose is hidden; internal sees all. */
	assert_false(entry_visible(&m.systems[0]->data[0], AUD_PUBLIC));
	assert_true(entry_visible(&m.systems[1]->data[0], AUD_PUBLIC));
	assert_false(entry_visible(&m.systems[2]->data[0], AUD_PUBLIC));
	assert_true(entry_visible(&m.systems[2]->data[0], AUD_INTERNAL));
	assert_true(entry_visible(&m.systems[2]->data[1], AUD_PUBLIC));
	assert_false(page_visible(m.pages[1], AUD_PUBLIC));
	assert_true(page_visible(m.pages[1], AUD_INTERNAL));

	/* Deriving again changes nothing. */
	model_derive(&m);
	assert_int_equal(((struct purpose *)hmap_get(&m.purpose_ids,
	    "pub"))->nuses, 3);
	assert_int_equal(m.recipients[0]->nshared, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_derive_and_audiences, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
