/*
 * decode_impl.h - internal to decode*.c (the public entry is decode.h):
 * the decoding context, the mapping being decoded (struct obj), closed
 * sets of words (struct choices), the typed-field getters
 * (decode_value.c), the scalar helpers they share (decode_scalar.c)
 * and the decoder of each content file kind, which decode_model() in
 * decode.c calls in order. The decoders of one
 * kind never call another kind's: they meet only in decode.c.
 *
 * The getters' contract:
 * - A getter reads field f of an obj that obj_open() filled. An
 *   absent or null value gives the fallback (NULL, dflt, an empty
 *   list); "required" makes a missing one an error as well.
 * - Errors: every problem is reported at the exact node with
 *   gh_error() (whose -1 is not passed on) and the getter returns the
 *   fallback, so decoding carries on and one run shows every problem.
 *   Nothing here stops decoding; only load_wait()'s I/O errors do.
 * - Ownership: everything is allocated in d->a (the model's arena),
 *   lists at the exact size of their YAML node. A string returned is
 *   the scalar's own, which the loader keeps in the model's arena
 *   while the tree itself is freed after the file (load_release());
 *   a decoder that keeps a mapping key copies it (arena_strndup).
 */
#ifndef GH_DECODE_IMPL_H
#define GH_DECODE_IMPL_H

#include "decode.h"
#include "load.h"
#include "model.h"

#define MAXF	16		/* most keys any mapping kind allows */

/* The decoding context: the model being filled and its arena. */
struct dec {
	struct model	*m;
	struct arena	*a;
};

/* One mapping being decoded against the keys its kind allows. */
struct obj {
	const struct ynode	*map;	/* NULL when absent */
	struct pos		 pos;	/* where "missing key" errors point */
	bool			 bad;	/* not a mapping: already reported */
	const char *const	*keys;
	size_t			 nkeys;
	struct ynode		*v[MAXF];	/* NULL when absent or null */
	unsigned		 present;	/* bit j: keys[j] is written,
						 * even with a null value */
};

/* A closed set of words: names[i] is the word for enum value i (NULL
 * where a value has no word), or the key of an enumval table. */
struct choices {
	const char		*what;	/* "legal basis" */
	const char *const	*names;
	const struct enumval	*ev;
	size_t			 n;
};

/* The choices over one of vocab_keys.c's tables: CHOICES("role",
 * vocab_role_keys). */
#define CHOICES(what, tbl)	\
	{ what, tbl, NULL, sizeof(tbl) / sizeof(tbl[0]) }

/*
 * Numbers as YAML writes them: [-+]?[0-9]+ is an integer (|v| <= 2^53,
 * no overflow on any input); a decimal point or exponent makes it
 * fractional; anything else is not a number.
 */
enum num {
	NUM_OK,
	NUM_FRAC,
	NUM_NAN,
	NUM_BIG
};

/* --- decode_scalar.c ------------------------------------------- */

/* An ASCII decimal digit? */
bool	 is_digit(int);
/* Only blanks (space, tab, newline, carriage return), or empty? */
bool	 is_blank(const char *);
/* Classify and read a YAML number; *out is set for NUM_OK only. */
enum num num_parse(const char *, long long *out);

/* --- decode_value.c: mappings ---------------------------------- */

/*
 * Start decoding node as a mapping with the given keys (at most MAXF).
 * An absent node (NULL) leaves every field absent and missing keys
 * are reported at fallback; a node that is not a mapping is reported
 * (as a mapping for 'what', or bare when what is NULL), every field
 * stays absent and false is returned. Unknown keys are reported.
 */
bool	 obj_open(struct dec *, struct obj *, const struct ynode *node,
	    const char *const keys[], size_t nkeys, const char *what,
	    struct pos fallback);
/* The raw value of field f (NULL when absent or null), reporting it
 * when required and missing. */
struct ynode *obj_field(struct obj *, int f, bool required);

/* --- decode_value.c: typed fields ------------------------------ */

/* A scalar as written; blank counts as absent. */
const char *get_str(struct dec *, struct obj *, int f, bool required);
/* Plain true or false; dflt when absent or wrong. */
bool	 get_bool(struct dec *, struct obj *, int f, bool dflt);
/* The index of the word in c; dflt when absent or unknown. */
int	 get_enum(struct dec *, struct obj *, int f, const struct choices *,
	    int dflt);
/* An integer in [min, max]; dflt when absent or wrong. */
long long get_int(struct dec *, struct obj *, int f, long long dflt,
	    long long min, long long max);
/* YYYY-MM-DD (or YYYY-MM with month_only); zeroed when absent or wrong. */
struct date get_date(struct dec *, struct obj *, int f, bool required,
	    bool month_only);
/* The sequence under f, or NULL (absent, wrong type, empty). */
struct ynode *get_seq(struct dec *, struct obj *, int f, bool required);
/* A team id (custodian, owner): plain id syntax, no registry. */
const char *get_team(struct dec *, struct obj *, int f, bool required);
/* A list of unique strings; idkind non-NULL: each item is an id. */
struct strlist get_strlist(struct dec *, struct obj *, int f,
	    bool required, const char *idkind);
/* An ISO 3166-1 alpha-2 code, or a list of unique ones. */
const char *get_country(struct dec *, struct obj *, int f, bool required);
struct strlist get_countries(struct dec *, struct obj *, int f);
/* One reference, or a list of unique ones; idkind non-NULL requires id
 * syntax. Only the syntax is checked: check.c resolves them. */
struct ref get_ref(struct dec *, struct obj *, int f, bool required,
	    const char *idkind);
struct reflist get_refs(struct dec *, struct obj *, int f, bool required,
	    const char *idkind);
/* The free "internal:" mapping: key -> string, in written order. */
struct notes get_notes(struct dec *, struct obj *, int f);
/* public or internal; dflt when absent or wrong. */
enum audience get_audience(struct dec *, struct obj *, int f,
	    enum audience dflt);

/* --- decode_value.c: pieces of fields -------------------------- */

/* Match a scalar against c; its index, or -1 (reported, with a hint). */
int	 match_choice(struct dec *, const struct ynode *, const char *key,
	    const struct choices *);
/* A string item of list key; NULL (reported) when it is not one. */
const char *item_str(const struct ynode *, const char *key);
/* Is s a plain id? Reports "invalid <what> id" at p when not. */
bool	 check_id(const char *s, const char *what, struct pos);
/* Has the list base[0..n) (strings stride bytes apart) got s? The
 * caller frees set after the list. */
bool	 list_seen(struct hmap *set, const void *base, size_t stride,
	    size_t n, const char *s);
/* The warning for an item listed twice in key. */
void	 warn_dup(const struct ynode *, const char *key);
/* An unresolved reference to the scalar v. */
struct ref make_ref(const struct ynode *v);
/* Where a file's object starts: its root node, or the file. */
struct pos file_pos(const struct srcfile *);
/* Open a one-object file's mapping against keys; false when the file
 * failed to parse or is not a mapping. */
bool	 file_open(struct dec *, struct obj *, const struct srcfile *,
	    const char *const keys[], size_t nkeys);
/* Register id in map; a second object with the same id is an error. */
bool	 register_id(struct hmap *, const char *kind, const char *id,
	    void *obj, struct pos);
/* The Markdown body of f rendered in the arena ("" when none). */
char	*body_html(struct dec *, const struct srcfile *);

/* --- one decoder per content file kind ------------------------- */

/* decode_site.c: site.yaml, categories.yaml, recipients.yaml */
void	 decode_site(struct dec *, const struct srcfile *);
void	 decode_categories(struct dec *, const struct srcfile *);
void	 decode_recipients(struct dec *, const struct srcfile *);
/* decode_inventory.c: inventory/<id>.yaml */
void	 decode_system(struct dec *, const struct srcfile *);
/* decode_purposes.c: purposes/<id>.md, pages/<id>.md */
void	 decode_purpose(struct dec *, const struct srcfile *);
void	 decode_page(struct dec *, const struct srcfile *);
/* decode_reports.c: reports/<id>.yaml */
void	 decode_report(struct dec *, const struct srcfile *);
/* decode_committee.c: committee/members.yaml, committee/decisions/ */
void	 decode_members(struct dec *, const struct srcfile *);
void	 decode_decision(struct dec *, const struct srcfile *);

#endif
