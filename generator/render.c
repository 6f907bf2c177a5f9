/*
 * render.c - the render stage's driver: for each audience asked for, its
 * context (the "last updated" stamp, the navigation, the shared indexes:
 * who runs which system, which entries a recipient is the source of,
 * the categories in use), then every page and file of both sites as a
 * list of jobs that the render threads take in turn (render_work).
 * Its table of families (struct family, render_impl.h) is the only
 * place that names the page families (render_<section>.c) and the
 * exports written into the sites (ropa.csv, inventory.json, style.css,
 * defined here); from it come the navigation, the templates to load
 * (render_init) and the jobs. The families build on the kit
 * (render_kit.c, render_parts.c). render_impl.h states the contract.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render_impl.h"
#include "json.h"
#include "pool.h"
#include "ropa.h"
#include "write.h"

/* --- the exports written into the sites ------------------------- */

/* The exports see the model only, never the page kit: the driver
 * writes them into the sites, as families of its own (below). */

/* A file that is not a page, streamed: begin with the sink s, fill
 * s (sink_check as it grows), end. Tens of MB never sit in memory. */
static struct wfile *
emit_begin(struct rctx *rc, const char *name, struct sink *s)
{
	struct wfile *f;

	buf_reset(&rc->path);
	buf_puts(&rc->path, rc->prefix);
	buf_puts(&rc->path, name);
	f = wr_begin(rc->w, rc->path.ptr);
	sink_init(s, wr_sink_put, f);
	return f;
}

/* Flush the sink and finish the file; a failure fails the job. */
static void
emit_end(struct rctx *rc, struct wfile *f, struct sink *s)
{
	(void)sink_flush(s);	/* a failure is wr_end's to say */
	if (wr_end(f) == -1)
		rc->err = -1;
	sink_free(s);
}

/* ropa.csv (staff): the Art. 30 record as CSV. */
static void
ropa_csv_once(struct rctx *rc)
{
	struct wfile *f;
	struct sink s;

	f = emit_begin(rc, "ropa.csv", &s);
	csv_ropa_sink(rc->m, &s);
	emit_end(rc, f, &s);
}

/* inventory.json: the audience's inventory. */
static void
json_once(struct rctx *rc)
{
	struct wfile *f;
	struct sink s;

	f = emit_begin(rc, "inventory.json", &s);
	json_inventory_sink(rc->m, rc->aud, &s);
	emit_end(rc, f, &s);
}

/* style.css: the theme's style sheet, as read. */
static void
style_once(struct rctx *rc)
{
	emit_raw(rc, "style.css", render_th.css, render_th.css_len);
}

static const struct family family_ropa_csv = {
	.name = "ropa.csv",
	.audiences = AUD_INTERNAL,
	.cost = 230000,
	.heavy = 1,
	.once = ropa_csv_once
};

static const struct family family_json = {
	.name = "inventory.json",
	.audiences = AUD_BOTH,
	.cost = 220000,
	.heavy = 1,
	.once = json_once
};

static const struct family family_style = {
	.name = "style.css",
	.audiences = AUD_BOTH,
	.once = style_once
};

/* --- the families ------------------------------------------------- */

/*
 * Every output of the sites, one line each, in the order of the
 * header's navigation (build_nav); a page family is declared here by
 * its line. The exports above follow them (no navigation entry).
 */
#define FAMILIES(F)							\
	F(index)		/* Overview */				\
	F(category)		/* data/<key>.html */			\
	F(label)		/* Privacy label */			\
	F(recipients)		/* Who receives data */			\
	F(rights)		/* Your rights */			\
	F(changes)		/* Changes */				\
	F(systems)		/* staff: Systems */			\
	F(system)		/* staff: systems/<id>.html */		\
	F(ropa)			/* staff: Record of processing */	\
	F(committee)		/* staff: Committee */			\
	F(decisions)		/* staff: committee/decisions.html */	\
	F(checks)		/* staff: Checks */			\
	F(reports)		/* Reports; staff: Access */		\
	F(purpose)		/* purposes/<id>.html */		\
	F(page)			/* the free pages */			\
	/* (one line each, ending in a backslash) */

#define FAMILY_DECLARE(x)	extern const struct family family_##x;
#define FAMILY_ENTRY(x)		&family_##x,
FAMILIES(FAMILY_DECLARE)

static const struct family *const families[] = {
	FAMILIES(FAMILY_ENTRY)
	&family_ropa_csv, &family_json, &family_style
};
#define NFAMILIES	(sizeof families / sizeof families[0])

/* --- an audience's context ---------------------------------------- */

/* "14 October 2026" from SOURCE_DATE_EPOCH, in UTC. */
static void
format_updated(struct rctx *rc)
{
	time_t	 t;
	struct tm tm;

	rc->updated[0] = rc->updated_iso[0] = '\0';
	if (rc->m->source_date_epoch < 0)
		return;
	t = (time_t)rc->m->source_date_epoch;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	snprintf(rc->updated, sizeof rc->updated, "%d %s %d", tm.tm_mday,
	    month_names[tm.tm_mon], tm.tm_year + 1900);
	snprintf(rc->updated_iso, sizeof rc->updated_iso, "%04d-%02d-%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Family f's header entries for rc's audience, written to out unless
 * it is NULL; how many. */
static size_t
nav_of(struct rctx *rc, const struct family *f, struct navitem *out)
{
	size_t	 n = 0;

	if (!(f->audiences & rc->aud))
		return 0;
	if (f->nav.key != NULL) {
		if (out != NULL)
			out[n] = f->nav;
		n++;
	}
	if (f->nav_fn != NULL)
		n += f->nav_fn(rc, out != NULL ? out + n : NULL);
	return n;
}

/* The header's navigation for rc's audience (in rc->scratch): every
 * family's entries, in table order. */
static void
build_nav(struct rctx *rc)
{
	size_t	 i, n = 0;

	for (i = 0; i < NFAMILIES; i++)
		n += nav_of(rc, families[i], NULL);
	rc->nav = xcalloc(n + 1, sizeof *rc->nav);
	for (n = i = 0; i < NFAMILIES; i++)
		n += nav_of(rc, families[i], rc->nav + n);
	rc->nnav = n;
	for (i = 0; i < n; i++)
		rc->nav[i].up = arena_printf(&rc->scratch, "../%s",
		    rc->nav[i].href);
}

/*
 * An audience's indexes, shared read-only by the render threads:
 * recipient -> systems it runs and visible entries it is the source
 * of; the categories in use. What each category adds up to (rc->sums)
 * is left to the sums jobs.
 */
static void
build_indexes(struct rctx *rc)
{
	const struct model *m = rc->m;
	size_t	 i, j;
	long	 ri;

	rc->vendor_of = xcalloc(m->nrecipients + 1, sizeof *rc->vendor_of);
	rc->source_of = xcalloc(m->nrecipients + 1, sizeof *rc->source_of);
	rc->from = xcalloc(m->nrecipients + 1, sizeof *rc->from);
	for (i = 0; i < m->nrecipients; i++) {
		hmap_put(&rc->ridx, m->recipients[i]->id,
		    (void *)(uintptr_t)(i + 1));
		rc->from[i] = arena_printf(&rc->scratch, "From %s",
		    m->recipients[i]->name);
	}
	for (i = 0; i < m->nsystems; i++) {
		const struct system *sy = m->systems[i];
		if (!system_visible(sy, rc->aud))
			continue;
		if (sy->vendor.to != NULL &&
		    (ri = recipient_index(rc, sy->vendor.to)) >= 0)
			pv_add(&rc->vendor_of[ri], sy);
		for (j = 0; j < sy->ndata; j++) {
			const struct data_entry *e = &sy->data[j];
			if (e->source != SRC_RECIPIENT || e->source_ref.to ==
			    NULL || !entry_visible(e, rc->aud))
				continue;
			if ((ri = recipient_index(rc, e->source_ref.to)) >= 0)
				pv_add(&rc->source_of[ri], e);
		}
	}
	for (i = 0; i < m->ncategories; i++)
		if (category_in_use(m, m->categories[i], rc->aud))
			pv_add(&rc->cats, m->categories[i]);
	rc->sums = xcalloc(rc->cats.n + 1, sizeof *rc->sums);
}

/* Free what build_indexes, build_nav and the sums jobs made. */
static void
free_indexes(struct rctx *rc)
{
	size_t	 i;

	for (i = 0; i < rc->m->nrecipients; i++) {
		pv_free(&rc->vendor_of[i]);
		pv_free(&rc->source_of[i]);
	}
	free(rc->vendor_of);
	free(rc->source_of);
	free(rc->from);
	arena_free(&rc->scratch);
	hmap_free(&rc->ridx);
	for (i = 0; i < rc->cats.n; i++)
		catsum_free(&rc->sums[i]);
	free(rc->sums);
	pv_free(&rc->cats);
	free(rc->nav);
}

/* --- jobs --------------------------------------------------------- */

/*
 * The render stage as a list of jobs that the render threads take in
 * list order, each the next one free (render_work): both cores stay
 * busy to the end, whatever the sizes of the two sites. A job writes
 * whole files, and a file's bytes do not depend on the thread that
 * makes it or on the order.
 *
 * First the sums jobs of each audience (its pages wait for them: the
 * overview, category pages and label read the sums), then the one-off
 * outputs of the families, the costliest first, then the per-item
 * pages in small runs, so that the last jobs are short (plan).
 */

/* One audience: its base context, read-only once its sums jobs are
 * done (the threads render with copies that add buffers of their own). */
struct rsite {
	struct rctx	 base;
	size_t		 pending;	/* sums jobs not finished */
};

/* A job: family f's output, or its items [lo, hi); with f NULL, what
 * the audience's categories [lo, hi) add up to (the sums). */
struct rjob {
	struct rsite	*s;
	const struct family *f;
	size_t		 lo, hi;
	int		 taken;
};

struct render_run {
	struct rsite	 site[2];
	size_t		 nsites;
	struct rjob	*jobs;
	size_t		 njobs, cap;
	size_t		 next;		/* jobs before it are all taken */
	int		 err;		/* a job failed */
	int		 heavy;		/* a heavy job is running */
	pthread_mutex_t	 mu;		/* jobs, next, err, heavy, pending */
	pthread_cond_t	 cv;		/* sums or a heavy job done */
};

/* Append a job to the list. */
static void
add_job(struct render_run *run, struct rsite *s, const struct family *f,
    size_t lo, size_t hi)
{
	if (run->njobs == run->cap) {
		run->cap = run->cap ? run->cap * 2 : 256;
		run->jobs = xrealloc(run->jobs, run->cap * sizeof *run->jobs);
	}
	run->jobs[run->njobs++] = (struct rjob){ s, f, lo, hi, 0 };
}

/* Jobs [lo, n) of f, per items items. */
static void
add_runs(struct render_run *run, struct rsite *s, const struct family *f,
    size_t n, size_t items)
{
	size_t	 i;

	for (i = 0; i < n; i += items)
		add_job(run, s, f, i, i + items < n ? i + items : n);
}

/* Does family a's job go before b's: one-offs first, then the
 * costliest (ties keep table order, as the sort is stable). */
static int
goes_before(const struct family *a, const struct family *b)
{
	if ((a->once != NULL) != (b->once != NULL))
		return a->once != NULL;
	return a->cost > b->cost;
}

/* The jobs of every audience, in the order described above: each
 * family's for every audience that has it, before the next family's. */
static void
plan(struct render_run *run)
{
	const struct family *order[NFAMILIES], *f;
	size_t	 i, j, k, n;

	for (i = 0; i < run->nsites; i++) {
		struct rsite *s = &run->site[i];
		n = s->base.cats.n;
		add_runs(run, s, NULL, n, 1);
		s->pending = n;
	}
	for (i = 0; i < NFAMILIES; i++) {	/* insertion sort: stable */
		f = families[i];
		for (j = i; j > 0 && goes_before(f, order[j - 1]); j--)
			order[j] = order[j - 1];
		order[j] = f;
	}
	for (k = 0; k < NFAMILIES; k++)
		for (i = 0; i < run->nsites; i++) {
			struct rsite *s = &run->site[i];
			f = order[k];
			if (!(f->audiences & s->base.aud))
				continue;
			if (f->once != NULL)
				add_job(run, s, f, 0, 0);
			else
				add_runs(run, s, f, f->count(&s->base), f->run);
		}
}

/* Do one job with rc, a render thread's copy of its audience's context. */
static void
run_job(struct rctx *rc, const struct rjob *j)
{
	size_t	 i;

	if (j->f == NULL)
		for (i = j->lo; i < j->hi; i++)
			catsum_fill(rc, rc->cats.v[i], &rc->sums[i]);
	else if (j->f->once != NULL)
		j->f->once(rc);
	else
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			j->f->item(rc, i);
}

/* Does j hold a whole file in memory (two at once would add up)? */
static int
heavy(const struct rjob *j)
{
	return j->f != NULL && j->f->heavy;
}

/*
 * The next job, or NULL when none is left: the first not taken, but
 * while a heavy job runs the first light one (or, when only heavy ones
 * are left, wait). Once a job has failed the build will not be
 * committed: the rest are dropped, but for the sums, which pages taken
 * already may wait for, and the families that finish after an error
 * (the reports, whose guard names every leak in one run). A page job
 * waits for its audience's sums.
 */
static struct rjob *
take(struct render_run *run)
{
	struct rjob *j = NULL;
	size_t	 i;

	pthread_mutex_lock(&run->mu);
	for (;;) {
		for (i = run->next; i < run->njobs && j == NULL; i++) {
			struct rjob *x = &run->jobs[i];
			if (x->taken)
				continue;
			if (run->err != 0 && x->f != NULL &&
			    !x->f->finish_after_error)
				x->taken = 1;	/* dropped */
			else if (!run->heavy || !heavy(x))
				j = x;
		}
		while (run->next < run->njobs && run->jobs[run->next].taken)
			run->next++;
		if (j != NULL || run->next == run->njobs)
			break;
		pthread_cond_wait(&run->cv, &run->mu);	/* only heavy left */
	}
	if (j != NULL) {
		j->taken = 1;
		if (heavy(j))
			run->heavy = 1;
		if (j->f != NULL)
			while (j->s->pending > 0)
				pthread_cond_wait(&run->cv, &run->mu);
	}
	pthread_mutex_unlock(&run->mu);
	return j;
}

/* Mark j finished: wake the threads waiting for sums or a heavy job. */
static void
done(struct render_run *run, const struct rjob *j, int err)
{
	pthread_mutex_lock(&run->mu);
	if (err != 0)
		run->err = -1;
	if (heavy(j)) {
		run->heavy = 0;
		pthread_cond_broadcast(&run->cv);
	}
	if (j->f == NULL && --j->s->pending == 0)
		pthread_cond_broadcast(&run->cv);
	pthread_mutex_unlock(&run->mu);
}

/* --- entry points ------------------------------------------------- */

/*
 * The order the families' templates are loaded in, and so the order of
 * the theme's error messages: these first, as before there were
 * families, then any other a family lists, in table order. Only the
 * order: a template no family lists is not loaded.
 */
static const char *const tpl_order[] = {
	"index.tpl", "category.tpl", "purpose.tpl", "recipients.tpl",
	"rights.tpl", "page.tpl", "systems.tpl", "system.tpl", "ropa.tpl",
	"committee.tpl", "decisions.tpl", "changes.tpl", "checks.tpl",
	"label.tpl", "reports.tpl", "report.tpl", "report_table.tpl",
	"access_index.tpl", "access.tpl"
};
#define NTPL_ORDER	(sizeof tpl_order / sizeof tpl_order[0])

/* How many templates the families list (with repeats), or with name
 * not NULL, how many times they list name. */
static size_t
templates_listed(const char *name)
{
	const char *const *t;
	size_t	 i, n = 0;

	for (i = 0; i < NFAMILIES; i++)
		for (t = families[i]->templates; t != NULL && *t != NULL; t++)
			n += name == NULL || strcmp(*t, name) == 0;
	return n;
}

/* Load the theme (render.h): the kit's templates and every family's. */
int
render_init(const struct render_opts *o)
{
	const char	**names;
	const char *const *t;
	size_t	 i, n = 0;
	int	 rc;

	names = xcalloc(NTPL_ORDER + templates_listed(NULL) + 1,
	    sizeof *names);
	for (i = 0; i < NTPL_ORDER; i++)
		if (templates_listed(tpl_order[i]) > 0)
			names[n++] = tpl_order[i];
	for (i = 0; i < NFAMILIES; i++)	/* theme_load skips a repeat */
		for (t = families[i]->templates; t != NULL && *t != NULL; t++)
			names[n++] = *t;
	rc = theme_load(o, names, n);
	free(names);
	return rc;
}

/* Build the audiences' indexes and plan their jobs (render.h). */
struct render_run *
render_begin(const struct model *m, unsigned audiences, struct writer *w)
{
	static const enum audience order[2] = { AUD_PUBLIC, AUD_INTERNAL };
	struct render_run *run;
	size_t	 i;

	if (!render_th.ready) {
		gh_fatal_msg("render_begin called before render_init");
		return NULL;
	}
	run = xcalloc(1, sizeof *run);
	for (i = 0; i < 2; i++) {
		struct rctx *rc = &run->site[run->nsites].base;

		if (!(audiences & order[i]))
			continue;
		run->nsites++;
		rc->m = m;
		rc->aud = order[i];
		rc->staff = order[i] == AUD_INTERNAL;
		rc->w = w;
		rc->prefix = rc->staff ? "internal/" : "public/";
		format_updated(rc);
		build_nav(rc);
		build_indexes(rc);
	}
	pthread_mutex_init(&run->mu, NULL);
	pthread_cond_init(&run->cv, NULL);
	if (run->nsites > 0)
		plan(run);
	return run;
}

/* Take and do jobs until none is left (one call per render thread). */
void
render_work(struct render_run *run)
{
	struct rctx	 rc[2];
	int		 ready[2] = { 0, 0 };
	const struct rjob *j;
	size_t		 k;

	while ((j = take(run)) != NULL) {
		k = (size_t)(j->s - run->site);
		if (!ready[k]) {
			/* the base's indexes; buffers, scratch of our own */
			rc[k] = j->s->base;
			memset(&rc[k].scratch, 0, sizeof rc[k].scratch);
			buf_init(&rc[k].out);
			buf_init(&rc[k].path);
			buf_init(&rc[k].tmp);
			ready[k] = 1;
		}
		rc[k].err = 0;
		run_job(&rc[k], j);
		done(run, j, rc[k].err);
	}
	for (k = 0; k < 2; k++)
		if (ready[k]) {
			buf_free(&rc[k].out);
			buf_free(&rc[k].path);
			buf_free(&rc[k].tmp);
			arena_free(&rc[k].scratch);
		}
}

/* Free the run once every render_work() has returned; -1 if a job failed. */
int
render_end(struct render_run *run)
{
	size_t	 i;
	int	 err;

	if (run == NULL)
		return -1;
	for (i = 0; i < run->nsites; i++)
		free_indexes(&run->site[i].base);
	pthread_mutex_destroy(&run->mu);
	pthread_cond_destroy(&run->cv);
	free(run->jobs);
	err = run->err;
	free(run);
	return err;
}

/* One audience on this thread alone (render.h). */
int
render_site(const struct model *m, enum audience aud, struct writer *w)
{
	struct render_run *run;

	if ((run = render_begin(m, aud, w)) == NULL)
		return -1;
	render_work(run);
	return render_end(run);
}
