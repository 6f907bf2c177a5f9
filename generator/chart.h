/*
 * chart.h - inline SVG charts generated in C (no JavaScript, no
 * library): a horizontal bar chart with one bar per period, and a
 * sparkline with one group's trend.
 *
 * Charts take published figures only (struct sdc_fig and the text the
 * table shows), never true counts: a chart cannot tell more than the
 * table next to it, and a suppressed figure has no bar length.
 *
 * Each chart is one complete <svg role="img"> element labelled by its
 * <title> and <desc>, which read out every figure. All text is escaped
 * here (& < > " '), ids are the caller's plain ids, and coordinates are
 * integers in tenths written with one decimal ("12.5"): no floating
 * point, no locale, the same bytes on every machine. That is what
 * makes the output safe to insert unescaped ({{CHART:none}}); render.c
 * lists it as the second unescaped insertion.
 */
#ifndef GH_CHART_H
#define GH_CHART_H

#include <stddef.h>

#include "disclose.h"
#include "util.h"

struct chart_point {
	const char	*label;		/* "Q1 2025", "July 2026" */
	struct sdc_fig	 fig;		/* what the table publishes */
	const char	*text;		/* and how: "1,250", "fewer than 10" */
};

/* Append a bar chart of pts. id: a plain id, unique in the page;
 * title: the chart's name; intro: a sentence the description starts
 * with, before "label: text; ..." for every point. */
void	 chart_bars(struct buf *out, const char *id, const char *title,
	    const char *intro, const struct chart_point *pts, size_t n);
/* Append a sparkline of pts (each group scaled to its own range; the
 * description gives first, last, lowest and highest figures). */
void	 chart_spark(struct buf *out, const char *id, const char *title,
	    const struct chart_point *pts, size_t n);

#endif
