/*
 * disclose.c - statistical disclosure control, the rules of disclose.h:
 * a single figure (sdc_round, sdc_figure, sdc_num, sdc_text) and a
 * matrix of counts with its totals (sdc_table_make, sdc_table_free).
 * The guard that scans rendered bytes is disclose_scan.c.
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

/* --- Single figures --- */

/* Rule 2: round v >= N to R, halves up, never below N. */
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

/* Rules 1 and 2 on one count with no totals around it. */
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

/* Append v to b, grouped by threes with SDC_GROUPED. */
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

/* Append the text a reader sees for figure f. */
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

/* --- Tables --- */

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

/* a + b, saturated at SDC_MAX. */
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

/* Withhold entry e (rule 3 or 4). */
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

/* Apply rules 1 to 4 to the counts; see disclose.h. */
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

/* Free t's figures and clear it. */
void
sdc_table_free(struct sdc_table *t)
{
	free(t->fig);
	memset(t, 0, sizeof(*t));
}
