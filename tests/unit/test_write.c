/*
 * test_write.c - the output writer: atomic switch, unchanged files kept
 * (same inode and mtime), abort and failure leave the previous site
 * byte-identical, keep carries subtrees, foreign and traversal paths
 * are refused, planted symbolic links are never followed.
 */
#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "write.h"

struct file {
	const char	*rel;
	const char	*text;
};

static const struct file site1[] = {
	{ "index.html", "<p>home</p>\n" },
	{ "public/a/page.html", "<p>a</p>\n" },
	{ "public/data.csv", "x,y\n1,2\n" },
	{ "internal/secret.html", "<p>internal</p>\n" },
	{ NULL, NULL }
};

/* ---- helpers ---------------------------------------------------- */

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(p);
}

static void
rm_rf(const char *p)
{
	nftw(p, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int
setup(void **state)
{
	char *d = strdup("/tmp/gh-write-XXXXXX");

	if (d == NULL || mkdtemp(d) == NULL)
		return -1;
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	rm_rf(*state);
	free(*state);
	return 0;
}

/* dir/rel in a rotating static buffer (four live at a time). */
static const char *
P(const char *dir, const char *rel)
{
	static char bufs[4][512];
	static int i;
	char *b = bufs[i++ % 4];

	if ((size_t)snprintf(b, sizeof bufs[0], "%s/%s", dir, rel) >=
	    sizeof bufs[0])
		fail_msg("path too long");
	return b;
}

/* The whole file as a string (caller frees), or NULL. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void
assert_file(const char *path, const char *text)
{
	char *s = slurp(path);

	if (s == NULL)
		fail_msg("%s: missing", path);
	assert_string_equal(s, text);
	free(s);
}

static int
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static struct stat
lst(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		fail_msg("%s: %s", path, strerror(errno));
	return st;
}

/* Build files (up to a NULL rel) into dir/site. */
static struct write_stats
build(const char *dir, const struct file *files, const char *const *keep)
{
	struct write_stats ws;
	struct writer *w;

	w = wr_open(P(dir, "site"), keep, 0);
	assert_non_null(w);
	for (; files->rel != NULL; files++)
		assert_int_equal(wr_file(w, files->rel, files->text,
		    strlen(files->text)), 0);
	memset(&ws, 0xff, sizeof ws);
	assert_int_equal(wr_commit(w, &ws), 0);
	return ws;
}

/* Push every file's mtime into the past, so "unchanged" is visible. */
static void
age(const char *dir, const struct file *files)
{
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	for (; files->rel != NULL; files++)
		assert_int_equal(utimensat(AT_FDCWD, P(dir, files->rel), ts,
		    AT_SYMLINK_NOFOLLOW), 0);
}

/* Only the site and its lock file may remain beside it. */
static void
assert_no_debris(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s' | tr '\\n' ' ')\" = "
	    "'.site.lock site '", dir);
	if (system(cmd) != 0) {
		snprintf(cmd, sizeof cmd, "ls -lA '%s' >&2", dir);
		(void)system(cmd);
		fail_msg("debris left beside the site");
	}
}

/* stderr capture: everything written to fd 2 in between. */
static int	cap_saved = -1, cap_fd = -1;

static void
cap_begin(void)
{
	char path[] = "/tmp/gh-write-err-XXXXXX";

	fflush(stderr);
	cap_fd = mkstemp(path);
	assert_true(cap_fd >= 0);
	unlink(path);
	cap_saved = dup(2);
	assert_true(dup2(cap_fd, 2) == 2);
}

static char *
cap_end(void)
{
	char *s;
	off_t n;

	fflush(stderr);
	assert_true(dup2(cap_saved, 2) == 2);
	close(cap_saved);
	n = lseek(cap_fd, 0, SEEK_END);
	s = calloc(1, (size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(pread(cap_fd, s, (size_t)n, 0), n);
	close(cap_fd);
	return s;
}

/* ---- tests ------------------------------------------------------ */

static void
test_first_build(void **state)
{
	const char *dir = *state;
	char site[512];
	struct write_stats ws;

	ws = build(dir, site1, NULL);
	assert_int_equal(ws.files, 4);
	assert_int_equal(ws.written, 4);
	assert_int_equal(ws.bytes, 12 + 9 + 8 + 16);
	strcpy(site, P(dir, "site"));
	assert_file(P(site, "index.html"), "<p>home</p>\n");
	assert_file(P(site, "public/a/page.html"), "<p>a</p>\n");
	assert_file(P(site, "internal/secret.html"), "<p>internal</p>\n");
	assert_true(S_ISREG(lst(P(site, ".glasshouse")).st_mode));
	assert_no_debris(dir);
}

static void
test_rebuild_identical_keeps_files(void **state)
{
	const char *dir = *state;
	char site[512];
	struct write_stats ws;
	struct stat a, b;
	size_t i;

	build(dir, site1, NULL);
	strcpy(site, P(dir, "site"));
	age(site, site1);
	a = lst(P(site, "public/a/page.html"));
	ws = build(dir, site1, NULL);
	assert_int_equal(ws.files, 4);
	assert_int_equal(ws.written, 0);
	assert_int_equal(ws.bytes, 0);
	for (i = 0; site1[i].rel != NULL; i++) {
		b = lst(P(site, site1[i].rel));
		assert_int_equal(b.st_mtime, 1000000000);
		assert_file(P(site, site1[i].rel), site1[i].text);
	}
	b = lst(P(site, "public/a/page.html"));
	assert_int_equal(a.st_ino, b.st_ino);
	/* the old tree is gone: the file has one link again */
	assert_int_equal(b.st_nlink, 1);
	assert_no_debris(dir);
}

static void
test_changed_file_written(void **state)
{
	const char *dir = *state;
	char site[512];
	struct file site2[5];
	struct write_stats ws;
	struct stat a, b;

	build(dir, site1, NULL);
	strcpy(site, P(dir, "site"));
	age(site, site1);
	a = lst(P(site, "index.html"));
	memcpy(site2, site1, sizeof site2);
	site2[0].text = "<p>home!</p>\n";	/* one byte longer */
	site2[2].text = "x,y\n1,3\n";		/* same size */
	ws = build(dir, site2, NULL);
	assert_int_equal(ws.files, 4);
	assert_int_equal(ws.written, 2);
	assert_int_equal(ws.bytes, 13 + 8);
	b = lst(P(site, "index.html"));
	assert_int_not_equal(a.st_ino, b.st_ino);
	assert_int_not_equal(b.st_mtime, 1000000000);
	assert_file(P(site, "index.html"), "<p>home!</p>\n");
	assert_file(P(site, "public/data.csv"), "x,y\n1,3\n");
	assert_int_equal(lst(P(site, "public/a/page.html")).st_mtime,
	    1000000000);

	/* a file not written this time is gone */
	site2[3].rel = NULL;
	ws = build(dir, site2, NULL);
	assert_int_equal(ws.files, 3);
	assert_false(exists(P(site, "internal/secret.html")));
	assert_false(exists(P(site, "internal")));
}

static void
test_abort_leaves_old_tree(void **state)
{
	const char *dir = *state;
	char site[512], *before, *after;
	char cmd[700];
	struct writer *w;
	FILE *p;

	build(dir, site1, NULL);
	strcpy(site, P(dir, "site"));
	/* every byte, name and inode of the old tree */
	snprintf(cmd, sizeof cmd, "cd '%s' && find . -exec ls -lid {} + && "
	    "find . -type f -exec cat {} +", site);
	p = popen(cmd, "r");
	before = calloc(1, 65536);
	assert_true(fread(before, 1, 65535, p) > 0);
	pclose(p);

	w = wr_open(site, NULL, 0);
	assert_non_null(w);
	assert_int_equal(wr_file(w, "index.html", "new", 3), 0);
	assert_int_equal(wr_file(w, "new/file.html", "new", 3), 0);
	wr_abort(w);

	/* a failed wr_file makes wr_commit refuse, leaving the old tree */
	w = wr_open(site, NULL, 0);
	assert_non_null(w);
	assert_int_equal(wr_file(w, "index.html", "new", 3), 0);
	cap_begin();
	assert_int_equal(wr_file(w, "../escape.html", "x", 1), -1);
	assert_int_equal(wr_commit(w, NULL), -1);
	free(cap_end());

	p = popen(cmd, "r");
	after = calloc(1, 65536);
	assert_true(fread(after, 1, 65535, p) > 0);
	pclose(p);
	assert_string_equal(before, after);
	assert_false(exists(P(dir, "escape.html")));
	assert_no_debris(dir);
	free(before);
	free(after);
}

static void
test_keep_carries_subtree(void **state)
{
	static const char *const keep[] = { "internal", "missing", NULL };
	static const struct file pub[] = {
		{ "index.html", "<p>home 2</p>\n" },
		{ "public/data.csv", "x,y\n1,2\n" },
		{ NULL, NULL }
	};
	const char *dir = *state;
	char site[512];
	struct write_stats ws;
	struct stat a, b;

	build(dir, site1, NULL);
	strcpy(site, P(dir, "site"));
	age(site, site1);
	a = lst(P(site, "internal/secret.html"));
	ws = build(dir, pub, keep);
	assert_int_equal(ws.files, 3);
	assert_int_equal(ws.written, 1);
	b = lst(P(site, "internal/secret.html"));
	assert_int_equal(a.st_ino, b.st_ino);
	assert_int_equal(b.st_mtime, 1000000000);
	assert_file(P(site, "internal/secret.html"), "<p>internal</p>\n");
	assert_false(exists(P(site, "public/a/page.html")));
	assert_false(exists(P(site, "missing")));

	/* keep on a first build is nothing to carry */
	rm_rf(site);
	ws = build(dir, pub, keep);
	assert_int_equal(ws.files, 2);
	assert_false(exists(P(site, "internal")));
}

static void
test_refuses_foreign_dir(void **state)
{
	const char *dir = *state;
	char site[512], want[700], *err;
	struct writer *w;

	strcpy(site, P(dir, "site"));
	assert_int_equal(mkdir(site, 0777), 0);
	/* an empty directory is fine */
	build(dir, site1 + 3, NULL);
	rm_rf(site);

	assert_int_equal(mkdir(site, 0777), 0);
	put(P(site, "thesis.tex"), "precious");
	cap_begin();
	w = wr_open(site, NULL, 0);
	err = cap_end();
	assert_null(w);
	snprintf(want, sizeof want, "glasshouse: refusing to replace '%s': "
	    "it is not empty and was not made by glasshouse (use --force)\n",
	    site);
	assert_string_equal(err, want);
	free(err);
	assert_file(P(site, "thesis.tex"), "precious");

	/* a trailing slash names the same directory */
	cap_begin();
	w = wr_open(P(dir, "site/"), NULL, 0);
	free(cap_end());
	assert_null(w);

	/* a symbolic link is refused even with force */
	assert_int_equal(symlink("site", P(dir, "link")), 0);
	cap_begin();
	w = wr_open(P(dir, "link"), NULL, 1);
	err = cap_end();
	assert_null(w);
	assert_non_null(strstr(err, "it is a symbolic link"));
	free(err);
	unlink(P(dir, "link"));

	w = wr_open(site, NULL, 1);
	assert_non_null(w);
	assert_int_equal(wr_file(w, "index.html", "x", 1), 0);
	assert_int_equal(wr_commit(w, NULL), 0);
	assert_false(exists(P(site, "thesis.tex")));
	assert_file(P(site, "index.html"), "x");
}

static void
test_stale_staging_removed(void **state)
{
	const char *dir = *state;
	char stale[512], outside[512];
	struct writer *w;

	build(dir, site1, NULL);
	/* a killed build's staging tree, with a link out of it */
	strcpy(stale, P(dir, ".site.stage-99999999"));
	strcpy(outside, P(dir, "outside"));
	assert_int_equal(mkdir(outside, 0777), 0);
	put(P(outside, "keep.txt"), "keep me");
	assert_int_equal(mkdir(stale, 0777), 0);
	assert_int_equal(mkdir(P(stale, "sub"), 0555), 0);
	put(P(stale, "half.html"), "<p>hal");
	assert_int_equal(symlink(outside, P(stale, "out")), 0);
	assert_int_equal(mkdir(P(dir, ".site.stage-1-old"), 0777), 0);

	w = wr_open(P(dir, "site"), NULL, 0);
	assert_non_null(w);
	assert_false(exists(stale));
	assert_false(exists(P(dir, ".site.stage-1-old")));
	assert_file(P(outside, "keep.txt"), "keep me");
	wr_abort(w);
	rm_rf(outside);
	assert_no_debris(dir);
	assert_file(P(dir, "site/index.html"), "<p>home</p>\n");
}

static void
test_bad_relpaths(void **state)
{
	static const char *bad[] = { "", "/etc/passwd", "../x", "a/../../x",
	    "a//b", "a/", "./a", "a/.", "..", ".", ".glasshouse", NULL };
	const char *dir = *state;
	struct writer *w;
	char *err;
	size_t i;

	w = wr_open(P(dir, "site"), NULL, 0);
	assert_non_null(w);
	for (i = 0; bad[i] != NULL; i++) {
		cap_begin();
		if (wr_file(w, bad[i], "x", 1) != -1)
			fail_msg("'%s' was accepted", bad[i]);
		err = cap_end();
		assert_non_null(strstr(err, "glasshouse: refusing to write '"));
		free(err);
	}
	/* a name that merely contains dots is fine */
	assert_int_equal(wr_file(w, "a/..b/c..html", "x", 1), 0);
	assert_int_equal(wr_file(w, "a/.glasshouse", "x", 1), 0);
	cap_begin();
	assert_int_equal(wr_file(w, "a/..b/c..html", "y", 1), -1);
	err = cap_end();
	assert_non_null(strstr(err, "c..html': written twice"));
	free(err);
	wr_abort(w);
	assert_false(exists(P(dir, "site")));
	assert_false(exists(P(dir, "x")));

	cap_begin();
	w = wr_open(P(dir, "site"), (const char *const[]){ "../x", NULL }, 0);
	free(cap_end());
	assert_null(w);
}

/* Links planted in the old tree are not followed when comparing. */
static void
test_planted_symlinks(void **state)
{
	const char *dir = *state;
	char site[512], out[512];
	struct write_stats ws;
	struct writer *w;
	struct stat a;

	strcpy(site, P(dir, "site"));
	strcpy(out, P(dir, "outside"));
	build(dir, site1, NULL);
	assert_int_equal(mkdir(out, 0777), 0);
	put(P(out, "page.html"), "<p>a</p>\n");
	put(P(out, "index.html"), "<p>home</p>\n");
	a = lst(P(out, "index.html"));
	rm_rf(P(site, "public/a"));
	assert_int_equal(symlink(out, P(site, "public/a")), 0);
	unlink(P(site, "index.html"));
	assert_int_equal(symlink(P(out, "index.html"), P(site, "index.html")),
	    0);

	ws = build(dir, site1, NULL);
	assert_int_equal(ws.written, 2);	/* both written afresh */
	assert_true(S_ISDIR(lst(P(site, "public/a")).st_mode));
	assert_true(S_ISREG(lst(P(site, "index.html")).st_mode));
	assert_int_not_equal(lst(P(site, "index.html")).st_ino, a.st_ino);
	assert_int_equal(lst(P(out, "index.html")).st_nlink, 1);
	assert_file(P(out, "page.html"), "<p>a</p>\n");

	/* a planted FIFO does not hang the comparison */
	assert_int_equal(mkfifo(P(site, "fifo"), 0666), 0);
	w = wr_open(site, NULL, 0);
	assert_non_null(w);
	assert_int_equal(wr_file(w, "fifo", "", 0), 0);
	assert_int_equal(wr_commit(w, &ws), 0);
	assert_true(S_ISREG(lst(P(site, "fifo")).st_mode));
}

/* A second build of the same directory waits for the first. The
 * second build runs in a child forked before the first takes the lock
 * (a child forked after it would inherit the flock()ed descriptor). */
static void
test_lock_serialises(void **state)
{
	const char *dir = *state;
	struct writer *w;
	int status, go[2], done[2];
	pid_t pid;
	char c;

	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(done), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct writer *w2;

		alarm(20);		/* never hang the test run */
		close(go[1]);
		close(done[0]);
		/* quiet "waiting for another build" */
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		if (read(go[0], &c, 1) != 1)
			_exit(4);
		w2 = wr_open(P(dir, "site"), NULL, 0);
		/* the first build is committed by now */
		if (w2 == NULL || access(P(dir, "site/first"), F_OK) != 0)
			_exit(1);
		if (wr_file(w2, "second", "2", 1) != 0 ||
		    wr_commit(w2, NULL) != 0)
			_exit(2);
		if (write(done[1], "k", 1) != 1)
			_exit(5);
		_exit(0);
	}
	close(go[0]);
	close(done[1]);
	w = wr_open(P(dir, "site"), NULL, 0);
	assert_non_null(w);
	assert_int_equal(write(go[1], "g", 1), 1);
	nanosleep(&(struct timespec){ 0, 200000000 }, NULL);
	assert_int_equal(waitpid(pid, &status, WNOHANG), 0);
	assert_int_equal(wr_file(w, "first", "1", 1), 0);
	assert_int_equal(wr_commit(w, NULL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(read(done[0], &c, 1), 1);
	close(go[1]);
	close(done[0]);
	assert_file(P(dir, "site/second"), "2");
	assert_false(exists(P(dir, "site/first")));
}

/*
 * In a child whose file size limit stopped big.html: err (freed here)
 * is the one exact message, and no partial file is left in the stage.
 * Returns 0, 1 for another message, 2 if the partial file stayed.
 */
static int
efbig_reported(const char *dir, char *err)
{
	char	 want[700];
	int	 same;

	snprintf(want, sizeof want, "glasshouse: cannot write "
	    "'%s/site/big.html': %s\n", dir, strerror(EFBIG));
	if (!(same = strcmp(err, want) == 0))
		fprintf(stderr, "got: %s", err);
	free(err);
	if (!same)
		return 1;
	snprintf(want, sizeof want, "%s/.site.stage-%ld/big.html", dir,
	    (long)getpid());
	return access(want, F_OK) == 0 ? 2 : 0;	/* partial file removed */
}

/* A write error is reported with the path and strerror, and the
 * partial file does not survive. EFBIG stands in for ENOSPC. */
static void
test_write_error(void **state)
{
	const char *dir = *state;
	static char big[100000];
	int status;
	pid_t pid;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 50000, 50000 };
		struct writer *w;
		int rc;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(10);
		w = wr_open(P(dir, "site"), NULL, 0);
		if (w == NULL)
			_exit(11);
		cap_begin();
		if (wr_file(w, "big.html", big, sizeof big) != -1)
			_exit(12);
		if ((rc = efbig_reported(dir, cap_end())) != 0)
			_exit(12 + rc);
		wr_abort(w);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_false(exists(P(dir, "site")));
}

/* ---- the streaming writer (wr_begin, wr_put, wr_end) ------------- */

#define SBIG	300000		/* several pieces and read chunks */
#define SPIECE	(65536 + 13)	/* pieces that straddle the 64 KB reads */

/* SBIG bytes that differ from their neighbours. */
static char *
pattern(size_t n)
{
	char *p = malloc(n + 1);
	size_t i;

	assert_non_null(p);
	for (i = 0; i < n; i++)
		p[i] = (char)('a' + (i * 7 + i / 251) % 26);
	return p;
}

/* Build dir/site holding only rel, its len bytes put in pieces of
 * piece bytes (0: one put), after the file "other.html". */
static struct write_stats
sbuild(const char *dir, const char *rel, const char *data, size_t len,
    size_t piece)
{
	struct write_stats ws;
	struct writer *w;
	struct wfile *f;
	size_t off, n;

	w = wr_open(P(dir, "site"), NULL, 0);
	assert_non_null(w);
	assert_int_equal(wr_file(w, "other.html", "x\n", 2), 0);
	f = wr_begin(w, rel);
	assert_non_null(f);
	if (piece == 0)
		piece = len > 0 ? len : 1;
	for (off = 0; off < len; off += n) {
		n = len - off < piece ? len - off : piece;
		assert_int_equal(wr_put(f, data + off, n), 0);
	}
	assert_int_equal(wr_end(f), 0);
	memset(&ws, 0xff, sizeof ws);
	assert_int_equal(wr_commit(w, &ws), 0);
	return ws;
}

/* path holds exactly len bytes of data. */
static void
assert_bytes(const char *path, const char *data, size_t len)
{
	struct stat st = lst(path);
	char *s;

	assert_int_equal((size_t)st.st_size, len);
	s = slurp(path);
	assert_non_null(s);
	assert_memory_equal(s, data, len);
	free(s);
}

/*
 * Build old, age it, stream new over it: the file is carried over
 * (same inode and mtime, nothing written) exactly when the bytes are
 * the same, and holds the new bytes either way.
 */
static void
stream_over(const char *dir, const char *old, size_t oldlen,
    const char *new, size_t newlen, size_t piece)
{
	static const struct file f[] = { { "pub/f.bin", "" }, { NULL, NULL } };
	char site[512];
	struct write_stats ws;
	struct stat a, b;
	int same = oldlen == newlen && memcmp(old, new, newlen) == 0;

	sbuild(dir, "pub/f.bin", old, oldlen, 0);
	strcpy(site, P(dir, "site"));
	age(site, f);
	a = lst(P(site, "pub/f.bin"));
	ws = sbuild(dir, "pub/f.bin", new, newlen, piece);
	assert_int_equal(ws.files, 2);
	assert_int_equal(ws.written, same ? 0 : 1);
	assert_int_equal(ws.bytes, same ? 0 : newlen);
	b = lst(P(site, "pub/f.bin"));
	assert_bytes(P(site, "pub/f.bin"), new, newlen);
	if (same) {
		assert_int_equal(a.st_ino, b.st_ino);
		assert_int_equal(b.st_mtime, 1000000000);
	} else {
		assert_int_not_equal(a.st_ino, b.st_ino);
		assert_int_not_equal(b.st_mtime, 1000000000);
	}
	assert_no_debris(dir);
	rm_rf(site);
}

static void
test_stream_identical(void **state)
{
	char *a = pattern(SBIG);

	stream_over(*state, a, SBIG, a, SBIG, SPIECE);
	stream_over(*state, a, SBIG, a, SBIG, 1000);
	stream_over(*state, a, SBIG, a, SBIG, 0);
	free(a);
}

/* One byte changed at off, for several offsets and piece sizes. */
static void
test_stream_changed_byte(void **state)
{
	static const size_t at[] = {
		0, 1, 65535, 65536, SPIECE - 1, SPIECE, SPIECE + 1,
		2 * SPIECE, SBIG / 2, SBIG - 1
	};
	char *a = pattern(SBIG), *b = pattern(SBIG);
	size_t i;

	for (i = 0; i < sizeof at / sizeof at[0]; i++) {
		b[at[i]] ^= 0x20;
		stream_over(*state, a, SBIG, b, SBIG, SPIECE);
		stream_over(*state, a, SBIG, b, SBIG, 4096);
		b[at[i]] ^= 0x20;
	}
	free(a);
	free(b);
}

static void
test_stream_lengths(void **state)
{
	char *a = pattern(SBIG);

	/* old longer, at a piece boundary and inside one */
	stream_over(*state, a, SBIG, a, SPIECE, SPIECE);
	stream_over(*state, a, SBIG, a, SBIG - 1, SPIECE);
	stream_over(*state, a, SBIG, a, 100, SPIECE);
	/* old shorter */
	stream_over(*state, a, SPIECE, a, SBIG, SPIECE);
	stream_over(*state, a, SBIG - 1, a, SBIG, SPIECE);
	stream_over(*state, a, 100, a, SBIG, 0);
	/* empty, old or new */
	stream_over(*state, a, 0, a, 0, SPIECE);
	stream_over(*state, a, SBIG, a, 0, SPIECE);
	stream_over(*state, a, 0, a, SBIG, SPIECE);
	free(a);
}

/* No previous file, or no previous site at all. */
static void
test_stream_new(void **state)
{
	const char *dir = *state;
	char *a = pattern(SBIG);
	struct write_stats ws;

	ws = sbuild(dir, "pub/f.bin", a, SBIG, SPIECE);
	assert_int_equal(ws.written, 2);
	assert_int_equal(ws.bytes, 2 + SBIG);
	assert_bytes(P(dir, "site/pub/f.bin"), a, SBIG);
	ws = sbuild(dir, "pub/g.bin", a, SBIG, SPIECE);
	assert_int_equal(ws.files, 2);
	assert_int_equal(ws.written, 1);
	assert_bytes(P(dir, "site/pub/g.bin"), a, SBIG);
	assert_false(exists(P(dir, "site/pub/f.bin")));
	ws = sbuild(dir, "pub/e.bin", "", 0, 0);
	assert_int_equal(ws.written, 1);
	assert_bytes(P(dir, "site/pub/e.bin"), "", 0);
	assert_no_debris(dir);
	free(a);
}

/*
 * A file given up with wr_cancel leaves nothing in the new tree and
 * counts for nothing, whether it had differed yet or not; the same
 * path can then be written.
 */
static void
test_stream_cancel(void **state)
{
	const char *dir = *state;
	char *a = pattern(SBIG), stage[600];
	struct write_stats ws;
	struct writer *w;
	struct wfile *f;

	sbuild(dir, "pub/f.bin", a, SBIG, 0);
	w = wr_open(P(dir, "site"), NULL, 0);
	assert_non_null(w);
	snprintf(stage, sizeof stage, "%s/.site.stage-%ld/pub/f.bin", dir,
	    (long)getpid());
	/* still equal to the old file: nothing staged yet */
	f = wr_begin(w, "pub/f.bin");
	assert_int_equal(wr_put(f, a, SPIECE), 0);
	wr_cancel(f);
	assert_false(exists(stage));
	/* differed: staged, then removed */
	f = wr_begin(w, "pub/f.bin");
	assert_int_equal(wr_put(f, a, SPIECE), 0);
	assert_int_equal(wr_put(f, "zz", 2), 0);
	assert_true(exists(stage));
	wr_cancel(f);
	assert_false(exists(stage));
	f = wr_begin(w, "pub/new.bin");
	assert_int_equal(wr_put(f, a, 10), 0);
	wr_cancel(f);
	assert_int_equal(wr_file(w, "other.html", "x\n", 2), 0);
	memset(&ws, 0xff, sizeof ws);
	assert_int_equal(wr_commit(w, &ws), 0);
	assert_int_equal(ws.files, 1);
	assert_int_equal(ws.written, 0);
	assert_false(exists(P(dir, "site/pub/f.bin")));
	assert_false(exists(P(dir, "site/pub/new.bin")));
	assert_no_debris(dir);
	free(a);
}

/* The same file streamed twice in one build: the second fails with
 * wr_file's message, changed or not, and the build is not committed. */
static void
test_stream_twice(void **state)
{
	const char *dir = *state;
	char *a = pattern(SBIG), *err, want[700];
	struct writer *w;
	struct wfile *f;
	int changed;

	sbuild(dir, "pub/f.bin", a, SBIG, 0);
	for (changed = 0; changed < 2; changed++) {
		w = wr_open(P(dir, "site"), NULL, 0);
		assert_non_null(w);
		assert_int_equal(wr_file(w, "pub/f.bin", a, SBIG - changed),
		    0);
		f = wr_begin(w, "pub/f.bin");
		assert_int_equal(wr_put(f, a, SPIECE), 0);
		(void)wr_put(f, a + SPIECE, SBIG - SPIECE - changed);
		cap_begin();
		assert_int_equal(wr_end(f), -1);
		err = cap_end();
		if (changed)
			snprintf(want, sizeof want, "glasshouse: cannot write "
			    "'%s/site/pub/f.bin': written twice in one "
			    "build\n", dir);
		else
			snprintf(want, sizeof want, "glasshouse: cannot write "
			    "'%s/site/pub/f.bin': %s\n", dir, strerror(EEXIST));
		assert_string_equal(err, want);
		free(err);
		cap_begin();
		assert_int_equal(wr_commit(w, NULL), -1);
		free(cap_end());
	}
	assert_bytes(P(dir, "site/pub/f.bin"), a, SBIG);
	assert_no_debris(dir);
	free(a);
}

/* A write error in the middle of a stream: later puts fail, wr_end
 * reports it as wr_file does, and the partial file is gone. */
static void
test_stream_write_error(void **state)
{
	const char *dir = *state;
	int status;
	pid_t pid;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 150000, 150000 };
		struct writer *w;
		struct wfile *f;
		char *a = pattern(SBIG);
		size_t off;
		int failed = 0, rc;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(10);
		w = wr_open(P(dir, "site"), NULL, 0);
		if (w == NULL)
			_exit(11);
		f = wr_begin(w, "big.html");
		for (off = 0; off < SBIG; off += 10000)
			if (wr_put(f, a + off, 10000) == -1)
				failed = 1;
		if (!failed)
			_exit(12);
		cap_begin();
		if (wr_end(f) != -1)
			_exit(13);
		if ((rc = efbig_reported(dir, cap_end())) != 0)
			_exit(13 + rc);
		wr_abort(w);
		free(a);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_false(exists(P(dir, "site")));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_first_build),
		T(test_rebuild_identical_keeps_files),
		T(test_changed_file_written),
		T(test_abort_leaves_old_tree),
		T(test_keep_carries_subtree),
		T(test_refuses_foreign_dir),
		T(test_stale_staging_removed),
		T(test_bad_relpaths),
		T(test_planted_symlinks),
		T(test_lock_serialises),
		T(test_write_error),
		T(test_stream_identical),
		T(test_stream_changed_byte),
		T(test_stream_lengths),
		T(test_stream_new),
		T(test_stream_cancel),
		T(test_stream_twice),
		T(test_stream_write_error),
	};

	umask(022);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
