/*
 * fuzz_parsers.c - the small grammars of decode.c: retention
 * ("N units [after EVENT]", "until EVENT"), dates (YYYY-MM-DD and
 * YYYY-MM) and report periods (YYYY, YYYY-MM, YYYY-Qn).
 *
 * The input, cut at its first NUL, goes to every parser; what a parser
 * accepts must be in range, and must print back to the same text where
 * the grammar has one spelling.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fuzz.h"

static int
mdays(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ?
	    29 : d[m - 1];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = { 0 };
	struct retention r;
	struct date dt;
	enum period_kind kind;
	const char *cause = NULL;
	char *s = malloc(size + 1), back[64];
	int year = -1, sub = -1, ok;

	memcpy(s, data, size);
	s[size] = '\0';

	if (retention_parse(&a, s, &r, &cause) == 0) {
		FUZZ_ASSERT(r.text == s);
		if (r.kind == RET_PERIOD)
			FUZZ_ASSERT(r.n >= 1 && r.n <= INT_MAX);
		else
			FUZZ_ASSERT(r.event != NULL && *r.event != '\0');
	} else
		FUZZ_ASSERT(cause != NULL);

	for (ok = 0; ok < 2; ok++)
		if (date_parse(s, &dt, ok) == 0) {
			FUZZ_ASSERT(dt.y >= 1 && dt.y <= 9999);
			FUZZ_ASSERT(dt.m >= 1 && dt.m <= 12);
			if (dt.d == 0) {
				FUZZ_ASSERT(ok);
				snprintf(back, sizeof back, "%04d-%02d",
				    dt.y, dt.m);
			} else {
				FUZZ_ASSERT(dt.d <= mdays(dt.y, dt.m));
				snprintf(back, sizeof back, "%04d-%02d-%02d",
				    dt.y, dt.m, dt.d);
			}
			FUZZ_ASSERT(strcmp(back, s) == 0);
		}

	if (period_parse(s, &kind, &year, &sub) == 0) {
		FUZZ_ASSERT(year >= 1 && year <= 9999);
		if (kind == PERIOD_YEAR)
			snprintf(back, sizeof back, "%04d", year);
		else if (kind == PERIOD_QUARTER) {
			FUZZ_ASSERT(sub >= 1 && sub <= 4);
			snprintf(back, sizeof back, "%04d-Q%d", year, sub);
		} else {
			FUZZ_ASSERT(kind == PERIOD_MONTH && sub >= 1 &&
			    sub <= 12);
			snprintf(back, sizeof back, "%04d-%02d", year, sub);
		}
		FUZZ_ASSERT(strcmp(back, s) == 0);
	}
	free(s);
	arena_free(&a);
	return 0;
}
