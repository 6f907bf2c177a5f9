/*
 * fuzz_markdown.c - Markdown bodies through md_render (the guard, cmark
 * in safe mode, the URL allow-list).
 *
 * Run with -timeout=5: the guard's promise is that no body makes cmark
 * slow. Invariants on the HTML: no raw <script> survives, and every
 * href/src value is allowed by url_allowed() once its HTML escapes are
 * undone, and by a second, independent reading of the browsers' rules
 * (browser_safe), so no javascript:, data:, //host ... link reaches a
 * page.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "markdown.h"
#include "fuzz.h"

/* Undo the escapes cmark writes in attribute values. */
static char *
unescape_attr(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	size_t i = 0;

	while (i < n) {
		if (strncmp(s + i, "&amp;", 5) == 0)
			*o++ = '&', i += 5;
		else if (strncmp(s + i, "&#x27;", 6) == 0)
			*o++ = '\'', i += 6;
		else if (strncmp(s + i, "&quot;", 6) == 0)
			*o++ = '"', i += 6;
		else if (strncmp(s + i, "&lt;", 4) == 0)
			*o++ = '<', i += 4;
		else if (strncmp(s + i, "&gt;", 4) == 0)
			*o++ = '>', i += 4;
		else
			*o++ = s[i++];
	}
	*o = '\0';
	return out;
}

/*
 * An oracle independent of url_allowed(), after the WHATWG URL parser:
 * drop leading C0 controls and spaces, every tab and newline, read '\\'
 * as '/'; then the address must not reach another host ("//") and any
 * scheme must be http, https or mailto.
 */
static int
browser_safe(const char *url)
{
	char *n = malloc(strlen(url) + 1), *o = n;
	const char *p = url, *colon;
	int ok = 1;

	while (*p != '\0' && (unsigned char)*p <= 0x20)
		p++;
	for (; *p != '\0'; p++)
		if (*p != '\t' && *p != '\n' && *p != '\r')
			*o++ = *p == '\\' ? '/' : (char)tolower((unsigned char)*p);
	*o = '\0';
	if (n[0] == '/' && n[1] == '/')
		ok = 0;
	else if ((colon = strchr(n, ':')) != NULL &&
	    strcspn(n, "/?#") > (size_t)(colon - n) &&
	    isalpha((unsigned char)n[0]) &&
	    strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789+-.") ==
	    (size_t)(colon - n))
		ok = strncmp(n, "http:", 5) == 0 || strncmp(n, "https:", 6) == 0 ||
		    strncmp(n, "mailto:", 7) == 0;
	free(n);
	return ok;
}

/* Check every href and src attribute of every tag. cmark escapes '<' in
 * text and '"' in values, so tags and values can be read naively. */
static void
check_attrs(const char *html)
{
	const char *p = html, *name, *v, *e;
	size_t n;

	while ((p = strchr(p, '<')) != NULL) {
		p++;
		while (*p != '\0' && *p != '>') {
			if (*p != '=') {
				p++;
				continue;
			}
			/* p at '=': the name runs back to a blank */
			for (name = p; name > html && name[-1] != ' '; name--)
				continue;
			n = (size_t)(p - name);
			FUZZ_ASSERT(p[1] == '"');
			v = p + 2;
			e = strchr(v, '"');
			FUZZ_ASSERT(e != NULL);
			if ((n == 4 && strncmp(name, "href", 4) == 0) ||
			    (n == 3 && strncmp(name, "src", 3) == 0)) {
				char *url = unescape_attr(v, (size_t)(e - v));

				FUZZ_ASSERT(url_allowed(url));
				FUZZ_ASSERT(browser_safe(url));
				free(url);
			}
			p = e + 1;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = { 0 };
	struct pos start = { "fuzz.md", 1, 1 };
	char *html;
	const char *p;

	html = md_render(&a, (const char *)data, size, start);
	FUZZ_ASSERT(html != NULL);
	for (p = html; (p = strchr(p, '<')) != NULL; p++)
		FUZZ_ASSERT(strncasecmp(p + 1, "script", 6) != 0);
	check_attrs(html);
	diag_reset();
	arena_free(&a);
	return 0;
}
