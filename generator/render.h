/*
 * render.h - shared by the renderers of the render stage (render.c and
 * its siblings for further page families). Not used outside render*.c.
 *
 * A renderer builds one page as: d = page_begin(rc, depth, navkey,
 * areakey, title, T_X, &content); fill content; page_end(rc, d, path
 * parts). Lists are struct pvec (util.h), sorted with the cmp_*
 * functions of model.h.
 *
 * main.c uses only the three entry points below, which run the render
 * stage on several threads.
 */
#ifndef GH_RENDER_H
#define GH_RENDER_H

#include "glasshouse.h"
#include "json.h"
#include "ropa.h"
#include "tmpl.h"
#include "write.h"

enum tpl {
	T_LAYOUT, T_HEADER, T_FOOTER, T_NOTES,
	T_INDEX, T_CATEGORY, T_PURPOSE, T_RECIPIENTS, T_RIGHTS, T_PAGE,
	T_SYSTEMS, T_SYSTEM, T_ROPA,
	T_COMMITTEE, T_DECISIONS, T_CHANGES, T_CHECKS, T_LABEL,	/* render_gov.c */
	T_REPORTS, T_REPORT, T_RTABLE, T_ACCESS_INDEX, T_ACCESS, /* render_report.c */
	T__COUNT
};

struct render_theme {
	char	*path[T__COUNT];	/* as loaded: theme or fallback */
	char	*css;
	size_t	 css_len;
	int	 ready;
};
extern struct render_theme render_th;

struct catsum;

struct navitem {
	const char	*key;	/* page key, for aria-current */
	const char	*href;	/* relative to the site root */
	const char	*label;
	const char	*up;	/* "../" + href: from a subdirectory */
};

/*
 * One audience as one render thread sees it: buffers, scratch and err
 * are the thread's own; nav and the indexes after it are the
 * audience's, shared read-only (render.c's jobs).
 */
struct rctx {
	const struct model	*m;
	enum audience		 aud;
	int			 staff;		/* aud == AUD_INTERNAL */
	struct writer		*w;
	const char		*prefix;	/* "public/" */
	const char		*root;		/* of the page being built */
	struct buf		 out, path, tmp;
	int			 err;		/* a page of this job failed */
	struct arena		 scratch;	/* strings made by this thread
						   (the base context's: its
						   indexes and nav) */
	struct navitem		*nav;
	size_t			 nnav;
	char			 updated[64], updated_iso[32];
	/* per recipient (index in m->recipients): systems it runs and
	 * visible data entries it is the source of */
	struct hmap		 ridx;
	struct pvec		*vendor_of, *source_of;
	const char		**from;		/* "From <name>" */
	/* categories with visible data, and what each adds up to */
	struct pvec		 cats;
	struct catsum		*sums;		/* one per cats.v[i] */
};

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

const char *	role_label(enum recipient_role r);
void	set_href(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *a, const char *b, const char *c);
void	set_link(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *href);
void	set_fmt(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *fmt, ...);
void	set_cap(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *text);
void	set_opt(struct tmpl_dict *d, const char *section, const char *key,
	        const char *val);
void	set_date(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const struct date *dt);
void	add_notes(struct rctx *rc, struct tmpl_dict *d, const struct notes *n,
	        int level);
void	add_decision(struct rctx *rc, struct tmpl_dict *d, const struct decision *dc);
struct tmpl_dict *	page_begin(struct rctx *rc, int depth, const char *navkey,
	        const char *areakey, const char *title, enum tpl t,
	        struct tmpl_dict **content);
void	page_end(struct rctx *rc, struct tmpl_dict *d, const char *a,
	        const char *b, const char *c);
struct tmpl_dict *purpose_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct purpose *p);
void	recipient_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct recipient *r);
void	category_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct category *c);
void	system_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct system *sy);
void	set_joined(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *const *v, size_t n, const char *(*map)(const char *));
void	emit_raw(struct rctx *rc, const char *name, const void *data, size_t len);
int	text_is_none(const char *s);
const char *	content_path(const struct rctx *rc, const char *path);

/* render_gov.c: the governance pages (label, changes, and for staff
 * committee, decision log, checks); add_decision above lives there too,
 * with the "not yet documented" markers other pages show. */
void	render_gov(struct rctx *rc);
void	gov_purpose_gaps(struct rctx *rc, struct tmpl_dict *d,
	        const struct purpose *p);
void	gov_entry_gaps(struct rctx *rc, struct tmpl_dict *row,
	        const struct data_entry *e);
void	gov_site_gaps(struct rctx *rc, struct tmpl_dict *d);

#endif
