/*
 * load.c - the first stage: read every file of a content directory
 * into memory and parse it into YAML trees (yml.c) and Markdown bodies.
 *
 * Files are read in byte order of their names, so nothing downstream
 * depends on directory listing order. File names are ids: an invalid
 * one is an error, never silently renamed. Nothing here knows what a
 * field means; that is decode.c's job.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "markdown.h"

static const char *const reserved_names[] = {
	"aux", "con", "nul", "prn",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
};

bool
id_valid(const char *s, const char **why)
{
	size_t i, n = strlen(s);

	if (n == 0) {
		*why = "an id cannot be empty";
		return false;
	}
	if (n > ID_MAX) {
		*why = "an id has at most 64 characters";
		return false;
	}
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) {
		*why = "an id starts with a lowercase letter or a digit";
		return false;
	}
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) {
			*why = "an id may contain only a-z, 0-9 and '-'";
			return false;
		}
	/* Every reserved name has three or four letters. */
	for (i = 0; (n == 3 || n == 4) &&
	    i < sizeof(reserved_names) / sizeof(reserved_names[0]); i++)
		if (strcmp(s, reserved_names[i]) == 0) {
			*why = "this name is reserved on Windows";
			return false;
		}
	return true;
}

int
frontmatter_split(const char *data, size_t len,
    const char **fm, size_t *fm_len, int *fm_line,
    const char **body, size_t *body_len, int *body_line,
    const char **cause)
{
	size_t i, start, line = 1;

	*fm = NULL;
	*fm_len = 0;
	*fm_line = 0;
	*body = data;
	*body_len = len;
	*body_line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
		*body = data;
		*body_len = len;
	}
	/* The opening line is exactly "---", optionally with CR. */
	if (len < 3 || memcmp(data, "---", 3) != 0)
		return 0;
	i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t'))
		i++;
	if (i < len && data[i] == '\r')
		i++;
	if (i < len && data[i] != '\n')
		return 0;	/* "----" or "--- x": a thematic break, no front matter */
	start = i < len ? i + 1 : len;
	line = 2;
	for (i = start; i < len; ) {
		size_t eol = i, next;

		while (eol < len && data[eol] != '\n')
			eol++;
		next = eol < len ? eol + 1 : len;
		{
			size_t e = eol;

			if (e > i && data[e - 1] == '\r')
				e--;
			while (e > i && (data[e - 1] == ' ' || data[e - 1] == '\t'))
				e--;
			if (e - i == 3 && (memcmp(data + i, "---", 3) == 0 ||
			    memcmp(data + i, "...", 3) == 0)) {
				*fm = data + start;
				*fm_len = i - start;
				*fm_line = 2;
				*body = data + next;
				*body_len = len - next;
				*body_line = (int)line + 1;
				return 0;
			}
		}
		i = next;
		line++;
	}
	*cause = "front matter is not closed (expected a line '---')";
	return -1;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Read path into the arena (a NULL arena: into a buffer to free()).
 * Returns 0, 1 if it does not exist, -1 on a content error (reported)
 * and -2 on an I/O error (reported).
 */
static int
read_file(struct arena *a, const char *path, char **data, size_t *len)
{
	struct stat st;
	ssize_t r;
	size_t got = 0;
	int fd;

	/* O_NONBLOCK: a FIFO planted in content/ must not hang the build
	 * (it is refused below as not a regular file) */
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1) {
		if (errno == ENOENT)
			return 1;
		gh_fatal_msg("cannot open '%s': %s", path, strerror(errno));
		return -2;
	}
	if (fstat(fd, &st) == -1) {
		gh_fatal_msg("cannot stat '%s': %s", path, strerror(errno));
		close(fd);
		return -2;
	}
	if (!S_ISREG(st.st_mode)) {
		gh_error((struct pos){ path, 0, 0 }, "not a regular file");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > YML_MAX_BYTES) {
		gh_error((struct pos){ path, 1, 1 }, "file is larger than 16 MiB "
		    "(%lld bytes)", (long long)st.st_size);
		close(fd);
		return -1;
	}
	*data = a != NULL ? arena_alloc(a, (size_t)st.st_size + 1) :
	    xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		r = read(fd, *data + got, (size_t)st.st_size - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			gh_fatal_msg("cannot read '%s': %s", path, strerror(errno));
			close(fd);
			if (a == NULL)
				free(*data);
			return -2;
		}
		if (r == 0)
			break;	/* shrank while we read: take what is there */
		got += (size_t)r;
	}
	close(fd);
	(*data)[got] = '\0';
	*len = got;
	return 0;
}

static char *
join(struct model *m, const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return arena_printf(&m->arena, "%s%s", dir, name);
	return arena_printf(&m->arena, "%s/%s", dir, name);
}

/*
 * Parse one listed file (path, id and pos set) into its own tree
 * arena, the strings into a. Returns -2 on an I/O error (reported).
 */
static int
load_one(struct arena *a, struct arena *tree, bool markdown,
    struct srcfile *sf)
{
	char *data;
	const char *cause, *fm;
	size_t len, fm_len, bad;
	int rc, fm_line, empty;

	/* a YAML tree copies what it keeps: its text can go; a Markdown
	 * body is read by decode, and goes with the tree */
	if ((rc = read_file(markdown ? tree : NULL, sf->path, &data, &len)) != 0) {
		sf->failed = rc == -1;	/* reported: decode skips it */
		return rc;
	}
	if (!markdown) {
		sf->root = yml_parse_in(a, tree, sf->path, data, len, 0, &empty);
		sf->failed = sf->root == NULL && !empty;
		free(data);
		return 0;
	}
	if (utf8_check(data, len, &bad) != 0) {
		struct pos p = { sf->path, 0, 0 };

		sf->failed = true;
		offset_pos(data, bad, &p.line, &p.col);
		if (data[bad] == '\0')
			return gh_error(p, "NUL byte in file");
		return gh_error(p, "invalid UTF-8 byte 0x%02x",
		    (unsigned char)data[bad]);
	}
	if (frontmatter_split(data, len, &fm, &fm_len, &fm_line, &sf->body,
	    &sf->body_len, &sf->body_line, &cause) != 0) {
		sf->failed = true;
		return gh_error(sf->pos, "%s", cause);
	}
	if (fm != NULL) {
		sf->root = yml_parse_in(a, tree, sf->path, fm, fm_len,
		    fm_line - 1, &empty);
		sf->failed = sf->root == NULL && !empty;
	}
	return 0;
}

/*
 * The files of the content directories are parsed by a worker thread
 * while decode, on the main thread, takes them in order; each file's
 * tree is freed as soon as it is decoded, so a large content tree is
 * never held whole, only the files between decode and the worker, at
 * most LOAD_WINDOW of them. Decode is faster than parsing: when the
 * file it needs is not ready, the main thread parses the next file
 * nobody has taken instead of sleeping, so both cores stay busy and
 * the threads rarely wait for each other. Each thread allocates the
 * strings it keeps from its own arena (the main thread's is the
 * model's). Diagnostics are collected under a lock and printed
 * sorted, so the order of the threads never shows.
 */
#define LOAD_PARALLEL_MIN	64	/* files; fewer load on one thread */
#define LOAD_WINDOW		256	/* files parsed ahead of decode */
#define LOAD_WORKERS		1	/* besides the main thread */

struct qitem {
	struct srcfile	*f;
	bool		 markdown;
	bool		 ahead;		/* render its Markdown body too */
	signed char	 state;		/* 0 waiting, 1 loaded, -1 I/O error */
};

struct worker {
	struct loader	*l;
	struct arena	 arena;		/* joins the model's arena */
	pthread_t	 t;
};

struct loader {
	pthread_mutex_t	 mu;
	pthread_cond_t	 ready;		/* an item was loaded */
	pthread_cond_t	 room;		/* an item was released, or stop */
	struct qitem	*q;		/* in the order decode takes them */
	size_t		 n;
	size_t		 next;		/* the next item to take */
	size_t		 released;	/* items decode is done with */
	bool		 stop;
	bool		 failed;	/* an I/O error: decode stops */
	bool		 waiting;	/* decode sleeps on ready */
	int		 idle;		/* workers sleeping on room */
	struct arena	*arena;		/* the main thread's: the model's */
	struct worker	 w[LOAD_WORKERS];
	int		 nw;		/* worker threads running */
};

/* Load item i (and render its body if asked); the state to record. */
static signed char
load_item(struct qitem *it, struct arena *a)
{
	struct srcfile *f = it->f;

	if (load_one(a, &f->tree, it->markdown, f) == -2)
		return -1;
	if (it->ahead && !f->failed && f->body != NULL && f->body_len > 0)
		f->html = md_render_quiet(a, f->body, f->body_len);
	return 1;
}

/* Record what loading item i gave; l->mu held. */
static void
loaded(struct loader *l, size_t i, signed char st)
{
	l->q[i].state = st;
	if (st == -1) {
		l->failed = l->stop = true;
		pthread_cond_broadcast(&l->room);
	}
	if (l->waiting)
		pthread_cond_signal(&l->ready);
}

static void *
load_run(void *arg)
{
	struct worker *w = arg;
	struct loader *l = w->l;
	signed char st;
	size_t i;

	pthread_mutex_lock(&l->mu);
	for (;;) {
		while (!l->stop && l->next < l->n &&
		    l->next >= l->released + LOAD_WINDOW) {
			l->idle++;
			pthread_cond_wait(&l->room, &l->mu);
			l->idle--;
		}
		if (l->stop || l->next >= l->n)
			break;
		i = l->next++;
		pthread_mutex_unlock(&l->mu);
		st = load_item(&l->q[i], &w->arena);
		pthread_mutex_lock(&l->mu);
		loaded(l, i, st);
	}
	pthread_mutex_unlock(&l->mu);
	return NULL;
}

/*
 * List every "<id><ext>" in dir/sub, sorted by name, into out (path,
 * id and pos of each; nothing read yet). A missing directory is an
 * empty list. Returns -2 on an I/O error (reported).
 */
static int
list_dir(struct model *m, const char *dir, const char *sub, const char *ext,
    struct srclist *out)
{
	char *path = join(m, dir, sub), **names = NULL;
	size_t n = 0, cap = 0, i, k = 0, extlen = strlen(ext);
	struct dirent *de;
	DIR *d;

	if ((d = opendir(path)) == NULL) {
		if (errno == ENOENT)
			return 0;
		gh_fatal_msg("cannot open directory '%s': %s", path,
		    strerror(errno));
		return -2;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = arena_strdup(&m->arena, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	out->v = arena_alloc(&m->arena, (n + 1) * sizeof(*out->v));
	for (i = 0; i < n; i++) {
		const char *name = names[i], *why;
		size_t len = strlen(name);
		char *fpath = join(m, path, name), *id;
		struct pos p = { fpath, 0, 0 };

		if (len <= extlen || strcmp(name + len - extlen, ext) != 0) {
			/* Editor droppings and notes are not content. */
			if (name[0] == '.' || name[len - 1] == '~')
				continue;
			gh_error(p, "unexpected file in '%s' (expected <id>%s)",
			    sub, ext);
			continue;
		}
		id = arena_strndup(&m->arena, name, len - extlen);
		if (!id_valid(id, &why)) {
			gh_error(p, "invalid file name '%s': %s", name, why);
			continue;
		}
		out->v[k].path = fpath;
		out->v[k].id = id;
		out->v[k].pos = (struct pos){ fpath, 1, 1 };
		k++;
	}
	free(names);
	out->n = k;
	return 0;
}

static int
load_single(struct model *m, const char *dir, const char *name,
    struct srcfile *sf, bool required)
{
	char *path = join(m, dir, name);
	int rc;

	memset(sf, 0, sizeof(*sf));
	sf->path = path;
	sf->pos = (struct pos){ path, 1, 1 };
	rc = load_one(&m->arena, &m->tree, false, sf);
	if (rc == 1) {
		memset(sf, 0, sizeof(*sf));
		if (required)
			gh_error((struct pos){ path, 0, 0 }, "missing file "
			    "(every content directory needs a site.yaml)");
		return 0;
	}
	return rc == -2 ? -2 : 0;
}

/* Queue the files of the lists in the order decode_model() takes them. */
static struct loader *
loader_new(struct source *src)
{
	struct srclist *lists[] = {
		&src->inventory, &src->purposes, &src->pages, &src->reports,
		&src->decisions
	};
	struct loader *l = xcalloc(1, sizeof(*l));
	size_t i, j, n = 0;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		n += lists[i]->n;
	l->q = xcalloc(n + 1, sizeof(*l->q));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (j = 0; j < lists[i]->n; j++) {
			struct qitem *it = &l->q[l->n];

			it->f = &lists[i]->v[j];
			it->f->seq = ++l->n;
			it->markdown = lists[i] == &src->purposes ||
			    lists[i] == &src->pages ||
			    lists[i] == &src->decisions;
			/* the purposes' bodies are most of cmark's work */
			it->ahead = lists[i] == &src->purposes;
		}
	pthread_mutex_init(&l->mu, NULL);
	pthread_cond_init(&l->ready, NULL);
	pthread_cond_init(&l->room, NULL);
	return l;
}

/* Few files, or no thread: the main thread parses each file as
 * decode asks for it (load_wait). */
static void
loader_start(struct model *m, struct loader *l)
{
	int k;

	l->arena = &m->arena;
	if (l->n < LOAD_PARALLEL_MIN)
		return;
	for (k = 0; k < LOAD_WORKERS; k++) {
		l->w[k].l = l;
		if (pthread_create(&l->w[k].t, NULL, load_run, &l->w[k]) != 0)
			break;
		l->nw++;
	}
}

int
load_content(struct model *m, const char *dir, struct source *src)
{
	struct stat st;

	memset(src, 0, sizeof(*src));
	m->dir = dir;
	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		gh_fatal_msg("cannot open content directory '%s': %s", dir,
		    errno && stat(dir, &st) == -1 ? strerror(errno) :
		    "not a directory");
		return -1;
	}
	if (load_single(m, dir, "site.yaml", &src->site, true) == -2 ||
	    load_single(m, dir, "recipients.yaml", &src->recipients, false) == -2 ||
	    load_single(m, dir, "categories.yaml", &src->categories, false) == -2 ||
	    load_single(m, dir, "committee/members.yaml", &src->members, false) == -2 ||
	    list_dir(m, dir, "inventory", ".yaml", &src->inventory) == -2 ||
	    list_dir(m, dir, "purposes", ".md", &src->purposes) == -2 ||
	    list_dir(m, dir, "pages", ".md", &src->pages) == -2 ||
	    list_dir(m, dir, "reports", ".yaml", &src->reports) == -2 ||
	    list_dir(m, dir, "committee/decisions", ".md", &src->decisions) == -2)
		return -1;
	src->loader = loader_new(src);
	loader_start(m, src->loader);
	return 0;
}

int
load_wait(struct source *src, const struct srcfile *f)
{
	struct loader *l = src->loader;
	signed char st;

	if (l == NULL || f->seq == 0)
		return 0;	/* loaded by load_content() itself */
	pthread_mutex_lock(&l->mu);
	while ((st = l->q[f->seq - 1].state) == 0 && !l->stop) {
		if (l->next < l->n && l->next < l->released + LOAD_WINDOW) {
			/* not ready: parse the next file meanwhile */
			size_t i = l->next++;

			pthread_mutex_unlock(&l->mu);
			st = load_item(&l->q[i], l->arena);
			pthread_mutex_lock(&l->mu);
			loaded(l, i, st);
			continue;
		}
		l->waiting = true;
		pthread_cond_wait(&l->ready, &l->mu);
		l->waiting = false;
	}
	pthread_mutex_unlock(&l->mu);
	return st == 1 ? 0 : -1;
}

void
load_release(struct source *src, struct srcfile *f)
{
	struct loader *l = src->loader;

	if (l == NULL || f->seq == 0)
		return;
	arena_free(&f->tree);
	f->root = NULL;
	f->body = NULL;
	f->body_len = 0;
	pthread_mutex_lock(&l->mu);
	l->released++;
	if (l->idle > 0)
		pthread_cond_broadcast(&l->room);
	pthread_mutex_unlock(&l->mu);
}

int
load_end(struct model *m, struct source *src)
{
	struct loader *l = src->loader;
	size_t i;
	int k, rc;

	if (l == NULL)
		return 0;
	pthread_mutex_lock(&l->mu);
	l->stop = true;
	pthread_cond_broadcast(&l->room);
	pthread_mutex_unlock(&l->mu);
	for (k = 0; k < l->nw; k++) {
		pthread_join(l->w[k].t, NULL);
		arena_adopt(&m->arena, &l->w[k].arena);
	}
	for (i = 0; i < l->n; i++)	/* decode stopped early */
		arena_free(&l->q[i].f->tree);
	rc = l->failed ? -1 : 0;
	pthread_cond_destroy(&l->room);
	pthread_cond_destroy(&l->ready);
	pthread_mutex_destroy(&l->mu);
	free(l->q);
	free(l);
	src->loader = NULL;
	return rc;
}
