/*
 * render_theme.c - the theme: the site's theme over the default one
 * file by file, every template loaded and checked by ctemplate before
 * the first page is written (errors reported against the template's
 * path), each found again by its file name (theme_tpl), and the style
 * sheet read whole. It knows the kit's own templates (layout, header,
 * footer, notes); the families' come from the driver (theme_load's
 * names). It owns render_th, which the render threads only read once
 * render_init() has returned.
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

/* The kit's templates, under the theme's templates/: loaded first. */
static const char *const kit_tpl[] = {
	"layout.tpl", "header.tpl", "footer.tpl", "notes.tpl"
};
#define NKIT	(sizeof kit_tpl / sizeof kit_tpl[0])

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

/* Load template name (once) from the theme, or the fallback; -1 if
 * it is missing or broken, after saying why. */
static int
load_tpl(const char *theme, const char *fb, const char *name,
    struct buf *err)
{
	struct theme_tpl *t;
	char	*k;
	int	 rc = 0;

	if (hmap_get(&render_th.byname, name) != NULL)
		return 0;
	t = &render_th.tpl[render_th.ntpl++];
	t->name = xstrdup(name);
	hmap_put(&render_th.byname, t->name, t);
	/* "access_index.tpl" -> "access-index" */
	t->kind = xstrdup(name);
	if ((k = strrchr(t->kind, '.')) != NULL && strcmp(k, ".tpl") == 0)
		*k = '\0';
	for (k = t->kind; *k != '\0'; k++)
		if (*k == '_')
			*k = '-';
	t->path = theme_file(theme, fb, "templates", name);
	if (t->path == NULL) {
		fprintf(stderr, "%s/templates/%s: error: template not "
		    "found\n", theme, name);
		return -1;
	}
	buf_reset(err);
	if (tmpl_load(t->path, err) == -1)
		rc = -1;
	report_tpl(t->path, err);	/* errors or warnings */
	return rc;
}

/* --- entry points ------------------------------------------------- */

/* Load the theme (render_impl.h): the kit's templates, names, then
 * the style sheet. */
int
theme_load(const struct render_opts *o, const char *const *names,
    size_t n)
{
	const char	*theme, *fb;
	struct buf	 err = BUF_INIT;
	char		*css;
	size_t		 i;
	int		 rc = 0;

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
	render_th.tpl = xcalloc(NKIT + n + 1, sizeof *render_th.tpl);
	for (i = 0; i < NKIT + n; i++)
		if (load_tpl(theme, fb, i < NKIT ? kit_tpl[i] :
		    names[i - NKIT], &err) == -1)
			rc = -1;
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

/* A loaded template by its file name (render_impl.h). */
const struct theme_tpl *
theme_tpl(const char *name)
{
	const struct theme_tpl *t;

	if ((t = hmap_get(&render_th.byname, name)) == NULL) {
		gh_fatal_msg("template '%s' was not loaded: no family "
		    "lists it", name);
		abort();
	}
	return t;
}

/* Forget the theme; render_init() may run again. */
void
render_fini(void)
{
	size_t	 i;

	for (i = 0; i < render_th.ntpl; i++) {
		free(render_th.tpl[i].name);
		free(render_th.tpl[i].path);
		free(render_th.tpl[i].kind);
	}
	free(render_th.tpl);
	render_th.tpl = NULL;
	render_th.ntpl = 0;
	hmap_free(&render_th.byname);
	free(render_th.css);
	render_th.css = NULL;
	render_th.css_len = 0;
	render_th.ready = 0;
}
