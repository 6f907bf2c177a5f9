/*
 * write_fs.c - the POSIX helpers of the writer, relative to directory
 * descriptors and holding no writer state: path checks, rm -r, mkdir
 * -p, whole-buffer writes, new files, hard links with a copy as the
 * fallback, comparison of a file's bytes, and renameat2 through the
 * system call. Every path inside a tree is opened one component at a
 * time with O_NOFOLLOW, so a planted symbolic link is never followed.
 * Contracts in write_impl.h.
 *
 * Linux-specific (renameat2 by syscall), hence _GNU_SOURCE.
 */
#define _GNU_SOURCE

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "write_impl.h"

/* "glasshouse: what 'path': strerror(err)" on stderr; returns -1. */
int
fs_fail(const char *what, const char *path, int err)
{
	fprintf(stderr, "glasshouse: %s '%s': %s\n", what, path,
	    strerror(err));
	return -1;
}

/* Join two path pieces for messages (caller frees). */
char *
fs_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = xmalloc(la + lb + 2);

	memcpy(s, a, la);
	s[la] = '/';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

/* Close *fd unless it is -1, and set it to -1. */
void
fs_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* renameat2 through the system call, for C libraries without it. */
int
fs_rename2(int ofd, const char *o, int nfd, const char *n, unsigned flags)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, ofd, o, nfd, n, flags);
#else
	errno = ENOSYS;
	return -1;
#endif
}

/* Is errno from renameat2 "this kernel or filesystem can't do that"? */
int
fs_unsupported(int err)
{
	return err == EINVAL || err == ENOSYS || err == ENOTSUP ||
	    err == EOPNOTSUPP;
}

/*
 * A relative path of one or more plain components: not absolute, no
 * empty, "." or ".." component, nothing but the marker's own name at
 * the top. Defence in depth: the renderer builds these paths itself.
 */
int
fs_valid_relpath(const char *p)
{
	const char *c = p, *e;

	if (*p == '\0' || *p == '/' || strcmp(p, MARKER) == 0)
		return 0;
	for (;;) {
		e = strchr(c, '/');
		if (e == NULL)
			e = c + strlen(c);
		if (e == c || (e - c == 1 && c[0] == '.') ||
		    (e - c == 2 && c[0] == '.' && c[1] == '.'))
			return 0;
		if (*e == '\0')
			return 1;
		c = e + 1;
	}
}

/*
 * Remove name in dirfd and everything below it. Symbolic links are
 * removed, never followed. Entries are removed while the directory is
 * read, which POSIX leaves unspecified: a pass that leaves the
 * directory not empty is repeated.
 */
int
fs_rm_tree(int dirfd, const char *name)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int fd, rc, removed;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(dirfd, name, 0);
	do {
		fd = openat(dirfd, name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd == -1)
			return -1;
		/* our own read-only directories must still go */
		if ((st.st_mode & 0700) != 0700)
			(void)fchmod(fd, (st.st_mode & 07777) | 0700);
		if ((d = fdopendir(fd)) == NULL) {
			close(fd);
			return -1;
		}
		rc = 0;
		removed = 0;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			if (fs_rm_tree(fd, e->d_name) == -1)
				rc = -1;
			else
				removed++;
		}
		closedir(d);
		if (unlinkat(dirfd, name, AT_REMOVEDIR) == 0)
			return 0;
	} while (errno == ENOTEMPTY && rc == 0 && removed > 0);
	return -1;
}

/* Create every missing directory of path (mkdir -p; follows links:
 * this is the user's path to the output directory, not our tree). */
int
fs_mkdir_p(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		int end = *s == '\0';
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = fs_fail("cannot create directory", p, errno);
		if (end)
			break;
		*s = '/';
	}
	free(p);
	return rc;
}

/* Does the directory fd hold anything? -1 on error. */
int
fs_dir_empty(int fd)
{
	struct dirent *e;
	DIR *d;
	int dfd = dup(fd), empty = 1;

	if (dfd == -1)
		return -1;
	if ((d = fdopendir(dfd)) == NULL) {
		close(dfd);
		return -1;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

/* Write all of data to fd, through EINTR and short writes. */
int
fs_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0) {		/* should not happen for a file */
			errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Create leaf in dirfd (it must not exist) holding data. The partial
 * file is removed on error. */
int
fs_create_file(int dirfd, const char *leaf, const void *data, size_t len,
    mode_t mode, int *fdp)
{
	int fd, err;

	fd = openat(dirfd, leaf,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd == -1)
		return -1;
	if (fs_write_all(fd, data, len) == -1) {
		err = errno;
		close(fd);
		unlinkat(dirfd, leaf, 0);
		errno = err;
		return -1;
	}
	if (fdp != NULL) {
		*fdp = fd;
		return 0;
	}
	if (close(fd) == -1) {		/* delayed errors (NFS, quota) */
		err = errno;
		unlinkat(dirfd, leaf, 0);
		errno = err;
		return -1;
	}
	return 0;
}

/* Copy the regular file leaf from one directory to another, keeping
 * its mode and mtime: for when a hard link is not allowed. */
static int
copy_file(int from, int to, const char *leaf, const struct stat *st)
{
	struct timespec ts[2];
	char *data;
	size_t len = 0;
	ssize_t n;
	int in, out, err, rc;

	in = openat(from, leaf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in == -1)
		return -1;
	data = xmalloc((size_t)st->st_size + 1);
	while (len < (size_t)st->st_size) {
		n = read(in, data + len, (size_t)st->st_size - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	err = errno;
	close(in);
	if (len != (size_t)st->st_size) {
		free(data);
		errno = len < (size_t)st->st_size && err ? err : EIO;
		return -1;
	}
	rc = fs_create_file(to, leaf, data, len, st->st_mode & 07777, &out);
	free(data);
	if (rc == -1)
		return -1;
	ts[0] = st->st_atim;
	ts[1] = st->st_mtim;
	(void)futimens(out, ts);
	(void)fchmod(out, st->st_mode & 07777);
	if (close(out) == -1) {
		err = errno;
		unlinkat(to, leaf, 0);
		errno = err;
		return -1;
	}
	return 0;
}

/* Hard-link (or copy) the regular file leaf from one directory to
 * the other. */
int
fs_carry_file(int from, int to, const char *leaf, const struct stat *st)
{
	if (linkat(from, leaf, to, leaf, 0) == 0)
		return 0;
	if (errno == EEXIST)
		return -1;
	return copy_file(from, to, leaf, st);
}

/*
 * Open directory dir (relative, "" for the root) below root, one
 * component at a time without following links; with make, create the
 * missing ones. Returns a new descriptor (or a dup of root), or -1.
 */
int
fs_open_dir(int root, const char *dir, int make)
{
	char *p, *c, *e;
	int fd, nfd;

	if ((fd = dup(root)) == -1 || *dir == '\0')
		return fd;
	p = xstrdup(dir);
	for (c = p; fd != -1; c = e + 1) {
		e = strchr(c, '/');
		if (e != NULL)
			*e = '\0';
		if (make && mkdirat(fd, c, 0777) == -1 && errno != EEXIST) {
			nfd = -1;
		} else
			nfd = openat(fd, c, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = nfd;
		if (e == NULL)
			break;
	}
	free(p);
	return fd;
}

/* Has leaf in dirfd exactly these bytes? Fills *st when it is a
 * regular file. Errors count as "no". */
int
fs_same_bytes(int dirfd, const char *leaf, const void *data, size_t len,
    struct stat *st)
{
	char chunk[65536];
	size_t off = 0;
	ssize_t n;
	int fd, same = 0;

	/* O_NONBLOCK: a planted FIFO must not hang the build */
	fd = openat(dirfd, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd == -1)
		return 0;
	if (fstat(fd, st) == -1 || !S_ISREG(st->st_mode) ||
	    (size_t)st->st_size != len)
		goto out;
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (off + (size_t)n > len ||
		    memcmp(chunk, (const char *)data + off, (size_t)n) != 0)
			goto out;
		off += (size_t)n;
	}
	same = n == 0 && off == len;
out:
	close(fd);
	return same;
}
