/*
 * atom.c - changes.atom: the public changelog as an Atom 1.0 feed
 * (RFC 4287), written as text like json.c and ropa.c write theirs.
 *
 * Entries are the published decisions (decision_published(): adopted,
 * public, with a public_summary), newest first. Only a decision's
 * title, date and public summary are used; the rationale never is.
 *
 * The bytes depend on the content alone:
 *  - an entry's id is a tag URI (RFC 4151) from the site's domain (the
 *    base_url host, else the organisation's email domain), the
 *    decision's date and its id: tag:example.org,2026-10-14:decision/x;
 *  - the feed's id is base_url + "changes.atom" when base_url is set,
 *    else a name-based UUID (RFC 4122 version 5) of the organisation's
 *    email, so adding or editing decisions never changes either;
 *  - every date is a decision date (midnight UTC); the feed's updated
 *    is the newest entry's, 1970-01-01 for a feed with no entries.
 * Links are base_url-absolute when base_url is set, else relative to
 * the feed (Atom resolves them against the feed's own address). Text
 * constructs are type="html", escaped twice (see put_html_text).
 */
#include <stdint.h>
#include <string.h>

#include "glasshouse.h"
#include "atom.h"

/* --- SHA-1 (FIPS 180-4), only for the version 5 UUID ---------------- */

struct sha1 {
	uint32_t	h[5];
	uint64_t	len;
	unsigned char	blk[64];
	size_t		n;
};

static uint32_t
rol(uint32_t x, int k)
{
	return (x << k) | (x >> (32 - k));
}

static void
sha1_block(struct sha1 *s, const unsigned char *p)
{
	uint32_t w[80], a, b, c, d, e, f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = s->h[0]; b = s->h[1]; c = s->h[2]; d = s->h[3]; e = s->h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = rol(a, 5) + f + e + k + w[i];
		e = d; d = c; c = rol(b, 30); b = a; a = t;
	}
	s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d; s->h[4] += e;
}

static void
sha1_init(struct sha1 *s)
{
	static const uint32_t h0[5] = {
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
	};

	memcpy(s->h, h0, sizeof(h0));
	s->len = 0;
	s->n = 0;
}

static void
sha1_put(struct sha1 *s, const void *data, size_t len)
{
	const unsigned char *p = data;

	s->len += len;
	while (len > 0) {
		size_t k = 64 - s->n < len ? 64 - s->n : len;

		memcpy(s->blk + s->n, p, k);
		s->n += k;
		p += k;
		len -= k;
		if (s->n == 64) {
			sha1_block(s, s->blk);
			s->n = 0;
		}
	}
}

static void
sha1_done(struct sha1 *s, unsigned char out[20])
{
	uint64_t bits = s->len * 8;
	unsigned char pad = 0x80, z = 0, lenb[8];
	int i;

	sha1_put(s, &pad, 1);
	while (s->n != 56)
		sha1_put(s, &z, 1);
	for (i = 0; i < 8; i++)
		lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_put(s, lenb, 8);
	for (i = 0; i < 20; i++)
		out[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

/* "urn:uuid:..." of name in the URL namespace (RFC 4122 4.3). */
void
atom_uuid5(const char *name, struct buf *out)
{
	static const unsigned char ns_url[16] = {
		0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
	};
	struct sha1 s;
	unsigned char h[20];
	int i;

	sha1_init(&s);
	sha1_put(&s, ns_url, sizeof(ns_url));
	sha1_put(&s, name, strlen(name));
	sha1_done(&s, h);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x50);	/* version 5 */
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	buf_puts(out, "urn:uuid:");
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			buf_putc(out, '-');
		buf_printf(out, "%02x", h[i]);
	}
}

/* --- XML text --------------------------------------------------- */

/* s as XML character data (or an attribute value in double quotes).
 * Content is valid UTF-8 (load.c); the code points XML 1.0 forbids
 * (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) are left out, and an
 * apostrophe stays as it is. */
static void
put_xml(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *e;

	for (; *p != '\0'; p++) {
		if (*p != '\'' && (e = html_entity(*p)) != NULL)
			buf_puts(b, e);
		else if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		else if (p[0] == 0xef && p[1] == 0xbf &&
		    (p[2] == 0xbe || p[2] == 0xbf))
			p += 2;
		else
			buf_putc(b, *p);
	}
}

/*
 * Text as type="html": escaped for HTML, then for XML. A reader that
 * honours the type shows exactly the text; one that renders every
 * title or summary as HTML (some do, whatever the type says) still
 * gets inert text.
 */
static void
put_html_text(struct buf *b, const char *s)
{
	struct buf h = BUF_INIT;

	buf_put_html(&h, s);
	put_xml(b, h.ptr);
	buf_free(&h);
}

static void
html_element(struct buf *b, const char *indent, const char *name,
    const char *text)
{
	buf_printf(b, "%s<%s type=\"html\">", indent, name);
	put_html_text(b, text);
	buf_printf(b, "</%s>\n", name);
}

static void
element(struct buf *b, const char *indent, const char *name, const char *text)
{
	buf_printf(b, "%s<%s>", indent, name);
	put_xml(b, text);
	buf_printf(b, "</%s>\n", name);
}

/* --- ids and links ------------------------------------------------ */

/* The tag authority: base_url's host, else the email's domain,
 * lowercased; "" when neither gives one. */
static void
authority(const struct site *st, struct buf *out)
{
	const char *p = NULL, *e;

	if (st->base_url != NULL && (p = strstr(st->base_url, "://")) != NULL) {
		p += 3;
		if ((e = strpbrk(p, "@/")) != NULL && *e == '@')
			p = e + 1;	/* user@host */
		e = p + strcspn(p, "/:?#");
	} else if (st->email != NULL && (p = strrchr(st->email, '@')) != NULL) {
		p++;
		e = p + strlen(p);
	} else
		return;
	for (; p < e; p++)
		buf_putc(out, *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
}

/* base_url joined with rel (or rel alone without a base_url). */
static void
link_to(const struct site *st, const char *rel, struct buf *out)
{
	size_t n;

	if (st->base_url != NULL) {
		buf_puts(out, st->base_url);
		n = strlen(st->base_url);
		if (n == 0 || st->base_url[n - 1] != '/')
			buf_putc(out, '/');
	}
	buf_puts(out, rel);
}

static void
rfc3339(struct buf *out, const struct date *d)
{
	buf_printf(out, "%04d-%02d-%02dT00:00:00Z", d->y, d->m < 1 ? 1 : d->m,
	    d->d < 1 ? 1 : d->d);
}

/* --- the feed ----------------------------------------------------- */

void
atom_changes(const struct model *m, struct buf *out)
{
	const struct site *st = &m->site;
	static const struct date epoch = { 1970, 1, 1 };
	const struct decision *newest = NULL;
	struct buf t = BUF_INIT, auth = BUF_INIT;
	size_t i;

	for (i = 0; i < m->ndecisions && newest == NULL; i++)
		if (decision_published(m->decisions[i]))
			newest = m->decisions[i];	/* newest first */
	authority(st, &auth);
	if (auth.len == 0)
		buf_puts(&auth, "glasshouse.invalid");	/* no email: errors */

	buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
	buf_puts(out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
	put_xml(out, st->language != NULL ? st->language : "en");
	buf_puts(out, "\">\n");

	if (st->base_url != NULL)
		link_to(st, "changes.atom", &t);
	else {
		buf_puts(&t, "mailto:");
		buf_puts(&t, st->email != NULL ? st->email : "");
		buf_puts(&t, "#glasshouse-changes");
		{
			struct buf u = BUF_INIT;
			atom_uuid5(t.ptr, &u);
			buf_reset(&t);
			buf_put(&t, u.ptr, u.len);
			buf_free(&u);
		}
	}
	element(out, "  ", "id", t.ptr);

	buf_reset(&t);
	buf_puts(&t, "Changes \xe2\x80\x93 ");	/* en dash */
	buf_puts(&t, st->title != NULL ? st->title : "");
	html_element(out, "  ", "title", t.ptr);
	buf_reset(&t);
	buf_printf(&t, "Decisions of the data policy committee of %s that change "
	    "how your data is used.", st->name != NULL ? st->name : "our");
	html_element(out, "  ", "subtitle", t.ptr);
	buf_reset(&t);
	rfc3339(&t, newest != NULL ? &newest->date : &epoch);
	element(out, "  ", "updated", t.ptr);

	buf_puts(out, "  <author>\n");
	element(out, "    ", "name", st->name != NULL ? st->name : "");
	if (st->email != NULL)
		element(out, "    ", "email", st->email);
	buf_puts(out, "  </author>\n");

	buf_reset(&t);
	link_to(st, "changes.html", &t);
	buf_puts(out, "  <link rel=\"alternate\" type=\"text/html\" href=\"");
	put_xml(out, t.ptr);
	buf_puts(out, "\"/>\n");
	buf_reset(&t);
	link_to(st, "changes.atom", &t);
	buf_puts(out, "  <link rel=\"self\" type=\"application/atom+xml\" "
	    "href=\"");
	put_xml(out, t.ptr);
	buf_puts(out, "\"/>\n");
	buf_printf(out, "  <generator version=\"%s\">glasshouse</generator>\n",
	    GH_VERSION);

	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = m->decisions[i];

		if (!decision_published(d))
			continue;
		buf_puts(out, "  <entry>\n");
		buf_reset(&t);
		buf_printf(&t, "tag:%s,%04d-%02d-%02d:decision/%s", auth.ptr,
		    d->date.y, d->date.m < 1 ? 1 : d->date.m,
		    d->date.d < 1 ? 1 : d->date.d, d->id);
		element(out, "    ", "id", t.ptr);
		html_element(out, "    ", "title", d->title != NULL ?
		    d->title : d->id);
		buf_reset(&t);
		rfc3339(&t, &d->date);
		element(out, "    ", "published", t.ptr);
		element(out, "    ", "updated", t.ptr);
		buf_reset(&t);
		buf_puts(&t, "changes.html#d-");
		buf_puts(&t, d->id);
		{
			struct buf u = BUF_INIT;
			link_to(st, t.ptr, &u);
			buf_puts(out, "    <link rel=\"alternate\" "
			    "type=\"text/html\" href=\"");
			put_xml(out, u.ptr);
			buf_puts(out, "\"/>\n");
			buf_free(&u);
		}
		html_element(out, "    ", "summary", d->public_summary);
		buf_puts(out, "  </entry>\n");
	}
	buf_puts(out, "</feed>\n");
	buf_free(&t);
	buf_free(&auth);
}
