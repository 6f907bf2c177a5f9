/*
 * disclose.c - statistical disclosure control: the rules of disclose.h
 * on a matrix of counts, and the guard that scans rendered bytes for a
 * figure the rules hide.
 *
 * The table is worked on with its margins, as an (R+1) x (C+1) matrix
 * of entries (R periods, C groups; the last row holds the group totals,
 * the last column the period totals). Every row and every column of
 * that matrix is a "line": its last entry is the sum of the others.
 * Flipping the sign of the margins turns each line into "entries sum to
 * zero", so the unknown (suppressed) entries are the edges of a
 * bipartite graph between line-rows and line-columns, and an unknown is
 * fixed by the published entries exactly when its edge lies on no
 * cycle: a bridge. Rule 3 removes degree-one lines (a pendant edge is a
 * bridge too), rule 4 the remaining bridges.
 */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "disclose.h"

/* ------------------------------------------------------------------ */
/* Single figures */

long long
sdc_round(long long v, const struct sdc_rules *r)
{
	long long q, step = r->round_to;

	if (step <= 1 || r->exact)
		return v;
	q = (v + step / 2) / step * step;	/* halves up */
	if (q < r->min_count)	/* never round a count >= N below N */
		q = (r->min_count + step - 1) / step * step;
	return q;
}

struct sdc_fig
sdc_figure(long long v, const struct sdc_rules *r)
{
	struct sdc_fig f = { SDC_SHOWN, 0 };

	if (v < 0)
		f.state = SDC_MISSING;
	else if (r->exact || v == 0)
		f.value = v;
	else if (v < r->min_count)
		f.state = SDC_SMALL;
	else
		f.value = sdc_round(v, r);
	return f;
}

void
sdc_num(struct buf *b, long long v, int flags)
{
	char	 d[32];
	int	 n = 0, i;

	if (v < 0) {
		buf_putc(b, '-');
		v = v == LLONG_MIN ? LLONG_MAX : -v;
	}
	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	for (i = n - 1; i >= 0; i--) {
		buf_putc(b, d[i]);
		if ((flags & SDC_GROUPED) && i > 0 && i % 3 == 0)
			buf_putc(b, ',');
	}
}

void
sdc_text(struct buf *b, const struct sdc_fig *f, const struct sdc_rules *r,
    int flags)
{
	switch (f->state) {
	case SDC_SHOWN:
		sdc_num(b, f->value, flags);
		break;
	case SDC_SMALL:
		buf_puts(b, "fewer than ");
		sdc_num(b, r->min_count, flags);
		break;
	case SDC_WITHHELD:
		buf_puts(b, "withheld");
		break;
	case SDC_MISSING:
		if (!(flags & SDC_CSV))
			buf_puts(b, "not counted");
		break;
	}
}

/* ------------------------------------------------------------------ */
/* Tables */

struct work {
	size_t		 R, C;		/* periods, groups: entries are
					   (R+1) x (C+1) */
	size_t		 W;		/* C + 1: row stride */
	long long	*truth;		/* true values, margins summed */
	struct sdc_fig	*fig;
	/* bridge search, reused between rounds */
	size_t		*adj_start, *adj;	/* CSR adjacency: edge ids */
	size_t		*disc, *low, *stack_v, *stack_e, *stack_i;
};

#define SUPPRESSED(f)	((f)->state == SDC_SMALL || (f)->state == SDC_WITHHELD)

static long long
sat_add(long long a, long long b)
{
	return a > SDC_MAX - b ? SDC_MAX : a + b;
}

/* May entry e become WITHHELD? Only a published non-zero count. */
static int
eligible(const struct work *w, size_t e)
{
	return w->fig[e].state == SDC_SHOWN && w->truth[e] > 0;
}

static void
withhold(struct work *w, size_t e)
{
	assert(eligible(w, e));
	w->fig[e].state = SDC_WITHHELD;
	w->fig[e].value = 0;
}

/*
 * Rule 3 over every line once, in a fixed order (rows, then columns).
 * A line is n entries at first, first + step, ...; its last entry is
 * its total. Returns how many entries it withheld.
 */
static size_t
line_pass(struct work *w)
{
	size_t	 changed = 0, l, nlines = (w->R + 1) + (w->C + 1);

	for (l = 0; l < nlines; l++) {
		size_t	 first, step, n, k, nsup = 0, supk = 0, best = SIZE_MAX;

		if (l <= w->R) {
			first = l * w->W;
			step = 1;
			n = w->C + 1;
		} else {
			first = l - (w->R + 1);
			step = w->W;
			n = w->R + 1;
		}
		for (k = 0; k < n; k++)
			if (SUPPRESSED(&w->fig[first + k * step]))
				nsup++, supk = k;
		if (nsup != 1)
			continue;
		/* The smallest other non-zero published cell; the total
		 * (k = n - 1) only when no cell qualifies. */
		for (k = 0; k + 1 < n; k++) {
			size_t e = first + k * step;
			if (k == supk || !eligible(w, e))
				continue;
			if (best == SIZE_MAX || w->truth[e] < w->truth[best])
				best = e;
		}
		if (best == SIZE_MAX && supk != n - 1 &&
		    eligible(w, first + (n - 1) * step))
			best = first + (n - 1) * step;
		/* A suppressed entry is > 0, so its line has another
		 * non-zero entry: there is always a candidate. */
		assert(best != SIZE_MAX);
		if (best == SIZE_MAX)
			abort();
		withhold(w, best);
		changed++;
	}
	return changed;
}

/*
 * The suppressed entries as edges of the bipartite graph: node i <= R
 * is row i, node R + 1 + j is column j. Returns the lowest entry index
 * that is a bridge, or SIZE_MAX. Iterative Tarjan (no recursion: a
 * table may have thousands of rows).
 */
static size_t
first_bridge(struct work *w)
{
	size_t	 V = (w->R + 1) + (w->C + 1), E = (w->R + 1) * w->W;
	size_t	 v, e, t = 0, sp, best = SIZE_MAX;
	const size_t UNSEEN = SIZE_MAX;

	/* adjacency in CSR form: degrees, prefix sums, fill */
	memset(w->adj_start, 0, (V + 1) * sizeof(*w->adj_start));
	for (e = 0; e < E; e++)
		if (SUPPRESSED(&w->fig[e])) {
			w->adj_start[e / w->W + 1]++;
			w->adj_start[w->R + 1 + e % w->W + 1]++;
		}
	for (v = 0; v < V; v++)
		w->adj_start[v + 1] += w->adj_start[v];
	memcpy(w->low, w->adj_start, V * sizeof(*w->low));	/* cursor */
	for (e = 0; e < E; e++)
		if (SUPPRESSED(&w->fig[e])) {
			w->adj[w->low[e / w->W]++] = e;
			w->adj[w->low[w->R + 1 + e % w->W]++] = e;
		}

	for (v = 0; v < V; v++)
		w->disc[v] = UNSEEN;
	for (v = 0; v < V; v++) {
		if (w->disc[v] != UNSEEN)
			continue;
		sp = 0;
		w->stack_v[sp] = v;
		w->stack_e[sp] = SIZE_MAX;	/* edge we came by */
		w->stack_i[sp] = w->adj_start[v];
		w->disc[v] = w->low[v] = t++;
		while (sp != SIZE_MAX) {
			size_t u = w->stack_v[sp], i = w->stack_i[sp];

			if (i < w->adj_start[u + 1]) {
				size_t ed = w->adj[i], x;

				w->stack_i[sp]++;
				if (ed == w->stack_e[sp])
					continue;
				x = (u <= w->R) ? w->R + 1 + ed % w->W :
				    ed / w->W;
				if (w->disc[x] == UNSEEN) {
					sp++;
					w->stack_v[sp] = x;
					w->stack_e[sp] = ed;
					w->stack_i[sp] = w->adj_start[x];
					w->disc[x] = w->low[x] = t++;
				} else if (w->disc[x] < w->low[u])
					w->low[u] = w->disc[x];
				continue;
			}
			/* u is done: report its tree edge if a bridge */
			if (sp > 0) {
				size_t p = w->stack_v[sp - 1];

				if (w->low[u] > w->disc[p] &&
				    w->stack_e[sp] < best)
					best = w->stack_e[sp];
				if (w->low[u] < w->low[p])
					w->low[p] = w->low[u];
				sp--;
			} else
				sp = SIZE_MAX;
		}
	}
	return best;
}

/*
 * Rule 4: put bridge entry b = (r, c) on a cycle r - c - r2 - c2 by
 * suppressing (r, c2), (r2, c) and (r2, c2), choosing the rectangle
 * that newly withholds the least true total (then the fewest entries,
 * then the first in row-major order).
 */
static void
close_bridge(struct work *w, size_t b)
{
	size_t	 r = b / w->W, c = b % w->W, r2, c2, k;
	size_t	 best[3] = { SIZE_MAX, SIZE_MAX, SIZE_MAX };
	long long bcost = 0;
	size_t	 bnew = 0;
	int	 found = 0;

	for (r2 = 0; r2 <= w->R; r2++) {
		if (r2 == r)
			continue;
		for (c2 = 0; c2 < w->W; c2++) {
			size_t e[3], nnew = 0;
			long long cost = 0;
			int ok = 1;

			if (c2 == c)
				continue;
			e[0] = r * w->W + c2;
			e[1] = r2 * w->W + c;
			e[2] = r2 * w->W + c2;
			for (k = 0; k < 3 && ok; k++) {
				if (SUPPRESSED(&w->fig[e[k]]))
					continue;
				if (!eligible(w, e[k]))
					ok = 0;
				else {
					cost = sat_add(cost, w->truth[e[k]]);
					nnew++;
				}
			}
			if (!ok)
				continue;
			if (!found || cost < bcost ||
			    (cost == bcost && nnew < bnew)) {
				found = 1;
				bcost = cost;
				bnew = nnew;
				memcpy(best, e, sizeof(best));
			}
		}
	}
	/* Every suppressed entry is > 0 and so are the margins over it:
	 * the rectangle through the grand total always qualifies. */
	assert(found);
	if (!found)
		abort();
	for (k = 0; k < 3; k++)
		if (!SUPPRESSED(&w->fig[best[k]]))
			withhold(w, best[k]);
}

void
sdc_table_make(struct sdc_table *t, const long long *counts, size_t nrows,
    size_t ncols, const struct sdc_rules *rules)
{
	struct work w;
	size_t	 i, j, e, n, V;

	memset(t, 0, sizeof(*t));
	memset(&w, 0, sizeof(w));
	t->nrows = w.R = nrows;
	t->ncols = w.C = ncols;
	w.W = ncols + 1;
	if (nrows + 1 == 0 || w.W == 0 || (nrows + 1) > SIZE_MAX / 4 / w.W)
		abort();	/* not a table any content file can give */
	n = (nrows + 1) * w.W;
	w.truth = xcalloc(n, sizeof(*w.truth));
	t->fig = w.fig = xcalloc(n, sizeof(*w.fig));

	/* True values; margins summed (missing cells count 0). */
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++) {
			long long v = counts[i * ncols + j];

			e = i * w.W + j;
			if (v < 0) {
				w.fig[e].state = SDC_MISSING;
				continue;
			}
			if (v > SDC_MAX)
				v = SDC_MAX;
			w.truth[e] = v;
			w.truth[i * w.W + ncols] =
			    sat_add(w.truth[i * w.W + ncols], v);
			w.truth[nrows * w.W + j] =
			    sat_add(w.truth[nrows * w.W + j], v);
			w.truth[nrows * w.W + ncols] =
			    sat_add(w.truth[nrows * w.W + ncols], v);
		}

	/* Rules 1 and 2, entry by entry. */
	for (e = 0; e < n; e++)
		if (w.fig[e].state != SDC_MISSING)
			w.fig[e] = sdc_figure(w.truth[e], rules);

	/* Rules 3 and 4 until stable. */
	if (!rules->exact && rules->min_count > 1) {
		V = (nrows + 1) + w.W;
		w.adj_start = xcalloc(V + 1, sizeof(size_t));
		w.adj = xcalloc(2 * n, sizeof(size_t));
		w.disc = xcalloc(V, sizeof(size_t));
		w.low = xcalloc(V + 1, sizeof(size_t));
		w.stack_v = xcalloc(V, sizeof(size_t));
		w.stack_e = xcalloc(V, sizeof(size_t));
		w.stack_i = xcalloc(V, sizeof(size_t));
		for (;;) {
			size_t b;

			if (line_pass(&w) > 0)
				continue;
			if ((b = first_bridge(&w)) == SIZE_MAX)
				break;
			close_bridge(&w, b);
		}
		free(w.adj_start);
		free(w.adj);
		free(w.disc);
		free(w.low);
		free(w.stack_v);
		free(w.stack_e);
		free(w.stack_i);
	}
	for (e = 0; e < n; e++) {
		if (w.fig[e].state == SDC_SMALL)
			t->nsmall++;
		else if (w.fig[e].state == SDC_WITHHELD)
			t->nwithheld++;
	}
	free(w.truth);
}

void
sdc_table_free(struct sdc_table *t)
{
	free(t->fig);
	memset(t, 0, sizeof(*t));
}

/* ------------------------------------------------------------------ */
/* The guard */

void
sdc_guard_init(struct sdc_guard *g)
{
	memset(g, 0, sizeof(*g));
}

void
sdc_guard_free(struct sdc_guard *g)
{
	free(g->sec);
	free(g->ok);
	memset(g, 0, sizeof(*g));
}

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

static int
allowed(const struct sdc_guard *g, long long v)
{
	return g->nok > 0 &&
	    bsearch(&v, g->ok, g->nok, sizeof(*g->ok), cmp_ll) != NULL;
}

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

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

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
