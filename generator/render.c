/*
 * render.c - the render stage's driver: for each audience asked for, its
 * context (the "last updated" stamp, the navigation, the shared indexes:
 * who runs which system, which entries a recipient is the source of,
 * the categories in use), then every page and file of both sites as a
 * list of jobs that the render threads take in turn (render_work). It
 * is the only caller of the page families (render_<section>.c) and of
 * the exports written into the sites (ropa.csv, inventory.json); the
 * families build on the kit (render_kit.c, render_parts.c). render_impl.h
 * states the contract.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render_impl.h"
#include "complete.h"
#include "json.h"
#include "pool.h"
#include "ropa.h"
#include "write.h"

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

/* The header's navigation for rc's audience (in rc->scratch). */
static void
build_nav(struct rctx *rc)
{
	const struct model *m = rc->m;
	size_t	 i, n = 0;

	rc->nav = xcalloc(16 + m->npages, sizeof *rc->nav);
	rc->nav[n++] = (struct navitem){ "index", "index.html", "Overview", NULL };
	rc->nav[n++] = (struct navitem){ "label", "label.html",
	    "Privacy label", NULL };
	rc->nav[n++] = (struct navitem){ "recipients", "recipients.html",
	    "Who receives data", NULL };
	rc->nav[n++] = (struct navitem){ "rights", "rights.html",
	    "Your rights", NULL };
	rc->nav[n++] = (struct navitem){ "changes", "changes.html",
	    "Changes", NULL };
	if (rc->staff) {
		rc->nav[n++] = (struct navitem){ "systems",
		    "systems/index.html", "Systems", NULL };
		rc->nav[n++] = (struct navitem){ "ropa", "ropa.html",
		    "Record of processing", NULL };
		rc->nav[n++] = (struct navitem){ "committee",
		    "committee/index.html", "Committee", NULL };
		rc->nav[n++] = (struct navitem){ "checks", "checks.html",
		    "Checks", NULL };
	}
	n += report_nav(rc, rc->nav + n);	/* Reports; Access (staff) */
	for (i = 0; i < m->npages; i++) {
		const struct page *pg = m->pages[i];
		if (!page_visible(pg, rc->aud))
			continue;
		rc->nav[n].key = arena_printf(&rc->scratch,
		    "page:%s", pg->id);
		rc->nav[n].href = arena_printf(&rc->scratch,
		    "pages/%s.html", pg->id);
		rc->nav[n].label = pg->title;
		n++;
	}
	rc->nnav = n;
	for (i = 0; i < n; i++)
		rc->nav[i].up = arena_printf(&rc->scratch, "../%s",
		    rc->nav[i].href);
}

/*
 * An audience's indexes, shared read-only by the render threads:
 * recipient -> systems it runs and visible entries it is the source
 * of; the categories in use. What each category adds up to (rc->sums)
 * is left to the J_SUMS jobs.
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

/* Free what build_indexes, build_nav and the J_SUMS jobs made. */
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
 * First the J_SUMS jobs of each audience (its pages wait for them: the
 * overview, category pages and label read the sums), then the one-off
 * pages and files, the costliest first, then the per-entity pages in
 * small runs, so that the last jobs are short.
 */
enum rjob_kind {
	J_SUMS,		/* what categories [lo, hi) add up to */
	/* one-offs, by cost at N = 10,000 (ms of CPU) */
	J_ROPA,		/* ropa.html (staff): 390 */
	J_ROPA_CSV,	/* ropa.csv (staff): 230 */
	J_JSON,		/* inventory.json: 220 */
	J_RECIPIENTS,	/* recipients.html: 160 */
	J_GOV,		/* label, changes; committee, checks: 110 */
	J_SYSTEMS_INDEX, /* systems/index.html (staff): 20 */
	J_INDEX,	/* index.html: 15 */
	J_RIGHTS,
	J_REPORTS,	/* reports/, access/, the disclosure guard */
	J_STYLE,	/* style.css */
	/* items [lo, hi) of a model array */
	J_CATEGORIES,	/* of rc->cats: 0.1 to 25 each */
	J_PURPOSES,	/* 0.06 each */
	J_PAGES,
	J_SYSTEMS	/* (staff) 0.03 each */
};

#define RUN_PURPOSES	16	/* items per job */
#define RUN_SYSTEMS	32

/* One audience: its base context, read-only once its J_SUMS jobs are
 * done (the threads render with copies that add buffers of their own). */
struct rsite {
	struct rctx	 base;
	size_t		 pending;	/* J_SUMS jobs not finished */
};

struct rjob {
	struct rsite	*s;
	enum rjob_kind	 kind;
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
	int		 heavy;		/* a heavy() job is running */
	pthread_mutex_t	 mu;		/* jobs, next, err, heavy, pending */
	pthread_cond_t	 cv;		/* sums or a heavy job done */
};

/* Append a job to the list. */
static void
add_job(struct render_run *run, struct rsite *s, enum rjob_kind kind,
    size_t lo, size_t hi)
{
	if (run->njobs == run->cap) {
		run->cap = run->cap ? run->cap * 2 : 256;
		run->jobs = xrealloc(run->jobs, run->cap * sizeof *run->jobs);
	}
	run->jobs[run->njobs++] = (struct rjob){ s, kind, lo, hi, 0 };
}

/* Jobs [lo, n) of kind, per items items. */
static void
add_runs(struct render_run *run, struct rsite *s, enum rjob_kind kind,
    size_t n, size_t items)
{
	size_t	 i;

	for (i = 0; i < n; i += items)
		add_job(run, s, kind, i, i + items < n ? i + items : n);
}

/* The jobs of every audience, in the order described above. */
static void
plan(struct render_run *run)
{
	const struct model *m = run->site[0].base.m;
	enum rjob_kind k;
	size_t	 i, n;

	for (i = 0; i < run->nsites; i++) {
		struct rsite *s = &run->site[i];
		n = s->base.cats.n;
		add_runs(run, s, J_SUMS, n, 1);
		s->pending = n;
	}
	for (k = J_ROPA; k <= J_STYLE; k++)
		for (i = 0; i < run->nsites; i++) {
			struct rsite *s = &run->site[i];
			if (!s->base.staff && (k == J_ROPA ||
			    k == J_ROPA_CSV || k == J_SYSTEMS_INDEX))
				continue;
			add_job(run, s, k, 0, 0);
		}
	for (i = 0; i < run->nsites; i++)
		add_runs(run, &run->site[i], J_CATEGORIES,
		    run->site[i].base.cats.n, 1);
	for (i = 0; i < run->nsites; i++)
		add_runs(run, &run->site[i], J_PURPOSES, m->npurposes,
		    RUN_PURPOSES);
	for (i = 0; i < run->nsites; i++)
		add_runs(run, &run->site[i], J_PAGES, m->npages, 1);
	for (i = 0; i < run->nsites; i++)
		if (run->site[i].base.staff)
			add_runs(run, &run->site[i], J_SYSTEMS, m->nsystems,
			    RUN_SYSTEMS);
}

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

/* Do one job with rc, a render thread's copy of its audience's context. */
static void
run_job(struct rctx *rc, const struct rjob *j)
{
	const struct model *m = rc->m;
	struct wfile *f;
	struct sink s;
	size_t	 i;

	switch (j->kind) {
	case J_SUMS:
		for (i = j->lo; i < j->hi; i++)
			catsum_fill(rc, rc->cats.v[i], &rc->sums[i]);
		break;
	case J_ROPA:
		render_ropa(rc);
		break;
	case J_ROPA_CSV:
		f = emit_begin(rc, "ropa.csv", &s);
		csv_ropa_sink(m, &s);
		emit_end(rc, f, &s);
		break;
	case J_JSON:
		f = emit_begin(rc, "inventory.json", &s);
		json_inventory_sink(m, rc->aud, &s);
		emit_end(rc, f, &s);
		break;
	case J_RECIPIENTS:
		render_recipients(rc);
		break;
	case J_GOV: {
		const struct complete *cp;
		struct complete own;

		render_label(rc);
		render_changes(rc);
		if (rc->staff) {
			cp = gov_analysis(rc, &own);
			render_committee(rc, cp);
			render_decisions(rc);
			render_checks(rc, cp);
		}
		break;
	}
	case J_SYSTEMS_INDEX:
		render_systems(rc);
		break;
	case J_INDEX:
		render_index(rc);
		break;
	case J_RIGHTS:
		render_rights(rc);
		break;
	case J_REPORTS:
		render_reports(rc);
		break;
	case J_STYLE:
		emit_raw(rc, "style.css", render_th.css, render_th.css_len);
		break;
	case J_CATEGORIES:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			render_category(rc, i);
		break;
	case J_PURPOSES:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			if (purpose_visible(m->purposes[i], rc->aud))
				render_purpose(rc, m->purposes[i]);
		break;
	case J_PAGES:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			if (page_visible(m->pages[i], rc->aud))
				render_page(rc, m->pages[i]);
		break;
	case J_SYSTEMS:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			render_system(rc, m->systems[i]);
		break;
	}
}

/*
 * The files made whole in memory, and ropa.html, whose dictionary
 * alone is some 250 MB at N = 10,000: two at once would add up.
 */
static int
heavy(enum rjob_kind k)
{
	return k == J_ROPA || k == J_ROPA_CSV || k == J_JSON ||
	    k == J_RECIPIENTS;
}

/*
 * The next job, or NULL when none is left: the first not taken, but
 * while a heavy job runs the first light one (or, when only heavy ones
 * are left, wait). Once a job has failed the build will not be
 * committed: the rest are dropped, but for the sums, which pages taken
 * already may wait for, and the reports, whose guard names every leak
 * in one run. A page job waits for its audience's sums.
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
			if (run->err != 0 && x->kind != J_SUMS &&
			    x->kind != J_REPORTS)
				x->taken = 1;	/* dropped */
			else if (!run->heavy || !heavy(x->kind))
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
		if (heavy(j->kind))
			run->heavy = 1;
		if (j->kind != J_SUMS)
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
	if (heavy(j->kind)) {
		run->heavy = 0;
		pthread_cond_broadcast(&run->cv);
	}
	if (j->kind == J_SUMS && --j->s->pending == 0)
		pthread_cond_broadcast(&run->cv);
	pthread_mutex_unlock(&run->mu);
}

/* --- entry points ------------------------------------------------- */

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
