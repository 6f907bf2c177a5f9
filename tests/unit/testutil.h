/*
 * testutil.h - shared helpers for the cmocka unit tests.
 * Include after <cmocka.h>.
 *
 * The Makefile also puts the first part, the TESTS= filter hook, into
 * every unit test: -DGH_TESTUTIL_HOOK_ONLY -include testutil.h. That part
 * includes no header, so a test's own feature macros (_XOPEN_SOURCE)
 * still come first.
 */
#ifndef GH_TESTUTIL_HOOK
#define GH_TESTUTIL_HOOK
char	*getenv(const char *);
void	 cmocka_set_test_filter(const char *);	/* cmocka >= 1.1 */

/* TESTS=pattern (make test TESTS=...) runs only the tests whose name
 * matches it (cmocka's * and ? wildcards); set before main() runs. */
__attribute__((constructor)) static void
testutil_filter(void)
{
	const char *p = getenv("TESTS");

	if (p != 0 && *p != '\0')
		cmocka_set_test_filter(p);
}
#endif

#ifdef GH_TESTUTIL_HOOK_ONLY
#undef GH_TESTUTIL_HOOK_ONLY
#elif !defined(GH_TESTUTIL_H)
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
