/*
 * test_chart.c - the inline SVG charts (chart.h): escaping of every
 * text, accessible name and description, numbers written one way only
 * (one decimal, no locale), bar lengths from published figures only
 * (a hidden figure has no length), sparkline gaps, huge values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"

static const struct sdc_rules STD = { 10, 5, 0 };

static struct chart_point
pt(const char *label, long long truth)
{
	struct chart_point p;
	struct buf b = BUF_INIT;

	p.label = label;
	p.fig = sdc_figure(truth, &STD);
	sdc_text(&b, &p.fig, &STD, SDC_GROUPED);
	p.text = buf_detach(&b, NULL);
	return p;
}

static void
free_pts(struct chart_point *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free((char *)p[i].text);
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL)
		n++, p++;
	return n;
}

/*
 * Every attribute value that starts with a digit (or '-' and a digit)
 * is one or more numbers each written "D+.D" - never a bare integer
 * that a reader, or the disclosure guard, could take for a count.
 */
static void
assert_fixed_numbers(const char *svg)
{
	const char *p = svg;

	while ((p = strstr(p, "=\"")) != NULL) {
		const char *v = p + 2, *e = strchr(v, '"');

		assert_non_null(e);
		if ((*v >= '0' && *v <= '9') || (*v == '-' && v[1] >= '0' &&
		    v[1] <= '9')) {
			const char *q = v;
			while (q < e) {
				if (*q == '-')
					q++;
				while (q < e && *q >= '0' && *q <= '9')
					q++;
				if (q >= e || *q != '.' || q[1] < '0' || q[1] > '9' ||
				    (q + 2 < e && q[2] >= '0' && q[2] <= '9'))
					fail_msg("not D.D: %.*s", (int)(e - v), v);
				q += 2;
				while (q < e && (*q == ' ' || *q == ','))
					q++;
			}
		}
		p = e;
	}
}

static void
test_bars(void **state)
{
	struct chart_point p[4];
	struct buf b = BUF_INIT;

	(void)state;
	p[0] = pt("Q1 2025", 200);
	p[1] = pt("Q2 <2025>", 100);
	p[2] = pt("Q3 2025", 7);		/* fewer than 10 */
	p[3] = pt("Q4 2025", 0);
	chart_bars(&b, "chart-x", "Requests & \"more\"", "Requests per quarter.",
	    p, 4);
	/* one accessible image, named and described */
	assert_int_equal(strncmp(b.ptr, "<svg ", 5), 0);
	assert_non_null(strstr(b.ptr, "role=\"img\""));
	assert_non_null(strstr(b.ptr, "aria-labelledby=\"chart-x-title "
	    "chart-x-desc\""));
	assert_non_null(strstr(b.ptr, "<title id=\"chart-x-title\">Requests "
	    "&amp; &quot;more&quot;</title>"));
	assert_non_null(strstr(b.ptr, "<desc id=\"chart-x-desc\">Requests per "
	    "quarter. Q1 2025: 200; Q2 &lt;2025&gt;: 100; Q3 2025: fewer than "
	    "10; Q4 2025: 0.</desc>"));
	/* nothing unescaped from the labels */
	assert_null(strstr(b.ptr, "<2025>"));
	/* bars: the longest is 380 units, half of it 190; the small one has
	 * no bar, only an outline of fixed size and its words */
	assert_non_null(strstr(b.ptr, "class=\"chart-bar\" x=\"124.0\" "
	    "y=\"15.0\" width=\"380.0\""));
	assert_non_null(strstr(b.ptr, "width=\"190.0\""));
	assert_int_equal(count(b.ptr, "class=\"chart-bar\""), 2);
	assert_int_equal(count(b.ptr, "class=\"chart-hidden\""), 1);
	assert_non_null(strstr(b.ptr, "font-style=\"italic\" fill=\"#5c5c5c\">"
	    "fewer than 10</text>"));
	assert_int_equal(count(b.ptr, "<g class=\"chart-row\">"), 4);
	assert_int_equal(strcmp(b.ptr + b.len - 6, "</svg>"), 0);
	assert_fixed_numbers(b.ptr);
	free_pts(p, 4);
	buf_free(&b);
}

/* Same bytes whatever the locale says about numbers. */
static void
test_locale(void **state)
{
	struct chart_point p[2];
	struct buf a = BUF_INIT, b = BUF_INIT;

	(void)state;
	p[0] = pt("A", 1234567);
	p[1] = pt("B", 33);
	chart_bars(&a, "c", "t", "i", p, 2);
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL &&
	    setlocale(LC_ALL, "fr_FR.UTF-8") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	chart_bars(&b, "c", "t", "i", p, 2);
	setlocale(LC_ALL, "C");
	assert_string_equal(a.ptr, b.ptr);
	assert_non_null(strstr(a.ptr, ">1,234,565</text>"));
	free_pts(p, 2);
	buf_free(&a);
	buf_free(&b);
}

static void
test_bars_all_hidden(void **state)
{
	struct chart_point p[2];
	struct buf b = BUF_INIT;

	(void)state;
	p[0] = pt("2025", 3);
	p[1] = pt("2026", 4);
	p[1].fig.state = SDC_WITHHELD;
	free((char *)p[1].text);
	p[1].text = xstrdup("withheld");
	chart_bars(&b, "c", "t", "i", p, 2);
	assert_int_equal(count(b.ptr, "class=\"chart-bar\""), 0);
	assert_int_equal(count(b.ptr, "class=\"chart-hidden\""), 2);
	assert_non_null(strstr(b.ptr, ">withheld</text>"));
	assert_fixed_numbers(b.ptr);
	free_pts(p, 2);
	buf_free(&b);
	/* and no points at all */
	chart_bars(&b, "c", "t", "i", NULL, 0);
	assert_non_null(strstr(b.ptr, "<desc id=\"c-desc\">i</desc>"));
	buf_free(&b);
}

static void
test_bars_huge(void **state)
{
	struct chart_point p[2];
	struct buf b = BUF_INIT;

	(void)state;
	p[0] = pt("a", 1000);
	p[1] = pt("b", 1000);
	p[0].fig.value = 1LL << 62;	/* beyond any count: no overflow */
	p[1].fig.value = 1LL << 61;
	chart_bars(&b, "c", "t", "i", p, 2);
	assert_non_null(strstr(b.ptr, "width=\"380.0\""));
	assert_non_null(strstr(b.ptr, "width=\"190.0\""));
	assert_fixed_numbers(b.ptr);
	free_pts(p, 2);
	buf_free(&b);
}

static void
test_spark(void **state)
{
	struct chart_point p[5];
	struct buf b = BUF_INIT;

	(void)state;
	p[0] = pt("Jan", 100);
	p[1] = pt("Feb", 300);
	p[2] = pt("Mar", 5);			/* hidden: a gap */
	p[3] = pt("Apr", 200);
	p[4] = pt("May", 150);
	chart_spark(&b, "s-1", "care: records", p, 5);
	assert_non_null(strstr(b.ptr, "role=\"img\""));
	assert_non_null(strstr(b.ptr, "<desc id=\"s-1-desc\">From 100 (Jan) to "
	    "150 (May); lowest 100 (Jan), highest 300 (Feb); one period not "
	    "shown.</desc>"));
	/* two runs, so two lines; the dot on the last figure */
	assert_int_equal(count(b.ptr, "<polyline"), 2);
	assert_int_equal(count(b.ptr, "<circle"), 1);
	/* Jan at the bottom (29.0), Feb at the top (3.0) */
	assert_non_null(strstr(b.ptr, "points=\"3.0,29.0 31.5,3.0\""));
	assert_non_null(strstr(b.ptr, "cx=\"117.0\""));
	assert_fixed_numbers(b.ptr);
	free_pts(p, 5);
	buf_free(&b);
}

static void
test_spark_flat_and_single(void **state)
{
	struct chart_point p[2];
	struct buf b = BUF_INIT;

	(void)state;
	p[0] = pt("a", 50);
	p[1] = pt("b", 50);
	chart_spark(&b, "s", "t", p, 2);
	assert_non_null(strstr(b.ptr, "points=\"3.0,16.0 117.0,16.0\""));
	buf_reset(&b);
	chart_spark(&b, "s", "t", p, 1);
	assert_non_null(strstr(b.ptr, "cx=\"60.0\" cy=\"16.0\""));
	buf_reset(&b);
	p[0].fig.state = SDC_SMALL;
	p[1].fig.state = SDC_SMALL;
	chart_spark(&b, "s", "t", p, 2);
	assert_non_null(strstr(b.ptr, "No figures to show; some periods not "
	    "shown."));
	assert_int_equal(count(b.ptr, "<polyline"), 0);
	free_pts(p, 2);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_locale),
		cmocka_unit_test(test_bars_all_hidden),
		cmocka_unit_test(test_bars_huge),
		cmocka_unit_test(test_spark),
		cmocka_unit_test(test_spark_flat_and_single),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
