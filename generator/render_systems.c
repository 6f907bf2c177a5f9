/*
 * render_systems.c - the staff wiki's systems: systems/index.html and
 * one page per system (systems/<id>.html) with its custodian, access,
 * security measures, vendor, storage locations and every data entry.
 * The internal build only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_impl.h"

/* A row of systems/index.html, filled while the page expands
 * (tmpl_section_lazy): system i of the model. */
static void
system_fill(struct tmpl_dict *s, size_t i, void *arg)
{
	struct rctx *rc = arg;
	const struct system *sy = rc->m->systems[i];
	const struct recipient *v = sy->vendor.to;

	tmpl_set(s, "ID", sy->id);
	tmpl_set(s, "NAME", sy->name);
	set_link(rc, s, "HREF", sy->href);
	set_opt(s, "S_DESC", "TEXT", sy->description);
	tmpl_set(s, "CUSTODIAN", sy->custodian != NULL ? sy->custodian : "");
	if (v != NULL)
		set_opt(s, "S_VENDOR", "NAME", v->name);
	set_joined(rc, s, "LOCATIONS", sy->locations.v, sy->locations.n,
	    country_label);
	tmpl_set_int(s, "NDATA", (long long)sy->ndata);
	if (sy->audience == AUD_INTERNAL)
		tmpl_show(s, "INTERNAL_ONLY");
}

/* systems/index.html (staff): every system, one lazy row each. */
static void
render_systems(struct rctx *rc)
{
	const struct model *m = rc->m;
	struct tmpl_dict *d, *c;

	d = page_begin(rc, 1, "systems", NULL, "Systems", "systems.tpl", &c);
	tmpl_section_lazy(c, "SYSTEM", m->nsystems, system_fill, rc);
	tmpl_show(c, m->nsystems == 0 ? "NONE" : "HAS_SYSTEMS");
	page_end(rc, d, "systems/index.html", NULL, NULL);
}

/* systems/<id>.html (staff) of system k: a system, its access,
 * security and data. */
static void
render_system(struct rctx *rc, size_t k)
{
	const struct system *sy = rc->m->systems[k];
	struct tmpl_dict *d, *c, *s;
	const struct recipient *v = sy->vendor.to;
	struct entry_rows er;
	size_t	 i;

	d = page_begin(rc, 1, NULL, "systems", sy->name, "system.tpl", &c);
	tmpl_set(c, "NAME", sy->name);
	tmpl_set(c, "ID", sy->id);
	set_opt(c, "DESCRIPTION", "TEXT", sy->description);
	tmpl_set(c, "CUSTODIAN", sy->custodian != NULL ? sy->custodian : "");
	tmpl_set(c, "VISIBILITY", sy->audience == AUD_INTERNAL ? "internal" :
	    "public");
	for (i = 0; i < sy->access.n; i++) {
		s = tmpl_section(c, "ACCESS");
		tmpl_set(s, "TEAM", sy->access.v[i]);
	}
	if (sy->access.n == 0)
		tmpl_show(c, "NO_ACCESS");
	for (i = 0; i < sy->security.n; i++) {
		s = tmpl_section(c, "SECURITY");
		tmpl_set(s, "MEASURE", sy->security.v[i]);
	}
	if (sy->security.n == 0)
		tmpl_show(c, "NO_SECURITY");
	if (v != NULL)
		recipient_link(rc, c, "VENDOR", v);
	else
		tmpl_show(c, "NO_VENDOR");
	for (i = 0; i < sy->locations.n; i++) {
		s = tmpl_section(c, "LOCATION");
		tmpl_set(s, "COUNTRY", country_label(sy->locations.v[i]));
		tmpl_set(s, "CODE", sy->locations.v[i]);
		if (!country_in_eea_uk(sy->locations.v[i]))
			tmpl_show(s, "LOC_OUTSIDE");
	}
	if (sy->locations.n == 0)
		tmpl_show(c, "NO_LOCATIONS");
	entry_rows_begin(&er, rc, COL_CATEGORY | COL_PURPOSES);
	for (i = 0; i < sy->ndata; i++)
		pv_add(&er.v, &sy->data[i]);	/* a staff page: all of them */
	entry_rows_set(&er, c);
	set_opt(c, "SOURCE_FILE", "PATH", content_path(rc, sy->path));
	set_href(rc, c, "SYSTEMS_HREF", "systems/index.html", NULL, NULL);
	add_decision(rc, c, sy->decision);
	add_notes(rc, c, &sy->internal, 2);
	page_end(rc, d, "systems/", sy->id, ".html");
	pv_free(&er.v);
}

/* --- the families ------------------------------------------------- */

const struct family family_systems = {
	.name = "systems",
	.audiences = AUD_INTERNAL,
	.templates = (const char *const[]){ "systems.tpl", NULL },
	.nav = { "systems", "systems/index.html", "Systems", NULL },
	.cost = 20000,
	.once = render_systems
};

/* The model's systems (the staff see them all). */
static size_t
system_count(const struct rctx *rc)
{
	return rc->m->nsystems;
}

const struct family family_system = {
	.name = "system",
	.audiences = AUD_INTERNAL,
	.templates = (const char *const[]){ "system.tpl", NULL },
	.cost = 30,
	.count = system_count,
	.run = 32,
	.item = render_system
};
