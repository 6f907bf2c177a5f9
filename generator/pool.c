/*
 * pool.c - the render threads (see pool.h).
 */
#include <pthread.h>
#include <stdlib.h>

#include "diag.h"
#include "pool.h"
#include "tmpl.h"
#include "write.h"

struct call {
	void	(*fn)(void *);
	void	 *arg;
};

static void *
start(void *p)
{
	struct call *c = p;

	c->fn(c->arg);
	return NULL;
}

int
pool_run(int n, void (*fn)(void *), void *arg)
{
	struct call c = { fn, arg };
	pthread_t t[POOL_THREADS];
	int	 i, started = 0;

	/* strace's fault injection (tests/e2e/faults.py) makes every
	 * pthread_create fail: then the caller does it all */
	for (i = 1; i < n && i < POOL_THREADS; i++) {
		if (pthread_create(&t[started], NULL, start, &c) != 0)
			break;
		started++;
	}
	fn(arg);
	for (i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	return started + 1;
}

/* The page goes to the writer in pieces as it expands (a big one never
 * sits whole in memory); one that fails to expand is given up whole.
 * One buffer for every page of a thread: pages of every size made and
 * freed one after the other would spread over the free memory of the
 * heap, each touching pages of its own. */
int
pool_page(struct writer *w, const char *tpl, const char *path,
    struct tmpl_dict *d, struct buf *buf)
{
	struct buf err = BUF_INIT;
	struct sink out;
	struct wfile *f;
	int	 rc = 0;

	f = wr_begin(w, path);
	sink_init(&out, wr_sink_put, f);
	out.b = *buf;
	buf_reset(&out.b);
	if (tmpl_expand_sink(tpl, d, &out, &err) == -1) {
		gh_fatal_msg("%s: cannot expand the page templates: %s",
		    path, err.ptr);
		wr_cancel(f);
		rc = -1;
	} else {
		(void)sink_flush(&out);	/* a failure is wr_end's to say */
		if (wr_end(f) == -1)
			rc = -1;
	}
	tmpl_dict_free(d);
	*buf = out.b;
	buf_free(&err);
	return rc;
}
