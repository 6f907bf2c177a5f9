/*
 * test_json.c - inventory.json (json.c) on the example content
 * (content/): for both audiences the top-level keys come in their
 * fixed order and the file ends with "\n}\n"; the public file names no
 * staff-only key.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "example.h"

/* The top-level keys, in order, for both audiences. */
static void
test_json_key_order(void **state)
{
	const struct model	*m = &((struct example *)*state)->m;
	static const char *const keys[] = {
		"\n  \"audience\"", "\n  \"organisation\"",
		"\n  \"jurisdictions\"", "\n  \"systems\"",
		"\n  \"purposes\"", "\n  \"recipients\"",
		"\n  \"categories\"", "\n  \"pages\""
	};
	static const enum audience aud[] = { AUD_PUBLIC, AUD_INTERNAL };
	struct buf b = BUF_INIT;
	size_t	 i, k;

	for (k = 0; k < 2; k++) {
		const char *prev;

		buf_reset(&b);
		json_inventory(m, aud[k], &b);
		prev = b.ptr;
		for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
			const char *p = strstr(b.ptr, keys[i]);
			if (p == NULL || p < prev)
				fail_msg("audience %d: key %s missing or out "
				    "of order", (int)aud[k], keys[i] + 3);
			prev = p;
		}
		assert_true(b.len >= 3 &&
		    strcmp(b.ptr + b.len - 3, "\n}\n") == 0);
	}
	buf_free(&b);
}

/* Staff-only keys exist in the internal file only. */
static void
test_json_staff_keys(void **state)
{
	const struct model	*m = &((struct example *)*state)->m;
	static const char *const staff[] = {
		"\"custodian\"", "\"owner\"", "\"internal\""
	};
	struct buf pub = BUF_INIT, in = BUF_INIT;
	size_t	 i;

	json_inventory(m, AUD_PUBLIC, &pub);
	json_inventory(m, AUD_INTERNAL, &in);
	for (i = 0; i < sizeof staff / sizeof staff[0]; i++) {
		if (strstr(pub.ptr, staff[i]) != NULL)
			fail_msg("public inventory.json has %s", staff[i]);
		if (strstr(in.ptr, staff[i]) == NULL)
			fail_msg("internal inventory.json lacks %s", staff[i]);
	}
	buf_free(&pub);
	buf_free(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_key_order),
		cmocka_unit_test(test_json_staff_keys),
	};

	return cmocka_run_group_tests(tests, example_setup,
	    example_teardown);
}
