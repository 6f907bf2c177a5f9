/*
 * render.c - the model as two static sites, through the theme's
 * ctemplate templates (tmpl.h).
 *
 * The C code computes everything a page shows; templates only place
 * values (logic-less). Every page is layout.tpl with three includes:
 * HEADER (header.tpl), CONTENT (the page's own template) and FOOTER
 * (footer.tpl). Site-wide values are template globals on the page's
 * root dictionary, because include dictionaries do not inherit:
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
 * from sorted model arrays or are sorted here, so output bytes depend
 * on the content alone.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "glasshouse.h"
#include "tmpl.h"
#include "write.h"
#include "render.h"
#include "complete.h"
#include "pool.h"
#include "report.h"

#ifndef GH_DATADIR
#define GH_DATADIR "/usr/local/share/glasshouse"
#endif
#define GH_THEME_DEFAULT GH_DATADIR "/themes/default"
#define CSS_MAX (1u << 20)

/* ------------------------------------------------------------------ */
/* Templates */

struct render_theme render_th;

/* PAGE_KIND of each content template: the body's class "page-KIND". */
static const char *const tpl_kind[T__COUNT] = {
	"", "", "", "",
	"index", "category", "purpose", "recipients", "rights", "page",
	"systems", "system", "ropa",
	[T_COMMITTEE] = "committee", [T_DECISIONS] = "decisions",
	[T_CHANGES] = "changes", [T_CHECKS] = "checks", [T_LABEL] = "label",
	[T_REPORTS] = "reports", [T_REPORT] = "report", [T_RTABLE] = "",
	[T_ACCESS_INDEX] = "access-index", [T_ACCESS] = "access"
};
static const char *const tpl_file[T__COUNT] = {
	"layout.tpl", "header.tpl", "footer.tpl", "notes.tpl",
	"index.tpl", "category.tpl", "purpose.tpl", "recipients.tpl",
	"rights.tpl", "page.tpl", "systems.tpl", "system.tpl", "ropa.tpl",
	[T_COMMITTEE] = "committee.tpl", [T_DECISIONS] = "decisions.tpl",
	[T_CHANGES] = "changes.tpl", [T_CHECKS] = "checks.tpl",
	[T_LABEL] = "label.tpl",
	[T_REPORTS] = "reports.tpl", [T_REPORT] = "report.tpl",
	[T_RTABLE] = "report_table.tpl",
	[T_ACCESS_INDEX] = "access_index.tpl", [T_ACCESS] = "access.tpl"
};


/* theme/sub/name if readable, else fallback/sub/name, else NULL. */
static char *
theme_file(const char *theme, const char *fallback, const char *sub,
    const char *name)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s/%s", theme, sub, name);
	if (access(b.ptr, R_OK) == 0)
		return buf_detach(&b, NULL);
	if (fallback != NULL && strcmp(fallback, theme) != 0) {
		buf_reset(&b);
		buf_printf(&b, "%s/%s/%s", fallback, sub, name);
		if (access(b.ptr, R_OK) == 0)
			return buf_detach(&b, NULL);
	}
	buf_free(&b);
	return NULL;
}

/*
 * Print what tmpl_load said about path: lines "path[:LINE]: message",
 * which become "path[:LINE]: error: message" (or stay a warning).
 */
static void
report_tpl(const char *path, struct buf *err)
{
	char	*line, *e, *msg;
	size_t	 plen = strlen(path);

	for (line = err->ptr; line != NULL && *line != '\0'; line = e) {
		if ((e = strchr(line, '\n')) != NULL)
			*e++ = '\0';
		msg = line;
		if (strncmp(line, path, plen) == 0) {
			msg = line + plen;
			if (*msg == ':' && msg[1] >= '0' && msg[1] <= '9')
				for (msg++; *msg >= '0' && *msg <= '9'; msg++)
					;
			if (strncmp(msg, ": ", 2) != 0)
				msg = line;
			else
				msg += 2;
		}
		if (msg == line)
			fprintf(stderr, "%s: error: %s\n", path, line);
		else if (strncmp(msg, "warning: ", 9) == 0 ||
		    strncmp(msg, "error: ", 7) == 0)
			fprintf(stderr, "%s\n", line);
		else
			fprintf(stderr, "%.*s: error: %s\n",
			    (int)(msg - 2 - line), line, msg);
	}
}

static int
has_templates(const char *dir)
{
	struct buf b = BUF_INIT;
	int	 ok;

	buf_printf(&b, "%s/templates", dir);
	ok = access(b.ptr, X_OK) == 0;
	buf_free(&b);
	return ok;
}

/* A theme file, whole (buf_read_file: regular files only). */
static int
read_file(const char *path, char **data, size_t *len)
{
	struct buf b = BUF_INIT;
	int	 err;

	if (buf_read_file(&b, path, CSS_MAX, &err) != 0) {
		buf_free(&b);
		return -1;
	}
	*data = buf_detach(&b, len);
	return 0;
}

int
render_init(const struct render_opts *o)
{
	const char	*theme, *fb;
	struct buf	 err = BUF_INIT;
	char		*css;
	int		 i, rc = 0;

	render_fini();
	fb = o->default_theme_dir != NULL ? o->default_theme_dir :
	    GH_THEME_DEFAULT;
	theme = o->theme_dir != NULL ? o->theme_dir : fb;
	/* No theme at all is one problem, not one per template. */
	if (!has_templates(theme) && !has_templates(fb)) {
		if (strcmp(theme, fb) == 0)
			fprintf(stderr, "%s/templates: error: theme not found\n",
			    theme);
		else
			fprintf(stderr, "%s/templates: error: theme not found "
			    "(nor the default theme in %s)\n", theme, fb);
		return -1;
	}
	tmpl_reset();
	tmpl_set_root("");	/* paths are given whole */
	for (i = 0; i < T__COUNT; i++) {
		render_th.path[i] = theme_file(theme, fb, "templates", tpl_file[i]);
		if (render_th.path[i] == NULL) {
			fprintf(stderr, "%s/templates/%s: error: template not "
			    "found\n", theme, tpl_file[i]);
			rc = -1;
			continue;
		}
		buf_reset(&err);
		if (tmpl_load(render_th.path[i], &err) == -1)
			rc = -1;
		report_tpl(render_th.path[i], &err);	/* errors or warnings */
	}
	buf_free(&err);
	if ((css = theme_file(theme, fb, "static", "style.css")) == NULL) {
		fprintf(stderr, "%s/static/style.css: error: style sheet not "
		    "found\n", theme);
		rc = -1;
	} else {
		if (read_file(css, &render_th.css, &render_th.css_len) == -1) {
			fprintf(stderr, "%s: error: cannot read style sheet "
			    "(or larger than 1 MiB)\n", css);
			rc = -1;
		}
		free(css);
	}
	if (rc == -1) {
		render_fini();
		return -1;
	}
	render_th.ready = 1;
	return 0;
}

void
render_fini(void)
{
	int	 i;

	for (i = 0; i < T__COUNT; i++) {
		free(render_th.path[i]);
		render_th.path[i] = NULL;
	}
	free(render_th.css);
	render_th.css = NULL;
	render_th.css_len = 0;
	render_th.ready = 0;
}

/* ------------------------------------------------------------------ */
/* Small sorted sets of pointers */


void
pv_add(struct pvec *p, const void *x)
{
	if (x == NULL)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = x;
}

/* Sort with cmp (on pointers to elements) and drop duplicates. */
void
pv_uniq(struct pvec *p, int (*cmp)(const void *, const void *))
{
	size_t	 i, j;

	if (p->n < 2)
		return;
	qsort(p->v, p->n, sizeof *p->v, cmp);
	for (i = 1, j = 1; i < p->n; i++)
		if (cmp(&p->v[i], &p->v[j - 1]) != 0)
			p->v[j++] = p->v[i];
	p->n = j;
}

void
pv_free(struct pvec *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * By id (key for categories), through the places model_derive() gave
 * the model's sorted lists: an integer compare instead of a strcmp over
 * strings spread across the model (this sort runs on every page that
 * lists purposes). Objects without a place (0) compare by id.
 */
static int
by_place(unsigned xo, const char *xid, unsigned yo, const char *yid)
{
	if (xo != 0 && yo != 0)
		return (xo > yo) - (xo < yo);
	return strcmp(xid, yid);
}

int
cmp_purpose(const void *a, const void *b)
{
	const struct purpose *x = *(const struct purpose *const *)a;
	const struct purpose *y = *(const struct purpose *const *)b;

	return by_place(x->ord, x->id, y->ord, y->id);
}

int
cmp_recipient(const void *a, const void *b)
{
	const struct recipient *x = *(const struct recipient *const *)a;
	const struct recipient *y = *(const struct recipient *const *)b;

	return by_place(x->ord, x->id, y->ord, y->id);
}

int
cmp_system(const void *a, const void *b)
{
	const struct system *x = *(const struct system *const *)a;
	const struct system *y = *(const struct system *const *)b;

	return by_place(x->ord, x->id, y->ord, y->id);
}

int
cmp_category(const void *a, const void *b)
{
	const struct category *x = *(const struct category *const *)a;
	const struct category *y = *(const struct category *const *)b;

	return by_place(x->ord, x->key, y->ord, y->key);
}

/* ------------------------------------------------------------------ */
/* Plain words for the model's enums */

const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

const char *
role_label(enum recipient_role r)
{
	switch (r) {
	case ROLE_CONTROLLER:
		return "Independent organisation (controller)";
	case ROLE_JOINT_CONTROLLER:
		return "Shares responsibility with us (joint controller)";
	case ROLE_PROCESSOR:
	default:
		return "Works for us (processor)";
	}
}
static const char *
role_plain(enum recipient_role r)
{
	switch (r) {
	case ROLE_CONTROLLER:
		return "Decides for itself how it uses the data we pass on, "
		    "under its own privacy notice.";
	case ROLE_JOINT_CONTROLLER:
		return "Decides together with us how your data is used; we "
		    "have agreed between us who answers your requests.";
	case ROLE_PROCESSOR:
	default:
		return "Acts only on our instructions and may not use your "
		    "data for anything else.";
	}
}
static const char *
required_label(enum requirement r)
{
	switch (r) {
	case REQ_CONTRACT:
		return "Needed to provide the service";
	case REQ_LAW:
		return "Required by law";
	case REQ_OPTIONAL:
	default:
		return "Optional";
	}
}
static const char *
status_label(enum purpose_status s)
{
	switch (s) {
	case PS_PROPOSED:
		return "Proposed";
	case PS_RETIRED:
		return "Retired";
	case PS_ACTIVE:
	default:
		return "Active";
	}
}
static const char *
special_label(int special)
{
	if (special == 10)
		return "Criminal offence data (GDPR Article 10)";
	if (special == 9)
		return "Special category data (GDPR Article 9)";
	return NULL;
}
const char *
country(const char *cc)
{
	const char *n = cc != NULL ? country_name(cc) : NULL;

	return n != NULL ? n : cc;
}

/* ------------------------------------------------------------------ */
/* Render state */



/* Index of a recipient in m->recipients, or -1. */
static long
recipient_index(const struct rctx *rc, const struct recipient *r)
{
	void	*v = hmap_get(&rc->ridx, r->id);

	return v == NULL ? -1 : (long)(uintptr_t)v - 1;
}

/* Set key to ROOT + a + b + c (any may be NULL). */
void
set_href(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const char *a, const char *b, const char *c)
{
	buf_reset(&rc->tmp);
	buf_puts(&rc->tmp, rc->root);
	if (a != NULL)
		buf_puts(&rc->tmp, a);
	if (b != NULL)
		buf_puts(&rc->tmp, b);
	if (c != NULL)
		buf_puts(&rc->tmp, c);
	tmpl_setn(d, key, rc->tmp.ptr, rc->tmp.len);
}

/* Set key to an item's page (model.h: href is from one level down). */
void
set_link(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const char *href)
{
	tmpl_set(d, key, rc->root[0] != '\0' ? href : href + 3);
}

void
setf(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const char *fmt, ...)
{
	va_list	 ap;

	buf_reset(&rc->tmp);
	va_start(ap, fmt);
	buf_vprintf(&rc->tmp, fmt, ap);
	va_end(ap);
	tmpl_setn(d, key, rc->tmp.ptr, rc->tmp.len);
}

/* Set key to text with its first letter capitalised, for phrases
 * written to follow on ("until you close your account"). */
void
set_cap(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const char *text)
{
	buf_reset(&rc->tmp);
	buf_puts(&rc->tmp, text != NULL ? text : "");
	if (rc->tmp.ptr[0] >= 'a' && rc->tmp.ptr[0] <= 'z')
		rc->tmp.ptr[0] -= 'a' - 'A';
	tmpl_setn(d, key, rc->tmp.ptr, rc->tmp.len);
}

/* Set key and show section flag only when val is present. */
void
set_opt(struct tmpl_dict *d, const char *section, const char *key,
    const char *val)
{
	struct tmpl_dict *s;

	if (val == NULL || *val == '\0')
		return;
	s = tmpl_section(d, section);
	tmpl_set(s, key, val);
}

/* key: "9 December 2025" (or "December 2025", "2025"); key_ISO: the
 * same date as written in the content, for <time datetime>. */
void
set_date(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const struct date *dt)
{
	char	 iso[64];

	if (dt->m < 1 || dt->m > 12) {
		setf(rc, d, key, "%04d", dt->y);
		snprintf(iso, sizeof iso, "%04d", dt->y);
	} else if (dt->d == 0) {
		setf(rc, d, key, "%s %04d", months[dt->m - 1], dt->y);
		snprintf(iso, sizeof iso, "%04d-%02d", dt->y, dt->m);
	} else {
		setf(rc, d, key, "%d %s %04d", dt->d, months[dt->m - 1], dt->y);
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", dt->y, dt->m,
		    dt->d);
	}
	setf(rc, d, "DATETIME", "%s", iso);
}

int
date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

/* Staff-only "internal:" notes, through notes.tpl, under a heading of
 * the given level (2 on a page, 3 inside an article). */
void
add_notes(struct rctx *rc, struct tmpl_dict *d, const struct notes *n,
    int level)
{
	struct tmpl_dict *inc, *s;
	size_t	 i;

	if (!rc->staff || n->n == 0)
		return;
	inc = tmpl_include(d, "NOTES", render_th.path[T_NOTES]);
	tmpl_show(inc, level == 3 ? "H3" : "H2");
	for (i = 0; i < n->n; i++) {
		s = tmpl_section(inc, "NOTE");
		tmpl_set(s, "KEY", n->v[i].key);
		tmpl_set(s, "TEXT", n->v[i].text);
	}
}

/* Where a data entry comes from, in plain words. */
static const char *
source_text(struct rctx *rc, const struct data_entry *e)
{
	const struct recipient *r;

	switch (e->source) {
	case SRC_OBSERVED:
		return "Collected automatically when you use our services";
	case SRC_RECIPIENT:
		r = e->source_ref.to;
		if (r != NULL && recipient_visible(r, rc->aud)) {
			long ri = recipient_index(rc, r);
			if (ri >= 0)
				return rc->from[ri];
		}
		return "From another organisation";
	case SRC_YOU:
	default:
		return "From you";
	}
}

/* ------------------------------------------------------------------ */
/* Pages */

/*
 * Start a page at depth 0 (site root) or 1 (a subdirectory): the root
 * dictionary with the globals, header with navigation (navkey marks
 * the current page, areakey the section it belongs to), footer, and
 * the content include, returned in *content.
 */
struct tmpl_dict *
page_begin(struct rctx *rc, int depth, const char *navkey,
    const char *areakey, const char *title, enum tpl t,
    struct tmpl_dict **content)
{
	const struct site *st = &rc->m->site;
	struct tmpl_dict *d, *h, *f, *s;
	size_t	 i;

	rc->root = depth > 0 ? "../" : "";
	d = tmpl_dict_new();
	tmpl_set_global(d, "ROOT", rc->root);
	tmpl_set_global(d, "SITE_TITLE", st->title);
	tmpl_set_global(d, "ORG_NAME", st->name);
	tmpl_set_global(d, "ORG_EMAIL", st->email);
	tmpl_set_global(d, "LANG", st->language != NULL ? st->language : "en");
	tmpl_set_global(d, "AUDIENCE", rc->staff ? "internal" : "public");
	tmpl_set_global(d, "PAGE_TITLE", title);
	tmpl_set_global(d, "PAGE_KIND", tpl_kind[t]);
	/* The tab title: page first, site after; staff tabs say so. */
	buf_reset(&rc->tmp);
	if (rc->staff)
		buf_puts(&rc->tmp, "Internal: ");
	buf_puts(&rc->tmp, title);
	if (strcmp(title, st->title) != 0) {
		buf_puts(&rc->tmp, " \xe2\x80\x93 ");	/* en dash */
		buf_puts(&rc->tmp, st->title);
	}
	tmpl_setn(d, "DOC_TITLE", rc->tmp.ptr, rc->tmp.len);
	if (rc->staff)
		tmpl_show(d, "NOINDEX");

	h = tmpl_include(d, "HEADER", render_th.path[T_HEADER]);
	tmpl_show(h, rc->staff ? "INTERNAL" : "PUBLIC");
	set_href(rc, h, "HOME_HREF", "index.html", NULL, NULL);
	for (i = 0; i < rc->nnav; i++) {
		s = tmpl_section(h, "NAV_ITEM");
		tmpl_set(s, "HREF", depth > 0 ? rc->nav[i].up :
		    rc->nav[i].href);
		tmpl_set(s, "LABEL", rc->nav[i].label);
		if (navkey != NULL && strcmp(navkey, rc->nav[i].key) == 0)
			tmpl_show(s, "CURRENT");
		else if (areakey != NULL &&
		    strcmp(areakey, rc->nav[i].key) == 0)
			tmpl_show(s, "IN_AREA");
	}

	*content = tmpl_include(d, "CONTENT", render_th.path[t]);
	if (rc->staff)
		tmpl_show(*content, "STAFF");

	f = tmpl_include(d, "FOOTER", render_th.path[T_FOOTER]);
	tmpl_show(f, rc->staff ? "INTERNAL" : "PUBLIC");
	if (rc->updated[0] != '\0') {
		s = tmpl_section(f, "UPDATED");
		tmpl_set(s, "DATE", rc->updated);
		tmpl_set(s, "ISO", rc->updated_iso);
	}
	set_href(rc, f, "RIGHTS_HREF", "rights.html", NULL, NULL);
	return d;
}

/* Hand the page to the pool (pool.h), which expands and writes it and
 * frees the dictionary. */
void
page_end(struct rctx *rc, struct tmpl_dict *d, const char *a,
    const char *b, const char *c)
{
	buf_reset(&rc->path);
	buf_puts(&rc->path, rc->prefix);
	buf_puts(&rc->path, a);
	if (b != NULL)
		buf_puts(&rc->path, b);
	if (c != NULL)
		buf_puts(&rc->path, c);
	/* expanded and written here or on the other render thread */
	if (pool_page(rc->w, render_th.path[T_LAYOUT], rc->path.ptr, d,
	    &rc->out) == -1)
		rc->err = -1;
}

/* A link to a purpose (PURPOSE section item: TITLE, HREF); returns
 * the item. */
struct tmpl_dict *
purpose_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct purpose *p)
{
	struct tmpl_dict *s = tmpl_section(d, sec);

	tmpl_set(s, "TITLE", p->title);
	tmpl_set(s, "ID", p->id);
	set_link(rc, s, "HREF", p->href);
	return s;
}

void
recipient_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct recipient *r)
{
	struct tmpl_dict *s = tmpl_section(d, sec);

	tmpl_set(s, "NAME", r->name);
	tmpl_set(s, "COUNTRY", r->country_label);
	set_link(rc, s, "HREF", r->href);
}

void
category_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct category *c)
{
	struct tmpl_dict *s = tmpl_section(d, sec);

	tmpl_set(s, "NAME", c->name);
	tmpl_set(s, "KEY", c->key);
	set_link(rc, s, "HREF", c->href);
	if (c->special)
		tmpl_show(s, "CAT_SPECIAL");
}

void
system_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct system *sy)
{
	struct tmpl_dict *s = tmpl_section(d, sec);

	tmpl_set(s, "NAME", sy->name);
	if (rc->staff) {
		/* Only the staff wiki has system pages. */
		struct tmpl_dict *l = tmpl_section(s, "SYS_LINK");
		set_link(rc, l, "HREF", sy->href);
	} else
		tmpl_show(s, "SYS_NOLINK");
}

/* Strings of a list, comma-joined (for compact table cells). */
void
set_joined(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const char *const *v, size_t n, const char *(*map)(const char *))
{
	size_t	 i;

	buf_reset(&rc->tmp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&rc->tmp, ", ");
		buf_puts(&rc->tmp, map != NULL ? map(v[i]) : v[i]);
	}
	tmpl_setn(d, key, rc->tmp.ptr, rc->tmp.len);
}

/*
 * One row of a data table: a data entry with what the audience may
 * see. cols says which context columns to fill (category, system,
 * purposes), the rest is always there.
 */
enum { COL_CATEGORY = 1, COL_SYSTEM = 2, COL_PURPOSES = 4 };
static void
entry_fill(struct rctx *rc, struct tmpl_dict *s, const struct data_entry *e,
    int cols)
{
	struct tmpl_dict *x;
	const struct category *c = e->category.to;
	size_t	 i, n = 0;

	if ((cols & COL_CATEGORY) && c != NULL)
		category_link(rc, s, "E_CATEGORY", c);
	if ((cols & COL_SYSTEM) && e->system != NULL)
		system_link(rc, s, "E_SYSTEM", e->system);
	if (cols & COL_PURPOSES)
		for (i = 0; i < e->purposes.n; i++) {
			const struct purpose *p = e->purposes.v[i].to;
			if (p != NULL && purpose_visible(p, rc->aud))
				purpose_link(rc, s, "E_PURPOSE", p);
		}
	for (i = 0; i < e->subjects.n; i++) {
		const struct term *t = e->subjects.v[i].to;
		x = tmpl_section(s, "E_SUBJECT");
		tmpl_set(x, "NAME", t != NULL ? t->name : e->subjects.v[i].id);
	}
	set_cap(rc, s, "RETENTION", e->retention.text);
	tmpl_set(s, "SOURCE", source_text(rc, e));
	tmpl_set(s, "REQUIRED", required_label(e->required));
	for (i = 0; i < e->shared_with.n; i++) {
		const struct recipient *r = e->shared_with.v[i].to;
		if (r != NULL && recipient_visible(r, rc->aud))
			recipient_link(rc, s, "E_RECIPIENT", r), n++;
	}
	if (n == 0)
		tmpl_show(s, "E_NOT_SHARED");
	if (!e->linked)
		tmpl_show(s, "E_NOT_LINKED");
	if (e->tracking)
		tmpl_show(s, "E_TRACKING");
	if (e->sold)
		tmpl_show(s, "E_SOLD");
	gov_entry_gaps(rc, s, e);	/* "not yet documented" */
}

/*
 * A page's ENTRY rows (data/<key>.html lists hundreds): filled one at a
 * time while the page expands (tmpl_section_lazy), so the page never
 * holds every row's dictionary at once. The caller keeps the struct
 * until page_end() and frees v (entry_rows_free) after it.
 */
struct entry_rows {
	struct rctx	*rc;
	struct pvec	 v;		/* the visible entries, in order */
	int		 cols;
};

static void
entry_rows_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct entry_rows *er = arg;

	entry_fill(er->rc, s, er->v.v[i], er->cols);
}

static void
entry_rows_begin(struct entry_rows *er, struct rctx *rc, int cols)
{
	memset(er, 0, sizeof *er);
	er->rc = rc;
	er->cols = cols;
}

/* Add e to the rows (when the audience may see it). */
static void
entry_rows_add(struct entry_rows *er, const struct data_entry *e)
{
	if (entry_visible(e, er->rc->aud))
		pv_add(&er->v, e);
}

/* Put the rows into d as its lazy ENTRY section; returns how many. */
static size_t
entry_rows_set(struct entry_rows *er, struct tmpl_dict *d)
{
	tmpl_section_lazy(d, "ENTRY", er->v.n, entry_rows_fill, er);
	return er->v.n;
}

/* A source file's path inside the content directory ("purposes/x.md"),
 * so the output does not depend on how the directory was named. */
const char *
content_path(const struct rctx *rc, const char *path)
{
	const char *dir = rc->m->dir;
	size_t	 n;

	if (path == NULL || dir == NULL)
		return path;
	n = strlen(dir);
	while (n > 0 && dir[n - 1] == '/')
		n--;
	if (strncmp(path, dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

/* The processor that runs the system holding e receives e too. */
static const struct recipient *
entry_vendor(const struct rctx *rc, const struct data_entry *e)
{
	const struct recipient *v;

	if (e->system == NULL || (v = e->system->vendor.to) == NULL)
		return NULL;
	return recipient_visible(v, rc->aud) ? v : NULL;
}

/* The top-level group of a category: the child of a taxonomy root. */
static const struct category *
category_group(const struct category *c)
{
	while (c->parent != NULL && c->parent->parent != NULL)
		c = c->parent;
	return c;
}

struct catrow {
	const struct category	*c, *g;
	size_t			 k;	/* in rc->cats and rc->sums */
};
static int
cmp_catrow(const void *a, const void *b)
{
	const struct catrow *x = a, *y = b;
	int	 r = strcmp(x->g->key, y->g->key);

	return r != 0 ? r : strcmp(x->c->key, y->c->key);
}

/*
 * What one category adds up to for this audience: the purposes, the
 * retention periods, the sources and recipients of its visible data.
 */
struct catsum {
	struct pvec	purposes, retention, sources, recipients, systems;
};

/* At most this many purposes per category on the overview; the rest
 * are "N more" with a link to the category's page, which lists all. */
#define INDEX_PURPOSES	5
static void
catsum_fill(struct rctx *rc, const struct category *c, struct catsum *cs)
{
	size_t	 i, j;

	for (i = 0; i < c->nentries; i++) {
		const struct data_entry *e = c->entries[i];
		if (!entry_visible(e, rc->aud))
			continue;
		for (j = 0; j < e->purposes.n; j++) {
			const struct purpose *p = e->purposes.v[j].to;
			if (p != NULL && purpose_visible(p, rc->aud))
				pv_add(&cs->purposes, p);
		}
		pv_add(&cs->retention, e->retention.text);
		pv_add(&cs->sources, source_text(rc, e));
		for (j = 0; j < e->shared_with.n; j++) {
			const struct recipient *r = e->shared_with.v[j].to;
			if (r != NULL && recipient_visible(r, rc->aud))
				pv_add(&cs->recipients, r);
		}
		pv_add(&cs->recipients, entry_vendor(rc, e));
		pv_add(&cs->systems, e->system);
	}
	pv_uniq(&cs->purposes, cmp_purpose);
	pv_uniq(&cs->retention, cmp_str);
	pv_uniq(&cs->sources, cmp_str);
	pv_uniq(&cs->recipients, cmp_recipient);
	pv_uniq(&cs->systems, cmp_system);
}
static void
catsum_free(struct catsum *cs)
{
	pv_free(&cs->purposes);
	pv_free(&cs->retention);
	pv_free(&cs->sources);
	pv_free(&cs->recipients);
	pv_free(&cs->systems);
}
/* The sums as sections PREFIX_PURPOSE, _RETENTION, _SOURCE, _RECIPIENT
 * and flags PREFIX_NO_PURPOSES, PREFIX_NO_RECIPIENTS: the prefix keeps
 * them apart from same-named sections of enclosing dictionaries (which
 * ctemplate would otherwise iterate in their place). */
/*
 * How long c's data is kept for p: each retention of the entries of c
 * visible here that serve p, once, as section PREFIX_KEPT (TEXT) of the
 * purpose's item. The overview shows these next to the purpose, so that
 * a period is never read as belonging to the purpose beside it.
 */
static void
kept_set(struct rctx *rc, struct tmpl_dict *s, const char *sec,
    const struct category *c, const struct purpose *p)
{
	struct pvec kept = { 0 };
	size_t	 i, j;

	for (i = 0; i < c->nentries; i++) {
		const struct data_entry *e = c->entries[i];

		if (!entry_visible(e, rc->aud))
			continue;
		for (j = 0; j < e->purposes.n; j++)
			if (e->purposes.v[j].to == p) {
				pv_add(&kept, e->retention.text);
				break;
			}
	}
	pv_uniq(&kept, cmp_str);
	for (i = 0; i < kept.n; i++)
		tmpl_set(tmpl_section(s, sec), "TEXT", kept.v[i]);
	pv_free(&kept);
}

/* With idx set (the overview, for that category), at most
 * INDEX_PURPOSES purposes, each with how long it keeps the data
 * (PREFIX_KEPT), a section PREFIX_MORE_PURPOSES (N, HREF: more), and
 * no recipients. */
static void
catsum_set(struct rctx *rc, struct tmpl_dict *d, const char *pfx,
    const struct catsum *cs, const struct category *idx)
{
	struct tmpl_dict *s;
	char	 name[64], kept[64];
	size_t	 i, np = cs->purposes.n;

#define SEC(x) (snprintf(name, sizeof name, "%s_%s", pfx, (x)), name)
	if (idx != NULL && np > INDEX_PURPOSES)
		np = INDEX_PURPOSES;
	snprintf(kept, sizeof kept, "%s_KEPT", pfx);
	for (i = 0; i < np; i++) {
		s = purpose_link(rc, d, SEC("PURPOSE"), cs->purposes.v[i]);
		if (idx != NULL)
			kept_set(rc, s, kept, idx, cs->purposes.v[i]);
	}
	if (np < cs->purposes.n) {
		s = tmpl_section(d, SEC("MORE_PURPOSES"));
		tmpl_set_int(s, "N", (long long)(cs->purposes.n - np));
		set_href(rc, s, "HREF", "data/", idx->key, ".html#why-h");
	}
	tmpl_show(d, SEC(cs->purposes.n == 0 ? "NO_PURPOSES" :
	    "HAS_PURPOSES"));
	for (i = 0; idx == NULL && i < cs->retention.n; i++) {
		s = tmpl_section(d, SEC("RETENTION"));
		set_cap(rc, s, "TEXT", cs->retention.v[i]);
	}
	for (i = 0; i < cs->sources.n; i++) {
		s = tmpl_section(d, SEC("SOURCE"));
		tmpl_set(s, "TEXT", cs->sources.v[i]);
	}
	if (idx != NULL)
		return;
	for (i = 0; i < cs->recipients.n; i++)
		recipient_link(rc, d, SEC("RECIPIENT"), cs->recipients.v[i]);
	tmpl_show(d, SEC(cs->recipients.n == 0 ? "NO_RECIPIENTS" :
	    "HAS_RECIPIENTS"));
#undef SEC
}

/* Does the category have data visible to this audience? */
static int
category_in_use(const struct rctx *rc, const struct category *c)
{
	size_t	 i;

	for (i = 0; i < c->nentries; i++)
		if (entry_visible(c->entries[i], rc->aud))
			return 1;
	return 0;
}

/* The objects a lazy section (tmpl_section_lazy) shows, for its fill
 * function: the purpose cards of index.html, the rows of
 * recipients.html. */
struct lazy_rows {
	struct rctx	*rc;
	struct pvec	 v;		/* the visible ones, model order */
};

/* The purpose cards of index.html, filled while the page expands. */
static void
card_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct lazy_rows *cr = arg;
	struct rctx *rc = cr->rc;
	const struct purpose *p = cr->v.v[i];

	tmpl_set(s, "TITLE", p->title);
	tmpl_set(s, "SUMMARY", p->summary);
	tmpl_set(s, "ID", p->id);
	set_link(rc, s, "HREF", p->href);
	tmpl_set(s, "BASIS", p->legal_basis > LB_NONE &&
	    p->legal_basis < LB__COUNT ?
	    vocab_legal_bases[p->legal_basis].label : "");
	if (p->status != PS_ACTIVE)
		set_opt(s, "CARD_STATUS", "TEXT", status_label(p->status));
	if (p->special)
		tmpl_show(s, "CARD_SPECIAL");
}

static void
render_index(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *g = NULL, *s;
	struct catrow	*rows;
	const struct category *lastg = NULL;
	struct lazy_rows cr;
	size_t	 i, nr = 0;

	d = page_begin(rc, 0, "index", NULL, m->site.title, T_INDEX, &c);
	rows = xcalloc(rc->cats.n + 1, sizeof *rows);
	for (i = 0; i < rc->cats.n; i++) {
		rows[i].c = rc->cats.v[i];
		rows[i].g = category_group(rows[i].c);
		rows[i].k = i;
	}
	qsort(rows, rc->cats.n, sizeof *rows, cmp_catrow);
	for (i = 0; i < rc->cats.n; i++) {
		if (rows[i].g != lastg) {
			lastg = rows[i].g;
			g = tmpl_section(c, "GROUP");
			tmpl_set(g, "NAME", lastg->name);
			tmpl_set(g, "ID", lastg->key);
			set_opt(g, "GROUP_DESC", "TEXT", lastg->description);
		}
		s = tmpl_section(g, "CATEGORY");
		tmpl_set(s, "NAME", rows[i].c->name);
		tmpl_set(s, "KEY", rows[i].c->key);
		set_opt(s, "CAT_DESC", "TEXT", rows[i].c->description);
		set_link(rc, s, "HREF", rows[i].c->href);
		if (rows[i].c->special)
			tmpl_show(s, "CAT_SPECIAL");
		catsum_set(rc, s, "CAT", &rc->sums[rows[i].k], rows[i].c);
	}
	free(rows);
	if (rc->cats.n == 0)
		tmpl_show(c, "NO_DATA");

	memset(&cr, 0, sizeof cr);
	cr.rc = rc;
	for (i = 0; i < m->npurposes; i++)
		if (purpose_visible(m->purposes[i], rc->aud))
			pv_add(&cr.v, m->purposes[i]);
	tmpl_section_lazy(c, "CARD", cr.v.n, card_fill, &cr);
	tmpl_show(c, cr.v.n == 0 ? "NO_CARDS" : "HAS_CARDS");
	for (i = 0; i < m->nrecipients; i++)
		if (recipient_visible(m->recipients[i], rc->aud))
			nr++;
	tmpl_set_int(c, "NCATEGORIES", (long long)rc->cats.n);
	tmpl_set_int(c, "NPURPOSES", (long long)cr.v.n);
	tmpl_set_int(c, "NRECIPIENTS", (long long)nr);
	set_href(rc, c, "RECIPIENTS_HREF", "recipients.html", NULL, NULL);
	set_href(rc, c, "RIGHTS_HREF", "rights.html", NULL, NULL);
	s = tmpl_section(c, "CONTACT");
	tmpl_set(s, "ADDRESS", m->site.address);
	tmpl_set(s, "EMAIL", m->site.email);
	set_opt(s, "CONTACT_PHONE", "TEXT", m->site.phone);
	if (m->site.dpo.name != NULL || m->site.dpo.email != NULL) {
		struct tmpl_dict *x = tmpl_section(s, "CONTACT_DPO");
		tmpl_set(x, "NAME", m->site.dpo.name != NULL ?
		    m->site.dpo.name : "Data protection officer");
		set_opt(x, "DPO_EMAIL", "EMAIL", m->site.dpo.email);
	}
	gov_site_gaps(rc, s);		/* "not yet documented" */
	if (rc->staff) {
		tmpl_set_int(c, "NSYSTEMS", (long long)m->nsystems);
		set_href(rc, c, "SYSTEMS_HREF", "systems/index.html", NULL,
		    NULL);
		set_href(rc, c, "ROPA_HREF", "ropa.html", NULL, NULL);
		add_notes(rc, c, &m->site.internal, 2);
	}
	page_end(rc, d, "index.html", NULL, NULL);
	pv_free(&cr.v);
}

/* The page of rc->cats.v[k]. */
static void
render_category(struct rctx *rc, size_t k)
{
	const struct category *cat = rc->cats.v[k];
	struct tmpl_dict *d, *c, *s;
	const struct category *p;
	struct entry_rows er;
	size_t	 i;

	d = page_begin(rc, 1, NULL, "index", cat->name, T_CATEGORY, &c);
	tmpl_set(c, "NAME", cat->name);
	tmpl_set(c, "KEY", cat->key);
	set_opt(c, "DESCRIPTION", "TEXT", cat->description);
	set_opt(c, "SPECIAL", "TEXT", special_label(cat->special));
	if (cat->special == 9)
		tmpl_show(c, "ART9");
	else if (cat->special == 10)
		tmpl_show(c, "ART10");
	/* Breadcrumb: the ancestors below the taxonomy root, outermost
	 * first; each links to its own page when it has one, the group
	 * to its place on the overview. */
	{
		const struct category *chain[16];
		size_t	 n = 0;
		for (p = cat->parent; p != NULL && p->parent != NULL &&
		    n < 16; p = p->parent)
			chain[n++] = p;
		while (n-- > 0) {
			struct tmpl_dict *l;
			s = tmpl_section(c, "PARENT");
			tmpl_set(s, "NAME", chain[n]->name);
			if (category_in_use(rc, chain[n])) {
				l = tmpl_section(s, "PARENT_LINK");
				set_href(rc, l, "HREF", "data/", chain[n]->key,
				    ".html");
			} else if (category_group(cat) == chain[n]) {
				l = tmpl_section(s, "PARENT_LINK");
				set_href(rc, l, "HREF", "index.html#g-",
				    chain[n]->key, NULL);
			} else
				tmpl_show(s, "PARENT_TEXT");
		}
	}
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	catsum_set(rc, c, "SUM", &rc->sums[k], NULL);
	entry_rows_begin(&er, rc, COL_SYSTEM | COL_PURPOSES);
	for (i = 0; i < cat->nentries; i++)
		entry_rows_add(&er, cat->entries[i]);
	entry_rows_set(&er, c);
	set_href(rc, c, "RIGHTS_HREF", "rights.html", NULL, NULL);
	set_href(rc, c, "RECIPIENTS_HREF", "recipients.html", NULL, NULL);
	page_end(rc, d, "data/", cat->key, ".html");
	pv_free(&er.v);
}

int
is_none(const char *s)
{
	return s != NULL && (strcasecmp(s, "none") == 0 ||
	    strcasecmp(s, "none.") == 0);
}

static void
render_purpose(struct rctx *rc, const struct purpose *p)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c, *s;
	struct pvec	 recips = { 0 };
	struct entry_rows er;
	size_t	 i, j, nrows = 0;

	entry_rows_begin(&er, rc, COL_CATEGORY | COL_SYSTEM);
	d = page_begin(rc, 1, NULL, "index", p->title, T_PURPOSE, &c);
	tmpl_set(c, "TITLE", p->title);
	tmpl_set(c, "ID", p->id);
	tmpl_set(c, "SUMMARY", p->summary);
	if (p->body_html != NULL && *p->body_html != '\0') {
		s = tmpl_section(c, "HAS_BODY");
		tmpl_set(s, "BODY", p->body_html);
	}
	if (p->status == PS_RETIRED)
		tmpl_show(c, "RETIRED");
	else if (p->status == PS_PROPOSED)
		tmpl_show(c, "PROPOSED");

	for (i = 0; i < p->nuses; i++) {
		const struct data_entry *e = p->uses[i];
		if (!entry_visible(e, rc->aud))
			continue;
		nrows++;
		entry_rows_add(&er, e);
		for (j = 0; j < e->shared_with.n; j++) {
			const struct recipient *r = e->shared_with.v[j].to;
			if (r != NULL && recipient_visible(r, rc->aud))
				pv_add(&recips, r);
		}
		pv_add(&recips, entry_vendor(rc, e));
	}
	entry_rows_set(&er, c);
	if (nrows == 0)
		tmpl_show(c, "NO_DATA");
	else
		tmpl_show(c, "HAS_DATA");

	if (p->legal_basis > LB_NONE && p->legal_basis < LB__COUNT) {
		s = tmpl_section(c, "BASIS");
		tmpl_set(s, "LABEL", vocab_legal_bases[p->legal_basis].label);
		tmpl_set(s, "PLAIN", vocab_legal_bases[p->legal_basis].plain);
		tmpl_set(s, "KEY", vocab_legal_bases[p->legal_basis].key);
	}
	set_opt(c, "LEGITIMATE_INTEREST", "TEXT", p->legitimate_interest);
	if (p->special_condition > SC_NONE &&
	    p->special_condition < SC__COUNT) {
		const struct enumval *v =
		    &vocab_special_conditions[p->special_condition];
		s = tmpl_section(c, "SPECIAL_CONDITION");
		tmpl_set(s, "LABEL", v->label);
		tmpl_set(s, "PLAIN", v->plain);
	}
	if (p->special)
		tmpl_show(c, "SPECIAL");
	set_opt(c, "BENEFIT", "TEXT", p->benefit);
	if (p->use.to != NULL)
		set_opt(c, "USE", "NAME",
		    ((const struct term *)p->use.to)->name);

	pv_uniq(&recips, cmp_recipient);
	for (i = 0; i < recips.n; i++) {
		const struct recipient *r = recips.v[i];
		s = tmpl_section(c, "RECIPIENT");
		tmpl_set(s, "NAME", r->name);
		tmpl_set(s, "ROLE", role_label(r->role));
		tmpl_set(s, "COUNTRY", r->country_label);
		set_opt(s, "REC_PURPOSE", "TEXT", r->purpose);
		set_link(rc, s, "HREF", r->href);
	}
	tmpl_show(c, recips.n == 0 ? "NO_RECIPIENTS" : "HAS_RECIPIENTS");
	pv_free(&recips);

	/* Your choices: the wording depends on the legal basis. */
	switch (p->legal_basis) {
	case LB_CONSENT:
		s = tmpl_section(c, "CHOICE_CONSENT");
		tmpl_set(s, "WITHDRAW", p->withdraw != NULL ? p->withdraw : "");
		break;
	case LB_LEGITIMATE_INTERESTS:
		tmpl_show(c, "CHOICE_OBJECT");
		break;
	case LB_CONTRACT:
		tmpl_show(c, "CHOICE_CONTRACT");
		break;
	case LB_LEGAL_OBLIGATION:
		tmpl_show(c, "CHOICE_LAW");
		break;
	default:
		tmpl_show(c, "CHOICE_OTHER");
		break;
	}
	if (p->automated_decisions != NULL) {
		if (is_none(p->automated_decisions))
			tmpl_show(c, "NO_AUTOMATED");
		else
			set_opt(c, "AUTOMATED", "TEXT", p->automated_decisions);
	}
	gov_purpose_gaps(rc, c, p);	/* "not yet documented" */
	set_href(rc, c, "RIGHTS_HREF", "rights.html", NULL, NULL);
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	add_decision(rc, c, p->decision);

	if (rc->staff) {
		s = tmpl_section(c, "STAFF_FIELDS");
		tmpl_set(s, "STATUS", status_label(p->status));
		set_opt(s, "OWNER", "TEXT", p->owner);
		if (p->review_by.y != 0) {
			struct tmpl_dict *r = tmpl_section(s, "REVIEW_BY");
			set_date(rc, r, "DATE", &p->review_by);
			if (date_cmp(&p->review_by, &m->today) < 0)
				tmpl_show(r, "OVERDUE");
		}
		tmpl_set(s, "VISIBILITY", p->audience == AUD_INTERNAL ||
		    p->status == PS_PROPOSED ? "internal" : "public");
		if (p->use.id != NULL)
			set_opt(s, "USE_KEY", "KEY", p->use.id);
		set_opt(s, "SOURCE_FILE", "PATH", content_path(rc, p->path));
		add_notes(rc, c, &p->internal, 2);
	}
	page_end(rc, d, "purposes/", p->id, ".html");
	pv_free(&er.v);
}

/* Add a visible entry's category and visible purposes to the sets. */
static void
received(struct rctx *rc, const struct data_entry *e, struct pvec *cats,
    struct pvec *purps)
{
	size_t	 k;

	if (!entry_visible(e, rc->aud))
		return;
	pv_add(cats, e->category.to);
	for (k = 0; k < e->purposes.n; k++) {
		const struct purpose *p = e->purposes.v[k].to;
		if (p != NULL && purpose_visible(p, rc->aud))
			pv_add(purps, p);
	}
}

/* The rows of recipients.html, filled while the page expands: one
 * recipient's dictionary at a time. */
static void
recipient_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct lazy_rows *rr = arg;
	struct rctx *rc = rr->rc;
	const struct recipient *r = rr->v.v[i];
	struct tmpl_dict *x;
	struct pvec cats = { 0 }, purps = { 0 };
	long	 ri = recipient_index(rc, r);
	size_t	 j;

	tmpl_set(s, "ID", r->id);
	tmpl_set(s, "NAME", r->name);
	tmpl_set(s, "ROLE", role_label(r->role));
	tmpl_set(s, "ROLE_PLAIN", role_plain(r->role));
	tmpl_set(s, "ROLE_KEY", role_key(r->role));
	tmpl_set(s, "COUNTRY", r->country_label);
	tmpl_set(s, "COUNTRY_CODE", r->country);
	set_opt(s, "R_PURPOSE", "TEXT", r->purpose);
	if (r->country != NULL && !country_in_eea_uk(r->country))
		tmpl_show(s, "OUTSIDE");
	if (r->safeguard > SG_NONE && r->safeguard < SG__COUNT) {
		x = tmpl_section(s, "SAFEGUARD");
		tmpl_set(x, "LABEL", vocab_safeguards[r->safeguard].label);
		tmpl_set(x, "PLAIN", vocab_safeguards[r->safeguard].plain);
	}
	for (j = 0; j < r->ntransfers; j++) {
		const struct transfer *t = &r->transfers[j];
		x = tmpl_section(s, "TRANSFER");
		tmpl_set(x, "COUNTRY", country(t->country));
		if (t->safeguard > SG_NONE && t->safeguard < SG__COUNT) {
			struct tmpl_dict *y =
			    tmpl_section(x, "T_SAFEGUARD");
			tmpl_set(y, "LABEL",
			    vocab_safeguards[t->safeguard].label);
			tmpl_set(y, "PLAIN",
			    vocab_safeguards[t->safeguard].plain);
		}
	}
	if (r->ntransfers > 0)
		tmpl_show(s, "HAS_TRANSFERS");
	/* What it receives, and for which purposes: what we share
	 * with it and what sits in the systems it runs for us. */
	for (j = 0; j < r->nshared; j++)
		received(rc, r->shared[j], &cats, &purps);
	if (ri >= 0) {
		const struct pvec *vs = &rc->vendor_of[ri];
		size_t	 k;
		for (k = 0; k < vs->n; k++) {
			const struct system *sy = vs->v[k];
			for (j = 0; j < sy->ndata; j++)
				received(rc, &sy->data[j], &cats,
				    &purps);
		}
	}
	pv_uniq(&cats, cmp_category);
	pv_uniq(&purps, cmp_purpose);
	for (j = 0; j < cats.n; j++)
		category_link(rc, s, "R_CATEGORY", cats.v[j]);
	for (j = 0; j < purps.n; j++)
		purpose_link(rc, s, "R_FOR", purps.v[j]);
	if (cats.n > 0)
		tmpl_show(s, "RECEIVES");
	pv_free(&cats);
	pv_free(&purps);
	if (ri >= 0) {
		const struct pvec *vs = &rc->vendor_of[ri];
		const struct pvec *ss = &rc->source_of[ri];
		for (j = 0; j < vs->n; j++)
			system_link(rc, s, "R_RUNS", vs->v[j]);
		if (vs->n > 0)
			tmpl_show(s, "HAS_RUNS");
		cats = (struct pvec){ 0 };
		for (j = 0; j < ss->n; j++)
			pv_add(&cats, ((const struct data_entry *)
			    ss->v[j])->category.to);
		pv_uniq(&cats, cmp_category);
		for (j = 0; j < cats.n; j++)
			category_link(rc, s, "R_SOURCE_CATEGORY",
			    cats.v[j]);
		if (cats.n > 0)
			tmpl_show(s, "IS_SOURCE");
		pv_free(&cats);
	}
	add_decision(rc, s, r->decision);
	if (rc->staff) {
		x = tmpl_section(s, "STAFF_FIELDS");
		tmpl_set(x, "VISIBILITY", r->audience == AUD_INTERNAL ?
		    "internal" : "public");
		set_opt(x, "CONTRACT", "URL", r->contract);
		add_notes(rc, s, &r->internal, 3);
	}
}

static void
render_recipients(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c;
	struct lazy_rows rr;
	size_t	 i;

	d = page_begin(rc, 0, "recipients", NULL, "Who receives your data",
	    T_RECIPIENTS, &c);
	memset(&rr, 0, sizeof rr);
	rr.rc = rc;
	for (i = 0; i < m->nrecipients; i++)
		if (recipient_visible(m->recipients[i], rc->aud))
			pv_add(&rr.v, m->recipients[i]);
	tmpl_section_lazy(c, "RECIPIENT", rr.v.n, recipient_fill, &rr);
	if (rr.v.n == 0)
		tmpl_show(c, "NONE");
	page_end(rc, d, "recipients.html", NULL, NULL);
	pv_free(&rr.v);
}

static void
contact_block(struct tmpl_dict *d, const char *sec, const struct contact *k)
{
	struct tmpl_dict *s;

	if (k->name == NULL && k->email == NULL && k->address == NULL &&
	    k->url == NULL)
		return;
	s = tmpl_section(d, sec);
	set_opt(s, "C_NAME", "TEXT", k->name);
	set_opt(s, "C_EMAIL", "TEXT", k->email);
	set_opt(s, "C_ADDRESS", "TEXT", k->address);
	set_opt(s, "C_PHONE", "TEXT", k->phone);
	set_opt(s, "C_URL", "TEXT", k->url);
}

/*
 * The parts of a right's "law" text ("GDPR Art. 15; UK GDPR Art. 15;
 * LGPD ...; CCPA ...") that belong to the site's jurisdictions, into
 * rc->tmp. A part naming no known law is kept.
 */
static void
law_refs(struct rctx *rc, unsigned jur, const char *law)
{
	static const struct {
		const char	*prefix;
		unsigned	 bit;
	} laws[] = {
		{ "UK GDPR", JUR_UK_GDPR }, { "GDPR", JUR_EU_GDPR },
		{ "LGPD", JUR_LGPD }, { "CCPA", JUR_CCPA }
	};
	const char *p, *e;
	size_t	 i, n;

	buf_reset(&rc->tmp);
	for (p = law; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = strchr(p, ';');
		if (e == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		for (i = 0; i < sizeof laws / sizeof laws[0]; i++)
			if (strncmp(p, laws[i].prefix,
			    strlen(laws[i].prefix)) == 0)
				break;
		if (n == 0 || (i < sizeof laws / sizeof laws[0] &&
		    !(jur & laws[i].bit)))
			continue;
		if (rc->tmp.len > 0)
			buf_puts(&rc->tmp, "; ");
		buf_put(&rc->tmp, p, n);
	}
}

static void
render_rights(struct rctx *rc)
{
	const struct site *st = &rc->m->site;
	struct tmpl_dict *d, *c, *s;
	size_t	 i;
	int	 j;

	d = page_begin(rc, 0, "rights", NULL, "Your rights", T_RIGHTS, &c);
	{
		/* "EU GDPR, UK GDPR and LGPD" */
		const char *lab[JI__COUNT];
		int	 n = 0, k;
		for (j = 1; j < JI__COUNT; j++)
			if (st->jurisdictions & (1u << (j - 1))) {
				lab[n++] = vocab_jurisdictions[j].label;
				s = tmpl_section(c, "JURISDICTION");
				tmpl_set(s, "LABEL", vocab_jurisdictions[j].label);
				set_opt(s, "J_PLAIN", "TEXT",
				    vocab_jurisdictions[j].plain);
			}
		buf_reset(&rc->tmp);
		for (k = 0; k < n; k++) {
			if (k > 0)
				buf_puts(&rc->tmp, k == n - 1 ? " and " : ", ");
			buf_puts(&rc->tmp, lab[k]);
		}
		tmpl_setn(c, "LAWS", rc->tmp.ptr, rc->tmp.len);
	}
	for (i = 0; i < vocab_nrights; i++) {
		const struct right *r = &vocab_rights[i];
		if ((r->jurisdictions & st->jurisdictions) == 0)
			continue;
		s = tmpl_section(c, "RIGHT");
		tmpl_set(s, "KEY", r->key);
		tmpl_set(s, "TITLE", r->title);
		tmpl_set(s, "DESCRIPTION", r->description);
		law_refs(rc, st->jurisdictions, r->law);
		if (rc->tmp.len > 0)
			set_opt(s, "RIGHT_LAW", "TEXT", rc->tmp.ptr);
	}
	tmpl_set(c, "EMAIL", st->email);
	tmpl_set(c, "ADDRESS", st->address);
	set_opt(c, "LEGAL_NAME", "TEXT", st->legal_name);
	set_opt(c, "PHONE", "TEXT", st->phone);
	contact_block(c, "DPO", &st->dpo);
	contact_block(c, "REPRESENTATIVE", &st->representative);
	if (st->authority.name != NULL || st->authority.url != NULL) {
		s = tmpl_section(c, "AUTHORITY");
		tmpl_set(s, "AUTH_NAME", st->authority.name != NULL ?
		    st->authority.name : st->authority.url);
		if (st->authority.url != NULL)
			set_opt(s, "C_URL", "TEXT", st->authority.url);
		else
			tmpl_show(s, "AUTH_NOURL");
	}
	if (st->jurisdictions & JUR_GDPR_ANY)
		tmpl_show(c, "GDPR");
	if (st->jurisdictions & JUR_CCPA)
		tmpl_show(c, "CCPA");
	gov_site_gaps(rc, c);		/* "not yet documented" */
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	page_end(rc, d, "rights.html", NULL, NULL);
}

static void
render_page(struct rctx *rc, const struct page *pg)
{
	struct tmpl_dict *d, *c, *s;
	char	 key[ID_MAX + 8];

	snprintf(key, sizeof key, "page:%s", pg->id);
	d = page_begin(rc, 1, key, NULL, pg->title, T_PAGE, &c);
	tmpl_set(c, "TITLE", pg->title);
	tmpl_set(c, "ID", pg->id);
	if (pg->body_html != NULL) {
		s = tmpl_section(c, "HAS_BODY");
		tmpl_set(s, "BODY", pg->body_html);
	}
	if (rc->staff && pg->audience == AUD_INTERNAL)
		tmpl_show(c, "INTERNAL_PAGE");
	add_notes(rc, c, &pg->internal, 2);
	page_end(rc, d, "pages/", pg->id, ".html");
}

/* A row of systems/index.html, filled while the page expands
 * (tmpl_section_lazy): system i of the model. */
static void
system_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct rctx *rc = arg;
	const struct system *sy = rc->m->systems[i];
	const struct recipient *v = sy->vendor.to;

	tmpl_set(s, "ID", sy->id);
	tmpl_set(s, "NAME", sy->name);
	set_link(rc, s, "HREF", sy->href);
	set_opt(s, "S_DESC", "TEXT", sy->description);
	tmpl_set(s, "CUSTODIAN", sy->custodian != NULL ? sy->custodian : "");
	if (v != NULL)
		set_opt(s, "S_VENDOR", "NAME", v->name);
	set_joined(rc, s, "LOCATIONS", sy->locations.v, sy->locations.n,
	    country);
	tmpl_set_int(s, "NDATA", (long long)sy->ndata);
	if (sy->audience == AUD_INTERNAL)
		tmpl_show(s, "INTERNAL_ONLY");
}

static void
render_systems(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c;

	d = page_begin(rc, 1, "systems", NULL, "Systems", T_SYSTEMS, &c);
	tmpl_section_lazy(c, "SYSTEM", m->nsystems, system_fill, rc);
	tmpl_show(c, m->nsystems == 0 ? "NONE" : "HAS_SYSTEMS");
	page_end(rc, d, "systems/index.html", NULL, NULL);
}

static void
render_system(struct rctx *rc, const struct system *sy)
{
	struct tmpl_dict *d, *c, *s;
	const struct recipient *v = sy->vendor.to;
	struct entry_rows er;
	size_t	 i;

	d = page_begin(rc, 1, NULL, "systems", sy->name, T_SYSTEM, &c);
	tmpl_set(c, "NAME", sy->name);
	tmpl_set(c, "ID", sy->id);
	set_opt(c, "DESCRIPTION", "TEXT", sy->description);
	tmpl_set(c, "CUSTODIAN", sy->custodian != NULL ? sy->custodian : "");
	tmpl_set(c, "VISIBILITY", sy->audience == AUD_INTERNAL ? "internal" :
	    "public");
	for (i = 0; i < sy->access.n; i++) {
		s = tmpl_section(c, "ACCESS");
		tmpl_set(s, "TEAM", sy->access.v[i]);
	}
	if (sy->access.n == 0)
		tmpl_show(c, "NO_ACCESS");
	for (i = 0; i < sy->security.n; i++) {
		s = tmpl_section(c, "SECURITY");
		tmpl_set(s, "MEASURE", sy->security.v[i]);
	}
	if (sy->security.n == 0)
		tmpl_show(c, "NO_SECURITY");
	if (v != NULL) {
		s = tmpl_section(c, "VENDOR");
		tmpl_set(s, "NAME", v->name);
		tmpl_set(s, "COUNTRY", v->country_label);
		set_link(rc, s, "HREF", v->href);
	} else
		tmpl_show(c, "NO_VENDOR");
	for (i = 0; i < sy->locations.n; i++) {
		s = tmpl_section(c, "LOCATION");
		tmpl_set(s, "COUNTRY", country(sy->locations.v[i]));
		tmpl_set(s, "CODE", sy->locations.v[i]);
		if (!country_in_eea_uk(sy->locations.v[i]))
			tmpl_show(s, "LOC_OUTSIDE");
	}
	if (sy->locations.n == 0)
		tmpl_show(c, "NO_LOCATIONS");
	entry_rows_begin(&er, rc, COL_CATEGORY | COL_PURPOSES);
	for (i = 0; i < sy->ndata; i++)
		pv_add(&er.v, &sy->data[i]);	/* a staff page: all of them */
	entry_rows_set(&er, c);
	set_opt(c, "SOURCE_FILE", "PATH", content_path(rc, sy->path));
	set_href(rc, c, "SYSTEMS_HREF", "systems/index.html", NULL, NULL);
	add_decision(rc, c, sy->decision);
	add_notes(rc, c, &sy->internal, 2);
	page_end(rc, d, "systems/", sy->id, ".html");
	pv_free(&er.v);
}

/* One row of the record of processing, filled while ropa.html expands
 * (tmpl_section_lazy): thousands of purposes never sit in memory as one
 * dictionary. The row's strings go to an arena of their own, reset for
 * the next row (the dictionary holds copies). */
struct ropa_fill {
	struct rctx	*rc;
	struct ropa_row	 row;
	struct arena	 a;
};

static void
ropa_fill_row(struct tmpl_dict *s, size_t i, void *arg)
{
	struct ropa_fill *f = arg;
	struct rctx *rc = f->rc;
	const struct purpose *p = rc->m->purposes[i];
	struct ropa_row *row = &f->row;
	struct tmpl_dict *x;
	size_t	 j;

	arena_reset(&f->a);
	ropa_row_fill(row, p, &f->a);
	tmpl_set(s, "TITLE", p->title);
	tmpl_set(s, "ID", p->id);
	set_link(rc, s, "HREF", p->href);
	tmpl_set(s, "SUMMARY", p->summary);
	if (p->status != PS_ACTIVE)
		set_opt(s, "ROW_STATUS", "TEXT", status_label(p->status));
	tmpl_set(s, "BASIS", p->legal_basis > LB_NONE &&
	    p->legal_basis < LB__COUNT ?
	    vocab_legal_bases[p->legal_basis].label : "");
	set_opt(s, "ROW_LI", "TEXT", p->legitimate_interest);
	if (p->special_condition > SC_NONE &&
	    p->special_condition < SC__COUNT)
		set_opt(s, "ROW_SC", "TEXT",
		    vocab_special_conditions[p->special_condition].label);
	for (j = 0; j < row->subjects.n; j++) {
		x = tmpl_section(s, "SUBJECT");
		tmpl_set(x, "NAME",
		    ((const struct term *)row->subjects.v[j])->name);
	}
	for (j = 0; j < row->categories.n; j++) {
		const struct category *cat = row->categories.v[j];
		x = tmpl_section(s, "CATEGORY");
		tmpl_set(x, "NAME", cat->name);
		tmpl_set(x, "KEY", cat->key);
		if (cat->special)
			tmpl_show(x, "CAT_SPECIAL");
	}
	for (j = 0; j < row->recipients.n; j++) {
		const struct recipient *r = row->recipients.v[j];
		x = tmpl_section(s, "RECIPIENT");
		tmpl_set(x, "NAME", r->name);
		tmpl_set(x, "ROLE", role_key(r->role));
		tmpl_set(x, "COUNTRY", r->country);
	}
	for (j = 0; j < row->transfers.n; j++) {
		x = tmpl_section(s, "TRANSFER");
		tmpl_set(x, "TEXT", row->transfers.v[j]);
	}
	for (j = 0; j < row->retention.n; j++) {
		x = tmpl_section(s, "RETENTION");
		tmpl_set(x, "TEXT", row->retention.v[j]);
	}
	for (j = 0; j < row->security.n; j++) {
		x = tmpl_section(s, "SECURITY");
		tmpl_set(x, "TEXT", row->security.v[j]);
	}
	if (row->recipients.n == 0)
		tmpl_show(s, "NO_RECIPIENTS");
	if (row->transfers.n == 0)
		tmpl_show(s, "NO_TRANSFERS");
	if (row->security.n == 0)
		tmpl_show(s, "NO_SECURITY");
}

/*
 * The Article 30 record, one row per purpose. The controller and its
 * contacts are the same for every row and stand once above the table;
 * ropa.csv repeats them per row (csv.c) so a spreadsheet row is whole.
 */
static void
render_ropa(struct rctx *rc)
{
	const struct model *m = rc->m;
	const struct site *st = &m->site;
	struct tmpl_dict *d, *c;
	struct ropa_fill f;

	memset(&f, 0, sizeof f);
	f.rc = rc;
	d = page_begin(rc, 0, "ropa", NULL, "Record of processing activities",
	    T_ROPA, &c);
	tmpl_set(c, "CONTROLLER", st->legal_name != NULL ? st->legal_name :
	    st->name);
	tmpl_set(c, "ADDRESS", st->address);
	tmpl_set(c, "EMAIL", st->email);
	set_opt(c, "PHONE", "TEXT", st->phone);
	contact_block(c, "DPO", &st->dpo);
	contact_block(c, "REPRESENTATIVE", &st->representative);
	if (rc->updated[0] != '\0')
		set_opt(c, "AS_OF", "DATE", rc->updated);
	set_href(rc, c, "CSV_HREF", "ropa.csv", NULL, NULL);
	tmpl_section_lazy(c, "ROW", m->npurposes, ropa_fill_row, &f);
	tmpl_show(c, m->npurposes == 0 ? "NONE" : "HAS_ROWS");
	page_end(rc, d, "ropa.html", NULL, NULL);
	ropa_row_free(&f.row);
	arena_free(&f.a);
}

/* A file that is not a page. */
void
emit_raw(struct rctx *rc, const char *name, const void *data, size_t len)
{
	buf_reset(&rc->path);
	buf_puts(&rc->path, rc->prefix);
	buf_puts(&rc->path, name);
	if (wr_file(rc->w, rc->path.ptr, data, len) == -1)
		rc->err = -1;
}

/* "14 October 2026" from SOURCE_DATE_EPOCH, in UTC. */
static void
format_updated(struct rctx *rc)
{
	time_t	 t;
	struct tm tm;

	rc->updated[0] = rc->updated_iso[0] = '\0';
	if (rc->m->source_date_epoch < 0)
		return;
	t = (time_t)rc->m->source_date_epoch;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	snprintf(rc->updated, sizeof rc->updated, "%d %s %d", tm.tm_mday,
	    months[tm.tm_mon], tm.tm_year + 1900);
	snprintf(rc->updated_iso, sizeof rc->updated_iso, "%04d-%02d-%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void
build_nav(struct rctx *rc)
{
	const struct model *m = rc->m;
	size_t	 i, n = 0;

	rc->nav = xcalloc(16 + m->npages, sizeof *rc->nav);
	rc->nav[n++] = (struct navitem){ "index", "index.html", "Overview", NULL };
	rc->nav[n++] = (struct navitem){ "label", "label.html",
	    "Privacy label", NULL };
	rc->nav[n++] = (struct navitem){ "recipients", "recipients.html",
	    "Who receives data", NULL };
	rc->nav[n++] = (struct navitem){ "rights", "rights.html",
	    "Your rights", NULL };
	rc->nav[n++] = (struct navitem){ "changes", "changes.html",
	    "Changes", NULL };
	if (rc->staff) {
		rc->nav[n++] = (struct navitem){ "systems",
		    "systems/index.html", "Systems", NULL };
		rc->nav[n++] = (struct navitem){ "ropa", "ropa.html",
		    "Record of processing", NULL };
		rc->nav[n++] = (struct navitem){ "committee",
		    "committee/index.html", "Committee", NULL };
		rc->nav[n++] = (struct navitem){ "checks", "checks.html",
		    "Checks", NULL };
	}
	n += report_nav(rc, rc->nav + n);	/* Reports; Access (staff) */
	for (i = 0; i < m->npages; i++) {
		const struct page *pg = m->pages[i];
		if (!page_visible(pg, rc->aud))
			continue;
		rc->nav[n].key = arena_printf(&rc->scratch,
		    "page:%s", pg->id);
		rc->nav[n].href = arena_printf(&rc->scratch,
		    "pages/%s.html", pg->id);
		rc->nav[n].label = pg->title;
		n++;
	}
	rc->nnav = n;
	for (i = 0; i < n; i++)
		rc->nav[i].up = arena_printf(&rc->scratch, "../%s",
		    rc->nav[i].href);
}

/*
 * An audience's indexes, shared read-only by the render threads:
 * recipient -> systems it runs and visible entries it is the source
 * of; the categories in use. What each category adds up to (rc->sums)
 * is left to the J_SUMS jobs.
 */
static void
build_indexes(struct rctx *rc)
{
	const struct model *m = rc->m;
	size_t	 i, j;
	long	 ri;

	rc->vendor_of = xcalloc(m->nrecipients + 1, sizeof *rc->vendor_of);
	rc->source_of = xcalloc(m->nrecipients + 1, sizeof *rc->source_of);
	rc->from = xcalloc(m->nrecipients + 1, sizeof *rc->from);
	for (i = 0; i < m->nrecipients; i++) {
		hmap_put(&rc->ridx, m->recipients[i]->id,
		    (void *)(uintptr_t)(i + 1));
		rc->from[i] = arena_printf(&rc->scratch, "From %s",
		    m->recipients[i]->name);
	}
	for (i = 0; i < m->nsystems; i++) {
		const struct system *sy = m->systems[i];
		if (!system_visible(sy, rc->aud))
			continue;
		if (sy->vendor.to != NULL &&
		    (ri = recipient_index(rc, sy->vendor.to)) >= 0)
			pv_add(&rc->vendor_of[ri], sy);
		for (j = 0; j < sy->ndata; j++) {
			const struct data_entry *e = &sy->data[j];
			if (e->source != SRC_RECIPIENT || e->source_ref.to ==
			    NULL || !entry_visible(e, rc->aud))
				continue;
			if ((ri = recipient_index(rc, e->source_ref.to)) >= 0)
				pv_add(&rc->source_of[ri], e);
		}
	}
	for (i = 0; i < m->ncategories; i++)
		if (category_in_use(rc, m->categories[i]))
			pv_add(&rc->cats, m->categories[i]);
	rc->sums = xcalloc(rc->cats.n + 1, sizeof *rc->sums);
}

static void
free_indexes(struct rctx *rc)
{
	size_t	 i;

	for (i = 0; i < rc->m->nrecipients; i++) {
		pv_free(&rc->vendor_of[i]);
		pv_free(&rc->source_of[i]);
	}
	free(rc->vendor_of);
	free(rc->source_of);
	free(rc->from);
	arena_free(&rc->scratch);
	hmap_free(&rc->ridx);
	for (i = 0; i < rc->cats.n; i++)
		catsum_free(&rc->sums[i]);
	free(rc->sums);
	pv_free(&rc->cats);
	free(rc->nav);
}

/* ------------------------------------------------------------------ */
/* Jobs */

/*
 * The render stage as a list of jobs that the render threads take in
 * list order, each the next one free (render_work): both cores stay
 * busy to the end, whatever the sizes of the two sites. A job writes
 * whole files, and a file's bytes do not depend on the thread that
 * makes it or on the order.
 *
 * First the J_SUMS jobs of each audience (its pages wait for them: the
 * overview, category pages and label read the sums), then the one-off
 * pages and files, the costliest first, then the per-entity pages in
 * small runs, so that the last jobs are short.
 */
enum rjob_kind {
	J_SUMS,		/* what categories [lo, hi) add up to */
	/* one-offs, by cost at N = 10,000 (ms of CPU) */
	J_ROPA,		/* ropa.html (staff): 390 */
	J_ROPA_CSV,	/* ropa.csv (staff): 230 */
	J_JSON,		/* inventory.json: 220 */
	J_RECIPIENTS,	/* recipients.html: 160 */
	J_GOV,		/* label, changes; committee, checks: 110 */
	J_SYSTEMS_INDEX, /* systems/index.html (staff): 20 */
	J_INDEX,	/* index.html: 15 */
	J_RIGHTS,
	J_REPORTS,	/* reports/, access/, the disclosure guard */
	J_STYLE,	/* style.css */
	/* items [lo, hi) of a model array */
	J_CATEGORIES,	/* of rc->cats: 0.1 to 25 each */
	J_PURPOSES,	/* 0.06 each */
	J_PAGES,
	J_SYSTEMS	/* (staff) 0.03 each */
};

#define RUN_PURPOSES	16	/* items per job */
#define RUN_SYSTEMS	32

/* One audience: its base context, read-only once its J_SUMS jobs are
 * done (the threads render with copies that add buffers of their own). */
struct rsite {
	struct rctx	 base;
	size_t		 pending;	/* J_SUMS jobs not finished */
};

struct rjob {
	struct rsite	*s;
	enum rjob_kind	 kind;
	size_t		 lo, hi;
	int		 taken;
};

struct render_run {
	struct rsite	 site[2];
	size_t		 nsites;
	struct rjob	*jobs;
	size_t		 njobs, cap;
	size_t		 next;		/* jobs before it are all taken */
	int		 err;		/* a job failed */
	int		 heavy;		/* a heavy() job is running */
	pthread_mutex_t	 mu;		/* jobs, next, err, heavy, pending */
	pthread_cond_t	 cv;		/* sums or a heavy job done */
};

static void
add_job(struct render_run *run, struct rsite *s, enum rjob_kind kind,
    size_t lo, size_t hi)
{
	if (run->njobs == run->cap) {
		run->cap = run->cap ? run->cap * 2 : 256;
		run->jobs = xrealloc(run->jobs, run->cap * sizeof *run->jobs);
	}
	run->jobs[run->njobs++] = (struct rjob){ s, kind, lo, hi, 0 };
}

/* Jobs [lo, n) of kind, per items items. */
static void
add_runs(struct render_run *run, struct rsite *s, enum rjob_kind kind,
    size_t n, size_t items)
{
	size_t	 i;

	for (i = 0; i < n; i += items)
		add_job(run, s, kind, i, i + items < n ? i + items : n);
}

static void
plan(struct render_run *run)
{
	const struct model *m = run->site[0].base.m;
	enum rjob_kind k;
	size_t	 i, n;

	for (i = 0; i < run->nsites; i++) {
		struct rsite *s = &run->site[i];
		n = s->base.cats.n;
		add_runs(run, s, J_SUMS, n, 1);
		s->pending = n;
	}
	for (k = J_ROPA; k <= J_STYLE; k++)
		for (i = 0; i < run->nsites; i++) {
			struct rsite *s = &run->site[i];
			if (!s->base.staff && (k == J_ROPA ||
			    k == J_ROPA_CSV || k == J_SYSTEMS_INDEX))
				continue;
			add_job(run, s, k, 0, 0);
		}
	for (i = 0; i < run->nsites; i++)
		add_runs(run, &run->site[i], J_CATEGORIES,
		    run->site[i].base.cats.n, 1);
	for (i = 0; i < run->nsites; i++)
		add_runs(run, &run->site[i], J_PURPOSES, m->npurposes,
		    RUN_PURPOSES);
	for (i = 0; i < run->nsites; i++)
		add_runs(run, &run->site[i], J_PAGES, m->npages, 1);
	for (i = 0; i < run->nsites; i++)
		if (run->site[i].base.staff)
			add_runs(run, &run->site[i], J_SYSTEMS, m->nsystems,
			    RUN_SYSTEMS);
}

/* A file that is not a page, streamed: begin with the sink s, fill
 * s (sink_check as it grows), end. Tens of MB never sit in memory. */
static struct wfile *
emit_begin(struct rctx *rc, const char *name, struct sink *s)
{
	struct wfile *f;

	buf_reset(&rc->path);
	buf_puts(&rc->path, rc->prefix);
	buf_puts(&rc->path, name);
	f = wr_begin(rc->w, rc->path.ptr);
	sink_init(s, wr_sink_put, f);
	return f;
}

static void
emit_end(struct rctx *rc, struct wfile *f, struct sink *s)
{
	(void)sink_flush(s);	/* a failure is wr_end's to say */
	if (wr_end(f) == -1)
		rc->err = -1;
	sink_free(s);
}

static void
run_job(struct rctx *rc, const struct rjob *j)
{
	const struct model *m = rc->m;
	struct wfile *f;
	struct sink s;
	size_t	 i;

	switch (j->kind) {
	case J_SUMS:
		for (i = j->lo; i < j->hi; i++)
			catsum_fill(rc, rc->cats.v[i], &rc->sums[i]);
		break;
	case J_ROPA:
		render_ropa(rc);
		break;
	case J_ROPA_CSV:
		f = emit_begin(rc, "ropa.csv", &s);
		csv_ropa_sink(m, &s);
		emit_end(rc, f, &s);
		break;
	case J_JSON:
		f = emit_begin(rc, "inventory.json", &s);
		json_inventory_sink(m, rc->aud, &s);
		emit_end(rc, f, &s);
		break;
	case J_RECIPIENTS:
		render_recipients(rc);
		break;
	case J_GOV: {
		const struct complete *cp;
		struct complete own;

		render_label(rc);
		render_changes(rc);
		if (rc->staff) {
			cp = gov_analysis(rc, &own);
			render_committee(rc, cp);
			render_decisions(rc);
			render_checks(rc, cp);
		}
		break;
	}
	case J_SYSTEMS_INDEX:
		render_systems(rc);
		break;
	case J_INDEX:
		render_index(rc);
		break;
	case J_RIGHTS:
		render_rights(rc);
		break;
	case J_REPORTS:
		render_reports(rc);
		break;
	case J_STYLE:
		emit_raw(rc, "style.css", render_th.css, render_th.css_len);
		break;
	case J_CATEGORIES:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			render_category(rc, i);
		break;
	case J_PURPOSES:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			if (purpose_visible(m->purposes[i], rc->aud))
				render_purpose(rc, m->purposes[i]);
		break;
	case J_PAGES:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			if (page_visible(m->pages[i], rc->aud))
				render_page(rc, m->pages[i]);
		break;
	case J_SYSTEMS:
		for (i = j->lo; i < j->hi && rc->err == 0; i++)
			render_system(rc, m->systems[i]);
		break;
	}
}

/*
 * The files made whole in memory, and ropa.html, whose dictionary
 * alone is some 250 MB at N = 10,000: two at once would add up.
 */
static int
heavy(enum rjob_kind k)
{
	return k == J_ROPA || k == J_ROPA_CSV || k == J_JSON ||
	    k == J_RECIPIENTS;
}

/*
 * The next job, or NULL when none is left: the first not taken, but
 * while a heavy job runs the first light one (or, when only heavy ones
 * are left, wait). Once a job has failed the build will not be
 * committed: the rest are dropped, but for the sums, which pages taken
 * already may wait for, and the reports, whose guard names every leak
 * in one run. A page job waits for its audience's sums.
 */
static struct rjob *
take(struct render_run *run)
{
	struct rjob *j = NULL;
	size_t	 i;

	pthread_mutex_lock(&run->mu);
	for (;;) {
		for (i = run->next; i < run->njobs && j == NULL; i++) {
			struct rjob *x = &run->jobs[i];
			if (x->taken)
				continue;
			if (run->err != 0 && x->kind != J_SUMS &&
			    x->kind != J_REPORTS)
				x->taken = 1;	/* dropped */
			else if (!run->heavy || !heavy(x->kind))
				j = x;
		}
		while (run->next < run->njobs && run->jobs[run->next].taken)
			run->next++;
		if (j != NULL || run->next == run->njobs)
			break;
		pthread_cond_wait(&run->cv, &run->mu);	/* only heavy left */
	}
	if (j != NULL) {
		j->taken = 1;
		if (heavy(j->kind))
			run->heavy = 1;
		if (j->kind != J_SUMS)
			while (j->s->pending > 0)
				pthread_cond_wait(&run->cv, &run->mu);
	}
	pthread_mutex_unlock(&run->mu);
	return j;
}

static void
done(struct render_run *run, const struct rjob *j, int err)
{
	pthread_mutex_lock(&run->mu);
	if (err != 0)
		run->err = -1;
	if (heavy(j->kind)) {
		run->heavy = 0;
		pthread_cond_broadcast(&run->cv);
	}
	if (j->kind == J_SUMS && --j->s->pending == 0)
		pthread_cond_broadcast(&run->cv);
	pthread_mutex_unlock(&run->mu);
}

/* ------------------------------------------------------------------ */
/* Entry points */

struct render_run *
render_begin(const struct model *m, unsigned audiences, struct writer *w)
{
	static const enum audience order[2] = { AUD_PUBLIC, AUD_INTERNAL };
	struct render_run *run;
	size_t	 i;

	if (!render_th.ready) {
		gh_fatal_msg("render_begin called before render_init");
		return NULL;
	}
	run = xcalloc(1, sizeof *run);
	for (i = 0; i < 2; i++) {
		struct rctx *rc = &run->site[run->nsites].base;

		if (!(audiences & order[i]))
			continue;
		run->nsites++;
		rc->m = m;
		rc->aud = order[i];
		rc->staff = order[i] == AUD_INTERNAL;
		rc->w = w;
		rc->prefix = rc->staff ? "internal/" : "public/";
		format_updated(rc);
		build_nav(rc);
		build_indexes(rc);
	}
	pthread_mutex_init(&run->mu, NULL);
	pthread_cond_init(&run->cv, NULL);
	if (run->nsites > 0)
		plan(run);
	return run;
}

void
render_work(struct render_run *run)
{
	struct rctx	 rc[2];
	int		 ready[2] = { 0, 0 };
	const struct rjob *j;
	size_t		 k;

	while ((j = take(run)) != NULL) {
		k = (size_t)(j->s - run->site);
		if (!ready[k]) {
			/* the base's indexes; buffers, scratch of our own */
			rc[k] = j->s->base;
			memset(&rc[k].scratch, 0, sizeof rc[k].scratch);
			buf_init(&rc[k].out);
			buf_init(&rc[k].path);
			buf_init(&rc[k].tmp);
			ready[k] = 1;
		}
		rc[k].err = 0;
		run_job(&rc[k], j);
		done(run, j, rc[k].err);
	}
	for (k = 0; k < 2; k++)
		if (ready[k]) {
			buf_free(&rc[k].out);
			buf_free(&rc[k].path);
			buf_free(&rc[k].tmp);
			arena_free(&rc[k].scratch);
		}
}

int
render_end(struct render_run *run)
{
	size_t	 i;
	int	 err;

	if (run == NULL)
		return -1;
	for (i = 0; i < run->nsites; i++)
		free_indexes(&run->site[i].base);
	pthread_mutex_destroy(&run->mu);
	pthread_cond_destroy(&run->cv);
	free(run->jobs);
	err = run->err;
	free(run);
	return err;
}

int
render_site(const struct model *m, enum audience aud, struct writer *w)
{
	struct render_run *run;

	if ((run = render_begin(m, aud, w)) == NULL)
		return -1;
	render_work(run);
	return render_end(run);
}
