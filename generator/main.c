/*
 * main.c - the command line: parse options, run the pipeline
 * (load -> decode -> check -> model -> render -> write), map the
 * outcome to the exit statuses of the contract. No logic of its own.
 */
#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "glasshouse.h"
#include "check.h"
#include "decode.h"
#include "load.h"
#include "markdown.h"
#include "pool.h"
#include "render.h"
#include "write.h"

/*
 * GLASSHOUSE_TIMINGS=1 prints how long each stage took on stderr, for
 * profiling (tests/bench): wall milliseconds since the previous stage,
 * CPU milliseconds of the whole process since then, and the peak
 * resident memory so far.
 */
static int	 timings;

static void
stage_done(const char *stage)
{
	static struct timespec w0, c0;
	struct timespec w, c;

	if (!timings)
		return;
	clock_gettime(CLOCK_MONOTONIC, &w);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
	if (stage != NULL) {
		struct rusage ru;
		long pages = 0, now = 0;
		FILE *f;

		getrusage(RUSAGE_SELF, &ru);
		if ((f = fopen("/proc/self/statm", "r")) != NULL) {
			if (fscanf(f, "%ld %ld", &pages, &now) != 2)
				now = 0;
			fclose(f);
		}
		now = now * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
		fprintf(stderr, "glasshouse: timing: %-8s %8.1f ms wall "
		    "%8.1f ms cpu %6ld MB now %6ld MB peak\n", stage,
		    (w.tv_sec - w0.tv_sec) * 1e3 + (w.tv_nsec - w0.tv_nsec) / 1e6,
		    (c.tv_sec - c0.tv_sec) * 1e3 + (c.tv_nsec - c0.tv_nsec) / 1e6,
		    now, ru.ru_maxrss / 1024);
	}
	w0 = w;
	c0 = c;
}

static const char usage_text[] =
"usage: glasshouse build [-c DIR] [-o DIR] [--audience public|internal|all]\n"
"                        [--theme DIR] [--force] [--strict] [-q]\n"
"       glasshouse check [-c DIR] [--strict] [--format text|json]\n"
"       glasshouse --help | --version\n";

static const char help_text[] =
"glasshouse turns a data inventory (content/) into a public privacy\n"
"explainer and an internal staff wiki (site/public/, site/internal/).\n"
"\n"
"commands:\n"
"  build            check the content, then write the sites\n"
"  check            check the content and write nothing\n"
"\n"
"options:\n"
"  -c, --content DIR   content directory (default: content)\n"
"  -o, --output DIR    output directory (default: site)\n"
"  --audience WHO      public, internal or all (default: all)\n"
"  --theme DIR         theme directory overriding the default theme\n"
"  --force             replace a non-empty output directory glasshouse\n"
"                      did not make\n"
"  --strict            treat warnings as errors\n"
"  --format FMT        check: diagnostics as text or json (default: text)\n"
"  -q, --quiet         print nothing on success\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version\n"
"\n"
"exit status: 0 ok, 1 content errors, 2 usage error, 3 I/O or internal\n"
"error. See glasshouse(1) and glasshouse-content(5).\n";

struct options {
	int		 build;		/* build or check */
	const char	*content;
	const char	*output;
	unsigned	 audiences;
	const char	*theme;
	int		 force;
	int		 strict;
	int		 json;
	int		 quiet;
};

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("glasshouse: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/* Match "--name VALUE", "--name=VALUE" or "-x VALUE"/"-xVALUE". */
static int
opt_value(int argc, char **argv, int *i, const char *shrt, const char *lng,
    const char **val)
{
	const char *a = argv[*i];
	size_t n = strlen(lng);

	if (shrt != NULL && strncmp(a, shrt, 2) == 0) {
		if (a[2] != '\0') {
			*val = a + 2;
			return 1;
		}
	} else if (strncmp(a, lng, n) == 0 && a[n] == '=') {
		*val = a + n + 1;
		return 1;
	} else if (strcmp(a, lng) != 0)
		return 0;
	if (*i + 1 >= argc) {
		*val = NULL;
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

/* Options of build that check does not take. */
static int
is_build_option(const char *a)
{
	static const char *const opts[] = {
		"-o", "--output", "--audience", "--theme", "--force", "-q",
		"--quiet"
	};
	size_t i, n;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		n = strlen(opts[i]);
		if (strncmp(a, opts[i], n) == 0 && (a[n] == '\0' ||
		    a[n] == '=' || (n == 2 && opts[i][1] != 'q')))
			return 1;
	}
	return 0;
}

static int
parse_args(int argc, char **argv, struct options *o)
{
	int i, r;
	const char *v;

	memset(o, 0, sizeof(*o));
	o->content = "content";
	o->output = "site";
	o->audiences = AUD_PUBLIC | AUD_INTERNAL;
	if (argc < 2)
		return usage_error("%s", "no command given");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage_text, stdout);
		fputs("\n", stdout);
		fputs(help_text, stdout);
		exit(EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("glasshouse %s\n", GH_VERSION);
		exit(EXIT_OK);
	}
	if (strcmp(argv[1], "build") == 0)
		o->build = 1;
	else if (strcmp(argv[1], "check") != 0)
		return usage_error("unknown command '%s'", argv[1]);

	for (i = 2; i < argc; i++) {
		const char *a = argv[i];

		if ((r = opt_value(argc, argv, &i, "-c", "--content", &v)) != 0) {
			if (r < 0)
				return usage_error("option '%s' needs a directory", a);
			o->content = v;
		} else if (o->build && (r = opt_value(argc, argv, &i, "-o",
		    "--output", &v)) != 0) {
			if (r < 0)
				return usage_error("option '%s' needs a directory", a);
			o->output = v;
		} else if (o->build && (r = opt_value(argc, argv, &i, NULL,
		    "--audience", &v)) != 0) {
			if (r < 0)
				return usage_error("option '%s' needs public, "
				    "internal or all", a);
			if (strcmp(v, "public") == 0)
				o->audiences = AUD_PUBLIC;
			else if (strcmp(v, "internal") == 0)
				o->audiences = AUD_INTERNAL;
			else if (strcmp(v, "all") == 0)
				o->audiences = AUD_PUBLIC | AUD_INTERNAL;
			else
				return usage_error("unknown audience '%s' (use "
				    "public, internal or all)", v);
		} else if (o->build && (r = opt_value(argc, argv, &i, NULL,
		    "--theme", &v)) != 0) {
			if (r < 0)
				return usage_error("option '%s' needs a directory", a);
			o->theme = v;
		} else if (!o->build && (r = opt_value(argc, argv, &i, NULL,
		    "--format", &v)) != 0) {
			if (r < 0)
				return usage_error("option '%s' needs text or json", a);
			if (strcmp(v, "json") == 0)
				o->json = 1;
			else if (strcmp(v, "text") != 0)
				return usage_error("unknown format '%s' (use text "
				    "or json)", v);
		} else if (strcmp(a, "--strict") == 0) {
			o->strict = 1;
		} else if (o->build && strcmp(a, "--force") == 0) {
			o->force = 1;
		} else if (o->build && (strcmp(a, "-q") == 0 ||
		    strcmp(a, "--quiet") == 0)) {
			o->quiet = 1;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			exit(EXIT_OK);
		} else if (!o->build && is_build_option(a))
			return usage_error("option '%s' is for 'build' only "
			    "(check writes nothing)", a);
		else if (o->build && strncmp(a, "--format", 8) == 0)
			return usage_error("option '%s' is for 'check' only", a);
		else if (a[0] == '-')
			return usage_error("unknown option '%s'", a);
		else
			return usage_error("unexpected argument '%s'", a);
	}
	return 0;
}

/* SOURCE_DATE_EPOCH (reproducible builds) or the clock, for "today". */
static int
set_today(struct model *m)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	struct tm tm;

	m->source_date_epoch = -1;
	if (s != NULL && *s != '\0') {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno != 0 || *end != '\0' || v < 0 || v > 253402300799LL) {
			gh_fatal_msg("invalid SOURCE_DATE_EPOCH '%s' (expected "
			    "seconds since 1970)", s);
			return -1;
		}
		m->source_date_epoch = v;
		t = (time_t)v;
	} else
		t = time(NULL);
	gmtime_r(&t, &tm);
	m->today.y = tm.tm_year + 1900;
	m->today.m = tm.tm_mon + 1;
	m->today.d = tm.tm_mday;
	return 0;
}

/*
 * The default theme: beside the binary in a source tree
 * (build/glasshouse or build/asan/glasshouse -> themes/default), under
 * PREFIX/share when
 * installed, else the compiled-in data directory.
 */
static const char *
default_theme(struct model *m)
{
	static const char *const rel[] = {
		"../themes/default", "../../themes/default",	/* build/, build/asan/ */
		"../share/glasshouse/themes/default"
	};
	char exe[4096], *slash;
	ssize_t n;
	size_t i;
	struct stat st;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			char *dir = arena_printf(&m->arena, "%s/%s", exe, rel[i]);
			char *tpl = arena_printf(&m->arena, "%s/templates", dir);

			if (stat(tpl, &st) == 0 && S_ISDIR(st.st_mode))
				return dir;
		}
	}
	return GH_DATADIR "/themes/default";
}

/* A render thread: pool_run() calls a void (*)(void *). */
static void
render_job(void *run)
{
	render_work(run);
}

/*
 * Render the audiences asked for on both cores: the pages of both
 * sites are one list of jobs that each thread takes in turn (render.h),
 * so one audience alone uses both cores too. The renderer shares only
 * the read-only model, templates and indexes; dictionaries, buffers and
 * scratch memory are per thread, and the writer takes files from both.
 * Each file's bytes do not depend on the thread or the order.
 */
static int
render_audiences(const struct model *m, unsigned audiences, struct writer *w)
{
	struct render_run *run;

	if ((run = render_begin(m, audiences, w)) == NULL)
		return -1;
	pool_run(POOL_THREADS, render_job, run);
	return render_end(run);
}

static int
build(const struct options *o, struct model *m)
{
	struct render_opts ro;
	struct write_stats ws;
	struct writer *w;
	const char *keep[3] = { NULL, NULL, NULL };
	int rc = EXIT_OK, k = 0;

	memset(&ro, 0, sizeof(ro));
	ro.default_theme_dir = default_theme(m);
	ro.audiences = o->audiences;
	if (o->theme != NULL)
		ro.theme_dir = o->theme;
	else if (m->site.theme != NULL)
		ro.theme_dir = arena_printf(&m->arena, "%s/%s",
		    o->content, m->site.theme);
	if (render_init(&ro) != 0)
		return EXIT_IO;
	if (!(o->audiences & AUD_PUBLIC))
		keep[k++] = "public";
	if (!(o->audiences & AUD_INTERNAL))
		keep[k++] = "internal";
	if ((w = wr_open(o->output, keep, o->force)) == NULL) {
		render_fini();
		return EXIT_IO;
	}
	stage_done("open");
	if (render_audiences(m, o->audiences, w) != 0) {
		stage_done("render");
		wr_abort(w);
		rc = diag_errors() ? EXIT_CONTENT : EXIT_IO;
	} else {
		stage_done("render");
		if (wr_commit(w, &ws) != 0)
			rc = EXIT_IO;
		stage_done("commit");
	}
	render_fini();
	if (diag_errors() || diag_warnings())
		diag_flush(stderr, 0, o->strict);
	if (rc == EXIT_OK && !o->quiet)
		printf("glasshouse: wrote '%s': %zu files, %zu changed\n",
		    o->output, ws.files, ws.written);
	return rc;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct source src;
	struct model m;
	const char *t;
	int rc, failed;

	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc;
	timings = (t = getenv("GLASSHOUSE_TIMINGS")) != NULL &&
	    strcmp(t, "1") == 0;
	stage_done(NULL);
	model_init(&m);
	if (!o.build)
		md_set_html(false);
	if (set_today(&m) != 0) {
		model_free(&m);
		return EXIT_USAGE;
	}
	if (load_content(&m, o.content, &src) != 0) {
		diag_reset();
		model_free(&m);
		return EXIT_IO;
	}
	/* Decode leaves a consistent model even after errors, so the
	 * cross-file checks run too: every problem in one run. It takes
	 * the files while the loader parses them: load and decode are one
	 * stage. After an I/O error only that error is printed: which
	 * other files were read by then depends on the threads' timing. */
	if (decode_model(&m, &src) != 0) {
		diag_reset();
		model_free(&m);
		return EXIT_IO;
	}
	stage_done("load");
	check_model(&m);
	stage_done("check");
	failed = diag_errors() > 0 || (o.strict && diag_warnings() > 0);
	if (!o.build || failed) {
		diag_flush(o.json ? stdout : stderr, o.json, o.strict);
		model_free(&m);
		return failed ? EXIT_CONTENT : EXIT_OK;
	}
	/* Rendering reads the decoded objects only: the YAML trees, most
	 * of a big model's memory, can go. */
	model_drop_trees(&m);
#ifdef __GLIBC__
	malloc_trim(0);	/* hand their pages back before render's own peak */
#endif
	/* Warnings of a good build print with the build's own messages. */
	rc = build(&o, &m);
	model_free(&m);
	stage_done("free");
	return rc;
}
