/*
 * model.h - the build's model: plain structs that every stage after
 * loading reads. decode.c fills them from YAML trees (types, required
 * fields, enums), check.c resolves references and applies the rules,
 * model.c derives the cross indexes. Render and write only read.
 *
 * Everything lives in model->arena and is freed with model_free().
 * Every object carries the position of its source. The YAML tree of a
 * file in a directory (inventory, purposes, ...) is freed as soon as
 * the file is decoded, so what check.c needs later, such as where a
 * key was written, is kept as positions (the *_at fields). Only the
 * single files (site, recipients, members) keep their tree, as node,
 * until model_drop_trees(), which a build calls once checking is
 * done. Lists are sorted by id.
 */
#ifndef GH_MODEL_H
#define GH_MODEL_H

#include <stdbool.h>
#include "diag.h"
#include "util.h"
#include "vocab.h"
#include "yml.h"

#define ID_MAX	64

/* A calendar date; m and d are 0 when not given (YYYY-MM). */
struct date {
	int	y, m, d;
};

/* A reference by id, resolved by check.c (to stays NULL if unknown). */
struct ref {
	const char	*id;
	struct pos	 pos;
	void		*to;
};
struct reflist {
	struct ref	*v;
	size_t		 n;
};

/* A free key -> string mapping (the staff-only "internal:" notes). */
struct note {
	const char	*key;
	const char	*text;
};
struct notes {
	struct note	*v;
	size_t		 n;
};

struct strlist {
	const char	**v;
	size_t		  n;
};

struct contact {
	const char	*name;
	const char	*email;
	const char	*address;
	const char	*phone;
	const char	*url;
};

struct site {
	struct pos	 pos;
	struct ynode	*node;
	const char	*name;		/* organisation.name */
	const char	*legal_name;
	const char	*address;
	const char	*email;
	const char	*phone;
	struct contact	 dpo;		/* all NULL when absent */
	struct contact	 representative;
	struct contact	 authority;	/* name, url */
	const char	*title;		/* defaulted from name */
	const char	*language;	/* default "en" */
	unsigned	 jurisdictions;	/* JUR_* bits, default JUR_EU_GDPR */
	int		 min_count;	/* default 10 */
	int		 round_to;	/* default 5 */
	const char	*base_url;	/* NULL when absent */
	const char	*theme;		/* theme directory, relative to the
					   content directory; NULL = default */
	struct notes	 internal;
};

enum retention_kind {
	RET_PERIOD,		/* N unit [after EVENT] */
	RET_UNTIL		/* until EVENT */
};
enum retention_unit {
	UNIT_DAY, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR
};
struct retention {
	const char		*text;	/* as written */
	enum retention_kind	 kind;
	long			 n;
	enum retention_unit	 unit;
	const char		*event;	/* NULL for a bare period */
};

enum source_kind {
	SRC_YOU,		/* "you" (default) */
	SRC_OBSERVED,		/* "observed" */
	SRC_RECIPIENT		/* a recipient id, in source_ref */
};

struct system;

/* One entry of a system's data list. */
struct data_entry {
	struct pos		 pos;
	struct system		*system;
	struct ref		 category;	/* to: struct category */
	struct reflist		 subjects;	/* to: const struct term */
	struct reflist		 purposes;	/* to: struct purpose */
	enum source_kind	 source;
	struct ref		 source_ref;	/* to: struct recipient */
	struct retention	 retention;
	enum requirement	 required;
	struct reflist		 shared_with;	/* to: struct recipient */
	bool			 linked;	/* default true */
	bool			 tracking;	/* default false */
	bool			 sold;		/* default false */
	/* set by decode.c: written in the entry's own mapping (even as
	 * null), not defaulted; what complete.c asks */
	bool			 required_stated, sold_stated;
	/* model_derive: 2 public, 1 staff only; 0 before (entry_visible
	 * works it out then). Render asks for every row of every page. */
	unsigned char		 shown;
};

struct decision;

struct system {
	const char		*id;
	unsigned		 ord;	/* 1-based place in the sorted list
					 * (model_derive); 0 before */
	const char		*path;		/* source file */
	struct pos		 pos;
	struct pos		 locations_at;	/* its value, else pos */
	const char		*name;
	const char		*description;
	const char		*custodian;	/* internal */
	struct ref		 vendor;	/* to: struct recipient; id NULL if none */
	struct strlist		 locations;	/* country codes */
	struct strlist		 security;	/* internal */
	struct strlist		 access;	/* internal, team ids */
	struct data_entry	*data;
	size_t			 ndata;
	enum audience		 audience;
	struct notes		 internal;
	const struct decision	*decision;	/* latest that affects it */
	/* derived: the item's page as linked from a page one level
	 * down ("../systems/ID.html"; from the root, skip the "../"),
	 * the same for every page and audience; likewise for purposes
	 * ("../purposes/ID.html"), recipients ("../recipients.html#ID")
	 * and categories ("../data/KEY.html") */
	const char		*href;
};

struct purpose {
	const char		*id;
	unsigned		 ord;	/* 1-based place in the sorted list
					 * (model_derive); 0 before */
	const char		*path;
	struct pos		 pos;
	/* where these keys' values are written, else pos */
	struct pos		 legal_basis_at, special_condition_at,
				 review_by_at;
	const char		*title;
	const char		*summary;
	enum legal_basis	 legal_basis;
	const char		*legitimate_interest;
	const char		*withdraw;
	enum special_condition	 special_condition;
	struct ref		 use;		/* to: const struct term (data use) */
	const char		*benefit;
	const char		*automated_decisions;	/* NULL when not stated */
	enum purpose_status	 status;
	struct date		 review_by;	/* internal; y == 0 when absent */
	const char		*owner;		/* internal */
	enum audience		 audience;
	struct notes		 internal;
	char			*body_html;	/* cmark output, in the arena */
	/* derived by model.c: data entries naming this purpose */
	struct data_entry	**uses;
	size_t			  nuses;
	bool			  special;	/* uses Art. 9/10 data */
	const struct decision	*decision;
	const char		*href;		/* derived, as system's */
};

struct transfer {
	struct pos	 pos;
	const char	*country;
	enum safeguard	 safeguard;
};

struct recipient {
	const char		*id;
	unsigned		 ord;	/* 1-based place in the sorted list
					 * (model_derive); 0 before */
	struct pos		 pos;
	struct ynode		*node;
	const char		*name;
	enum recipient_role	 role;
	const char		*country;
	const char		*purpose;
	enum safeguard		 safeguard;
	struct transfer		*transfers;
	size_t			 ntransfers;
	const char		*contract;	/* internal */
	enum audience		 audience;
	struct notes		 internal;
	/* derived: data entries shared with it (shared_with) or held in
	 * a system it runs (vendor), each once, by system id then entry */
	struct data_entry	**shared;
	size_t			  nshared;
	const struct decision	*decision;
	const char		*href;		/* derived, as system's */
	const char		*country_label;	/* derived: country's name, or
						   the code if unknown */
};

/* A data category: built-in (term set, pos.file NULL) or from
 * categories.yaml. */
struct category {
	const char		*key;
	unsigned		 ord;	/* 1-based place in the sorted list
					 * (model_derive); 0 before */
	const char		*name;
	const char		*description;
	struct category		*parent;
	int			 special;	/* 0, 9, 10 (inherited) */
	struct pos		 pos;
	bool			 builtin;
	/* derived: data entries using this exact key */
	struct data_entry	**entries;
	size_t			  nentries;
	const char		*href;		/* derived, as system's */
};

struct page {
	const char	*id;
	struct pos	 pos;
	const char	*title;
	enum audience	 audience;
	long		 order;		/* default 0; then by id */
	char		*body_html;
	struct notes	 internal;
};

/* Reports (content-format section 4): period -> group -> count. */
enum period_kind {
	PERIOD_MONTH,		/* YYYY-MM */
	PERIOD_QUARTER,		/* YYYY-Qn */
	PERIOD_YEAR		/* YYYY */
};
struct cell {
	const char	*group;
	struct pos	 pos;
	long long	 count;
};
struct period {
	const char	*label;		/* as written: "2026-07" */
	struct pos	 pos;
	int		 year;
	int		 sub;		/* month 1-12, quarter 1-4, 0 for a year */
	struct cell	*cells;
	size_t		 ncells;
};
struct report {
	const char		*id;
	struct pos		 pos;
	const char		*title;
	enum audience		 audience;	/* default internal */
	enum report_kind	 kind;
	const char		*measure;
	const char		*by;
	enum period_kind	 granularity;
	struct period		*periods;	/* sorted by time */
	size_t			 nperiods;
	struct notes		 internal;
	const struct decision	*decision;
};

struct member {
	struct pos	 pos;
	const char	*name;
	const char	*function;
	struct date	 since;
};
struct committee {
	struct pos	 pos;
	struct ynode	*node;		/* members.yaml root, or NULL */
	bool		 present;	/* members.yaml exists */
	struct strlist	 required_functions;
	struct member	*members;
	size_t		 nmembers;
};

struct decision {
	const char		*id;
	struct pos		 pos;
	const char		*title;
	struct date		 date;
	enum decision_status	 status;
	struct reflist		 affects;	/* "kind:id" strings */
	const char		*public_summary;
	char			*rationale_html;	/* internal */
	enum audience		 audience;	/* default public */
	struct notes		 internal;
};

struct complete;

struct model {
	struct arena		 arena;
	/* The YAML trees and Markdown texts the objects were decoded
	 * from: the larger part of a big model, needed only to decode and
	 * check (model_drop_trees). Strings the objects use are in arena. */
	struct arena		 tree;
	const char		*dir;		/* content directory as given */
	struct site		 site;
	struct system		**systems;	/* sorted by id */
	size_t			  nsystems;
	struct purpose		**purposes;
	size_t			  npurposes;
	struct recipient	**recipients;
	size_t			  nrecipients;
	struct category		**categories;	/* built-in + extra, by key */
	size_t			  ncategories;
	struct page		**pages;	/* by order, then id */
	size_t			  npages;
	struct report		**reports;
	size_t			  nreports;
	struct committee	  committee;
	struct decision		**decisions;	/* newest first */
	size_t			  ndecisions;
	/* lookups by id / key */
	struct hmap		  system_ids, purpose_ids, recipient_ids,
				  category_keys, page_ids, report_ids,
				  decision_ids;
	/* "today" for review dates: SOURCE_DATE_EPOCH or the clock */
	struct date		  today;
	/* check_model()'s completeness analysis (complete.h), in the
	 * arena; NULL until then. Read-only for the render threads. */
	const struct complete	 *complete;
	long long		  source_date_epoch;	/* -1 when unset */
};

/* Audience predicates: is this entity (or data entry) visible in a
 * build for aud? The public build is a strict subset. */
bool	 system_visible(const struct system *, enum audience);
bool	 purpose_visible(const struct purpose *, enum audience);
bool	 recipient_visible(const struct recipient *, enum audience);
bool	 entry_visible(const struct data_entry *, enum audience);
bool	 report_visible(const struct report *, enum audience);
bool	 page_visible(const struct page *, enum audience);
/* Is the decision published: adopted, not internal, with a
 * public_summary? Only those reach the public changelog and pages. */
bool	 decision_published(const struct decision *);

/*
 * Sort orders (model.c), on pointers to elements as qsort and pv_uniq
 * give them: strings in byte order; purposes, recipients and systems by
 * id, categories by key (through the places model_derive() gave them);
 * dates earlier first (a plain compare, not a qsort one).
 */
int	 cmp_str(const void *, const void *);
int	 cmp_purpose(const void *, const void *);
int	 cmp_recipient(const void *, const void *);
int	 cmp_system(const void *, const void *);
int	 cmp_category(const void *, const void *);
int	 date_cmp(const struct date *, const struct date *);

/* The group of a category: the child of its taxonomy root (itself for
 * a root's child). A list of categories in groups is an array whose
 * elements start with a struct catgroup, sorted with cmp_by_group: by
 * group key, then by category key. */
struct catgroup {
	const struct category	*c, *g;		/* g = category_group(c) */
};
const struct category *category_group(const struct category *);
int	 cmp_by_group(const void *, const void *);
/* Does the category hold data entries visible to aud? */
bool	 category_in_use(const struct model *, const struct category *,
	    enum audience);

void	 model_init(struct model *);
/* model.c: sort the lists, build the derived indexes; idempotent. */
void	 model_derive(struct model *);
/* Free the single files' YAML trees once decode and check are done
 * with them: site, recipients and committee node become NULL. */
void	 model_drop_trees(struct model *);
void	 model_free(struct model *);

#endif
