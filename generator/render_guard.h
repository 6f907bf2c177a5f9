/*
 * render_guard.h - the interface between render_report.c (the report
 * and access pages) and render_guard.c (the disclosure guard over them,
 * a part of the render kit). Internal to those two files.
 *
 * render_reports() owns a struct rrun for one audience: the views of
 * its visible reports and, in the public build, the guard built from
 * them (guard_build() before the first page, guard_end() after the
 * last). Every file of the report pages goes to the writer through
 * guard_emit() or guard_emit_page(), which scan it first when guarded.
 */
#ifndef GH_RENDER_GUARD_H
#define GH_RENDER_GUARD_H

#include "render_impl.h"
#include "report.h"

/* One build's report state. */
struct rrun {
	struct rctx		*rc;
	struct rview		*v;		/* visible reports, by id */
	size_t			 n;
	size_t			 naccess;	/* kind: access among them */
	int			 guarded;	/* the public build */
	struct sdc_guard	 guard;		/* every public series */
	struct sdc_guard	*own;		/* each series alone, to
						   name the figure a page
						   of that series shows */
	struct buf		 out, b;
};

/* Text of figure (i, j) of a view, in the scratch arena. */
const char	*fig_text(struct rrun *rr, const struct rview *v, size_t i,
	    size_t j);
/* The public build: the guard over the figures of rr->v, then
 * rr->guarded is set. */
void	 guard_build(struct rrun *rr);
/* Hand a file to the writer, after the guard (if any) has read it in
 * mode; own: the guard of the file's series, to name the figure it
 * shows (NULL for an index). A hit is a content error (rc->err). */
void	 guard_emit(struct rrun *rr, const char *rel, const char *data,
	    size_t len, enum sdc_scan_mode mode, const struct sdc_guard *own);
/* page_end() with the guard in between. */
void	 guard_emit_page(struct rrun *rr, struct tmpl_dict *d,
	    const char *rel, const struct sdc_guard *own);
/* After the pages: the guard over the "reports" member of
 * inventory.json, then the guards are freed. Nothing when not
 * guarded. */
void	 guard_end(struct rrun *rr);

#endif
