/*
 * test_markdown.c - the Markdown stage's safety (markdown.c): the URL
 * allow-list, links and raw HTML dropped by md_render, and the guard
 * against pathological nesting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "testutil.h"

/* Links a page may carry, and the schemes and tricks refused. */
static void
test_url_allowed(void **state)
{
	static const char *ok[] = {
		"https://ico.org.uk", "HTTP://x", "mailto:a@b", "page.html",
		"../data/user.html#x", "#top", "?q=1:2", "a/b:c", "",
		"/root-relative.html", "/a//b",
	};
	static const char *bad[] = {
		"javascript:alert(1)", "JaVaScRiPt:alert(1)",
		" javascript:x", "java\tscript:x", "jav\nascript:x",
		"\x01javascript:x", "vbscript:x", "data:text/html,x",
		"file:///etc/passwd", "//evil.example/x", "\\\\evil/x",
		"ftp://x", "tel:123", "/\\evil.example/x", "/\t/evil.example",
		"\\/evil.example", " //evil.example",
	};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_true(url_allowed(ok[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (url_allowed(bad[i]))
			fail_msg("allowed '%s'", bad[i]);
}

/* Refused links become empty, raw HTML is dropped. */
static void
test_md_render(void **state)
{
	struct arena a = { 0 };
	struct pos p = { "x.md", 5, 1 };
	const char *h;

	static const char evil[] = "[a](javascript:x) [b](//evil/x) "
	    "[c](&#106;avascript:x) <script>x</script>\n";
	static const char good[] = "[ok](https://x.example/) "
	    "![i](data:image/png;base64,AA)\n";

	h = md_render(&a, evil, strlen(evil), p);
	assert_null(strstr(h, "javascript"));
	assert_null(strstr(h, "evil"));
	assert_null(strstr(h, "<script"));
	assert_non_null(strstr(h, "<a href=\"\">a</a>"));
	h = md_render(&a, good, strlen(good), p);
	assert_non_null(strstr(h, "href=\"https://x.example/\""));
	assert_null(strstr(h, "data:"));
	assert_diags("");
	arena_free(&a);
}

/* Pathological input is refused with a positioned error. */
static void
test_md_guard(void **state)
{
	struct arena a = { 0 };
	struct pos p = { "x.md", 5, 1 };
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 40; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "deep\n");
	assert_string_equal(md_render(&a, b.ptr, b.len, p), "");
	assert_diags("x.md:5:1: error: Markdown nested deeper than 32 levels "
	    "(quotes or lists)\n");
	buf_reset(&b);
	buf_puts(&b, "ok\n");
	for (i = 0; i < 6000; i++)
		buf_puts(&b, "![[]()");
	md_render(&a, b.ptr, b.len, p);
	assert_diags("x.md:6:1: error: too many '[' brackets in Markdown (more "
	    "than 5000)\n");
	buf_free(&b);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_allowed),
		cmocka_unit_test(test_md_render),
		cmocka_unit_test(test_md_guard),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
