/*
 * diag.c - collect diagnostics, then print them sorted, as text
 * (path:line:col: error: message) or as a JSON array; and the "did
 * you mean" hints those messages carry, with the run's hint budget.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

/*
 * Hints are a courtesy: after this many comparisons in one run (reset by
 * diag_reset) no more are made, so N unknown words against M
 * candidates cannot cost N*M (a categories.yaml of 20,000 keys with
 * unknown parents took minutes: tests/cases/hint-budget.case).
 */
#define SUGGEST_BUDGET	2000000

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
/* Files load, and the two audiences render, on two threads: either
 * may report. */
static pthread_mutex_t	 diag_mu = PTHREAD_MUTEX_INITIALIZER;
/* Comparisons made for hints since the last diag_reset(): decode and
 * check run on one thread and share it. */
static unsigned long	 suggest_work;

/*
 * A copy of s that is safe to print on a terminal and valid UTF-8 for
 * the JSON format: file names and quoted values come from the content
 * and may hold anything. Control characters become \t, \n, \r or
 * \xNN, bytes that are not UTF-8 \xNN, and the bidirectional controls
 * (which can reorder what a reader sees, U+202E and friends) \u202e.
 */
static char *
sanitize(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b = BUF_INIT;

	while (*p != '\0') {
		size_t n = 0, k;
		unsigned cp = 0;

		if (*p < 0x20 || *p == 0x7f) {
			if (*p == '\t')
				buf_puts(&b, "\\t");
			else if (*p == '\n')
				buf_puts(&b, "\\n");
			else if (*p == '\r')
				buf_puts(&b, "\\r");
			else
				buf_printf(&b, "\\x%02x", *p);
			p++;
			continue;
		}
		if (*p < 0x80) {
			buf_putc(&b, *p++);
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 1, cp = *p & 0x1f;
		else if (*p >= 0xe0 && *p <= 0xef)
			n = 2, cp = *p & 0x0f;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 3, cp = *p & 0x07;
		for (k = 1; n > 0 && k <= n; k++) {
			if ((p[k] & 0xc0) != 0x80) {
				n = 0;
				break;
			}
			cp = (cp << 6) | (p[k] & 0x3f);
		}
		if (n == 0 || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
			buf_printf(&b, "\\x%02x", *p++);
			continue;
		}
		if (cp == 0x61c || cp == 0x200e || cp == 0x200f ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			buf_printf(&b, "\\u%04x", cp);
		else
			buf_put(&b, p, n + 1);
		p += n + 1;
	}
	return buf_detach(&b, NULL);
}

/* Collect one diagnostic (either thread may report). */
static void
diag_add(struct pos pos, enum severity sev, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	char *msg;

	buf_vprintf(&b, fmt, ap);
	msg = sanitize(b.ptr);
	buf_free(&b);
	pthread_mutex_lock(&diag_mu);
	if (ndiags == capdiags) {
		capdiags = capdiags ? capdiags * 2 : 16;
		diags = xrealloc(diags, capdiags * sizeof(*diags));
	}
	diags[ndiags].pos = pos;
	diags[ndiags].sev = sev;
	diags[ndiags].msg = msg;
	diags[ndiags].file = sanitize(pos.file ? pos.file : "glasshouse");
	diags[ndiags].pos.file = diags[ndiags].file;
	diags[ndiags].seq = ndiags;
	ndiags++;
	if (sev == SEV_ERROR)
		nerrors++;
	else
		nwarnings++;
	pthread_mutex_unlock(&diag_mu);
}

/* Report an error at pos; returns -1. */
int
gh_error(struct pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(pos, SEV_ERROR, fmt, ap);
	va_end(ap);
	return -1;
}

/* Report a warning at pos. */
void
gh_warning(struct pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(pos, SEV_WARNING, fmt, ap);
	va_end(ap);
}

/* Errors collected since the last diag_reset(). */
int
diag_errors(void)
{
	return nerrors;
}

/* Warnings collected since the last diag_reset(). */
int
diag_warnings(void)
{
	return nwarnings;
}

/* By file, line, column, then the order of emission. */
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

/* "key": v in the JSON format. */
static void
put_json_int(struct buf *b, const char *key, int v)
{
	buf_printf(b, ", \"%s\": %d", key, v);
}

/* Print the collected diagnostics sorted, then reset. */
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

/* Forget the diagnostics and refill the hint budget: a new run. */
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
	suggest_work = 0;
}

/* "glasshouse: message" on stderr, for usage and I/O errors. */
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

/* --- "did you mean" ---------------------------------------------- */

/* Start a search for the candidate nearest to word. */
void
suggest_init(struct suggest *s, const char *word)
{
	size_t len = strlen(word);

	s->word = word;
	s->best = NULL;
	/* Short words tolerate one typo, long dotted keys a few more. */
	s->cap = len <= 3 ? 1 : len >= 12 ? 3 : 2;
	s->dist = s->cap + 1;
}

/* Weigh one candidate (NULL is skipped), within the run's budget. */
void
suggest_add(struct suggest *s, const char *cand)
{
	size_t d;

	if (suggest_work >= SUGGEST_BUDGET || cand == NULL ||
	    strcmp(cand, s->word) == 0)
		return;
	suggest_work++;
	d = edit_distance(s->word, cand, s->cap);
	if (d > s->cap || d >= strlen(cand))
		return;
	if (s->best == NULL || d < s->dist ||
	    (d == s->dist && strcmp(cand, s->best) < 0)) {
		s->dist = d;
		s->best = cand;
	}
}

/* " (did you mean 'x'?)" in the arena, or "" when nothing is near. */
const char *
suggest_hint(const struct suggest *s, struct arena *a)
{
	if (s->best == NULL)
		return "";
	return arena_printf(a, " (did you mean '%s'?)", s->best);
}

/* Is the run's hint budget used up (a caller may stop feeding)? */
bool
suggest_spent(void)
{
	return suggest_work >= SUGGEST_BUDGET;
}
