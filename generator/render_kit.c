/*
 * render_kit.c - the page kit every page family builds with: the page
 * frame (page_begin/page_end, layout.tpl with header, content and
 * footer), files that are not pages (emit_raw), the value setters
 * (set_*, add_notes, contact_block), links to the model's items, and
 * the plain English words for the model's enums. The kit calls no page
 * family: a family calls the kit, the driver (render.c) the families.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render_impl.h"
#include "pool.h"
#include "write.h"

/* --- the page frame ----------------------------------------------- */

/*
 * Start a page at depth 0 (site root) or 1 (a subdirectory): the root
 * dictionary with the globals, header with navigation (navkey marks
 * the current page, areakey the section it belongs to), footer, and
 * the content include of template tpl, returned in *content; the body's
 * class is "page-" and tpl's kind.
 */
struct tmpl_dict *
page_begin(struct rctx *rc, int depth, const char *navkey,
    const char *areakey, const char *title, const char *tpl,
    struct tmpl_dict **content)
{
	const struct site *st = &rc->m->site;
	const struct theme_tpl *t = theme_tpl(tpl);
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
	tmpl_set_global(d, "PAGE_KIND", t->kind);
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

	h = tmpl_include(d, "HEADER", theme_tpl("header.tpl")->path);
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

	*content = tmpl_include(d, "CONTENT", t->path);
	if (rc->staff)
		tmpl_show(*content, "STAFF");

	f = tmpl_include(d, "FOOTER", theme_tpl("footer.tpl")->path);
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
	if (pool_page(rc->w, theme_tpl("layout.tpl")->path, rc->path.ptr, d,
	    &rc->out) == -1)
		rc->err = -1;
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

/* --- setting values ----------------------------------------------- */

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

/* Set key to a printf-formatted string. */
void
set_fmt(struct rctx *rc, struct tmpl_dict *d, const char *key,
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
		set_fmt(rc, d, key, "%04d", dt->y);
		snprintf(iso, sizeof iso, "%04d", dt->y);
	} else if (dt->d == 0) {
		set_fmt(rc, d, key, "%s %04d", month_names[dt->m - 1], dt->y);
		snprintf(iso, sizeof iso, "%04d-%02d", dt->y, dt->m);
	} else {
		set_fmt(rc, d, key, "%d %s %04d", dt->d, month_names[dt->m - 1],
		    dt->y);
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", dt->y, dt->m,
		    dt->d);
	}
	set_fmt(rc, d, "DATETIME", "%s", iso);
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

/* Strings of a list as a phrase: "A", "A and B", "A, B and C". */
void
set_series(struct rctx *rc, struct tmpl_dict *d, const char *key,
    const char *const *v, size_t n)
{
	size_t	 i;

	buf_reset(&rc->tmp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&rc->tmp, i == n - 1 ? " and " : ", ");
		buf_puts(&rc->tmp, v[i]);
	}
	tmpl_setn(d, key, rc->tmp.ptr, rc->tmp.len);
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
	inc = tmpl_include(d, "NOTES", theme_tpl("notes.tpl")->path);
	tmpl_show(inc, level == 3 ? "H3" : "H2");
	for (i = 0; i < n->n; i++) {
		s = tmpl_section(inc, "NOTE");
		tmpl_set(s, "KEY", n->v[i].key);
		tmpl_set(s, "TEXT", n->v[i].text);
	}
}

/* A contact (DPO, representative) as section sec, when it has anything. */
void
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

/* --- links -------------------------------------------------------- */

/* A new item of section sec with two fields and the link HREF; returns
 * the item. The shape every *_link below shares. */
static struct tmpl_dict *
link_item(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const char *k1, const char *v1, const char *k2, const char *v2,
    const char *href)
{
	struct tmpl_dict *s = tmpl_section(d, sec);

	tmpl_set(s, k1, v1);
	tmpl_set(s, k2, v2);
	set_link(rc, s, "HREF", href);
	return s;
}

/* A link to a purpose (PURPOSE section item: TITLE, HREF); returns
 * the item. */
struct tmpl_dict *
purpose_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct purpose *p)
{
	return link_item(rc, d, sec, "TITLE", p->title, "ID", p->id,
	    p->href);
}

/* A link to a recipient (section sec item: NAME, COUNTRY, HREF). */
void
recipient_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct recipient *r)
{
	link_item(rc, d, sec, "NAME", r->name, "COUNTRY", r->country_label,
	    r->href);
}

/* A link to a category's page (NAME, KEY, HREF; CAT_SPECIAL). */
void
category_link(struct rctx *rc, struct tmpl_dict *d, const char *sec,
    const struct category *c)
{
	struct tmpl_dict *s = link_item(rc, d, sec, "NAME", c->name, "KEY",
	    c->key, c->href);

	if (c->special)
		tmpl_show(s, "CAT_SPECIAL");
}

/* A system by name, linked to its page in the staff build only. */
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

/* --- small questions ---------------------------------------------- */

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

/* Does a free text say there is nothing ("none", "None.")? */
int
text_is_none(const char *s)
{
	return s != NULL && (strcasecmp(s, "none") == 0 ||
	    strcasecmp(s, "none.") == 0);
}

/* Index of a recipient in m->recipients, or -1. */
long
recipient_index(const struct rctx *rc, const struct recipient *r)
{
	void	*v = hmap_get(&rc->ridx, r->id);

	return v == NULL ? -1 : (long)(uintptr_t)v - 1;
}

/* --- plain words for the model's enums ---------------------------- */

/* A recipient's role, as its heading says it. */
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

/* What the role means for the reader, in one sentence. */
const char *
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

/* Whether the reader must give a data entry. */
const char *
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

/* A purpose's status, capitalised. */
const char *
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

/* The GDPR article of special data (9 or 10), else NULL. */
const char *
special_label(int special)
{
	if (special == 10)
		return "Criminal offence data (GDPR Article 10)";
	if (special == 9)
		return "Special category data (GDPR Article 9)";
	return NULL;
}
