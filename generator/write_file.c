/*
 * write_file.c - one file streamed into the writer (write.h: wr_begin,
 * wr_put, wr_end, wr_cancel, and wr_file for a whole buffer). It owns
 * the struct wfile of each file on its way in; the directories and the
 * counts it shares with the other threads belong to the struct writer
 * (write_impl.h), taken under its mutex.
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "write_impl.h"

/*
 * One file on its way in (write.h: wr_begin). While the pieces put so
 * far equal the previous build's file at the same offsets, nothing is
 * written: fd stays -1 and off counts the bytes matched. At the first
 * difference the staged file is created and the matched prefix copied
 * from the old file (it is what was put), and from then on every piece
 * is written. At the end a file that never differed and has the old
 * length is carried over.
 */
struct wfile {
	struct writer	*w;
	char		*rel;		/* as given */
	char		*path;		/* outdir/rel, for messages */
	const char	*leaf;		/* in rel */
	int		 bad;		/* rel refused (fs_valid_relpath) */
	int		 sfd, ofd;	/* its directory in both trees (the
					   writer's, open until the commit) */
	int		 old;		/* the previous file, or -1 */
	struct stat	 st;		/* of old */
	int		 fd;		/* the staged file once created */
	size_t		 off;		/* bytes put */
	int		 err;		/* errno of the first failure */
	const char	*what;		/* and what failed, for fs_fail */
};

/* Staged file created here, so removed on failure. */
static void
wf_unstage(struct wfile *f)
{
	if (f->fd >= 0) {
		close(f->fd);
		f->fd = -1;
		unlinkat(f->sfd, f->leaf, 0);
	}
}

/* Free f and close the previous file. */
static void
wf_free(struct wfile *f)
{
	if (f->old >= 0)
		close(f->old);
	free(f->path);
	free(f->rel);
	free(f);
}

/* Record the first failure; returns -1. */
static int
wf_fail(struct wfile *f, const char *what, int err)
{
	if (f->err == 0) {
		f->err = err;
		f->what = what;
	}
	return -1;
}

/* Do len bytes of data equal the old file's at offset f->off? Read
 * errors count as "no". */
static int
wf_same(struct wfile *f, const char *data, size_t len)
{
	char	 chunk[65536];
	size_t	 done = 0, want;
	ssize_t	 n;

	if (f->old == -1 || (off_t)(f->off + len) > f->st.st_size)
		return 0;
	while (done < len) {
		want = len - done < sizeof chunk ? len - done : sizeof chunk;
		n = pread(f->old, chunk, want, (off_t)(f->off + done));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(chunk, data + done, (size_t)n) != 0)
			return 0;
		done += (size_t)n;
	}
	return 1;
}

/* Create the staged file, holding the f->off bytes matched so far
 * (copied from the old file). */
static int
wf_stage(struct wfile *f)
{
	char	 chunk[65536];
	size_t	 done = 0, want;
	ssize_t	 n;

	f->fd = openat(f->sfd, f->leaf,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (f->fd == -1)
		return wf_fail(f, "cannot write", errno);
	while (done < f->off) {
		want = f->off - done < sizeof chunk ? f->off - done :
		    sizeof chunk;
		n = pread(f->old, chunk, want, (off_t)done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			wf_fail(f, "cannot write", n == 0 ? EIO : errno);
			wf_unstage(f);
			return -1;
		}
		if (fs_write_all(f->fd, chunk, (size_t)n) == -1) {
			wf_fail(f, "cannot write", errno);
			wf_unstage(f);
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

/* Safe to call from several threads at once (see struct writer). */
struct wfile *
wr_begin(struct writer *w, const char *relpath)
{
	struct wfile *f = xcalloc(1, sizeof *f);
	struct wdir *d;
	const char *leaf;
	char	*dir;

	f->w = w;
	f->rel = xstrdup(relpath);
	f->sfd = f->ofd = f->old = f->fd = -1;
	if (!fs_valid_relpath(relpath)) {
		f->bad = 1;		/* wr_end says so */
		return f;
	}
	f->path = fs_join(w->outdir, relpath);
	leaf = strrchr(f->rel, '/');
	dir = leaf == NULL ? xstrdup("") :
	    xstrndup(f->rel, (size_t)(leaf - f->rel));
	f->leaf = leaf == NULL ? f->rel : leaf + 1;

	pthread_mutex_lock(&w->mu);
	d = wdir_get(w, dir);
	if (d != NULL) {
		f->sfd = d->sfd;
		f->ofd = d->ofd;
	}
	pthread_mutex_unlock(&w->mu);
	free(dir);
	if (d == NULL) {
		wf_fail(f, "cannot create directory for", errno);
		return f;
	}
	/* O_NONBLOCK: a planted FIFO must not hang the build */
	if (f->ofd >= 0 && (f->old = openat(f->ofd, f->leaf, O_RDONLY |
	    O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) >= 0 &&
	    (fstat(f->old, &f->st) == -1 || !S_ISREG(f->st.st_mode))) {
		close(f->old);
		f->old = -1;
	}
	return f;
}

/* Compare while the pieces match the old file, then write them. */
int
wr_put(struct wfile *f, const void *data, size_t len)
{
	if (f->bad || f->err != 0)
		return -1;
	if (len == 0)
		return 0;
	if (f->fd == -1) {
		if (wf_same(f, data, len)) {
			f->off += len;
			return 0;
		}
		if (wf_stage(f) == -1)
			return -1;
	}
	if (fs_write_all(f->fd, data, len) == -1) {
		wf_fail(f, "cannot write", errno);
		wf_unstage(f);
		return -1;
	}
	f->off += len;
	return 0;
}

/* Carry over or close the staged file; count it or fail the build. */
int
wr_end(struct wfile *f)
{
	struct writer *w = f->w;
	int	 rc = 0, written = 0;

	if (f->bad) {
		fprintf(stderr, "glasshouse: refusing to write '%s': not a "
		    "relative path inside the output directory\n", f->rel);
		rc = -1;
		goto out;
	}
	if (f->err == 0 && f->fd == -1) {
		/* unchanged: link the previous file in, keeping inode and
		 * mtime */
		if (f->old >= 0 && (off_t)f->off == f->st.st_size) {
			if (fs_carry_file(f->ofd, f->sfd, f->leaf, &f->st) == 0)
				goto out;
			if (errno == EEXIST) {
				rc = fs_fail("cannot write", f->path, errno);
				goto out;
			}
		}
		(void)wf_stage(f);
	}
	/* close reports delayed errors (NFS, quota) */
	if (f->err == 0 && close(f->fd) == -1) {
		f->fd = -1;
		wf_fail(f, "cannot write", errno);
		unlinkat(f->sfd, f->leaf, 0);
	}
	f->fd = -1;
	if (f->err != 0) {
		if (f->err == EEXIST && f->what != NULL &&
		    strcmp(f->what, "cannot write") == 0)
			fprintf(stderr, "glasshouse: cannot write '%s': "
			    "written twice in one build\n", f->path);
		else
			fs_fail(f->what, f->path, f->err);
		rc = -1;
		goto out;
	}
	written = 1;
out:
	pthread_mutex_lock(&w->mu);
	if (rc == -1)
		w->failed = 1;
	else {
		w->st.files++;
		if (written) {
			w->st.written++;
			w->st.bytes += f->off;
		}
	}
	pthread_mutex_unlock(&w->mu);
	wf_free(f);
	return rc;
}

/* wr_put for a struct sink. */
int
wr_sink_put(void *f, const void *data, size_t len)
{
	return wr_put(f, data, len);
}

/* Give the file up: nothing of it stays in the new tree. */
void
wr_cancel(struct wfile *f)
{
	if (f == NULL)
		return;
	wf_unstage(f);
	wf_free(f);
}

/* Safe to call from several threads at once (see struct writer). */
int
wr_file(struct writer *w, const char *relpath, const void *data, size_t len)
{
	struct wfile *f = wr_begin(w, relpath);

	(void)wr_put(f, data, len);
	return wr_end(f);
}
