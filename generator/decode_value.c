/*
 * decode_value.c - the typed-field helper every content decoder uses.
 *
 * obj_open() decodes a mapping against the list of keys its kind
 * allows (struct obj): one pass files each value under its key, so an
 * unknown key is found at once and gets a "did you mean" from the same
 * list. The getters then read one field each as a typed value: string,
 * boolean (plain true/false only), enum (a closed set, struct choices),
 * integer, date, id, team, country, reference, list, notes, audience.
 * It also owns what several decoders share: id registration, the
 * Markdown body, duplicate detection in lists. The contract (errors,
 * ownership) is in decode_impl.h.
 */
#include <assert.h>
#include <limits.h>
#include <string.h>

#include "decode_impl.h"
#include "markdown.h"

/* --- closed sets -------------------------------------------------- */

/* The word of value i of c (NULL when it has none). */
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

/* --- mappings and typed values ------------------------------------ */

/*
 * Start decoding node as a mapping with the given keys. An absent node
 * (NULL) leaves every field absent and missing keys are reported at
 * fallback; a node that is not a mapping is reported (as a mapping for
 * 'what', or bare when what is NULL) and every field stays absent.
 */
bool
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
struct ynode *
obj_field(struct obj *o, int f, bool required)
{
	if (o->v[f] == NULL && required && !o->bad)
		gh_error(o->pos, "missing required key '%s'", o->keys[f]);
	return o->v[f];
}

/* A scalar as the string it was written as; blank counts as absent. */
const char *
get_str(struct dec *d, struct obj *o, int f, bool required)
{
	struct ynode *v = obj_field(o, f, required);

	if (v == NULL)
		return NULL;
	if (v->type != YN_SCALAR) {
		gh_error(v->pos, "expected a string for '%s'", o->keys[f]);
		return NULL;
	}
	if (is_blank(v->str)) {
		if (required)
			gh_error(v->pos, "empty value for '%s'", o->keys[f]);
		return NULL;
	}
	return v->str;
}

/* Plain true or false; dflt when absent or wrong (reported). */
bool
get_bool(struct dec *d, struct obj *o, int f, bool dflt)
{
	struct ynode *v = obj_field(o, f, false);

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
int
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

/* The index of a word of c; dflt when absent or unknown (reported). */
int
get_enum(struct dec *d, struct obj *o, int f, const struct choices *c,
    int dflt)
{
	struct ynode *v = obj_field(o, f, false);
	int i;

	if (v == NULL)
		return dflt;
	i = match_choice(d, v, o->keys[f], c);
	return i < 0 ? dflt : i;
}

/* An integer in [min, max]; dflt when absent or wrong (reported). */
long long
get_int(struct dec *d, struct obj *o, int f, long long dflt,
    long long min, long long max)
{
	struct ynode *v = obj_field(o, f, false);
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

/* A date, YYYY-MM-DD (or YYYY-MM with month_only); zero when absent
 * or wrong. */
struct date
get_date(struct dec *d, struct obj *o, int f, bool required,
    bool month_only)
{
	struct ynode *v = obj_field(o, f, required);
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
struct ynode *
get_seq(struct dec *d, struct obj *o, int f, bool required)
{
	struct ynode *v = obj_field(o, f, required);

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
const char *
item_str(const struct ynode *it, const char *key)
{
	if (it->type != YN_SCALAR) {
		gh_error(it->pos, "expected a string in '%s'", key);
		return NULL;
	}
	if (yml_is_null(it) || is_blank(it->str)) {
		gh_error(it->pos, "empty item in '%s'", key);
		return NULL;
	}
	return it->str;
}

/* Is s a plain id? Reports "invalid <what> id" at p when not. */
bool
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
bool
list_seen(struct hmap *set, const void *base, size_t stride, size_t n,
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

/* The warning for an item listed twice in key. */
void
warn_dup(const struct ynode *it, const char *key)
{
	gh_warning(it->pos, "'%s' is listed twice in '%s'", it->str, key);
}

/* A team id (custodian, owner): plain id, no registry. */
const char *
get_team(struct dec *d, struct obj *o, int f, bool required)
{
	const char *s = get_str(d, o, f, required);

	if (s != NULL && !check_id(s, "team", o->v[f]->pos))
		return NULL;
	return s;
}

/* How an item of a list is checked: check_id, or country_item. */
typedef bool item_check(const char *s, const char *kind, struct pos p);

/*
 * The items of list f that are strings, pass check (when not NULL)
 * and are not repeats (a repeat is warned about and left out), in
 * order, as an arena array of strings or, with refs, of struct ref.
 * Returns the array, *n its length; NULL when the list is absent.
 */
static void *
unique_items(struct dec *d, struct obj *o, int f, bool required,
    item_check *check, const char *kind, bool refs, size_t *n)
{
	struct ynode *seq = get_seq(d, o, f, required);
	struct hmap set = { 0 };
	size_t stride = refs ? sizeof(struct ref) : sizeof(const char *);
	void *v;
	size_t i;

	*n = 0;
	if (seq == NULL)
		return NULL;
	v = arena_alloc(d->a, seq->n * stride);
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];

		if (item_str(it, o->keys[f]) == NULL || (check != NULL &&
		    !check(it->str, kind, it->pos)))
			continue;
		if (list_seen(&set, v, stride, *n, it->str))
			warn_dup(it, o->keys[f]);
		else if (refs)
			((struct ref *)v)[(*n)++] = make_ref(it);
		else
			((const char **)v)[(*n)++] = it->str;
	}
	hmap_free(&set);
	return v;
}

/* A list of strings; idkind non-NULL means every item is an id. */
struct strlist
get_strlist(struct dec *d, struct obj *o, int f, bool required,
    const char *idkind)
{
	struct strlist l;

	l.v = unique_items(d, o, f, required, idkind != NULL ? check_id :
	    NULL, idkind, false, &l.n);
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

/* One ISO 3166-1 alpha-2 code; NULL when absent or wrong. */
const char *
get_country(struct dec *d, struct obj *o, int f, bool required)
{
	const char *s = get_str(d, o, f, required);

	if (s != NULL && !check_country(s, o->v[f]->pos))
		return NULL;
	return s;
}

/* check_country as an item_check (kind is not used). */
static bool
country_item(const char *s, const char *kind, struct pos p)
{
	return check_country(s, p);
}

/* A list of unique country codes. */
struct strlist
get_countries(struct dec *d, struct obj *o, int f)
{
	struct strlist l;

	l.v = unique_items(d, o, f, false, country_item, "country", false,
	    &l.n);
	return l;
}

/* An unresolved reference to the scalar v. */
struct ref
make_ref(const struct ynode *v)
{
	struct ref r;

	r.id = v->str;
	r.pos = v->pos;
	r.to = NULL;
	return r;
}

/* One reference; idkind non-NULL requires id syntax. id NULL if none. */
struct ref
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

/* A list of unique references; idkind non-NULL requires id syntax. */
struct reflist
get_refs(struct dec *d, struct obj *o, int f, bool required,
    const char *idkind)
{
	struct reflist l;

	l.v = unique_items(d, o, f, required, idkind != NULL ? check_id :
	    NULL, idkind, true, &l.n);
	return l;
}

/* The free "internal:" mapping: key -> string, in written order. */
struct notes
get_notes(struct dec *d, struct obj *o, int f)
{
	struct notes nt = { NULL, 0 };
	struct ynode *v = obj_field(o, f, false);
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

static const struct choices audiences =
    CHOICES("audience", vocab_audience_keys);

/* public or internal; dflt when absent or wrong. */
enum audience
get_audience(struct dec *d, struct obj *o, int f, enum audience dflt)
{
	return (enum audience)get_enum(d, o, f, &audiences, (int)dflt);
}

/* --- shared by several files -------------------------------------- */

/* Where a file's object starts: its root node, or the file itself
 * when it has none. */
struct pos
file_pos(const struct srcfile *f)
{
	return f->root != NULL ? f->root->pos : f->pos;
}

/* Open a one-object file's mapping against keys; false when the file
 * failed to parse or is not a mapping (reported by obj_open). */
bool
file_open(struct dec *d, struct obj *o, const struct srcfile *f,
    const char *const keys[], size_t nkeys)
{
	return !f->failed && obj_open(d, o, f->root, keys, nkeys, NULL,
	    f->pos);
}

/* Register id in map; a second object with the same id is an error. */
bool
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

/* The Markdown body of f rendered in the arena ("" when none). */
char *
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
