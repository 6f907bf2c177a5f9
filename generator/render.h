/*
 * render.h - the HTML stage: the model becomes the public and the
 * internal static site through the theme's ctemplate templates. This
 * is the whole of it that the rest of the program sees (main.c);
 * render_impl.h is the page kit and the page families' contract,
 * internal to render*.c.
 *
 * The render stage owns the theme (loaded and checked once, before any
 * page is written) and every page's bytes, which it hands to the
 * writer (write.h); it opens no output file itself and only reads the
 * model. Visibility is decided by model.h's predicates alone.
 */
#ifndef GH_RENDER_H
#define GH_RENDER_H

#include "model.h"

struct writer;

struct render_opts {
	const char	*theme_dir;	/* the site's theme, may be NULL */
	const char	*default_theme_dir;	/* fallback for every file */
	unsigned	 audiences;	/* AUD_* bits to build */
};
/* Load and check every template before any page is written. */
int	 render_init(const struct render_opts *);
/* Forget the theme; render_init() may run again. */
void	 render_fini(void);

/*
 * The render stage on several threads. render_begin() makes the
 * shared indexes of the audiences asked for (AUD_* bits) and splits
 * their pages into jobs; then each render thread calls render_work(),
 * which takes jobs until none is left (one thread alone does them
 * all); render_end(), once every render_work() has returned, frees the
 * run and returns -1 if a page failed (after printing why), else 0.
 * render_site() is the three on one thread, for one audience.
 */
struct render_run;
struct render_run *	render_begin(const struct model *m, unsigned audiences,
	        struct writer *w);
void	render_work(struct render_run *run);
int	render_end(struct render_run *run);
int	render_site(const struct model *, enum audience, struct writer *);

#endif
