/*
 * cmark_floor.c - the floor `make bench` compares glasshouse with: one
 * process that reads every purpose file of a content tree, skips its
 * front matter and renders the Markdown body with cmark, with the same
 * options glasshouse uses, into one output file. No templates, no model,
 * no per-page files: what any generator of these pages must at least do.
 *
 *	cmark-floor CONTENT/purposes OUT.html
 *
 * Files are taken in byte order of their names, like glasshouse does.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The body of a Markdown file: what follows a closing "---" line when
 * the file opens with one, else the whole text. */
static const char *
body(const char *s, size_t len, size_t *blen)
{
	const char *e;

	*blen = len;
	if (len < 4 || strncmp(s, "---\n", 4) != 0)
		return s;
	if ((e = strstr(s + 4, "\n---\n")) == NULL)
		return s;
	e += 5;
	*blen = len - (size_t)(e - s);
	return e;
}

int
main(int argc, char **argv)
{
	const int opts = CMARK_OPT_DEFAULT | CMARK_OPT_SMART |
	    CMARK_OPT_VALIDATE_UTF8;
	struct dirent *de;
	char **names = NULL, path[4096], *data = NULL;
	size_t n = 0, cap = 0, i, dcap = 0, total = 0;
	DIR *d;
	FILE *out, *f;

	if (argc != 3) {
		fputs("usage: cmark-floor PURPOSES-DIR OUT.html\n", stderr);
		return 2;
	}
	if ((d = opendir(argv[1])) == NULL) {
		perror(argv[1]);
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 4 || strcmp(de->d_name + l - 3, ".md") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((names = realloc(names, cap * sizeof *names)) == NULL)
				abort();
		}
		if ((names[n++] = strdup(de->d_name)) == NULL)
			abort();
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	if ((out = fopen(argv[2], "w")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	for (i = 0; i < n; i++) {
		size_t len = 0, blen, got;
		const char *b;
		char *html;

		snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
		if ((f = fopen(path, "rb")) == NULL) {
			perror(path);
			return 1;
		}
		for (;;) {
			if (dcap - len < 65536) {
				dcap = dcap ? dcap * 2 : 1 << 17;
				if ((data = realloc(data, dcap)) == NULL)
					abort();
			}
			got = fread(data + len, 1, dcap - len - 1, f);
			len += got;
			if (got == 0)
				break;
		}
		fclose(f);
		data[len] = '\0';
		b = body(data, len, &blen);
		total += blen;
		html = cmark_markdown_to_html(b, blen, opts);
		fputs(html, out);
		free(html);
		free(names[i]);
	}
	free(names);
	free(data);
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	fprintf(stderr, "cmark-floor: %zu bodies, %zu bytes\n", n, total);
	return 0;
}
