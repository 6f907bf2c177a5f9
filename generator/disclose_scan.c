/*
 * disclose_scan.c - the guard of disclose.h: the numbers a public build
 * may and may not show (sdc_guard_*), and sdc_scan, which reads rendered
 * bytes as a reader would (digit runs, "1,250", character references;
 * not words, ids, dates, decimals or layout attributes) and stops at the
 * first forbidden number. It owns the guard's two sorted arrays; the
 * scanner keeps no state between calls.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "disclose.h"

/* --- The guard --- */

/* An empty guard. */
void
sdc_guard_init(struct sdc_guard *g)
{
	memset(g, 0, sizeof(*g));
}

/* Free the guard's arrays and clear it. */
void
sdc_guard_free(struct sdc_guard *g)
{
	free(g->sec);
	free(g->ok);
	memset(g, 0, sizeof(*g));
}

/* Record v as a number some output shows. */
void
sdc_guard_allow(struct sdc_guard *g, long long v)
{
	if (g->nok == g->capok) {
		g->capok = g->capok ? g->capok * 2 : 64;
		g->ok = xrealloc(g->ok, g->capok * sizeof(*g->ok));
	}
	g->ok[g->nok++] = v;
	g->sealed = 0;
}

/* Record v as a number no output may show, described by what. */
void
sdc_guard_forbid(struct sdc_guard *g, long long v, const char *what)
{
	if (g->nsec == g->capsec) {
		g->capsec = g->capsec ? g->capsec * 2 : 64;
		g->sec = xrealloc(g->sec, g->capsec * sizeof(*g->sec));
	}
	g->sec[g->nsec].value = v;
	g->sec[g->nsec].what = what;
	g->sec[g->nsec].seq = g->nsec;
	g->nsec++;
	g->sealed = 0;
}

/* Allow what f shows; forbid truth when it is not what f shows. */
int
sdc_guard_fig(struct sdc_guard *g, long long truth, const struct sdc_fig *f,
    const char *what)
{
	switch (f->state) {
	case SDC_SHOWN:
		sdc_guard_allow(g, f->value);
		if (truth == f->value)
			return 0;
		break;
	case SDC_SMALL:
	case SDC_WITHHELD:
		break;
	case SDC_MISSING:
		return 0;
	}
	sdc_guard_forbid(g, truth, what);
	return 1;
}

/* qsort order of long longs. */
static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* By value, then in the order fed: the first description of a
 * number wins, whatever qsort does. */
static int
cmp_secret(const void *a, const void *b)
{
	const struct sdc_secret *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Whether v is allowed (sorted guard). */
static int
allowed(const struct sdc_guard *g, long long v)
{
	return g->nok > 0 &&
	    bsearch(&v, g->ok, g->nok, sizeof(*g->ok), cmp_ll) != NULL;
}

/* Sort both arrays; keep one secret per value, none allowed. */
void
sdc_guard_seal(struct sdc_guard *g)
{
	size_t	 i, j;

	if (g->nok > 0)
		qsort(g->ok, g->nok, sizeof(*g->ok), cmp_ll);
	if (g->nsec > 0)
		qsort(g->sec, g->nsec, sizeof(*g->sec), cmp_secret);
	for (i = j = 0; i < g->nsec; i++) {
		if (allowed(g, g->sec[i].value))
			continue;
		if (j > 0 && g->sec[j - 1].value == g->sec[i].value)
			continue;
		g->sec[j++] = g->sec[i];
	}
	g->nsec = j;
	g->sealed = 1;
}

/* Binary search of the sealed secrets for v. */
const struct sdc_secret *
sdc_guard_find(const struct sdc_guard *g, long long v)
{
	size_t	 lo = 0, hi = g->nsec;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->sec[mid].value < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->nsec && g->sec[lo].value == v ? &g->sec[lo] : NULL;
}

/* --- The scanner --- */

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* ASCII classes, whatever the locale. */
static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}
static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int
is_alnum(int c)
{
	return is_digit(c) || is_alpha(c);
}

/* Is s[0..n) a month name or its abbreviation ("Oct", "Sept")? */
static int
month_word(const unsigned char *s, size_t n)
{
	size_t	 k;

	if (n < 3)
		return 0;
	for (k = 0; k < 12; k++)
		if (n <= strlen(month_names[k]) &&
		    memcmp(s, month_names[k], n) == 0)
			return 1;
	return 0;
}

/* Is the word before s[i] (after one space) a month? "October 2026" */
static int
month_before(const unsigned char *s, size_t i)
{
	size_t	 k;

	if (i < 2 || s[i - 1] != ' ')
		return 0;
	for (k = i - 1; k > 0 && is_alpha(s[k - 1]); k--)
		;
	return month_word(s + k, i - 1 - k);
}

/* Is the word after s[i] (a space) a month? "14 October" */
static int
month_after(const unsigned char *s, size_t len, size_t i)
{
	size_t	 k;

	if (i >= len || s[i] != ' ')
		return 0;
	for (k = i + 1; k < len && is_alpha(s[k]); k++)
		;
	return month_word(s + i + 1, k - i - 1);
}

/*
 * Decode numeric character references into out (other bytes as they
 * are); map[k] is the offset in the input of out byte k. A reference
 * to anything but a printable ASCII character becomes a space.
 */
static void
decode_refs(const char *in, size_t len, unsigned char *out, size_t *map,
    size_t *outlen)
{
	size_t	 i = 0, o = 0;

	while (i < len) {
		if (in[i] == '&' && i + 2 < len && in[i + 1] == '#') {
			size_t	 k = i + 2;
			int	 hex = 0;
			long	 cp = 0;

			if (in[k] == 'x' || in[k] == 'X')
				hex = 1, k++;
			while (k < len && k - i < 12 && (is_digit(in[k]) ||
			    (hex && strchr("abcdefABCDEF", in[k]) != NULL &&
			    in[k] != '\0'))) {
				int dv = is_digit(in[k]) ? in[k] - '0' :
				    (in[k] | 0x20) - 'a' + 10;
				cp = cp * (hex ? 16 : 10) + dv;
				k++;
			}
			if (k < len && in[k] == ';' && k > i + 2 + (size_t)hex) {
				out[o] = (cp >= 0x20 && cp < 0x7f) ?
				    (unsigned char)cp : ' ';
				map[o++] = i;
				i = k + 1;
				continue;
			}
		}
		out[o] = (unsigned char)in[i];
		map[o++] = i++;
	}
	*outlen = o;
}

/* Attributes whose values are layout, never a figure (lowercase). */
static const char *const layout_attrs[] = {
	"aria-colcount", "aria-colindex", "aria-colspan", "aria-level",
	"aria-posinset", "aria-rowcount", "aria-rowindex", "aria-rowspan",
	"aria-setsize", "colspan", "cx", "cy", "d", "dx", "dy",
	"fill-opacity", "font-size", "height", "opacity", "points", "r",
	"rowspan", "rx", "ry", "span", "start", "stroke-dasharray",
	"stroke-dashoffset", "stroke-opacity", "stroke-width", "tabindex",
	"transform", "viewbox", "width", "x", "x1", "x2", "y", "y1", "y2"
};

/* Whether attribute name (n bytes) holds layout, never a figure. */
static int
layout_attr(const unsigned char *name, size_t n, int meta)
{
	char	 low[24];
	size_t	 k;

	if (n == 0 || n >= sizeof(low))
		return 0;
	for (k = 0; k < n; k++)
		low[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ?
		    name[k] + ('a' - 'A') : name[k]);
	low[n] = '\0';
	if (meta && strcmp(low, "content") == 0)
		return 1;
	for (k = 0; k < sizeof(layout_attrs) / sizeof(layout_attrs[0]); k++)
		if (strcmp(low, layout_attrs[k]) == 0)
			return 1;
	return 0;
}

/* HTML's white space. */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Blank (to spaces) the values of layout attributes in every tag. */
static void
blank_layout(unsigned char *s, size_t n)
{
	size_t	 i = 0, k, name, nlen, v0, v1;
	int	 meta;

	while (i < n) {
		if (s[i] != '<' || i + 1 >= n || !is_alpha(s[i + 1])) {
			i++;
			continue;
		}
		for (k = i + 1; k < n && !is_space(s[k]) && s[k] != '>' &&
		    s[k] != '/'; k++)
			;
		meta = k - i - 1 == 4 && (s[i + 1] | 0x20) == 'm' &&
		    (s[i + 2] | 0x20) == 'e' && (s[i + 3] | 0x20) == 't' &&
		    (s[i + 4] | 0x20) == 'a';
		for (;;) {
			while (k < n && (is_space(s[k]) || s[k] == '/'))
				k++;
			if (k >= n || s[k] == '>')
				break;
			for (name = k; k < n && !is_space(s[k]) && s[k] != '=' &&
			    s[k] != '>' && s[k] != '/'; k++)
				;
			nlen = k - name;
			while (k < n && is_space(s[k]))
				k++;
			if (k >= n || s[k] != '=')
				continue;
			for (k++; k < n && is_space(s[k]); k++)
				;
			if (k < n && (s[k] == '"' || s[k] == '\'')) {
				unsigned char q = s[k++];
				for (v0 = k; k < n && s[k] != q; k++)
					;
				v1 = k;
				if (k < n)
					k++;
			} else {
				for (v0 = k; k < n && !is_space(s[k]) &&
				    s[k] != '>'; k++)
					;
				v1 = k;
			}
			if (layout_attr(s + name, nlen, meta))
				memset(s + v0, ' ', v1 - v0);
		}
		i = k;
	}
}

/*
 * The next number a reader sees in s[*at..n): returns 1 with its value
 * in *v and its first byte at *start, 0 at the end. The rules are those
 * of disclose.h; csv turns "1,250" grouping off.
 */
static int
next_number(const unsigned char *s, size_t n, size_t *at, int csv,
    long long *v, size_t *start)
{
	size_t	 i, j, k, digits;
	int	 skip;

	for (i = *at; i < n; i = j) {
		if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) {
			j = i + 1;
			continue;
		}
		*v = 0;
		digits = 0;
		for (j = i; j < n && is_digit(s[j]); j++)
			if (digits++ < 19)
				*v = *v * 10 + (s[j] - '0');
		/* "1,250,000": groups of exactly three digits */
		if (!csv && j - i <= 3)
			while (j + 3 < n && s[j] == ',' && is_digit(s[j + 1])
			    && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
			    (j + 4 >= n || !is_digit(s[j + 4]))) {
				for (k = j + 1; k < j + 4; k++)
					if (digits++ < 19)
						*v = *v * 10 + (s[k] - '0');
				j += 4;
			}
		skip = 0;
		if (digits > 18)
			skip = 1;	/* no count is that long */
		else if (s[i] == '0' && j - i > 1)
			skip = 1;	/* "07": part of a date */
		else if (i > 0 && (is_alpha(s[i - 1]) || s[i - 1] == '_'))
			skip = 1;	/* "Q3", "h2", "x_1" */
		else if (j < n && (is_alpha(s[j]) || s[j] == '_'))
			skip = 1;	/* "2nd", "3px" */
		else if (i > 1 && ((s[i - 1] == '-' && is_alnum(s[i - 2])) ||
		    ((s[i - 1] == '.' || s[i - 1] == ':') && is_digit(s[i - 2]))))
			skip = 1;	/* "team-7", "12.5", "10:30" */
		else if (j + 1 < n && ((s[j] == '-' && is_alnum(s[j + 1])) ||
		    ((s[j] == '.' || s[j] == ':') && is_digit(s[j + 1]))))
			skip = 1;	/* "2026-07", "2025-Q1", "12.5" */
		else if (j - i == 4 && month_before(s, i))
			skip = 1;	/* "October 2026" */
		else if (j - i <= 2 && *v >= 1 && *v <= 31 &&
		    month_after(s, n, j))
			skip = 1;	/* "14 October" */
		if (skip)
			continue;
		*start = i;
		*at = j;
		return 1;
	}
	*at = n;
	return 0;
}

/* Allow each number text shows, read as sdc_scan reads it. */
void
sdc_guard_allow_text(struct sdc_guard *g, const char *text)
{
	unsigned char	*s;
	size_t		*map, n, at = 0, start, len;
	long long	 v;

	if (text == NULL || (len = strlen(text)) == 0)
		return;
	s = xmalloc(len + 1);
	map = xmalloc((len + 1) * sizeof(*map));
	decode_refs(text, len, s, map, &n);
	while (next_number(s, n, &at, 0, &v, &start))
		sdc_guard_allow(g, v);
	free(s);
	free(map);
}

/* Decode, blank layout (HTML), and look up each number in turn. */
int
sdc_scan(const struct sdc_guard *g, const char *data, size_t len,
    enum sdc_scan_mode mode, struct sdc_hit *hit)
{
	unsigned char	*s;
	size_t		*map, n, at = 0, i, p;
	long long	 v;
	int		 found = 0;

	assert(g->sealed);
	if (g->nsec == 0 || len == 0)
		return 0;
	s = xmalloc(len + 1);
	map = xmalloc((len + 1) * sizeof(*map));
	decode_refs(data, len, s, map, &n);
	s[n] = '\0';
	map[n] = len;
	if (mode == SDC_SCAN_HTML)
		blank_layout(s, n);
	while (!found && next_number(s, n, &at, mode == SDC_SCAN_CSV, &v, &i)) {
		if ((hit->secret = sdc_guard_find(g, v)) == NULL)
			continue;
		hit->off = map[i];
		hit->line = 1;
		hit->col = 1;
		for (p = 0; p < hit->off; p++) {
			if (data[p] == '\n')
				hit->line++, hit->col = 1;
			else if (((unsigned char)data[p] & 0xc0) != 0x80)
				hit->col++;
		}
		found = 1;
	}
	free(s);
	free(map);
	return found;
}
