/*
 * render.h - shared by the renderers of the render stage (render.c and
 * its siblings for further page families). Not used outside render*.c.
 *
 * A renderer builds one page as: d = page_begin(rc, depth, navkey,
 * areakey, title, T_X, &content); fill content; page_end(rc, d, path
 * parts). Lists are struct pvec, sorted with the cmp_* functions.
 *
 * main.c uses only the three entry points below, which run the render
 * stage on several threads.
 */
#ifndef GH_RENDER_H
#define GH_RENDER_H

#include "glasshouse.h"
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

/* Small sorted sets of pointers. */
struct pvec {
	const void	**v;
	size_t		  n, cap;
};

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

extern const char *const months[12];

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

void	pv_add(struct pvec *p, const void *x);
void	pv_uniq(struct pvec *p, int (*cmp)(const void *, const void *));
void	pv_free(struct pvec *p);
int	cmp_str(const void *a, const void *b);
int	cmp_purpose(const void *a, const void *b);
int	cmp_recipient(const void *a, const void *b);
int	cmp_system(const void *a, const void *b);
int	cmp_category(const void *a, const void *b);
const char *	role_label(enum recipient_role r);
const char *	country(const char *cc);
void	set_href(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *a, const char *b, const char *c);
void	set_link(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *href);
void	setf(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *fmt, ...);
void	set_cap(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *text);
void	set_opt(struct tmpl_dict *d, const char *section, const char *key,
	        const char *val);
void	set_date(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const struct date *dt);
int	date_cmp(const struct date *a, const struct date *b);
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
int	is_none(const char *s);
const char *	content_path(const struct rctx *rc, const char *path);

/* json.c, csv.c: inventory.json and ropa.csv (glasshouse.h) written
 * through a sink, handed on as they are made. */
void	json_inventory_sink(const struct model *m, enum audience aud,
	        struct sink *out);
void	csv_ropa_sink(const struct model *m, struct sink *out);

/* render_marks.c: what several pages mark. add_decision() above, the
 * "not yet documented" markers (complete.c's analysis), the dates and
 * words of the decision pages, the LAWS line, and gov_analysis(): the completeness
 * analysis of the build, or when the model was never checked, one
 * made into own. */
struct complete;
void	gov_purpose_gaps(struct rctx *rc, struct tmpl_dict *d,
	        const struct purpose *p);
void	gov_entry_gaps(struct rctx *rc, struct tmpl_dict *row,
	        const struct data_entry *e);
void	gov_site_gaps(struct rctx *rc, struct tmpl_dict *d);
void	set_short_date(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const struct date *dt);
const char *	date_verb(enum decision_status s);
const char *	status_word(enum decision_status s);
const char *	function_label(const char *fn);
void	set_laws(struct rctx *rc, struct tmpl_dict *d, unsigned jur);
const struct complete *	gov_analysis(struct rctx *rc, struct complete *own);

/* The governance and report page families, which run_job() calls:
 * render_label.c (label.html), render_gov.c (changes.html; staff:
 * committee/index.html, committee/decisions.html), render_checks.c
 * (staff: checks.html); render_report.c (reports/, and for staff
 * access/, their CSV files, and the guard over all public report
 * output). cp: gov_analysis(). */
void	render_label(struct rctx *rc);
void	render_changes(struct rctx *rc);
void	render_committee(struct rctx *rc, const struct complete *cp);
void	render_decisions(struct rctx *rc);
void	render_checks(struct rctx *rc, const struct complete *cp);
void	render_reports(struct rctx *rc);
/* Navigation entries for reports (public: "Reports" when a public
 * report exists; staff: "Reports" and "Access"), written to nav, which
 * has room for REPORT_NAV_MAX. Returns how many. */
#define REPORT_NAV_MAX	2
size_t	report_nav(const struct rctx *rc, struct navitem *nav);

#endif
