/*
 * check.h - the checks across objects (check.c): once decode has
 * checked every object on its own, check_model() resolves every
 * reference through the model's hash maps (ref->to; an unknown one is
 * an error with a "did you mean"), applies the rules that look at more
 * than one object (what a legal basis requires, special-category data,
 * transfers outside the UK/EEA) and reports the warnings of the
 * completeness analysis (complete.h). Problems are diagnostics
 * (diag.h); the model is only completed (references, derived indexes),
 * never otherwise changed.
 */
#ifndef GH_CHECK_H
#define GH_CHECK_H

#include "model.h"

/* Resolve references, apply the rules. Calls model_derive() itself
 * (the rules read the derived indexes); deriving again is harmless. */
void	 check_model(struct model *);

#endif
