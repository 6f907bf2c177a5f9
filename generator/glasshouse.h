/*
 * glasshouse.h - the pipeline, one stage per file:
 *
 *   load.c     content/ -> YAML trees and Markdown bodies (struct source)
 *   decode*.c  trees -> typed model objects (types, required, enums, ids)
 *   check.c    references and rules across objects (warnings too)
 *   model.c    derived indexes (what a purpose uses, who receives what)
 *   render.c   model -> pages through the templates (tmpl.h), plus
 *   json.c     inventory.json (json.h) and ropa.c the Art. 30 CSV (ropa.h)
 *   write.c    staging directory -> atomic switch of the output tree
 *
 * Stages talk through struct source and struct model only; the model
 * does no I/O, the renderer opens no output files, only the writer
 * touches the output tree.
 */
#ifndef GH_GLASSHOUSE_H
#define GH_GLASSHOUSE_H

#include "model.h"

#define GH_VERSION	"0.1.0"

/* Exit statuses (content-format section 6). */
enum {
	EXIT_OK		= 0,
	EXIT_CONTENT	= 1,
	EXIT_USAGE	= 2,
	EXIT_IO		= 3
};

/* One loaded content file. For .md files root is the front matter
 * (NULL when empty) and body/body_line locate the Markdown. */
struct srcfile {
	const char	*path;		/* "content/purposes/x.md" */
	const char	*id;		/* file stem, validated */
	struct pos	 pos;		/* path:1:1 */
	struct ynode	*root;
	const char	*body;
	size_t		 body_len;
	int		 body_line;	/* 1-based line of body[0] */
	bool		 failed;	/* YAML did not parse (already
					 * reported): decode skips it */
	struct arena	 tree;		/* root's nodes and a Markdown
					 * file's text: load_release() */
	char		*html;		/* the body rendered ahead by the
					 * loader, or NULL */
	size_t		 seq;		/* 1 + its place in the loader's
					 * queue; 0: loaded already */
};
struct srclist {
	struct srcfile	*v;
	size_t		 n;
};
struct source {
	struct srcfile	 site;		/* root NULL if missing (an error) */
	struct srcfile	 recipients;	/* path NULL when absent */
	struct srcfile	 categories;
	struct srcfile	 members;
	struct srclist	 inventory;	/* sorted by file name */
	struct srclist	 purposes;
	struct srclist	 pages;
	struct srclist	 reports;
	struct srclist	 decisions;
	struct loader	*loader;	/* parsing the lists, or NULL */
};

/*
 * load.c: read the single files (site.yaml, ...) and list the content
 * directories, then parse their files on worker threads, in the order
 * decode_model() takes them. An I/O failure returns -1 (exit 3);
 * content problems are diagnostics. A file of a list is there once
 * load_wait() returned 0 for it (-1: the loading failed, stop), and
 * its tree goes with load_release(). load_end() stops the workers,
 * frees what is left and returns -1 if an I/O error happened.
 */
int	 load_content(struct model *, const char *dir, struct source *);
int	 load_wait(struct source *, const struct srcfile *);
void	 load_release(struct source *, struct srcfile *);
int	 load_end(struct model *, struct source *);
/* Split "---\n...\n---\n" front matter from a Markdown file. Returns 0
 * and sets fm/fm_len/fm_line (1-based line of the first YAML line) and
 * body/body_line; returns -1 with *cause set if the front matter is
 * not closed. A file without front matter has fm NULL. */
int	 frontmatter_split(const char *data, size_t len,
	    const char **fm, size_t *fm_len, int *fm_line,
	    const char **body, size_t *body_len, int *body_line,
	    const char **cause);
/* Is s a valid id ([a-z0-9][a-z0-9-]*, at most ID_MAX)? If not, *why
 * says what is wrong. */
bool	 id_valid(const char *s, const char **why);

/* decode.c: the files of src -> m, one decode_<kind>.c per content
 * file kind (decode.h is internal to them). Returns -1 after an I/O
 * error while loading, else 0; content problems are diagnostics. */
int	 decode_model(struct model *, struct source *);
/* decode_scalar.c: the grammars, shared with tests and fuzzers; 0 ok,
 * -1 (with *cause set, for retention_parse). */
int	 retention_parse(struct arena *, const char *, struct retention *,
	    const char **cause);
int	 date_parse(const char *, struct date *, bool month_only_ok);
int	 period_parse(const char *, enum period_kind *, int *year, int *sub);
/* check.c: resolve references, apply the rules. Calls model_derive()
 * itself (the rules read the derived indexes); deriving again is
 * harmless. */
void	 check_model(struct model *);

/* model.c: sort the lists, build the derived indexes; idempotent. */
void	 model_derive(struct model *);

/* markdown.c: Markdown -> safe HTML in the arena (cmark, safe mode,
 * links through url_allowed, guarded against pathological input). */
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

/* render.c */
struct writer;
struct render_opts {
	const char	*theme_dir;	/* the site's theme, may be NULL */
	const char	*default_theme_dir;	/* fallback for every file */
	unsigned	 audiences;	/* AUD_* bits to build */
};
/* Load and check every template before any page is written. */
int	 render_init(const struct render_opts *);
int	 render_site(const struct model *, enum audience, struct writer *);
void	 render_fini(void);

/* atom.c: changes.atom (published decisions only); atom_uuid5 appends
 * "urn:uuid:" + the RFC 4122 version 5 UUID of name (URL namespace). */
void	 atom_changes(const struct model *, struct buf *);
void	 atom_uuid5(const char *name, struct buf *);

#endif
