/*
 * yaml_floor.c - the other floor `make bench` shows: one process, one
 * thread, that reads every YAML file of a content tree and the front
 * matter of every Markdown file, and runs libyaml's parser over each to
 * the end, discarding the events. No tree, no model, no checks: what
 * any tool that reads this content with libyaml must at least do, and
 * what `glasshouse check` is measured against.
 *
 *	yaml-floor CONTENT
 *
 * Prints the files, bytes and events it parsed.
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

static size_t	nfiles, nbytes, nevents;
static char	*data;
static size_t	 dcap;

/* The front matter of a Markdown file (between "---" lines), or the
 * whole text of a YAML file. */
static void
parse(const char *path, int markdown)
{
	yaml_parser_t p;
	yaml_event_t ev;
	FILE *f;
	size_t len = 0, n, off = 0;
	int done = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		exit(1);
	}
	for (;;) {
		if (dcap - len < 65536) {
			dcap = dcap ? dcap * 2 : 1 << 20;
			if ((data = realloc(data, dcap)) == NULL)
				exit(1);
		}
		if ((n = fread(data + len, 1, dcap - len, f)) == 0)
			break;
		len += n;
	}
	fclose(f);
	if (markdown) {
		char *e;

		if (len < 4 || strncmp(data, "---\n", 4) != 0)
			return;
		data[len] = '\0';	/* the read loop leaves room */
		if ((e = strstr(data + 4, "\n---\n")) == NULL)
			return;
		off = 4;
		len = (size_t)(e + 1 - data);
	}
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)data + off,
	    len - off);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s: YAML error\n", path);
			exit(1);
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		nevents++;
	}
	yaml_parser_delete(&p);
	nfiles++;
	nbytes += len - off;
}

static void
walk(const char *dir)
{
	struct dirent **de;
	char path[4096];
	struct stat st;
	int n, i;

	if ((n = scandir(dir, &de, NULL, alphasort)) < 0) {
		perror(dir);
		exit(1);
	}
	for (i = 0; i < n; i++) {
		const char *name = de[i]->d_name;
		size_t l = strlen(name);

		if (name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, name);
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
				walk(path);
			else if (l > 5 && strcmp(name + l - 5, ".yaml") == 0)
				parse(path, 0);
			else if (l > 3 && strcmp(name + l - 3, ".md") == 0)
				parse(path, 1);
		}
		free(de[i]);
	}
	free(de);
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: yaml-floor CONTENT\n", stderr);
		return 2;
	}
	walk(argv[1]);
	printf("yaml-floor: %zu files, %zu bytes of YAML, %zu events\n",
	    nfiles, nbytes, nevents);
	free(data);
	return 0;
}
