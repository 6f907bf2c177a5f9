/*
 * complete.h - the completeness analysis: what a privacy notice must
 * tell people (GDPR/UK GDPR Art. 13 and 14, LGPD Art. 9, CCPA notice at
 * collection) and what the content leaves out, plus the governance
 * findings that are not errors (committee gaps, overdue reviews,
 * orphaned purposes and recipients).
 *
 * One analysis feeds three outputs, so they can never disagree:
 * check.c prints every finding as a warning, render_gov.c lists the
 * same findings and the item-by-item matrix on internal/checks.html,
 * and the public pages show "not yet documented" wherever an item the
 * analysis calls missing would have been shown.
 *
 * The analysis only reads the model (after check_model()); references
 * that did not resolve are skipped, so it is safe on content with
 * errors. Everything it returns lives in the arena passed in.
 */
#ifndef GH_COMPLETE_H
#define GH_COMPLETE_H

#include <stdbool.h>
#include "model.h"

/* The items a notice gives, per purpose (and, where they hang on the
 * data, per system). */
enum citem {
	CI_CONTROLLER,		/* who we are, how to reach us */
	CI_DPO,			/* data protection officer / encarregado */
	CI_PURPOSE,		/* purpose and legal basis */
	CI_INTEREST,		/* the legitimate interest pursued */
	CI_CATEGORIES,		/* categories of data */
	CI_RECIPIENTS,		/* recipients */
	CI_TRANSFERS,		/* transfers outside the UK/EEA, safeguards */
	CI_RETENTION,		/* how long */
	CI_RIGHTS,		/* the rights */
	CI_WITHDRAW,		/* how to withdraw consent */
	CI_COMPLAINT,		/* the supervisory authority */
	CI_REQUIREMENT,		/* statutory/contractual requirement */
	CI_SOURCE,		/* where data not from the person comes from */
	CI_AUTOMATED,		/* automated decisions */
	CI_SOLD,		/* sold or shared (CCPA) */
	CI_BENEFIT,		/* what the person gets (glasshouse practice) */
	CI__COUNT
};

enum cstate {
	CS_NA,			/* does not apply (basis, laws, no data) */
	CS_PRESENT,
	CS_MISSING
};

/* Where an item is decided: once for the site, per purpose, or on the
 * data entries (so systems have it too). */
enum cscope {
	CSC_SITE,
	CSC_PURPOSE,
	CSC_DATA
};

struct citem_info {
	const char	*key;		/* "dpo", stable: CSS classes, tests */
	const char	*label;		/* "Data protection officer" */
	enum cscope	 scope;
	/* The provision per law, NULL where that law does not ask for it;
	 * "practice" items have all three NULL and apply everywhere. */
	const char	*gdpr, *lgpd, *ccpa;
};
extern const struct citem_info complete_items[CI__COUNT];

/* Does the item apply under these JUR_* bits? */
bool	 complete_applies(enum citem, unsigned jurisdictions);

/* One purpose or system and the state of every item. */
struct crow {
	const struct purpose	*purpose;	/* exactly one of the two */
	const struct system	*system;
	unsigned char		 state[CI__COUNT];	/* enum cstate */
	size_t			 nmissing;
};

enum cfinding_kind {
	CF_SITE,		/* a site-wide item is missing */
	CF_ITEM,		/* an item of a purpose, system or data entry */
	CF_ORPHAN,		/* purpose no data uses, recipient with no data */
	CF_COMMITTEE,		/* required function with no member */
	CF_REVIEW		/* review_by in the past */
};

/* One finding: exactly the text `check` prints as a warning. */
struct cfinding {
	struct pos		 pos;
	enum cfinding_kind	 kind;
	const char		*msg;
	bool			 always;	/* also printed next to errors */
};

struct cindex;

struct complete {
	const struct model	*m;
	unsigned		 jurisdictions;	/* the site's JUR_* bits */
	struct crow		*purposes;	/* non-retired, by id */
	size_t			 npurposes;
	struct crow		*systems;	/* by id */
	size_t			 nsystems;
	const struct purpose	**orphan_purposes;
	size_t			  norphan_purposes;
	const struct recipient	**orphan_recipients;
	size_t			  norphan_recipients;
	const char		**missing_functions;
	size_t			  nmissing_functions;
	const struct purpose	**overdue;	/* by review date, then id */
	size_t			  noverdue;
	struct cfinding		 *findings;	/* sorted as diagnostics are */
	size_t			  nfindings;
	/* data entry, system and purpose -> its states: each is worked
	 * out once, for the analysis and for every page that shows it */
	struct cindex		 *index;
};

/* Analyse m (already checked and derived) into c; memory from a. */
void	 complete_analyse(const struct model *m, struct arena *a,
	    struct complete *c);
/* Emit the findings of a fresh analysis as warnings (check.c). On
 * content with errors only the findings marked always are printed:
 * the decoder drops invalid values, and "missing" would repeat the
 * error that dropped them. A build (no errors) prints every one.
 * The analysis is kept in m's arena, as m->complete. */
void	 complete_warn(struct model *m);
/* m->complete: the analysis complete_warn() made of m (check_model()
 * runs it once per build, before rendering starts), or NULL when m was
 * never checked. Read-only: both render threads share it. It
 * describes m as it was checked; a caller that changes m afterwards
 * must analyse again. */
const struct complete	*complete_shared(const struct model *m);

/* Single answers for the renderers' "not yet documented" markers;
 * each agrees with the analysis. */
enum cstate	 complete_site_item(const struct model *, enum citem);
enum cstate	 complete_purpose_item(const struct model *,
		    const struct purpose *, enum citem);
/* The entry's own part of a data item (CI_REQUIREMENT, CI_SOLD). */
enum cstate	 complete_entry_item(const struct model *,
		    const struct data_entry *, enum citem);
/* The same answers from an analysis, in constant time. */
enum cstate	 complete_purpose_state(const struct complete *,
		    const struct purpose *, enum citem);
enum cstate	 complete_entry_state(const struct complete *,
		    const struct data_entry *, enum citem);

#endif
