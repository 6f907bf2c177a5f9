/*
 * diag.h - the one error convention.
 *
 * Every user-facing problem is a diagnostic with a source position:
 *	path:line:col: error: message
 * Diagnostics are collected (as SQLite's parser collects nErr) so one
 * run reports every problem; they are printed sorted by file, line and
 * column, so output never depends on the order of the checks. Messages
 * start lowercase, have no full stop and quote the subject in single
 * quotes (git style): unknown key 'retension' (did you mean 'retention'?)
 *
 * gh_error() returns -1 so callers can write "return gh_error(...)".
 */
#ifndef GH_DIAG_H
#define GH_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A position in a source file; line and col are 1-based, 0 = unknown. */
struct pos {
	const char	*file;	/* path as given on the command line */
	int		 line;
	int		 col;
};

enum severity {
	SEV_ERROR,
	SEV_WARNING
};

int	 gh_error(struct pos, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 gh_warning(struct pos, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Counts since the last diag_reset(), which also refills the hint
 * budget (below). */
int	 diag_errors(void);
int	 diag_warnings(void);
/* Print the diagnostics sorted, then reset: as text lines, or with
 * json 1 as one JSON array of objects (file, line, column, severity,
 * message), one object per line ("[]" when there are none). With
 * strict, warnings print as errors. */
void	 diag_flush(FILE *, int json, int strict);
void	 diag_reset(void);

/*
 * "Did you mean": feed candidates to suggest_add(); suggest_hint() gives
 * "" or " (did you mean 'x'?)" (in the arena) for the nearest one within
 * a small edit distance (ties: byte order). Used by decode and check.
 *
 * Hints are a courtesy with one budget per run, owned here: after
 * SUGGEST_BUDGET comparisons suggest_add() makes no more and
 * suggest_spent() is true, so N unknown words against M candidates
 * cannot cost N*M. diag_reset() starts a new run and refills it.
 */
struct arena;
struct suggest {
	const char	*word;
	const char	*best;
	size_t		 dist;
	size_t		 cap;
};
void	 suggest_init(struct suggest *, const char *word);
void	 suggest_add(struct suggest *, const char *cand);
const char *suggest_hint(const struct suggest *, struct arena *);
bool	 suggest_spent(void);

/* Usage, I/O and internal errors: "glasshouse: message" on stderr. */
void	 gh_fatal_msg(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
