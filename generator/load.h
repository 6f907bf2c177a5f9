/*
 * load.h - the first stage (load.c): a content directory read into
 * memory and parsed into YAML trees (yml.h) and Markdown bodies, one
 * struct srcfile per file, gathered in struct source.
 *
 * load.c owns the files' bytes and trees until decode has taken what
 * it keeps: the single files (site.yaml, recipients.yaml, ...) are read
 * at once, the files of the content directories are parsed on worker
 * threads in the order decode_model() (decode.h) takes them. File names
 * are ids (id_valid), never silently renamed; nothing here knows what
 * a field means. frontmatter_split and id_valid are the grammars, shared
 * with the tests and fuzzers.
 */
#ifndef GH_LOAD_H
#define GH_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

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
struct loader;
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

#endif
