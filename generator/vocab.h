/*
 * vocab.h - the built-in vocabulary: the fideslang data categories,
 * data subjects and data uses (keys from ethyca/fideslang, CC BY 4.0)
 * with glasshouse's own plain-language, customer-facing labels, and the
 * closed enums of the content format (legal bases, special-category
 * conditions, transfer safeguards, jurisdictions, rights), the ISO
 * country codes with their names, and the month names.
 *
 * Tables are sorted by key (byte order) so lookups can bisect. The
 * taxonomy is in vocab_taxonomy.c, the countries in vocab_country.c, the
 * content format's own spellings in vocab_keys.c, the rest in vocab.c.
 */
#ifndef GH_VOCAB_H
#define GH_VOCAB_H

#include <stddef.h>

/* A taxonomy term: data category, data subject or data use. */
struct term {
	const char	*key;		/* "user.contact.email" */
	const char	*name;		/* customer-facing: "Your email address" */
	const char	*description;	/* one plain sentence */
	const char	*parent;	/* parent key or NULL */
	int		 special;	/* categories: 0, 9 (Art. 9) or 10 (Art. 10) */
};

extern const struct term vocab_categories[];
extern const size_t	 vocab_ncategories;
extern const struct term vocab_subjects[];
extern const size_t	 vocab_nsubjects;
extern const struct term vocab_uses[];
extern const size_t	 vocab_nuses;

/* Bisect a sorted term table; NULL when absent (or key is NULL). */
const struct term *vocab_find(const struct term *, size_t n, const char *key);

/* Does taxonomy key `parent` cover `key` (equal, or an ancestor by dot
 * path: "user.contact" covers "user.contact.email", not "user.contacts")? */
int	 vocab_covers(const char *parent, const char *key);

/* One value of a closed enum, with its plain-language wording. */
struct enumval {
	const char	*key;		/* as written in content: "legitimate-interests" */
	const char	*label;		/* short: "Legitimate interests" */
	const char	*plain;		/* customer-facing explanation, one or two sentences */
};

/* Jurisdiction bits (site.yaml jurisdictions). */
enum {
	JUR_EU_GDPR	= 1 << 0,
	JUR_UK_GDPR	= 1 << 1,
	JUR_LGPD	= 1 << 2,
	JUR_CCPA	= 1 << 3
};
#define JUR_GDPR_ANY	(JUR_EU_GDPR | JUR_UK_GDPR)
#define JUR_ALL		(JUR_EU_GDPR | JUR_UK_GDPR | JUR_LGPD | JUR_CCPA)
/* The JUR_* bit of a JI_* index (JI_NONE has none): JUR_BIT(JI_LGPD) == JUR_LGPD. */
#define JUR_BIT(ji)	((ji) > 0 ? 1u << ((ji) - 1) : 0u)

/* Indexes into the enum tables below; 0 means "not given". */
enum legal_basis {
	LB_NONE, LB_CONSENT, LB_CONTRACT, LB_LEGAL_OBLIGATION,
	LB_VITAL_INTERESTS, LB_PUBLIC_TASK, LB_LEGITIMATE_INTERESTS,
	LB__COUNT
};
enum special_condition {
	SC_NONE, SC_EXPLICIT_CONSENT, SC_EMPLOYMENT, SC_VITAL_INTERESTS,
	SC_NOT_FOR_PROFIT, SC_MADE_PUBLIC, SC_LEGAL_CLAIMS,
	SC_SUBSTANTIAL_PUBLIC_INTEREST, SC_HEALTH_CARE, SC_PUBLIC_HEALTH,
	SC_ARCHIVING_RESEARCH,
	SC__COUNT
};
enum safeguard {
	SG_NONE, SG_ADEQUACY, SG_SCC, SG_BCR, SG_DEROGATION,
	SG__COUNT
};
enum jurisdiction_idx {
	JI_NONE, JI_EU_GDPR, JI_UK_GDPR, JI_LGPD, JI_CCPA,
	JI__COUNT
};

/* Tables indexed by the enums above; entry 0 is {NULL, ...}. */
extern const struct enumval vocab_legal_bases[LB__COUNT];
extern const struct enumval vocab_special_conditions[SC__COUNT];
extern const struct enumval vocab_safeguards[SG__COUNT];
extern const struct enumval vocab_jurisdictions[JI__COUNT];

/* Find key in an enum table of n entries; returns the index or 0. */
int	 vocab_enum(const struct enumval *, size_t n, const char *key);

/* A data-protection right and the jurisdictions that grant it. */
struct right {
	const char	*key;		/* "access", "erasure", "opt-out-of-sale" */
	const char	*title;		/* "See the data we hold about you" */
	const char	*description;	/* what it means and how it works, plain words */
	unsigned	 jurisdictions;	/* JUR_* bits */
	const char	*law;		/* "UK GDPR Art. 15; GDPR Art. 15; LGPD Art. 18(II)" */
	/* What to expect after asking, per jurisdiction (indexed by JI_*):
	 * "We answer within one month ...". NULL where the law sets no time
	 * or does not grant the right; show the ones for the site's laws. */
	const char	*respond[JI__COUNT];
};
/* In display order (not sorted): the order a rights page lists them. */
extern const struct right vocab_rights[];
extern const size_t	  vocab_nrights;

/* Find a right by key (linear; the table is short); NULL when absent. */
const struct right *vocab_right(const char *key);

/* ISO 3166-1 alpha-2: is it a country code, and is it in the EEA or UK
 * (where no transfer safeguard is needed)? Codes are uppercase only:
 * "ie" is not valid, so the checker can suggest "IE". EEA/UK means the
 * 27 EU states (with their ISO-coded outermost regions and Aland: AX,
 * GF, GP, MF, MQ, RE, YT), IS, LI, NO and GB. Names are English short
 * names in UTF-8. */
int	 country_valid(const char *cc);
int	 country_in_eea_uk(const char *cc);
const char *country_name(const char *cc);	/* "Ireland"; NULL if unknown */
/* What pages and ropa.csv show for a code: its name ("Ireland"), or the
 * code as written when it names no country; NULL for NULL. */
const char *country_label(const char *cc);

/* English month names, January first: month_names[m - 1]. */
extern const char *const month_names[12];


/*
 * --- the content format's own closed sets (vocab_keys.c) ---
 *
 * The enums of the model whose values are words in content files, and
 * the one spelling of each value: decode matches content against these
 * tables, and every output (JSON, CSV, pages) writes the same words
 * through the *_key() functions, so input and output cannot disagree.
 * Tables are indexed by the enum; NULL where a value has no word.
 */
enum audience {
	AUD_PUBLIC	= 1,
	AUD_INTERNAL	= 2
};
enum requirement {
	REQ_OPTIONAL,
	REQ_CONTRACT,
	REQ_LAW
};
enum purpose_status {
	PS_ACTIVE,
	PS_PROPOSED,		/* internal whatever audience says */
	PS_RETIRED
};
enum recipient_role {
	ROLE_PROCESSOR,
	ROLE_CONTROLLER,
	ROLE_JOINT_CONTROLLER
};
enum report_kind {
	RK_OTHER,
	RK_ACCESS,
	RK_REQUESTS
};
enum decision_status {
	DS_ADOPTED,
	DS_REJECTED,
	DS_PROPOSED
};

extern const char *const vocab_audience_keys[AUD_INTERNAL + 1];
extern const char *const vocab_requirement_keys[REQ_LAW + 1];
extern const char *const vocab_status_keys[PS_RETIRED + 1];
extern const char *const vocab_role_keys[ROLE_JOINT_CONTROLLER + 1];
extern const char *const vocab_report_kind_keys[RK_REQUESTS + 1];
extern const char *const vocab_decision_status_keys[DS_PROPOSED + 1];

/* A value's content-format spelling: "internal", "joint-controller". */
const char *audience_key(enum audience);
const char *requirement_key(enum requirement);
const char *status_key(enum purpose_status);
const char *role_key(enum recipient_role);
const char *report_kind_key(enum report_kind);
const char *decision_status_key(enum decision_status);

#endif
