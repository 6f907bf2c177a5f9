/*
 * decode.c - YAML trees -> typed model objects.
 *
 * Every mapping is decoded against the list of keys its kind allows
 * (struct obj): one pass over the mapping files each value under its
 * key, so an unknown key is found at once and gets a "did you mean"
 * from the same list. Typed getters then read the values: strings,
 * booleans (plain true/false only), enums, dates, ids, lists. Every
 * problem becomes a diagnostic at the exact node and decoding carries
 * on, so one run shows them all. References are only syntax-checked
 * here; check.c resolves them.
 *
 * Everything is allocated in the model's arena, lists at their exact
 * size (the YAML node says how many items there are), so decoding
 * costs one pass and no per-item malloc.
 */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "glasshouse.h"

#define MAXF	16		/* most keys any mapping kind allows */
#define MAX_EXACT	9007199254740992LL	/* 2^53: exact in a double */

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

static const char *
choice_name(const struct choices *c, size_t i)
{
	return c->ev != NULL ? c->ev[i].key : c->names[i];
}

/* "a, b, c" for an error message listing the accepted words. */
static const char *
choice_list(struct dec *d, const struct choices *c)
{
	struct buf b = BUF_INIT;
	const char *s;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (choice_name(c, i) == NULL)
			continue;
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, choice_name(c, i));
	}
	s = arena_strndup(d->a, b.ptr, b.len);
	buf_free(&b);
	return s;
}

/* --- parsers shared with tests and fuzzers ------------------------ */

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Exactly n decimal digits at s. */
static bool
fixed_digits(const char *s, int n, int *v)
{
	int i, x = 0;

	for (i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			return false;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return true;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/*
 * YYYY-MM-DD, a real calendar day in years 1-9999; with month_only_ok
 * YYYY-MM is accepted too (d = 0). Returns 0, or -1 with *out zeroed.
 */
int
date_parse(const char *s, struct date *out, bool month_only_ok)
{
	struct date dt = { 0, 0, 0 };
	size_t len;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return -1;
	len = strlen(s);
	if (len != 10 && !(month_only_ok && len == 7))
		return -1;
	if (!fixed_digits(s, 4, &dt.y) || s[4] != '-' ||
	    !fixed_digits(s + 5, 2, &dt.m))
		return -1;
	if (dt.y < 1 || dt.m < 1 || dt.m > 12)
		return -1;
	if (len == 10) {
		if (s[7] != '-' || !fixed_digits(s + 8, 2, &dt.d))
			return -1;
		if (dt.d < 1 || dt.d > days_in_month(dt.y, dt.m))
			return -1;
	}
	*out = dt;
	return 0;
}

/* YYYY-MM, YYYY-Qn or YYYY (years 1-9999). Returns 0 or -1. */
int
period_parse(const char *s, enum period_kind *kind, int *year, int *sub)
{
	size_t len;
	int y, v;

	if (s == NULL)
		return -1;
	len = strlen(s);
	if ((len != 4 && len != 7) || !fixed_digits(s, 4, &y) || y < 1)
		return -1;
	if (len == 4) {
		*kind = PERIOD_YEAR;
		*year = y;
		*sub = 0;
		return 0;
	}
	if (s[4] != '-')
		return -1;
	if (s[5] == 'Q') {
		if (s[6] < '1' || s[6] > '4')
			return -1;
		*kind = PERIOD_QUARTER;
		*sub = s[6] - '0';
	} else {
		if (!fixed_digits(s + 5, 2, &v) || v < 1 || v > 12)
			return -1;
		*kind = PERIOD_MONTH;
		*sub = v;
	}
	*year = y;
	return 0;
}

static const char retention_forms[] =
    "expected 'N days|weeks|months|years [after EVENT]' or 'until EVENT'";

/* Does word w start at *p and end at a space or the end? Advances. */
static bool
take_word(const char **p, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(*p, w, n) != 0 || ((*p)[n] != '\0' && !is_space((*p)[n])))
		return false;
	*p += n;
	return true;
}

static const char *
skip_space(const char *p)
{
	while (is_space((unsigned char)*p))
		p++;
	return p;
}

/* The free-text EVENT at p: trimmed, non-empty, copied to the arena. */
static const char *
take_event(struct arena *a, const char *p)
{
	const char *end;

	p = skip_space(p);
	end = p + strlen(p);
	while (end > p && is_space((unsigned char)end[-1]))
		end--;
	return end > p ? arena_strndup(a, p, (size_t)(end - p)) : NULL;
}

/*
 * The retention grammar of the content format:
 *	N unit[s] [after EVENT]		unit: day, week, month, year
 *	until EVENT
 * N is a positive integer (at most INT_MAX), words are lowercase and
 * separated by blanks. The EVENT is copied to the arena a.
 */
int
retention_parse(struct arena *a, const char *s, struct retention *r,
    const char **cause)
{
	static const struct {
		const char		*word;
		enum retention_unit	 unit;
	} units[] = {
		{ "days", UNIT_DAY }, { "day", UNIT_DAY },
		{ "weeks", UNIT_WEEK }, { "week", UNIT_WEEK },
		{ "months", UNIT_MONTH }, { "month", UNIT_MONTH },
		{ "years", UNIT_YEAR }, { "year", UNIT_YEAR },
	};
	const char *p;
	long n = 0;
	size_t i;

	memset(r, 0, sizeof(*r));
	*cause = retention_forms;
	if (s == NULL)
		return -1;
	r->text = s;
	p = skip_space(s);
	if (take_word(&p, "until")) {
		if (!is_space((unsigned char)*p) ||
		    (r->event = take_event(a, p)) == NULL)
			return -1;
		r->kind = RET_UNTIL;
		return 0;
	}
	if (!is_digit((unsigned char)*p))
		return -1;
	for (; is_digit((unsigned char)*p); p++) {
		if (n > (INT_MAX - (*p - '0')) / 10) {
			*cause = "N is too large";
			return -1;
		}
		n = n * 10 + (*p - '0');
	}
	if (!is_space((unsigned char)*p))
		return -1;
	p = skip_space(p);
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (take_word(&p, units[i].word))
			break;
	if (i == sizeof(units) / sizeof(units[0]))
		return -1;
	p = skip_space(p);
	if (*p != '\0') {
		if (!take_word(&p, "after") || !is_space((unsigned char)*p) ||
		    (r->event = take_event(a, p)) == NULL)
			return -1;
	}
	if (n == 0) {
		r->event = NULL;
		*cause = "N must be a positive integer";
		return -1;
	}
	r->kind = RET_PERIOD;
	r->n = n;
	r->unit = units[i].unit;
	*cause = NULL;
	return 0;
}

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

static enum num
num_parse(const char *s, long long *out)
{
	const char *p = s;
	bool neg = false, frac = false;
	long long v = 0;

	*out = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!is_digit((unsigned char)*p) &&
	    !(*p == '.' && is_digit((unsigned char)p[1])))
		return NUM_NAN;
	for (; is_digit((unsigned char)*p); p++) {
		if (v <= MAX_EXACT)
			v = v * 10 + (*p - '0');
	}
	if (*p == '.') {
		frac = true;
		for (p++; is_digit((unsigned char)*p); p++)
			continue;
	}
	if (*p == 'e' || *p == 'E') {
		frac = true;
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!is_digit((unsigned char)*p))
			return NUM_NAN;
		while (is_digit((unsigned char)*p))
			p++;
	}
	if (*p != '\0')
		return NUM_NAN;
	if (frac)
		return NUM_FRAC;
	if (v > MAX_EXACT)
		return NUM_BIG;
	*out = neg ? -v : v;
	return NUM_OK;
}

/* --- mappings and typed values ------------------------------------ */

/*
 * Start decoding node as a mapping with the given keys. An absent node
 * (NULL) leaves every field absent and missing keys are reported at
 * fallback; a node that is not a mapping is reported (as a mapping for
 * 'what', or bare when what is NULL) and every field stays absent.
 */
static bool
obj_open(struct dec *d, struct obj *o, const struct ynode *node,
    const char *const keys[], size_t nkeys, const char *what,
    struct pos fallback)
{
	size_t i, j;

	assert(nkeys <= MAXF);
	memset(o, 0, sizeof(*o));
	o->keys = keys;
	o->nkeys = nkeys;
	o->pos = node != NULL ? node->pos : fallback;
	if (node == NULL)
		return true;
	if (node->type != YN_MAP) {
		if (what != NULL)
			gh_error(node->pos, "expected a mapping for '%s'", what);
		else
			gh_error(node->pos, "expected a mapping");
		o->bad = true;
		return false;
	}
	o->map = node;
	for (i = 0; i < node->n; i++) {
		const struct ynode *k = node->keys[i];

		/* first letters before strcmp: most allowed keys differ there */
		for (j = 0; j < nkeys; j++)
			if (k->str[0] == keys[j][0] &&
			    strcmp(k->str, keys[j]) == 0)
				break;
		if (j == nkeys) {
			struct suggest s;

			suggest_init(&s, k->str);
			for (j = 0; j < nkeys; j++)
				suggest_add(&s, keys[j]);
			gh_error(k->pos, "unknown key '%s'%s", k->str,
			    suggest_hint(&s, d->a));
			continue;
		}
		o->present |= 1u << j;
		o->v[j] = yml_is_null(node->items[i]) ? NULL : node->items[i];
	}
	return true;
}

/* The value of field f, reporting it when required and missing. */
static struct ynode *
field(struct obj *o, int f, bool required)
{
	if (o->v[f] == NULL && required && !o->bad)
		gh_error(o->pos, "missing required key '%s'", o->keys[f]);
	return o->v[f];
}

static bool
blank(const char *s)
{
	while (is_space((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* A scalar as the string it was written as; blank counts as absent. */
static const char *
get_str(struct dec *d, struct obj *o, int f, bool required)
{
	struct ynode *v = field(o, f, required);

	if (v == NULL)
		return NULL;
	if (v->type != YN_SCALAR) {
		gh_error(v->pos, "expected a string for '%s'", o->keys[f]);
		return NULL;
	}
	if (blank(v->str)) {
		if (required)
			gh_error(v->pos, "empty value for '%s'", o->keys[f]);
		return NULL;
	}
	return v->str;
}

static bool
get_bool(struct dec *d, struct obj *o, int f, bool dflt)
{
	struct ynode *v = field(o, f, false);

	if (v == NULL)
		return dflt;
	if (v->type == YN_SCALAR && v->plain) {
		if (strcmp(v->str, "true") == 0)
			return true;
		if (strcmp(v->str, "false") == 0)
			return false;
	}
	if (v->type != YN_SCALAR)
		gh_error(v->pos, "expected true or false for '%s'", o->keys[f]);
	else
		gh_error(v->pos, "'%s' is not a boolean (use true or false%s)",
		    v->str, v->plain ? "" : " without quotes");
	return dflt;
}

/* Match a scalar against a closed set of words; -1 when it is none. */
static int
match_choice(struct dec *d, const struct ynode *v, const char *key,
    const struct choices *c)
{
	struct suggest s;
	size_t i;

	if (v->type != YN_SCALAR) {
		gh_error(v->pos, "expected a string for '%s'", key);
		return -1;
	}
	for (i = 0; i < c->n; i++)
		if (choice_name(c, i) != NULL &&
		    strcmp(v->str, choice_name(c, i)) == 0)
			return (int)i;
	suggest_init(&s, v->str);
	for (i = 0; i < c->n; i++)
		suggest_add(&s, choice_name(c, i));
	if (s.best != NULL)
		gh_error(v->pos, "unknown %s '%s'%s", c->what, v->str,
		    suggest_hint(&s, d->a));
	else
		gh_error(v->pos, "unknown %s '%s' (one of %s)", c->what,
		    v->str, choice_list(d, c));
	return -1;
}

static int
get_enum(struct dec *d, struct obj *o, int f, const struct choices *c,
    int dflt)
{
	struct ynode *v = field(o, f, false);
	int i;

	if (v == NULL)
		return dflt;
	i = match_choice(d, v, o->keys[f], c);
	return i < 0 ? dflt : i;
}

/* An integer in [min, max]; dflt when absent or wrong (reported). */
static long long
get_int(struct dec *d, struct obj *o, int f, long long dflt,
    long long min, long long max)
{
	struct ynode *v = field(o, f, false);
	long long n;

	if (v == NULL)
		return dflt;
	if (v->type != YN_SCALAR || !v->plain) {
		gh_error(v->pos, "expected an integer for '%s'", o->keys[f]);
		return dflt;
	}
	switch (num_parse(v->str, &n)) {
	case NUM_OK:
		break;
	case NUM_BIG:
		n = v->str[0] == '-' ? LLONG_MIN : LLONG_MAX;
		break;
	default:
		gh_error(v->pos, "'%s' is not an integer (for '%s')", v->str,
		    o->keys[f]);
		return dflt;
	}
	if (n < min) {
		gh_error(v->pos, "'%s' must be at least %lld", o->keys[f], min);
		return dflt;
	}
	if (n > max) {
		gh_error(v->pos, "'%s' is too large for '%s' (at most %lld)",
		    v->str, o->keys[f], max);
		return dflt;
	}
	return n;
}

static struct date
get_date(struct dec *d, struct obj *o, int f, bool required,
    bool month_only)
{
	struct ynode *v = field(o, f, required);
	struct date dt = { 0, 0, 0 };

	if (v == NULL)
		return dt;
	if (v->type != YN_SCALAR)
		gh_error(v->pos, "expected a date for '%s'", o->keys[f]);
	else if (date_parse(v->str, &dt, month_only) != 0)
		gh_error(v->pos, "invalid date '%s' (expected %s)", v->str,
		    month_only ? "YYYY-MM" : "YYYY-MM-DD");
	return dt;
}

/* The sequence under field f, or NULL (absent, wrong type, empty). */
static struct ynode *
get_seq(struct dec *d, struct obj *o, int f, bool required)
{
	struct ynode *v = field(o, f, required);

	if (v == NULL)
		return NULL;
	if (v->type != YN_SEQ) {
		gh_error(v->pos, "expected a list for '%s'", o->keys[f]);
		return NULL;
	}
	if (v->n == 0) {
		if (required)
			gh_error(v->pos, "empty list for '%s' (at least one "
			    "item is required)", o->keys[f]);
		return NULL;
	}
	return v;
}

/* A string item of list key; NULL (reported) when it is not one. */
static const char *
item_str(const struct ynode *it, const char *key)
{
	if (it->type != YN_SCALAR) {
		gh_error(it->pos, "expected a string in '%s'", key);
		return NULL;
	}
	if (yml_is_null(it) || blank(it->str)) {
		gh_error(it->pos, "empty item in '%s'", key);
		return NULL;
	}
	return it->str;
}

/* Is s a plain id? Reports "invalid <what> id" at p when not. */
static bool
check_id(const char *s, const char *what, struct pos p)
{
	const char *why = NULL;

	if (id_valid(s, &why))
		return true;
	gh_error(p, "invalid %s id '%s' (%s)", what, s,
	    why != NULL ? why : "expected [a-z0-9][a-z0-9-]*");
	return false;
}

/*
 * Has a list already got s? base[0..n) holds the list so far, its
 * strings stride bytes apart. Short lists are scanned; from 16 items a
 * hash set takes over, so a huge list stays linear. Free set after.
 */
static bool
seen(struct hmap *set, const void *base, size_t stride, size_t n,
    const char *s)
{
	size_t i;

#define ITEM(i) (*(const char *const *)((const char *)base + (i) * stride))
	if (n < 16) {
		for (i = 0; i < n; i++)
			if (strcmp(ITEM(i), s) == 0)
				return true;
		return false;
	}
	if (set->n == 0)
		for (i = 0; i < n; i++)
			hmap_put(set, ITEM(i), (void *)ITEM(i));
#undef ITEM
	if (hmap_get(set, s) != NULL)
		return true;
	hmap_put(set, s, (void *)s);
	return false;
}

static void
warn_dup(const struct ynode *it, const char *key)
{
	gh_warning(it->pos, "'%s' is listed twice in '%s'", it->str, key);
}

/* A team id (custodian, owner): plain id, no registry. */
static const char *
get_team(struct dec *d, struct obj *o, int f, bool required)
{
	const char *s = get_str(d, o, f, required);

	if (s != NULL && !check_id(s, "team", o->v[f]->pos))
		return NULL;
	return s;
}

/* A list of strings; idkind non-NULL means every item is an id. */
static struct strlist
get_strlist(struct dec *d, struct obj *o, int f, bool required,
    const char *idkind)
{
	struct strlist l = { NULL, 0 };
	struct ynode *seq = get_seq(d, o, f, required);
	struct hmap set = { 0 };
	size_t i;

	if (seq == NULL)
		return l;
	l.v = arena_alloc(d->a, seq->n * sizeof(*l.v));
	for (i = 0; i < seq->n; i++) {
		const char *s = item_str(seq->items[i], o->keys[f]);

		if (s == NULL || (idkind != NULL &&
		    !check_id(s, idkind, seq->items[i]->pos)))
			continue;
		if (seen(&set, l.v, sizeof(*l.v), l.n, s))
			warn_dup(seq->items[i], o->keys[f]);
		else
			l.v[l.n++] = s;
	}
	hmap_free(&set);
	return l;
}

/* ISO 3166-1 alpha-2, uppercase. */
static bool
check_country(const char *s, struct pos p)
{
	char up[3];

	if (country_valid(s))
		return true;
	if (strlen(s) == 2) {
		up[0] = (char)(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 32 : s[0]);
		up[1] = (char)(s[1] >= 'a' && s[1] <= 'z' ? s[1] - 32 : s[1]);
		up[2] = '\0';
		if (country_valid(up)) {
			gh_error(p, "country code '%s' must be uppercase ('%s')",
			    s, up);
			return false;
		}
	}
	gh_error(p, "unknown country code '%s' (expected ISO 3166-1 "
	    "alpha-2, such as 'GB' or 'IE')", s);
	return false;
}

static const char *
get_country(struct dec *d, struct obj *o, int f, bool required)
{
	const char *s = get_str(d, o, f, required);

	if (s != NULL && !check_country(s, o->v[f]->pos))
		return NULL;
	return s;
}

static struct strlist
get_countries(struct dec *d, struct obj *o, int f)
{
	struct strlist l = { NULL, 0 };
	struct ynode *seq = get_seq(d, o, f, false);
	size_t i, j;

	if (seq == NULL)
		return l;
	l.v = arena_alloc(d->a, seq->n * sizeof(*l.v));
	for (i = 0; i < seq->n; i++) {
		const char *s = item_str(seq->items[i], o->keys[f]);

		if (s == NULL || !check_country(s, seq->items[i]->pos))
			continue;
		for (j = 0; j < l.n && strcmp(l.v[j], s) != 0; j++)
			continue;	/* at most ~250 countries */
		if (j < l.n)
			warn_dup(seq->items[i], o->keys[f]);
		else
			l.v[l.n++] = s;
	}
	return l;
}

static struct ref
make_ref(const struct ynode *v)
{
	struct ref r;

	r.id = v->str;
	r.pos = v->pos;
	r.to = NULL;
	return r;
}

/* One reference; idkind non-NULL requires id syntax. id NULL if none. */
static struct ref
get_ref(struct dec *d, struct obj *o, int f, bool required,
    const char *idkind)
{
	struct ref r = { NULL, { NULL, 0, 0 }, NULL };
	const char *s = get_str(d, o, f, required);

	if (s == NULL)
		return r;
	if (idkind != NULL && !check_id(s, idkind, o->v[f]->pos))
		return r;
	return make_ref(o->v[f]);
}

static struct reflist
get_refs(struct dec *d, struct obj *o, int f, bool required,
    const char *idkind)
{
	struct reflist l = { NULL, 0 };
	struct ynode *seq = get_seq(d, o, f, required);
	struct hmap set = { 0 };
	size_t i;

	if (seq == NULL)
		return l;
	l.v = arena_alloc(d->a, seq->n * sizeof(*l.v));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];

		if (item_str(it, o->keys[f]) == NULL || (idkind != NULL &&
		    !check_id(it->str, idkind, it->pos)))
			continue;
		if (seen(&set, l.v, sizeof(*l.v), l.n, it->str))
			warn_dup(it, o->keys[f]);
		else
			l.v[l.n++] = make_ref(it);
	}
	hmap_free(&set);
	return l;
}

/* The free "internal:" mapping: key -> string, in written order. */
static struct notes
get_notes(struct dec *d, struct obj *o, int f)
{
	struct notes nt = { NULL, 0 };
	struct ynode *v = field(o, f, false);
	size_t i;

	if (v == NULL)
		return nt;
	if (v->type != YN_MAP) {
		gh_error(v->pos, "expected a mapping for '%s'", o->keys[f]);
		return nt;
	}
	nt.v = arena_alloc(d->a, v->n * sizeof(*nt.v));
	for (i = 0; i < v->n; i++) {
		const struct ynode *val = v->items[i];

		if (yml_is_null(val))
			continue;
		if (val->type != YN_SCALAR) {
			gh_error(val->pos, "expected a string for '%s.%s'",
			    o->keys[f], v->keys[i]->str);
			continue;
		}
		nt.v[nt.n].key = arena_strndup(d->a, v->keys[i]->str,
		    v->keys[i]->len);	/* keys go with the tree */
		nt.v[nt.n].text = val->str;
		nt.n++;
	}
	return nt;
}

/* --- the closed sets ---------------------------------------------- */

#define CHOICES(what, tbl)	\
	{ what, tbl, NULL, sizeof(tbl) / sizeof(tbl[0]) }
static const struct choices audiences =
    CHOICES("audience", vocab_audience_keys);
static const struct choices statuses =
    CHOICES("status", vocab_status_keys);
static const struct choices roles =
    CHOICES("role", vocab_role_keys);
static const struct choices requirements =
    CHOICES("requirement", vocab_requirement_keys);
static const struct choices report_kinds =
    CHOICES("report kind", vocab_report_kind_keys);
static const struct choices decision_statuses =
    CHOICES("decision status", vocab_decision_status_keys);

static const struct choices legal_bases = {
	"legal basis", NULL, vocab_legal_bases, LB__COUNT
};
static const struct choices conditions = {
	"special-category condition", NULL, vocab_special_conditions,
	SC__COUNT
};
static const struct choices safeguards = {
	"safeguard", NULL, vocab_safeguards, SG__COUNT
};
static const struct choices jurisdictions = {
	"jurisdiction", NULL, vocab_jurisdictions, JI__COUNT
};

static enum audience
get_audience(struct dec *d, struct obj *o, int f, enum audience dflt)
{
	return (enum audience)get_enum(d, o, f, &audiences, (int)dflt);
}

/* --- site.yaml ---------------------------------------------------- */

enum { CT_NAME, CT_EMAIL, CT_ADDRESS, CT_PHONE, CT_URL, CT__N };
static const char *const contact_keys[CT__N] = {
	"name", "email", "address", "phone", "url"
};

static bool
email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at != s && at[1] != '\0' &&
	    strchr(at + 1, '@') == NULL && strpbrk(s, " \t\n<>\"") == NULL;
}

static bool
http_url_ok(const char *s)
{
	return (strncmp(s, "https://", 8) == 0 && s[8] != '\0') ||
	    (strncmp(s, "http://", 7) == 0 && s[7] != '\0');
}

static const char *
get_email(struct dec *d, struct obj *o, int f, bool required)
{
	const char *s = get_str(d, o, f, required);

	if (s != NULL && !email_ok(s)) {
		gh_error(o->v[f]->pos, "invalid email address '%s'", s);
		return NULL;
	}
	return s;
}

static const char *
get_url(struct dec *d, struct obj *o, int f)
{
	const char *s = get_str(d, o, f, false);

	/* http_url_ok is the stricter rule; url_allowed, the one allow-list
	 * every link passes, stays the last word */
	if (s != NULL && (!http_url_ok(s) || !url_allowed(s))) {
		gh_error(o->v[f]->pos, "invalid URL '%s' for '%s' (expected "
		    "http:// or https://)", s, o->keys[f]);
		return NULL;
	}
	return s;
}

static void
decode_contact(struct dec *d, struct obj *parent, int f, struct contact *c)
{
	struct obj o;

	memset(c, 0, sizeof(*c));
	if (parent->v[f] == NULL ||
	    !obj_open(d, &o, parent->v[f], contact_keys, CT__N,
	    parent->keys[f], parent->pos))
		return;
	c->name = get_str(d, &o, CT_NAME, true);
	c->email = get_email(d, &o, CT_EMAIL, false);
	c->address = get_str(d, &o, CT_ADDRESS, false);
	c->phone = get_str(d, &o, CT_PHONE, false);
	c->url = get_url(d, &o, CT_URL);
}

enum {
	OR_NAME, OR_LEGAL_NAME, OR_ADDRESS, OR_EMAIL, OR_PHONE, OR_DPO,
	OR_REPRESENTATIVE, OR_AUTHORITY, OR__N
};
static const char *const org_keys[OR__N] = {
	"name", "legal_name", "address", "email", "phone", "dpo",
	"representative", "authority"
};
enum {
	SI_ORGANISATION, SI_TITLE, SI_JURISDICTIONS, SI_LANGUAGE,
	SI_DISCLOSURE, SI_BASE_URL, SI_THEME, SI_INTERNAL, SI__N
};
static const char *const site_keys[SI__N] = {
	"organisation", "title", "jurisdictions", "language", "disclosure",
	"base_url", "theme", "internal"
};
enum { DI_MIN_COUNT, DI_ROUND_TO, DI__N };
static const char *const disclosure_keys[DI__N] = { "min_count", "round_to" };

/* A BCP 47 tag, checked for shape only: en, en-GB, pt-BR, zh-Hant-TW. */
static bool
language_ok(const char *s)
{
	size_t n = 0;
	const char *p;

	for (p = s; *p >= 'a' && *p <= 'z'; p++)
		n++;
	if (n < 2 || n > 3)
		return false;
	while (*p == '-') {
		n = 0;
		for (p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    is_digit((unsigned char)*p); p++)
			n++;
		if (n < 1 || n > 8)
			return false;
	}
	return *p == '\0';
}

static unsigned
decode_jurisdictions(struct dec *d, struct obj *o)
{
	struct ynode *seq;
	unsigned bits = 0, bit;
	size_t i;
	int j;

	if (o->v[SI_JURISDICTIONS] == NULL)
		return JUR_EU_GDPR;
	if ((seq = get_seq(d, o, SI_JURISDICTIONS, true)) == NULL)
		return JUR_EU_GDPR;
	for (i = 0; i < seq->n; i++) {
		if ((j = match_choice(d, seq->items[i], "jurisdictions",
		    &jurisdictions)) <= 0)
			continue;
		bit = 1u << (j - 1);
		if (bits & bit)
			gh_warning(seq->items[i]->pos, "jurisdiction '%s' is "
			    "listed twice", seq->items[i]->str);
		bits |= bit;
	}
	return bits ? bits : JUR_EU_GDPR;
}

static void
decode_site(struct dec *d, const struct srcfile *f)
{
	struct site *s = &d->m->site;
	struct obj o, org, dis;

	s->pos = f->pos;
	s->language = "en";
	s->jurisdictions = JUR_EU_GDPR;
	s->min_count = 10;
	s->round_to = 5;
	if (f->path == NULL || f->failed)
		return;		/* missing or unreadable: load.c said so */
	if (!obj_open(d, &o, f->root, site_keys, SI__N, NULL, f->pos))
		return;
	s->pos = o.pos;
	s->node = f->root;
	if (field(&o, SI_ORGANISATION, true) != NULL &&
	    obj_open(d, &org, o.v[SI_ORGANISATION], org_keys, OR__N,
	    "organisation", o.pos)) {
		s->name = get_str(d, &org, OR_NAME, true);
		s->legal_name = get_str(d, &org, OR_LEGAL_NAME, false);
		s->address = get_str(d, &org, OR_ADDRESS, true);
		s->email = get_email(d, &org, OR_EMAIL, true);
		s->phone = get_str(d, &org, OR_PHONE, false);
		decode_contact(d, &org, OR_DPO, &s->dpo);
		decode_contact(d, &org, OR_REPRESENTATIVE, &s->representative);
		decode_contact(d, &org, OR_AUTHORITY, &s->authority);
	}
	s->title = get_str(d, &o, SI_TITLE, false);
	if (s->title == NULL)
		s->title = s->name != NULL ? arena_printf(d->a,
		    "How %s uses your data", s->name) : "Privacy";
	s->jurisdictions = decode_jurisdictions(d, &o);
	if ((s->language = get_str(d, &o, SI_LANGUAGE, false)) == NULL)
		s->language = "en";
	else if (!language_ok(s->language)) {
		gh_error(o.v[SI_LANGUAGE]->pos, "invalid language tag '%s' "
		    "(expected a BCP 47 tag such as 'en' or 'en-GB')",
		    s->language);
		s->language = "en";
	}
	if (o.v[SI_DISCLOSURE] != NULL && obj_open(d, &dis,
	    o.v[SI_DISCLOSURE], disclosure_keys, DI__N, "disclosure", o.pos)) {
		s->min_count = (int)get_int(d, &dis, DI_MIN_COUNT, 10, 1,
		    INT_MAX);
		s->round_to = (int)get_int(d, &dis, DI_ROUND_TO, 5, 1, INT_MAX);
	}
	s->base_url = get_url(d, &o, SI_BASE_URL);
	s->theme = get_str(d, &o, SI_THEME, false);
	s->internal = get_notes(d, &o, SI_INTERNAL);
}

/* --- categories ----------------------------------------------------- */

static int
category_cmp(const void *pa, const void *pb)
{
	const struct category *a = *(struct category *const *)pa;
	const struct category *b = *(struct category *const *)pb;

	return strcmp(a->key, b->key);
}

/* A taxonomy key: dot-separated segments of [a-z0-9_-]. */
static bool
category_key_ok(const char *s)
{
	bool seg = false;

	for (; *s; s++) {
		if (*s == '.') {
			if (!seg)
				return false;
			seg = false;
		} else if ((*s >= 'a' && *s <= 'z') || is_digit((unsigned char)*s) ||
		    *s == '_' || *s == '-')
			seg = true;
		else
			return false;
	}
	return seg;
}

enum { CA_NAME, CA_DESCRIPTION, CA_SPECIAL, CA__N };
static const char *const category_keys[CA__N] = {
	"name", "description", "special"
};

/* special: false, true (Art. 9), 9 or 10; -1 when not given. */
static int
get_special(struct obj *o)
{
	struct ynode *v = field(o, CA_SPECIAL, false);

	if (v == NULL)
		return -1;
	if (v->type == YN_SCALAR && v->plain) {
		if (strcmp(v->str, "false") == 0)
			return 0;
		if (strcmp(v->str, "true") == 0 || strcmp(v->str, "9") == 0)
			return 9;
		if (strcmp(v->str, "10") == 0)
			return 10;
	}
	gh_error(v->pos, "invalid value for 'special' (use false, true or 9 "
	    "for Article 9 data, 10 for Article 10 data)");
	return -1;
}

static void
decode_categories(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	const struct ynode *root = f->path != NULL && !f->failed ? f->root : NULL;
	size_t i, nextra = root != NULL && root->type == YN_MAP ? root->n : 0;

	m->categories = arena_alloc(d->a,
	    (vocab_ncategories + nextra) * sizeof(*m->categories));
	/* Built-ins first; the table is sorted, so a parent comes
	 * before its children. */
	for (i = 0; i < vocab_ncategories; i++) {
		const struct term *t = &vocab_categories[i];
		struct category *c = arena_alloc(d->a, sizeof(*c));

		c->key = t->key;
		c->name = t->name;
		c->description = t->description;
		c->special = t->special;
		c->builtin = true;
		if (t->parent != NULL &&
		    (c->parent = hmap_get(&m->category_keys, t->parent)) &&
		    c->special == 0)
			c->special = c->parent->special;
		hmap_put(&m->category_keys, c->key, c);
		m->categories[m->ncategories++] = c;
	}
	if (root != NULL && root->type != YN_MAP)
		gh_error(root->pos, "expected a mapping of category key to "
		    "category");
	for (i = 0; i < nextra; i++) {
		const struct ynode *k = root->keys[i];
		struct category *c, *old;
		const char *dot;
		char *parent;
		struct obj o;
		int special;

		if (!category_key_ok(k->str)) {
			gh_error(k->pos, "invalid category key '%s' (expected "
			    "a dot path such as 'user.loyalty.points')", k->str);
			continue;
		}
		if ((old = hmap_get(&m->category_keys, k->str)) != NULL) {
			gh_error(k->pos, "category '%s' is already %s", k->str,
			    old->builtin ? "built in" : "defined");
			continue;
		}
		if ((dot = strrchr(k->str, '.')) == NULL) {
			gh_error(k->pos, "category '%s' has no parent (a new "
			    "key extends an existing one, such as 'user.%s')",
			    k->str, k->str);
			continue;
		}
		c = arena_alloc(d->a, sizeof(*c));
		c->key = arena_strndup(d->a, k->str, k->len);
		c->pos = k->pos;
		parent = arena_strndup(d->a, k->str, (size_t)(dot - k->str));
		if ((c->parent = hmap_get(&m->category_keys, parent)) == NULL) {
			struct suggest s;
			size_t j;

			suggest_init(&s, parent);
			for (j = 0; j < m->ncategories && !suggest_spent();
			    j++)
				suggest_add(&s, m->categories[j]->key);
			gh_error(k->pos, "unknown parent category '%s' of '%s'%s",
			    parent, k->str, suggest_hint(&s, d->a));
		}
		if (obj_open(d, &o, root->items[i], category_keys, CA__N,
		    k->str, k->pos)) {
			c->name = get_str(d, &o, CA_NAME, true);
			c->description = get_str(d, &o, CA_DESCRIPTION, false);
		}
		special = get_special(&o);
		c->special = special >= 0 ? special :
		    c->parent != NULL ? c->parent->special : 0;
		if (c->name == NULL)
			c->name = c->key;
		hmap_put(&m->category_keys, c->key, c);
		m->categories[m->ncategories++] = c;
	}
	qsort(m->categories, m->ncategories, sizeof(*m->categories),
	    category_cmp);
}

/* --- recipients.yaml ---------------------------------------------- */

enum { TR_COUNTRY, TR_SAFEGUARD, TR__N };
static const char *const transfer_keys[TR__N] = { "country", "safeguard" };
enum {
	RE_NAME, RE_ROLE, RE_COUNTRY, RE_PURPOSE, RE_SAFEGUARD, RE_TRANSFERS,
	RE_CONTRACT, RE_AUDIENCE, RE_INTERNAL, RE__N
};
static const char *const recipient_keys[RE__N] = {
	"name", "role", "country", "purpose", "safeguard", "transfers",
	"contract", "audience", "internal"
};

static void
decode_transfers(struct dec *d, struct obj *o, struct recipient *r)
{
	struct ynode *seq = get_seq(d, o, RE_TRANSFERS, false);
	size_t i;

	if (seq == NULL)
		return;
	r->transfers = arena_alloc(d->a, seq->n * sizeof(*r->transfers));
	for (i = 0; i < seq->n; i++) {
		struct transfer *t = &r->transfers[r->ntransfers];
		struct obj to;

		if (!obj_open(d, &to, seq->items[i], transfer_keys, TR__N,
		    NULL, seq->items[i]->pos))
			continue;
		t->pos = to.pos;
		t->country = get_country(d, &to, TR_COUNTRY, true);
		t->safeguard = (enum safeguard)get_enum(d, &to, TR_SAFEGUARD,
		    &safeguards, SG_NONE);
		if (t->country != NULL)
			r->ntransfers++;
	}
}

static void
decode_recipients(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	const struct ynode *root = f->path != NULL && !f->failed ? f->root : NULL;
	size_t i;

	if (root == NULL)
		return;
	if (root->type != YN_MAP) {
		gh_error(root->pos, "expected a mapping of recipient id to "
		    "recipient");
		return;
	}
	m->recipients = arena_alloc(d->a, root->n * sizeof(*m->recipients));
	for (i = 0; i < root->n; i++) {
		const struct ynode *k = root->keys[i];
		struct recipient *r;
		struct obj o;

		if (!check_id(k->str, "recipient", k->pos))
			continue;
		r = arena_alloc(d->a, sizeof(*r));
		r->id = arena_strndup(d->a, k->str, k->len);
		r->pos = k->pos;
		r->node = root->items[i];
		r->audience = AUD_PUBLIC;
		if (obj_open(d, &o, root->items[i], recipient_keys, RE__N,
		    k->str, k->pos)) {
			r->name = get_str(d, &o, RE_NAME, true);
			r->role = (enum recipient_role)get_enum(d, &o, RE_ROLE,
			    &roles, ROLE_PROCESSOR);
			r->country = get_country(d, &o, RE_COUNTRY, true);
			r->purpose = get_str(d, &o, RE_PURPOSE, false);
			r->safeguard = (enum safeguard)get_enum(d, &o,
			    RE_SAFEGUARD, &safeguards, SG_NONE);
			decode_transfers(d, &o, r);
			r->contract = get_str(d, &o, RE_CONTRACT, false);
			/* the internal pages link to it: one allow-list */
			if (r->contract != NULL && !url_allowed(r->contract)) {
				gh_error(o.v[RE_CONTRACT]->pos, "'contract' is "
				    "shown as a link: '%s' is not an http, "
				    "https, mailto or relative address",
				    r->contract);
				r->contract = NULL;
			}
			r->audience = get_audience(d, &o, RE_AUDIENCE,
			    AUD_PUBLIC);
			r->internal = get_notes(d, &o, RE_INTERNAL);
		}
		if (r->name == NULL)
			r->name = r->id;
		hmap_put(&m->recipient_ids, r->id, r);
		m->recipients[m->nrecipients++] = r;
	}
}

/* --- inventory/<id>.yaml ------------------------------------------ */

enum {
	DE_CATEGORY, DE_SUBJECTS, DE_PURPOSES, DE_SOURCE, DE_RETENTION,
	DE_REQUIRED, DE_SHARED_WITH, DE_LINKED, DE_TRACKING, DE_SOLD, DE__N
};
static const char *const entry_keys[DE__N] = {
	"category", "subjects", "purposes", "source", "retention", "required",
	"shared_with", "linked", "tracking", "sold"
};
enum {
	SY_NAME, SY_DESCRIPTION, SY_CUSTODIAN, SY_VENDOR, SY_LOCATIONS,
	SY_SECURITY, SY_ACCESS, SY_DATA, SY_AUDIENCE, SY_INTERNAL, SY__N
};
static const char *const system_keys[SY__N] = {
	"name", "description", "custodian", "vendor", "locations", "security",
	"access", "data", "audience", "internal"
};

static void
decode_source(struct dec *d, struct obj *o, struct data_entry *e)
{
	const char *s = get_str(d, o, DE_SOURCE, false);
	const char *why;

	e->source = SRC_YOU;
	if (s == NULL || strcmp(s, "you") == 0)
		return;
	if (strcmp(s, "observed") == 0) {
		e->source = SRC_OBSERVED;
		return;
	}
	if (!id_valid(s, &why)) {
		struct suggest sg;

		suggest_init(&sg, s);
		suggest_add(&sg, "you");
		suggest_add(&sg, "observed");
		gh_error(o->v[DE_SOURCE]->pos, "invalid source '%s'%s", s,
		    sg.best != NULL ? suggest_hint(&sg, d->a) :
		    " (expected you, observed or a recipient id)");
		return;
	}
	e->source = SRC_RECIPIENT;
	e->source_ref = make_ref(o->v[DE_SOURCE]);
}

static void
decode_retention(struct dec *d, struct obj *o, struct data_entry *e)
{
	const char *s = get_str(d, o, DE_RETENTION, true), *cause;

	if (s == NULL)
		return;
	if (retention_parse(d->a, s, &e->retention, &cause) != 0) {
		gh_error(o->v[DE_RETENTION]->pos, "invalid retention '%s' (%s)",
		    s, cause);
		e->retention.text = s;
	}
}

static bool
decode_entry(struct dec *d, const struct ynode *node, struct system *sys,
    struct data_entry *e)
{
	struct obj o;

	if (!obj_open(d, &o, node, entry_keys, DE__N, NULL, node->pos))
		return false;
	e->pos = node->pos;
	e->system = sys;
	e->category = get_ref(d, &o, DE_CATEGORY, true, NULL);
	e->subjects = get_refs(d, &o, DE_SUBJECTS, true, NULL);
	e->purposes = get_refs(d, &o, DE_PURPOSES, true, "purpose");
	decode_source(d, &o, e);
	decode_retention(d, &o, e);
	e->required = (enum requirement)get_enum(d, &o, DE_REQUIRED,
	    &requirements, REQ_OPTIONAL);
	e->shared_with = get_refs(d, &o, DE_SHARED_WITH, false, "recipient");
	e->linked = get_bool(d, &o, DE_LINKED, true);
	e->tracking = get_bool(d, &o, DE_TRACKING, false);
	e->sold = get_bool(d, &o, DE_SOLD, false);
	/* written in the entry itself, not a default (completeness) */
	e->required_stated = (o.present >> DE_REQUIRED) & 1;
	e->sold_stated = (o.present >> DE_SOLD) & 1;
	return true;
}

/* Register id in map; a second object with the same id is an error. */
static bool
register_id(struct hmap *map, const char *kind, const char *id,
    void *obj, struct pos pos)
{
	if (hmap_get(map, id) != NULL) {
		gh_error(pos, "duplicate %s id '%s'", kind, id);
		return false;
	}
	hmap_put(map, id, obj);
	return true;
}

static void
decode_system(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct system *s = arena_alloc(d->a, sizeof(*s));
	struct ynode *seq;
	struct obj o;
	size_t i;

	s->id = f->id;
	s->path = f->path;
	s->pos = f->root != NULL ? f->root->pos : f->pos;
	s->locations_at = yml_key_pos(f->root, "locations", s->pos);
	s->audience = AUD_PUBLIC;
	if (!register_id(&m->system_ids, "system", s->id, s, f->pos))
		return;
	m->systems[m->nsystems++] = s;
	if (f->failed || !obj_open(d, &o, f->root, system_keys, SY__N, NULL, f->pos))
		return;
	s->name = get_str(d, &o, SY_NAME, true);
	s->description = get_str(d, &o, SY_DESCRIPTION, false);
	s->custodian = get_team(d, &o, SY_CUSTODIAN, true);
	s->vendor = get_ref(d, &o, SY_VENDOR, false, "recipient");
	s->locations = get_countries(d, &o, SY_LOCATIONS);
	s->security = get_strlist(d, &o, SY_SECURITY, false, NULL);
	s->access = get_strlist(d, &o, SY_ACCESS, false, "team");
	if ((seq = get_seq(d, &o, SY_DATA, true)) != NULL) {
		s->data = arena_alloc(d->a, seq->n * sizeof(*s->data));
		for (i = 0; i < seq->n; i++)
			if (decode_entry(d, seq->items[i], s, &s->data[s->ndata]))
				s->ndata++;
	}
	s->audience = get_audience(d, &o, SY_AUDIENCE, AUD_PUBLIC);
	s->internal = get_notes(d, &o, SY_INTERNAL);
	if (s->name == NULL)
		s->name = s->id;
}

/* --- purposes/<id>.md --------------------------------------------- */

enum {
	PU_TITLE, PU_SUMMARY, PU_LEGAL_BASIS, PU_LEGITIMATE_INTEREST,
	PU_WITHDRAW, PU_SPECIAL_CONDITION, PU_USE, PU_BENEFIT,
	PU_AUTOMATED_DECISIONS, PU_STATUS, PU_REVIEW_BY, PU_OWNER,
	PU_AUDIENCE, PU_INTERNAL, PU__N
};
static const char *const purpose_keys[PU__N] = {
	"title", "summary", "legal_basis", "legitimate_interest", "withdraw",
	"special_condition", "use", "benefit", "automated_decisions",
	"status", "review_by", "owner", "audience", "internal"
};

/* The Markdown body of f rendered in the arena ("" when none). */
static char *
body_html(struct dec *d, const struct srcfile *f)
{
	struct pos p;

	if (f->body == NULL || f->body_len == 0)
		return arena_strdup(d->a, "");
	p.file = f->path;
	p.line = f->body_line > 0 ? f->body_line : 1;
	p.col = 1;
	return md_render(d->a, f->body, f->body_len, p);
}

static void
decode_purpose(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct purpose *p = arena_alloc(d->a, sizeof(*p));
	struct obj o;

	p->id = f->id;
	p->path = f->path;
	p->pos = f->root != NULL ? f->root->pos : f->pos;
	p->legal_basis_at = yml_key_pos(f->root, "legal_basis", p->pos);
	p->special_condition_at = yml_key_pos(f->root, "special_condition",
	    p->pos);
	p->review_by_at = yml_key_pos(f->root, "review_by", p->pos);
	p->audience = AUD_PUBLIC;
	if (!register_id(&m->purpose_ids, "purpose", p->id, p, f->pos))
		return;
	m->purposes[m->npurposes++] = p;
	/* rendered ahead by the loader; a body its guard refused is
	 * rendered again here, in file order, to report why */
	p->body_html = f->html != NULL ? f->html : body_html(d, f);
	if (f->failed || !obj_open(d, &o, f->root, purpose_keys, PU__N, NULL, f->pos))
		return;
	p->title = get_str(d, &o, PU_TITLE, true);
	p->summary = get_str(d, &o, PU_SUMMARY, true);
	if (field(&o, PU_LEGAL_BASIS, true) != NULL)
		p->legal_basis = (enum legal_basis)get_enum(d, &o,
		    PU_LEGAL_BASIS, &legal_bases, LB_NONE);
	p->legitimate_interest = get_str(d, &o, PU_LEGITIMATE_INTEREST, false);
	p->withdraw = get_str(d, &o, PU_WITHDRAW, false);
	p->special_condition = (enum special_condition)get_enum(d, &o,
	    PU_SPECIAL_CONDITION, &conditions, SC_NONE);
	p->use = get_ref(d, &o, PU_USE, false, NULL);
	p->benefit = get_str(d, &o, PU_BENEFIT, false);
	p->automated_decisions = get_str(d, &o, PU_AUTOMATED_DECISIONS, false);
	p->status = (enum purpose_status)get_enum(d, &o, PU_STATUS, &statuses,
	    PS_ACTIVE);
	p->review_by = get_date(d, &o, PU_REVIEW_BY, false, false);
	p->owner = get_team(d, &o, PU_OWNER, false);
	p->audience = get_audience(d, &o, PU_AUDIENCE, AUD_PUBLIC);
	if (p->status == PS_PROPOSED)
		p->audience = AUD_INTERNAL;
	p->internal = get_notes(d, &o, PU_INTERNAL);
	if (p->title == NULL)
		p->title = p->id;
}

/* --- pages/<id>.md ------------------------------------------------ */

enum { PG_TITLE, PG_AUDIENCE, PG_ORDER, PG_INTERNAL, PG__N };
static const char *const page_keys[PG__N] = {
	"title", "audience", "order", "internal"
};

static void
decode_page(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct page *pg = arena_alloc(d->a, sizeof(*pg));
	struct obj o;

	pg->id = f->id;
	pg->pos = f->root != NULL ? f->root->pos : f->pos;
	pg->audience = AUD_PUBLIC;
	if (!register_id(&m->page_ids, "page", pg->id, pg, f->pos))
		return;
	m->pages[m->npages++] = pg;
	pg->body_html = body_html(d, f);
	if (f->failed || !obj_open(d, &o, f->root, page_keys, PG__N, NULL, f->pos))
		return;
	pg->title = get_str(d, &o, PG_TITLE, true);
	pg->audience = get_audience(d, &o, PG_AUDIENCE, AUD_PUBLIC);
	pg->order = (long)get_int(d, &o, PG_ORDER, 0, INT_MIN, INT_MAX);
	pg->internal = get_notes(d, &o, PG_INTERNAL);
	if (pg->title == NULL)
		pg->title = pg->id;
}

/* --- reports/<id>.yaml -------------------------------------------- */

enum {
	RP_TITLE, RP_AUDIENCE, RP_KIND, RP_MEASURE, RP_BY, RP_PERIODS,
	RP_INTERNAL, RP__N
};
static const char *const report_keys[RP__N] = {
	"title", "audience", "kind", "measure", "by", "periods", "internal"
};
static const char *const granularity_names[] = {
	[PERIOD_MONTH] = "month", [PERIOD_QUARTER] = "quarter",
	[PERIOD_YEAR] = "year"
};

/* One count: a plain whole number from 0 to 2^53. */
static bool
decode_count(const struct ynode *v, const char *group, long long *out)
{
	const char *why = NULL;

	if (v->type != YN_SCALAR) {
		gh_error(v->pos, "expected a count for '%s'", group);
		return false;
	}
	if (yml_is_null(v)) {
		gh_error(v->pos, "missing count for '%s'", group);
		return false;
	}
	if (!v->plain) {
		gh_error(v->pos, "invalid count '%s' (write a number without "
		    "quotes)", v->str);
		return false;
	}
	switch (num_parse(v->str, out)) {
	case NUM_OK:
		if (*out < 0)
			why = "counts cannot be negative";
		break;
	case NUM_FRAC:
		why = v->str[0] == '-' ? "counts cannot be negative" :
		    "counts are whole numbers";
		break;
	case NUM_BIG:
		why = v->str[0] == '-' ? "counts cannot be negative" :
		    "larger than 2^53";
		break;
	case NUM_NAN:
		why = "expected a whole number";
		break;
	}
	if (why != NULL) {
		gh_error(v->pos, "invalid count '%s' (%s)", v->str, why);
		return false;
	}
	return true;
}

static int
period_cmp(const void *pa, const void *pb)
{
	const struct period *a = pa, *b = pb;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (a->sub > b->sub) - (a->sub < b->sub);
}

static void
decode_periods(struct dec *d, struct obj *o, struct report *r)
{
	struct ynode *v = field(o, RP_PERIODS, true);
	const struct period *first = NULL;
	size_t i, j;

	if (v == NULL)
		return;
	if (v->type != YN_MAP) {
		gh_error(v->pos, "expected a mapping of period to counts for "
		    "'periods'");
		return;
	}
	if (v->n == 0) {
		gh_error(v->pos, "empty mapping for 'periods' (at least one "
		    "period is required)");
		return;
	}
	r->periods = arena_alloc(d->a, v->n * sizeof(*r->periods));
	for (i = 0; i < v->n; i++) {
		const struct ynode *k = v->keys[i], *cells = v->items[i];
		struct period *p = &r->periods[r->nperiods];
		enum period_kind kind;

		if (period_parse(k->str, &kind, &p->year, &p->sub) != 0) {
			gh_error(k->pos, "invalid period '%s' (expected "
			    "YYYY-MM, YYYY-Qn or YYYY)", k->str);
			continue;
		}
		if (first == NULL) {
			r->granularity = kind;
			first = p;
		} else if (kind != r->granularity) {
			gh_error(k->pos, "period '%s' is a %s, but this series "
			    "counts by %s (see '%s'; one granularity per "
			    "series)", k->str, granularity_names[kind],
			    granularity_names[r->granularity], first->label);
			continue;
		}
		p->label = arena_strndup(d->a, k->str, k->len);
		p->pos = k->pos;
		r->nperiods++;
		if (yml_is_null(cells)) {
			gh_error(k->pos, "missing counts for period '%s' "
			    "(write {group: count, ...})", k->str);
			continue;
		}
		if (cells->type != YN_MAP) {
			gh_error(cells->pos, "expected a mapping of group to "
			    "count for '%s'", k->str);
			continue;
		}
		if (cells->n == 0) {
			gh_error(cells->pos, "empty mapping for '%s' (at least "
			    "one group is required)", k->str);
			continue;
		}
		p->cells = arena_alloc(d->a, cells->n * sizeof(*p->cells));
		for (j = 0; j < cells->n; j++) {
			struct cell *c = &p->cells[p->ncells];

			if (blank(cells->keys[j]->str)) {
				gh_error(cells->keys[j]->pos, "empty group name");
				continue;
			}
			/* groups are plain ids (content-format section 1) */
			if (!check_id(cells->keys[j]->str, "group",
			    cells->keys[j]->pos))
				continue;
			c->group = arena_strndup(d->a, cells->keys[j]->str,
			    cells->keys[j]->len);
			c->pos = cells->items[j]->pos;
			if (decode_count(cells->items[j], c->group, &c->count))
				p->ncells++;
		}
	}
	qsort(r->periods, r->nperiods, sizeof(*r->periods), period_cmp);
	/* yml.c rejects duplicate keys and each period has one spelling,
	 * so this only guards a future, laxer period syntax. */
	for (i = 1; i < r->nperiods; i++)
		if (period_cmp(&r->periods[i - 1], &r->periods[i]) == 0)
			gh_error(r->periods[i].pos, "duplicate period '%s'",
			    r->periods[i].label);
}

static void
decode_report(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct report *r = arena_alloc(d->a, sizeof(*r));
	struct obj o;

	r->id = f->id;
	r->pos = f->root != NULL ? f->root->pos : f->pos;
	r->audience = AUD_INTERNAL;
	if (!register_id(&m->report_ids, "report", r->id, r, f->pos))
		return;
	m->reports[m->nreports++] = r;
	if (f->failed || !obj_open(d, &o, f->root, report_keys, RP__N, NULL, f->pos))
		return;
	r->title = get_str(d, &o, RP_TITLE, true);
	r->audience = get_audience(d, &o, RP_AUDIENCE, AUD_INTERNAL);
	r->kind = (enum report_kind)get_enum(d, &o, RP_KIND, &report_kinds,
	    RK_OTHER);
	r->measure = get_str(d, &o, RP_MEASURE, true);
	r->by = get_str(d, &o, RP_BY, true);
	if (r->by != NULL && strcasecmp(r->by, "person") == 0 &&
	    r->audience == AUD_PUBLIC)
		gh_error(o.v[RP_BY]->pos, "'by: person' is not allowed in a "
		    "public report (counts per named person stay internal)");
	decode_periods(d, &o, r);
	r->internal = get_notes(d, &o, RP_INTERNAL);
	if (r->title == NULL)
		r->title = r->id;
}

/* --- committee ---------------------------------------------------- */

enum { CO_REQUIRED_FUNCTIONS, CO_MEMBERS, CO__N };
static const char *const committee_keys[CO__N] = {
	"required_functions", "members"
};
enum { ME_NAME, ME_FUNCTION, ME_SINCE, ME__N };
static const char *const member_keys[ME__N] = { "name", "function", "since" };
static const char *const default_functions[] = {
	"marketing", "sales", "customer-care", "design", "engineering",
	"legal", "security", "it"
};

static void
decode_members(struct dec *d, const struct srcfile *f)
{
	struct committee *c = &d->m->committee;
	struct ynode *seq;
	struct obj o;
	size_t i;

	c->pos = f->pos;
	c->present = f->path != NULL;
	c->required_functions.v = (const char **)default_functions;
	c->required_functions.n = sizeof(default_functions) /
	    sizeof(default_functions[0]);
	if (f->path == NULL || f->failed || f->root == NULL)
		return;
	if (!obj_open(d, &o, f->root, committee_keys, CO__N, NULL, f->pos))
		return;
	c->pos = o.pos;
	c->node = f->root;
	if (o.v[CO_REQUIRED_FUNCTIONS] != NULL) {
		c->required_functions = get_strlist(d, &o,
		    CO_REQUIRED_FUNCTIONS, false, "function");
		if (o.v[CO_REQUIRED_FUNCTIONS]->type != YN_SEQ) {
			c->required_functions.v = (const char **)default_functions;
			c->required_functions.n = sizeof(default_functions) /
			    sizeof(default_functions[0]);
		}
	}
	if ((seq = get_seq(d, &o, CO_MEMBERS, false)) == NULL)
		return;
	c->members = arena_alloc(d->a, seq->n * sizeof(*c->members));
	for (i = 0; i < seq->n; i++) {
		struct member *mb = &c->members[c->nmembers];
		struct obj mo;

		if (!obj_open(d, &mo, seq->items[i], member_keys, ME__N, NULL,
		    seq->items[i]->pos))
			continue;
		mb->pos = mo.pos;
		mb->name = get_str(d, &mo, ME_NAME, true);
		mb->function = get_str(d, &mo, ME_FUNCTION, true);
		if (mb->function != NULL &&
		    !check_id(mb->function, "function", mo.v[ME_FUNCTION]->pos))
			mb->function = NULL;
		mb->since = get_date(d, &mo, ME_SINCE, false, true);
		if (mb->name != NULL)
			c->nmembers++;
	}
}

enum {
	DC_TITLE, DC_DATE, DC_STATUS, DC_AFFECTS, DC_PUBLIC_SUMMARY,
	DC_AUDIENCE, DC_INTERNAL, DC__N
};
static const char *const decision_keys[DC__N] = {
	"title", "date", "status", "affects", "public_summary", "audience",
	"internal"
};
static const char *const affect_kinds[] = {
	"inventory", "purpose", "recipient", "report"
};

/* "kind:id" with a known kind and a valid id. */
static bool
check_affect(struct dec *d, const struct ynode *it)
{
	const char *colon = strchr(it->str, ':');
	struct suggest s;
	size_t i, n = sizeof(affect_kinds) / sizeof(affect_kinds[0]);
	char *kind;

	if (colon == NULL) {
		gh_error(it->pos, "invalid affected item '%s' (expected "
		    "KIND:ID, KIND one of inventory, purpose, recipient, "
		    "report)", it->str);
		return false;
	}
	kind = arena_strndup(d->a, it->str, (size_t)(colon - it->str));
	for (i = 0; i < n; i++)
		if (strcmp(kind, affect_kinds[i]) == 0)
			break;
	if (i == n) {
		suggest_init(&s, kind);
		for (i = 0; i < n; i++)
			suggest_add(&s, affect_kinds[i]);
		gh_error(it->pos, "unknown kind '%s' in '%s'%s", kind, it->str,
		    s.best != NULL ? suggest_hint(&s, d->a) : " (one of "
		    "inventory, purpose, recipient, report)");
		return false;
	}
	return check_id(colon + 1, kind, it->pos);
}

static void
decode_decision(struct dec *d, const struct srcfile *f)
{
	struct model *m = d->m;
	struct decision *dc = arena_alloc(d->a, sizeof(*dc));
	struct ynode *seq;
	struct obj o;
	size_t i;

	dc->id = f->id;
	dc->pos = f->root != NULL ? f->root->pos : f->pos;
	dc->status = DS_PROPOSED;
	dc->audience = AUD_PUBLIC;
	if (!register_id(&m->decision_ids, "decision", dc->id, dc, f->pos))
		return;
	m->decisions[m->ndecisions++] = dc;
	dc->rationale_html = body_html(d, f);
	if (f->failed || !obj_open(d, &o, f->root, decision_keys, DC__N, NULL, f->pos))
		return;
	dc->title = get_str(d, &o, DC_TITLE, true);
	dc->date = get_date(d, &o, DC_DATE, true, false);
	dc->status = (enum decision_status)get_enum(d, &o, DC_STATUS,
	    &decision_statuses, DS_PROPOSED);
	if ((seq = get_seq(d, &o, DC_AFFECTS, false)) != NULL) {
		struct hmap set = { 0 };

		dc->affects.v = arena_alloc(d->a, seq->n * sizeof(struct ref));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *it = seq->items[i];

			if (item_str(it, "affects") == NULL ||
			    !check_affect(d, it))
				continue;
			if (seen(&set, dc->affects.v, sizeof(struct ref),
			    dc->affects.n, it->str))
				warn_dup(it, "affects");
			else
				dc->affects.v[dc->affects.n++] = make_ref(it);
		}
		hmap_free(&set);
	}
	dc->public_summary = get_str(d, &o, DC_PUBLIC_SUMMARY, false);
	dc->audience = get_audience(d, &o, DC_AUDIENCE, AUD_PUBLIC);
	dc->internal = get_notes(d, &o, DC_INTERNAL);
	if (dc->title == NULL)
		dc->title = dc->id;
}

/* --- entry point -------------------------------------------------- */

typedef void decode_fn(struct dec *, const struct srcfile *);

/*
 * Decode every file of a list. A file whose YAML failed (reported by
 * load.c) still registers its id, so references to it do not cascade
 * into "unknown" errors; its fields stay empty.
 */
/*
 * Decode the files of l in order, each as soon as the loader has it,
 * and let its tree go right after. Returns -1 when the loading failed
 * (an I/O error: stop), else 0.
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
