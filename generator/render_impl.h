/*
 * render_impl.h - internal to the render stage: included by render*.c
 * only (the stage's public face is render.h).
 *
 * The model becomes two static sites through the theme's ctemplate
 * templates (tmpl.h). The C code computes everything a page shows;
 * templates only place values (logic-less). Every page is layout.tpl
 * with three includes: HEADER (header.tpl), CONTENT (the page's own
 * template) and FOOTER (footer.tpl). Site-wide values are template
 * globals on the page's root dictionary, because include dictionaries
 * do not inherit:
 *
 *	ROOT		relative prefix to the site root: "" or "../"
 *	SITE_TITLE, ORG_NAME, ORG_EMAIL, LANG, PAGE_TITLE
 *	AUDIENCE	"public" or "internal"
 *
 * Conventions in every template: UPPER_SNAKE names; a repeated thing
 * is a section named in the singular ({{#PURPOSE}}); a flag is a
 * section shown or not ({{#SPECIAL}}); links are *_HREF values that
 * already carry ROOT (relative, so both trees work from file:// and
 * under any prefix); staff-only blocks sit in sections (STAFF, NOTES,
 * ...) that the public build never shows and never fills, so a
 * template cannot leak what is not in its dictionary. The unescaped
 * insertions are two: cmark's HTML ({{BODY:none}}, {{HTML:none}}), and
 * the inline SVG charts of render_report.c ({{CHART:none}},
 * {{SPARK:none}}), which chart.c writes itself from published figures,
 * escaping every text (& < > " ') and writing only numbers it formats.
 *
 * Visibility is decided only by the predicates in model.h; lists come
 * from sorted model arrays or are sorted with model.h's cmp_*, so
 * output bytes depend on the content alone.
 *
 * What this header owns, bottom up (a file may call only its own layer
 * and the ones above it in this list, never one below):
 *
 *   kit       render_theme.c  the templates and style sheet (render_th)
 *             render_kit.c    the page frame, setters, links, labels
 *             render_parts.c  what several page families show alike
 *   families  render_<section>.c, one per output path: index (index.html,
 *             data/), purpose (purposes/, pages/), recipients, rights,
 *             systems (staff), ropa (staff), gov, report. A family uses
 *             the kit and never another family.
 *   driver    render.c: the audiences' indexes, the jobs, the threads;
 *             the only caller of the families.
 *
 * The page-kit contract. A family builds one page as
 *
 *	d = page_begin(rc, depth, navkey, areakey, title, T_X, &content);
 *	fill content with the set_* helpers, *_link, add_notes ...;
 *	page_end(rc, d, path parts);
 *
 * page_end hands the dictionary to the pool (pool.h), which expands,
 * writes and frees it; a failure sets rc->err. Strings given to the
 * setters are copied by the dictionary; rc->tmp is the setters' scratch
 * (clobbered by every set_* call), rc->scratch the thread's arena. A
 * section with many rows is filled lazily (tmpl_section_lazy) from a
 * struct that lives until page_end: struct entry_rows, struct
 * lazy_rows. Lists are struct pvec (util.h).
 */
#ifndef GH_RENDER_IMPL_H
#define GH_RENDER_IMPL_H

#include "model.h"
#include "render.h"
#include "tmpl.h"

/* --- the theme (render_theme.c) ---------------------------------- */

enum tpl {
	T_LAYOUT, T_HEADER, T_FOOTER, T_NOTES,
	T_INDEX, T_CATEGORY, T_PURPOSE, T_RECIPIENTS, T_RIGHTS, T_PAGE,
	T_SYSTEMS, T_SYSTEM, T_ROPA,
	T_COMMITTEE, T_DECISIONS, T_CHANGES, T_CHECKS, T_LABEL,	/* render_gov.c */
	T_REPORTS, T_REPORT, T_RTABLE, T_ACCESS_INDEX, T_ACCESS, /* render_report.c */
	T__COUNT
};

/* Set by render_init() (render.h), read-only while pages render. */
struct render_theme {
	char	*path[T__COUNT];	/* as loaded: theme or fallback */
	char	*css;
	size_t	 css_len;
	int	 ready;
};
extern struct render_theme render_th;

/* --- the render context ------------------------------------------ */

struct navitem {
	const char	*key;	/* page key, for aria-current */
	const char	*href;	/* relative to the site root */
	const char	*label;
	const char	*up;	/* "../" + href: from a subdirectory */
};

/*
 * What one category adds up to for this audience: the purposes, the
 * retention periods, the sources and recipients of its visible data
 * (render_index.c's catsum_fill, run as the driver's J_SUMS jobs).
 */
struct catsum {
	struct pvec	purposes, retention, sources, recipients, systems;
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

/* --- the page kit (render_kit.c) --------------------------------- */

/* The frame: see the contract above. depth is 0 (site root) or 1 (a
 * subdirectory); navkey marks the current page in the navigation,
 * areakey the section it belongs to (either may be NULL). The page's
 * path is rc->prefix + a + b + c (b, c may be NULL). */
struct tmpl_dict *	page_begin(struct rctx *rc, int depth, const char *navkey,
	        const char *areakey, const char *title, enum tpl t,
	        struct tmpl_dict **content);
void	page_end(struct rctx *rc, struct tmpl_dict *d, const char *a,
	        const char *b, const char *c);
/* A file that is not a page, whole, at rc->prefix + name. */
void	emit_raw(struct rctx *rc, const char *name, const void *data, size_t len);

/* Setters: key = ROOT + a + b + c; an item's href (model.h, from one
 * level down) made relative to the page; a printf format; text with
 * its first letter capitalised; section with key = val only when val
 * is there; a date ("9 December 2025", with DATETIME for <time>); a
 * list comma-joined, each string through map when map is not NULL; a
 * list as a phrase ("A, B and C"). */
void	set_href(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *a, const char *b, const char *c);
void	set_link(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *href);
void	set_fmt(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	set_cap(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *text);
void	set_opt(struct tmpl_dict *d, const char *section, const char *key,
	        const char *val);
void	set_date(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const struct date *dt);
void	set_joined(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *const *v, size_t n, const char *(*map)(const char *));
void	set_series(struct rctx *rc, struct tmpl_dict *d, const char *key,
	        const char *const *v, size_t n);
/* Staff-only notes through notes.tpl, under a heading of level 2 or
 * 3; nothing in the public build. */
void	add_notes(struct rctx *rc, struct tmpl_dict *d, const struct notes *n,
	        int level);
/* A contact as section sec (C_NAME, C_EMAIL, ...), if it has any. */
void	contact_block(struct tmpl_dict *d, const char *sec,
	        const struct contact *k);

/* Links to an item, as a new item of section sec of d. */
struct tmpl_dict *purpose_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct purpose *p);
void	recipient_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct recipient *r);
void	category_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct category *c);
void	system_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
	        const struct system *sy);

/* A source file's path inside the content directory. */
const char *	content_path(const struct rctx *rc, const char *path);
/* Does a free text say "none"? */
int	text_is_none(const char *s);
/* Index of a recipient in m->recipients (rc->ridx), or -1. */
long	recipient_index(const struct rctx *rc, const struct recipient *r);

/* Plain English for the model's enums. */
const char *	role_label(enum recipient_role r);
const char *	role_plain(enum recipient_role r);
const char *	required_label(enum requirement r);
const char *	status_label(enum purpose_status s);
const char *	special_label(int special);	/* 9, 10; else NULL */

/* --- shared parts (render_parts.c) ------------------------------- */

/* Where a data entry comes from, in plain words; the processor that
 * runs the system holding e (it receives e too), if visible. */
const char *	source_text(struct rctx *rc, const struct data_entry *e);
const struct recipient *	entry_vendor(const struct rctx *rc,
	        const struct data_entry *e);

/*
 * A page's ENTRY rows (data/<key>.html lists hundreds): filled one at a
 * time while the page expands (tmpl_section_lazy), so the page never
 * holds every row's dictionary at once. entry_rows_begin, then
 * entry_rows_add each entry (kept if the audience may see it; or
 * pv_add to v directly to keep all), then entry_rows_set. The caller
 * keeps the struct until page_end() and pv_free()s v after it.
 * cols: the context columns to fill, COL_* bits.
 */
enum { COL_CATEGORY = 1, COL_SYSTEM = 2, COL_PURPOSES = 4 };
struct entry_rows {
	struct rctx	*rc;
	struct pvec	 v;		/* the visible entries, in order */
	int		 cols;
};
void	entry_rows_begin(struct entry_rows *er, struct rctx *rc, int cols);
void	entry_rows_add(struct entry_rows *er, const struct data_entry *e);
size_t	entry_rows_set(struct entry_rows *er, struct tmpl_dict *d);

/* The objects a lazy section (tmpl_section_lazy) shows, for its fill
 * function: the purpose cards of index.html, the rows of
 * recipients.html. */
struct lazy_rows {
	struct rctx	*rc;
	struct pvec	 v;		/* the visible ones, model order */
};

/* --- the page families: called by the driver (render.c) only ----- */

/* render_index.c: index.html, data/<key>.html (k indexes rc->cats);
 * the sums of a category, and their freeing. */
void	render_index(struct rctx *rc);
void	render_category(struct rctx *rc, size_t k);
void	catsum_fill(struct rctx *rc, const struct category *c,
	        struct catsum *cs);
void	catsum_free(struct catsum *cs);
/* render_purpose.c: purposes/<id>.html, pages/<id>.html */
void	render_purpose(struct rctx *rc, const struct purpose *p);
void	render_page(struct rctx *rc, const struct page *pg);
/* render_recipients.c, render_rights.c, render_ropa.c (staff) */
void	render_recipients(struct rctx *rc);
void	render_rights(struct rctx *rc);
void	render_ropa(struct rctx *rc);
/* render_systems.c (staff): systems/index.html, systems/<id>.html */
void	render_systems(struct rctx *rc);
void	render_system(struct rctx *rc, const struct system *sy);

/* render_marks.c: what several pages mark. add_decision(), the
 * "not yet documented" markers (complete.c's analysis), the dates and
 * words of the decision pages, and gov_analysis(): the
 * completeness analysis of the build, or when the model was never
 * checked, one made into own. */
struct complete;
void	add_decision(struct rctx *rc, struct tmpl_dict *d, const struct decision *dc);
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
