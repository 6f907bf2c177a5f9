/*
 * atom.h - changes.atom (atom.c): the public changelog as an Atom 1.0
 * feed (RFC 4287), written as text into the caller's buffer from the
 * model alone. Its entries are the published decisions
 * (decision_published(), model.h), newest first; the bytes depend on
 * the content only (tag URIs and a name-based UUID, dates from the
 * decisions).
 */
#ifndef GH_ATOM_H
#define GH_ATOM_H

#include "model.h"

/* changes.atom (published decisions only), appended to the buffer. */
void	 atom_changes(const struct model *, struct buf *);
/* Append "urn:uuid:" + the RFC 4122 version 5 UUID of name (URL
 * namespace). */
void	 atom_uuid5(const char *name, struct buf *);

#endif
