/*
 * testutil.h - shared helpers for the cmocka unit tests.
 * Include after <cmocka.h>.
 */
#ifndef GH_TESTUTIL_H
#define GH_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Flush collected diagnostics as text into a malloc'd string (the
 * caller frees it) and reset them. */
static inline char *
diag_text(void)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	diag_flush(f, 0, 0);
	fclose(f);
	return s;
}

/* Assert the flushed diagnostics equal want exactly. */
#define assert_diags(want) do {					\
	char *got_ = diag_text();				\
	assert_string_equal(got_, (want));			\
	free(got_);						\
} while (0)

#endif
