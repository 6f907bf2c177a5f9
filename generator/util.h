/*
 * util.h - the small toolkit every stage shares: out-of-memory-safe
 * allocation (x*), the string buffer (struct buf), the build arena
 * (struct arena), a string-keyed hash map (struct hmap) and small
 * sorted sets of pointers (struct pvec).
 *
 * Out of memory is not a user error: the x* wrappers print a message
 * and abort, as cmark, sblg and tmux do in one-shot programs.
 */
#ifndef GH_UTIL_H
#define GH_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/*
 * struct buf - a growable byte string.
 * Invariants: ptr is never NULL and always NUL-terminated at ptr[len];
 * a zeroed buffer must be set up with buf_init() (or BUF_INIT).
 * buf_detach() hands ownership of the bytes to the caller, who must
 * free() them; the buffer is left empty and reusable.
 */
struct buf {
	char	*ptr;
	size_t	 len;
	size_t	 cap;	/* 0 while ptr points at the shared empty string */
};
extern char buf_empty[1];
#define BUF_INIT { buf_empty, 0, 0 }

void	 buf_init(struct buf *);
void	 buf_grow(struct buf *, size_t extra);
void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);	/* len = 0, keeps memory */
void	 buf_free(struct buf *);	/* back to the empty state */
char	*buf_detach(struct buf *, size_t *len);
/* JSON string literal with quotes; input must be valid UTF-8. */
void	 buf_put_json(struct buf *, const char *);
/* One RFC 4180 field: quoted when it holds , " CR or LF. */
void	 buf_put_csv(struct buf *, const char *);
/* HTML/XML text or attribute value: & < > " ' escaped; NULL: nothing. */
void	 buf_put_html(struct buf *, const char *);
/* The entity for c when it is one of & < > " ', else NULL. */
const char *html_entity(int c);
/*
 * Append the whole file at path to b. Opened O_NONBLOCK, and only a
 * regular file is read, so a FIFO or device planted where a file is
 * expected cannot hang the build. Returns 0, or -1 with *err set to
 * errno, to BUF_NOT_REGULAR, or to BUF_TOO_BIG when the file has more
 * than max bytes (b then holds a part of it).
 */
#define BUF_NOT_REGULAR	(-1)
#define BUF_TOO_BIG	(-2)
int	 buf_read_file(struct buf *b, const char *path, size_t max, int *err);

/*
 * struct sink - bytes on their way to a file, so that a file of tens
 * of MB never sits whole in memory: they gather in b (append with the
 * buf_* functions), and sink_check() hands b to put() once it holds
 * SINK_CHUNK bytes; sink_flush() hands over the rest at the end. put
 * returns 0 or -1; after a -1 the sink drops what comes (err is set;
 * the receiver keeps the reason). With put NULL the bytes stay in b.
 */
#define SINK_CHUNK	(256 * 1024)
struct sink {
	struct buf	  b;
	int		(*put)(void *arg, const void *data, size_t len);
	void		 *arg;
	int		  err;
};
void	 sink_init(struct sink *, int (*put)(void *, const void *, size_t),
	    void *arg);
/* Hand b to put (unless put is NULL). Returns 0, or -1 once put failed. */
int	 sink_flush(struct sink *);
void	 sink_free(struct sink *);
static inline int
sink_check(struct sink *s)
{
	return s->b.len >= SINK_CHUNK ? sink_flush(s) : 0;
}

/*
 * struct arena - many small objects that share the build's lifetime.
 * Memory is released all at once by arena_free(). arena_alloc()
 * memory is zeroed and aligned for any type; strings are not aligned.
 */
struct arena_block;
struct arena {
	struct arena_block *head;
};
void	*arena_alloc(struct arena *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Grow an arena array: returns a copy with room for n+1 elements. */
void	*arena_grow(struct arena *, void *old, size_t n, size_t elsize);
void	 arena_free(struct arena *);
/* Free every allocation but keep the newest block for the next ones:
 * scratch memory reused round after round (one table row). */
void	 arena_reset(struct arena *);
/* Move every block of src into dst (src is left empty): memory that
 * another thread allocated joins dst's lifetime. */
void	 arena_adopt(struct arena *dst, struct arena *src);

/*
 * struct hmap - string key -> pointer, open addressing. Keys are not
 * copied: they must live as long as the map (arena strings do).
 */
struct hmap {
	const char	**keys;
	void		**vals;
	size_t		  n;
	size_t		  cap;	/* power of two or 0 */
};
uint64_t hash_str(const char *, size_t);
void	*hmap_get(const struct hmap *, const char *);
/* Returns the previous value for key, or NULL if key was new. */
void	*hmap_put(struct hmap *, const char *key, void *val);
void	 hmap_free(struct hmap *);

/*
 * struct pvec - a small set of pointers, zeroed to start: pv_add()
 * appends (NULL is ignored), pv_uniq() sorts with cmp (which gets
 * pointers to elements, as qsort's does) and drops duplicates,
 * pv_free() frees the array and leaves the set empty and reusable.
 * The elements are not owned.
 */
struct pvec {
	const void	**v;
	size_t		  n, cap;
};
void	 pv_add(struct pvec *, const void *);
void	 pv_uniq(struct pvec *, int (*cmp)(const void *, const void *));
void	 pv_free(struct pvec *);

/* Levenshtein distance, capped: returns cap+1 when larger. */
size_t	 edit_distance(const char *, const char *, size_t cap);

#endif
