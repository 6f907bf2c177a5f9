/*
 * util.c - allocation wrappers, the string buffer, the arena, the hash
 * map and edit distance: the few data structures every stage shares.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

char buf_empty[1];

static void
oom(void)
{
	fputs("glasshouse: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* --- struct buf -------------------------------------------------- */

void
buf_init(struct buf *b)
{
	b->ptr = buf_empty;
	b->len = b->cap = 0;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t want;

	if (extra >= SIZE_MAX / 2 - b->len)
		oom();
	want = b->len + extra + 1;
	if (want <= b->cap)
		return;
	if (want < b->cap * 2)
		want = b->cap * 2;
	if (want < 64)
		want = 64;
	if (b->cap == 0) {
		b->ptr = xmalloc(want);
		b->ptr[0] = '\0';
	} else
		b->ptr = xrealloc(b->ptr, want);
	b->cap = want;
}

/* The appenders test for room inline and call buf_grow only to grow:
 * they run for every byte of every page. */
void
buf_put(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (n >= b->cap - b->len)	/* no room for n bytes and the NUL */
		buf_grow(b, n);
	memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)	/* never write the shared empty string: threads */
		b->ptr[0] = '\0';
}

void
buf_free(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b);
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *p = b->cap ? b->ptr : xstrdup("");

	if (len)
		*len = b->len;
	buf_init(b);
	return p;
}

void
buf_put_json(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		const unsigned char *run = p;

		/* copy the longest run that needs no escape in one go */
		while (*p >= 0x20 && *p != '"' && *p != '\\' && *p != '<' &&
		    *p != '>' && *p != '&')
			p++;
		if (p > run)
			buf_put(b, run, (size_t)(p - run));
		if (*p == '\0')
			break;
		switch (*p) {
		case '"':  buf_put(b, "\\\"", 2); break;
		case '\\': buf_put(b, "\\\\", 2); break;
		case '\n': buf_put(b, "\\n", 2); break;
		case '\r': buf_put(b, "\\r", 2); break;
		case '\t': buf_put(b, "\\t", 2); break;
		case '<':  buf_put(b, "\\u003c", 6); break;	/* safe inside <script> too */
		case '>':  buf_put(b, "\\u003e", 6); break;
		case '&':  buf_put(b, "\\u0026", 6); break;
		default:
			if (*p < 0x20)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, *p);
		}
	}
	buf_putc(b, '"');
}

void
buf_put_csv(struct buf *b, const char *s)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (p = s; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* The entity for one of & < > " ' (NULL for any other byte). */
const char *
html_entity(int c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		return NULL;
	}
}

/* s as HTML/XML text or a double-quoted attribute value: & < > " ' as
 * entities; NULL appends nothing. */
void
buf_put_html(struct buf *b, const char *s)
{
	const char *e;

	for (; s != NULL && *s != '\0'; s++)
		if ((e = html_entity((unsigned char)*s)) != NULL)
			buf_puts(b, e);
		else
			buf_putc(b, *s);
}

/* --- struct sink ------------------------------------------------- */

void
sink_init(struct sink *s, int (*put)(void *, const void *, size_t),
    void *arg)
{
	buf_init(&s->b);
	s->put = put;
	s->arg = arg;
	s->err = 0;
}

int
sink_flush(struct sink *s)
{
	if (s->put == NULL)
		return 0;
	if (s->err == 0 && s->b.len > 0 &&
	    s->put(s->arg, s->b.ptr, s->b.len) == -1)
		s->err = -1;
	buf_reset(&s->b);
	return s->err;
}

void
sink_free(struct sink *s)
{
	buf_free(&s->b);
}

/* --- struct arena ------------------------------------------------ */

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_ALIGN	16

struct arena_block {
	struct arena_block	*next;
	size_t			 used;
	size_t			 size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

/*
 * n bytes at an offset that is a multiple of align (a power of two, at
 * most ARENA_ALIGN), not zeroed. Strings take align 1: rounding each of
 * a big model's 1.6 million scalars up to 16 bytes cost megabytes.
 */
static void *
arena_take(struct arena *a, size_t n, size_t align)
{
	struct arena_block *blk = a->head;
	size_t off = 0;

	if (n == 0)
		n = 1;
	if (blk != NULL)
		off = (blk->used + align - 1) & ~(align - 1);
	if (blk == NULL || off > blk->size || blk->size - off < n) {
		size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;

		if (size > SIZE_MAX - sizeof(*blk))
			oom();
		blk = xmalloc(sizeof(*blk) + size);
		blk->size = size;
		blk->used = 0;
		off = 0;
		if (size == n && a->head != NULL) {
			/* A big one-off: keep filling the current block. */
			blk->next = a->head->next;
			a->head->next = blk;
		} else {
			blk->next = a->head;
			a->head = blk;
		}
	}
	blk->used = off + n;
	return blk->data + off;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p = arena_take(a, n, ARENA_ALIGN);

	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		oom();
	p = arena_take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	char *p;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	p = arena_strndup(a, b.ptr, b.len);
	buf_free(&b);
	return p;
}

void *
arena_grow(struct arena *a, void *old, size_t n, size_t elsize)
{
	void *p;

	/* Capacity doubles at powers of two: copy only then. */
	if (n != 0 && (n & (n - 1)) != 0)
		return old;
	if (n > SIZE_MAX / 2 / elsize)
		oom();
	p = arena_alloc(a, (n ? n * 2 : 1) * elsize);
	if (n)
		memcpy(p, old, n * elsize);
	return p;
}

void
arena_adopt(struct arena *dst, struct arena *src)
{
	struct arena_block *tail;

	if (src->head == NULL)
		return;
	if (dst->head == NULL) {
		dst->head = src->head;
		src->head = NULL;
		return;
	}
	/* behind dst's current block, which keeps serving allocations */
	for (tail = src->head; tail->next != NULL; tail = tail->next)
		;
	tail->next = dst->head->next;
	dst->head->next = src->head;
	src->head = NULL;
}

void
arena_reset(struct arena *a)
{
	struct arena_block *keep = a->head;

	if (keep == NULL)
		return;
	a->head = keep->next;
	arena_free(a);
	keep->next = NULL;
	keep->used = 0;
	a->head = keep;
}

void
arena_free(struct arena *a)
{
	struct arena_block *blk, *next;

	for (blk = a->head; blk != NULL; blk = next) {
		next = blk->next;
		free(blk);
	}
	a->head = NULL;
}

/* --- struct hmap ------------------------------------------------- */

uint64_t
hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static size_t
hmap_slot(const struct hmap *m, const char *key)
{
	size_t i = (size_t)hash_str(key, strlen(key)) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *
hmap_get(const struct hmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = hmap_slot(m, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

void *
hmap_put(struct hmap *m, const char *key, void *val)
{
	size_t i;
	void *old;

	if ((m->n + 1) * 2 > m->cap) {
		struct hmap big = { NULL, NULL, 0, m->cap ? m->cap * 2 : 16 };

		big.keys = xcalloc(big.cap, sizeof(*big.keys));
		big.vals = xcalloc(big.cap, sizeof(*big.vals));
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				size_t j = hmap_slot(&big, m->keys[i]);
				big.keys[j] = m->keys[i];
				big.vals[j] = m->vals[i];
				big.n++;
			}
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	i = hmap_slot(m, key);
	if (m->keys[i] != NULL) {
		old = m->vals[i];
		m->vals[i] = val;
		return old;
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return NULL;
}

void
hmap_free(struct hmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->n = m->cap = 0;
}

/* --- struct pvec ------------------------------------------------ */

/* Append x, unless it is NULL. */
void
pv_add(struct pvec *p, const void *x)
{
	if (x == NULL)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = x;
}

/* Sort with cmp (on pointers to elements) and drop duplicates. */
void
pv_uniq(struct pvec *p, int (*cmp)(const void *, const void *))
{
	size_t	 i, j;

	if (p->n < 2)
		return;
	qsort(p->v, p->n, sizeof *p->v, cmp);
	for (i = 1, j = 1; i < p->n; i++)
		if (cmp(&p->v[i], &p->v[j - 1]) != 0)
			p->v[j++] = p->v[i];
	p->n = j;
}

/* Free the array; the set is empty and reusable. */
void
pv_free(struct pvec *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

/* --- edit distance ----------------------------------------------- */

size_t
edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[65], best;

	if (la > 64 || lb > 64)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], v;

			v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb] > cap ? cap + 1 : row[lb];
}

int
buf_read_file(struct buf *b, const char *path, size_t max, int *err)
{
	struct stat st;
	char	 chunk[8192];
	size_t	 start = b->len;
	ssize_t	 n;
	int	 fd;

	*err = 0;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*err = errno;
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*err = BUF_NOT_REGULAR;
		close(fd);
		return -1;
	}
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			*err = errno;
		if (n <= 0)
			break;
		buf_put(b, chunk, (size_t)n);
		if (b->len - start > max) {
			*err = BUF_TOO_BIG;
			break;
		}
	}
	close(fd);
	return *err == 0 ? 0 : -1;
}
