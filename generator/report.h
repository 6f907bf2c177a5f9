/*
 * report.h - a report series (reports/<id>.yaml) as a table of periods
 * by groups, disclosed for one audience (disclose.h), and the exports
 * every audience gets: reports/<id>.csv and the "reports" member of
 * inventory.json. The pages are render_report.c's (render_impl.h).
 *
 * The public build sees the figures of sdc_table_make() under the
 * site's disclosure rules; the internal build the exact counts. Both
 * come from rview_make(), so HTML, CSV, JSON and charts cannot differ.
 */
#ifndef GH_REPORT_H
#define GH_REPORT_H

#include "disclose.h"
#include "model.h"

struct rview {
	const struct report	*r;
	struct sdc_rules	 rules;
	const char		**groups;	/* by first appearance */
	size_t			  ngroups;
	long long		 *counts;	/* nperiods x ngroups,
						   SDC_NONE when absent */
	struct sdc_table	  t;		/* published figures */
};

/* Build the table of r for aud (r must be visible to aud). Free with
 * rview_free(). */
void	 rview_make(struct rview *, const struct report *,
	    const struct site *, enum audience);
void	 rview_free(struct rview *);

/* "July 2026", "Q3 2026", "2026" into buf (at least 32 bytes). */
const char	*period_label(const struct period *, char *buf, size_t len);
/* "month", "quarter", "year" */
const char	*granularity_word(enum period_kind);
/* A group id as words: "customer-care" -> "customer care". */
const char	*group_label(const char *id, char *buf, size_t len);

/* reports/<id>.csv: RFC 4180 with CRLF; a header row (period, the
 * groups, total), one row per period, then the totals. */
void	 csv_report(const struct rview *, struct buf *);
/* The "reports" value of inventory.json for aud: a JSON array whose
 * lines are indented for nesting at depth (2 spaces a level) and whose
 * first byte is '['. Called by json.c and by the disclosure guard. */
void	 json_reports(const struct model *, enum audience, struct buf *,
	    int depth);

#endif
