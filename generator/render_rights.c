/*
 * render_rights.c - rights.html: the reader's rights under the site's
 * jurisdictions (vocab.h), each with the articles of the laws that
 * apply, the contacts to use, and the supervisory authority.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/*
 * The parts of a right's "law" text ("GDPR Art. 15; UK GDPR Art. 15;
 * LGPD ...; CCPA ...") that belong to the site's jurisdictions, into
 * rc->tmp. A part naming no known law is kept.
 */
static void
law_refs(struct rctx *rc, unsigned jur, const char *law)
{
	static const struct {
		const char	*prefix;
		unsigned	 bit;
	} laws[] = {
		{ "UK GDPR", JUR_UK_GDPR }, { "GDPR", JUR_EU_GDPR },
		{ "LGPD", JUR_LGPD }, { "CCPA", JUR_CCPA }
	};
	const char *p, *e;
	size_t	 i, n;

	buf_reset(&rc->tmp);
	for (p = law; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = strchr(p, ';');
		if (e == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		for (i = 0; i < sizeof laws / sizeof laws[0]; i++)
			if (strncmp(p, laws[i].prefix,
			    strlen(laws[i].prefix)) == 0)
				break;
		if (n == 0 || (i < sizeof laws / sizeof laws[0] &&
		    !(jur & laws[i].bit)))
			continue;
		if (rc->tmp.len > 0)
			buf_puts(&rc->tmp, "; ");
		buf_put(&rc->tmp, p, n);
	}
}

/* rights.html: the rights of the site's jurisdictions and whom to ask. */
static void
render_rights(struct rctx *rc)
{
	const struct site *st = &rc->m->site;
	struct tmpl_dict *d, *c, *s;
	size_t	 i;
	int	 j;

	d = page_begin(rc, 0, "rights", NULL, "Your rights", "rights.tpl", &c);
	{
		/* "EU GDPR, UK GDPR and LGPD" */
		const char *lab[JI__COUNT];
		size_t	 n = 0;
		for (j = 1; j < JI__COUNT; j++)
			if (st->jurisdictions & (1u << (j - 1))) {
				lab[n++] = vocab_jurisdictions[j].label;
				s = tmpl_section(c, "JURISDICTION");
				tmpl_set(s, "LABEL", vocab_jurisdictions[j].label);
				set_opt(s, "J_PLAIN", "TEXT",
				    vocab_jurisdictions[j].plain);
			}
		set_series(rc, c, "LAWS", lab, n);
	}
	for (i = 0; i < vocab_nrights; i++) {
		const struct right *r = &vocab_rights[i];
		if ((r->jurisdictions & st->jurisdictions) == 0)
			continue;
		s = tmpl_section(c, "RIGHT");
		tmpl_set(s, "KEY", r->key);
		tmpl_set(s, "TITLE", r->title);
		tmpl_set(s, "DESCRIPTION", r->description);
		law_refs(rc, st->jurisdictions, r->law);
		if (rc->tmp.len > 0)
			set_opt(s, "RIGHT_LAW", "TEXT", rc->tmp.ptr);
	}
	tmpl_set(c, "EMAIL", st->email);
	tmpl_set(c, "ADDRESS", st->address);
	set_opt(c, "LEGAL_NAME", "TEXT", st->legal_name);
	set_opt(c, "PHONE", "TEXT", st->phone);
	contact_block(c, "DPO", &st->dpo);
	contact_block(c, "REPRESENTATIVE", &st->representative);
	if (st->authority.name != NULL || st->authority.url != NULL) {
		s = tmpl_section(c, "AUTHORITY");
		tmpl_set(s, "AUTH_NAME", st->authority.name != NULL ?
		    st->authority.name : st->authority.url);
		if (st->authority.url != NULL)
			set_opt(s, "C_URL", "TEXT", st->authority.url);
		else
			tmpl_show(s, "AUTH_NOURL");
	}
	if (st->jurisdictions & JUR_GDPR_ANY)
		tmpl_show(c, "GDPR");
	if (st->jurisdictions & JUR_CCPA)
		tmpl_show(c, "CCPA");
	gov_site_gaps(rc, c);		/* "not yet documented" */
	set_href(rc, c, "INDEX_HREF", "index.html", NULL, NULL);
	page_end(rc, d, "rights.html", NULL, NULL);
}

/* --- the family --------------------------------------------------- */

const struct family family_rights = {
	.name = "rights",
	.audiences = AUD_BOTH,
	.templates = (const char *const[]){ "rights.tpl", NULL },
	.nav = { "rights", "rights.html", "Your rights", NULL },
	.once = render_rights
};
