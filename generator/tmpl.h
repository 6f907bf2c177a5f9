/*
 * tmpl.h - the C face of the ctemplate shim: tmpl.cc loads and expands
 * templates and owns the process-wide template cache (one per process,
 * reset with tmpl_reset); tmpl_dict.cc makes the dictionaries, each
 * page's tree owned by the caller until tmpl_dict_free.
 *
 * Every function catches every C++ exception inside and reports failure
 * through its return value. Templates are parsed with HTML auto-escape
 * (each file must carry {{%AUTOESCAPE context="HTML"}}; tmpl_load
 * refuses a file without it) and STRIP_BLANK_LINES.
 *
 * Dictionaries are not thread-safe: one per thread. Expansion is.
 */
#ifndef GH_TMPL_H
#define GH_TMPL_H

#include "util.h"

struct tmpl_dict;

/* Set the directory templates are resolved against ("themes/x/templates").
 * A different root empties the cache, as tmpl_reset() does. */
void	 tmpl_set_root(const char *dir);
/* Load and parse one template (name relative to the root). Returns 0,
 * or -1 with ctemplate's complaint in err (stderr is captured, never
 * leaked to the terminal). Messages are appended to err as lines
 * "path:LINE: message" (":LINE" left out when the token cannot be
 * found), joined by '\n' with no final newline; on success err may
 * receive "path: warning: ..." lines. A name that failed keeps failing
 * with the same message until tmpl_reset(). */
int	 tmpl_load(const char *name, struct buf *err);

struct tmpl_dict *tmpl_dict_new(void);
/* Frees a dictionary from tmpl_dict_new with all its sections and
 * includes (those belong to their parent: never free them). */
void	 tmpl_dict_free(struct tmpl_dict *);
/* Values are copied. */
void	 tmpl_set(struct tmpl_dict *, const char *key, const char *val);
void	 tmpl_setn(struct tmpl_dict *, const char *key, const char *val, size_t);
void	 tmpl_set_int(struct tmpl_dict *, const char *key, long long);
/* Visible in this dictionary and all its sections and includes. */
void	 tmpl_set_global(struct tmpl_dict *, const char *key, const char *val);
/* Show a section once / add one repetition of it. */
void	 tmpl_show(struct tmpl_dict *, const char *section);
struct tmpl_dict *tmpl_section(struct tmpl_dict *, const char *section);
/*
 * A section of n dictionaries that are made only while the page is
 * expanded, one at a time: fill(row, i, arg) fills the i-th, as
 * tmpl_section's would be filled. The memory of row i is reused for row
 * i + 1, so a page of thousands of rows holds one row at a time; arg
 * (and what fill reads) must live until the page is expanded, on the
 * thread that expands it. A name is either
 * a lazy section or an ordinary one; n == 0 hides it.
 */
typedef void	tmpl_fill_fn(struct tmpl_dict *row, size_t i, void *arg);
void	 tmpl_section_lazy(struct tmpl_dict *, const char *section, size_t n,
	    tmpl_fill_fn *fill, void *arg);
/* Include dictionary for {{>NAME}} expanding template file. A file not
 * loaded yet goes through tmpl_load here; if that fails, expanding the
 * including template fails with the load error (ctemplate never gets
 * to load an unchecked file). */
struct tmpl_dict *tmpl_include(struct tmpl_dict *, const char *name,
	    const char *file);
/* Expand a loaded template; appends to out. Returns 0 or -1. On
 * failure nothing is appended (ctemplate's partial output is dropped).
 * A name not loaded yet is loaded first. Expansions of loaded templates
 * whose includes all loaded run in parallel; the others (which report
 * through the stderr capture) are serialised. A dictionary may move to
 * another thread for expansion once its builder is done with it. */
int	 tmpl_expand(const char *name, const struct tmpl_dict *, struct buf *out);
/* tmpl_expand that also appends the reason for a failure to err, in
 * tmpl_load's format (err may be NULL). */
int	 tmpl_expand_err(const char *name, const struct tmpl_dict *,
	    struct buf *out, struct buf *err);
/* tmpl_expand_err into a sink (util.h): the page is handed on in
 * pieces while it expands, the last one left in out->b for the
 * caller's sink_flush. On failure pieces may have gone on already:
 * the caller discards what it received (wr_cancel). */
int	 tmpl_expand_sink(const char *name, const struct tmpl_dict *,
	    struct sink *out, struct buf *err);
/* Drop the template cache (tests, theme switches). */
void	 tmpl_reset(void);

#endif
