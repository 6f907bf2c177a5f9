/*
 * decode_scalar.c - the scalar grammars of the content format, on
 * plain strings: dates (YYYY-MM-DD, YYYY-MM), report periods (YYYY-MM,
 * YYYY-Qn, YYYY), retention periods ('N units [after EVENT]', 'until
 * EVENT') and YAML numbers. They know nothing of nodes or positions,
 * so the unit tests and the fuzzers call them directly
 * (date_parse, period_parse and retention_parse are declared in
 * decode.h); the typed getters in decode_value.c wrap them.
 */
#include <limits.h>
#include <string.h>

#include "decode_impl.h"

#define MAX_EXACT	9007199254740992LL	/* 2^53: exact in a double */

/* An ASCII decimal digit? */
bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A blank: space, tab, newline or carriage return? */
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

/* Days in month m (1-12) of year y, leap years included. */
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

/* The first non-blank at or after p. */
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

/* Classify s as a YAML number (enum num in decode_impl.h); *out is
 * set for NUM_OK. */
enum num
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

/* Only blanks, or empty? */
bool
is_blank(const char *s)
{
	while (is_space((unsigned char)*s))
		s++;
	return *s == '\0';
}
