/*
 * render_theme.c - the theme: which template file serves each page
 * kind (enum tpl, render_impl.h), the site's theme over the default
 * one file by file, every template loaded and checked by ctemplate
 * before the first page is written (errors reported against the
 * template's path), and the style sheet read whole. It owns render_th, which the render
 * threads only read once render_init() has returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render_impl.h"

#ifndef GH_DATADIR
#define GH_DATADIR "/usr/local/share/glasshouse"
#endif
#define GH_THEME_DEFAULT GH_DATADIR "/themes/default"
#define CSS_MAX (1u << 20)

/* --- templates and style sheet ------------------------------------ */

struct render_theme render_th;

/* The file of each template, under the theme's templates/. */

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

/* Has dir a templates/ directory we may enter? */
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

/* --- entry points ------------------------------------------------- */

/* Load the theme (render.h): every template, then the style sheet. */
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

/* Forget the theme; render_init() may run again. */
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
