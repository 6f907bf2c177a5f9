/*
 * yml.c - build our own YAML tree from libyaml's event stream.
 *
 * libyaml's document loader accepts duplicate keys, builds cycles from
 * self-referencing aliases and is quadratic in nesting depth, so we
 * never call it: one pass over the events enforces every limit here.
 * A container under construction is a frame on a stack; its children
 * collect in a growable array and move to the arena when it closes.
 * Each finished node knows its expanded size (an alias counts as the
 * whole node it names), which bounds alias expansion; an alias to a
 * node still open is a cycle.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yml.h"

struct frame {
	struct ynode	 *node;
	size_t		  base;		/* its children start at kids[base] */
	unsigned long	  size;		/* expanded node count so far */
	struct anchor	 *anchor;	/* completed when the node closes */
};

struct anchor {
	const char	*name;
	struct ynode	*node;		/* NULL while the node is still open */
	unsigned long	 size;
};

struct ctx {
	struct arena	*arena;		/* the strings: the model keeps them */
	struct arena	*tree;		/* nodes, their arrays, anchors */
	const char	*file;
	const char	*src;
	size_t		 len;
	int		 line_offset;
	struct frame	 stack[YML_MAX_DEPTH + 1];
	int		 depth;
	/* The children of every open container, innermost last (map:
	 * key, value, key, ...): one array for the whole document, not
	 * one allocation per container. */
	struct ynode	**kids;
	size_t		 nkids, capkids;
	/* Mapping keys repeat on every item of a list: each distinct
	 * key string is stored once per document. */
	struct hmap	 key_strs;
	struct hmap	 anchors;	/* name -> the latest struct anchor */
	unsigned long	 total;		/* expanded nodes in the document */
	struct ynode	*root;
	int		 failed;
};

static struct pos
mark_pos(const struct ctx *c, yaml_mark_t m)
{
	struct pos p;

	p.file = c->file;
	p.line = (int)m.line + 1 + c->line_offset;
	p.col = (int)m.column + 1;
	return p;
}

/* Does the 8-byte word at s hold only ASCII without NUL? */
static int
ascii8(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	/* no high bit set, and no zero byte (the classic haszero test) */
	return ((w | ((w - 0x0101010101010101ULL) & ~w)) &
	    0x8080808080808080ULL) == 0;
}

int
utf8_check(const char *src, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i], need, cp, min;

		/* Content is mostly ASCII: skip it a word at a time. */
		if (len - i >= 8 && ascii8(s + i)) {
			i += 8;
			continue;
		}

		if (c == 0)
			goto fail;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			goto fail;
		if (len - i <= need)
			goto fail;
		for (unsigned k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += need + 1;
	}
	return 0;
fail:
	*bad = i;
	return -1;
}

void
offset_pos(const char *src, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;

	for (i = 0; i < off; i++) {
		if (src[i] == '\n')
			l++, c = 1;
		else if (((unsigned char)src[i] & 0xc0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

static void __attribute__((format(printf, 3, 4)))
err_at(struct ctx *c, struct pos p, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	gh_error(p, "%s", b.ptr);
	buf_free(&b);
	c->failed = 1;
}

/* A hash map, not a scan: a file may hold hundreds of thousands of
 * anchors and as many aliases (tests/cases/yaml-many-anchors.case). */
static struct anchor *
anchor_find(struct ctx *c, const char *name)
{
	return hmap_get(&c->anchors, name);
}

static struct anchor *
anchor_add(struct ctx *c, const char *name)
{
	struct anchor *a = arena_alloc(c->tree, sizeof(*a));

	a->name = arena_strdup(c->tree, name);
	/* later anchors override earlier ones of the same name */
	(void)hmap_put(&c->anchors, a->name, a);
	a->node = NULL;
	a->size = 0;
	return a;
}

/* Account for a finished node (or an alias to one) of expanded size. */
static int
count_nodes(struct ctx *c, struct pos p, unsigned long size)
{
	c->total += size;
	if (c->total > YML_MAX_NODES) {
		gh_error(p, "document expands to more than %d nodes "
		    "(an alias bomb?)", YML_MAX_NODES);
		c->failed = 1;
		return -1;
	}
	return 0;
}

/* Attach a finished node to the open container, or make it the root. */
static void
attach(struct ctx *c, struct ynode *n, unsigned long size)
{
	struct frame *f;

	if (c->depth == 0) {
		c->root = n;
		return;
	}
	f = &c->stack[c->depth - 1];
	if (c->nkids == c->capkids) {
		c->capkids = c->capkids ? c->capkids * 2 : 64;
		c->kids = xrealloc(c->kids, c->capkids * sizeof(*c->kids));
	}
	c->kids[c->nkids++] = n;
	f->size += size;
}

static const char *
tag_name(struct arena *a, const char *tag)
{
	static const char yaml_prefix[] = "tag:yaml.org,2002:";

	if (strncmp(tag, yaml_prefix, sizeof(yaml_prefix) - 1) == 0)
		return arena_printf(a, "!!%s", tag + sizeof(yaml_prefix) - 1);
	return tag;
}

/* Is the next child of the open container a mapping key? */
static int
next_is_key(const struct ctx *c)
{
	const struct frame *f;

	if (c->depth == 0)
		return 0;
	f = &c->stack[c->depth - 1];
	return f->node->type == YN_MAP && (c->nkids - f->base) % 2 == 0;
}

/*
 * The one copy of key string s[0..len) in this document. Keys go with
 * the tree: decode copies the few it keeps (ids written as keys, report
 * periods and groups, note titles). An anchored key stays, as a value
 * would: an alias may use it as one.
 */
static const char *
key_str(struct ctx *c, const char *s, size_t len, int anchored)
{
	char *k;

	if (anchored)
		return arena_strndup(c->arena, s, len);
	if (memchr(s, '\0', len) != NULL)	/* an error: not shared */
		return arena_strndup(c->tree, s, len);
	if ((k = hmap_get(&c->key_strs, s)) != NULL)
		return k;
	k = arena_strndup(c->tree, s, len);
	(void)hmap_put(&c->key_strs, k, k);
	return k;
}

static void
on_scalar(struct ctx *c, const yaml_event_t *ev)
{
	int key = next_is_key(c);
	struct ynode *n = arena_alloc(c->tree, sizeof(*n));
	const char *tag = (const char *)ev->data.scalar.tag;
	const char *value = (const char *)ev->data.scalar.value;
	struct pos p = mark_pos(c, ev->start_mark);

	n->type = YN_SCALAR;
	n->pos = p;
	n->len = ev->data.scalar.length;
	n->str = key ? key_str(c, value, n->len,
	    ev->data.scalar.anchor != NULL) :
	    arena_strndup(c->arena, value, n->len);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    tag == NULL;
	if (tag != NULL && strcmp(tag, YAML_STR_TAG) != 0 &&
	    strcmp(tag, "!") != 0)
		err_at(c, p, "unsupported tag '%s' (only !!str is allowed)",
		    tag_name(c->arena, tag));
	if (memchr(n->str, '\0', n->len) != NULL)
		err_at(c, p, "NUL character in a string is not allowed");
	if (ev->data.scalar.anchor != NULL) {
		struct anchor *a = anchor_add(c,
		    (const char *)ev->data.scalar.anchor);
		a->node = n;
		a->size = 1;
	}
	if (count_nodes(c, p, 1) == 0)
		attach(c, n, 1);
}

static void
on_start(struct ctx *c, const yaml_event_t *ev, enum ynode_type type)
{
	struct ynode *n;
	struct frame *f;
	struct pos p = mark_pos(c, ev->start_mark);
	const char *tag, *anchor;

	if (type == YN_SEQ) {
		tag = (const char *)ev->data.sequence_start.tag;
		anchor = (const char *)ev->data.sequence_start.anchor;
	} else {
		tag = (const char *)ev->data.mapping_start.tag;
		anchor = (const char *)ev->data.mapping_start.anchor;
	}
	if (c->depth >= YML_MAX_DEPTH) {
		gh_error(p, "nesting deeper than %d levels", YML_MAX_DEPTH);
		c->failed = 1;
		return;
	}
	if (tag != NULL && strcmp(tag, type == YN_SEQ ? YAML_SEQ_TAG :
	    YAML_MAP_TAG) != 0)
		err_at(c, p, "unsupported tag '%s'", tag_name(c->arena, tag));
	n = arena_alloc(c->tree, sizeof(*n));
	n->type = type;
	n->pos = p;
	f = &c->stack[c->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	f->base = c->nkids;
	f->size = 1;
	if (anchor != NULL) {
		/* Registered now, completed at the end: an alias meanwhile
		 * is a cycle. */
		f->anchor = anchor_add(c, anchor);
	}
}

static void
dup_key(struct ctx *c, const struct ynode *k, const struct ynode *first)
{
	gh_error(k->pos, "duplicate key '%s' (first at line %d)", k->str,
	    first->pos.line);
	c->failed = 1;
}

/* Report duplicate keys of a finished mapping. Keys of one document
 * share their strings (key_str), so a short mapping compares
 * pointers; a long one uses a hash set and stays linear. */
#define DUP_SCAN_MAX	16

static void
check_dup_keys(struct ctx *c, struct ynode *m)
{
	struct hmap seen = { 0 };
	size_t i, j;

	if (m->n <= DUP_SCAN_MAX) {
		for (i = 1; i < m->n; i++) {
			const struct ynode *k = m->keys[i];

			if (k->type != YN_SCALAR)
				continue;
			for (j = 0; j < i; j++)
				if (m->keys[j]->type == YN_SCALAR &&
				    (m->keys[j]->str == k->str ||
				    strcmp(m->keys[j]->str, k->str) == 0)) {
					dup_key(c, k, m->keys[j]);
					break;
				}
		}
		return;
	}
	for (i = 0; i < m->n; i++) {
		struct ynode *k = m->keys[i], *first;

		if (k->type != YN_SCALAR)
			continue;
		first = hmap_put(&seen, k->str, k);
		if (first != NULL) {
			dup_key(c, k, first);
			hmap_put(&seen, k->str, first);
		}
	}
	hmap_free(&seen);
}

static void
on_end(struct ctx *c)
{
	struct frame *f = &c->stack[c->depth - 1];
	struct ynode *n = f->node, **kids;
	size_t nkids = c->nkids - f->base, i;
	unsigned long size = f->size;

	/* no child yet in the whole document: kids is NULL, and NULL + 0
	 * is undefined */
	kids = c->kids != NULL ? c->kids + f->base : NULL;
	if (n->type == YN_SEQ) {
		n->n = nkids;
		n->items = arena_alloc(c->tree, (nkids + 1) * sizeof(*n->items));
		if (nkids)
			memcpy(n->items, kids, nkids * sizeof(*n->items));
	} else {
		n->n = nkids / 2;
		n->keys = arena_alloc(c->tree, (n->n + 1) * sizeof(*n->keys));
		n->items = arena_alloc(c->tree, (n->n + 1) * sizeof(*n->items));
		for (i = 0; i < n->n; i++) {
			n->keys[i] = kids[2 * i];
			n->items[i] = kids[2 * i + 1];
			if (n->keys[i]->type != YN_SCALAR)
				err_at(c, n->keys[i]->pos, "a mapping key "
				    "must be a string");
			else if (strcmp(n->keys[i]->str, "<<") == 0 &&
			    n->keys[i]->plain)
				err_at(c, n->keys[i]->pos, "merge keys "
				    "('<<') are not supported");
		}
		check_dup_keys(c, n);
	}
	if (f->anchor != NULL) {
		f->anchor->node = n;
		f->anchor->size = size;
	}
	c->nkids = f->base;
	c->depth--;
	attach(c, n, size);
}

static void
on_alias(struct ctx *c, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct pos p = mark_pos(c, ev->start_mark);
	struct anchor *a = anchor_find(c, name);

	if (a == NULL) {
		err_at(c, p, "unknown anchor '%s'", name);
		return;
	}
	if (a->node == NULL) {
		err_at(c, p, "alias '%s' refers to a node that contains it", name);
		return;
	}
	if (count_nodes(c, p, a->size) == 0)
		attach(c, a->node, a->size);
}

static void
parser_error(struct ctx *c, const yaml_parser_t *y)
{
	struct pos p;
	const char *what = y->problem ? y->problem : "unknown error";

	p.file = c->file;
	if (y->error == YAML_READER_ERROR) {
		offset_pos(c->src, y->problem_offset < c->len ?
		    y->problem_offset : c->len, &p.line, &p.col);
		p.line += c->line_offset;
		gh_error(p, "cannot read YAML: %s", what);
	} else {
		p = mark_pos(c, y->problem_mark);
		if (y->context != NULL && y->context_mark.line !=
		    y->problem_mark.line) {
			struct pos q = mark_pos(c, y->context_mark);

			gh_error(p, "invalid YAML: %s %s (which starts at "
			    "line %d, column %d)", what, y->context, q.line,
			    q.col);
		} else if (y->context != NULL)
			gh_error(p, "invalid YAML: %s %s", what, y->context);
		else
			gh_error(p, "invalid YAML: %s", what);
	}
	c->failed = 1;
}

struct ynode *
yml_parse(struct arena *arena, const char *file, const char *data,
    size_t len, int line_offset, int *empty)
{
	return yml_parse_in(arena, arena, file, data, len, line_offset, empty);
}

struct ynode *
yml_parse_in(struct arena *strs, struct arena *tree, const char *file,
    const char *data, size_t len, int line_offset, int *empty)
{
	struct ctx c;
	yaml_parser_t y;
	yaml_event_t ev;
	size_t bad;
	int docs = 0, done = 0;

	*empty = 0;
	memset(&c, 0, sizeof(c));
	c.arena = strs;
	c.tree = tree;
	c.file = file;
	c.src = data;
	c.len = len;
	c.line_offset = line_offset;

	/* A UTF-8 byte order mark is allowed and ignored. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
		c.src = data;
		c.len = len;
	}
	if (len > YML_MAX_BYTES) {
		gh_error((struct pos){ file, 1, 1 }, "file is larger than "
		    "16 MiB (%zu bytes)", len);
		return NULL;
	}
	if ((len >= 2 && ((unsigned char)data[0] == 0xfe ||
	    (unsigned char)data[0] == 0xff)) ||
	    (len >= 4 && data[0] == 0 && data[1] == 0)) {
		gh_error((struct pos){ file, 1 + line_offset, 1 },
		    "file is not UTF-8 (UTF-16 or UTF-32 byte order mark)");
		return NULL;
	}
	if (utf8_check(data, len, &bad) != 0) {
		struct pos p = { file, 0, 0 };

		offset_pos(data, bad, &p.line, &p.col);
		p.line += line_offset;
		if (data[bad] == '\0')
			gh_error(p, "NUL byte in file");
		else
			gh_error(p, "invalid UTF-8 byte 0x%02x",
			    (unsigned char)data[bad]);
		return NULL;
	}

	if (!yaml_parser_initialize(&y)) {
		gh_fatal_msg("cannot initialise the YAML parser");
		abort();
	}
	yaml_parser_set_input_string(&y, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&y, YAML_UTF8_ENCODING);
	while (!done && !c.failed) {
		if (!yaml_parser_parse(&y, &ev)) {
			parser_error(&c, &y);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				err_at(&c, mark_pos(&c, ev.start_mark),
				    "more than one YAML document in file "
				    "(only one is allowed)");
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(&c, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			on_start(&c, &ev, YN_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			on_start(&c, &ev, YN_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_end(&c);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(&c, &ev);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&y);
	free(c.kids);
	hmap_free(&c.key_strs);
	hmap_free(&c.anchors);
	if (c.failed)
		return NULL;
	if (c.root == NULL || (c.root->type == YN_SCALAR && yml_is_null(c.root))) {
		*empty = 1;
		return NULL;
	}
	return c.root;
}

int
yml_is_null(const struct ynode *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	size_t i;

	if (n == NULL)
		return 1;
	if (n->type != YN_SCALAR || !n->plain)
		return 0;
	for (i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return 1;
	return 0;
}

struct ynode *
yml_get(const struct ynode *map, const char *key)
{
	size_t i, len;

	if (map == NULL || map->type != YN_MAP)
		return NULL;
	/* lengths first: most keys differ there (a tree holds no NUL) */
	len = strlen(key);
	for (i = 0; i < map->n; i++)
		if (map->keys[i]->len == len &&
		    memcmp(map->keys[i]->str, key, len) == 0)
			return map->items[i];
	return NULL;
}

struct pos
yml_key_pos(const struct ynode *map, const char *key, struct pos fallback)
{
	const struct ynode *v = yml_get(map, key);

	return v != NULL ? v->pos : fallback;
}
