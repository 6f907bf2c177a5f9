/*
 * example.h - the example content (content/) as a checked model, for
 * the unit tests that read it: M and S, loaded by the group setup
 * example_setup and freed by example_teardown. Include after
 * glasshouse.h and testutil.h.
 */
#ifndef GH_EXAMPLE_H
#define GH_EXAMPLE_H

static struct model	 M;
static struct source	 S;

/* Load, decode and check content/ into M and S as of 14 October 2026.
 * Returns 0, or -1 after printing the diagnostics. */
static int
example_setup(void **state)
{
	(void)state;
	model_init(&M);
	M.today = (struct date){ 2026, 10, 14 };
	if (load_content(&M, "content", &S) != 0)
		return -1;
	decode_model(&M, &S);
	check_model(&M);
	if (diag_errors() != 0) {
		diag_flush(stderr, 0, 0);
		return -1;
	}
	diag_reset();
	return 0;
}

/* Free M and forget any diagnostics left. */
static int
example_teardown(void **state)
{
	(void)state;
	model_free(&M);
	diag_reset();
	return 0;
}

#endif
