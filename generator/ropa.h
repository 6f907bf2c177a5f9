/*
 * ropa.h - the Article 30 record of processing (ropa.c): what one row
 * holds, computed once for ropa.csv and ropa.html alike, and ropa.csv
 * itself. An export: it sees the model only (never the pages).
 */
#ifndef GH_ROPA_H
#define GH_ROPA_H

#include "model.h"

/*
 * One purpose's row. Lists are sorted (by id, key or text) and unique.
 * ropa_row_fill() reuses the row's memory (start from a zeroed row);
 * the strings it makes go to the arena a, which the caller may reset
 * before the next row. ropa_row_free() frees the lists, not the arena.
 */
struct ropa_row {
	struct pvec	 subjects;	/* const struct term * */
	struct pvec	 categories;	/* const struct category * */
	struct pvec	 recipients;	/* const struct recipient * */
	struct pvec	 transfers;	/* const char *, with safeguards */
	struct pvec	 retention;	/* const char *, "Period: categories" */
	struct pvec	 security;	/* const char * */
};
void	 ropa_row_fill(struct ropa_row *, const struct purpose *,
	    struct arena *a);
void	 ropa_row_free(struct ropa_row *);

/*
 * ropa.csv, RFC 4180, every purpose (the record is internal):
 * csv_ropa() appends it to out; csv_ropa_sink() writes it through the
 * sink, handed on after each row.
 */
void	 csv_ropa(const struct model *, struct buf *out);
void	 csv_ropa_sink(const struct model *, struct sink *out);

#endif
