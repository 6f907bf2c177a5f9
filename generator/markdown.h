/*
 * markdown.h - Markdown bodies to safe HTML (markdown.c), and the one
 * URL allow-list the whole program uses.
 *
 * markdown.c owns the cmark calls: cmark runs in its safe mode (raw
 * HTML and dangerous link schemes dropped), every link and image URL
 * goes through url_allowed(), and a guard refuses input shapes that
 * make cmark slow (deep nesting, huge runs of brackets or delimiters)
 * with a diagnostic at the body's position, before cmark sees the text.
 * The HTML lives in the caller's arena.
 */
#ifndef GH_MARKDOWN_H
#define GH_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

/* Markdown -> safe HTML in the arena (cmark, safe mode, links through
 * url_allowed, guarded against pathological input). */
char	*md_render(struct arena *, const char *text, size_t len,
	    struct pos start);
/* md_render() without diagnostics, for rendering ahead on another
 * thread: NULL when the guard would refuse text or md_set_html(false)
 * is in force (then md_render() must run and report), else the HTML. */
char	*md_render_quiet(struct arena *, const char *text, size_t len);
/* With false, md_render() only checks (for `check`, which shows no
 * page) and returns "". */
void	 md_set_html(bool);
/* The one URL allow-list: http, https, mailto, or relative. */
bool	 url_allowed(const char *);

#endif
