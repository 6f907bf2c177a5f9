/*
 * fuzz_yml.c - the YAML loader (yml_parse) on arbitrary bytes.
 *
 * Beyond "no crash, no leak, no hang": a tree that loads respects the
 * documented limits (depth, expanded size is bounded), every node has a
 * position inside the file, and a failed load always says why.
 */
#include <stdio.h>
#include <string.h>

#include "yml.h"
#include "fuzz.h"

/* Walk the DAG without expanding aliases twice: count visits, bounded
 * by YML_MAX_NODES if the loader's accounting is right. */
static void
walk(const struct ynode *n, int depth, unsigned long *visits, int lines)
{
	size_t i;

	FUZZ_ASSERT(n != NULL);
	FUZZ_ASSERT(depth <= YML_MAX_DEPTH + 1);
	FUZZ_ASSERT(++*visits <= YML_MAX_NODES);
	FUZZ_ASSERT(n->pos.line >= 1 && n->pos.line <= lines);
	FUZZ_ASSERT(n->pos.col >= 1);
	if (n->type == YN_SCALAR) {
		FUZZ_ASSERT(n->str != NULL && strlen(n->str) == n->len);
		return;
	}
	for (i = 0; i < n->n; i++) {
		if (n->type == YN_MAP) {
			FUZZ_ASSERT(n->keys[i]->type == YN_SCALAR);
			walk(n->keys[i], depth + 1, visits, lines);
		}
		walk(n->items[i], depth + 1, visits, lines);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = { 0 };
	struct ynode *root;
	unsigned long visits = 0;
	int empty, lines = 1;
	size_t i;

	/* YAML's line breaks: LF, CR LF, a lone CR, NEL, LS and PS */
	for (i = 0; i < size; i++)
		lines += data[i] == '\n' ||
		    (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')) ||
		    (data[i] == 0xc2 && i + 1 < size && data[i + 1] == 0x85) ||
		    (data[i] == 0xe2 && i + 2 < size && data[i + 1] == 0x80 &&
		    (data[i + 2] == 0xa8 || data[i + 2] == 0xa9));
	root = yml_parse(&a, "fuzz.yaml", (const char *)data, size, 0, &empty);
	if (root != NULL) {
		FUZZ_ASSERT(diag_errors() == 0);
		walk(root, 0, &visits, lines + 1);
	} else if (!empty)
		FUZZ_ASSERT(diag_errors() > 0);
	diag_reset();
	arena_free(&a);
	return 0;
}
