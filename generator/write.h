/*
 * write.h - the only code that touches the output tree.
 *
 * A build writes into a staging directory beside the output directory
 * and switches it in atomically at the end: readers see either the
 * previous complete site or the new one, never a mix, and a failed or
 * killed build leaves the previous site exactly as it was. Files whose
 * bytes did not change are carried over (hard link) so they keep their
 * mtime and the rebuild writes nothing for them.
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
/* Switch the staged tree in; frees the writer. Returns 0 or -1. */
int		 wr_commit(struct writer *, struct write_stats *);
/* Remove the staging directory; frees the writer. */
void		 wr_abort(struct writer *);
/* The output directory as given to wr_open(), for messages. */
const char	*wr_dir(const struct writer *);

#endif
