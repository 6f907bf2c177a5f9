/*
 * test_render.c - the renderer on the example content (content/), run
 * through the real pipeline and writer: every page has the same frame
 * (doctype, lang, charset, viewport, title, skip link, header with
 * navigation, main, footer, audience marker), every link is relative
 * and resolves (fragments too), the public tree is a strict subset
 * (no internal page, field, note or entity), the "last updated" stamp
 * follows SOURCE_DATE_EPOCH, output is deterministic, and a theme
 * may override one template while a broken one fails render_init.
 * ropa.csv and inventory.json have their own tests (test_ropa.c,
 * test_json.c).
 */
#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "decode.h"
#include "load.h"
#include "render.h"
#include "write.h"
#include "example.h"

#define EPOCH	1791936000LL	/* 2026-10-14 */

static struct model	 M;
static struct source	 S;

/* ------------------------------------------------------------------ */
/* Helpers */

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*p;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	if (fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		fclose(f);
		return NULL;
	}
	p[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return p;
}

static int
rm_cb(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}
static void
rm_rf(const char *dir)
{
	nftw(dir, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

/* Files of a tree, relative paths, sorted. */
static char	**files;
static size_t	  nfiles;
static size_t	  tree_skip;
static int
list_cb(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)ftw;
	if (flag == FTW_F && strstr(p, "/.glasshouse") == NULL) {
		files = realloc(files, (nfiles + 1) * sizeof *files);
		files[nfiles++] = strdup(p + tree_skip);
	}
	return 0;
}
static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}
static void
list_tree(const char *dir)
{
	size_t	 i;

	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	files = NULL;
	nfiles = 0;
	tree_skip = strlen(dir) + 1;
	nftw(dir, list_cb, 16, FTW_PHYS);
	if (nfiles > 1)
		qsort(files, nfiles, sizeof *files, cmp_strp);
}

static int
ends_with(const char *s, const char *suf)
{
	size_t	 a = strlen(s), b = strlen(suf);

	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Silence stderr around calls that are expected to complain. */
static int saved_err = -1;
static void
quiet(int on)
{
	int	 fd;

	fflush(stderr);
	if (on) {
		saved_err = dup(2);
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2);
		close(fd);
	} else if (saved_err >= 0) {
		dup2(saved_err, 2);
		close(saved_err);
		saved_err = -1;
	}
}

/* Build both audiences of M into dir/site with the given theme. */
static int
build(const char *dir, long long epoch, const char *theme)
{
	struct render_opts ro;
	struct writer	*w;
	char		 out[512];
	long long	 was = M.source_date_epoch;
	int		 rc;

	memset(&ro, 0, sizeof ro);
	ro.theme_dir = theme;
	ro.default_theme_dir = "themes/default";
	ro.audiences = AUD_PUBLIC | AUD_INTERNAL;
	if (render_init(&ro) != 0)
		return -1;
	snprintf(out, sizeof out, "%s/site", dir);
	if ((w = wr_open(out, NULL, 1)) == NULL) {
		render_fini();
		return -1;
	}
	M.source_date_epoch = epoch;
	rc = render_site(&M, AUD_PUBLIC, w);
	if (rc == 0)
		rc = render_site(&M, AUD_INTERNAL, w);
	M.source_date_epoch = was;
	if (rc == 0)
		rc = wr_commit(w, NULL);
	else
		wr_abort(w);
	render_fini();
	return rc;
}

static char	 tmpdir[256];
static char	 site[300];

static int
setup(void **state)
{
	(void)state;
	if (example_load(&M, &S) != 0)
		return -1;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/gh-render-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	if (build(tmpdir, EPOCH, NULL) != 0)
		return -1;
	snprintf(site, sizeof site, "%s/site", tmpdir);
	list_tree(site);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	rm_rf(tmpdir);
	list_tree("/nonexistent");
	model_free(&M);
	return 0;
}

static char *
site_file(const char *rel, size_t *len)
{
	char	 p[2048];

	snprintf(p, sizeof p, "%s/%s", site, rel);
	return slurp(p, len);
}

static int
count(const char *hay, const char *needle)
{
	int	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* ------------------------------------------------------------------ */
/* Tests */

static void
test_page_list(void **state)
{
	static const char *const want[] = {
		"public/index.html", "public/recipients.html",
		"public/rights.html", "public/style.css",
		"public/inventory.json", "internal/index.html",
		"internal/ropa.html", "internal/ropa.csv",
		"internal/systems/index.html", "internal/inventory.json",
		"internal/style.css"
	};
	char	 p[512];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", site, want[i]);
		assert_int_equal(access(p, R_OK), 0);
	}
	for (i = 0; i < M.npurposes; i++) {
		snprintf(p, sizeof p, "%s/internal/purposes/%s.html", site,
		    M.purposes[i]->id);
		assert_int_equal(access(p, R_OK), 0);
		snprintf(p, sizeof p, "%s/public/purposes/%s.html", site,
		    M.purposes[i]->id);
		assert_int_equal(access(p, R_OK) == 0,
		    purpose_visible(M.purposes[i], AUD_PUBLIC));
	}
	for (i = 0; i < M.nsystems; i++) {
		snprintf(p, sizeof p, "%s/internal/systems/%s.html", site,
		    M.systems[i]->id);
		assert_int_equal(access(p, R_OK), 0);
	}
	for (i = 0; i < nfiles; i++)
		assert_true(strncmp(files[i], "public/systems/", 15) != 0 &&
		    strncmp(files[i], "public/ropa", 11) != 0);
}

static void
test_page_frame(void **state)
{
	size_t	 i;
	int	 npages = 0;

	(void)state;
	for (i = 0; i < nfiles; i++) {
		char	*t, *nav, *nave;
		int	 internal = strncmp(files[i], "internal/", 9) == 0;

		if (!ends_with(files[i], ".html"))
			continue;
		npages++;
		t = site_file(files[i], NULL);
		assert_non_null(t);
		if (strncmp(t, "<!DOCTYPE html>\n<html lang=\"", 28) != 0)
			fail_msg("%s: does not start with the doctype and "
			    "<html lang>", files[i]);
		assert_non_null(strstr(t, "<meta charset=\"utf-8\">"));
		assert_non_null(strstr(t, "<meta name=\"viewport\""));
		assert_non_null(strstr(t, "<title>"));
		assert_non_null(strstr(t, "<a class=\"skip-link\" href=\"#main\">"));
		assert_int_equal(count(t, "<main id=\"main\""), 1);
		assert_int_equal(count(t, "<header"), 1);
		assert_int_equal(count(t, "<footer"), 1);
		assert_non_null(nav = strstr(t, "<nav class=\"site-nav\""));
		assert_non_null(nave = strstr(nav, "</nav>"));
		*nave = '\0';
		assert_true(count(nav, "aria-current=\"page\"") <= 1);
		*nave = '<';
		assert_int_equal(count(t, "Internal — staff wiki."),
		    internal ? 2 : 0);	/* banner and footer */
		assert_int_equal(count(t, "Public privacy notice"),
		    internal ? 0 : 1);
		assert_non_null(strstr(t, "Last updated <time "
		    "datetime=\"2026-10-14\">14 October 2026</time>"));
		assert_null(strstr(t, "<script"));
		free(t);
	}
	assert_true(npages > 20);
}

/* Every href and src is relative (or an http(s)/mailto link written in
 * content) and names a file of the same tree, with the fragment's id. */
static void
test_links_resolve(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < nfiles; i++) {
		char	*t, *p, *q, dir[512], target[1024], *slash;
		int	 internal = strncmp(files[i], "internal/", 9) == 0;

		if (!ends_with(files[i], ".html"))
			continue;
		t = site_file(files[i], NULL);
		snprintf(dir, sizeof dir, "%s", files[i]);
		slash = strrchr(dir, '/');
		*slash = '\0';
		for (p = t; (p = strstr(p, " href=\"")) != NULL; p = q) {
			char	 url[512], *frag, *tt;
			size_t	 n;

			p += 7;
			q = strchr(p, '"');
			n = (size_t)(q - p);
			assert_true(n < sizeof url);
			memcpy(url, p, n);
			url[n] = '\0';
			if (strncmp(url, "https://", 8) == 0 ||
			    strncmp(url, "http://", 7) == 0 ||
			    strncmp(url, "mailto:", 7) == 0)
				continue;
			if (url[0] == '/' || strstr(url, "//") != NULL ||
			    strchr(url, ':') != NULL)
				fail_msg("%s: link '%s' is not relative",
				    files[i], url);
			if ((frag = strchr(url, '#')) != NULL)
				*frag++ = '\0';
			if (url[0] == '\0')
				snprintf(target, sizeof target, "%s",
				    files[i]);
			else
				snprintf(target, sizeof target, "%s/%s", dir,
				    url);
			/* Fold "x/../" (one level is all the tree has). */
			{
				char *d;
				while ((d = strstr(target, "/../")) != NULL) {
					char *s = d;
					while (s > target && s[-1] != '/')
						s--;
					memmove(s, d + 4, strlen(d + 4) + 1);
				}
			}
			if (strncmp(target, internal ? "internal/" :
			    "public/", internal ? 9 : 7) != 0)
				fail_msg("%s: link '%s' leaves its tree",
				    files[i], url);
			tt = site_file(target, NULL);
			if (tt == NULL)
				fail_msg("%s: link '%s' is broken", files[i],
				    url);
			if (frag != NULL && *frag != '\0') {
				char	 id[600];
				snprintf(id, sizeof id, "id=\"%s\"", frag);
				if (strstr(tt, id) == NULL)
					fail_msg("%s: link '%s#%s': no such id",
					    files[i], url, frag);
			}
			free(tt);
		}
		free(t);
	}
}

/* No internal note, contract, internal entity or staff field reaches
 * any public file. */
static void
test_public_subset(void **state)
{
	const char	*secret[4096];
	size_t		 ns = 0, i, j;

	(void)state;
#define NOTES(x) for (j = 0; j < (x).n && ns < 4096; j++) \
	secret[ns++] = (x).v[j].text
	NOTES(M.site.internal);
	for (i = 0; i < M.nsystems; i++) {
		NOTES(M.systems[i]->internal);
		if (M.systems[i]->audience == AUD_INTERNAL)
			secret[ns++] = M.systems[i]->name;
	}
	for (i = 0; i < M.npurposes; i++) {
		NOTES(M.purposes[i]->internal);
		if (!purpose_visible(M.purposes[i], AUD_PUBLIC))
			secret[ns++] = M.purposes[i]->title;
	}
	for (i = 0; i < M.nrecipients; i++) {
		NOTES(M.recipients[i]->internal);
		if (M.recipients[i]->contract != NULL)
			secret[ns++] = M.recipients[i]->contract;
		if (M.recipients[i]->audience == AUD_INTERNAL)
			secret[ns++] = M.recipients[i]->name;
	}
	for (i = 0; i < M.npages; i++)
		if (M.pages[i]->audience == AUD_INTERNAL)
			secret[ns++] = M.pages[i]->title;
#undef NOTES
	assert_true(ns > 0);	/* the example content has some */
	for (i = 0; i < nfiles; i++) {
		char	*t;
		if (strncmp(files[i], "public/", 7) != 0)
			continue;
		t = site_file(files[i], NULL);
		for (j = 0; j < ns; j++)
			if (secret[j] != NULL && strlen(secret[j]) > 3 &&
			    strstr(t, secret[j]) != NULL)
				fail_msg("%s: holds internal text '%s'",
				    files[i], secret[j]);
		if (ends_with(files[i], ".html"))
			assert_null(strstr(t, "class=\"staff"));
		assert_null(strstr(t, "\"custodian\": "));
		assert_null(strstr(t, "\"internal\": "));
		assert_null(strstr(t, "\"contract\": "));
		assert_null(strstr(t, "\"owner\": "));
		free(t);
	}
}

static void
test_no_date_without_epoch(void **state)
{
	char	 dir[300];
	size_t	 i;

	(void)state;
	snprintf(dir, sizeof dir, "%s/nodate", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(build(dir, -1, NULL), 0);
	strcat(dir, "/site");
	list_tree(dir);
	for (i = 0; i < nfiles; i++) {
		char	 p[1024], *t;
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		t = slurp(p, NULL);
		assert_null(strstr(t, "Last updated"));
		assert_null(strstr(t, "As of"));
		free(t);
	}
	list_tree(site);
}

static void
test_deterministic(void **state)
{
	char	 dir[300], p[1024];
	size_t	 i, a, b;

	(void)state;
	snprintf(dir, sizeof dir, "%s/again", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(build(dir, EPOCH, NULL), 0);
	for (i = 0; i < nfiles; i++) {
		char	*x = site_file(files[i], &a), *y;
		snprintf(p, sizeof p, "%s/site/%s", dir, files[i]);
		y = slurp(p, &b);
		assert_non_null(y);
		if (a != b || memcmp(x, y, a) != 0)
			fail_msg("%s differs between two builds", files[i]);
		free(x);
		free(y);
	}
}

static int
write_text(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	if (f == NULL)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* Load, check and render the content in dir (into dir/site); the
 * content must have no errors. */
static void
build_dir(const char *dir)
{
	struct model	 m2, saved = M;
	struct source	 s2;
	int		 rc;

	model_init(&m2);
	m2.today = M.today;
	assert_int_equal(load_content(&m2, dir, &s2), 0);
	decode_model(&m2, &s2);
	check_model(&m2);
	if (diag_errors() != 0)
		diag_flush(stderr, 0, 0);
	assert_int_equal(diag_errors(), 0);
	diag_reset();
	M = m2;			/* build() renders M */
	rc = build(dir, EPOCH, NULL);
	M = saved;
	model_free(&m2);
	assert_int_equal(rc, 0);
}

/* A content tree tmpdir/name (its path into dir, of size n): empty
 * inventory/ and purposes/, and site.yaml holding org. */
static void
new_tree(char *dir, size_t n, const char *name, const char *org)
{
	char	 p[400];

	snprintf(dir, n, "%s/%s", tmpdir, name);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(p, sizeof p, "%s/inventory", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/purposes", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/site.yaml", dir);
	assert_int_equal(write_text(p, org), 0);
}

/* dir/site/public/index.html (to free) and, in *row, its row for
 * user.contact.email. */
static char *
email_row(const char *dir, char **row)
{
	char	 p[400], *t;

	snprintf(p, sizeof p, "%s/site/public/index.html", dir);
	t = slurp(p, NULL);
	assert_non_null(t);
	*row = strstr(t, "href=\"data/user.contact.email.html\"");
	assert_non_null(*row);
	return t;
}

/* The overview lists at most 5 purposes per kind of data, then "and N
 * more purposes" linking to the kind's own page, which lists them all. */
static void
test_index_caps_purposes(void **state)
{
	char		 dir[300], p[400], *t, *row;
	int		 i;

	(void)state;
	new_tree(dir, sizeof dir, "cap", "organisation:\n  name: Cap Co\n"
	    "  address: 1 Road, Town\n  email: privacy@cap.example\n");
	snprintf(p, sizeof p, "%s/inventory/shop.yaml", dir);
	assert_int_equal(write_text(p, "name: Shop\ndescription: The shop.\n"
	    "custodian: shop\nlocations: [NL]\ndata:\n"
	    "  - category: user.contact.email\n    subjects: [customer]\n"
	    "    purposes: [p1, p2, p3, p4, p5, p6, p7]\n"
	    "    retention: 1 year\n    required: contract\n"), 0);
	for (i = 1; i <= 7; i++) {
		snprintf(p, sizeof p, "%s/purposes/p%d.md", dir, i);
		assert_int_equal(write_text(p, "---\ntitle: Purpose\n"
		    "summary: A purpose.\nlegal_basis: contract\n---\n"
		    "Body.\n"), 0);
	}
	build_dir(dir);
	t = email_row(dir, &row);
	assert_int_equal(count(row, "href=\"purposes/p"), 5 + 7);  /* + cards */
	assert_non_null(strstr(row, "<a href=\"data/user.contact.email.html"
	    "#why-h\">and 2 more purposes</a>"));
	free(t);
	snprintf(p, sizeof p, "%s/site/public/data/user.contact.email.html",
	    dir);
	t = slurp(p, NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "id=\"why-h\""));
	for (i = 1; i <= 7; i++) {
		char	 l[64];
		snprintf(l, sizeof l, "href=\"../purposes/p%d.html\"", i);
		assert_int_equal(count(t, l), 2);	/* summary, row */
	}
	assert_null(strstr(t, "more purposes"));
	free(t);
}

/* The overview's purpose item for href, "<li>...</li>", in the row
 * starting at row; NULL if there is none. */
static char *
item_of(const char *row, const char *href)
{
	const char *a = strstr(row, href), *b, *e;

	if (a == NULL || (e = strstr(a, "</li>")) == NULL)
		return NULL;
	for (b = a; b > row && strncmp(b, "<li>", 4) != 0; b--)
		;
	return strndup(b, (size_t)(e + 5 - b));
}

/* On the overview each purpose carries how long it keeps that kind of
 * data, from the entries that serve it: a period never stands beside a
 * purpose it does not belong to (they were two separate lists). */
static void
test_index_pairs_retention(void **state)
{
	static const char *const sys[][3] = {
		{ "shop", "orders", "6 years after your order" },
		{ "crm", "orders", "2 years after your last message" },
		{ "mail", "news", "until you unsubscribe" },
	};
	char	 dir[300], p[400], *t, *row, *orders, *news;
	size_t	 i;

	(void)state;
	new_tree(dir, sizeof dir, "pair", "organisation:\n  name: Pair Co\n"
	    "  address: 1 Road, Town\n  email: privacy@pair.example\n");
	for (i = 0; i < sizeof sys / sizeof sys[0]; i++) {
		char	 y[400];

		snprintf(p, sizeof p, "%s/inventory/%s.yaml", dir, sys[i][0]);
		snprintf(y, sizeof y, "name: %s\ndescription: A system.\n"
		    "custodian: it\nlocations: [NL]\ndata:\n"
		    "  - category: user.contact.email\n"
		    "    subjects: [customer]\n    purposes: [%s]\n"
		    "    retention: %s\n    required: contract\n",
		    sys[i][0], sys[i][1], sys[i][2]);
		assert_int_equal(write_text(p, y), 0);
	}
	snprintf(p, sizeof p, "%s/purposes/orders.md", dir);
	assert_int_equal(write_text(p, "---\ntitle: Orders\nsummary: Orders."
	    "\nlegal_basis: contract\n---\nBody.\n"), 0);
	snprintf(p, sizeof p, "%s/purposes/news.md", dir);
	assert_int_equal(write_text(p, "---\ntitle: News\nsummary: News.\n"
	    "legal_basis: consent\nwithdraw: Unsubscribe.\n---\nBody.\n"),
	    0);
	build_dir(dir);
	t = email_row(dir, &row);
	orders = item_of(row, "href=\"purposes/orders.html\"");
	news = item_of(row, "href=\"purposes/news.html\"");
	assert_non_null(orders);
	assert_non_null(news);
	assert_string_equal(news, "<li><a href=\"purposes/news.html\">News</a>"
	    "<span class=\"kept\">Kept until you unsubscribe</span></li>");
	assert_string_equal(orders, "<li><a href=\"purposes/orders.html\">"
	    "Orders</a><span class=\"kept\">Kept 2 years after your last "
	    "message</span><span class=\"kept\">Kept 6 years after your "
	    "order</span></li>");
	free(orders);
	free(news);
	free(t);
}

/* A theme overrides one template, the default theme gives the rest; a
 * template without the escaping pragma fails before any page. */
static void
test_theme_override(void **state)
{
	char	 theme[300], tdir[320], p[400], *t;

	(void)state;
	snprintf(theme, sizeof theme, "%s/theme", tmpdir);
	snprintf(tdir, sizeof tdir, "%s/templates", theme);
	assert_int_equal(mkdir(theme, 0755), 0);
	assert_int_equal(mkdir(tdir, 0755), 0);
	snprintf(p, sizeof p, "%s/footer.tpl", tdir);
	assert_int_equal(write_text(p, "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<footer>themed {{ORG_NAME}}</footer>\n"), 0);
	snprintf(p, sizeof p, "%s/themed", tmpdir);
	assert_int_equal(mkdir(p, 0755), 0);
	assert_int_equal(build(p, EPOCH, theme), 0);
	strcat(p, "/site/public/index.html");
	t = slurp(p, NULL);
	assert_non_null(t);
	assert_non_null(strstr(t, "<footer>themed "));
	assert_non_null(strstr(t, "<main id=\"main\""));
	free(t);

	snprintf(p, sizeof p, "%s/page.tpl", tdir);
	assert_int_equal(write_text(p, "<p>{{TITLE}}</p>\n"), 0);
	snprintf(p, sizeof p, "%s/broken", tmpdir);
	assert_int_equal(mkdir(p, 0755), 0);
	quiet(1);
	assert_int_equal(build(p, EPOCH, theme), -1);
	quiet(0);
	strcat(p, "/site");
	assert_int_equal(access(p, F_OK), -1);	/* nothing written */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_list),
		cmocka_unit_test(test_page_frame),
		cmocka_unit_test(test_links_resolve),
		cmocka_unit_test(test_public_subset),
		cmocka_unit_test(test_index_caps_purposes),
		cmocka_unit_test(test_index_pairs_retention),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_no_date_without_epoch),
		cmocka_unit_test(test_theme_override),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
