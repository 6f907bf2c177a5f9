/*
 * pool.c - a bounded queue of finished pages, expanded by whichever
 * render thread is free (see pool.h).
 */
#include <pthread.h>
#include <stdlib.h>

#include "glasshouse.h"
#include "pool.h"
#include "tmpl.h"
#include "write.h"

#define POOL_QUEUE	8	/* pages waiting: bounds the memory */

struct job {
	struct writer	*w;
	const char	*tpl;
	char		*path;
	struct tmpl_dict *d;
};

static pthread_mutex_t	mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	cv = PTHREAD_COND_INITIALIZER;
static struct job	q[POOL_QUEUE];
static size_t		qhead, qlen;
static int		running, ending, failures;

/* Expand one page and write it; frees the dictionary. */
static int
expand(struct writer *w, const char *tpl, const char *path,
    struct tmpl_dict *d)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	int rc = 0;

	if (tmpl_expand_err(tpl, d, &out, &err) == -1) {
		gh_fatal_msg("%s: cannot expand the page templates: %s",
		    path, err.ptr);
		rc = -1;
	} else if (wr_file(w, path, out.ptr, out.len) == -1)
		rc = -1;
	tmpl_dict_free(d);
	buf_free(&out);
	buf_free(&err);
	return rc;
}

static void
run(struct job *j)
{
	int rc = expand(j->w, j->tpl, j->path, j->d);

	free(j->path);
	if (rc == -1) {
		pthread_mutex_lock(&mu);
		failures++;
		pthread_mutex_unlock(&mu);
	}
}

void
pool_begin(void)
{
	pthread_mutex_lock(&mu);
	running = 1;
	ending = 0;
	failures = 0;
	qhead = qlen = 0;
	pthread_mutex_unlock(&mu);
}

int
pool_page(struct writer *w, const char *tpl, const char *path,
    struct tmpl_dict *d)
{
	int queued = 0, failed;

	pthread_mutex_lock(&mu);
	if (running && qlen < POOL_QUEUE) {
		struct job *j = &q[(qhead + qlen++) % POOL_QUEUE];
		j->w = w;
		j->tpl = tpl;
		j->path = xstrdup(path);
		j->d = d;
		queued = 1;
		pthread_cond_signal(&cv);
	}
	failed = failures;
	pthread_mutex_unlock(&mu);
	/* no pool, or the helpers are behind: do it now */
	if (!queued && expand(w, tpl, path, d) == -1) {
		pthread_mutex_lock(&mu);
		failures++;
		pthread_mutex_unlock(&mu);
		failed = 1;
	}
	return failed ? -1 : 0;
}

/* Take the oldest queued page; with wait, sleep until there is one or
 * the pool ends. Returns 0 when there is nothing more to take. */
static int
take(struct job *j, int wait)
{
	pthread_mutex_lock(&mu);
	while (wait && qlen == 0 && !ending)
		pthread_cond_wait(&cv, &mu);
	if (qlen == 0) {
		pthread_mutex_unlock(&mu);
		return 0;
	}
	*j = q[qhead];
	qhead = (qhead + 1) % POOL_QUEUE;
	qlen--;
	pthread_mutex_unlock(&mu);
	return 1;
}

void
pool_help(void)
{
	struct job j;

	while (take(&j, 1))
		run(&j);
}

void
pool_end(void)
{
	struct job j;

	pthread_mutex_lock(&mu);
	ending = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	while (take(&j, 0))
		run(&j);
	pthread_mutex_lock(&mu);
	running = 0;
	pthread_mutex_unlock(&mu);
}

int
pool_failures(void)
{
	int n;

	pthread_mutex_lock(&mu);
	n = failures;
	pthread_mutex_unlock(&mu);
	return n;
}
