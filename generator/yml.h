/*
 * yml.h - our own YAML tree, built from libyaml events.
 *
 * Every limit on YAML input lives in yml.c, in one pass over the event
 * stream: file size (YML_MAX_BYTES), nesting depth (YML_MAX_DEPTH),
 * alias expansion (YML_MAX_NODES counted as if every alias were
 * copied), self-referencing aliases, duplicate keys, one document per
 * file, valid UTF-8 without NUL, no explicit tags but !!str.
 *
 * Aliases are shared, not copied: the tree is a DAG whose expanded size
 * is bounded, and never a cycle. Every node carries its position.
 * Nodes live in the caller's arena.
 */
#ifndef GH_YML_H
#define GH_YML_H

#include <stddef.h>
#include "diag.h"
#include "util.h"

#define YML_MAX_BYTES	(16u * 1024 * 1024)
#define YML_MAX_DEPTH	64
#define YML_MAX_NODES	1000000		/* after alias expansion */

enum ynode_type {
	YN_SCALAR,
	YN_SEQ,
	YN_MAP
};

struct ynode {
	struct pos	  pos;
	/* YN_SCALAR */
	const char	 *str;		/* NUL-terminated; may hold no NUL */
	size_t		  len;
	/* YN_SEQ: items[0..n); YN_MAP: keys[i] -> items[i], keys are scalars */
	struct ynode	**items;
	struct ynode	**keys;
	size_t		  n;
	enum ynode_type	  type;		/* last, with plain: 64 bytes, no padding */
	int		  plain;	/* unquoted, untagged: may be bool/null/int */
};

/*
 * Parse a whole YAML document held in data[0..len) (NUL at data[len]
 * not required). Positions use file and add line_offset to every line
 * (front matter starts below the "---" line of a Markdown file).
 * Returns the root node; an empty document returns NULL with no error
 * (*empty set to 1). On error, diagnostics are emitted and NULL is
 * returned with *empty set to 0.
 */
struct ynode	*yml_parse(struct arena *, const char *file, const char *data,
		    size_t len, int line_offset, int *empty);
/* yml_parse with the scalars' strings in strs and everything else (the
 * nodes, their arrays, anchors) in tree, so that the tree can be freed
 * once it has been decoded while the strings stay. */
struct ynode	*yml_parse_in(struct arena *strs, struct arena *tree,
		    const char *file, const char *data, size_t len,
		    int line_offset, int *empty);

/* Scalar helpers; each takes a scalar node. */
int	 yml_is_null(const struct ynode *);	/* plain "", "~", "null", "Null", "NULL" */
/* Lookup a key in a map; NULL if absent. */
struct ynode *yml_get(const struct ynode *map, const char *key);
/* Position of key's value in map, or fallback when there is none. */
struct pos	 yml_key_pos(const struct ynode *map, const char *key,
		    struct pos fallback);

/*
 * Check that src[0..len) is valid UTF-8 without NUL bytes. On failure
 * returns -1 and sets *bad to the offset of the offending byte.
 */
int	 utf8_check(const char *src, size_t len, size_t *bad);
/* 1-based line and column (in characters) of byte offset off. */
void	 offset_pos(const char *src, size_t off, int *line, int *col);

#endif
