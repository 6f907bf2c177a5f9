/*
 * test_atom.c - the Atom feed of the committee's decisions (atom.c) on
 * the example content (content/): RFC 4122 UUIDs, the published
 * decisions without their rationale, and the ids and links without a
 * base_url.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "testutil.h"
#include "example.h"

#define M	(example_cur->m)	/* the example model of the group */

/* RFC 4122 version 5 UUIDs (checked against Python's uuid.uuid5). */
static void
test_uuid5(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	atom_uuid5("http://python.org/", &b);
	assert_string_equal(b.ptr,
	    "urn:uuid:4c565f0d-3f5a-5890-b41b-20cf47701c5e");
	buf_reset(&b);
	atom_uuid5("mailto:privacy@northwind.example#glasshouse-changes", &b);
	assert_string_equal(b.ptr,
	    "urn:uuid:824724ac-1235-5ce3-a9c3-a5d59ecd3d12");
	buf_free(&b);
}

/* The feed holds the published decisions and no rationale. */
static void
test_atom(void **state)
{
	struct buf b = BUF_INIT;
	const char *base = M.site.base_url;
	size_t i, n = 0;

	(void)state;
	atom_changes(&M, &b);
	for (i = 0; i < M.ndecisions; i++) {
		const struct decision *d = M.decisions[i];
		char id[128];

		snprintf(id, sizeof(id), ",%04d-%02d-%02d:decision/%s</id>",
		    d->date.y, d->date.m, d->date.d, d->id);
		if (decision_published(d)) {
			n++;
			assert_non_null(strstr(b.ptr, id));
		} else
			assert_null(strstr(b.ptr, id));
		/* The start of every rationale is absent. */
		if (d->rationale_html != NULL &&
		    strlen(d->rationale_html) > 40) {
			char head[32];

			memcpy(head, d->rationale_html + 3, 30); /* "<p>" */
			head[30] = '\0';
			assert_null(strstr(b.ptr, head));
		}
	}
	assert_true(n >= 3);
	assert_non_null(strstr(b.ptr, "<id>https://privacy.northwind.example/"
	    "changes.atom</id>"));
	/* Without base_url: a UUID feed id, relative links, ids from the
	 * email's domain. */
	M.site.base_url = NULL;
	buf_reset(&b);
	atom_changes(&M, &b);
	assert_non_null(strstr(b.ptr, "<id>urn:uuid:824724ac-1235-5ce3-a9c3-"
	    "a5d59ecd3d12</id>"));
	assert_non_null(strstr(b.ptr, "<id>tag:northwind.example,"));
	assert_non_null(strstr(b.ptr, "href=\"changes.html#d-"));
	assert_null(strstr(b.ptr, "https://"));
	M.site.base_url = base;
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid5),
		cmocka_unit_test(test_atom),
	};

	return cmocka_run_group_tests(tests, example_setup,
	    example_teardown);
}
