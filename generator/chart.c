/*
 * chart.c - the SVG charts of chart.h. Geometry is integer tenths of a
 * user unit; fixed() writes them as "123.4". Colours are presentation
 * attributes (dark enough for greyscale print) and every element has a
 * class, so a theme's style.css can restyle them.
 */
#include <string.h>

#include "chart.h"

/* Bar chart geometry, tenths of a unit. */
#define BW	6400	/* whole width */
#define BLAB	1160	/* right edge of the period labels */
#define BX0	1240	/* where bars start */
#define BVAL	1360	/* room kept right of the longest bar */
#define BROW	280	/* one row */
#define BBAR	180	/* bar thickness */
#define BPAD	100	/* above the first and below the last row */

/* Sparkline geometry. */
#define SW	1200
#define SH	320
#define SPAD	30

#define INK	"#1a1a1a"
#define BAR	"#1d4f7a"
#define MUTED	"#5c5c5c"

/* The end of a sparkline's <polyline> element. */
#define LINE_END	"\" fill=\"none\" stroke=\"" BAR "\" stroke-width=\"1.5\" " \
			"stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"

/* A length in tenths as "12.3" (always one decimal: never an integer
 * token a reader or the disclosure guard could take for a count). */
static void
fixed(struct buf *b, long long t)
{
	if (t < 0) {
		buf_putc(b, '-');
		t = -t;
	}
	buf_printf(b, "%lld.%lld", t / 10, t % 10);
}

/* v * span / max without overflow, for 0 <= v <= max. */
static long long
scale(long long v, long long max, long long span)
{
	while (max > (1LL << 40)) {
		v >>= 1;
		max >>= 1;
	}
	return max > 0 ? v * span / max : 0;
}

static void
svg_open(struct buf *b, const char *cls, const char *id, long long w,
    long long h, const char *title, int sized)
{
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" "
	    "role=\"img\" viewBox=\"0.0 0.0 ", cls);
	fixed(b, w);
	buf_putc(b, ' ');
	fixed(b, h);
	buf_putc(b, '"');
	if (sized) {
		buf_puts(b, " width=\"");
		fixed(b, w);
		buf_puts(b, "\" height=\"");
		fixed(b, h);
		buf_putc(b, '"');
	}
	buf_puts(b, " aria-labelledby=\"");
	buf_put_html(b, id);
	buf_puts(b, "-title ");
	buf_put_html(b, id);
	buf_puts(b, "-desc\" font-family=\"system-ui, sans-serif\">\n<title id=\"");
	buf_put_html(b, id);
	buf_puts(b, "-title\">");
	buf_put_html(b, title);
	buf_puts(b, "</title>\n<desc id=\"");
	buf_put_html(b, id);
	buf_puts(b, "-desc\">");
}

/* "label: text" of one point, escaped. */
static void
put_label_text(struct buf *b, const struct chart_point *p)
{
	buf_put_html(b, p->label);
	buf_puts(b, ": ");
	buf_put_html(b, p->text);
}

/* The opening of <rect class="cls" x y width height, up to the
 * closing quote of height. */
static void
put_rect(struct buf *b, const char *cls, long long x, long long y,
    long long w, long long h)
{
	buf_printf(b, "<rect class=\"%s\" x=\"", cls);
	fixed(b, x);
	buf_puts(b, "\" y=\"");
	fixed(b, y);
	buf_puts(b, "\" width=\"");
	fixed(b, w);
	buf_puts(b, "\" height=\"");
	fixed(b, h);
}

void
chart_bars(struct buf *b, const char *id, const char *title,
    const char *intro, const struct chart_point *p, size_t n)
{
	long long max = 0, h = 2 * BPAD + (long long)n * BROW, y, len;
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i].fig.state == SDC_SHOWN && p[i].fig.value > max)
			max = p[i].fig.value;
	svg_open(b, "chart chart-bars", id, BW, h, title, 0);
	buf_put_html(b, intro);
	for (i = 0; i < n; i++) {
		buf_puts(b, i == 0 ? " " : "; ");
		put_label_text(b, &p[i]);
	}
	buf_puts(b, n > 0 ? ".</desc>\n" : "</desc>\n");
	/* the axis */
	buf_puts(b, "<line class=\"chart-axis\" x1=\"");
	fixed(b, BX0);
	buf_puts(b, "\" y1=\"");
	fixed(b, BPAD / 2);
	buf_puts(b, "\" x2=\"");
	fixed(b, BX0);
	buf_puts(b, "\" y2=\"");
	fixed(b, h - BPAD / 2);
	buf_puts(b, "\" stroke=\"" INK "\" stroke-width=\"1.0\"/>\n");
	for (i = 0; i < n; i++) {
		int shown = p[i].fig.state == SDC_SHOWN;

		y = BPAD + (long long)i * BROW + (BROW - BBAR) / 2;
		buf_puts(b, "<g class=\"chart-row\"><title>");
		put_label_text(b, &p[i]);
		buf_puts(b, "</title>\n<text class=\"chart-label\" x=\"");
		fixed(b, BLAB);
		buf_puts(b, "\" y=\"");
		fixed(b, y + 135);
		buf_puts(b, "\" text-anchor=\"end\" font-size=\"12.0\" fill=\""
		    INK "\">");
		buf_put_html(b, p[i].label);
		buf_puts(b, "</text>\n");
		len = 0;
		if (shown && p[i].fig.value > 0) {
			len = scale(p[i].fig.value, max, BW - BX0 - BVAL);
			if (len < 10)
				len = 10;	/* still visible */
			put_rect(b, "chart-bar", BX0, y, len, BBAR);
			buf_puts(b, "\" fill=\"" BAR "\"/>\n");
		} else if (!shown && p[i].fig.state != SDC_MISSING) {
			/* suppressed: an outline with no length to read */
			len = 60;
			put_rect(b, "chart-hidden", BX0, y, len, BBAR);
			buf_puts(b, "\" fill=\"none\" stroke=\"" MUTED
			    "\" stroke-width=\"1.0\" stroke-dasharray=\"2.0 2.0\"/>\n");
		}
		buf_printf(b, "<text class=\"chart-value%s\" x=\"",
		    shown ? "" : " chart-value-hidden");
		fixed(b, BX0 + len + 60);
		buf_puts(b, "\" y=\"");
		fixed(b, y + 135);
		buf_printf(b, "\" font-size=\"12.0\"%s fill=\"%s\">",
		    shown ? "" : " font-style=\"italic\"", shown ? INK : MUTED);
		buf_put_html(b, p[i].text);
		buf_puts(b, "</text></g>\n");
	}
	buf_puts(b, "</svg>");
}

/* before, then "text (label)" of one point, escaped. */
static void
put_text_label(struct buf *b, const char *before, const struct chart_point *p)
{
	buf_puts(b, before);
	buf_put_html(b, p->text);
	buf_puts(b, " (");
	buf_put_html(b, p->label);
	buf_putc(b, ')');
}

void
chart_spark(struct buf *b, const char *id, const char *title,
    const struct chart_point *p, size_t n)
{
	long long lo = 0, hi = 0, x, y;
	size_t	 i, first = n, last = n, imin = n, imax = n, hidden = 0;
	int	 open = 0;

	for (i = 0; i < n; i++) {
		if (p[i].fig.state != SDC_SHOWN) {
			hidden++;
			continue;
		}
		if (first == n)
			first = i;
		last = i;
		if (imin == n || p[i].fig.value < lo)
			lo = p[i].fig.value, imin = i;
		if (imax == n || p[i].fig.value > hi)
			hi = p[i].fig.value, imax = i;
	}
	svg_open(b, "chart spark", id, SW, SH, title, 1);
	if (first == n)
		buf_puts(b, "No figures to show");
	else {
		put_text_label(b, "From ", &p[first]);
		put_text_label(b, " to ", &p[last]);
		put_text_label(b, "; lowest ", &p[imin]);
		put_text_label(b, ", highest ", &p[imax]);
	}
	if (hidden > 0)
		buf_printf(b, "; %s period%s not shown", hidden == 1 ? "one" :
		    "some", hidden == 1 ? "" : "s");
	buf_puts(b, ".</desc>\n");
	/* one polyline per run of shown figures */
	for (i = 0; i <= n; i++) {
		if (i == n || p[i].fig.state != SDC_SHOWN) {
			if (open)
				buf_puts(b, LINE_END);
			open = 0;
			continue;
		}
		x = n > 1 ? SPAD + (long long)i * (SW - 2 * SPAD) /
		    (long long)(n - 1) : SW / 2;
		y = hi > lo ? SH - SPAD - scale(p[i].fig.value - lo, hi - lo,
		    SH - 2 * SPAD) : SH / 2;
		if (!open)
			buf_puts(b, "<polyline class=\"spark-line\" points=\"");
		else
			buf_putc(b, ' ');
		fixed(b, x);
		buf_putc(b, ',');
		fixed(b, y);
		open = 1;
		if (i == last) {
			/* close the line, then mark the latest figure */
			buf_puts(b, LINE_END "<circle class=\"spark-dot\" cx=\"");
			fixed(b, x);
			buf_puts(b, "\" cy=\"");
			fixed(b, y);
			buf_puts(b, "\" r=\"2.5\" fill=\"" BAR "\"/>\n");
			open = 0;
		}
	}
	buf_puts(b, "</svg>");
}
