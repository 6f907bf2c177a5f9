/*
 * decode.c - YAML trees -> typed model objects: the driver.
 *
 * decode_model() takes the content files in a fixed order (site,
 * categories, recipients, then the directories: inventory, purposes,
 * pages, reports, committee) and hands each to its decoder, one file
 * kind per decode_<kind>.c; those decoders read fields through the
 * typed-field helper (decode_value.c, contract in decode_impl.h). Every
 * problem becomes a diagnostic at the exact node and decoding carries
 * on, so one run shows them all. References are only syntax-checked
 * here; check.c resolves them.
 *
 * Everything is allocated in the model's arena, lists at their exact
 * size (the YAML node says how many items there are), so decoding
 * costs one pass and no per-item malloc.
 */
#include "decode_impl.h"

/* The decoder of one file of a directory (decode_<kind>.c). */
typedef void decode_fn(struct dec *, const struct srcfile *);

/*
 * Decode the files of l in order, each as soon as the loader has it,
 * and let its tree go right after. A file whose YAML failed (reported
 * by load.c) still goes to fn, which registers its id, so references
 * to it do not cascade into "unknown" errors; its fields stay empty.
 * Returns -1 when the loading failed (an I/O error: stop), else 0.
 */
static int
decode_list(struct dec *d, struct source *src, struct srclist *l,
    decode_fn *fn)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (load_wait(src, &l->v[i]) != 0)
			return -1;
		fn(d, &l->v[i]);
		load_release(src, &l->v[i]);
	}
	return 0;
}

/*
 * Decode every loaded file into m. Lists are allocated at their final
 * size and filled in file order; model_derive() sorts them by id.
 * Returns -1 after an I/O error while loading (reported), else 0.
 */
int
decode_model(struct model *m, struct source *src)
{
	struct dec d;
	int rc;

	d.m = m;
	d.a = &m->arena;
	m->systems = arena_alloc(d.a, src->inventory.n * sizeof(*m->systems));
	m->purposes = arena_alloc(d.a, src->purposes.n * sizeof(*m->purposes));
	m->pages = arena_alloc(d.a, src->pages.n * sizeof(*m->pages));
	m->reports = arena_alloc(d.a, src->reports.n * sizeof(*m->reports));
	m->decisions = arena_alloc(d.a,
	    src->decisions.n * sizeof(*m->decisions));

	decode_site(&d, &src->site);
	decode_categories(&d, &src->categories);
	decode_recipients(&d, &src->recipients);
	rc = decode_list(&d, src, &src->inventory, decode_system);
	if (rc == 0)
		rc = decode_list(&d, src, &src->purposes, decode_purpose);
	if (rc == 0)
		rc = decode_list(&d, src, &src->pages, decode_page);
	if (rc == 0)
		rc = decode_list(&d, src, &src->reports, decode_report);
	if (rc == 0) {
		decode_members(&d, &src->members);
		rc = decode_list(&d, src, &src->decisions, decode_decision);
	}
	return load_end(m, src) != 0 || rc != 0 ? -1 : 0;
}
