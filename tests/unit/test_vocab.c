/*
 * test_vocab.c - unit tests for the built-in vocabulary (vocab.c).
 *
 * Checks the invariants the rest of the generator relies on: term
 * tables sorted and unique (vocab_find bisects), parents present and
 * sorted first, Art. 9 / Art. 10 flags on the keys the law names,
 * every entry worded, enum tables aligned with their enums, rights
 * tagged with the laws that grant them, and the ISO 3166-1 table.
 *
 * Build: cc -std=c11 -Igenerator tests/unit/test_vocab.c \
 *            generator/vocab.c -lcmocka -o /tmp/tv && /tmp/tv
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "vocab.h"

/* The three term tables, for tests that apply to each. */
static const struct {
	const char		*what;
	const struct term	*tab;
	const size_t		*n;
} tables[] = {
	{ "categories", vocab_categories, &vocab_ncategories },
	{ "subjects", vocab_subjects, &vocab_nsubjects },
	{ "uses", vocab_uses, &vocab_nuses },
};
#define NTABLES	(sizeof(tables) / sizeof(tables[0]))

/* A non-empty string with no leading or trailing blank. */
static void
assert_worded(const char *s)
{
	size_t	 len;

	assert_non_null(s);
	len = strlen(s);
	assert_true(len > 0);
	assert_true(s[0] != ' ' && s[len - 1] != ' ');
}

/* A sentence: worded and ending in a full stop. */
static void
assert_sentence(const char *s)
{
	assert_worded(s);
	assert_int_equal(s[strlen(s) - 1], '.');
}

/* Counts pin the copy to the reference (fideslang commit 40394c4). */
static void
test_counts(void **state)
{
	(void)state;
	assert_int_equal(vocab_ncategories, 85);
	assert_int_equal(vocab_nsubjects, 15);
	assert_int_equal(vocab_nuses, 56);
}

static void
test_sorted_unique(void **state)
{
	size_t	 t, i;

	(void)state;
	for (t = 0; t < NTABLES; t++)
		for (i = 1; i < *tables[t].n; i++)
			if (strcmp(tables[t].tab[i - 1].key,
			    tables[t].tab[i].key) >= 0)
				fail_msg("%s: '%s' not before '%s'", tables[t].what,
				    tables[t].tab[i - 1].key, tables[t].tab[i].key);
}

/* Parent exists, sorts first, and is exactly the key minus its last
 * dot component; top-level keys have no parent. */
static void
test_parents(void **state)
{
	size_t			 t, i;
	const struct term	*e, *p;
	const char		*dot;

	(void)state;
	for (t = 0; t < NTABLES; t++) {
		for (i = 0; i < *tables[t].n; i++) {
			e = &tables[t].tab[i];
			dot = strrchr(e->key, '.');
			if (dot == NULL) {
				assert_null(e->parent);
				continue;
			}
			assert_non_null(e->parent);
			assert_int_equal(strlen(e->parent), (size_t)(dot - e->key));
			assert_memory_equal(e->parent, e->key, strlen(e->parent));
			p = vocab_find(tables[t].tab, *tables[t].n, e->parent);
			if (p == NULL)
				fail_msg("%s: parent of '%s' missing", tables[t].what,
				    e->key);
			assert_true(p < e);
		}
	}
}

static void
test_worded(void **state)
{
	size_t			 t, i, j;
	const struct term	*e;

	(void)state;
	for (t = 0; t < NTABLES; t++) {
		for (i = 0; i < *tables[t].n; i++) {
			e = &tables[t].tab[i];
			assert_worded(e->name);
			assert_true(e->name[strlen(e->name) - 1] != '.');
			assert_sentence(e->description);
			/* Two terms with one label would read as one on a page. */
			for (j = 0; j < i; j++)
				if (strcmp(tables[t].tab[j].name, e->name) == 0)
					fail_msg("%s: '%s' and '%s' share a name",
					    tables[t].what, tables[t].tab[j].key,
					    e->key);
		}
	}
}

static void
test_special(void **state)
{
	static const struct {
		const char	*key;
		int		 special;
	} want[] = {
		{ "user.health_and_medical", 9 },
		{ "user.health_and_medical.genetic", 9 },
		{ "user.biometric", 9 },
		{ "user.biometric.fingerprint", 9 },
		{ "user.authorization.biometric", 9 },
		{ "user.demographic.race_ethnicity", 9 },
		{ "user.demographic.political_opinion", 9 },
		{ "user.demographic.religious_belief", 9 },
		{ "user.demographic.sexual_orientation", 9 },
		{ "user.criminal_history", 10 },
		{ "user.contact.email", 0 },
		{ "user.demographic", 0 },
		{ "user.demographic.date_of_birth", 0 },
		{ "user.authorization", 0 },
		{ "user", 0 },
	};
	const struct term	*e, *p;
	size_t			 i, n9 = 0, n10 = 0;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		e = vocab_find(vocab_categories, vocab_ncategories, want[i].key);
		assert_non_null(e);
		if (e->special != want[i].special)
			fail_msg("%s: special %d, want %d", e->key, e->special,
			    want[i].special);
	}
	for (i = 0; i < vocab_ncategories; i++) {
		e = &vocab_categories[i];
		assert_true(e->special == 0 || e->special == 9 ||
		    e->special == 10);
		n9 += e->special == 9;
		n10 += e->special == 10;
		/* A special parent covers its children: they are special too. */
		if (e->parent != NULL) {
			p = vocab_find(vocab_categories, vocab_ncategories,
			    e->parent);
			if (p->special != 0)
				assert_int_equal(e->special, p->special);
		}
	}
	assert_int_equal(n9, 14);
	assert_int_equal(n10, 1);
	for (i = 0; i < vocab_nsubjects; i++)
		assert_int_equal(vocab_subjects[i].special, 0);
	for (i = 0; i < vocab_nuses; i++)
		assert_int_equal(vocab_uses[i].special, 0);
}

static void
test_find(void **state)
{
	const struct term	*e;

	(void)state;
	e = vocab_find(vocab_categories, vocab_ncategories,
	    "user.contact.email");
	assert_non_null(e);
	assert_string_equal(e->name, "Your email address");
	assert_string_equal(e->parent, "user.contact");
	/* First and last entries (the bisection's edges). */
	assert_ptr_equal(vocab_find(vocab_categories, vocab_ncategories,
	    "system"), &vocab_categories[0]);
	assert_ptr_equal(vocab_find(vocab_categories, vocab_ncategories,
	    "user.workplace"), &vocab_categories[vocab_ncategories - 1]);
	assert_null(vocab_find(vocab_categories, vocab_ncategories,
	    "user.contac"));
	assert_null(vocab_find(vocab_categories, vocab_ncategories,
	    "user.contact.email.work"));
	assert_null(vocab_find(vocab_categories, vocab_ncategories,
	    "User.contact.email"));
	assert_null(vocab_find(vocab_categories, vocab_ncategories, ""));
	assert_null(vocab_find(vocab_categories, vocab_ncategories, NULL));
	assert_null(vocab_find(vocab_categories, 0, "system"));
	assert_non_null(vocab_find(vocab_subjects, vocab_nsubjects,
	    "customer"));
	assert_non_null(vocab_find(vocab_subjects, vocab_nsubjects,
	    "job_applicant"));
	assert_null(vocab_find(vocab_subjects, vocab_nsubjects, "customers"));
	assert_non_null(vocab_find(vocab_uses, vocab_nuses,
	    "essential.service"));
	assert_non_null(vocab_find(vocab_uses, vocab_nuses,
	    "marketing.advertising.first_party"));
	/* Deprecated, still accepted. */
	assert_non_null(vocab_find(vocab_uses, vocab_nuses,
	    "personalize.profiling"));
}

static void
test_covers(void **state)
{
	(void)state;
	assert_true(vocab_covers("user", "user"));
	assert_true(vocab_covers("user", "user.contact.email"));
	assert_true(vocab_covers("user.contact", "user.contact.email"));
	assert_false(vocab_covers("user.contact.email", "user.contact"));
	assert_false(vocab_covers("user.contact", "user.contacts"));
	assert_false(vocab_covers("user.name", "user.name_x"));
	assert_false(vocab_covers("system", "user"));
	assert_false(vocab_covers(NULL, "user"));
	assert_false(vocab_covers("user", NULL));
}

/* Entry 0 empty; every other entry worded, with a unique key that
 * vocab_enum finds at its own index. */
static void
check_enum(const struct enumval *tab, size_t n)
{
	size_t	 i;

	assert_null(tab[0].key);
	assert_null(tab[0].label);
	assert_null(tab[0].plain);
	for (i = 1; i < n; i++) {
		assert_worded(tab[i].key);
		assert_worded(tab[i].label);
		assert_sentence(tab[i].plain);
		assert_int_equal(vocab_enum(tab, n, tab[i].key), (int)i);
	}
	assert_int_equal(vocab_enum(tab, n, "no-such-value"), 0);
	assert_int_equal(vocab_enum(tab, n, ""), 0);
	assert_int_equal(vocab_enum(tab, n, NULL), 0);
}

static void
test_enums(void **state)
{
	(void)state;
	check_enum(vocab_legal_bases, LB__COUNT);
	check_enum(vocab_special_conditions, SC__COUNT);
	check_enum(vocab_safeguards, SG__COUNT);
	check_enum(vocab_jurisdictions, JI__COUNT);

	/* The keys the content format fixes (section 2). */
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT, "consent"),
	    LB_CONSENT);
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT, "contract"),
	    LB_CONTRACT);
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT,
	    "legal-obligation"), LB_LEGAL_OBLIGATION);
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT,
	    "vital-interests"), LB_VITAL_INTERESTS);
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT,
	    "public-task"), LB_PUBLIC_TASK);
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT,
	    "legitimate-interests"), LB_LEGITIMATE_INTERESTS);
	assert_string_equal(vocab_legal_bases[LB_LEGITIMATE_INTERESTS].label,
	    "Legitimate interests");
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT,
	    "legitimate_interests"), 0);
	assert_int_equal(vocab_enum(vocab_legal_bases, LB__COUNT, "Consent"), 0);

	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "explicit-consent"), SC_EXPLICIT_CONSENT);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "employment"), SC_EMPLOYMENT);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "vital-interests"), SC_VITAL_INTERESTS);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "not-for-profit"), SC_NOT_FOR_PROFIT);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "made-public"), SC_MADE_PUBLIC);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "legal-claims"), SC_LEGAL_CLAIMS);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "substantial-public-interest"), SC_SUBSTANTIAL_PUBLIC_INTEREST);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "health-care"), SC_HEALTH_CARE);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "public-health"), SC_PUBLIC_HEALTH);
	assert_int_equal(vocab_enum(vocab_special_conditions, SC__COUNT,
	    "archiving-research"), SC_ARCHIVING_RESEARCH);

	assert_int_equal(vocab_enum(vocab_safeguards, SG__COUNT, "adequacy"),
	    SG_ADEQUACY);
	assert_int_equal(vocab_enum(vocab_safeguards, SG__COUNT, "scc"), SG_SCC);
	assert_int_equal(vocab_enum(vocab_safeguards, SG__COUNT, "bcr"), SG_BCR);
	assert_int_equal(vocab_enum(vocab_safeguards, SG__COUNT, "derogation"),
	    SG_DEROGATION);
	assert_string_equal(vocab_safeguards[SG_SCC].label,
	    "Standard contractual clauses");

	assert_int_equal(vocab_enum(vocab_jurisdictions, JI__COUNT, "eu-gdpr"),
	    JI_EU_GDPR);
	assert_int_equal(vocab_enum(vocab_jurisdictions, JI__COUNT, "uk-gdpr"),
	    JI_UK_GDPR);
	assert_int_equal(vocab_enum(vocab_jurisdictions, JI__COUNT, "lgpd"),
	    JI_LGPD);
	assert_int_equal(vocab_enum(vocab_jurisdictions, JI__COUNT, "ccpa"),
	    JI_CCPA);
	assert_string_equal(vocab_jurisdictions[JI_EU_GDPR].label, "EU GDPR");
	assert_string_equal(vocab_jurisdictions[JI_UK_GDPR].label, "UK GDPR");
	assert_string_equal(vocab_jurisdictions[JI_LGPD].label, "LGPD (Brazil)");
	assert_string_equal(vocab_jurisdictions[JI_CCPA].label,
	    "CCPA/CPRA (California)");

	/* JI_* index <-> JUR_* bit. */
	assert_int_equal(JUR_BIT(JI_NONE), 0);
	assert_int_equal(JUR_BIT(JI_EU_GDPR), JUR_EU_GDPR);
	assert_int_equal(JUR_BIT(JI_UK_GDPR), JUR_UK_GDPR);
	assert_int_equal(JUR_BIT(JI_LGPD), JUR_LGPD);
	assert_int_equal(JUR_BIT(JI_CCPA), JUR_CCPA);
}

static void
test_rights(void **state)
{
	const struct right	*r;
	size_t			 i, j;
	int			 ji;
	unsigned		 seen = 0;

	(void)state;
	assert_true(vocab_nrights >= 10);
	for (i = 0; i < vocab_nrights; i++) {
		r = &vocab_rights[i];
		assert_worded(r->key);
		assert_worded(r->title);
		assert_sentence(r->description);
		assert_worded(r->law);
		assert_true(r->jurisdictions != 0);
		assert_int_equal(r->jurisdictions & ~(unsigned)JUR_ALL, 0);
		seen |= r->jurisdictions;
		assert_null(r->respond[JI_NONE]);
		for (ji = 1; ji < JI__COUNT; ji++) {
			/* Timing only for laws that grant the right. */
			if (r->respond[ji] == NULL)
				continue;
			assert_true(r->jurisdictions & JUR_BIT(ji));
			assert_sentence(r->respond[ji]);
		}
		for (j = 0; j < i; j++)
			assert_string_not_equal(vocab_rights[j].key, r->key);
		assert_ptr_equal(vocab_right(r->key), r);
	}
	assert_int_equal(seen, JUR_ALL);
	assert_null(vocab_right("no-such-right"));
	assert_null(vocab_right(NULL));

	r = vocab_right("access");
	assert_non_null(r);
	assert_int_equal(r->jurisdictions, JUR_ALL);
	assert_string_equal(r->title, "See the data we hold about you");
	assert_non_null(r->respond[JI_EU_GDPR]);
	assert_non_null(strstr(r->respond[JI_EU_GDPR], "one month"));
	assert_non_null(strstr(r->respond[JI_LGPD], "15 days"));
	assert_non_null(strstr(r->respond[JI_CCPA], "45 days"));
	assert_non_null(strstr(r->law, "LGPD Art. 18"));

	r = vocab_right("opt-out-of-sale");
	assert_non_null(r);
	assert_int_equal(r->jurisdictions, JUR_CCPA);
	r = vocab_right("object");
	assert_non_null(r);
	assert_int_equal(r->jurisdictions, JUR_GDPR_ANY);
	assert_non_null(strstr(r->description, "direct marketing"));
	r = vocab_right("erasure");
	assert_non_null(r);
	assert_int_equal(r->jurisdictions, JUR_ALL);
	r = vocab_right("complain");
	assert_non_null(r);
	assert_true(r->jurisdictions & JUR_LGPD);
	assert_non_null(strstr(r->law, "Art. 77"));
	assert_non_null(vocab_right("withdraw-consent"));
	assert_non_null(vocab_right("limit-sensitive"));
	assert_non_null(vocab_right("non-discrimination"));
	assert_non_null(vocab_right("automated-decisions"));
}

static void
test_countries(void **state)
{
	static const char *const eea_uk[] = {
		/* EU 27 */
		"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
		"FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
		"NL", "PL", "PT", "RO", "SE", "SI", "SK",
		/* EU outermost regions and Aland with their own codes */
		"AX", "GF", "GP", "MF", "MQ", "RE", "YT",
		/* EEA EFTA, UK */
		"IS", "LI", "NO", "GB",
	};
	char	 cc[3] = "AA";
	size_t	 i;
	int	 nvalid = 0, neea = 0;

	(void)state;
	assert_true(country_valid("IE"));
	assert_true(country_in_eea_uk("IE"));
	assert_string_equal(country_name("IE"), "Ireland");
	assert_true(country_valid("GB"));
	assert_true(country_in_eea_uk("GB"));
	assert_string_equal(country_name("GB"), "United Kingdom");
	assert_true(country_valid("US"));
	assert_false(country_in_eea_uk("US"));
	assert_string_equal(country_name("US"), "United States");
	assert_true(country_valid("CH"));
	assert_false(country_in_eea_uk("CH"));
	assert_false(country_in_eea_uk("JE"));
	assert_false(country_in_eea_uk("GI"));
	assert_true(country_in_eea_uk("NO"));
	assert_string_equal(country_name("AD"), "Andorra");
	assert_string_equal(country_name("ZW"), "Zimbabwe");

	assert_false(country_valid("XX"));
	assert_null(country_name("XX"));
	assert_false(country_in_eea_uk("XX"));
	assert_false(country_valid("UK"));	/* GB is the code */
	assert_false(country_valid("EU"));
	assert_false(country_valid("ie"));
	assert_false(country_valid("Ie"));
	assert_false(country_valid("I"));
	assert_false(country_valid("IRL"));
	assert_false(country_valid("IE "));
	assert_false(country_valid(""));
	assert_false(country_valid(NULL));
	assert_null(country_name(NULL));
	assert_false(country_in_eea_uk(NULL));

	for (i = 0; i < sizeof(eea_uk) / sizeof(eea_uk[0]); i++)
		if (!country_in_eea_uk(eea_uk[i]))
			fail_msg("'%s' should be in the EEA/UK", eea_uk[i]);

	/* Every pair AA..ZZ: exactly the 249 assigned codes are valid,
	 * and exactly the list above is in the EEA/UK. */
	for (cc[0] = 'A'; cc[0] <= 'Z'; cc[0]++) {
		for (cc[1] = 'A'; cc[1] <= 'Z'; cc[1]++) {
			if (!country_valid(cc)) {
				assert_null(country_name(cc));
				continue;
			}
			nvalid++;
			assert_worded(country_name(cc));
			neea += country_in_eea_uk(cc) != 0;
		}
	}
	assert_int_equal(nvalid, 249);
	assert_int_equal(neea, (int)(sizeof(eea_uk) / sizeof(eea_uk[0])));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_sorted_unique),
		cmocka_unit_test(test_parents),
		cmocka_unit_test(test_worded),
		cmocka_unit_test(test_special),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_enums),
		cmocka_unit_test(test_rights),
		cmocka_unit_test(test_countries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
