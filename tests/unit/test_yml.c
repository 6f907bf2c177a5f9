/*
 * test_yml.c - the YAML tree builder and its limits: every limit in
 * yml.h has a case here, with the exact diagnostic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <time.h>

#include "load.h"
#include "yml.h"
#include "testutil.h"

static struct arena arena;

static struct ynode *
parse(const char *s)
{
	int empty;

	return yml_parse(&arena, "t.yaml", s, strlen(s), 0, &empty);
}

static void
test_scalars_and_positions(void **state)
{
	struct ynode *r = parse("name: Shop\nlist:\n  - a\n  - 'NO'\nv: 1.10\n");

	assert_non_null(r);
	assert_int_equal(r->type, YN_MAP);
	assert_int_equal(r->n, 3);
	assert_string_equal(yml_get(r, "name")->str, "Shop");
	assert_int_equal(yml_get(r, "list")->items[1]->pos.line, 4);
	assert_int_equal(yml_get(r, "list")->items[1]->pos.col, 5);
	assert_false(yml_get(r, "list")->items[1]->plain);
	assert_string_equal(yml_get(r, "v")->str, "1.10");
	assert_true(yml_get(r, "v")->plain);
	assert_diags("");
}

static void
test_line_offset(void **state)
{
	int empty;
	struct ynode *r = yml_parse(&arena, "p.md", "a: [\n", 5, 1, &empty);

	assert_null(r);
	assert_diags("p.md:3:1: error: invalid YAML: did not find expected "
	    "node content while parsing a flow node\n");
}

static void
test_duplicate_keys(void **state)
{
	assert_null(parse("a: 1\nb: 2\na: 3\n"));
	assert_diags("t.yaml:3:1: error: duplicate key 'a' (first at line 1)\n");
}

static void
test_duplicate_keys_large(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 50000; i++)
		buf_printf(&b, "k%d: %d\n", i, i);
	buf_puts(&b, "k7: again\n");
	assert_null(parse(b.ptr));
	assert_diags("t.yaml:50001:1: error: duplicate key 'k7' (first at "
	    "line 8)\n");
	buf_free(&b);
}

static void
test_depth(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 64; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 64; i++)
		buf_putc(&b, ']');
	assert_non_null(parse(b.ptr));
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_putc(&b, '[');
	assert_null(parse(b.ptr));
	assert_diags("t.yaml:1:65: error: nesting deeper than 64 levels\n");
	buf_free(&b);
}

static void
test_alias_bomb(void **state)
{
	static const char bomb[] =
	    "a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";

	assert_null(parse(bomb));
	assert_diags("t.yaml:7:8: error: document expands to more than "
	    "1000000 nodes (an alias bomb?)\n");
}

static void
test_alias_ok(void **state)
{
	struct ynode *r = parse("x: &t [a, b]\ny: *t\n");

	assert_non_null(r);
	assert_ptr_equal(yml_get(r, "x"), yml_get(r, "y"));
}

/*
 * With the tree in an arena of its own, keys live in it and go with
 * it; values, and a key with an anchor (an alias can make it a value),
 * stay in the strings' arena. ASan and valgrind (make test-asan, make
 * valgrind) see a read of freed memory if one is freed with the tree.
 */
static void
test_tree_arena(void **state)
{
	static const char doc[] = "&k name: plain\nalias: *k\nother: v\n";
	struct arena tree = { 0 };
	struct ynode *r;
	const char *alias, *value;
	int empty;

	(void)state;
	r = yml_parse_in(&arena, &tree, "t.yaml", doc, strlen(doc), 0, &empty);
	assert_non_null(r);
	alias = yml_get(r, "alias")->str;
	value = yml_get(r, "other")->str;
	assert_string_equal(alias, "name");
	arena_free(&tree);
	assert_string_equal(alias, "name");
	assert_string_equal(value, "v");
}

static void
test_alias_cycle(void **state)
{
	assert_null(parse("a: &x [1, *x]\n"));
	assert_diags("t.yaml:1:11: error: alias 'x' refers to a node that "
	    "contains it\n");
	assert_null(parse("a: *nope\n"));
	assert_diags("t.yaml:1:4: error: unknown anchor 'nope'\n");
}

static void
test_documents_and_tags(void **state)
{
	assert_null(parse("a: 1\n---\nb: 2\n"));
	assert_diags("t.yaml:2:1: error: more than one YAML document in file "
	    "(only one is allowed)\n");
	assert_null(parse("a: !!python/object:os.system x\n"));
	assert_diags("t.yaml:1:4: error: unsupported tag "
	    "'!!python/object:os.system' (only !!str is allowed)\n");
	assert_non_null(parse("a: !!str 1.10\n"));
	assert_null(parse("a: !!map {}\nb: !custom [1]\n"));
	assert_diags("t.yaml:2:4: error: unsupported tag '!custom'\n");
}

static void
test_bytes(void **state)
{
	int empty;

	assert_null(yml_parse(&arena, "t.yaml", "a: 1\nb: x\0y\n", 11, 0,
	    &empty));
	assert_diags("t.yaml:2:5: error: NUL byte in file\n");
	assert_null(parse("a: 1\nb: caf\xe9\n"));
	assert_diags("t.yaml:2:7: error: invalid UTF-8 byte 0xe9\n");
	assert_null(parse("a: \"x\\0y\"\n"));
	assert_diags("t.yaml:1:4: error: NUL character in a string is not "
	    "allowed\n");
	assert_null(yml_parse(&arena, "t.yaml", "\xff\xfe" "a\0:\0", 6, 0,
	    &empty));
	assert_diags("t.yaml:1:1: error: file is not UTF-8 (UTF-16 or UTF-32 "
	    "byte order mark)\n");
	assert_non_null(parse("\xef\xbb\xbf" "a: 1\r\nb: 2\r\n"));
	assert_diags("");
}

static void
test_empty(void **state)
{
	int empty;

	assert_null(yml_parse(&arena, "t.yaml", "", 0, 0, &empty));
	assert_int_equal(empty, 1);
	assert_null(yml_parse(&arena, "t.yaml", "# only a comment\n", 17, 0,
	    &empty));
	assert_int_equal(empty, 1);
	assert_diags("");
}

static void
test_frontmatter(void **state)
{
	const char *fm, *body, *cause;
	size_t fl, bl;
	int fline, bline;
	static const char doc[] = "---\ntitle: x\n---\nHello\n";

	assert_int_equal(frontmatter_split(doc, strlen(doc), &fm, &fl, &fline,
	    &body, &bl, &bline, &cause), 0);
	assert_int_equal(fl, 9);
	assert_int_equal(fline, 2);
	assert_string_equal(body, "Hello\n");
	assert_int_equal(bline, 4);
	assert_int_equal(frontmatter_split("---\ntitle: x\n", 13, &fm, &fl,
	    &fline, &body, &bl, &bline, &cause), -1);
	assert_int_equal(frontmatter_split("# Title\n", 8, &fm, &fl, &fline,
	    &body, &bl, &bline, &cause), 0);
	assert_null(fm);
	assert_int_equal(frontmatter_split("---\r\na: 1\r\n---\r\nx", 17, &fm,
	    &fl, &fline, &body, &bl, &bline, &cause), 0);
	assert_string_equal(body, "x");
}

static void
test_ids(void **state)
{
	const char *why;

	assert_true(id_valid("order-delivery", &why));
	assert_true(id_valid("a", &why));
	assert_false(id_valid("", &why));
	assert_false(id_valid("-x", &why));
	assert_false(id_valid(".x", &why));
	assert_false(id_valid("A", &why));
	assert_false(id_valid("a/b", &why));
	assert_false(id_valid("a..b", &why));
	assert_false(id_valid("con", &why));
	assert_false(id_valid("com1", &why));
	assert_false(id_valid("caf\xc3\xa9", &why));
	assert_true(id_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &why));
	assert_false(id_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &why));
}

static int
teardown(void **state)
{
	arena_free(&arena);
	diag_reset();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_scalars_and_positions, teardown),
		cmocka_unit_test_teardown(test_line_offset, teardown),
		cmocka_unit_test_teardown(test_duplicate_keys, teardown),
		cmocka_unit_test_teardown(test_duplicate_keys_large, teardown),
		cmocka_unit_test_teardown(test_depth, teardown),
		cmocka_unit_test_teardown(test_alias_bomb, teardown),
		cmocka_unit_test_teardown(test_alias_ok, teardown),
		cmocka_unit_test_teardown(test_tree_arena, teardown),
		cmocka_unit_test_teardown(test_alias_cycle, teardown),
		cmocka_unit_test_teardown(test_documents_and_tags, teardown),
		cmocka_unit_test_teardown(test_bytes, teardown),
		cmocka_unit_test_teardown(test_empty, teardown),
		cmocka_unit_test_teardown(test_frontmatter, teardown),
		cmocka_unit_test_teardown(test_ids, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
