/*
 * pool.h - run one function on both cores, and expand and write a
 * finished page.
 *
 * The render stage splits its pages into jobs that each thread takes
 * in turn (render.h: render_work), so both cores stay busy until the
 * last job whatever the sizes of the two sites. pool_run() starts the
 * threads; a page's bytes are the same whichever thread makes it.
 */
#ifndef GH_POOL_H
#define GH_POOL_H

struct tmpl_dict;
struct writer;

#define POOL_THREADS	2	/* the cores the build is made for */

/*
 * Call fn(arg) on n threads at once, the calling thread being one of
 * them, and return when every call has returned. Where a thread cannot
 * be started, fewer calls run (at least the caller's): fn must finish
 * the work alone if it has to. Returns the number of calls made.
 */
int	pool_run(int n, void (*fn)(void *), void *arg);
/*
 * A finished page: expand template tpl (loaded by render_init) with d
 * and write it to path, on the calling thread, through buffer out (the
 * thread's own, reused from page to page: it stays allocated, at most
 * some SINK_CHUNK bytes). Frees d. Returns -1 if it failed (after
 * printing why), else 0.
 */
struct buf;
int	pool_page(struct writer *, const char *tpl, const char *path,
	    struct tmpl_dict *d, struct buf *out);

#endif
