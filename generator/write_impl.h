/*
 * write_impl.h - internal to write*.c: the writer's state, shared by
 * write.c (its lifetime: open, carry over, commit or abort) and
 * write_file.c (the files streamed into it), and the prototypes of
 * write_fs.c, fd-relative POSIX helpers that hold no writer state.
 * Nothing outside write*.c includes it; the public face is write.h.
 */
#ifndef GH_WRITE_IMPL_H
#define GH_WRITE_IMPL_H

#include <sys/types.h>
#include <sys/stat.h>

#include <pthread.h>
#include <stddef.h>

#include "write.h"

/* In the root of every tree glasshouse made: proof it may replace it. */
#define MARKER		".glasshouse"
#define MARKER_TEXT	"This directory is made by glasshouse and replaced " \
			"on every build.\n"

/*
 * One build of outdir (write.h: wr_open .. wr_commit or wr_abort).
 * write.c creates and frees it; wr_begin and wr_end read outdir and
 * take mu for dirs, failed and st.
 */
struct writer {
	char	*outdir;	/* as given (no trailing '/'), for messages */
	char	*parent;	/* directory holding outdir, for messages */
	char	*base;		/* last component of outdir */
	char	*stage;		/* ".<base>.stage-<pid>", in parent */
	int	 pfd;		/* parent directory */
	int	 lockfd;
	int	 sfd;		/* staging root */
	int	 ofd;		/* previous outdir, or -1 */
	/* Every directory wr_file has written to, open in both trees
	 * until the commit: a build has a few dozen, and wr_file runs on
	 * several threads, which look them up under mu and then do their
	 * I/O without it. */
	struct wdir {
		char	*dir;	/* "public/purposes" ("" = root) */
		int	 sfd;	/* in staging */
		int	 ofd;	/* in the previous tree, or -1 */
	} *dirs;
	size_t	 ndirs, capdirs;
	pthread_mutex_t mu;	/* dirs, failed, st */
	int	 failed;	/* a wr_file failed: never commit */
	struct write_stats st;
};

/* write.c: the directory dir of both trees (made in staging as
 * needed); call with mu held. NULL (errno set) when it cannot be made.
 * The descriptors stay open until the commit. */
struct wdir	*wdir_get(struct writer *, const char *dir);

/*
 * write_fs.c. Each returns 0, or -1 with errno set, unless it says
 * otherwise. Within a tree nothing follows a symbolic link (openat
 * with O_NOFOLLOW, one component at a time); only fs_fail and
 * fs_mkdir_p print.
 */
/* "glasshouse: what 'path': strerror(err)" on stderr; returns -1. */
int	 fs_fail(const char *what, const char *path, int err);
/* "a/b" for messages; the caller frees it. */
char	*fs_join(const char *a, const char *b);
/* Close *fd unless it is -1, and set it to -1. */
void	 fs_close(int *fd);
/* renameat2(2) through the system call; fs_unsupported(errno) when
 * the kernel or filesystem cannot do the flags. */
int	 fs_rename2(int ofd, const char *o, int nfd, const char *n,
	    unsigned flags);
int	 fs_unsupported(int err);
/* 1 when p is plain components, not MARKER at the top; else 0. */
int	 fs_valid_relpath(const char *p);
/* rm -r of name in dirfd; links are removed, never followed. */
int	 fs_rm_tree(int dirfd, const char *name);
/* mkdir -p of the user's path (follows links), printing the error. */
int	 fs_mkdir_p(const char *path);
/* 1 when the directory fd holds nothing, 0 when it holds something. */
int	 fs_dir_empty(int fd);
/* All of data to fd, through EINTR and short writes. */
int	 fs_write_all(int fd, const void *data, size_t len);
/* A new leaf in dirfd holding data, removed again on error; with fdp
 * it is left open there, else closed (close errors count). */
int	 fs_create_file(int dirfd, const char *leaf, const void *data,
	    size_t len, mode_t mode, int *fdp);
/* Hard-link the regular file leaf (st: its stat) from one directory
 * into the other, or copy it keeping mode and mtime. */
int	 fs_carry_file(int from, int to, const char *leaf,
	    const struct stat *st);
/* A new descriptor of dir ("" = root itself) below root; with make,
 * missing components are created. */
int	 fs_open_dir(int root, const char *dir, int make);
/* 1 when leaf in dirfd holds exactly data (*st filled when it is a
 * regular file); errors count as 0. */
int	 fs_same_bytes(int dirfd, const char *leaf, const void *data,
	    size_t len, struct stat *st);

#endif
