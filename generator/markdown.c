/*
 * markdown.c - Markdown bodies to HTML with cmark, safely.
 *
 * cmark runs in its default safe mode (raw HTML and dangerous link
 * schemes dropped). On top of that every link and image URL goes
 * through url_allowed(), the one allow-list the whole program uses, and
 * a guard refuses input shapes that make Debian's cmark 0.30.2 slow
 * (deep nesting, huge runs of brackets or delimiters) before cmark
 * sees the text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <cmark.h>

#include "markdown.h"

#define MD_MAX_BYTES	(1024 * 1024)	/* one body: a page, not a book */
#define MD_MAX_NEST		32	/* container prefixes on one line */
#define MD_MAX_BRACKETS		5000	/* '[' per document */
#define MD_MAX_DELIMS		20000	/* '*' and '_' per document */

bool
url_allowed(const char *url)
{
	char scheme[16];
	size_t n = 0;
	const char *p = url;

	/* Browsers drop leading C0 controls and spaces and any tab or
	 * newline inside a URL before they look for the scheme. */
	while (*p != '\0' && (unsigned char)*p <= 0x20)
		p++;
	if (p[0] == '\\')
		return false;		/* "\\host" is "//host" to browsers */
	if (p[0] == '/') {
		/* protocol-relative, another host: "//", and "/\\" or "/<tab>/"
		 * because browsers read '\\' as '/' and drop tabs */
		const char *q = p + 1;

		while (*q == '\t' || *q == '\n' || *q == '\r')
			q++;
		if (*q == '/' || *q == '\\')
			return false;
	}
	for (; *p != '\0'; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == ':')
			break;
		if (*p == '/' || *p == '?' || *p == '#')
			return true;	/* no scheme: relative */
		if (!(isalnum((unsigned char)*p) || *p == '+' || *p == '-' ||
		    *p == '.'))
			return true;	/* not a scheme character: relative */
		if (n + 1 >= sizeof(scheme))
			return false;
		scheme[n++] = (char)tolower((unsigned char)*p);
	}
	if (*p != ':')
		return true;
	scheme[n] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	    strcmp(scheme, "mailto") == 0;
}

/*
 * Refuse inputs whose shape is known to be slow in cmark 0.30.2:
 * deeply nested containers, and long runs of link or emphasis openers.
 * The size cap keeps even cmark's linear worst cases (millions of
 * delimiter nodes: 2-7 s at 16 MiB, measured with the patterns of
 * cmark's test/pathological_tests.py) well inside a second; the counts
 * and the nesting limit stop its quadratic ones, such as "![[]()"
 * repeated and "- - - ... x" (tests/cases/md-*.case).
 * Returns 0, or -1 after reporting.
 */
static int
md_guard(const char *text, size_t len, struct pos start, bool report)
{
	size_t i = 0, brackets = 0, delims = 0;
	int line = start.line;

	if (len > MD_MAX_BYTES)
		return !report ? -1 : gh_error(start, "Markdown body is larger than 1 MiB "
		    "(%zu bytes)", len);
	while (i < len) {
		size_t nest = 0, j = i;

		/* Container prefixes: '>' and list markers, with spaces. */
		for (;;) {
			while (j < len && (text[j] == ' ' || text[j] == '\t'))
				j++;
			if (j < len && text[j] == '>') {
				j++;
			} else if (j + 1 < len && (text[j] == '-' ||
			    text[j] == '*' || text[j] == '+') &&
			    (text[j + 1] == ' ' || text[j + 1] == '\t')) {
				j += 2;
			} else if (j < len && text[j] >= '0' && text[j] <= '9') {
				/* an ordered item: 1-9 digits, '.' or ')' */
				size_t k = j;

				while (k < len && k - j < 10 &&
				    text[k] >= '0' && text[k] <= '9')
					k++;
				if (k - j > 9 || k + 1 >= len ||
				    (text[k] != '.' && text[k] != ')') ||
				    (text[k + 1] != ' ' && text[k + 1] != '\t'))
					break;
				j = k + 2;
			} else
				break;
			if (++nest > MD_MAX_NEST) {
				struct pos p = { start.file, line, 1 };

				return !report ? -1 : gh_error(p, "Markdown nested deeper than "
				    "%d levels (quotes or lists)", MD_MAX_NEST);
			}
		}
		for (; j < len && text[j] != '\n'; j++) {
			if (text[j] == '[')
				brackets++;
			else if (text[j] == '*' || text[j] == '_')
				delims++;
		}
		if (brackets > MD_MAX_BRACKETS || delims > MD_MAX_DELIMS) {
			struct pos p = { start.file, line, 1 };

			return !report ? -1 : gh_error(p, "too many %s in Markdown (more than "
			    "%d)", brackets > MD_MAX_BRACKETS ? "'[' brackets" :
			    "'*' or '_' delimiters", brackets > MD_MAX_BRACKETS ?
			    MD_MAX_BRACKETS : MD_MAX_DELIMS);
		}
		i = j + 1;
		line++;
	}
	return 0;
}

/* check writes no page: the guard's diagnostics are all it needs */
static bool md_html = true;

void
md_set_html(bool on)
{
	md_html = on;
}

/* cmark over text: safe HTML in the arena, links through url_allowed. */
static char *
render(struct arena *a, const char *text, size_t len)
{
	cmark_node *doc, *node;
	cmark_iter *it;
	cmark_event_type ev;
	char *html, *out;
	int opts = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;

	doc = cmark_parse_document(text, len, opts);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		const char *url;

		node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			url = cmark_node_get_url(node);
			if (url != NULL && !url_allowed(url))
				cmark_node_set_url(node, "");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	html = cmark_render_html(doc, opts);
	out = arena_strdup(a, html);
	free(html);
	cmark_node_free(doc);
	return out;
}

char *
md_render(struct arena *a, const char *text, size_t len, struct pos start)
{
	if (md_guard(text, len, start, true) != 0 || !md_html)
		return arena_strdup(a, "");
	return render(a, text, len);
}

char *
md_render_quiet(struct arena *a, const char *text, size_t len)
{
	struct pos nowhere = { "", 0, 0 };

	if (!md_html || md_guard(text, len, nowhere, false) != 0)
		return NULL;
	return render(a, text, len);
}
