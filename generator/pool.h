/*
 * pool.h - expand and write finished pages on whichever render thread
 * is free.
 *
 * The two audiences render on two threads, and the internal site has
 * more pages than the public one. Building a page's dictionary and
 * expanding it cost about the same, so a thread hands its finished
 * dictionaries to a small queue, and the thread that runs out of pages
 * of its own expands the other's. Each page's bytes are the same
 * whichever thread expands it.
 *
 * Without pool_begin() (one audience, the unit tests) pool_page()
 * expands and writes at once, as a plain function call.
 */
#ifndef GH_POOL_H
#define GH_POOL_H

struct tmpl_dict;
struct writer;

/* Start taking pages from several threads. */
void	pool_begin(void);
/*
 * A finished page: expand template tpl (loaded by render_init) with d
 * and write it to path. The pool owns d from here on and frees it. The
 * page is queued, or expanded now when no pool is running or the queue
 * is full. Returns -1 if this page or an earlier one failed (after
 * printing why), else 0.
 */
int	pool_page(struct writer *, const char *tpl, const char *path,
	    struct tmpl_dict *d);
/* For a thread out of pages of its own: expand queued pages until
 * pool_end() is called and the queue is empty. */
void	pool_help(void);
/* No more pages: expand what is queued and stop the pool. Call
 * pool_help()'s threads must still be joined before the commit. */
void	pool_end(void);
/* Pages that failed since pool_begin(). */
int	pool_failures(void);

#endif
