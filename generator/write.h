/*
 * write.h - the only code that touches the output tree.
 *
 * A build writes into a staging directory beside the output directory
 * and switches it in atomically at the end: readers see either the
 * previous complete site or the new one, never a mix, and a failed or
 * killed build leaves the previous site exactly as it was. Files whose
 * bytes did not change are carried over (hard link) so they keep their
 * mtime and the rebuild writes nothing for them.
 *
 * The module owns the output directory, its lock file and staging tree
 * for the whole build, and each struct writer and struct wfile it hands
 * out (freed by wr_commit/wr_abort and wr_end/wr_cancel). write.c is the
 * writer's lifetime, write_file.c one file streamed in, write_fs.c the
 * POSIX helpers; write_impl.h is their internal header.
 */
#ifndef GH_WRITE_H
#define GH_WRITE_H

#include <stddef.h>

struct writer;

struct write_stats {
	size_t	files;		/* files in the new tree */
	size_t	written;	/* files whose bytes changed (or are new) */
	size_t	bytes;		/* bytes of the changed files */
};

/*
 * Begin a build of outdir. keep lists top-level subdirectories
 * ("public", "internal") not rebuilt this time, carried over unchanged
 * from the previous build. force allows taking over a non-empty
 * directory glasshouse did not create. Takes a lock (a second build of
 * the same outdir waits), removes stale staging directories left by a
 * killed build. Returns NULL after printing "glasshouse: ..." on error.
 */
struct writer	*wr_open(const char *outdir, const char *const *keep, int force);
/* Add one file (relpath like "public/data/x.html"; directories are
 * made as needed). Returns 0, or -1 after printing the error. Several
 * threads may add files at once. */
int		 wr_file(struct writer *, const char *relpath,
		    const void *data, size_t len);
/*
 * The same, a piece at a time, so a big file never sits whole in
 * memory: wr_begin(), any number of wr_put(), then wr_end(), which
 * does what wr_file() would have done with all the pieces joined, and
 * prints the same messages. While the pieces equal the previous
 * build's file nothing is written; an unchanged file is carried over.
 * wr_begin never fails: every error (a bad relpath too) is printed by
 * wr_end, so a file given up with wr_cancel() prints nothing and
 * leaves nothing in the new tree. wr_put returns -1 once the file has
 * failed (later pieces are dropped). wr_end and wr_cancel free the
 * struct wfile. One wfile belongs to one thread at a time; several
 * may be open at once.
 */
struct wfile;
struct wfile	*wr_begin(struct writer *, const char *relpath);
int		 wr_put(struct wfile *, const void *data, size_t len);
int		 wr_end(struct wfile *);
void		 wr_cancel(struct wfile *);
/* wr_put shaped as a struct sink's put (util.h), arg a struct wfile. */
int		 wr_sink_put(void *wfile, const void *data, size_t len);
/* Switch the staged tree in; frees the writer. Returns 0 or -1. */
int		 wr_commit(struct writer *, struct write_stats *);
/* Remove the staging directory; frees the writer. */
void		 wr_abort(struct writer *);
/* The output directory as given to wr_open(), for messages. */
const char	*wr_dir(const struct writer *);

#endif
