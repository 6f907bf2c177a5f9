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
 *             render_marks.c  decision marks, "not yet documented"
 *             render_guard.c  the disclosure guard (render_guard.h)
 *   families  render_<section>.c: index (index.html, data/), purpose
 *             (purposes/, pages/), recipients, rights, label, systems
 *             (staff), ropa (staff), gov (changes; staff: committee/),
 *             checks (staff), report (reports/, access/). A family uses
 *             the kit and never another family; the kit never names a
 *             family.
 *   driver    render.c: the audiences' indexes, the families' table,
 *             the jobs, the threads; the only user of the families.
 *
 * The family contract. A page family is one file that defines a
 * const struct family family_<name> (below: its templates, header
 * entry, audiences, cost, and the function that makes its output) and
 * keeps everything else static; it is scheduled by one line in
 * render.c's table. Adding a page type is that file, its template
 * (themes/default/templates/<name>.tpl) and that line.
 *
 * The page-kit contract. A family builds one page as
 *
 *	d = page_begin(rc, depth, navkey, areakey, title, "x.tpl", &content);
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

/* A loaded template: its file name under templates/ ("report.tpl"),
 * the path it was loaded from (the site's theme or the default), and
 * the body class its pages get ("page-KIND": the name without ".tpl",
 * '_' as '-'). */
struct theme_tpl {
	char	*name;
	char	*path;
	char	*kind;
};

/* Set by render_init() (render.h), read-only while pages render. */
struct render_theme {
	struct theme_tpl *tpl;		/* the kit's four, then the families' */
	size_t	 ntpl;
	struct hmap byname;		/* name -> its entry in tpl */
	char	*css;
	size_t	 css_len;
	int	 ready;
};
extern struct render_theme render_th;

/*
 * Load the theme: the kit's templates (layout.tpl, header.tpl,
 * footer.tpl, notes.tpl), then names[0, n) in that order (the order of
 * the error messages), each loaded once, then the style sheet. -1 when
 * anything failed, after printing why. render_init() (render.c) gives
 * the families' templates; render_fini() forgets them all.
 */
int	theme_load(const struct render_opts *o, const char *const *names,
	        size_t n);
/* A loaded template by file name; a name no family listed is a bug
 * (abort). */
const struct theme_tpl *	theme_tpl(const char *name);

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
 * (render_index.c's catsum_fill, run as the driver's sums jobs).
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
 * areakey the section it belongs to (either may be NULL); tpl is the
 * content template's file name ("index.tpl"), one its family lists.
 * The page's path is rc->prefix + a + b + c (b, c may be NULL). */
struct tmpl_dict *	page_begin(struct rctx *rc, int depth, const char *navkey,
	        const char *areakey, const char *title, const char *tpl,
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

/* --- marks (render_marks.c) ------------------------------------- */

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

/* --- the page families: what the driver schedules (render.c) ------ */

/*
 * One kind of output the driver schedules: a page or set of pages of
 * one family (render_<section>.c), or an export the driver writes into
 * the sites (render.c). Each family file defines its struct family
 * (family_<name>) and keeps its functions static; render.c's table
 * lists them, in navigation order, one line each.
 *
 * A one-off output sets once; a per-item output sets count (items for
 * the audience), run (items per job) and item, which skips an item the
 * audience may not see. cost orders the jobs, costliest first, one-offs
 * before per-item runs (ties keep table order): CPU microseconds at
 * N = 10,000 per job (once) or per item (item); 0 where never measured.
 * A heavy output holds a whole file in memory (at most one at a time);
 * a finish_after_error one still runs after another job failed (the
 * disclosure guard names every leak in one run). The header's entries:
 * nav (key NULL: none), then what nav_fn writes to out (with out NULL
 * it only counts them; strings in rc->scratch).
 */
struct family {
	const char	*name;
	unsigned	 audiences;	/* AUD_* bits: the sites that have it */
	const char *const *templates;	/* file names, the page's own first;
					   NULL-terminated (NULL: none) */
	struct navitem	 nav;
	size_t		(*nav_fn)(struct rctx *rc, struct navitem *out);
	unsigned long	 cost;
	int		 heavy;
	int		 finish_after_error;
	void		(*once)(struct rctx *rc);
	size_t		(*count)(const struct rctx *rc);
	size_t		 run;
	void		(*item)(struct rctx *rc, size_t i);
};
#define AUD_BOTH	(AUD_PUBLIC | AUD_INTERNAL)

/* render_index.c: what a category adds up to (the driver's sums jobs,
 * before any page), and its freeing. */
void	catsum_fill(struct rctx *rc, const struct category *c,
	        struct catsum *cs);
void	catsum_free(struct catsum *cs);

#endif
