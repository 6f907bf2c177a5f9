/*
 * fuzz_frontmatter.c - the front-matter splitter, then the YAML of the
 * front matter, as load.c runs them on a Markdown file.
 *
 * Invariants: the pieces lie inside the input, in order; body_line is
 * the line the body starts on; a refusal comes with a cause.
 */
#include <string.h>

#include "load.h"
#include "yml.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data, *fm, *body, *cause = NULL, *p;
	size_t fm_len, body_len, nl = 0;
	int fm_line, body_line, rc, empty;
	struct arena a = { 0 };

	rc = frontmatter_split(d, size, &fm, &fm_len, &fm_line, &body,
	    &body_len, &body_line, &cause);
	if (rc != 0) {
		FUZZ_ASSERT(rc == -1 && cause != NULL && *cause != '\0');
		return 0;
	}
	FUZZ_ASSERT(body >= d && body + body_len == d + size);
	FUZZ_ASSERT(body_line >= 1);
	if (fm == NULL) {
		FUZZ_ASSERT(body_line == 1);
		return 0;
	}
	FUZZ_ASSERT(fm > d && fm + fm_len <= body);
	FUZZ_ASSERT(fm_line == 2);
	/* lines before the body: one per newline before it (a BOM is no line) */
	for (p = d; p < body; p++)
		nl += *p == '\n';
	FUZZ_ASSERT(body_len == 0 || (size_t)body_line == nl + 1);
	(void)yml_parse(&a, "fuzz.md", fm, fm_len, fm_line - 1, &empty);
	diag_reset();
	arena_free(&a);
	return 0;
}
