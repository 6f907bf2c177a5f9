/*
 * test_ropa.c - the Article 30 record (ropa.c) on the example content
 * (content/): ropa.csv is RFC 4180 with a header line, one row per
 * purpose, the same field count on every line and CRLF line ends; the
 * row that ropa.html shows too has its lists sorted and unique.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ropa.h"
#include "example.h"

/* RFC 4180: header + one row per purpose, CRLF, same field count. */
static void
test_ropa_csv(void **state)
{
	const struct model	*m = &((struct example *)*state)->m;
	struct buf b = BUF_INIT;
	size_t	 len, i, rows = 0;
	int	 fields = 1, want = -1, inq = 0;
	const char *t;

	csv_ropa(m, &b);
	t = b.ptr;
	len = b.len;
	assert_true(len > 0);
	assert_true(strncmp(t, "Purpose ID,Purpose,Status,", 26) == 0);
	for (i = 0; i < len; i++) {
		if (inq) {
			if (t[i] == '"' && t[i + 1] == '"')
				i++;
			else if (t[i] == '"')
				inq = 0;
		} else if (t[i] == '"')
			inq = 1;
		else if (t[i] == ',')
			fields++;
		else if (t[i] == '\n') {
			assert_true(i > 0 && t[i - 1] == '\r');
			if (want < 0)
				want = fields;
			assert_int_equal(fields, want);
			fields = 1;
			rows++;
		}
	}
	assert_int_equal(inq, 0);
	assert_int_equal(t[len - 1], '\n');
	assert_int_equal(rows, m->npurposes + 1);
	buf_free(&b);
}

/* Each list of every purpose's row is strictly increasing in its
 * order (sorted and unique), and the row's memory is reused. */
static void
test_row_lists_sorted(void **state)
{
	const struct model	*m = &((struct example *)*state)->m;
	struct ropa_row	 row;
	struct arena	 a;
	size_t		 i, k;

	memset(&row, 0, sizeof row);
	memset(&a, 0, sizeof a);
	assert_true(m->npurposes > 0);
	for (i = 0; i < m->npurposes; i++) {
		arena_reset(&a);
		ropa_row_fill(&row, m->purposes[i], &a);
		for (k = 1; k < row.categories.n; k++)
			assert_true(cmp_category(&row.categories.v[k - 1],
			    &row.categories.v[k]) < 0);
		for (k = 1; k < row.recipients.n; k++)
			assert_true(cmp_recipient(&row.recipients.v[k - 1],
			    &row.recipients.v[k]) < 0);
		for (k = 1; k < row.transfers.n; k++)
			assert_true(cmp_str(&row.transfers.v[k - 1],
			    &row.transfers.v[k]) < 0);
		for (k = 1; k < row.security.n; k++)
			assert_true(cmp_str(&row.security.v[k - 1],
			    &row.security.v[k]) < 0);
	}
	ropa_row_free(&row);
	assert_null(row.categories.v);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ropa_csv),
		cmocka_unit_test(test_row_lists_sorted),
	};

	return cmocka_run_group_tests(tests, example_setup,
	    example_teardown);
}
