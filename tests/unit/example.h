/*
 * example.h - the example content (content/) as a decoded, checked and
 * derived model, for the unit tests that read a whole site's model
 * (test_render.c, test_ropa.c, test_json.c). "Today" is fixed at
 * 2026-10-14 so review dates read the same on every day.
 */
#ifndef GH_TEST_EXAMPLE_H
#define GH_TEST_EXAMPLE_H

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "decode.h"
#include "load.h"
#include "model.h"

/* Load content/ into m (s keeps the loaded files): 0, or -1 after
 * printing the diagnostics. The diagnostics are reset on success. */
static inline int
example_load(struct model *m, struct source *s)
{
	model_init(m);
	m->today = (struct date){ 2026, 10, 14 };
	if (load_content(m, "content", s) != 0)
		return -1;
	decode_model(m, s);
	if (diag_errors() == 0)
		check_model(m);
	if (diag_errors() == 0)
		model_derive(m);
	if (diag_errors() != 0) {
		diag_flush(stderr, 0, 0);
		return -1;
	}
	diag_reset();
	return 0;
}

/* The example as a cmocka group's state: example_setup() makes it (the
 * tests get it as *state), example_teardown() frees it. */
struct example {
	struct model	 m;
	struct source	 s;
};
/* The group's example, for helpers that take no state. */
static struct example	*example_cur;

static inline int
example_setup(void **state)
{
	struct example *ex = calloc(1, sizeof *ex);

	if (ex == NULL || example_load(&ex->m, &ex->s) != 0) {
		free(ex);
		return -1;
	}
	*state = example_cur = ex;
	return 0;
}

static inline int
example_teardown(void **state)
{
	struct example *ex = *state;

	model_free(&ex->m);
	free(ex);
	example_cur = NULL;
	return 0;
}

#endif
