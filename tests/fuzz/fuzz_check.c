/*
 * fuzz_check.c - a whole "glasshouse check" of a content tree made
 * from the fuzz input: load_content, decode_model, check_model, and
 * the sorted diagnostics in both formats.
 *
 * Input format (tests/fuzz/mkseeds.py writes seeds in it): files
 * separated by lines "%%% PATH"; text before the first such line is
 * site.yaml. PATH is one of site.yaml, recipients.yaml,
 * categories.yaml, committee/members.yaml, or DIR/NAME with DIR one of
 * inventory, purposes, pages, reports, committee/decisions and NAME any
 * single component (so invalid ids reach the loader). The tree is
 * written under a private directory in /dev/shm (else $TMPDIR) and
 * removed after each run.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "decode.h"
#include "load.h"
#include "yml.h"
#include "fuzz.h"

#define MAX_FILES	48

static char	root[256];

static const char *const singles[] = {
	"site.yaml", "recipients.yaml", "categories.yaml",
	"committee/members.yaml"
};
static const char *const dirs[] = {
	"inventory/", "purposes/", "pages/", "reports/",
	"committee/decisions/"
};

static void
setup(void)
{
	const char *bases[] = { "/dev/shm", getenv("TMPDIR"), "/tmp" };
	size_t i;

	for (i = 0; i < 3; i++) {
		if (bases[i] == NULL)
			continue;
		snprintf(root, sizeof root, "%s/gh-fuzz-check-XXXXXX", bases[i]);
		if (mkdtemp(root) != NULL)
			return;
	}
	perror("fuzz_check: mkdtemp");
	abort();
}

/* Remove everything below dir (depth 2 at most: committee/decisions). */
static void
rm_below(const char *dir)
{
	char path[1024];
	struct dirent *e;
	struct stat st;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rm_below(path);
			rmdir(path);
		} else
			unlink(path);
	}
	closedir(d);
}

static void
cleanup(void)
{
	if (root[0] != '\0') {
		rm_below(root);
		rmdir(root);
	}
}

/* Is p (length n) an allowed path? */
static int
path_ok(const char *p, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof singles / sizeof singles[0]; i++)
		if (strlen(singles[i]) == n && memcmp(p, singles[i], n) == 0)
			return 1;
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		k = strlen(dirs[i]);
		if (n > k && n - k < 200 && memcmp(p, dirs[i], k) == 0 &&
		    memchr(p + k, '/', n - k) == NULL &&
		    memchr(p + k, '\0', n - k) == NULL &&
		    !(n - k == 1 && p[k] == '.') &&
		    !(n - k == 2 && p[k] == '.' && p[k + 1] == '.'))
			return 1;
	}
	return 0;
}

static void
put(const char *rel, size_t rlen, const uint8_t *data, size_t len)
{
	char path[1024], *slash;
	int fd;

	snprintf(path, sizeof path, "%s/%.*s", root, (int)rlen, rel);
	for (slash = path + strlen(root) + 1; (slash = strchr(slash, '/'));
	    slash++) {
		*slash = '\0';
		(void)mkdir(path, 0777);
		*slash = '/';
	}
	/* a later file of the same name wins */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1)
		return;
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w <= 0)
			break;
		data += w;
		len -= (size_t)w;
	}
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char sep[] = "\n%%% ";
	const uint8_t *p = data, *end = data + size, *next, *nl;
	const char *name = "site.yaml";
	size_t nlen = strlen(name);
	struct source src;
	struct model m;
	FILE *out;
	char *text = NULL;
	size_t tlen = 0, bad, i;
	int files = 0;

	if (root[0] == '\0') {
		setup();
		atexit(cleanup);
	}
	/* a leading "%%% PATH" line names the first file */
	if (size >= 4 && memcmp(data, sep + 1, 4) == 0)
		goto header;
	for (;;) {
		next = memmem(p, (size_t)(end - p), sep, sizeof sep - 1);
		if (files < MAX_FILES && path_ok(name, nlen)) {
			put(name, nlen, p, (size_t)((next ? next : end) - p));
			files++;
		}
		if (next == NULL)
			break;
		p = next + 1;
header:
		name = (const char *)p + 4;
		nl = memchr(name, '\n', (size_t)(end - (const uint8_t *)name));
		nlen = (size_t)((nl ? nl : end) - (const uint8_t *)name);
		p = nl ? nl + 1 : end;
	}

	model_init(&m);
	m.today.y = 2026, m.today.m = 6, m.today.d = 15;
	m.source_date_epoch = -1;
	if (load_content(&m, root, &src) == 0) {
		decode_model(&m, &src);
		check_model(&m);
	}
	/* what reaches a terminal or a JSON reader: valid UTF-8, and no
	 * control character but the newline ending each line */
	out = open_memstream(&text, &tlen);
	diag_flush(out, size & 1, (size >> 1) & 1);
	fclose(out);
	FUZZ_ASSERT(utf8_check(text, tlen, &bad) == 0);
	for (i = 0; i < tlen; i++)
		FUZZ_ASSERT((unsigned char)text[i] >= 0x20 || text[i] == '\n');
	free(text);
	diag_reset();
	model_free(&m);
	rm_below(root);
	return 0;
}
