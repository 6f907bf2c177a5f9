/*
 * vocab.c - the built-in vocabulary behind vocab.h, but for the data
 * taxonomy (vocab_taxonomy.c) and the countries (vocab_country.c): the
 * legal bases, the special-category conditions, the transfer
 * safeguards, the jurisdictions and the rights they give, and the month
 * names. The names and descriptions are glasshouse's own, written for
 * the customer reading the public site, in plain British English.
 * Nothing here is read from disk: the tables are the copy.
 */
#include <stdlib.h>
#include <string.h>

#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#include "vocab.h"

/* The JI_* indexes and JUR_* bits must stay in step. */
_Static_assert(JUR_BIT(JI_EU_GDPR) == JUR_EU_GDPR, "JI/JUR mismatch");
_Static_assert(JUR_BIT(JI_UK_GDPR) == JUR_UK_GDPR, "JI/JUR mismatch");
_Static_assert(JUR_BIT(JI_LGPD) == JUR_LGPD, "JI/JUR mismatch");
_Static_assert(JUR_BIT(JI_CCPA) == JUR_CCPA, "JI/JUR mismatch");

/* Legal bases, GDPR Art. 6(1)(a)-(f). */
const struct enumval vocab_legal_bases[LB__COUNT] = {
	[LB_NONE] = { NULL, NULL, NULL },
	[LB_CONSENT] = { "consent", "Consent",
	    "You said yes, and you can change your mind at any time." },
	[LB_CONTRACT] = { "contract", "Contract",
	    "We need it to do what you asked us to, such as delivering your order or running your account; without it we cannot provide the service." },
	[LB_LEGAL_OBLIGATION] = { "legal-obligation", "Legal obligation",
	    "The law requires us to do this, for example to keep records for tax." },
	[LB_VITAL_INTERESTS] = { "vital-interests", "Vital interests",
	    "We need it to protect someone's life or safety, for example in a medical emergency." },
	[LB_PUBLIC_TASK] = { "public-task", "Public task",
	    "We need it to carry out a task in the public interest or an official duty that the law gives us." },
	[LB_LEGITIMATE_INTERESTS] = { "legitimate-interests", "Legitimate interests",
	    "We need it for a reasonable purpose of our own that we have weighed against your rights and interests. You can object, and we will stop unless we have strong grounds to carry on." },
};

/* Conditions for special-category data, GDPR Art. 9(2)(a)-(j). */
const struct enumval vocab_special_conditions[SC__COUNT] = {
	[SC_NONE] = { NULL, NULL, NULL },
	[SC_EXPLICIT_CONSENT] = { "explicit-consent", "Explicit consent",		/* (a) */
	    "You clearly said yes to this particular use, and you can change your mind at any time." },
	[SC_EMPLOYMENT] = { "employment", "Employment and social security law",	/* (b) */
	    "Employment, social security or social protection law requires or allows it, for example to pay you sick pay." },
	[SC_VITAL_INTERESTS] = { "vital-interests", "Vital interests",		/* (c) */
	    "It is needed to protect your life or someone else's when you cannot give consent, for example if you are unconscious." },
	[SC_NOT_FOR_PROFIT] = { "not-for-profit", "Not-for-profit body",		/* (d) */
	    "We are a charity, union or similar not-for-profit body; we use it only about our members or people in regular contact with us, and do not pass it on without your consent." },
	[SC_MADE_PUBLIC] = { "made-public", "Made public by you",			/* (e) */
	    "You have clearly made this information public yourself." },
	[SC_LEGAL_CLAIMS] = { "legal-claims", "Legal claims",			/* (f) */
	    "We need it to bring or defend a legal claim, or a court needs it." },
	[SC_SUBSTANTIAL_PUBLIC_INTEREST] = { "substantial-public-interest",		/* (g) */
	    "Substantial public interest",
	    "The law allows it for an important public reason, such as preventing fraud or protecting people at risk, with safeguards for you." },
	[SC_HEALTH_CARE] = { "health-care", "Health or social care",		/* (h) */
	    "It is needed for your medical or social care, or to assess whether you are fit to work, and is handled by professionals bound by confidentiality." },
	[SC_PUBLIC_HEALTH] = { "public-health", "Public health",			/* (i) */
	    "It is needed to protect public health, for example against serious threats to health or to keep medicines and medical devices safe." },
	[SC_ARCHIVING_RESEARCH] = { "archiving-research",				/* (j) */
	    "Archiving, research or statistics",
	    "It is used for archiving in the public interest, scientific or historical research, or statistics, with safeguards that protect you." },
};

/* Safeguards for transfers outside the EEA/UK: GDPR Art. 45, 46(2)(c),
 * 47 and 49 (UK: adequacy regulations, the IDTA or Addendum, BCRs, and
 * the same exceptions). */
const struct enumval vocab_safeguards[SG__COUNT] = {
	[SG_NONE] = { NULL, NULL, NULL },
	[SG_ADEQUACY] = { "adequacy", "Adequacy decision",
	    "The authorities have officially recognised that this country protects personal data to a standard close to ours." },
	[SG_SCC] = { "scc", "Standard contractual clauses",
	    "The recipient has signed a contract, in wording approved by the authorities, that requires them to protect your data as carefully as we must." },
	[SG_BCR] = { "bcr", "Binding corporate rules",
	    "The recipient's group of companies follows internal data protection rules that a data protection authority has approved." },
	[SG_DEROGATION] = { "derogation", "Exception for a specific situation",
	    "No general safeguard applies, so we rely on a narrow exception in the law, for example because you explicitly agreed or the transfer is needed to carry out your contract." },
};

/* Laws a site can say it follows (site.yaml jurisdictions). */
const struct enumval vocab_jurisdictions[JI__COUNT] = {
	[JI_NONE] = { NULL, NULL, NULL },
	[JI_EU_GDPR] = { "eu-gdpr", "EU GDPR",
	    "The General Data Protection Regulation, which protects people in the European Union." },
	[JI_UK_GDPR] = { "uk-gdpr", "UK GDPR",
	    "The UK General Data Protection Regulation and the Data Protection Act 2018, which protect people in the United Kingdom." },
	[JI_LGPD] = { "lgpd", "LGPD (Brazil)",
	    "Brazil's General Personal Data Protection Law (Lei Geral de Proteção de Dados Pessoais), which protects people in Brazil." },
	[JI_CCPA] = { "ccpa", "CCPA/CPRA (California)",
	    "The California Consumer Privacy Act, as amended by the California Privacy Rights Act, which protects people who live in California." },
};

/*
 * What to expect after a request, per law. GDPR and UK GDPR Art. 12(3)
 * (UK also Art. 12A); LGPD Art. 18 §4 and Art. 19; CCPA §1798.130(a)(2)
 * and the CCPA regulations §7021, §7026(f), §7027(g).
 */
#define R_GDPR	"We answer within one month. If your request is complex or you send several, we may take up to two more months, and we will tell you why within the first month."
#define R_LGPD	"We act as soon as we can; if we cannot act straight away, we reply to tell you why."
#define R_LGPD_ACCESS	"We can confirm straight away in short form, or send you a full statement within 15 days."
#define R_CCPA	"We confirm we have your request within 10 business days and answer within 45 days; if we need longer, we tell you why and may take up to 45 more days."
#define R_CCPA_STOP	"We stop as soon as we can, and no later than 15 business days after your request."

/* Shorthand for the respond[] column, in JI_* order. */
#define RESP(eu, uk, br, ca)	{ NULL, eu, uk, br, ca }

/* Rights, in the order a rights page shows them. */
const struct right vocab_rights[] = {
	{ "be-informed", "Be told what we do with your data",
	  "You have the right to clear, plain information about what data we collect, why we use it, who we share it with, how long we keep it and what your rights are. This site is where we tell you, and we keep it up to date.",
	  JUR_ALL,
	  "GDPR Art. 12-14; UK GDPR Art. 12-14; LGPD Art. 9; CCPA §1798.100, §1798.130(a)(5)",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "access", "See the data we hold about you",
	  "You can ask us whether we hold data about you and, if we do, for a copy of it, together with why we use it, where it came from, who we share it with and how long we keep it. This is usually free.",
	  JUR_ALL,
	  "GDPR Art. 15; UK GDPR Art. 15; LGPD Art. 18(I)-(II), Art. 19; CCPA §1798.110",
	  RESP(R_GDPR, R_GDPR, R_LGPD_ACCESS, R_CCPA) },
	{ "sharing-info", "Find out who we share your data with",
	  "You can ask which organisations, or which kinds of organisation, we have given or sold your data to, and why.",
	  JUR_ALL,
	  "GDPR Art. 15(1)(c); UK GDPR Art. 15(1)(c); LGPD Art. 18(VII); CCPA §1798.110, §1798.115",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "rectification", "Correct data that is wrong",
	  "If data we hold about you is wrong, out of date or incomplete, you can ask us to correct it or fill in the gaps. We may check the correction with you first.",
	  JUR_ALL,
	  "GDPR Art. 16; UK GDPR Art. 16; LGPD Art. 18(III); CCPA §1798.106",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "erasure", "Have your data deleted",
	  "You can ask us to delete your data, for example when we no longer need it, when you withdraw your consent or when we should not have had it. Sometimes the law lets or requires us to keep some of it, such as tax records; if so, we tell you what we keep and why.",
	  JUR_ALL,
	  "GDPR Art. 17; UK GDPR Art. 17; LGPD Art. 18(IV), 18(VI); CCPA §1798.105",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "restriction", "Ask us to pause using your data",
	  "You can ask us to keep your data but stop using it for a while, for example while we check a correction or an objection you made. We tell you before we start using it again.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 18; UK GDPR Art. 18; LGPD Art. 18(IV)",
	  RESP(R_GDPR, R_GDPR, R_LGPD, NULL) },
	{ "portability", "Take your data with you",
	  "You can ask for the data you gave us in a common, machine-readable format, such as a spreadsheet file, so that you can reuse it or move it to another company. Where it is technically possible, we can send it to that company directly.",
	  JUR_ALL,
	  "GDPR Art. 20; UK GDPR Art. 20; LGPD Art. 18(V); CCPA §1798.130(a)(3)(B)(iii)",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "object", "Object to how we use your data",
	  "You can object when we use your data for our legitimate interests or a public task; we must then stop unless we have strong reasons that outweigh your rights, or need it for a legal claim. If you object to direct marketing, including profiling for marketing, we always stop.",
	  JUR_GDPR_ANY,
	  "GDPR Art. 21; UK GDPR Art. 21",
	  RESP(R_GDPR, R_GDPR, NULL, NULL) },
	{ "object-unlawful", "Object to use of your data that breaks the law",
	  "When we use your data without asking for your consent, you can object if you think we are not following data protection law, and ask us to stop.",
	  JUR_LGPD,
	  "LGPD Art. 18 §2",
	  RESP(NULL, NULL, R_LGPD, NULL) },
	{ "automated-decisions", "Have a person review decisions made by computer",
	  "If a decision that significantly affects you, such as whether you get a loan, is made by a computer alone with no person involved, you can ask for a person to review it, give your side and challenge the decision. You can also ask how the decision was reached.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 22; UK GDPR Art. 22A-22D (formerly Art. 22); LGPD Art. 20",
	  RESP(R_GDPR, R_GDPR, R_LGPD, NULL) },
	{ "withdraw-consent", "Change your mind about consent",
	  "Where we rely on your consent, you can withdraw it at any time, and doing so is as easy as giving it was. We then stop that use of your data; what we did before you withdrew stays lawful.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 7(3); UK GDPR Art. 7(3); LGPD Art. 8 §5, Art. 18(IX)",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "refuse-consent-info", "Know what happens if you say no",
	  "Before you agree or give us data, you have the right to know whether you have to, and what happens if you do not, for example that we cannot deliver an order without your address.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 13(2)(e); UK GDPR Art. 13(2)(e); LGPD Art. 18(VIII)",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "opt-out-of-sale", "Stop us selling or sharing your data",
	  "You can tell us not to sell your personal information, and not to share it for advertising based on what you do on other companies' sites and apps. A browser opt-out signal such as Global Privacy Control counts as such a request, and we will not ask you to opt back in for at least 12 months.",
	  JUR_CCPA,
	  "CCPA §1798.120, §1798.135",
	  RESP(NULL, NULL, NULL, R_CCPA_STOP) },
	{ "limit-sensitive", "Limit how we use your sensitive information",
	  "You can tell us to use sensitive information, such as your precise location, health, ethnic origin, account login or government ID numbers, only for what is needed to provide the goods or services you asked for.",
	  JUR_CCPA,
	  "CCPA §1798.121",
	  RESP(NULL, NULL, NULL, R_CCPA_STOP) },
	{ "non-discrimination", "Be treated fairly when you use your rights",
	  "We will not charge you more, give you a worse service or refuse you goods or services because you used your privacy rights. Any discount or reward that depends on your data is explained to you first and is your choice.",
	  JUR_CCPA,
	  "CCPA §1798.125",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "complain", "Complain to the regulator",
	  "If you are unhappy with how we use your data or how we handled your request, you can complain to the data protection authority. We would like the chance to put things right first, so please tell us too.",
	  JUR_ALL,
	  "GDPR Art. 77; UK GDPR Art. 77; LGPD Art. 18 §1; CCPA §1798.199.45",
	  RESP(NULL, NULL, NULL, NULL) },
};
const size_t vocab_nrights = sizeof(vocab_rights) / sizeof(vocab_rights[0]);

int
vocab_enum(const struct enumval *tab, size_t n, const char *key)
{
	size_t	 i;

	if (tab == NULL || key == NULL)
		return 0;
	/* Entry 0 is the empty "not given" slot; tables are tiny. */
	for (i = 1; i < n; i++)
		if (tab[i].key != NULL && strcmp(tab[i].key, key) == 0)
			return (int)i;
	return 0;
}

const struct right *
vocab_right(const char *key)
{
	size_t	 i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < vocab_nrights; i++)
		if (strcmp(vocab_rights[i].key, key) == 0)
			return &vocab_rights[i];
	return NULL;
}

/* English month names, January first. */
const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
