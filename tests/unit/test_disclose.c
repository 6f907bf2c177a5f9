/*
 * test_disclose.c - the disclosure rules (disclose.h), one test per
 * rule with hand-checked tables, the subtraction attack as an attacker
 * would run it, and a property test over thousands of random tables
 * checked against an independent oracle: exact linear algebra over the
 * published table (no suppressed figure may lie in the row space of
 * the line equations), not the bridge search the module uses. Then the
 * guard's scanner: what it must find and what it must let pass.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disclose.h"

static const struct sdc_rules STD = { 10, 5, 0 };

#define S	SDC_SMALL
#define W	SDC_WITHHELD
#define P	SDC_SHOWN
#define M	SDC_MISSING

/* ------------------------------------------------------------------ */
/* Helpers */

static char *
text(const struct sdc_fig *f, const struct sdc_rules *r, int flags)
{
	struct buf b = BUF_INIT;

	sdc_text(&b, f, r, flags);
	return buf_detach(&b, NULL);
}

#define assert_text(f, r, flags, want) do {			\
	char *t_ = text((f), (r), (flags));			\
	assert_string_equal(t_, (want));			\
	free(t_);						\
} while (0)

/* The entries of line l of the (R+1) x (C+1) table: rows first. */
static size_t
line_entries(const struct sdc_table *t, size_t l, size_t *e)
{
	size_t W_ = t->ncols + 1, k, n;

	if (l <= t->nrows) {
		for (k = 0, n = t->ncols + 1; k < n; k++)
			e[k] = l * W_ + k;
	} else {
		for (k = 0, n = t->nrows + 1; k < n; k++)
			e[k] = k * W_ + (l - t->nrows - 1);
	}
	return n;
}

static int
suppressed(const struct sdc_fig *f)
{
	return f->state == SDC_SMALL || f->state == SDC_WITHHELD;
}

/* True value of every entry, margins summed. */
static long long *
truths(const long long *c, size_t R, size_t C)
{
	long long *t = calloc((R + 1) * (C + 1), sizeof(*t));
	size_t i, j;

	for (i = 0; i < R; i++)
		for (j = 0; j < C; j++) {
			long long v = c[i * C + j] < 0 ? 0 : c[i * C + j];
			t[i * (C + 1) + j] = v;
			t[i * (C + 1) + C] += v;
			t[R * (C + 1) + j] += v;
			t[R * (C + 1) + C] += v;
		}
	return t;
}

/*
 * The oracle. Unknowns: the suppressed entries. Equations: each line's
 * cells minus its total is zero. An unknown k is determined by the
 * published entries iff the unit vector e_k lies in the row space of
 * the equations restricted to the unknowns, i.e. adding e_k as a row
 * does not raise the rank. The matrix is totally unimodular (a signed
 * bipartite incidence matrix), so integer elimination with +-1 pivots
 * is exact; the helper asserts that.
 */
static size_t
rank_of(long long *a, size_t rows, size_t cols)
{
	size_t r = 0, c, i, k;

	for (c = 0; c < cols && r < rows; c++) {
		size_t piv = SIZE_MAX;
		for (i = r; i < rows; i++)
			if (a[i * cols + c] != 0) {
				piv = i;
				break;
			}
		if (piv == SIZE_MAX)
			continue;
		for (k = 0; k < cols; k++) {
			long long x = a[r * cols + k];
			a[r * cols + k] = a[piv * cols + k];
			a[piv * cols + k] = x;
		}
		assert_true(a[r * cols + c] == 1 || a[r * cols + c] == -1);
		for (i = 0; i < rows; i++) {
			long long f;
			if (i == r || a[i * cols + c] == 0)
				continue;
			f = a[i * cols + c] * a[r * cols + c];	/* pivot is +-1 */
			for (k = 0; k < cols; k++)
				a[i * cols + k] -= f * a[r * cols + k];
		}
		r++;
	}
	return r;
}

/* Is some suppressed entry determined? Returns its index or -1. */
static long
determined(const struct sdc_table *t)
{
	size_t R = t->nrows, C = t->ncols, W_ = C + 1, n = (R + 1) * W_;
	size_t nl = (R + 1) + (C + 1), *col = calloc(n, sizeof(size_t));
	size_t nu = 0, l, k, e[512], ne, base;
	long long *a, *b;
	long found = -1;

	for (k = 0; k < n; k++)
		col[k] = suppressed(&t->fig[k]) ? nu++ : SIZE_MAX;
	if (nu == 0) {
		free(col);
		return -1;
	}
	a = calloc((nl + 1) * nu, sizeof(*a));
	for (l = 0; l < nl; l++) {
		ne = line_entries(t, l, e);
		for (k = 0; k < ne; k++)
			if (col[e[k]] != SIZE_MAX)
				a[l * nu + col[e[k]]] = k + 1 == ne ? -1 : 1;
	}
	b = calloc((nl + 1) * nu, sizeof(*b));
	memcpy(b, a, nl * nu * sizeof(*a));
	base = rank_of(b, nl, nu);
	for (k = 0; k < n && found < 0; k++) {
		if (col[k] == SIZE_MAX)
			continue;
		memcpy(b, a, nl * nu * sizeof(*a));
		memset(b + nl * nu, 0, nu * sizeof(*b));
		b[nl * nu + col[k]] = 1;
		if (rank_of(b, nl + 1, nu) == base)
			found = (long)k;
	}
	free(a);
	free(b);
	free(col);
	return found;
}

/*
 * The subtraction attack as a reader would run it: for every line
 * whose total is published, total minus the published cells leaves
 * the sum of the suppressed ones. It recovers a figure when exactly
 * one is suppressed. Also with the total hidden but all cells shown.
 * Returns the number of figures recovered.
 */
static int
subtraction_attack(const struct sdc_table *t)
{
	size_t nl = (t->nrows + 1) + (t->ncols + 1), l, k, e[512], ne;
	int recovered = 0;

	for (l = 0; l < nl; l++) {
		size_t hidden = 0;

		ne = line_entries(t, l, e);
		for (k = 0; k < ne; k++)
			if (suppressed(&t->fig[e[k]]))
				hidden++;
		if (hidden == 1)
			recovered++;
	}
	return recovered;
}

/* Every property the rules promise, for one table. */
static void
check_table(const long long *c, size_t R, size_t C, const struct sdc_rules *r,
    const struct sdc_table *t)
{
	size_t W_ = C + 1, n = (R + 1) * W_, k;
	long long *tv = truths(c, R, C);
	size_t nsmall = 0, nwith = 0;

	for (k = 0; k < n; k++) {
		const struct sdc_fig *f = &t->fig[k];
		size_t i = k / W_, j = k % W_;
		long long v = tv[k];
		int cell = i < R && j < C;

		if (cell && c[i * C + j] < 0) {
			assert_int_equal(f->state, SDC_MISSING);
			continue;
		}
		assert_int_not_equal(f->state, SDC_MISSING);
		if (v >= 1 && v < r->min_count) {
			/* rule 1: small counts, cells and totals alike */
			assert_int_equal(f->state, SDC_SMALL);
			nsmall++;
		} else if (f->state == SDC_WITHHELD) {
			/* only non-zero published counts are withheld */
			assert_true(v >= r->min_count);
			nwith++;
		} else {
			assert_int_equal(f->state, SDC_SHOWN);
			/* rule 2: rounded from the true count; 0 stays 0 */
			if (v == 0)
				assert_true(f->value == 0);
			else {
				assert_true(f->value == sdc_round(v, r));
				assert_true(f->value % (r->round_to > 1 ?
				    r->round_to : 1) == 0);
				assert_true(f->value >= r->min_count);
				assert_true(f->value - v <= r->round_to / 2 ||
				    f->value - r->round_to < r->min_count);
			}
		}
	}
	assert_int_equal(t->nsmall, nsmall);
	assert_int_equal(t->nwithheld, nwith);
	if (nsmall == 0)
		assert_int_equal(nwith, 0);	/* nothing to protect */
	/* rule 3: no line with exactly one suppressed figure */
	assert_int_equal(subtraction_attack(t), 0);
	/* rule 4 (and the point of it all): nothing recoverable */
	assert_int_equal(determined(t), -1);
	free(tv);
}

static void
make_and_check(const long long *c, size_t R, size_t C,
    const struct sdc_rules *r, struct sdc_table *t)
{
	sdc_table_make(t, c, R, C, r);
	check_table(c, R, C, r, t);
}

/* Compare a table's states (row-major, margins included). */
static void
assert_states(const struct sdc_table *t, const int *want)
{
	size_t n = (t->nrows + 1) * (t->ncols + 1), k;

	for (k = 0; k < n; k++) {
		if ((int)t->fig[k].state != want[k])
			fail_msg("entry %zu (row %zu, col %zu): state %d, "
			    "want %d", k, k / (t->ncols + 1),
			    k % (t->ncols + 1), (int)t->fig[k].state, want[k]);
	}
}

/* ------------------------------------------------------------------ */
/* Rule 2: rounding, and rule 1 on single figures */

static void
test_round(void **state)
{
	const struct sdc_rules ten = { 10, 10, 0 }, one = { 10, 1, 0 };
	const struct sdc_rules big = { 10, 25, 0 }, ex = { 10, 5, 1 };

	(void)state;
	assert_true(sdc_round(10, &STD) == 10);
	assert_true(sdc_round(12, &STD) == 10);
	assert_true(sdc_round(13, &STD) == 15);
	assert_true(sdc_round(17, &STD) == 15);
	assert_true(sdc_round(18, &STD) == 20);
	assert_true(sdc_round(18840, &STD) == 18840);
	assert_true(sdc_round(18842, &STD) == 18840);
	assert_true(sdc_round(18843, &STD) == 18845);
	/* ties (even round_to) go up */
	assert_true(sdc_round(15, &ten) == 20);
	assert_true(sdc_round(25, &ten) == 30);
	assert_true(sdc_round(14, &ten) == 10);
	/* round_to 1 = exact */
	assert_true(sdc_round(13, &one) == 13);
	/* never below min_count: 12 to the nearest 25 would be 0 */
	assert_true(sdc_round(12, &big) == 25);
	assert_true(sdc_round(37, &big) == 25);
	assert_true(sdc_round(38, &big) == 50);
	assert_true(sdc_round(13, &ex) == 13);
	/* the largest count a file may hold */
	assert_true(sdc_round(9007199254740992LL, &STD) == 9007199254740990LL);
}

static void
test_figure(void **state)
{
	const struct sdc_rules ex = { 10, 5, 1 }, none = { 1, 1, 0 };
	struct sdc_fig f;
	long long v;

	(void)state;
	f = sdc_figure(0, &STD);
	assert_int_equal(f.state, SDC_SHOWN);
	assert_true(f.value == 0);
	for (v = 1; v <= 9; v++) {
		f = sdc_figure(v, &STD);
		assert_int_equal(f.state, SDC_SMALL);
		assert_true(f.value == 0);	/* the number is not carried */
	}
	f = sdc_figure(10, &STD);
	assert_int_equal(f.state, SDC_SHOWN);
	assert_true(f.value == 10);
	f = sdc_figure(12, &STD);
	assert_true(f.value == 10);
	f = sdc_figure(SDC_NONE, &STD);
	assert_int_equal(f.state, SDC_MISSING);
	f = sdc_figure(7, &ex);
	assert_int_equal(f.state, SDC_SHOWN);
	assert_true(f.value == 7);
	f = sdc_figure(1, &none);
	assert_int_equal(f.state, SDC_SHOWN);
	assert_true(f.value == 1);
}

static void
test_text(void **state)
{
	const struct sdc_rules r1000 = { 1000, 5, 0 };
	struct sdc_fig f;
	struct buf b = BUF_INIT;

	(void)state;
	f = sdc_figure(1234567, &STD);
	assert_text(&f, &STD, SDC_GROUPED, "1,234,565");
	assert_text(&f, &STD, 0, "1234565");
	f = sdc_figure(3, &STD);
	assert_text(&f, &STD, SDC_GROUPED, "fewer than 10");
	assert_text(&f, &STD, SDC_CSV, "fewer than 10");
	assert_text(&f, &r1000, SDC_GROUPED, "fewer than 1,000");
	f.state = SDC_WITHHELD;
	assert_text(&f, &STD, 0, "withheld");
	f.state = SDC_MISSING;
	assert_text(&f, &STD, SDC_GROUPED, "not counted");
	assert_text(&f, &STD, SDC_CSV, "");
	f = sdc_figure(0, &STD);
	assert_text(&f, &STD, SDC_GROUPED, "0");
	sdc_num(&b, 999, SDC_GROUPED);
	buf_putc(&b, ' ');
	sdc_num(&b, 1000, SDC_GROUPED);
	buf_putc(&b, ' ');
	sdc_num(&b, -1234, SDC_GROUPED);
	buf_putc(&b, ' ');
	sdc_num(&b, 9007199254740992LL, SDC_GROUPED);
	assert_string_equal(b.ptr, "999 1,000 -1,234 9,007,199,254,740,992");
	buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* Tables: rules 1-4 on hand-checked examples */

/* Rule 1 and 2 on cells and totals; totals from true counts. */
static void
test_totals_from_true_counts(void **state)
{
	/* 12 + 12 = 24: cells 10 and 10, total 25 (not 20) */
	const long long c[] = { 12, 12, 0, 13, 13, 0 };
	struct sdc_table t;

	(void)state;
	make_and_check(c, 2, 3, &STD, &t);
	assert_true(sdc_at(&t, 0, 0)->value == 10);
	assert_true(sdc_at(&t, 0, 1)->value == 10);
	assert_true(sdc_at(&t, 0, 2)->value == 0);
	assert_true(sdc_at(&t, 0, 3)->value == 25);	/* 24 */
	assert_true(sdc_at(&t, 1, 3)->value == 25);	/* 26 */
	assert_true(sdc_at(&t, 2, 0)->value == 25);	/* 25 */
	assert_true(sdc_at(&t, 2, 2)->value == 0);
	assert_true(sdc_at(&t, 2, 3)->value == 50);	/* 50 */
	assert_int_equal(t.nsmall + t.nwithheld, 0);
	sdc_table_free(&t);
}

/* A total of 1..N-1 is suppressed like a cell. */
static void
test_small_totals(void **state)
{
	/* two periods, two groups, everything small: 2 3 / 1 0 */
	const long long c[] = { 2, 3, 1, 0 };
	const int want[] = {
		S, S, S,
		S, P, S,
		S, S, S
	};
	struct sdc_table t;

	(void)state;
	make_and_check(c, 2, 2, &STD, &t);
	assert_states(&t, want);
	assert_true(sdc_at(&t, 1, 1)->value == 0);
	sdc_table_free(&t);
}

/* Rule 3: the smallest other non-zero cell of the line, not a zero. */
static void
test_secondary_smallest_nonzero(void **state)
{
	/* one period: 3, 0, 40, 12, 100; total 155 */
	const long long c[] = { 3, 0, 40, 12, 100 };
	const int want[] = {
		S, P, P, W, P, P,
		S, P, P, W, P, P
	};
	struct sdc_table t;

	(void)state;
	make_and_check(c, 1, 5, &STD, &t);
	assert_states(&t, want);
	assert_true(sdc_at(&t, 0, 5)->value == 155);
	assert_true(sdc_at(&t, 0, 1)->value == 0);
	sdc_table_free(&t);
}

/* Rule 3 repeated until stable: each new withheld cell can leave its
 * column with one suppressed figure, and so on. */
static void
test_secondary_cascade(void **state)
{
	const long long c[] = {
		3, 50, 60,
		40, 45, 70
	};
	const int want[] = {
		S, W, P, P,
		W, W, P, P,
		P, P, P, P
	};
	struct sdc_table t;

	(void)state;
	make_and_check(c, 2, 3, &STD, &t);
	assert_states(&t, want);
	assert_int_equal(t.nsmall, 1);
	assert_int_equal(t.nwithheld, 3);
	sdc_table_free(&t);
}

/*
 * Rule 3 is the contract's and runs before rule 4: it takes the
 * smallest other cell of the line (15 in row 0), even where one
 * rectangle would have hidden less (16 with the small 1 of row 1).
 */
static void
test_secondary_contract_first(void **state)
{
	const long long c[] = {
		3, 15, 16,
		500, 600, 1
	};
	const int want[] = {
		S, W, W, P,
		W, W, S, P,
		P, P, P, P
	};
	struct sdc_table t;

	(void)state;
	make_and_check(c, 2, 3, &STD, &t);
	assert_states(&t, want);
	assert_true(sdc_at(&t, 0, 3)->value == 35);
	assert_true(sdc_at(&t, 1, 3)->value == 1100);
	sdc_table_free(&t);
}

/* A line's total is withheld only when no cell of the line qualifies:
 * the second group's column is 0, 15, 0 (total 15); its 15 is withheld
 * for row 1's small 4, and then the column has one suppressed cell and
 * no other non-zero cell, so its total goes too. */
static void
test_secondary_total_when_no_cell(void **state)
{
	const long long c[] = {
		50, 0, 60,
		4, 15, 70,
		30, 0, 20
	};
	struct sdc_table t;

	(void)state;
	make_and_check(c, 3, 3, &STD, &t);
	assert_int_equal(sdc_at(&t, 1, 0)->state, SDC_SMALL);
	assert_int_equal(sdc_at(&t, 1, 1)->state, SDC_WITHHELD);
	assert_int_equal(sdc_at(&t, 3, 1)->state, SDC_WITHHELD);
	/* zeros stay published */
	assert_int_equal(sdc_at(&t, 0, 1)->state, SDC_SHOWN);
	assert_int_equal(sdc_at(&t, 2, 1)->state, SDC_SHOWN);
	sdc_table_free(&t);
}

/*
 * Rule 4: two suppressed rectangles joined by one small cell. Every
 * line has 0 or >= 2 suppressed figures, so rule 3 alone does nothing,
 * yet rows 0+1 minus columns 0+1 isolate cell (0,2) exactly.
 */
static void
test_bridge_between_lines(void **state)
{
	const long long c[] = {
		3, 4, 5, 100,
		6, 7, 100, 100,
		100, 100, 2, 3,
		100, 100, 4, 5
	};
	struct sdc_table t;
	const struct sdc_rules exact_rounding = { 10, 1, 0 };
	struct sdc_fig keep[25];
	long long *tv;
	size_t k;

	(void)state;
	/* The flaw first: with rule 3 only, (0,2) would be recoverable.
	 * Build that table by hand from the primary figures. */
	tv = truths(c, 4, 4);
	t.nrows = 4;
	t.ncols = 4;
	t.fig = keep;
	for (k = 0; k < 25; k++)
		keep[k] = sdc_figure(tv[k], &exact_rounding);
	free(tv);
	assert_int_equal(subtraction_attack(&t), 0);
	assert_int_equal(determined(&t), 2);	/* entry (0,2) */

	/* The module closes it. */
	make_and_check(c, 4, 4, &exact_rounding, &t);
	assert_true(t.nwithheld > 0);
	sdc_table_free(&t);
	make_and_check(c, 4, 4, &STD, &t);
	sdc_table_free(&t);
}

/* Missing cells are known zeros: never withheld, not suppressed. */
static void
test_missing(void **state)
{
	const long long c[] = {
		SDC_NONE, 40, 3,
		25, SDC_NONE, 50
	};
	struct sdc_table t;

	(void)state;
	make_and_check(c, 2, 3, &STD, &t);
	assert_int_equal(sdc_at(&t, 0, 0)->state, SDC_MISSING);
	assert_int_equal(sdc_at(&t, 1, 1)->state, SDC_MISSING);
	assert_int_equal(sdc_at(&t, 0, 2)->state, SDC_SMALL);
	sdc_table_free(&t);
}

/* Staff: exact figures, no suppression. */
static void
test_exact(void **state)
{
	const struct sdc_rules ex = { 10, 5, 1 };
	const long long c[] = { 3, 12, SDC_NONE, 7 };
	struct sdc_table t;

	(void)state;
	sdc_table_make(&t, c, 2, 2, &ex);
	assert_true(sdc_at(&t, 0, 0)->value == 3);
	assert_true(sdc_at(&t, 0, 1)->value == 12);
	assert_int_equal(sdc_at(&t, 1, 0)->state, SDC_MISSING);
	assert_true(sdc_at(&t, 0, 2)->value == 15);
	assert_true(sdc_at(&t, 2, 2)->value == 22);
	assert_int_equal(t.nsmall + t.nwithheld, 0);
	sdc_table_free(&t);
}

/* Empty and degenerate tables. */
static void
test_degenerate(void **state)
{
	const long long one[] = { 4 }, zero[] = { 0 }, big[] = { 12 };
	struct sdc_table t;

	(void)state;
	sdc_table_make(&t, NULL, 0, 0, &STD);
	assert_int_equal(sdc_at(&t, 0, 0)->state, SDC_SHOWN);
	assert_true(sdc_at(&t, 0, 0)->value == 0);
	sdc_table_free(&t);
	make_and_check(one, 1, 1, &STD, &t);
	assert_int_equal(t.nsmall, 4);	/* cell, both totals, grand */
	sdc_table_free(&t);
	make_and_check(zero, 1, 1, &STD, &t);
	assert_int_equal(t.nsmall, 0);
	sdc_table_free(&t);
	make_and_check(big, 1, 1, &STD, &t);
	assert_true(sdc_at(&t, 1, 1)->value == 10);
	sdc_table_free(&t);
}

/* Totals saturate instead of overflowing. */
static void
test_huge(void **state)
{
	const long long c[] = { 9007199254740992LL, 9007199254740992LL, 3 };
	struct sdc_table t;

	(void)state;
	make_and_check(c, 1, 3, &STD, &t);
	assert_true(sdc_at(&t, 0, 3)->value == sdc_round(
	    2 * 9007199254740992LL + 3, &STD));
	sdc_table_free(&t);
}

/*
 * The subtraction attack, spelled out on the example content's public
 * series (rights requests per quarter): for every line with a published
 * total, total - published cells never leaves a single unknown; and
 * the oracle finds no suppressed figure computable at all.
 */
static void
test_subtraction_attack(void **state)
{
	const long long c[] = {
		14, 22, 3, 6, 1,
		17, 19, 4, 2, 0,
		12, 25, 2, 8, 0,
		21, 31, 5, 3, 2,
		26, 28, 7, 4, 1,
		19, 34, 3, 11, 0,
		23, 29, 6, 5, 1
	};
	const struct sdc_rules exact_rounding = { 10, 1, 0 };
	struct sdc_table t;
	size_t nl, l, k, e[64], ne;

	(void)state;
	make_and_check(c, 7, 5, &exact_rounding, &t);
	/* the attacker's arithmetic, line by line */
	nl = (t.nrows + 1) + (t.ncols + 1);
	for (l = 0; l < nl; l++) {
		size_t hidden = 0;
		ne = line_entries(&t, l, e);
		for (k = 0; k < ne; k++)
			hidden += suppressed(&t.fig[e[k]]);
		assert_true(hidden == 0 || hidden >= 2);
	}
	sdc_table_free(&t);
	make_and_check(c, 7, 5, &STD, &t);
	sdc_table_free(&t);
}

/* ------------------------------------------------------------------ */
/* Property test: random tables, every rule and the oracle */

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;
static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
test_property_random(void **state)
{
	const struct sdc_rules rules[] = {
		{ 10, 5, 0 }, { 10, 1, 0 }, { 3, 10, 0 }, { 5, 25, 0 },
		{ 20, 2, 0 }, { 2, 1, 0 }
	};
	long long c[64];
	struct sdc_table t, t2;
	int iter, nsup = 0, nwith = 0;

	(void)state;
	for (iter = 0; iter < 6000; iter++) {
		size_t R = 1 + rnd(7), C = 1 + rnd(7), k;
		const struct sdc_rules *r = &rules[iter % 6];
		unsigned mix = rnd(4);

		for (k = 0; k < R * C; k++) {
			unsigned p = rnd(100);
			if (p < 8 + mix * 4)
				c[k] = 0;
			else if (p < 10 + mix * 5)
				c[k] = SDC_NONE;
			else if (p < 25 + mix * 15)
				c[k] = 1 + rnd(25);		/* small-ish */
			else
				c[k] = rnd(400);
		}
		make_and_check(c, R, C, r, &t);
		/* deterministic: same input, same table */
		sdc_table_make(&t2, c, R, C, r);
		assert_memory_equal(t.fig, t2.fig,
		    (R + 1) * (C + 1) * sizeof(*t.fig));
		nsup += (int)t.nsmall;
		nwith += (int)t.nwithheld;
		sdc_table_free(&t);
		sdc_table_free(&t2);
	}
	/* the generator did exercise suppression */
	print_message("%d small, %d withheld\n", nsup, nwith);
	assert_true(nsup > 8000);
	assert_true(nwith > 8000);
}

/* ------------------------------------------------------------------ */
/* The guard */

static struct sdc_guard G;

static void
guard_setup(void)
{
	struct sdc_fig f;

	sdc_guard_init(&G);
	f = sdc_figure(7, &STD);
	sdc_guard_fig(&G, 7, &f, "seven");
	f = sdc_figure(12, &STD);		/* published 10 */
	sdc_guard_fig(&G, 12, &f, "twelve");
	f = sdc_figure(15, &STD);		/* exact: not a secret */
	assert_int_equal(sdc_guard_fig(&G, 15, &f, "fifteen"), 0);
	f.state = SDC_WITHHELD;
	f.value = 0;
	sdc_guard_fig(&G, 2025, &f, "a withheld 2025");
	sdc_guard_fig(&G, 1234, &f, "a withheld 1234");
	sdc_guard_fig(&G, 40, &f, "a withheld 40");
	f = sdc_figure(40, &STD);		/* 40 is also published */
	sdc_guard_fig(&G, 40, &f, "forty");
	sdc_guard_allow(&G, 2025);		/* a period's year */
	sdc_guard_seal(&G);
}

static const char *
scan_mode(const char *s, enum sdc_scan_mode mode)
{
	struct sdc_hit h;

	if (!sdc_scan(&G, s, strlen(s), mode, &h))
		return NULL;
	return h.secret->what;
}

/* 0: text (JSON), 1: CSV */
static const char *
scan(const char *s, int csv)
{
	return scan_mode(s, csv ? SDC_SCAN_CSV : SDC_SCAN_TEXT);
}

static void
test_scan_finds(void **state)
{
	struct sdc_hit h;
	const char *page = "<p>a</p>\n<td data-exact=\"7\">fewer than 10</td>";

	(void)state;
	guard_setup();
	assert_string_equal(scan("7", 0), "seven");
	assert_string_equal(scan("<td>7</td>", 0), "seven");
	assert_string_equal(scan("x 12 y", 0), "twelve");
	assert_string_equal(scan("&#55;", 0), "seven");		/* entity */
	assert_string_equal(scan("&#x37; records", 0), "seven");
	assert_string_equal(scan("&#49;&#50;", 0), "twelve");
	assert_string_equal(scan("1,234", 0), "a withheld 1234");
	assert_string_equal(scan("1234", 0), "a withheld 1234");
	assert_string_equal(scan("\"count\": 7,", 0), "seven");
	assert_string_equal(scan("2025-Q1,7,40\r\n", 1), "seven");
	assert_string_equal(scan("a,\"12\",b", 1), "twelve");
	assert_string_equal(scan("<!-- 7 -->", 0), "seven");
	assert_string_equal(scan("7.", 0), "seven");		/* full stop */
	assert_string_equal(scan("(7)", 0), "seven");
	assert_string_equal(scan("total:7", 0), "seven");
	assert_string_equal(scan("7\xc2\xa0records", 0), "seven");
	assert_int_equal(sdc_scan(&G, page, strlen(page), SDC_SCAN_HTML, &h), 1);
	assert_int_equal(h.line, 2);
	assert_int_equal(h.col, 17);
	assert_int_equal(h.off, 25);
	sdc_guard_free(&G);
}

static void
test_scan_passes(void **state)
{
	(void)state;
	guard_setup();
	assert_null(scan("fewer than 10", 0));
	assert_null(scan("40 and 10 and 15 and 0", 0));	/* published */
	assert_null(scan("2025", 0));			/* allowed */
	assert_null(scan("Q3 2026", 0));
	assert_null(scan("2026-07 and 2025-Q1", 0));
	assert_null(scan("<h2>x</h2>", 0));
	assert_null(scan("team-7 7th x7 7px", 0));
	assert_null(scan("x=\"12.5\" y=\"7.0\" points=\"1.0,7.0 2.0,12.0\"", 0));
	assert_null(scan("7 July 2026, 12 December 2026", 0));
	assert_null(scan("July 1234", 0));
	assert_null(scan("<time>12 Oct 2026</time> Sept 1234, 7 Sep", 0));
	assert_string_equal(scan("Mayor 1234", 0), "a withheld 1234");
	assert_string_equal(scan("7 Ma", 0), "seven");
	assert_null(scan("07 012", 0));
	assert_null(scan("10:12", 0));
	assert_null(scan("12,345", 0));		/* one number: 12345 */
	assert_null(scan("&#39;&#x27;", 0));
	assert_null(scan("1,2345", 0));
	/* CSV: no grouping, so "12,345" is 12 then 345 */
	assert_string_equal(scan("12,345", 1), "twelve");
	sdc_guard_free(&G);
}

/* HTML: attribute values are read, except layout ones. */
static void
test_scan_html(void **state)
{
	const char *frame =
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1, maximum-scale=7\">\n"
	    "<main id=\"main\" tabindex=\"-1\">\n"
	    "<td colspan=\"7\" rowspan='12' class=\"num\">fewer than 10</td>\n"
	    "<svg viewBox=\"0 0 7 12\"><rect x=7 y=\"12\" width=\"7\" "
	    "height=\"12\"/><text font-size=\"12\">Q3 2025</text></svg>\n"
	    "<ol start=\"7\"><li aria-level=\"7\">x</li></ol>";

	(void)state;
	guard_setup();
	assert_null(scan_mode(frame, SDC_SCAN_HTML));
	/* but the same numbers in text, or in any other attribute */
	assert_string_equal(scan_mode("<td data-exact=\"7\">x</td>",
	    SDC_SCAN_HTML), "seven");
	assert_string_equal(scan_mode("<td title='12'>x</td>", SDC_SCAN_HTML),
	    "twelve");
	assert_string_equal(scan_mode("<abbr title=\"fewer than 10 (7)\">",
	    SDC_SCAN_HTML), "seven");
	assert_string_equal(scan_mode("<meta name=\"description\" "
	    "data-n=\"7\">", SDC_SCAN_HTML), "seven");
	assert_string_equal(scan_mode("<td\ncolspan=\"2\" value=7>",
	    SDC_SCAN_HTML), "seven");
	assert_string_equal(scan_mode("<p>there were 7</p>", SDC_SCAN_HTML),
	    "seven");
	assert_string_equal(scan_mode("<!-- 7 -->", SDC_SCAN_HTML), "seven");
	assert_string_equal(scan_mode("<x-y width=\"3\">12</x-y>",
	    SDC_SCAN_HTML), "twelve");
	/* text mode reads layout attributes too (it knows no HTML) */
	assert_string_equal(scan_mode("tabindex=\"7\"", SDC_SCAN_TEXT),
	    "seven");
	/* a tag left open reads to the end without harm */
	assert_null(scan_mode("<td colspan=\"7", SDC_SCAN_HTML));
	sdc_guard_free(&G);
}

/* Allowed numbers win over forbidden ones; an empty guard finds
 * nothing. */
static void
test_guard_seal(void **state)
{
	struct sdc_guard g;
	struct sdc_hit h;

	(void)state;
	sdc_guard_init(&g);
	sdc_guard_seal(&g);
	assert_int_equal(sdc_scan(&g, "7", 1, SDC_SCAN_TEXT, &h), 0);
	/* forbidden numbers and nothing allowed */
	sdc_guard_forbid(&g, 7, "a");
	sdc_guard_seal(&g);
	assert_int_equal(sdc_scan(&g, "7", 1, SDC_SCAN_TEXT, &h), 1);
	sdc_guard_forbid(&g, 7, "b");
	sdc_guard_forbid(&g, 9, "c");
	sdc_guard_allow(&g, 9);
	sdc_guard_seal(&g);
	assert_int_equal(g.nsec, 1);
	assert_string_equal(g.sec[0].what, "a");
	sdc_guard_free(&g);

	/* text around the figures allows what a reader sees as numbers
	 * in it, and nothing else: "BS1 4RN" allows neither 1 nor 4 */
	sdc_guard_init(&g);
	sdc_guard_forbid(&g, 1, "one");
	sdc_guard_forbid(&g, 4, "four");
	sdc_guard_forbid(&g, 12, "twelve");
	sdc_guard_forbid(&g, 1250, "1250");
	sdc_guard_allow_text(&g, "12 Harbour Street, Bristol BS1 4RN; "
	    "1,250 members");
	sdc_guard_allow_text(&g, NULL);
	sdc_guard_seal(&g);
	assert_int_equal(g.nsec, 2);
	assert_string_equal(g.sec[0].what, "one");
	assert_string_equal(g.sec[1].what, "four");
	sdc_guard_free(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_figure),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_totals_from_true_counts),
		cmocka_unit_test(test_small_totals),
		cmocka_unit_test(test_secondary_smallest_nonzero),
		cmocka_unit_test(test_secondary_cascade),
		cmocka_unit_test(test_secondary_contract_first),
		cmocka_unit_test(test_secondary_total_when_no_cell),
		cmocka_unit_test(test_bridge_between_lines),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_subtraction_attack),
		cmocka_unit_test(test_property_random),
		cmocka_unit_test(test_scan_finds),
		cmocka_unit_test(test_scan_passes),
		cmocka_unit_test(test_scan_html),
		cmocka_unit_test(test_guard_seal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
