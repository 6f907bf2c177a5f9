/*
 * diag.c - collect diagnostics, then print them sorted, as text
 * (path:line:col: error: message) or as a JSON array.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

struct diag {
	struct pos	 pos;
	enum severity	 sev;
	char		*msg;
	char		*file;	/* owned copy: the pos may outlive nothing */
	size_t		 seq;	/* emission order, breaks ties */
};

static struct diag	*diags;
static size_t		 ndiags, capdiags;
static int		 nerrors, nwarnings;

static void
diag_add(struct pos pos, enum severity sev, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vprintf(&b, fmt, ap);
	if (ndiags == capdiags) {
		capdiags = capdiags ? capdiags * 2 : 16;
		diags = xrealloc(diags, capdiags * sizeof(*diags));
	}
	diags[ndiags].pos = pos;
	diags[ndiags].sev = sev;
	diags[ndiags].msg = buf_detach(&b, NULL);
	diags[ndiags].file = xstrdup(pos.file ? pos.file : "glasshouse");
	diags[ndiags].pos.file = diags[ndiags].file;
	diags[ndiags].seq = ndiags;
	ndiags++;
	if (sev == SEV_ERROR)
		nerrors++;
	else
		nwarnings++;
}

int
gh_error(struct pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(pos, SEV_ERROR, fmt, ap);
	va_end(ap);
	return -1;
}

void
gh_warning(struct pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(pos, SEV_WARNING, fmt, ap);
	va_end(ap);
}

int
diag_errors(void)
{
	return nerrors;
}

int
diag_warnings(void)
{
	return nwarnings;
}

static int
diag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c = strcmp(a->pos.file, b->pos.file);

	if (c)
		return c;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
put_json_int(struct buf *b, const char *key, int v)
{
	buf_printf(b, ", \"%s\": %d", key, v);
}

void
diag_flush(FILE *f, int json, int strict)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (ndiags > 1)
		qsort(diags, ndiags, sizeof(*diags), diag_cmp);
	if (json)
		buf_puts(&b, "[");
	for (i = 0; i < ndiags; i++) {
		const struct diag *d = &diags[i];
		const char *sev = d->sev == SEV_ERROR || strict ?
		    "error" : "warning";

		if (json) {
			buf_puts(&b, i ? ",\n  {\"file\": " : "\n  {\"file\": ");
			buf_put_json(&b, d->pos.file);
			put_json_int(&b, "line", d->pos.line);
			put_json_int(&b, "column", d->pos.col);
			buf_printf(&b, ", \"severity\": \"%s\", \"message\": ", sev);
			buf_put_json(&b, d->msg);
			buf_puts(&b, "}");
			continue;
		}
		if (d->pos.line > 0)
			buf_printf(&b, "%s:%d:%d: %s: %s\n", d->pos.file,
			    d->pos.line, d->pos.col > 0 ? d->pos.col : 1,
			    sev, d->msg);
		else
			buf_printf(&b, "%s: %s: %s\n", d->pos.file, sev, d->msg);
	}
	if (json)
		buf_puts(&b, ndiags ? "\n]\n" : "]\n");
	fwrite(b.ptr, 1, b.len, f);
	fflush(f);
	buf_free(&b);
	diag_reset();
}

void
diag_reset(void)
{
	size_t i;

	for (i = 0; i < ndiags; i++) {
		free(diags[i].msg);
		free(diags[i].file);
	}
	free(diags);
	diags = NULL;
	ndiags = capdiags = 0;
	nerrors = nwarnings = 0;
}

void
gh_fatal_msg(const char *fmt, ...)
{
	va_list ap;

	fputs("glasshouse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
