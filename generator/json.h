/*
 * json.h - inventory.json (json.c): the model as data for one
 * audience, keys in a fixed order, bytes that depend on the content
 * only. An export: it sees the model (and report.c's figures), never
 * the pages.
 */
#ifndef GH_JSON_H
#define GH_JSON_H

#include "model.h"

/* Append the whole file to out. */
void	 json_inventory(const struct model *, enum audience, struct buf *out);
/* The same bytes through the sink, handed on as they are made. */
void	 json_inventory_sink(const struct model *, enum audience,
	    struct sink *out);

#endif
