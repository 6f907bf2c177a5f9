/*
 * replay.c - main() for a fuzz target without libFuzzer: run
 * LLVMFuzzerTestOneInput once on each file named on the command line
 * (a directory: each file in it, sorted). Used by make test to replay
 * tests/fuzz/regress/<target>/ under the plain and the ASan build.
 * Prints TAP, one line per input.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int n;

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
one(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, r;

	if (f == NULL) {
		printf("not ok %d - %s # cannot open\n", ++n, path);
		return;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
		}
		r = fread(buf + len, 1, cap - len, f);
		len += r;
	} while (r > 0);
	fclose(f);
	/* a copy of exactly len bytes, so ASan sees reads past the end */
	{
		unsigned char *exact = malloc(len ? len : 1);
		memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	printf("ok %d - %s\n", ++n, path);
	fflush(stdout);
}

static void
walk(const char *path)
{
	struct stat st;
	struct dirent *e;
	char **names = NULL, *p;
	size_t k = 0, i;
	DIR *d;

	if (stat(path, &st) == -1 || !S_ISDIR(st.st_mode)) {
		one(path);
		return;
	}
	if ((d = opendir(path)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (k + 1) * sizeof *names);
		names[k++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, k, sizeof *names, cmp);
	for (i = 0; i < k; i++) {
		p = malloc(strlen(path) + strlen(names[i]) + 2);
		sprintf(p, "%s/%s", path, names[i]);
		walk(p);
		free(p);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		walk(argv[i]);
	printf("1..%d\n", n);
	return 0;
}
