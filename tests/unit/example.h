/*
 * example.h - the example content (content/) as a checked model, for
 * the unit tests that read it. Include after glasshouse.h and
 * testutil.h.
 */
#ifndef GH_EXAMPLE_H
#define GH_EXAMPLE_H

/* Load, decode and check content/ into m and s as of 14 October 2026
 * (the caller frees m with model_free). Returns 0, or -1 after
 * printing the diagnostics: a cmocka group setup. */
static inline int
example_load(struct model *m, struct source *s)
{
	model_init(m);
	m->today = (struct date){ 2026, 10, 14 };
	if (load_content(m, "content", s) != 0)
		return -1;
	decode_model(m, s);
	check_model(m);
	if (diag_errors() != 0) {
		diag_flush(stderr, 0, 0);
		return -1;
	}
	diag_reset();
	return 0;
}

#endif
