/*
 * decode.h - the second stage: the loaded files (load.h) become typed
 * model objects (model.h). decode*.c owns the content format's shapes:
 * which keys each file kind allows, the types of their values, the
 * required fields, the closed sets of words and the id syntax. Every
 * problem is a diagnostic at the exact node (diag.h), and decoding
 * carries on, so one run shows every problem; references are only
 * checked for syntax here (check.h resolves them). One decode_<kind>.c
 * per content file kind; what they share is decode_impl.h, internal to
 * decode*.c.
 */
#ifndef GH_DECODE_H
#define GH_DECODE_H

#include "load.h"
#include "model.h"

/* decode.c: the files of src -> m, in the order the loader parses
 * them. Returns -1 after an I/O error while loading, else 0; content
 * problems are diagnostics. */
int	 decode_model(struct model *, struct source *);
/* decode_scalar.c: the grammars, shared with tests and fuzzers; 0 ok,
 * -1 (with *cause set, for retention_parse). */
int	 retention_parse(struct arena *, const char *, struct retention *,
	    const char **cause);
int	 date_parse(const char *, struct date *, bool month_only_ok);
int	 period_parse(const char *, enum period_kind *, int *year, int *sub);

#endif
