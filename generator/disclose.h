/*
 * disclose.h - statistical disclosure control (prefix sdc_) for the
 * counts a public build publishes (content-format section 5), and the
 * guard that proves afterwards that no undisclosed figure reached an
 * output file. Pure code: no I/O, no global state, no model types.
 * disclose.c holds the rules (sdc_round .. sdc_table_free), disclose_scan.c
 * the guard and its scanner (sdc_guard_*, sdc_scan); each sdc_table and
 * sdc_guard is owned by its caller, who frees it.
 *
 * A report is a matrix of true counts, rows = periods, columns =
 * groups. sdc_table_make() turns it into the published table: one
 * figure per cell, per row total (a period), per column total (a group)
 * and for the grand total. The rules, with N = min_count, R = round_to:
 *
 *  1. Primary: a true count (cell or total) from 1 to N-1 is SMALL,
 *     written "fewer than N", never as a number. 0 stays 0.
 *  2. Rounding: every other count is rounded to the nearest multiple
 *     of R; halves round up (with R = 10, 15 -> 20). A count >= N never
 *     rounds below N: it becomes the smallest multiple of R >= N.
 *     Totals are summed from the true counts, then rounded (rule 1
 *     applies to them too). R = 1 publishes exact counts >= N.
 *  3. Secondary (the rule of the contract): a line - a period row, a
 *     group column, the row of group totals or the column of period
 *     totals, each with its own total - that holds exactly one
 *     suppressed figure gets a second one: the smallest other non-zero
 *     published cell of the line (the line's total only when no cell
 *     qualifies) becomes WITHHELD. Repeated until no line changes.
 *  4. Secondary across lines: rule 3 stops a subtraction within one
 *     line, but sums of several lines can still isolate a figure (two
 *     suppressed rectangles joined by one cell). In the table with its
 *     margins, a suppressed figure is exactly recoverable from the
 *     published ones if and only if it is a bridge of the bipartite
 *     graph rows x columns whose edges are the suppressed figures. Each
 *     bridge is closed into a cycle with the cheapest rectangle of
 *     non-zero figures (least true total newly withheld), then rule 3
 *     runs again, until there is no bridge.
 *
 * Zeros and missing cells are never withheld: a zero is known to be
 * zero, so hiding it would protect nothing and would tell a reader that
 * every other withheld figure is at least N.
 *
 * What this does not promise: rounding and the bounds (a SMALL figure
 * is 1..N-1, a WITHHELD one >= N) let a determined reader narrow a
 * suppressed figure to an interval; no figure can be computed exactly
 * from the published table (with R = 1 too).
 */
#ifndef GH_DISCLOSE_H
#define GH_DISCLOSE_H

#include <stddef.h>

#include "util.h"

#define SDC_NONE	(-1LL)		/* input: no count given for a cell */
#define SDC_MAX		(1LL << 62)	/* totals saturate here */

struct sdc_rules {
	long long	 min_count;	/* N; 1 or less: nothing is small */
	long long	 round_to;	/* R; 1 or less: no rounding */
	int		 exact;		/* staff: publish the true counts */
};

enum sdc_state {
	SDC_SHOWN,		/* value is the figure to publish */
	SDC_SMALL,		/* 1..N-1: "fewer than N" */
	SDC_WITHHELD,		/* hidden so a SMALL one cannot be worked out */
	SDC_MISSING		/* no count given (a cell only) */
};

struct sdc_fig {
	enum sdc_state	 state;
	long long	 value;		/* SDC_SHOWN: the published figure; else 0 */
};

/*
 * The published table: (nrows + 1) x (ncols + 1) figures, row-major.
 * Row nrows holds the column (group) totals, column ncols the row
 * (period) totals, [nrows][ncols] the grand total. Use sdc_at().
 */
struct sdc_table {
	size_t		 nrows, ncols;
	struct sdc_fig	*fig;
	size_t		 nsmall, nwithheld;	/* how many of each */
};

static inline const struct sdc_fig *
sdc_at(const struct sdc_table *t, size_t row, size_t col)
{
	return &t->fig[row * (t->ncols + 1) + col];
}

/*
 * Apply the rules to counts (nrows x ncols, row-major; each >= 0 and
 * at most 2^53, or SDC_NONE). Fills t, which the caller frees with
 * sdc_table_free(). With rules->exact every figure is the true count.
 */
void	 sdc_table_make(struct sdc_table *t, const long long *counts,
	    size_t nrows, size_t ncols, const struct sdc_rules *rules);
void	 sdc_table_free(struct sdc_table *t);

/* One count on its own (no totals, so no secondary suppression). */
struct sdc_fig	 sdc_figure(long long count, const struct sdc_rules *);
/* Rule 2 on a count >= N. */
long long	 sdc_round(long long count, const struct sdc_rules *);

/*
 * Append a figure as text: "1,250" (with SDC_GROUPED, else "1250"),
 * "fewer than 10", "withheld", and for a missing cell "not counted"
 * (with SDC_CSV: the empty string). No locale is consulted.
 */
enum { SDC_GROUPED = 1, SDC_CSV = 2 };
void	 sdc_text(struct buf *, const struct sdc_fig *, const struct sdc_rules *,
	    int flags);
/* An integer with "," every three digits (SDC_GROUPED) or plain. */
void	 sdc_num(struct buf *, long long, int flags);

/*
 * The guard: after rendering, prove that no output holds a figure the
 * rules hide. Feed it every published figure with its true count
 * (sdc_guard_fig); true counts that differ from what is published
 * become forbidden numbers, published ones allowed numbers (a number
 * that is both is allowed: the scan cannot tell the two apart). Then
 * seal it and scan each output file's bytes.
 *
 * The scan reads numbers as a reader would: runs of digits, "1,250"
 * as one number (not in CSV mode), numeric character references
 * (&#55;) decoded. It skips digits that are part of something else: a
 * word or id ("Q3", "h2", "team-7"), a date or period ("2026-07",
 * "2025-Q1", "14 October 2026", "Oct 2026"), a decimal ("12.5", as SVG
 * coordinates are written) and zero-padded runs ("07"). In HTML mode
 * it reads text, comments and attribute values alike (data-x="7" is
 * found), except the values of attributes that are layout, never a
 * figure: tabindex, colspan, rowspan, span, start, the aria-level
 * family, SVG geometry (x, y, width, height, r, points, viewBox, d,
 * transform, stroke-width, font-size, ...) and <meta> content.
 */
enum sdc_scan_mode {
	SDC_SCAN_TEXT,		/* plain text, JSON */
	SDC_SCAN_HTML,		/* HTML (and SVG inside it) */
	SDC_SCAN_CSV		/* commas separate fields */
};
struct sdc_secret {
	long long	 value;
	const char	*what;		/* caller's string, e.g. "the exact
					   count for 'x' in 2026-07 (published
					   as 'fewer than 10')" */
	size_t		 seq;		/* order fed: the first one wins */
};
struct sdc_guard {
	struct sdc_secret *sec;
	size_t		 nsec, capsec;
	long long	*ok;
	size_t		 nok, capok;
	int		 sealed;
};
struct sdc_hit {
	const struct sdc_secret	*secret;
	size_t		 off;		/* byte offset in the scanned data */
	int		 line, col;	/* 1-based */
};

void	 sdc_guard_init(struct sdc_guard *);
void	 sdc_guard_free(struct sdc_guard *);
void	 sdc_guard_allow(struct sdc_guard *, long long value);
/* Allow every number text shows, read as the scan reads it: for the
 * public text around the figures (a title, the site's address). */
void	 sdc_guard_allow_text(struct sdc_guard *, const char *text);
/* what must outlive the guard. */
void	 sdc_guard_forbid(struct sdc_guard *, long long value, const char *what);
/* One published figure and its true count: allow what is shown, forbid
 * the true count when it is not what is shown. Returns 1 when the true
 * count was forbidden (then what is kept), else 0. */
int	 sdc_guard_fig(struct sdc_guard *, long long truth,
	    const struct sdc_fig *, const char *what);
/* Sort; drop forbidden numbers that are also allowed. */
void	 sdc_guard_seal(struct sdc_guard *);
/* Scan data (sealed guard): 1 and *hit at the first forbidden number,
 * 0 when clean. */
int	 sdc_scan(const struct sdc_guard *, const char *data, size_t len,
	    enum sdc_scan_mode, struct sdc_hit *hit);
/* The first secret fed for value, or NULL (sealed guard). */
const struct sdc_secret *sdc_guard_find(const struct sdc_guard *, long long);

#endif
