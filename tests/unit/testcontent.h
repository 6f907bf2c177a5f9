/*
 * testcontent.h - the fixture of test_decode.c, test_check.c and
 * test_model.c: a content tree held in memory. setup() starts an empty
 * model and source, put()/add() parse YAML text as one content file,
 * run() decodes, checks and derives, and the model stays for the test
 * to inspect. Include after <cmocka.h> and testutil.h; one test file
 * per program (the state is static).
 */
#ifndef GH_TESTCONTENT_H
#define GH_TESTCONTENT_H

#include "check.h"
#include "decode.h"
#include "load.h"
#include "yml.h"

static struct model	m;
static struct source	src;
static struct srcfile	files[5][8];	/* inventory, purposes, reports,
					 * decisions, pages */
enum { INV, PUR, REP, DEC, PAG };

static inline int
setup(void **state)
{
	model_init(&m);
	memset(&src, 0, sizeof(src));
	memset(files, 0, sizeof(files));
	src.inventory.v = files[INV];
	src.purposes.v = files[PUR];
	src.reports.v = files[REP];
	src.decisions.v = files[DEC];
	src.pages.v = files[PAG];
	diag_reset();
	return 0;
}

static inline int
teardown(void **state)
{
	model_free(&m);
	diag_reset();
	return 0;
}

/* Parse yaml as file path (front matter: lines start at 2). */
static inline void
put(struct srcfile *f, const char *path, const char *id, const char *yaml)
{
	int empty, md = strstr(path, ".md") != NULL;

	f->path = path;
	f->id = id;
	f->pos = (struct pos){ path, 1, 1 };
	f->root = yml_parse(&m.arena, path, yaml, strlen(yaml), md, &empty);
	f->failed = f->root == NULL && !empty;
}

static inline void
add(int kind, const char *path, const char *id, const char *yaml)
{
	struct srclist *l = kind == INV ? &src.inventory :
	    kind == PUR ? &src.purposes : kind == REP ? &src.reports :
	    kind == DEC ? &src.decisions : &src.pages;

	put(&l->v[l->n++], path, id, yaml);
}

static const char site_ok[] =
    "organisation:\n"
    "  name: Northwind\n"
    "  address: 1 Street\n"
    "  email: privacy@example.com\n"
    "  dpo: {name: Priya, email: dpo@example.com}\n"
    "  authority: {name: ICO, url: https://ico.org.uk}\n";

static const char purpose_ok[] =
    "title: Delivering your order\n"
    "summary: We deliver.\n"
    "legal_basis: contract\n"
    "benefit: Your order arrives.\n"
    "automated_decisions: none\n";

static const char system_ok[] =
    "name: Shop\n"
    "custodian: ecommerce\n"
    "data:\n"
    "  - category: user.contact.email\n"
    "    subjects: [customer]\n"
    "    purposes: [delivery]\n"
    "    retention: 6 years after last order\n"
    "    required: contract\n"
    "locations: [GB]\n";

/* Decode, check and derive; the model stays for inspection. */
static inline void
run(void)
{
	if (src.site.path == NULL)
		put(&src.site, "site.yaml", NULL, site_ok);
	decode_model(&m, &src);
	check_model(&m);
	model_derive(&m);
}

#endif
