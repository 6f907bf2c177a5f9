/*
 * test_util.c - the shared toolkit (buf, arena, hmap, edit distance,
 * buf_read_file). The Markdown stage's tests are in test_markdown.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "testutil.h"

static void
test_buf(void **state)
{
	struct buf b = BUF_INIT;
	char *p;
	size_t n;

	assert_string_equal(b.ptr, "");
	buf_puts(&b, "a");
	buf_printf(&b, "%d-%s", 42, "x");
	buf_putc(&b, '!');
	assert_string_equal(b.ptr, "a42-x!");
	assert_int_equal(b.len, 6);
	buf_reset(&b);
	assert_string_equal(b.ptr, "");
	buf_put_json(&b, "q\"\\\n<\x01");
	assert_string_equal(b.ptr, "\"q\\\"\\\\\\n\\u003c\\u0001\"");
	buf_reset(&b);
	buf_put_csv(&b, "plain");
	buf_putc(&b, ',');
	buf_put_csv(&b, "a \"b\", c\r\nd");
	assert_string_equal(b.ptr, "plain,\"a \"\"b\"\", c\r\nd\"");
	buf_reset(&b);
	buf_put_html(&b, "a&b<c>d\"e'f");
	buf_put_html(&b, NULL);
	assert_string_equal(b.ptr, "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	p = buf_detach(&b, &n);
	assert_int_equal(n, strlen(p));
	assert_string_equal(b.ptr, "");
	free(p);
	buf_free(&b);
}

static void
test_arena(void **state)
{
	struct arena a = { 0 };
	int *v = NULL;
	size_t i;
	char *big;

	for (i = 0; i < 1000; i++) {
		v = arena_grow(&a, v, i, sizeof(*v));
		v[i] = (int)i;
	}
	for (i = 0; i < 1000; i++)
		assert_int_equal(v[i], (int)i);
	assert_string_equal(arena_printf(&a, "%s/%d", "x", 7), "x/7");
	big = arena_alloc(&a, 1 << 20);
	assert_int_equal(big[(1 << 20) - 1], 0);
	assert_int_equal((uintptr_t)arena_alloc(&a, 3) % 16, 0);
	arena_free(&a);
}

/* Strings are packed byte by byte; what follows them is aligned and
 * zeroed again, across block boundaries too. */
static void
test_arena_strings(void **state)
{
	struct arena a = { 0 };
	char *s, *t, *u;
	unsigned char *z;
	size_t i, k;

	(void)state;
	s = arena_strndup(&a, "ab", 2);
	t = arena_strdup(&a, "c");
	assert_ptr_equal(t, s + 3);
	assert_string_equal(s, "ab");
	assert_string_equal(t, "c");
	for (i = 0; i < 20000; i++) {
		u = arena_strndup(&a, "xyzzy42", i % 8);
		assert_int_equal(strlen(u), i % 8);
		assert_memory_equal(u, "xyzzy42", i % 8);
		z = arena_alloc(&a, 1 + i % 40);
		assert_int_equal((uintptr_t)z % 16, 0);
		for (k = 0; k < 1 + i % 40; k++)
			assert_int_equal(z[k], 0);
		memset(z, 0xff, 1 + i % 40);	/* the next ones start zeroed */
	}
	assert_string_equal(s, "ab");
	arena_free(&a);
}

static void
test_hmap(void **state)
{
	struct hmap m = { 0 };
	char keys[2000][8];
	int i;

	for (i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		assert_null(hmap_put(&m, keys[i], keys[i]));
	}
	for (i = 0; i < 2000; i++)
		assert_ptr_equal(hmap_get(&m, keys[i]), keys[i]);
	assert_null(hmap_get(&m, "nope"));
	assert_ptr_equal(hmap_put(&m, "k5", NULL), keys[5]);
	assert_int_equal(m.n, 2000);
	hmap_free(&m);
}

static void
test_edit_distance(void **state)
{
	assert_int_equal(edit_distance("retention", "retension", 3), 1);
	assert_int_equal(edit_distance("contract", "contrakt", 3), 1);
	assert_int_equal(edit_distance("abc", "abc", 3), 0);
	assert_int_equal(edit_distance("a", "wxyz", 2), 3);
	assert_int_equal(edit_distance("", "ab", 2), 2);
}

/* buf_read_file: a whole regular file; a FIFO refused at once (no
 * hang), a missing file with its errno, a file over the limit. */
static void
test_buf_read_file(void **state)
{
	char dir[] = "/tmp/gh-util-XXXXXX", path[64], fifo[64];
	struct buf b = BUF_INIT;
	FILE *f;
	int err;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/f.txt", dir);
	snprintf(fifo, sizeof fifo, "%s/p", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("hello\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(mkfifo(fifo, 0600), 0);

	buf_puts(&b, ">");
	assert_int_equal(buf_read_file(&b, path, 100, &err), 0);
	assert_string_equal(b.ptr, ">hello\n");
	buf_reset(&b);
	assert_int_equal(buf_read_file(&b, fifo, 100, &err), -1);
	assert_int_equal(err, BUF_NOT_REGULAR);
	assert_int_equal(buf_read_file(&b, dir, 100, &err), -1);
	assert_int_equal(err, BUF_NOT_REGULAR);
	assert_int_equal(buf_read_file(&b, "/nonexistent/x", 100, &err), -1);
	assert_int_equal(err, ENOENT);
	assert_int_equal(buf_read_file(&b, path, 3, &err), -1);
	assert_int_equal(err, BUF_TOO_BIG);
	buf_free(&b);
	unlink(path);
	unlink(fifo);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_arena_strings),
		cmocka_unit_test(test_hmap),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_buf_read_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
